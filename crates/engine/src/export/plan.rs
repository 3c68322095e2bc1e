//! The task plan as files: CSV for issue trackers and an iCalendar file people keep: the planned
//! certification milestones and one ending, staggered review series per task.
//!
//! The CSV has one header and one record per task, with columns most trackers map on import
//! (Jira, Linear, Asana, GitHub project importers): a summary, a multi-line description, the owner,
//! the phase, an estimate in person-days, comma-separated labels, and the review cadence, plus the
//! task id, requirement and status for matching rows up on a later import.
//!
//! The calendar holds one all-day `VEVENT` per certification milestone (Stage 1, Stage 2, the first
//! surveillance audit, dated by [`crate::export::schedule`]) and one per task: its first review on
//! a working day after the task's phase ends, then repeating at the task's cadence (`RRULE` with
//! `UNTIL` the first surveillance audit), staggered so no day holds more than a handful of events,
//! with a display alarm at 09:00. A `UID` is the requirement (or milestone) id and a hash of the
//! content version and the calendar's name, so importing a newer plan for the same organisation
//! updates its events instead of duplicating them, while two clients' calendars (named apart) never
//! collide. `DTSTAMP` is the time stamp the caller passes: the engine has no clock.

use crate::assess::tasks::Task;
use crate::content::catalog::Catalog;
use crate::export::csv::Csv;
use crate::export::date::Timestamp;
use crate::export::ical::Ical;
use crate::export::schedule::{self, Schedule};
use crate::export::units::person_days;
use crate::export::{days, fnv1a32, practice_name, tr};

/// What the caller decides about a calendar.
#[derive(Debug, Clone, Copy)]
pub struct CalendarOptions<'a> {
    /// When the file is made (`DTSTAMP`).
    pub stamp: Timestamp,
    /// The calendar's name (e.g. the organisation); `None` gives the locale's default name.
    pub name: Option<&'a str>,
}

/// The one-line title of a task.
pub fn title(catalog: &Catalog, locale: &str, task: &Task) -> String {
    let name = catalog
        .requirement(&task.requirement)
        .map_or("", |r| r.name.as_str());
    tr(
        catalog,
        locale,
        &format!("tasks.title.{}", task.status.id()),
        &[("requirement", &task.requirement), ("name", name)],
    )
}

/// The multi-line description of a task.
pub fn description(catalog: &Catalog, locale: &str, task: &Task) -> String {
    let explain = catalog
        .requirement(&task.requirement)
        .map_or("", |r| r.explain.as_str());
    let mut text = tr(
        catalog,
        locale,
        "tasks.body",
        &[
            ("explain", explain),
            (
                "status",
                catalog.text(locale, &format!("status.{}", task.status.id())),
            ),
            ("days", &person_days(catalog, locale, task.remaining_days)),
            (
                "cadence",
                catalog.text(locale, &format!("cadence.{}", task.cadence.id())),
            ),
        ],
    );
    if !task.builds_on.is_empty() {
        let names: Vec<String> = task
            .builds_on
            .iter()
            .map(|q| catalog.question(q).map_or_else(|| q.clone(), practice_name))
            .collect();
        text.push('\n');
        text.push_str(&tr(
            catalog,
            locale,
            "tasks.builds_on",
            &[("practices", &names.join(", "))],
        ));
    }
    text
}

/// Labels for a tracker: the standard, the status and the phase.
pub fn labels(task: &Task) -> String {
    format!(
        "iso42001,{},{}",
        task.status.id().replace('_', "-"),
        task.phase.id()
    )
}

/// The plan as tracker CSV.
pub fn csv(catalog: &Catalog, tasks: &[Task], locale: &str) -> String {
    let t = |k: &str| tr(catalog, locale, k, &[]);
    let mut csv = Csv::new();
    csv.record([
        t("tasks.id"),
        t("tasks.summary"),
        t("tasks.description"),
        t("tasks.owner"),
        t("tasks.phase"),
        t("tasks.estimate"),
        t("tasks.labels"),
        t("tasks.cadence"),
        t("tasks.requirement"),
        t("tasks.status"),
    ]);
    for task in tasks {
        csv.field(&task.id)
            .field(&title(catalog, locale, task))
            .field(&description(catalog, locale, task))
            .user_field(task.owner.as_deref().unwrap_or_default())
            .field(catalog.text(locale, &format!("phase.{}.title", task.phase.id())))
            .field(&days(task.remaining_days))
            .field(&labels(task))
            .field(task.cadence.id())
            .field(&task.requirement)
            .field(catalog.text(locale, &format!("status.{}", task.status.id())))
            .end_record();
    }
    csv.finish()
}

/// The stable UID of a task's event.
pub fn uid(catalog: &Catalog, task: &Task, name: Option<&str>) -> String {
    uid_of(catalog, &task.requirement, name)
}

fn uid_of(catalog: &Catalog, id: &str, name: Option<&str>) -> String {
    let seed = format!("{}\n{}", catalog.content_version, name.unwrap_or_default());
    format!("{id}-{:08x}@carryover", fnv1a32(seed.as_bytes()))
}

/// The plan as an iCalendar (RFC 5545) file: milestones, then one review series per task.
pub fn ics(
    catalog: &Catalog,
    tasks: &[Task],
    schedule: &Schedule,
    locale: &str,
    options: CalendarOptions<'_>,
) -> String {
    let mut cal = Ical::new();
    let calendar_name = options
        .name
        .map_or_else(|| tr(catalog, locale, "tasks.calendar", &[]), str::to_owned);
    cal.raw("BEGIN", "VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//Carryover//ISO 42001 task plan//EN")
        .raw("CALSCALE", "GREGORIAN")
        .raw("METHOD", "PUBLISH")
        .text("X-WR-CALNAME", &calendar_name);
    let stamp = options.stamp.ical();
    for m in &schedule.milestones {
        let title = tr(catalog, locale, &format!("milestone.{}.title", m.id), &[]);
        let summary = tr(
            catalog,
            locale,
            "tasks.milestone_event",
            &[("title", &title)],
        );
        cal.raw("BEGIN", "VEVENT")
            .raw("UID", &uid_of(catalog, &m.id, options.name))
            .raw("DTSTAMP", &stamp)
            .raw("DTSTART;VALUE=DATE", &m.date.ical())
            .text("SUMMARY", &summary)
            .text(
                "DESCRIPTION",
                &tr(catalog, locale, &format!("milestone.{}.explain", m.id), &[]),
            )
            .raw("CATEGORIES", "iso42001,milestone")
            .raw("TRANSP", "TRANSPARENT")
            .raw("END", "VEVENT");
    }
    let until_title = schedule
        .milestones
        .get(catalog.certification.reminders_until)
        .map(|m| tr(catalog, locale, &format!("milestone.{}.title", m.id), &[]))
        .unwrap_or_default();
    for r in schedule::reminders(catalog, schedule, tasks) {
        let Some(task) = tasks.get(r.task) else {
            continue;
        };
        let summary = tr(
            catalog,
            locale,
            "tasks.event",
            &[("title", &title(catalog, locale, task))],
        );
        let mut body = description(catalog, locale, task);
        if let Some(owner) = &task.owner {
            body.push('\n');
            body.push_str(catalog.text(locale, "tasks.owner"));
            body.push_str(": ");
            body.push_str(owner);
        }
        if let Some(until) = r.until {
            body.push('\n');
            body.push_str(&tr(
                catalog,
                locale,
                "tasks.review_until",
                &[
                    ("date", &schedule::long_date(catalog, locale, until)),
                    ("milestone", &until_title),
                ],
            ));
        }
        cal.raw("BEGIN", "VEVENT")
            .raw("UID", &uid(catalog, task, options.name))
            .raw("DTSTAMP", &stamp)
            .raw("DTSTART;VALUE=DATE", &r.start.ical());
        if let Some(until) = r.until
            && r.days.len() > 1
        {
            cal.raw(
                "RRULE",
                &format!("{};UNTIL={}", task.cadence.rrule(), until.ical()),
            );
        }
        cal.text("SUMMARY", &summary)
            .text("DESCRIPTION", &body)
            .raw("CATEGORIES", &labels(task))
            .raw("TRANSP", "TRANSPARENT")
            .raw("BEGIN", "VALARM")
            .raw("ACTION", "DISPLAY")
            .text("DESCRIPTION", &summary)
            .raw("TRIGGER", "PT9H")
            .raw("END", "VALARM")
            .raw("END", "VEVENT");
    }
    cal.raw("END", "VCALENDAR");
    cal.finish()
}
