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
//! The modules sit in layers, and a layer uses only the layers below it (checked by
//! `scripts/check-invariants`; ARCHITECTURE.md has the rule):
//!
//! 1. [`model`]: small vocabularies (statuses, phases, cadences, effort kinds) and the text helpers
//!    (`fill`, `escape_control`) and checksum every layer may use.
//! 2. [`content`]: the raw content file shapes, the validated [`catalog`] and its validator, the
//!    register rules ([`content::triage_rules`]).
//! 3. [`document`]: the answers document and its codec ([`answers`]), the AI system [`register`]
//!    and the task settings kept in it, [`merge`], [`snapshot`] and [`share`] links.
//! 4. [`assess`]: [`condition`], [`baseline`], [`score`] (with [`effort`] and the per-requirement
//!    credit under it), [`triage`], the task plan ([`tasks`]), [`budget`], [`whatif`], [`diff`].
//! 5. [`export`]: report, Statement of Applicability, task CSV and calendar.
//! 6. [`embed`]: the site owner's configuration and the host page protocol.
//! 7. [`text`]: every locale key the layers and the UI need, checked against English.
//!
//! The old flat paths (`carryover_engine::answers`, `::score`, `::embed_config`, …) are kept as
//! re-exports for the app, the command-line scorer and the tests; code inside the engine uses the
//! layer paths.

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
