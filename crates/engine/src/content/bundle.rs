//! The compiled content bundle: validated content as compact bytes, made at build time and read
//! back in the web app with no JSON, no serde deserializer and no validator in the wasm.
//!
//! With the `load` feature (on by default: the command-line scorer and the tests) content is
//! parsed from the JSON `build.rs` makes and validated, every problem reported at once
//! ([`crate::assess::bundle::Bundle::load`]); the same feature writes the validated result as
//! bytes ([`codec`](super::codec)). The web app's build script does that, and the app, built
//! without `load`, [`install`]s the bytes before anything reads content:
//! [`super::catalog::Catalog::builtin`], [`super::triage_rules::Rules::builtin`] and
//! [`crate::budget::builtin`] then decode their part of them. Without installed bytes they load
//! the content compiled into the engine (`load` only).
//!
//! The bytes: [`MAGIC`], the bundle's [`id`] (8 bytes, little-endian: FNV-1a 64 of everything
//! after it), the number of parts, then each part as its length and its bytes (the catalog, the
//! register rules, the budget defaults: [`CATALOG`], [`REGISTER`], [`BUDGET`]). The web app's
//! bundle is the *base*: every language but English is left out (except its name) and ships as a
//! part of its own, made for this base and refused by any other ([`super::lang::LangPart`]).
//! How each type is written is its field list in `catalog_codec` (the catalog) and
//! `crate::assess::bundle` (register rules, budget): to carry another piece of validated content,
//! add it to its type's list (a field missing from a list does not compile).

use std::sync::OnceLock;

use super::codec::{Decode, Reader};
use crate::model::checksum::fnv1a64;

/// First bytes of a bundle: a name and the format version (raise it when the layout changes).
pub const MAGIC: &[u8; 4] = b"CoB\x02";
/// Part holding the [`super::catalog::Catalog`].
pub const CATALOG: usize = 0;
/// Part holding the register rules ([`super::triage_rules::Rules`]).
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

/// The problem when installed bytes do not decode.
pub(crate) const DAMAGED: &str =
    "the compiled content bundle does not decode (made by another version?)";

/// The problem when content is read before anything was installed, in a build without `load`.
#[cfg(not(feature = "load"))]
pub(crate) const MISSING: &str =
    "no content bundle installed: call content::bundle::install with the bytes the build made";

/// Length of a bundle's id (the checksum in its frame).
const ID_LEN: usize = 8;

/// `magic`, the FNV-1a 64 checksum of `body` (8 bytes, little-endian), then `body`: how a bundle
/// and a language's part ([`super::lang::LangPart`]) are framed.
#[cfg(feature = "load")]
pub(crate) fn framed(magic: &[u8], body: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend(fnv1a64(body).to_le_bytes());
    bytes.extend(body);
    bytes
}

/// The checksum and the body of bytes [`framed`] with `magic`; `None` when they start otherwise
/// or the checksum does not match the body.
pub(crate) fn unframed<'a>(magic: &[u8], bytes: &'a [u8]) -> Option<(u64, &'a [u8])> {
    let rest = bytes.strip_prefix(magic)?;
    let (check, body) = rest.split_at_checked(ID_LEN)?;
    let check = u64::from_le_bytes(check.try_into().ok()?);
    (check == fnv1a64(body)).then_some((check, body))
}

/// A bundle's id: the checksum its bytes carry of everything after it (so two builds of the same
/// content have the same id, and a language's part names the base it was made for). `None` for
/// bytes that are not a bundle or whose checksum does not match.
pub fn id(bytes: &[u8]) -> Option<u64> {
    unframed(MAGIC, bytes).map(|(id, _)| id)
}

/// Part `index` of a bundle.
fn part(bytes: &[u8], index: usize) -> Option<&[u8]> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    r.take(ID_LEN)?;
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
    encode_raw(&mut out, parts.len());
    for p in parts {
        encode_raw(&mut out, p.len());
        for b in p {
            out.push(*b);
        }
    }
    framed(MAGIC, &out.into_structure())
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
