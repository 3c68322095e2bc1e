//! The report model's building blocks: a [`Section`] of [`Block`]s (paragraphs, lists, tables of
//! [`Cell`]s, [`Linked`] sources), every number already formatted. The report (`report.rs`) and
//! the sections other modules contribute (`soa.rs`, `method.rs`, `register.rs`) are made of them.

use serde::Serialize;

use crate::model::Status;

/// A section of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable id (HTML anchor).
    pub id: &'static str,
    /// Heading.
    pub heading: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Text.
        text: String,
    },
    /// A sub-heading.
    Subheading {
        /// Text.
        text: String,
    },
    /// A bulleted list.
    List {
        /// Items.
        items: Vec<String>,
    },
    /// A table.
    Table(Table),
    /// A list whose items each end in a source, linked when its address is known.
    Sources {
        /// Items.
        items: Vec<Linked>,
    },
    /// A warning: title, body and what it is about.
    Note {
        /// Title.
        title: String,
        /// Body.
        body: String,
        /// Related questions or requirements, as display text.
        related: Option<String>,
    },
}

/// A list item with its source.
#[derive(Debug, Clone, Serialize)]
pub struct Linked {
    /// The statement.
    pub text: String,
    /// The source's name.
    pub label: String,
    /// The source's `https://` address, when known.
    pub url: Option<String>,
}

/// A table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Column headers.
    pub columns: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Text.
    pub text: String,
    /// Set when the cell shows a requirement status (styled in HTML).
    pub status: Option<Status>,
}

impl Cell {
    /// A cell of plain text.
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            status: None,
        }
    }
}
