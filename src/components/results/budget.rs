//! The budget: the effort range and the certification audit fee as money ("≈ X–Y in year one"),
//! from the engine's [`budget`] with the site owner's settings (`carryover.config.json`) over the
//! content defaults. `show_budget: false` hides money everywhere: [`settings`] is then `None` and
//! nothing here renders.

use carryover_engine::budget::{
    self, BudgetSettings, budget, format_money, format_money_short, format_range,
};
use leptos::prelude::*;

use super::part::{DetailLink, Part};
use super::tr;
use crate::embed::Embed;
use crate::state::AppState;

/// The settings money is computed with, or `None` when money is hidden (or the budget content
/// could not be read, which the engine's tests rule out).
pub fn settings() -> Option<BudgetSettings> {
    settings_of(use_context::<Embed>())
}

/// [`settings`] from an `Embed` context taken earlier (for event handlers, which run outside the
/// component's owner). Reading it tracks the site owner's configuration.
pub fn settings_of(embed: Option<Embed>) -> Option<BudgetSettings> {
    let defaults = budget::builtin().ok()?;
    embed?
        .config
        .with(|c| (!c.budget.hidden).then(|| BudgetSettings::with(&defaults.settings, &c.budget)))
}

/// "≈ $X–$Y" in the summary's "how long" card, after the team assumption in reading order and
/// beside the card's heading on screen (short amounts, no extra line: the four answers must stay
/// above the fold at 360×740), linking to the budget part; "in year one" is in its accessible name.
#[component]
pub fn BudgetLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let s = settings()?;
        let b = state.assessment.with(|a| budget(&a.effort, &s));
        let text = tr(
            &state,
            "ui.budget.short",
            &[
                (
                    "low",
                    &format_money_short(b.total.low, &b.currency, state.locale),
                ),
                (
                    "high",
                    &format_money_short(b.total.high, &b.currency, state.locale),
                ),
            ],
        );
        Some(view! {
            <p class="glance-budget">
                <DetailLink part="results-budget" testid="glance-budget">
                    {text}
                    <span class="visually-hidden">{state.text("ui.budget.short_suffix")}</span>
                </DetailLink>
            </p>
        })
    }
}

/// The budget part: each line with what it is made of, the total and the yearly surveillance fee.
#[component]
pub fn BudgetPart() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let s = settings()?;
        let b = state.assessment.with(|a| budget(&a.effort, &s));
        let (days_low, days_high) = state
            .assessment
            .with(|a| (a.effort.days_low, a.effort.days_high));
        let money = |r| format_range(r, &b.currency, state.locale);
        let rate = |x: f64| format_money(x, &b.currency, state.locale);
        let internal = tr(
            &state,
            "ui.budget.internal",
            &[
                ("days", &format!("{days_low}–{days_high}")),
                ("rate", &rate(s.day_rate)),
            ],
        );
        let consultancy = (s.consultancy_share > 0.0).then(|| {
            let label = tr(
                &state,
                "ui.budget.consultancy",
                &[
                    ("share", &format!("{:.0}", s.consultancy_share * 100.0)),
                    ("rate", &rate(s.consultancy_day_rate)),
                ],
            );
            let amount = money(b.consultancy);
            view! {
                <tr data-line="consultancy">
                    <th scope="row">{label}</th>
                    <td class="num">{amount}</td>
                </tr>
            }
        });
        let (m_internal, m_audit, m_total) = (money(b.internal), money(b.audit), money(b.total));
        let surveillance = tr(
            &state,
            "ui.budget.surveillance",
            &[("range", &money(b.surveillance_per_year))],
        );
        let caption = tr(&state, "ui.budget.year_one", &[("currency", &b.currency)]);
        Some(view! {
            <Part id="results-budget" title=state.text("ui.budget.title") hint=m_total.clone()>
                <table class="budget-table" data-testid="budget-table">
                    <caption>{caption}</caption>
                    <tbody>
                        <tr data-line="internal">
                            <th scope="row">{internal}</th>
                            <td class="num">{m_internal}</td>
                        </tr>
                        {consultancy}
                        <tr data-line="audit">
                            <th scope="row">{state.text("ui.budget.audit")}</th>
                            <td class="num">{m_audit}</td>
                        </tr>
                    </tbody>
                    <tfoot>
                        <tr data-line="total">
                            <th scope="row">{state.text("ui.budget.total")}</th>
                            <td class="num" data-testid="budget-total">{m_total}</td>
                        </tr>
                    </tfoot>
                </table>
                <p>{surveillance}</p>
                <p class="fineprint">{state.text("ui.budget.explain")}</p>
            </Part>
        })
    }
}
