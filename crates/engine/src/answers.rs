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
//! (see [`crate::tasks`]); documents without it are unchanged.
//!
//! Decoding is two-step and never panics. [`decode`] reads the structure and fails with a
//! [`DecodeError`] naming the field and the reason when the document cannot be used at all (not
//! JSON, not an answers document, a future version, too large). Problems with single entries are
//! not fatal: an answer to a question this content does not know, or a value that is not one of the
//! question's choices, is kept aside in [`AnswersDocument::rejected`] and reported as an [`Issue`],
//! never silently dropped, so a newer or older file loses nothing when it is saved again.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalog::Catalog;
use crate::model::{PracticeAnswer, QuestionKind};
use crate::tasks::{TaskSettings, encode_settings};

/// The `format` field of every answers document.
pub const FORMAT: &str = "carryover-answers";
/// The newest document version this build writes and reads.
pub const VERSION: u64 = 1;
/// Documents larger than this are refused before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

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
    ) -> Result<(), String> {
        let qi = catalog
            .question_index(question_id)
            .ok_or_else(|| format!("there is no question `{question_id}` in this version"))?;
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
    /// [`crate::tasks`]).
    pub tasks: BTreeMap<String, TaskSettings>,
    /// `tasks` entries that did not fit, kept verbatim and written back under `tasks`.
    pub rejected_tasks: BTreeMap<String, Value>,
}

/// A problem with one part of a document that did not stop it from loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// JSON path of the entry, e.g. `answers.roles`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
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
        /// The parser's explanation.
        message: String,
    },
    /// JSON, but a field has the wrong shape.
    Field {
        /// JSON path.
        path: String,
        /// What was expected.
        message: String,
    },
    /// Written by a newer Carryover.
    FutureVersion {
        /// The document's version.
        version: u64,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; answers files larger than {MAX_DOCUMENT_BYTES} bytes (1 MB) are refused"
            ),
            DecodeError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}"
            ),
            DecodeError::Field { path, message } => write!(f, "{path}: {message}"),
            DecodeError::FutureVersion { version } => write!(
                f,
                "this file was written by a newer Carryover (answers format version {version}); this build reads versions up to {VERSION}"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The outcome of a successful decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The document.
    pub document: AnswersDocument,
    /// Everything that was kept aside or ignored, with reasons.
    pub issues: Vec<Issue>,
}

fn field(path: &str, message: impl Into<String>) -> DecodeError {
    DecodeError::Field {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// Reads an answers document. See the module docs for what is fatal and what is kept aside.
pub fn decode(catalog: &Catalog, text: &str) -> Result<Decoded, DecodeError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    decode_value(catalog, value)
}

/// Like [`decode`], for a document already parsed as JSON.
pub fn decode_value(catalog: &Catalog, value: Value) -> Result<Decoded, DecodeError> {
    let Value::Object(mut obj) = value else {
        return Err(field("(document)", "expected a JSON object"));
    };
    match obj.remove("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(field(
                "format",
                format!(
                    "expected \"{FORMAT}\", found \"{f}\": this is not a Carryover answers file"
                ),
            ));
        }
        Some(_) => return Err(field("format", format!("expected the string \"{FORMAT}\""))),
        None => {
            return Err(field(
                "format",
                format!("missing; a Carryover answers file starts with \"format\": \"{FORMAT}\""),
            ));
        }
    }
    let version = match obj.remove("version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            field(
                "version",
                format!("expected a whole number from 1, found {n}"),
            )
        })?,
        Some(_) => return Err(field("version", "expected a whole number")),
        None => return Err(field("version", "missing")),
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
                        format!("no question `{key}` in content {}", catalog.content_version)
                    })
                    .and_then(|qi| parse_answer(catalog, qi, &value).map(|a| (qi, a)));
                match parsed {
                    Ok((qi, a)) => doc.answers.insert(qi, a),
                    Err(message) => {
                        issues.push(Issue {
                            path,
                            message: format!("{message}; kept aside"),
                        });
                        doc.rejected.insert(key, value);
                    }
                }
            }
        }
        Some(_) => {
            return Err(field(
                "answers",
                "expected an object of question id → answer",
            ));
        }
        None => return Err(field("answers", "missing")),
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
        }
    }
    crate::tasks::read_into(catalog, obj.remove("tasks"), &mut doc, &mut issues);
    for (key, value) in obj {
        issues.push(Issue {
            path: key.clone(),
            message: "unknown field; kept as it is".to_owned(),
        });
        doc.extra.insert(key, value);
    }
    Ok(Decoded {
        document: doc,
        issues,
    })
}

/// Upgrades an older document in place. Version 1 is the first; later versions add steps here.
fn migrate(version: u64, _doc: &mut Map<String, Value>) {
    debug_assert!(version <= VERSION);
}

fn optional_string(obj: &mut Map<String, Value>, key: &str) -> Result<Option<String>, DecodeError> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(field(key, "expected a string")),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn parse_answer(catalog: &Catalog, qi: usize, value: &Value) -> Result<Answer, String> {
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
                Err(format!(
                    "`{s}` is not a choice (expected one of: {})",
                    choice_list()
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
                        return Err(format!(
                            "`{s}` is not a choice (expected any of: {})",
                            choice_list()
                        ));
                    }
                    other => {
                        return Err(format!("expected choice ids, found {}", describe(other)));
                    }
                }
            }
            Ok(Answer::Choices(set))
        }
        (QuestionKind::Practice, Value::String(s)) => PracticeAnswer::from_id(s)
            .map(Answer::Practice)
            .ok_or_else(|| {
                let ids: Vec<&str> = PracticeAnswer::ALL.iter().map(|a| a.id()).collect();
                format!(
                    "`{s}` is not a practice answer (expected one of: {})",
                    ids.join(", ")
                )
            }),
        (QuestionKind::Single | QuestionKind::Practice, other) => {
            Err(format!("expected a string, found {}", describe(other)))
        }
        (QuestionKind::Multi, other) => Err(format!(
            "expected a list of choice ids, found {}",
            describe(other)
        )),
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
        if let Some(tasks) = encode_settings(&self.tasks, &self.rejected_tasks) {
            obj.insert("tasks".into(), tasks);
        }
        for (k, v) in &self.extra {
            obj.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Value::Object(obj).to_string()
    }
}
