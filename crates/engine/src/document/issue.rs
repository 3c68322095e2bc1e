//! What a reader of an answers document kept aside or ignored, and why: the bottom of the document
//! layer, used by the answers codec, the register and the task settings alike.

use serde::Serialize;

use crate::content::catalog::Catalog;
use crate::model::text::Wording;

/// A problem with one part of a document that did not stop it from loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// JSON path of the entry, e.g. `answers.roles` (as in the input: escape it before showing it
    /// anywhere but through [`Issue::message`]).
    pub path: String,
    /// What is wrong, as a locale key and its arguments.
    pub reason: Wording,
}

impl Issue {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, reason: Wording) -> Issue {
        Issue {
            path: path.into(),
            reason,
        }
    }

    /// The words of the whole line (`answers.issue.at`: the path, then the reason).
    pub fn wording(&self) -> Wording {
        Wording::new("answers.issue.at", &[("path", &self.path)])
            .with_words("reason", self.reason.clone())
    }

    /// The line for a person, in a locale (control characters from the input escaped).
    pub fn message(&self, catalog: &Catalog, locale: &str) -> String {
        catalog.word(locale, &self.wording())
    }
}
