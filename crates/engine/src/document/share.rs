//! Share links: the answers document packed into a URL fragment, so a result can be opened on
//! another device with no server involved (browsers never send the fragment).
//!
//! A fragment is `v1.` followed by base64url without padding of:
//!
//! ```text
//! checksum (4 bytes, FNV-1a of what follows) ‖ body length (LEB128) ‖ body (raw DEFLATE of the compact JSON)
//! ```
//!
//! The JSON is the answers document as [`AnswersDocument::to_json`] writes it, less two fields that
//! belong to the device rather than the answers (`position` and `saved_at`); question and choice
//! ids stay as text, so a link made with one content version opens with another exactly as a
//! saved file would. DEFLATE (`miniz_oxide`, small and pure Rust) takes a complete set of answers
//! from about 1.4 KB of JSON to a few hundred bytes.
//!
//! Decoding is hostile-input safe and every failure is a [`FragmentError`]: a fragment longer than
//! [`MAX_FRAGMENT_CHARS`] is refused before anything else, a body shorter than its length says is
//! truncated, a checksum mismatch or trailing bytes mean it was changed, and inflating stops at
//! [`MAX_INFLATED_BYTES`]. What passes goes through [`crate::document::answers::decode`], so a shared document
//! gets exactly the validation an imported file gets.

use serde::Serialize;

use crate::content::catalog::Catalog;
use crate::document::answers::{
    AnswersDocument, DecodeError, Decoded, decode as decode_document, text_of,
};
use crate::model::checksum::fnv1a32;
use crate::model::text::{escape_control, fill};

/// The version prefix this build writes and reads.
pub const PREFIX: &str = "v1.";
/// Longest fragment accepted, in characters (after an optional leading `#`).
pub const MAX_FRAGMENT_CHARS: usize = 8 * 1024;
/// Largest document a fragment may inflate to.
pub const MAX_INFLATED_BYTES: usize = 64 * 1024;

/// Why a fragment could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FragmentError {
    /// Nothing there.
    Empty,
    /// Longer than [`MAX_FRAGMENT_CHARS`].
    Oversized {
        /// Its length.
        chars: usize,
    },
    /// Not a `v1.` fragment.
    WrongVersion {
        /// What stood where the version goes (at most 16 characters of it).
        version: String,
    },
    /// A character that base64url does not use.
    InvalidBase64 {
        /// 1-based position in the fragment.
        position: usize,
    },
    /// Cut short.
    Truncated,
    /// Changed or damaged: the checksum does not match, or bytes were added.
    Tampered,
    /// Would inflate beyond [`MAX_INFLATED_BYTES`].
    InflatesTooLarge,
    /// Inflated to bytes that are not UTF-8 text.
    NotText,
    /// Intact, but not a usable answers document.
    Document(DecodeError),
}

impl FragmentError {
    /// Stable id (locale key `share.error.<id>`).
    pub fn id(&self) -> &'static str {
        match self {
            FragmentError::Empty => "empty",
            FragmentError::Oversized { .. } => "oversized",
            FragmentError::WrongVersion { .. } => "wrong_version",
            FragmentError::InvalidBase64 { .. } => "invalid_base64",
            FragmentError::Truncated => "truncated",
            FragmentError::Tampered => "tampered",
            FragmentError::InflatesTooLarge => "inflates_too_large",
            FragmentError::NotText => "not_text",
            FragmentError::Document(_) => "document",
        }
    }

    /// The message for a person, in a locale.
    pub fn message(&self, catalog: &Catalog, locale: &str) -> String {
        let key = format!("share.error.{}", self.id());
        let template = catalog.text(locale, &key);
        match self {
            FragmentError::Oversized { chars } => fill(
                template,
                &[
                    ("chars", &chars.to_string()),
                    ("limit", &MAX_FRAGMENT_CHARS.to_string()),
                ],
            ),
            FragmentError::WrongVersion { version } => fill(
                template,
                &[
                    ("version", version),
                    ("expected", PREFIX.trim_end_matches('.')),
                ],
            ),
            FragmentError::InvalidBase64 { position } => {
                fill(template, &[("position", &position.to_string())])
            }
            FragmentError::InflatesTooLarge => {
                fill(template, &[("limit", &MAX_INFLATED_BYTES.to_string())])
            }
            FragmentError::Document(e) => {
                fill(template, &[("reason", &e.message(catalog, locale))])
            }
            FragmentError::Empty
            | FragmentError::Truncated
            | FragmentError::Tampered
            | FragmentError::NotText => template.to_owned(),
        }
    }
}

/// Packs a document into a fragment (without the `#`).
pub fn encode(catalog: &Catalog, document: &AnswersDocument) -> String {
    let shared = AnswersDocument {
        position: None,
        saved_at: None,
        // When this device changed what is its own business; opening a link is a replace anyway.
        changed: std::collections::BTreeMap::new(),
        replaced_at: None,
        ..document.clone()
    };
    let json = shared.to_json(catalog);
    let body = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    let mut rest = Vec::with_capacity(body.len() + 4);
    push_leb128(&mut rest, body.len());
    rest.extend_from_slice(&body);
    let mut bytes = fnv1a32(&rest).to_be_bytes().to_vec();
    bytes.extend_from_slice(&rest);
    let mut out = String::from(PREFIX);
    base64url_encode(&bytes, &mut out);
    out
}

/// The encoded answers in what a person pastes: a whole link (`https://…/#share=v1.…`), its
/// fragment with or without `#` and `share=`, or the bare `v1.…` payload. Surrounding white space
/// is ignored. The app's router and the command-line scorer both open links through this.
pub fn payload(input: &str) -> &str {
    let s = input.trim();
    let s = s.split_once('#').map_or(s, |(_, fragment)| fragment);
    s.strip_prefix("share=").unwrap_or(s).trim()
}

/// Opens a share link in any form [`payload`] accepts into a decoded answers document.
pub fn decode(catalog: &Catalog, input: &str) -> Result<Decoded, FragmentError> {
    let fragment = payload(input);
    if fragment.is_empty() {
        return Err(FragmentError::Empty);
    }
    let chars = fragment.chars().count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(FragmentError::Oversized { chars });
    }
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        let version: String = fragment
            .split('.')
            .next()
            .unwrap_or_default()
            .chars()
            .take(16)
            .collect();
        return Err(FragmentError::WrongVersion {
            version: escape_control(&version),
        });
    };
    let (bytes, canonical) = base64url_decode(data).map_err(|e| match e {
        Base64Error::Length => FragmentError::Truncated,
        Base64Error::Character(i) => FragmentError::InvalidBase64 {
            position: PREFIX.len() + i + 1,
        },
    })?;
    let (Some(checksum), Some(rest)) = (bytes.get(..4), bytes.get(4..)) else {
        return Err(FragmentError::Truncated);
    };
    let (declared, body) = read_leb128(rest).ok_or(FragmentError::Truncated)?;
    if body.len() < declared {
        return Err(FragmentError::Truncated);
    }
    // Extra bytes, stray padding bits or a checksum mismatch: the link was changed.
    if body.len() > declared || !canonical || fnv1a32(rest).to_be_bytes() != checksum {
        return Err(FragmentError::Tampered);
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(body, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => FragmentError::InflatesTooLarge,
            _ => FragmentError::Tampered,
        })?;
    let text = text_of(&json).map_err(|_| FragmentError::NotText)?;
    decode_document(catalog, text).map_err(FragmentError::Document)
}

fn push_leb128(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads a length of at most three LEB128 bytes (enough for any fragment we accept).
fn read_leb128(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut n = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(3) {
        n |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((n, bytes.get(i + 1..)?));
        }
    }
    None
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8], out: &mut String) {
    let sym = |i: u32| char::from(ALPHABET[(i & 63) as usize]);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        if chunk.len() > 1 {
            out.push(sym(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(sym(n));
        }
    }
}

enum Base64Error {
    /// One character left over: not a length base64 produces.
    Length,
    /// The 0-based index of a character outside the alphabet.
    Character(usize),
}

/// Decodes base64url without padding; the flag says whether the leftover bits were zero, as an
/// encoder leaves them (checked by the caller after the truncation check, since a cut string
/// leaves non-zero bits too).
fn base64url_decode(text: &str) -> Result<(Vec<u8>, bool), Base64Error> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for (i, c) in text.chars().enumerate() {
        let v = match c {
            'A'..='Z' => u32::from(c) - u32::from('A'),
            'a'..='z' => u32::from(c) - u32::from('a') + 26,
            '0'..='9' => u32::from(c) - u32::from('0') + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(Base64Error::Character(i)),
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone sixth of a byte is not a length base64 produces.
    if bits == 6 {
        return Err(Base64Error::Length);
    }
    Ok((out, acc == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let cases: &[(&[u8], &str)] = &[
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xfe], "-__-"),
        ];
        for (bytes, text) in cases {
            let mut s = String::new();
            base64url_encode(bytes, &mut s);
            assert_eq!(s, *text);
            assert_eq!(base64url_decode(text).ok(), Some((bytes.to_vec(), true)));
        }
        assert!(matches!(base64url_decode("Z"), Err(Base64Error::Length)));
        assert!(
            matches!(base64url_decode("Zh"), Ok((_, false))),
            "stray bits"
        );
        assert!(matches!(
            base64url_decode("Zm+v"),
            Err(Base64Error::Character(2))
        ));
        assert!(matches!(
            base64url_decode("Zm9v="),
            Err(Base64Error::Character(4))
        ));
    }

    #[test]
    fn leb128_round_trips_and_refuses_overlong() {
        for n in [0usize, 1, 127, 128, 300, 16_383, 16_384, 2_097_151] {
            let mut v = Vec::new();
            push_leb128(&mut v, n);
            v.push(0xaa);
            assert_eq!(read_leb128(&v), Some((n, &[0xaa][..])));
        }
        assert_eq!(read_leb128(&[0x80, 0x80, 0x80, 0x01]), None);
        assert_eq!(read_leb128(&[0x80]), None);
        assert_eq!(read_leb128(&[]), None);
    }
}
