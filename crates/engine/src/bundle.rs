//! The compiled content: the validated [`Catalog`], the register rules ([`triage::Rules`]) and the
//! budget defaults ([`BudgetDefaults`]) as one [`Bundle`].
//!
//! Content is validated once, natively, when it is built: with the `load` feature (on by default:
//! the command-line scorer and the tests) [`Bundle::load`] parses the JSON that `build.rs` makes
//! from `content/` and reports every problem at once, and [`Bundle::encode`] writes the validated
//! bundle as compact bytes ([`crate::codec`]). The web app's build script does exactly that, and the
//! app, built without `load`, [`install`]s those bytes at start: [`Bundle::decode`] reads them back
//! with no JSON, no serde deserializer and no validator in the wasm.
//!
//! [`builtin`] is the bundle every part of the engine uses ([`Catalog::builtin`],
//! [`triage::Rules::builtin`], [`crate::budget::builtin`]): the installed bytes when there are
//! some, else (with `load`) the content compiled into the engine, loaded and validated once.
//!
//! To carry another piece of validated content, add it to a type's field list below (or a field to
//! [`Bundle`] and its list): a field missing from a list does not compile.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::budget::{BudgetDefaults, BudgetSettings, BudgetSource, Range};
use crate::catalog::{
    Area, Band, Catalog, Certification, Choice, Condition, ContentErrors, Cover, CrosswalkRow,
    EffortModel, Factor, Framework, FrameworkItem, Heading, ItemRef, Mapping, Milestone, Offset,
    ProgramRule, PublishedFigure, Question, Requirement, Section, Source, SuggestionRule,
    WarningRule,
};
use crate::codec::{Decode, Reader, record, unit_enum};
use crate::model::{AreaKind, Family, Maturity, Phase, QuestionKind, Relation, WorkKind};
use crate::triage::{
    ChoiceArticles, ControlRule, FactorRule, Field, FieldKind, PriorityRule, Rule, When,
};
use crate::{catalog, triage};

/// First bytes of an encoded bundle: a name and the format version (raise it when the layout
/// changes).
const MAGIC: &[u8; 4] = b"CoB\x01";

/// All validated content in one value.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// Standards, crosswalk, questionnaire, effort, rules, published figures, calendar, locales.
    pub catalog: Catalog,
    /// The AI system register's questions and triage rules (`content/register.toml`).
    pub register: triage::Rules,
    /// Budget defaults (`content/budget.toml`).
    pub budget: BudgetDefaults,
}

record!(Bundle {
    catalog,
    register,
    budget
});

/// Bytes installed by the embedding program (the web app) before the first use of [`builtin`].
static INSTALLED: OnceLock<&'static [u8]> = OnceLock::new();

/// Makes `bytes` (made by [`Bundle::encode`] at build time) the built-in content. Call it before
/// anything reads the content; later calls, and calls after the first read, change nothing.
/// Returns whether these bytes were taken.
pub fn install(bytes: &'static [u8]) -> bool {
    INSTALLED.set(bytes).is_ok()
}

/// The built-in content, decoded (or loaded and validated) once.
pub fn builtin() -> Result<&'static Bundle, &'static ContentErrors> {
    static CELL: OnceLock<Result<Bundle, ContentErrors>> = OnceLock::new();
    CELL.get_or_init(|| match INSTALLED.get() {
        Some(bytes) => Bundle::decode(bytes).ok_or_else(|| {
            ContentErrors(vec![
                "the compiled content bundle does not decode (made by another version?)".to_owned(),
            ])
        }),
        None => uninstalled(),
    })
    .as_ref()
}

#[cfg(feature = "load")]
fn uninstalled() -> Result<Bundle, ContentErrors> {
    Bundle::load()
}

#[cfg(not(feature = "load"))]
fn uninstalled() -> Result<Bundle, ContentErrors> {
    Err(ContentErrors(vec![
        "no content bundle installed: call bundle::install with the bytes the build made"
            .to_owned(),
    ]))
}

impl Bundle {
    /// Reads a bundle written by [`Bundle::encode`]; `None` for anything else.
    pub fn decode(bytes: &[u8]) -> Option<Bundle> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let bundle = Bundle::decode_from(&mut r)?;
        r.is_empty().then_some(bundle)
    }

    fn decode_from(r: &mut Reader<'_>) -> Option<Bundle> {
        <Bundle as Decode>::decode(r)
    }
}

#[cfg(feature = "load")]
impl Bundle {
    /// The content compiled into the engine, parsed and validated: every problem of the catalog,
    /// the register rules and the budget defaults together.
    pub fn load() -> Result<Bundle, ContentErrors> {
        Bundle::load_from(
            Catalog::builtin_json(),
            triage::BUILTIN_RULES,
            crate::budget::BUILTIN_JSON,
        )
    }

    /// Parses and validates the three content documents (the JSON `build.rs` makes).
    pub fn load_from(
        catalog_json: &str,
        register_json: &str,
        budget_json: &str,
    ) -> Result<Bundle, ContentErrors> {
        let mut errors = Vec::new();
        let catalog = Catalog::load(catalog_json).map_err(|e| errors.extend(e.0));
        let register = triage::Rules::parse(register_json)
            .map_err(|e| errors.push(format!("register.toml: {e}")));
        if let (Ok(catalog), Ok(register)) = (&catalog, &register) {
            errors.extend(
                register
                    .problems(catalog)
                    .into_iter()
                    .map(|p| format!("register.toml: {p}")),
            );
        }
        let budget = crate::budget::validate(budget_json).map_err(|e| {
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

    /// The bundle as bytes for [`Bundle::decode`].
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        crate::codec::Encode::encode(self, &mut out);
        out
    }
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
    question_index: id_index(&questions, |q| &q.id),
    requirement_index: id_index(&requirements, |r| &r.id),
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
use catalog::Rules as ScoringRules;
record!(ScoringRules {
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
unit_enum!(FieldKind { Single, Multi });

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

#[cfg(feature = "load")]
mod encode {
    use crate::catalog::{Condition, Offset};
    use crate::codec::Encode;
    use crate::triage::When;

    impl Encode for Condition {
        fn encode(&self, out: &mut Vec<u8>) {
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
        fn encode(&self, out: &mut Vec<u8>) {
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

    impl Encode for When {
        fn encode(&self, out: &mut Vec<u8>) {
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

use triage::Rules as RegisterRules;
record!(RegisterRules {
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
