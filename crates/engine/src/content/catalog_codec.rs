//! How the catalog is written in the compiled content bundle ([`super::bundle`]): one field list
//! per type (see [`super::codec`]). A field added to a catalog type must be added to its list
//! here, or the crate does not compile.

use std::collections::BTreeMap;

use super::catalog::{
    Area, Band, Catalog, Certification, Choice, Condition, Cover, CrosswalkRow, EffortModel,
    Factor, Framework, FrameworkItem, Heading, ItemRef, Mapping, Milestone, Offset, ProgramRule,
    PublishedFigure, Question, Requirement, Rules, Section, Source, SuggestionRule, WarningRule,
};
use super::codec::{Decode, Reader, record, unit_enum};
use crate::model::{AreaKind, Family, Maturity, Phase, QuestionKind, Relation, WorkKind};

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
    overlays,
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
