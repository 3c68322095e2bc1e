//! Small domain vocabularies shared by content, answers and results.
//!
//! Every enum here is matched exhaustively elsewhere (no `_ =>`), so adding a variant shows every
//! place that must learn about it. Serialised names are `snake_case` and stable: they appear in
//! content files, in saved answers and in the command-line scorer's JSON.

pub mod checksum;
pub mod text;

use serde::{Deserialize, Serialize};

/// Whether an area of ISO/IEC 42001 is a management-system clause (4–10) or an Annex A objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// Clauses 4–10: mandatory, shared in structure with every ISO management-system standard.
    Clause,
    /// Annex A objectives A.2–A.10: reference controls, excludable with a justification.
    Objective,
}

/// The kind of work a requirement needs when it is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// Extends a procedure an ISO management system already runs.
    Procedure,
    /// A new document or process, made once for the organisation.
    Artifact,
    /// Repeated for every AI system in scope (impact assessments, technical documentation, …).
    PerSystem,
}

/// Where an action sits in the roadmap. Ordered: earlier phases come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Scope, context, leadership, policy, integration decisions, and a working security base.
    Foundation,
    /// New AI artifacts and AI-specific controls.
    Extensions,
    /// Extending existing procedures to AI and aligning documents, the Statement of Applicability and supplier terms.
    Alignment,
    /// Internal audit, management review and improvement before the certification audit.
    Audit,
}

impl Phase {
    /// All phases in roadmap order.
    pub const ALL: [Phase; 4] = [
        Phase::Foundation,
        Phase::Extensions,
        Phase::Alignment,
        Phase::Audit,
    ];

    /// Stable id (locale key suffix, e.g. `phase.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Phase::Foundation => "foundation",
            Phase::Extensions => "extensions",
            Phase::Alignment => "alignment",
            Phase::Audit => "audit",
        }
    }
}

/// How much of a 42001 requirement a supporting item covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Subset or intersection: it covers part; the rest must be added.
    Partial,
    /// Equal or superset: done well, it satisfies the requirement as it stands.
    Full,
}

/// The answer shape of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one choice.
    Single,
    /// Any number of choices.
    Multi,
    /// A practice, answered on the maturity scale.
    Practice,
}

/// Which program a practice belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// The existing security or management program (what SOC 2 / ISO 27001 already ask for).
    Program,
    /// AI-specific practice that no security framework asks for.
    Ai,
}

/// The four states a control can be in. Ordered from worst to best; only the last carries over to
/// a new framework as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Maturity {
    /// Nothing exists yet.
    NotInPlace,
    /// Exists (on paper or in part) but does not reliably work.
    InPlaceNotEffective,
    /// Works, but leaves no dated evidence an auditor could sample.
    EffectiveNotProvable,
    /// Works and produces dated, defensible evidence: this is what carries over.
    EffectiveAndProvable,
}

impl Maturity {
    /// All states, worst first.
    pub const ALL: [Maturity; 4] = [
        Maturity::NotInPlace,
        Maturity::InPlaceNotEffective,
        Maturity::EffectiveNotProvable,
        Maturity::EffectiveAndProvable,
    ];

    /// The stable identifier used in answers documents and content.
    pub fn id(self) -> &'static str {
        match self {
            Maturity::NotInPlace => "not_in_place",
            Maturity::InPlaceNotEffective => "in_place_not_effective",
            Maturity::EffectiveNotProvable => "effective_not_provable",
            Maturity::EffectiveAndProvable => "effective_and_provable",
        }
    }
}

/// An answer to a practice question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeAnswer {
    /// One of the four maturity states.
    Maturity(Maturity),
    /// The practice does not apply to this organisation.
    NotApplicable,
    /// The respondent does not know; scored as not in place and listed.
    DontKnow,
}

impl PracticeAnswer {
    /// Every practice answer, in the order a questionnaire shows them.
    pub const ALL: [PracticeAnswer; 6] = [
        PracticeAnswer::Maturity(Maturity::NotInPlace),
        PracticeAnswer::Maturity(Maturity::InPlaceNotEffective),
        PracticeAnswer::Maturity(Maturity::EffectiveNotProvable),
        PracticeAnswer::Maturity(Maturity::EffectiveAndProvable),
        PracticeAnswer::NotApplicable,
        PracticeAnswer::DontKnow,
    ];

    /// The stable identifier used in answers documents.
    pub fn id(self) -> &'static str {
        match self {
            PracticeAnswer::Maturity(m) => m.id(),
            PracticeAnswer::NotApplicable => "not_applicable",
            PracticeAnswer::DontKnow => "dont_know",
        }
    }

    /// Parses a stable identifier.
    pub fn from_id(id: &str) -> Option<PracticeAnswer> {
        PracticeAnswer::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The maturity this answer counts as when scoring: "don't know" counts as not in place
    /// (conservative); "not applicable" has none.
    pub fn scored_maturity(self) -> Option<Maturity> {
        match self {
            PracticeAnswer::Maturity(m) => Some(m),
            PracticeAnswer::DontKnow => Some(Maturity::NotInPlace),
            PracticeAnswer::NotApplicable => None,
        }
    }
}

/// Where a 42001 requirement stands for this organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Existing evidence carries over: a fully matching practice that is effective and provable.
    Inherited,
    /// Something exists to build on: a partial match, or a practice not yet effective or provable.
    Extend,
    /// Nothing in place supports it: new work.
    NetNew,
    /// Excluded for this organisation, with a reason (Annex A controls only).
    NotApplicable,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 4] = [
        Status::Inherited,
        Status::Extend,
        Status::NetNew,
        Status::NotApplicable,
    ];

    /// The stable identifier (also the locale key suffix).
    pub fn id(self) -> &'static str {
        match self {
            Status::Inherited => "inherited",
            Status::Extend => "extend",
            Status::NetNew => "net_new",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// How often a task is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every year.
    Yearly,
}

impl Cadence {
    /// All cadences, most frequent first.
    pub const ALL: [Cadence; 3] = [Cadence::Monthly, Cadence::Quarterly, Cadence::Yearly];

    /// Stable id, as written in the answers document (locale key `cadence.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Yearly => "yearly",
        }
    }

    /// Parses a stable id.
    pub fn from_id(id: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The cadence of a task nobody chose one for.
    pub fn default_for(phase: Phase) -> Cadence {
        match phase {
            Phase::Foundation | Phase::Extensions | Phase::Alignment => Cadence::Quarterly,
            Phase::Audit => Cadence::Yearly,
        }
    }

    /// Calendar months between two reviews.
    pub fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
            Cadence::Yearly => 12,
        }
    }

    /// The iCalendar recurrence rule.
    pub fn rrule(self) -> &'static str {
        match self {
            Cadence::Monthly => "FREQ=MONTHLY",
            Cadence::Quarterly => "FREQ=MONTHLY;INTERVAL=3",
            Cadence::Yearly => "FREQ=YEARLY",
        }
    }
}

/// Kind of work in the effort breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffortKind {
    /// Making the existing security program effective.
    Foundation,
    /// Extending existing procedures and controls to AI.
    Extend,
    /// New documents and processes made once.
    NewArtifacts,
    /// Work repeated for each AI system.
    PerSystem,
    /// Internal audit and management review cycle.
    AuditCycle,
}

impl EffortKind {
    /// All kinds, in display order.
    pub const ALL: [EffortKind; 5] = [
        EffortKind::Foundation,
        EffortKind::Extend,
        EffortKind::NewArtifacts,
        EffortKind::PerSystem,
        EffortKind::AuditCycle,
    ];

    /// Stable id (locale key `effort.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            EffortKind::Foundation => "foundation",
            EffortKind::Extend => "extend",
            EffortKind::NewArtifacts => "new_artifacts",
            EffortKind::PerSystem => "per_system",
            EffortKind::AuditCycle => "audit_cycle",
        }
    }
}
