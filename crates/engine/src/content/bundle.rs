//! The compiled content bundle: validated content as compact bytes, made at build time and read
//! back in the web app with no JSON, no serde deserializer and no validator in the wasm.
//!
//! With the `load` feature (on by default: the command-line scorer and the tests) content is
//! parsed from the JSON `build.rs` makes and validated, every problem reported at once
//! ([`crate::assess::bundle::Bundle::load`]); the same feature writes the validated result as
//! bytes ([`codec`](super::codec)). The web app's build script does that, and the app, built
//! without `load`, [`install`]s the bytes before anything reads content: [`Catalog::builtin`],
//! [`crate::triage::Rules::builtin`] and [`crate::budget::builtin`] then decode their part of
//! them. Without installed bytes they load the content compiled into the engine (`load` only).
//!
//! The bytes: [`MAGIC`], the number of parts, then each part as its length and its bytes (the
//! catalog, the register rules, the budget defaults: [`CATALOG`], [`REGISTER`], [`BUDGET`]).
//! To carry another piece of validated content in a part, add it to its type's field list below
//! (a field missing from a list does not compile).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::catalog::{
    Area, Band, Catalog, Certification, Choice, Condition, ContentErrors, Cover, CrosswalkRow,
    EffortModel, Factor, Framework, FrameworkItem, Heading, ItemRef, Mapping, Milestone, Offset,
    ProgramRule, PublishedFigure, Question, Requirement, Rules, Section, Source, SuggestionRule,
    WarningRule,
};
use super::codec::{Decode, Reader, record, unit_enum};
use crate::model::{AreaKind, Family, Maturity, Phase, QuestionKind, Relation, WorkKind};

/// First bytes of a bundle: a name and the format version (raise it when the layout changes).
pub const MAGIC: &[u8; 4] = b"CoB\x01";
/// Part holding the [`Catalog`].
pub const CATALOG: usize = 0;
/// Part holding the register rules ([`crate::triage::Rules`]).
pub const REGISTER: usize = 1;
/// Part holding the budget defaults ([`crate::budget::BudgetDefaults`]).
pub const BUDGET: usize = 2;

/// Bytes installed by the embedding program (the web app) before content is first read.
static INSTALLED: OnceLock<&'static [u8]> = OnceLock::new();

/// Makes `bytes` (a bundle made at build time) the built-in content. Call it before anything reads
/// content; later calls change nothing. Returns whether these bytes were taken.
pub fn install(bytes: &'static [u8]) -> bool {
    INSTALLED.set(bytes).is_ok()
}

/// The installed bundle, if any.
pub(crate) fn installed() -> Option<&'static [u8]> {
    INSTALLED.get().copied()
}

/// The error for installed bytes that do not decode.
pub(crate) fn damaged() -> ContentErrors {
    ContentErrors(vec![
        "the compiled content bundle does not decode (made by another version?)".to_owned(),
    ])
}

/// The error for content read before anything was installed, in a build without `load`.
#[cfg(not(feature = "load"))]
pub(crate) fn missing() -> ContentErrors {
    ContentErrors(vec![
        "no content bundle installed: call content::bundle::install with the bytes the build made"
            .to_owned(),
    ])
}

/// Part `index` of a bundle.
fn part(bytes: &[u8], index: usize) -> Option<&[u8]> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let count = usize::decode(&mut r)?;
    let mut found = None;
    for i in 0..count {
        let len = usize::decode(&mut r)?;
        let bytes = r.take(len)?;
        if i == index {
            found = Some(bytes);
        }
    }
    if r.is_empty() { found } else { None }
}

/// Decodes part `index` of a bundle as a `T`, which must use all of its bytes.
pub(crate) fn decode_part<T: Decode>(bytes: &[u8], index: usize) -> Option<T> {
    let mut r = Reader::split(part(bytes, index)?)?;
    let value = T::decode(&mut r)?;
    r.is_empty().then_some(value)
}

/// A bundle of the given parts, in order.
#[cfg(feature = "load")]
pub(crate) fn encode_parts(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut out = super::codec::Writer::default();
    for b in MAGIC {
        out.push(*b);
    }
    encode_raw(&mut out, parts.len());
    for p in parts {
        encode_raw(&mut out, p.len());
        for b in p {
            out.push(*b);
        }
    }
    out.into_structure()
}

#[cfg(feature = "load")]
fn encode_raw(out: &mut super::codec::Writer, n: usize) {
    super::codec::Encode::encode(&n, out);
}

/// One value as a part's bytes (its structure and text; see [`super::codec::Writer`]).
#[cfg(feature = "load")]
pub(crate) fn encode<T: super::codec::Encode>(value: &T) -> Vec<u8> {
    let mut out = super::codec::Writer::default();
    value.encode(&mut out);
    out.finish()
}

/// Id → position, for the catalog's look-up indexes (rebuilt when reading, never stored).
fn id_index<T>(items: &[T], id: impl Fn(&T) -> &String) -> BTreeMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).clone(), i))
        .collect()
}

record!(Catalog {
    content_version,
    areas,
    headings,
    requirements,
    frameworks,
    crosswalk,
    sections,
    questions,
    effort,
    rules,
    published,
    certification,
    locales,
    supports,
} + {
    question_index: id_index(questions, |q| &q.id),
    requirement_index: id_index(requirements, |r| &r.id),
});
record!(Area {
    id,
    kind,
    name,
    explain
});
record!(Heading { id, area, name });
record!(Requirement {
    id,
    area,
    kind,
    name,
    explain,
    weight,
    work,
    days,
    phase,
    applies_if,
    na_reason,
});
record!(Framework { id, name, items });
record!(FrameworkItem { id, group, name });
record!(ItemRef { framework, item });
record!(Mapping { net_new, rows });
record!(CrosswalkRow {
    source,
    relation,
    rationale,
    share
});
record!(Section { id, title, intro });
record!(Question {
    id,
    section,
    kind,
    name,
    text,
    why,
    help,
    show_if,
    choices,
    family,
    refs,
    covers,
});
record!(Choice { id, label });
record!(Cover {
    requirement,
    relation,
    note,
    share,
    reuse
});
record!(EffortModel {
    capacity_low,
    capacity_high,
    audit_days,
    audit_months,
    foundation_days_per_practice,
    systems_question,
    system_counts,
    additional_system_share,
    range_low,
    range_high,
    factors,
    sources,
    figure_sources,
});
record!(Factor {
    id,
    when,
    multiplier
});
record!(Source {
    id,
    title,
    publisher,
    date,
    note
});
record!(Rules {
    maturity_credit,
    bands,
    foundation_min_effective_share,
    wins,
    min_practice_share,
    warnings,
    programs,
    suggestions,
});
record!(ProgramRule {
    framework,
    runs_when,
    attested_when
});
record!(SuggestionRule {
    id,
    framework,
    family,
    when,
    answer
});
record!(Band { id, min });
record!(WarningRule {
    id,
    when,
    phase,
    lead
});
record!(PublishedFigure {
    id,
    source,
    from,
    basis,
    low,
    high,
    claim,
    url,
});
record!(Certification {
    milestones,
    reminders_until,
    reminders_per_day,
    sources,
});
record!(Milestone {
    id,
    after,
    offset,
    sources
});

unit_enum!(AreaKind { Clause, Objective });
unit_enum!(WorkKind {
    Procedure,
    Artifact,
    PerSystem
});
unit_enum!(Phase {
    Foundation,
    Extensions,
    Alignment,
    Audit
});
unit_enum!(Relation { Partial, Full });
unit_enum!(QuestionKind {
    Single,
    Multi,
    Practice
});
unit_enum!(Family { Program, Ai });
unit_enum!(Maturity {
    NotInPlace,
    InPlaceNotEffective,
    EffectiveNotProvable,
    EffectiveAndProvable,
});

impl Decode for Condition {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.nested(|r| match r.byte()? {
            0 => Some(Condition::Answer {
                question: Decode::decode(r)?,
                any_of: Decode::decode(r)?,
            }),
            1 => Some(Condition::All(Decode::decode(r)?)),
            2 => Some(Condition::Any(Decode::decode(r)?)),
            3 => Some(Condition::Not(Decode::decode(r)?)),
            _ => None,
        })
    }
}

impl Decode for Offset {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(Offset::Weeks(Decode::decode(r)?)),
            1 => Some(Offset::Months(Decode::decode(r)?)),
            _ => None,
        }
    }
}

#[cfg(feature = "load")]
mod encode {
    use crate::content::catalog::{Condition, Offset};
    use crate::content::codec::{Encode, Writer};

    impl Encode for Condition {
        fn encode(&self, out: &mut Writer) {
            match self {
                Condition::Answer { question, any_of } => {
                    out.push(0);
                    question.encode(out);
                    any_of.encode(out);
                }
                Condition::All(cs) => {
                    out.push(1);
                    cs.encode(out);
                }
                Condition::Any(cs) => {
                    out.push(2);
                    cs.encode(out);
                }
                Condition::Not(c) => {
                    out.push(3);
                    c.encode(out);
                }
            }
        }
    }

    impl Encode for Offset {
        fn encode(&self, out: &mut Writer) {
            match self {
                Offset::Weeks(n) => {
                    out.push(0);
                    n.encode(out);
                }
                Offset::Months(n) => {
                    out.push(1);
                    n.encode(out);
                }
            }
        }
    }
}
