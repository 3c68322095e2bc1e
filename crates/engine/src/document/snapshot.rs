//! Snapshots: the answers as they were just before something replaced them (an import, a share
//! link, start over, another tab, a restore), kept so the replace can be undone.
//!
//! The app keeps the last [`KEEP`] snapshots in storage beside the answers, one per slot, and
//! reuses the oldest slot for the next one ([`slot_for_next`]). A snapshot is JSON:
//!
//! ```json
//! { "format": "carryover-snapshot", "version": 1, "reason": "import", "taken_at": 1764460000000,
//!   "document": { "format": "carryover-answers", "version": 1, "answers": { … } } }
//! ```
//!
//! The document inside is the ordinary answers document, read back through
//! [`crate::document::answers::decode_value`], so a snapshot restores exactly what was there (entries kept
//! aside, tasks and unknown fields included).

use serde_json::{Map, Value};

use crate::content::catalog::Catalog;
use crate::document::answers::{AnswersDocument, DecodeError, decode_value, t};

/// The `format` field of a snapshot.
pub const FORMAT: &str = "carryover-snapshot";
/// How many snapshots the app keeps.
pub const KEEP: usize = 5;

/// What replaced the answers a snapshot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An answers file was loaded.
    Import,
    /// A share link was opened.
    Share,
    /// The user started over.
    StartOver,
    /// Another tab replaced or overwrote the answers.
    OtherTab,
    /// An earlier snapshot was restored.
    Restore,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 5] = [
        Reason::Import,
        Reason::Share,
        Reason::StartOver,
        Reason::OtherTab,
        Reason::Restore,
    ];

    /// Stable id (in the stored snapshot, and locale key `ui.undo.reason.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Reason::Import => "import",
            Reason::Share => "share",
            Reason::StartOver => "start_over",
            Reason::OtherTab => "other_tab",
            Reason::Restore => "restore",
        }
    }

    /// The reason with this id.
    pub fn from_id(id: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The answers as they were before a replace.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// What replaced them.
    pub reason: Reason,
    /// When (milliseconds since the Unix epoch).
    pub taken_at: u64,
    /// The answers document as it was.
    pub document: AnswersDocument,
}

impl Snapshot {
    /// The stored text.
    pub fn to_json(&self, catalog: &Catalog) -> String {
        let document: Value =
            serde_json::from_str(&self.document.to_json(catalog)).unwrap_or(Value::Null);
        let mut obj = Map::new();
        obj.insert("format".into(), Value::String(FORMAT.into()));
        obj.insert("version".into(), Value::from(1));
        obj.insert("reason".into(), Value::String(self.reason.id().into()));
        obj.insert("taken_at".into(), Value::from(self.taken_at));
        obj.insert("document".into(), document);
        Value::Object(obj).to_string()
    }

    /// Reads a stored snapshot. Anything that is not one is a [`DecodeError`].
    pub fn decode(catalog: &Catalog, text: &str) -> Result<Snapshot, DecodeError> {
        let field = |path: &str, key: &str| DecodeError::Field {
            path: path.to_owned(),
            reason: t(key, &[]),
        };
        let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Syntax {
            line: e.line(),
            column: e.column(),
            eof: e.is_eof(),
        })?;
        let Value::Object(mut obj) = value else {
            return Err(field("(snapshot)", "answers.field.not_object"));
        };
        if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(field("format", "answers.field.not_snapshot"));
        }
        let reason = obj
            .get("reason")
            .and_then(Value::as_str)
            .and_then(Reason::from_id)
            .ok_or_else(|| field("reason", "answers.field.snapshot_reason"))?;
        let taken_at = obj
            .get("taken_at")
            .and_then(Value::as_u64)
            .ok_or_else(|| field("taken_at", "answers.field.milliseconds"))?;
        let document = obj
            .remove("document")
            .ok_or_else(|| field("document", "answers.field.missing"))?;
        Ok(Snapshot {
            reason,
            taken_at,
            document: decode_value(catalog, document)?.document,
        })
    }
}

/// Which of [`KEEP`] slots (0-based) the next snapshot goes in, given each slot's `taken_at`
/// (`None`: empty or unreadable): the first empty slot, else the oldest.
pub fn slot_for_next(slots: &[Option<u64>]) -> usize {
    slots
        .iter()
        .take(KEEP)
        .position(Option::is_none)
        .or_else(|| {
            slots
                .iter()
                .take(KEEP)
                .enumerate()
                .min_by_key(|(_, t)| **t)
                .map(|(i, _)| i)
        })
        .unwrap_or(0)
}
