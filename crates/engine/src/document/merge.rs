//! Merging two copies of the answers (two tabs of the same browser writing the same stored
//! document), per question rather than whole document.
//!
//! Each copy knows when each answer was last set or cleared ([`AnswersDocument::changed`]) and
//! when all its answers were last replaced at once ([`AnswersDocument::replaced_at`]). The rules:
//!
//! 1. A replace wins over everything older: when one copy was replaced later than the other, the
//!    other copy only brings the changes it made *after* that replace.
//! 2. Otherwise, per question, the later change wins (a clear is a change too).
//! 3. Equal times with different answers are settled by a fixed order on the answers, so both
//!    tabs reach the same result whichever merges first.
//!
//! Every answer a copy held that is not in the result is listed in [`Merged::overwritten`], so the
//! caller can keep it (the app keeps the losing copy as a restorable snapshot and says so).
//! The AI system register merges per system the same way (see [`crate::document::register::merge`]).
//! The merge is pure, commutative on the answers, and idempotent: merging a result with either
//! input again changes nothing.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::document::answers::{Answer, Answers, AnswersDocument};

/// Which copy a merge input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The copy this tab holds.
    Ours,
    /// The copy another tab stored.
    Theirs,
}

/// An answer that did not survive a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overwritten {
    /// Question index.
    pub question: usize,
    /// The answer that lost.
    pub answer: Answer,
    /// Whose answer it was.
    pub side: Side,
}

/// The result of [`merge`].
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged document: answers and change times merged, the rest of `theirs` (the stored
    /// copy) with our position, and tasks from both (theirs first on the same requirement).
    pub document: AnswersDocument,
    /// Answers either copy held that the result does not (a later change on the same question,
    /// or a later replace).
    pub overwritten: Vec<Overwritten>,
    /// AI systems of the register that the result does not hold as ours / theirs had them (a
    /// later edit or removal, or a later replace), counted in [`Merged::lost`].
    pub systems_lost: [usize; 2],
}

impl Merged {
    /// How many of one side's answers were overwritten.
    pub fn lost(&self, side: Side) -> usize {
        let systems = match side {
            Side::Ours => self.systems_lost[0],
            Side::Theirs => self.systems_lost[1],
        };
        self.overwritten.iter().filter(|o| o.side == side).count() + systems
    }
}

/// One side's claim on a question: when it changed, and the answer it left (`None`: cleared).
type Claim<'a> = (u64, Option<&'a Answer>);

/// Merges `ours` with `theirs` (see the module docs for the rules).
pub fn merge(ours: &AnswersDocument, theirs: &AnswersDocument) -> Merged {
    let replaced = ours.replaced_at.max(theirs.replaced_at);
    let counts =
        |doc: &AnswersDocument, time: u64| doc.replaced_at == replaced || Some(time) > replaced;
    let questions: BTreeSet<usize> = [ours, theirs]
        .iter()
        .flat_map(|d| {
            d.answers
                .iter()
                .map(|(q, _)| q)
                .chain(d.changed.keys().copied())
        })
        .collect();
    let mut document = AnswersDocument {
        answers: crate::document::answers::Answers::new(),
        changed: std::collections::BTreeMap::new(),
        replaced_at: replaced,
        position: ours.position.clone().or_else(|| theirs.position.clone()),
        ..theirs.clone()
    };
    for (id, settings) in &ours.tasks {
        document
            .tasks
            .entry(id.clone())
            .or_insert_with(|| settings.clone());
    }
    for (key, value) in &ours.rejected {
        document
            .rejected
            .entry(key.clone())
            .or_insert_with(|| value.clone());
    }
    let mut overwritten = Vec::new();
    for q in questions {
        let claim = |doc: &AnswersDocument| -> Option<(u64, Option<Answer>)> {
            let time = doc.changed.get(&q).copied().unwrap_or(0);
            let answer = doc.answers.get(q);
            let known = answer.is_some() || doc.changed.contains_key(&q);
            (known && counts(doc, time)).then(|| (time, answer.cloned()))
        };
        let (o, t) = (claim(ours), claim(theirs));
        let winner = match (&o, &t) {
            (Some(a), Some(b)) => Some(if later((a.0, a.1.as_ref()), (b.0, b.1.as_ref())) {
                a.clone()
            } else {
                b.clone()
            }),
            (Some(a), None) => Some(a.clone()),
            (None, Some(b)) => Some(b.clone()),
            (None, None) => None,
        };
        let kept = winner.as_ref().and_then(|(_, a)| a.as_ref());
        for (side, doc) in [(Side::Ours, ours), (Side::Theirs, theirs)] {
            if let Some(answer) = doc.answers.get(q)
                && Some(answer) != kept
            {
                overwritten.push(Overwritten {
                    question: q,
                    answer: answer.clone(),
                    side,
                });
            }
        }
        if let Some((time, answer)) = winner {
            if let Some(answer) = answer {
                document.answers.insert(q, answer);
            }
            // Time 0 means "no time known" (an old document): keep it unrecorded.
            if time > 0 {
                document.changed.insert(q, time);
            }
        }
    }
    let register = crate::document::register::merge(
        ours.answers.register(),
        theirs.answers.register(),
        &|time| counts(ours, time),
        &|time| counts(theirs, time),
    );
    *document.answers.register_mut() = register.register;
    Merged {
        document,
        overwritten,
        systems_lost: [register.lost_ours, register.lost_theirs],
    }
}

/// True when claim `a` beats claim `b`: the later time, and on equal times a fixed order (an
/// answer beats a clear; between answers, the greater in [`order`]), the same from either side.
fn later(a: Claim<'_>, b: Claim<'_>) -> bool {
    match a.0.cmp(&b.0) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => match (a.1, b.1) {
            (Some(x), Some(y)) => order(x, y) != Ordering::Less,
            (Some(_) | None, None) => true,
            (None, Some(_)) => false,
        },
    }
}

/// A fixed order on answers, only for settling ties.
fn order(x: &Answer, y: &Answer) -> Ordering {
    let rank = |a: &Answer| match a {
        Answer::Choice(_) => 0,
        Answer::Choices(_) => 1,
        Answer::Practice(_) => 2,
    };
    match (x, y) {
        (Answer::Choice(a), Answer::Choice(b)) => a.cmp(b),
        (Answer::Choices(a), Answer::Choices(b)) => a.cmp(b),
        (Answer::Practice(a), Answer::Practice(b)) => a.id().cmp(b.id()),
        _ => rank(x).cmp(&rank(y)),
    }
}

/// What replacing one set of answers with another would do, in counts a person can check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Difference {
    /// Questions answered now that would no longer be answered.
    pub dropped: usize,
    /// Questions answered in both, differently.
    pub changed: usize,
    /// Questions answered only in the incoming set.
    pub added: usize,
    /// AI systems of the register that the incoming set does not hold as they are now (issue 16).
    pub systems_dropped: usize,
}

impl Difference {
    /// Compares the answers a user has with the answers that would replace them.
    pub fn between(current: &Answers, incoming: &Answers) -> Difference {
        let mut d = Difference::default();
        for (q, a) in current.iter() {
            match incoming.get(q) {
                None => d.dropped += 1,
                Some(b) if b != a => d.changed += 1,
                Some(_) => {}
            }
        }
        d.added = incoming
            .iter()
            .filter(|(q, _)| current.get(*q).is_none())
            .count();
        d.systems_dropped = current
            .register()
            .systems
            .iter()
            .filter(|s| incoming.register().get(&s.id) != Some(*s))
            .count();
        d
    }

    /// True when the replace would take away or change an answer the user has (ask first).
    pub fn loses_something(self) -> bool {
        self.dropped > 0 || self.changed > 0 || self.systems_dropped > 0
    }
}
