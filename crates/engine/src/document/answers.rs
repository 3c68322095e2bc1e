//! Answers and the versioned answers document.
//!
//! The answers document is the one persistence format of Carryover: the browser stores it, the
//! export button writes it, the import reads it, and the command-line scorer scores it. It is JSON:
//!
//! ```json
//! {
//!   "format": "carryover-answers",
//!   "version": 1,
//!   "content_version": "2026.11.1",
//!   "answers": { "iso27001": "certified", "roles": ["provider", "user"], "ai_policy": "dont_know" },
//!   "position": "program",
//!   "saved_at": "2026-11-23T10:00:00Z"
//! }
//! ```
//!
//! An optional `tasks` object holds the owner and review cadence the user set per requirement
//! (see [`crate::assess::tasks`]); documents without it are unchanged.
//!
//! Two optional fields let two copies of the answers be merged per question (see
//! [`crate::document::merge`]): `changed`, question id → when that answer was last set or cleared
//! (milliseconds since the Unix epoch), and `replaced_at`, when the whole set of answers was last
//! replaced (an import, a share link, start over, a restore). Documents without them (every
//! document written before they existed) read as answers last changed at time 0, so they still
//! load and merge; the version stays 1 because a reader that ignores both fields loses nothing.
//!
//! An optional `register` object holds the AI system register (see [`crate::document::register`]);
//! documents without it have an empty register and load unchanged.
//!
//! Text comes in as bytes from files and links: [`decode_bytes`] accepts a UTF-8 byte order mark
//! and refuses invalid UTF-8 (both the app and the command-line scorer read through it).
//!
//! Decoding is two-step and never panics. [`decode`] reads the structure and fails with a
//! [`DecodeError`] naming the field and the reason when the document cannot be used at all (not
//! JSON, not an answers document, a future version, too large). Problems with single entries are
//! not fatal: an answer to a question this content does not know, or a value that is not one of the
//! question's choices, is kept aside in [`AnswersDocument::rejected`] and reported as an [`Issue`],
//! never silently dropped, so a newer or older file loses nothing when it is saved again.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

pub use super::issue::Issue;
use super::tasks::{TaskSettings, encode_settings};
use crate::content::catalog::Catalog;
use crate::model::text::Wording;
use crate::model::{PracticeAnswer, QuestionKind};

/// The `format` field of every answers document.
pub const FORMAT: &str = "carryover-answers";
/// The newest document version this build writes and reads.
pub const VERSION: u64 = 1;
/// Documents larger than this are refused before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
/// A document with more answer entries than this that do not fit the questions is refused: it is
/// not a set of answers from any version of Carryover (the questionnaire has well under a hundred
/// questions; the limit leaves room for several content versions' worth of retired ones).
pub const MAX_UNFIT_ENTRIES: usize = 200;

/// A validated answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// The choice id of a single question.
    Choice(String),
    /// The choice ids of a multi question (sorted, no duplicates).
    Choices(BTreeSet<String>),
    /// A practice answer.
    Practice(PracticeAnswer),
}

impl Answer {
    /// The answer as it is written in a document.
    pub fn to_json(&self) -> Value {
        match self {
            Answer::Choice(c) => Value::String(c.clone()),
            Answer::Choices(cs) => Value::Array(cs.iter().cloned().map(Value::String).collect()),
            Answer::Practice(p) => Value::String(p.id().to_owned()),
        }
    }

    /// True when the answer includes the choice (single or multi questions).
    pub fn includes(&self, choice: &str) -> bool {
        match self {
            Answer::Choice(c) => c == choice,
            Answer::Choices(cs) => cs.contains(choice),
            Answer::Practice(_) => false,
        }
    }
}

/// Validated answers, keyed by question index. Only answers that fit the catalog are here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    by_question: BTreeMap<usize, Answer>,
    /// The AI system register (issue 16; empty when the respondent has not listed systems).
    register: crate::document::register::Register,
}

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// The answer to a question, by index.
    pub fn get(&self, question: usize) -> Option<&Answer> {
        self.by_question.get(&question)
    }

    /// The practice answer to a question, if it is one.
    pub fn practice(&self, question: usize) -> Option<PracticeAnswer> {
        match self.by_question.get(&question) {
            Some(Answer::Practice(p)) => Some(*p),
            Some(Answer::Choice(_) | Answer::Choices(_)) | None => None,
        }
    }

    /// Sets an answer after checking it fits the question; returns why not otherwise.
    pub fn set(
        &mut self,
        catalog: &Catalog,
        question_id: &str,
        value: &Value,
    ) -> Result<(), Wording> {
        let qi = catalog
            .question_index(question_id)
            .ok_or_else(|| t("answers.issue.no_question", &[("id", question_id)]))?;
        let answer = parse_answer(catalog, qi, value)?;
        self.by_question.insert(qi, answer);
        Ok(())
    }

    /// Sets an already-typed answer by question index (the UI's path). The caller guarantees
    /// the answer fits; [`Answers::set`] is the checked path.
    pub fn insert(&mut self, question: usize, answer: Answer) {
        self.by_question.insert(question, answer);
    }

    /// Removes the answer to a question.
    pub fn clear(&mut self, question: usize) {
        self.by_question.remove(&question);
    }

    /// Number of answers.
    pub fn len(&self) -> usize {
        self.by_question.len()
    }

    /// True when nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.by_question.is_empty()
    }

    /// The AI system register (empty when none was filled in).
    pub fn register(&self) -> &crate::document::register::Register {
        &self.register
    }

    /// The register, to edit (the app's path; see [`crate::document::register::Register`]'s methods).
    pub fn register_mut(&mut self) -> &mut crate::document::register::Register {
        &mut self.register
    }

    /// Iterates `(question index, answer)` in question order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Answer)> {
        self.by_question.iter().map(|(q, a)| (*q, a))
    }
}

/// A decoded answers document: the answers that fit, and everything else kept aside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswersDocument {
    /// Answers that fit the catalog.
    pub answers: Answers,
    /// Content version the document was written against (informational).
    pub content_version: Option<String>,
    /// Section the respondent was on (UI state).
    pub position: Option<String>,
    /// When it was last saved (UI state, RFC 3339 text).
    pub saved_at: Option<String>,
    /// Answer entries that did not fit (unknown question, invalid value), kept verbatim.
    pub rejected: BTreeMap<String, Value>,
    /// Top-level fields this version does not know, kept verbatim.
    pub extra: BTreeMap<String, Value>,
    /// Owner and review cadence per requirement id (the optional `tasks` object; see
    /// [`crate::assess::tasks`]).
    pub tasks: BTreeMap<String, TaskSettings>,
    /// `tasks` entries that did not fit, kept verbatim and written back under `tasks`.
    pub rejected_tasks: BTreeMap<String, Value>,
    /// When each answer was last set or cleared, by question index (milliseconds since the Unix
    /// epoch; the `changed` object). A question with a time and no answer was cleared then.
    pub changed: BTreeMap<usize, u64>,
    /// When all answers were last replaced at once (import, share link, start over, restore).
    pub replaced_at: Option<u64>,
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecodeError {
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The text ended before the JSON did (otherwise a character JSON does not allow).
        eof: bool,
    },
    /// JSON, but a field has the wrong shape.
    Field {
        /// JSON path.
        path: String,
        /// What was expected.
        reason: Wording,
    },
    /// Written by a newer Carryover.
    FutureVersion {
        /// The document's version.
        version: u64,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// More than [`MAX_UNFIT_ENTRIES`] answer entries do not fit the questions.
    TooManyUnfit {
        /// The limit.
        limit: usize,
    },
}

impl DecodeError {
    /// Stable id (locale key `answers.error.<id>`).
    pub fn id(&self) -> &'static str {
        match self {
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::Syntax { .. } => "syntax",
            DecodeError::Field { .. } => "field",
            DecodeError::FutureVersion { .. } => "future_version",
            DecodeError::NotUtf8 { .. } => "not_utf8",
            DecodeError::TooManyUnfit { .. } => "too_many_unfit",
        }
    }

    /// The message for a person, in a locale (control characters from the input escaped).
    pub fn message(&self, catalog: &Catalog, locale: &str) -> String {
        catalog.word(locale, &self.wording())
    }

    /// The words of the message: `answers.error.<id>` and its arguments.
    pub fn wording(&self) -> Wording {
        let key = format!("answers.error.{}", self.id());
        match self {
            DecodeError::TooLarge { bytes } => Wording::new(
                key,
                &[
                    ("bytes", &bytes.to_string()),
                    ("limit", &MAX_DOCUMENT_BYTES.to_string()),
                ],
            ),
            DecodeError::Syntax { line, column, eof } => Wording::new(
                key,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            )
            .with_words(
                "reason",
                Wording::new(
                    if *eof {
                        "answers.syntax.eof"
                    } else {
                        "answers.syntax.invalid"
                    },
                    &[],
                ),
            ),
            DecodeError::Field { path, reason } => {
                Wording::new(key, &[("path", path)]).with_words("reason", reason.clone())
            }
            DecodeError::FutureVersion { version } => Wording::new(
                key,
                &[
                    ("version", &version.to_string()),
                    ("newest", &VERSION.to_string()),
                ],
            ),
            DecodeError::NotUtf8 { offset } => {
                Wording::new(key, &[("offset", &offset.to_string())])
            }
            DecodeError::TooManyUnfit { limit } => {
                Wording::new(key, &[("limit", &limit.to_string())])
            }
        }
    }
}

/// The outcome of a successful decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The document.
    pub document: AnswersDocument,
    /// Everything that was kept aside or ignored, with reasons.
    pub issues: Vec<Issue>,
}

/// Every locale key the answers decoder's messages use (for [`crate::text::required_keys`]).
pub const LOCALE_KEYS: &[&str] = &[
    "answers.field.not_object",
    "answers.field.format_other",
    "answers.field.format_type",
    "answers.field.format_missing",
    "answers.field.version_range",
    "answers.field.whole_number",
    "answers.field.missing",
    "answers.field.answers_type",
    "answers.field.string",
    "answers.field.milliseconds",
    "answers.field.changed_type",
    "answers.field.not_snapshot",
    "answers.field.snapshot_reason",
    "answers.issue.at",
    "answers.syntax.eof",
    "answers.syntax.invalid",
    "answers.issue.kept_aside",
    "answers.issue.unknown_field",
    "answers.issue.unknown_question",
    "answers.issue.no_question",
    "answers.issue.not_choice",
    "answers.issue.not_choices",
    "answers.issue.choice_ids",
    "answers.issue.not_practice",
    "answers.issue.string",
    "answers.issue.list",
    "answers.kind.null",
    "answers.kind.boolean",
    "answers.kind.number",
    "answers.kind.string",
    "answers.kind.list",
    "answers.kind.object",
    "register.issue.not_object",
    "register.issue.too_many",
    "register.issue.duplicate",
    "register.issue.system",
    "register.issue.clipped",
    "register.issue.unknown",
];

/// The words of an answers-decoder message.
pub(crate) fn t(key: &str, args: &[(&str, &str)]) -> Wording {
    Wording::new(key, args)
}

fn field(path: &str, reason: Wording) -> DecodeError {
    DecodeError::Field {
        path: path.to_owned(),
        reason,
    }
}

/// Reads the `tasks` value of a document being decoded into it (the answers decoder's hook).
fn read_tasks(
    catalog: &Catalog,
    value: Option<Value>,
    doc: &mut AnswersDocument,
    issues: &mut Vec<Issue>,
) {
    let Some(value) = value else {
        return;
    };
    let t = super::tasks::decode_settings(catalog, value);
    doc.tasks = t.settings;
    doc.rejected_tasks = t.rejected;
    if let Some(invalid) = t.invalid {
        doc.extra.insert("tasks".into(), invalid);
    }
    issues.extend(t.issues);
}

/// Reads an answers document. See the module docs for what is fatal and what is kept aside.
pub fn decode(catalog: &Catalog, text: &str) -> Result<Decoded, DecodeError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Syntax {
        line: e.line(),
        column: e.column(),
        eof: e.is_eof(),
    })?;
    decode_value(catalog, value)
}

/// Like [`decode`], for a document already parsed as JSON.
#[allow(clippy::too_many_lines)] // one pass over the document, field after field
pub fn decode_value(catalog: &Catalog, value: Value) -> Result<Decoded, DecodeError> {
    let Value::Object(mut obj) = value else {
        return Err(field("(document)", t("answers.field.not_object", &[])));
    };
    let fmt = [("format", FORMAT)];
    match obj.remove("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(field(
                "format",
                t(
                    "answers.field.format_other",
                    &[("format", FORMAT), ("found", &f)],
                ),
            ));
        }
        Some(_) => {
            return Err(field("format", t("answers.field.format_type", &fmt)));
        }
        None => {
            return Err(field("format", t("answers.field.format_missing", &fmt)));
        }
    }
    let version = match obj.remove("version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            field(
                "version",
                t("answers.field.version_range", &[("found", &n.to_string())]),
            )
        })?,
        Some(_) => {
            return Err(field("version", t("answers.field.whole_number", &[])));
        }
        None => {
            return Err(field("version", t("answers.field.missing", &[])));
        }
    };
    if version > VERSION {
        return Err(DecodeError::FutureVersion { version });
    }
    migrate(version, &mut obj);
    let mut issues = Vec::new();
    let mut doc = AnswersDocument {
        content_version: optional_string(&mut obj, "content_version")?,
        position: optional_string(&mut obj, "position")?,
        saved_at: optional_string(&mut obj, "saved_at")?,
        ..AnswersDocument::default()
    };
    match obj.remove("answers") {
        Some(Value::Object(answers)) => {
            for (key, value) in answers {
                let path = format!("answers.{key}");
                let parsed = catalog
                    .question_index(&key)
                    .ok_or_else(|| {
                        t(
                            "answers.issue.unknown_question",
                            &[("id", &key), ("version", &catalog.content_version)],
                        )
                    })
                    .and_then(|qi| parse_answer(catalog, qi, &value).map(|a| (qi, a)));
                match parsed {
                    Ok((qi, a)) => doc.answers.insert(qi, a),
                    Err(message) => {
                        if doc.rejected.len() >= MAX_UNFIT_ENTRIES {
                            return Err(DecodeError::TooManyUnfit {
                                limit: MAX_UNFIT_ENTRIES,
                            });
                        }
                        issues.push(Issue::new(
                            path,
                            t("answers.issue.kept_aside", &[]).with_words("reason", message),
                        ));
                        doc.rejected.insert(key, value);
                    }
                }
            }
        }
        Some(_) => {
            return Err(field("answers", t("answers.field.answers_type", &[])));
        }
        None => {
            return Err(field("answers", t("answers.field.missing", &[])));
        }
    }
    if let Some(Value::Object(rejected)) = obj.remove("rejected") {
        // Entries kept aside by an earlier load: still unknown? keep them; now valid? take them.
        for (key, value) in rejected {
            match catalog
                .question_index(&key)
                .map(|qi| (qi, parse_answer(catalog, qi, &value)))
            {
                Some((qi, Ok(a))) if doc.answers.get(qi).is_none() => doc.answers.insert(qi, a),
                Some(_) | None => {
                    doc.rejected.entry(key).or_insert(value);
                }
            }
            if doc.rejected.len() > MAX_UNFIT_ENTRIES {
                return Err(DecodeError::TooManyUnfit {
                    limit: MAX_UNFIT_ENTRIES,
                });
            }
        }
    }
    read_changes(catalog, &mut obj, &mut doc)?;
    if let Some(rules) = crate::content::triage_rules::Rules::builtin() {
        let (register, unread) =
            crate::document::register::read(rules, obj.remove("register"), &mut issues);
        doc.answers.register = register;
        if let Some(unread) = unread {
            doc.extra.insert("register".into(), unread);
        }
    }
    read_tasks(catalog, obj.remove("tasks"), &mut doc, &mut issues);
    for (key, value) in obj {
        issues.push(Issue {
            path: key.clone(),
            reason: t("answers.issue.unknown_field", &[]),
        });
        doc.extra.insert(key, value);
    }
    Ok(Decoded {
        document: doc,
        issues,
    })
}

/// Reads bytes (a file, standard input) as an answers document: a UTF-8 byte order mark at the
/// start is skipped, bytes that are not UTF-8 are refused ([`DecodeError::NotUtf8`]), and the
/// text then goes through [`decode`].
pub fn decode_bytes(catalog: &Catalog, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    let text = text_of(bytes)?;
    decode(catalog, text)
}

/// The text in `bytes`: a leading UTF-8 byte order mark is skipped; anything that is not UTF-8
/// is an error naming the offset of the first bad byte.
pub fn text_of(bytes: &[u8]) -> Result<&str, DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| DecodeError::NotUtf8 {
        offset: e.valid_up_to() + (bytes.len() - body.len()),
    })
}

/// Reads the optional `changed` and `replaced_at` fields (see the module docs). Times for
/// questions this content does not know are dropped (they describe no answer here); a `changed`
/// that is not an object of whole numbers is a [`DecodeError::Field`].
fn read_changes(
    catalog: &Catalog,
    obj: &mut Map<String, Value>,
    doc: &mut AnswersDocument,
) -> Result<(), DecodeError> {
    match obj.remove("changed") {
        None | Some(Value::Null) => {}
        Some(Value::Object(times)) => {
            for (key, value) in times {
                let Some(time) = value.as_u64() else {
                    return Err(field(
                        &format!("changed.{key}"),
                        t("answers.field.milliseconds", &[]),
                    ));
                };
                if let Some(qi) = catalog.question_index(&key) {
                    doc.changed.insert(qi, time);
                }
            }
        }
        Some(_) => {
            return Err(field("changed", t("answers.field.changed_type", &[])));
        }
    }
    doc.replaced_at = match obj.remove("replaced_at") {
        None | Some(Value::Null) => None,
        Some(value) => Some(
            value
                .as_u64()
                .ok_or_else(|| field("replaced_at", t("answers.field.milliseconds", &[])))?,
        ),
    };
    Ok(())
}

/// Upgrades an older document in place. Version 1 is the first; later versions add steps here.
fn migrate(version: u64, _doc: &mut Map<String, Value>) {
    debug_assert!(version <= VERSION);
}

fn optional_string(obj: &mut Map<String, Value>, key: &str) -> Result<Option<String>, DecodeError> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(field(key, t("answers.field.string", &[]))),
    }
}

/// What kind of JSON value this is, in words.
fn describe(value: &Value) -> Wording {
    let key = match value {
        Value::Null => "answers.kind.null",
        Value::Bool(_) => "answers.kind.boolean",
        Value::Number(_) => "answers.kind.number",
        Value::String(_) => "answers.kind.string",
        Value::Array(_) => "answers.kind.list",
        Value::Object(_) => "answers.kind.object",
    };
    Wording::new(key, &[])
}

fn parse_answer(catalog: &Catalog, qi: usize, value: &Value) -> Result<Answer, Wording> {
    let q = &catalog.questions[qi];
    let choice_list = || {
        q.choices
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (q.kind, value) {
        (QuestionKind::Single, Value::String(s)) => {
            if q.choices.iter().any(|c| &c.id == s) {
                Ok(Answer::Choice(s.clone()))
            } else {
                Err(t(
                    "answers.issue.not_choice",
                    &[("found", s), ("expected", &choice_list())],
                ))
            }
        }
        (QuestionKind::Multi, Value::Array(items)) => {
            let mut set = BTreeSet::new();
            for item in items {
                match item {
                    Value::String(s) if q.choices.iter().any(|c| &c.id == s) => {
                        set.insert(s.clone());
                    }
                    Value::String(s) => {
                        return Err(t(
                            "answers.issue.not_choices",
                            &[("found", s), ("expected", &choice_list())],
                        ));
                    }
                    other => {
                        return Err(
                            t("answers.issue.choice_ids", &[]).with_words("found", describe(other))
                        );
                    }
                }
            }
            Ok(Answer::Choices(set))
        }
        (QuestionKind::Practice, Value::String(s)) => PracticeAnswer::from_id(s)
            .map(Answer::Practice)
            .ok_or_else(|| {
                let ids: Vec<&str> = PracticeAnswer::ALL.iter().map(|a| a.id()).collect();
                t(
                    "answers.issue.not_practice",
                    &[("found", s), ("expected", &ids.join(", "))],
                )
            }),
        (QuestionKind::Single | QuestionKind::Practice, other) => {
            Err(t("answers.issue.string", &[]).with_words("found", describe(other)))
        }
        (QuestionKind::Multi, other) => {
            Err(t("answers.issue.list", &[]).with_words("found", describe(other)))
        }
    }
}

impl AnswersDocument {
    /// A document holding these answers.
    pub fn new(answers: Answers) -> AnswersDocument {
        AnswersDocument {
            answers,
            ..AnswersDocument::default()
        }
    }

    /// Sets (or with `None`, clears) one answer and records when (`now`, milliseconds since the
    /// Unix epoch), so a merge with another copy knows which change is newer.
    pub fn set_answer(&mut self, question: usize, answer: Option<Answer>, now: u64) {
        match answer {
            Some(answer) => self.answers.insert(question, answer),
            None => self.answers.clear(question),
        }
        self.changed.insert(question, now);
    }

    /// True when both hold the same answers with the same change times and replacement time
    /// (what a merge looks at; position, save time and tasks aside).
    pub fn same_answers(&self, other: &AnswersDocument) -> bool {
        self.answers == other.answers
            && self.changed == other.changed
            && self.replaced_at == other.replaced_at
    }

    /// Writes the document as JSON (keys in a stable order). Entries kept aside and unknown
    /// fields are written back, so nothing read is lost by saving.
    pub fn to_json(&self, catalog: &Catalog) -> String {
        let mut obj = Map::new();
        obj.insert("format".into(), Value::String(FORMAT.into()));
        obj.insert("version".into(), Value::from(VERSION));
        obj.insert(
            "content_version".into(),
            Value::String(catalog.content_version.clone()),
        );
        let mut answers = Map::new();
        for (qi, a) in self.answers.iter() {
            if let Some(q) = catalog.questions.get(qi) {
                answers.insert(q.id.clone(), a.to_json());
            }
        }
        obj.insert("answers".into(), Value::Object(answers));
        if let Some(p) = &self.position {
            obj.insert("position".into(), Value::String(p.clone()));
        }
        if let Some(s) = &self.saved_at {
            obj.insert("saved_at".into(), Value::String(s.clone()));
        }
        if !self.rejected.is_empty() {
            obj.insert(
                "rejected".into(),
                Value::Object(self.rejected.clone().into_iter().collect()),
            );
        }
        let mut changed = Map::new();
        for (qi, time) in &self.changed {
            if let Some(q) = catalog.questions.get(*qi) {
                changed.insert(q.id.clone(), Value::from(*time));
            }
        }
        if !changed.is_empty() {
            obj.insert("changed".into(), Value::Object(changed));
        }
        if let Some(time) = self.replaced_at {
            obj.insert("replaced_at".into(), Value::from(time));
        }
        if let Some(tasks) = encode_settings(&self.tasks, &self.rejected_tasks) {
            obj.insert("tasks".into(), tasks);
        }
        if let Some(register) = crate::content::triage_rules::Rules::builtin()
            .and_then(|rules| crate::document::register::write(rules, &self.answers.register))
        {
            obj.insert("register".into(), register);
        }
        for (k, v) in &self.extra {
            obj.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(obj).to_string()
    }
}
