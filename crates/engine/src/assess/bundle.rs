//! All compiled content as one [`Bundle`]: the validated [`Catalog`], the register rules
//! ([`Rules`]) and the budget defaults ([`BudgetDefaults`]), loaded and validated together (every
//! problem of every file at once) and written as the bytes [`crate::content::bundle`] describes.
//! The web app's build script calls [`Bundle::load`] and [`Bundle::encode`]; the app installs the
//! bytes. It lives in this layer because the budget types do.

use super::budget::{BudgetDefaults, BudgetSettings, BudgetSource, Range};
use crate::content::bundle::{BUDGET, CATALOG, REGISTER, decode_part};
use crate::content::catalog::Catalog;
#[cfg(feature = "load")]
use crate::content::catalog::ContentErrors;
use crate::content::codec::{Decode, Reader, record, unit_enum};
#[cfg(feature = "load")]
use crate::content::lang::{Lang, LangPart};
use crate::content::triage_rules::{
    ChoiceArticles, ControlRule, FactorRule, Field, FieldKind, PriorityRule, Rule, Rules, When,
};

/// All validated content in one value.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// Standards, crosswalk, questionnaire, effort, rules, published figures, calendar, locales.
    pub catalog: Catalog,
    /// The AI system register's questions and triage rules (`content/register.toml`).
    pub register: Rules,
    /// Budget defaults (`content/budget.toml`).
    pub budget: BudgetDefaults,
}

impl Bundle {
    /// Reads a whole bundle (every part, each using all of its bytes); `None` for anything else.
    pub fn decode(bytes: &[u8]) -> Option<Bundle> {
        Some(Bundle {
            catalog: decode_part(bytes, CATALOG)?,
            register: decode_part(bytes, REGISTER)?,
            budget: decode_part(bytes, BUDGET)?,
        })
    }
}

#[cfg(feature = "load")]
impl Bundle {
    /// The content compiled into the engine, parsed and validated: every problem of the catalog,
    /// the register rules and the budget defaults together.
    pub fn load() -> Result<Bundle, ContentErrors> {
        Bundle::load_checked(|_| Ok(()))
    }

    /// [`Bundle::load`] plus a check of the catalog from a layer above (the app's build script
    /// passes `text::check_locales`), its problems reported with all the others.
    pub fn load_checked(
        check: impl FnOnce(&Catalog) -> Result<(), ContentErrors>,
    ) -> Result<Bundle, ContentErrors> {
        Bundle::load_from_checked(
            Catalog::builtin_json(),
            crate::content::triage_rules::BUILTIN_RULES,
            super::budget::BUILTIN_JSON,
            check,
        )
    }

    /// Parses and validates the three content documents (the JSON `build.rs` makes).
    pub fn load_from(
        catalog_json: &str,
        register_json: &str,
        budget_json: &str,
    ) -> Result<Bundle, ContentErrors> {
        Bundle::load_from_checked(catalog_json, register_json, budget_json, |_| Ok(()))
    }

    fn load_from_checked(
        catalog_json: &str,
        register_json: &str,
        budget_json: &str,
        check: impl FnOnce(&Catalog) -> Result<(), ContentErrors>,
    ) -> Result<Bundle, ContentErrors> {
        let mut errors = Vec::new();
        let catalog = Catalog::load(catalog_json).map_err(|e| errors.extend(e.0));
        if let Ok(catalog) = &catalog
            && let Err(e) = check(catalog)
        {
            errors.extend(e.0);
        }
        let register =
            Rules::parse(register_json).map_err(|e| errors.push(format!("register.toml: {e}")));
        if let (Ok(catalog), Ok(register)) = (&catalog, &register) {
            errors.extend(
                register
                    .problems(catalog)
                    .into_iter()
                    .map(|p| format!("register.toml: {p}")),
            );
        }
        let budget = super::budget::validate(budget_json).map_err(|e| {
            errors.extend(e.into_iter().map(|p| {
                if p.starts_with("budget.toml") {
                    p
                } else {
                    format!("budget.toml: {p}")
                }
            }));
        });
        match (catalog, register, budget) {
            (Ok(catalog), Ok(register), Ok(budget)) if errors.is_empty() => Ok(Bundle {
                catalog,
                register,
                budget,
            }),
            _ => Err(ContentErrors(errors)),
        }
    }

    /// The bundle split for the web app: the *base* (this bundle without any language but
    /// English, each one's name kept: [`crate::content::lang::BASE_KEYS`]), and each other
    /// language's part, made for that base ([`crate::content::lang::install_part`]). The base and
    /// every part together give back exactly this bundle.
    pub fn encode_split(&self) -> (Vec<u8>, Vec<(Lang, Vec<u8>)>) {
        let mut base = self.clone();
        let parts: Vec<LangPart> = Lang::ALL
            .into_iter()
            .filter_map(|lang| base.catalog.split_off(lang))
            .collect();
        let bytes = base.encode();
        let id = crate::content::bundle::id(&bytes).unwrap_or_default();
        let parts = parts.iter().map(|p| (p.lang, p.encode(id))).collect();
        (bytes, parts)
    }

    /// The bundle as bytes for [`Bundle::decode`] and [`crate::content::bundle::install`] (every
    /// language in it; the web app embeds the base of [`Bundle::encode_split`]).
    pub fn encode(&self) -> Vec<u8> {
        use crate::content::bundle::{encode, encode_parts};
        let Bundle {
            catalog,
            register,
            budget,
        } = self;
        encode_parts(&[encode(catalog), encode(register), encode(budget)])
    }
}

unit_enum!(FieldKind { Single, Multi });

impl Decode for When {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.nested(|r| match r.byte()? {
            0 => Some(When::Fact {
                field: Decode::decode(r)?,
                any_of: Decode::decode(r)?,
            }),
            1 => Some(When::All(Decode::decode(r)?)),
            2 => Some(When::Any(Decode::decode(r)?)),
            3 => Some(When::Not(Decode::decode(r)?)),
            4 => Some(When::Always(Decode::decode(r)?)),
            _ => None,
        })
    }
}

record!(Rules {
    as_of,
    fields,
    tiers,
    notes,
    articles,
    priorities,
    controls,
    factors,
});
record!(Field {
    id,
    kind,
    choices,
    default
});
record!(Rule {
    id,
    category,
    when,
    articles,
    cite
});
record!(ChoiceArticles {
    field,
    choice,
    articles
});
record!(PriorityRule { id, when });
record!(ControlRule {
    id,
    when,
    requirements
});
record!(FactorRule { id, when });

record!(BudgetDefaults {
    settings,
    iso27001_cost,
    iso27001_months,
    sources,
    figure_sources,
});
record!(BudgetSettings {
    currency,
    day_rate,
    audit_fee,
    surveillance_fee,
    consultancy_share,
    consultancy_day_rate,
});
record!(Range { low, high });
record!(BudgetSource {
    id,
    title,
    publisher,
    date,
    note
});

#[cfg(feature = "load")]
mod encode {
    use super::When;
    use crate::content::codec::{Encode, Writer};

    impl Encode for When {
        fn encode(&self, out: &mut Writer) {
            match self {
                When::Fact { field, any_of } => {
                    out.push(0);
                    field.encode(out);
                    any_of.encode(out);
                }
                When::All(ws) => {
                    out.push(1);
                    ws.encode(out);
                }
                When::Any(ws) => {
                    out.push(2);
                    ws.encode(out);
                }
                When::Not(w) => {
                    out.push(3);
                    w.encode(out);
                }
                When::Always(b) => {
                    out.push(4);
                    b.encode(out);
                }
            }
        }
    }
}
