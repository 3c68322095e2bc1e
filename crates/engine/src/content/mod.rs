//! Layer 2, content: the raw content file shapes ([`raw`], private to the loader), the validated
//! [`catalog`] types, and the [`validate`] step that builds a catalog from raw content and reports
//! every problem at once, and the languages ([`lang`]: overlays, localized catalogs, checks).

pub mod catalog;
pub mod lang;
pub(crate) mod raw;
mod validate;
