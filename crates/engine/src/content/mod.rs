//! Layer 2, content: the raw content file shapes ([`raw`], private to the loader), the validated
//! [`catalog`] types, and the [`validate`] step that builds a catalog from raw content and reports
//! every problem at once; the register rules ([`triage_rules`]); the languages ([`lang`]: overlays,
//! localized catalogs, their checks).

pub mod catalog;
pub mod lang;
pub(crate) mod raw;
pub mod triage_rules;
mod validate;
