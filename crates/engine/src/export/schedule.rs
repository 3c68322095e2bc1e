//! The dated roadmap: the four phases laid end to end from a start date, the certification audits
//! after them, and when each task's review reminders fall.
//!
//! - **Phases** run one after another in roadmap order. A phase lasts its person-days (factors
//!   applied; the foundation phase also holds the work of making the security program effective,
//!   the audit phase the internal audit and management review cycle) divided by the middle of the
//!   team capacity in `content/effort.toml`, rounded up to the half month; the audit phase lasts at
//!   least the audit cycle's calendar months. A phase with no work takes no time.
//! - **Milestones** (Stage 1, Stage 2, the first surveillance audit) follow the roadmap's end or an
//!   earlier milestone by the weeks or months in `content/certification.toml`, moved off weekends.
//! - **Reminders**: each task's reviews start on the first working day after its phase ends and
//!   repeat at its cadence until the milestone `reminders.until` names. They are staggered so that
//!   no day holds more than `reminders.per_day` events of the calendar (milestones included) over
//!   the whole span, and start on day 1–28 of a month so a monthly rule never skips a month.
//!
//! The start date is the caller's (the engine has no clock): today by default in the web app and the
//! command line, changeable by the user.

use serde::Serialize;

use crate::assess::score::Assessment;
use crate::assess::score::effort::EffortKind;
use crate::assess::tasks::Task;
use crate::content::catalog::{Catalog, Offset};
use crate::export::date::Date;
use crate::export::tr;
use crate::model::Phase;

/// One phase with its dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseDates {
    /// The phase.
    pub phase: Phase,
    /// Person-days of work in it (factors applied).
    pub days: f64,
    /// Length in half months (0 when the phase has no work).
    pub half_months: u32,
    /// First day.
    pub start: Date,
    /// The day after its last day (the next phase's first day).
    pub end: Date,
}

impl PhaseDates {
    /// Length in months.
    pub fn months(&self) -> f64 {
        f64::from(self.half_months) / 2.0
    }

    /// Its last day (its first day when it takes no time).
    pub fn last_day(&self) -> Date {
        if self.half_months == 0 {
            self.start
        } else {
            self.end.add_days(-1).unwrap_or(self.end)
        }
    }
}

/// A certification milestone with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MilestoneDate {
    /// Milestone id (locale keys `milestone.<id>.title` / `.explain`).
    pub id: String,
    /// Planned day.
    pub date: Date,
}

/// The dated roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// The day work starts.
    pub start: Date,
    /// Person-days a month the phases are planned at.
    pub capacity: f64,
    /// Phases in roadmap order.
    pub phases: Vec<PhaseDates>,
    /// Milestones in content order.
    pub milestones: Vec<MilestoneDate>,
}

impl Schedule {
    /// The dates of a phase.
    pub fn phase(&self, phase: Phase) -> Option<&PhaseDates> {
        self.phases.iter().find(|p| p.phase == phase)
    }

    /// The day the last phase ends (its last day).
    pub fn roadmap_end(&self) -> Date {
        self.phases.last().map_or(self.start, PhaseDates::last_day)
    }
}

/// `x` half months after `d`: whole months, then 15 days for an odd half.
fn add_half_months(d: Date, half_months: u32) -> Date {
    let whole = d.add_months(half_months / 2).unwrap_or(d);
    if half_months % 2 == 1 {
        whole.add_days(15).unwrap_or(whole)
    } else {
        whole
    }
}

/// The first working day on or after `d`.
fn working_day(d: Date) -> Date {
    let mut d = d;
    for _ in 0..3 {
        if d.is_weekend() {
            d = d.add_days(1).unwrap_or(d);
        }
    }
    d
}

/// Half months needed for `days` at `capacity` person-days a month, rounded up.
fn half_months_for(days: f64, capacity: f64) -> u32 {
    if days.is_nan() || capacity.is_nan() || days <= 0.0 || capacity <= 0.0 {
        return 0;
    }
    let halves = (days / capacity * 2.0).ceil();
    if halves >= 2400.0 {
        2400
    } else {
        // In 1..2400 here, so the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let h = halves as u32;
        h.max(1)
    }
}

/// Lays the roadmap out from `start`.
pub fn schedule(catalog: &Catalog, assessment: &Assessment, start: Date) -> Schedule {
    let e = &catalog.effort;
    let capacity = f64::midpoint(e.capacity_low, e.capacity_high);
    let line = |kind: EffortKind| {
        assessment
            .effort
            .lines
            .iter()
            .find(|l| l.kind == kind)
            .map_or(0.0, |l| l.days)
    };
    let mut phases = Vec::new();
    let mut at = start;
    for p in &assessment.roadmap {
        let mut days = p.days * assessment.effort.multiplier;
        let mut min_halves = 0;
        match p.phase {
            Phase::Foundation => days += line(EffortKind::Foundation),
            Phase::Audit => {
                days += line(EffortKind::AuditCycle);
                min_halves = half_months_for(e.audit_months, 1.0);
            }
            Phase::Extensions | Phase::Alignment => {}
        }
        let half_months = half_months_for(days, capacity).max(min_halves);
        let end = add_half_months(at, half_months);
        phases.push(PhaseDates {
            phase: p.phase,
            days,
            half_months,
            start: at,
            end,
        });
        at = end;
    }
    let mut schedule = Schedule {
        start,
        capacity,
        phases,
        milestones: Vec::new(),
    };
    let roadmap_end = schedule.roadmap_end();
    for m in &catalog.certification.milestones {
        let base = m
            .after
            .and_then(|i| schedule.milestones.get(i))
            .map_or(roadmap_end, |x| x.date);
        let date = match m.offset {
            Offset::Weeks(w) => base.add_days(7 * i64::from(w)),
            Offset::Months(n) => base.add_months(n),
        }
        .unwrap_or(base);
        schedule.milestones.push(MilestoneDate {
            id: m.id.clone(),
            date: working_day(date),
        });
    }
    schedule
}

/// When one task's review reminders fall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// Index of the task in the plan.
    pub task: usize,
    /// The first review.
    pub start: Date,
    /// The last day a review may fall on (`None`: one review only, on `start`).
    pub until: Option<Date>,
    /// Every review day, in order.
    pub days: Vec<Date>,
}

/// The first day on or after `d` a reminder may start: a working day, day 1–28 of its month.
fn reminder_slot(d: Date) -> Date {
    let mut d = d;
    for _ in 0..8 {
        if d.day() > 28 {
            d = Date::new(d.year(), d.month(), 1)
                .and_then(|first| first.add_months(1))
                .unwrap_or(d);
        } else if d.is_weekend() {
            d = d.add_days(1).unwrap_or(d);
        } else {
            break;
        }
    }
    d
}

fn review_days(start: Date, every_months: u32, until: Option<Date>) -> Vec<Date> {
    let Some(until) = until else {
        return vec![start];
    };
    let mut out = Vec::new();
    for k in 0..400 {
        match start.add_months(k * every_months) {
            Some(d) if d <= until => out.push(d),
            _ => break,
        }
    }
    if out.is_empty() {
        out.push(start);
    }
    out
}

/// Places every task's reviews (plan order), at most `reminders.per_day` events a day.
pub fn reminders(catalog: &Catalog, schedule: &Schedule, tasks: &[Task]) -> Vec<Reminder> {
    let per_day = catalog.certification.reminders_per_day.max(1);
    let until = schedule
        .milestones
        .get(catalog.certification.reminders_until)
        .map(|m| m.date);
    let mut load: std::collections::BTreeMap<Date, u32> = std::collections::BTreeMap::new();
    for m in &schedule.milestones {
        *load.entry(m.date).or_default() += 1;
    }
    let mut out = Vec::with_capacity(tasks.len());
    for (ti, task) in tasks.iter().enumerate() {
        let phase_end = schedule.phase(task.phase).map_or(schedule.start, |p| p.end);
        let mut candidate = reminder_slot(phase_end);
        let mut placed = None;
        for _ in 0..366 {
            let first_until = until.filter(|u| *u >= candidate);
            let days = review_days(candidate, task.cadence.months(), first_until);
            if days
                .iter()
                .all(|d| load.get(d).copied().unwrap_or(0) < per_day)
            {
                placed = Some((candidate, first_until, days));
                break;
            }
            candidate = reminder_slot(candidate.add_days(1).unwrap_or(candidate));
        }
        let (start, until, days) = placed.unwrap_or_else(|| {
            let u = until.filter(|u| *u >= candidate);
            (
                candidate,
                u,
                review_days(candidate, task.cadence.months(), u),
            )
        });
        for d in &days {
            *load.entry(*d).or_default() += 1;
        }
        out.push(Reminder {
            task: ti,
            start,
            until,
            days,
        });
    }
    out
}

/// "December 2026".
pub fn month_year(catalog: &Catalog, locale: &str, d: Date) -> String {
    tr(
        catalog,
        locale,
        "schedule.month_year",
        &[
            (
                "month",
                catalog.text(locale, &format!("month.{}", d.month())),
            ),
            ("year", &d.year().to_string()),
        ],
    )
}

/// "December 2026 – February 2027", or one month when both fall in it.
pub fn month_range(catalog: &Catalog, locale: &str, from: Date, to: Date) -> String {
    let a = month_year(catalog, locale, from);
    let b = month_year(catalog, locale, to);
    if a == b {
        a
    } else {
        tr(
            catalog,
            locale,
            "schedule.range",
            &[("from", &a), ("to", &b)],
        )
    }
}

/// "30 November 2026".
pub fn long_date(catalog: &Catalog, locale: &str, d: Date) -> String {
    tr(
        catalog,
        locale,
        "schedule.date",
        &[
            ("day", &d.day_in(locale)),
            (
                "month",
                catalog.text(locale, &format!("month.{}", d.month())),
            ),
            ("year", &d.year().to_string()),
        ],
    )
}

/// Every locale key this module needs.
pub fn required_keys(catalog: &Catalog) -> Vec<String> {
    let mut keys: Vec<String> = (1..=12).map(|m| format!("month.{m}")).collect();
    for k in ["schedule.month_year", "schedule.range", "schedule.date"] {
        keys.push(k.to_owned());
    }
    for m in &catalog.certification.milestones {
        keys.push(format!("milestone.{}.title", m.id));
        keys.push(format!("milestone.{}.explain", m.id));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_months_round_up() {
        assert_eq!(half_months_for(0.0, 24.0), 0);
        assert_eq!(half_months_for(f64::NAN, 24.0), 0);
        assert_eq!(half_months_for(1.0, 24.0), 1);
        assert_eq!(half_months_for(24.0, 24.0), 2);
        assert_eq!(half_months_for(25.0, 24.0), 3);
        assert_eq!(half_months_for(1e12, 24.0), 2400);
    }

    #[test]
    fn reminder_slots_are_working_days_early_in_the_month() {
        let d = |s: &str| Date::parse(s).expect("date");
        assert_eq!(reminder_slot(d("2026-11-30")), d("2026-12-01"));
        assert_eq!(reminder_slot(d("2026-11-28")), d("2026-12-01"));
        assert_eq!(reminder_slot(d("2027-01-02")), d("2027-01-04"));
        assert_eq!(reminder_slot(d("2027-01-05")), d("2027-01-05"));
    }
}
