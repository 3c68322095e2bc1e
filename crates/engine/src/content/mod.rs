//! Layer 2, content: the raw content file shapes (`raw`, private to the loader), the validated
//! [`catalog`] types, the `validate` step that builds a catalog from raw content and reports
//! every problem at once (these two only with the `load` feature); the register rules
//! ([`triage_rules`]); the languages ([`lang`]: overlays, localized catalogs, their checks); and
//! the compiled [`bundle`] (with its `codec`) that the web app decodes instead of loading and
//! validating.

pub mod bundle;
pub mod catalog;
mod catalog_codec;
pub(crate) mod codec;
pub mod lang;
#[cfg(feature = "load")]
pub(crate) mod raw;
pub mod triage_rules;
#[cfg(feature = "load")]
mod validate;
