//! Carryover's engine: how much of ISO/IEC 42001 an existing SOC 2 / ISO 27001 program already
//! covers, what is net-new, how much work that is, and what to do first.
//!
//! The engine is pure: no DOM, no storage, no clock, no randomness. It is compiled into the web app
//! (wasm) and into the `carryover` command-line scorer, and tested natively with `cargo test`.
//!
//! Data flows one way:
//!
//! ```text
//! content/*.toml ──build.rs──▶ JSON ──Catalog::load──▶ Catalog (validated: every reference resolves)
//! answers JSON ──answers::decode──▶ Answers ─┐
//!                                          ├──score::assess──▶ Assessment (every figure with its rows)
//! Catalog ─────────────────────────────────┘
//! ```
//!
//! Modules, in reading order: [`model`] (small vocabularies), [`catalog`] (validated content),
//! [`answers`] (the answers document), [`condition`] (what is shown and what applies), [`score`]
//! (statuses, scores, overlap, roadmap, warnings, wins), [`baseline`] (what the SOC 2 / ISO 27001 /
//! AI RMF intake changes: confidence, suggested answers, the published figures shown), [`effort`] (person-days and months),
//! [`text`] (locale keys and the text summary). `content` holds the raw file shapes and is private to
//! the loader. Taking the result away: [`tasks`] (the task plan, with owners and review cadences
//! kept in the answers document), [`export`] (report, Statement of Applicability, task CSV and
//! calendar) and [`share`] (the share-link fragment codec). Embedding: [`embed_config`] (branding,
//! CTA, origin and prefill, validated) and [`embed_message`] (the host page protocol).
//! Keeping answers safe: [`merge`] (two copies merged per question) and [`snapshot`] (the answers
//! as they were before a replace, for undo). Issue 16: [`register`] (the AI system register in the
//! answers document) and [`triage`] (per-system preliminary EU AI Act triage, impact priority and
//! controls, rules from `content/register.toml`).

pub mod assess;
pub mod content;
pub mod document;
pub mod embed;
pub mod export;
pub mod model;
pub mod text;

// The paths the app, the CLI and the tests have always imported.
pub use assess::score::effort;
pub use assess::{baseline, budget, condition, diff, score, tasks, triage, whatif};
pub use content::{catalog, lang};
pub use document::{answers, merge, register, share, snapshot};
pub use embed::config as embed_config;
pub use embed::message as embed_message;

pub use answers::{
    Answer, Answers, AnswersDocument, DecodeError, Decoded, Issue, decode, decode_bytes,
};
pub use catalog::{Catalog, ContentErrors};
pub use lang::Lang;
pub use model::{Maturity, PracticeAnswer, Status};
pub use score::{Assessment, assess};
