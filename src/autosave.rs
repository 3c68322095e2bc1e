//! Autosave: keeps the answers in [`AppState`] and the stored answers document in step.
//!
//! Every answer the user gives goes through [`Autosave::set_answer`], which updates the answers
//! signal and writes the engine's answers document (with `position` and `saved_at`) through
//! [`crate::storage`]. Storage trouble is a normal state here, never a panic and never silent:
//!
//! - storage unavailable (sandboxed frame, blocked site data): answers live in memory; the user is
//!   told they last for this visit only;
//! - a write throws (quota): the same, from that moment; the next change tries again;
//! - the stored document does not decode (damaged, or from a newer Carryover): it is copied to a
//!   backup key *before* anything can overwrite it; if even the backup fails, nothing is written
//!   over it for the rest of the visit.
//!
//! Whole documents arrive too: an imported answers file or a share link replaces everything
//! through [`Autosave::replace`], and the task plan's owners and cadences (kept in the document's
//! `tasks` object) change through [`Autosave::set_task`]. Both save by the same rules.
//!
//! Another tab changing the stored answers arrives as a `storage` event. When this tab's answers
//! equal what it last loaded or saved (nothing here the other tab could lose), the new answers are
//! loaded quietly; otherwise the user chooses between the other tab's answers and these.

use std::collections::BTreeMap;

use carryover_engine::tasks::TaskSettings;
use carryover_engine::{Answer, Answers, AnswersDocument, Catalog, decode};
use leptos::prelude::*;

use crate::route::{CurrentScreen, Screen};
use crate::state::AppState;
use crate::storage::{self, Key, StorageError, Store};

/// Whether the answers on screen are saved on this device (the indicator's state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage works and nothing has needed saving yet.
    Idle,
    /// The answers on screen are saved.
    Saved,
    /// Storage cannot be used on this page at all.
    Unavailable,
    /// The last write failed (usually a full quota).
    WriteFailed,
    /// Not writing: the stored document could not be read or backed up, so it is left alone.
    Paused,
}

impl SaveStatus {
    /// Locale key of the indicator text.
    pub fn text_key(self) -> &'static str {
        match self {
            SaveStatus::Idle => "ui.save.idle",
            SaveStatus::Saved => "ui.save.saved",
            SaveStatus::Unavailable => "ui.save.unavailable",
            SaveStatus::WriteFailed | SaveStatus::Paused => "ui.save.failed",
        }
    }

    /// True when the answers on screen are not kept anywhere beyond this page.
    pub fn is_problem(self) -> bool {
        match self {
            SaveStatus::Idle | SaveStatus::Saved => false,
            SaveStatus::Unavailable | SaveStatus::WriteFailed | SaveStatus::Paused => true,
        }
    }
}

/// Something the user should read about storage, shown above the questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage could not be opened or written.
    Storage(StorageError),
    /// Saved answers could not be read; the original text is kept under `backup`.
    Unreadable {
        /// The storage item holding the copy.
        backup: String,
    },
    /// Saved answers could not be read nor copied; they are left untouched and nothing is saved.
    UnreadableNotBackedUp,
    /// Some saved entries do not fit this version's questions; they are kept in the document.
    KeptAside,
    /// Another tab changed the answers and they were loaded here.
    UpdatedFromOtherTab,
}

impl Notice {
    /// Locale key of the message.
    pub fn text_key(&self) -> &'static str {
        match self {
            Notice::Storage(error) => error.text_key(),
            Notice::Unreadable { .. } => "ui.storage.unreadable",
            Notice::UnreadableNotBackedUp => "ui.storage.unreadable_kept",
            Notice::KeptAside => "ui.storage.kept_aside",
            Notice::UpdatedFromOtherTab => "ui.tabs.updated",
        }
    }
}

/// What was found in storage when the page opened (see [`load`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The document to start from (empty when there was none or it was unreadable).
    pub document: AnswersDocument,
    /// The indicator's first state.
    pub status: SaveStatus,
    /// What to tell the user, if anything.
    pub notice: Option<Notice>,
}

/// Reads the stored answers document. An unreadable one is copied to a backup key first, so the
/// original text survives whatever is saved next.
pub fn load(opened: &storage::Opened, catalog: &Catalog) -> Loaded {
    let empty = |status, notice| Loaded {
        document: AnswersDocument::default(),
        status,
        notice,
    };
    let store = match opened {
        Ok(store) => *store,
        Err(error) => {
            return empty(
                SaveStatus::Unavailable,
                Some(Notice::Storage(error.clone())),
            );
        }
    };
    let text = match store.read(Key::Answers) {
        Ok(Some(text)) => text,
        Ok(None) => return empty(SaveStatus::Idle, None),
        Err(error) => return empty(SaveStatus::Unavailable, Some(Notice::Storage(error))),
    };
    match decode(catalog, &text) {
        Ok(decoded) => {
            let notice = (!decoded.document.rejected.is_empty()).then_some(Notice::KeptAside);
            Loaded {
                document: decoded.document,
                status: SaveStatus::Saved,
                notice,
            }
        }
        Err(error) => {
            leptos::logging::warn!("saved answers unreadable: {error}");
            match store.backup(&text) {
                Ok(backup) => empty(
                    SaveStatus::Idle,
                    Some(Notice::Unreadable {
                        backup: backup.name(),
                    }),
                ),
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    empty(SaveStatus::Paused, Some(Notice::UnreadableNotBackedUp))
                }
            }
        }
    }
}

/// The autosave controller, shared by context. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct Autosave {
    state: AppState,
    store: Option<Store>,
    screen: CurrentScreen,
    /// The indicator's state.
    pub status: RwSignal<SaveStatus>,
    /// The current storage notice.
    pub notice: RwSignal<Option<Notice>>,
    /// Answers another tab saved while this one had changes of its own: the user chooses.
    pub conflict: RwSignal<Option<AnswersDocument>>,
    /// The last document loaded or saved: everything besides the answers (rejected entries,
    /// unknown fields, tasks, position) is written back from here.
    base: StoredValue<AnswersDocument>,
    /// A save is scheduled (see [`Autosave::set_answer`]).
    pending: StoredValue<bool>,
    /// Bumped whenever `base` is replaced from outside this tab's own edits (import, share link,
    /// another tab, reset), so views of the document beyond the answers (the task plan) redraw.
    generation: RwSignal<u64>,
}

impl Autosave {
    /// Starts autosaving `state` from what [`load`] found, and listens for other tabs.
    pub fn new(
        state: AppState,
        opened: &storage::Opened,
        loaded: Loaded,
        screen: CurrentScreen,
    ) -> Autosave {
        let autosave = Autosave {
            state,
            store: opened.as_ref().ok().copied(),
            screen,
            status: RwSignal::new(loaded.status),
            notice: RwSignal::new(loaded.notice),
            conflict: RwSignal::new(None),
            base: StoredValue::new(loaded.document),
            pending: StoredValue::new(false),
            generation: RwSignal::new(0),
        };
        if let Some(store) = autosave.store {
            store.on_answers_changed(move |text| autosave.other_tab_saved(text.as_deref()));
        }
        // A scheduled save must not be lost when the page goes away first. (The app lives as long
        // as the page, so the listener is never removed.)
        _ = window_event_listener(leptos::ev::pagehide, move |_| autosave.flush());
        autosave
    }

    /// The section the user was last on (`position` of the document), if it still exists.
    pub fn position(self) -> Option<usize> {
        let id = self.base.with_value(|d| d.position.clone())?;
        self.state.catalog.sections.iter().position(|s| s.id == id)
    }

    /// Sets (or with `None`, clears) the answer to question `question` and saves it in the next
    /// task: the screen updates first, and a burst of changes is written once. `pagehide` writes
    /// a save still waiting.
    pub fn set_answer(self, question: usize, answer: Option<Answer>) {
        self.state.answers.update(|answers| match answer {
            Some(answer) => answers.insert(question, answer),
            None => answers.clear(question),
        });
        if !self.pending.get_value() {
            self.pending.set_value(true);
            set_timeout(move || self.flush(), std::time::Duration::ZERO);
        }
    }

    /// Writes a scheduled save now, if one is waiting.
    pub fn flush(self) {
        if self.pending.get_value() {
            self.save();
        }
    }

    /// Records that the user is on `section` (saved only once there is something to save).
    pub fn visit(self, section: usize) {
        let id = self
            .state
            .catalog
            .sections
            .get(section)
            .map(|s| s.id.clone());
        if self.base.with_value(|d| d.position == id) {
            return;
        }
        self.base.update_value(|d| d.position = id);
        if !self.state.answers.with_untracked(Answers::is_empty) {
            self.save();
        }
    }

    /// Writes the current answers. Failures become the indicator's and the notice's state.
    pub fn save(self) {
        self.pending.set_value(false);
        let Some(store) = self.store else {
            self.status.set(SaveStatus::Unavailable);
            return;
        };
        if self.status.get_untracked() == SaveStatus::Paused {
            return;
        }
        if let Screen::Section(section) = self.screen.get_untracked()
            && let Some(s) = self.state.catalog.sections.get(section)
        {
            self.base.update_value(|d| d.position = Some(s.id.clone()));
        }
        let answers = self.state.answers.get_untracked();
        let document = self.base.with_value(|base| AnswersDocument {
            answers,
            saved_at: Some(storage::now_rfc3339()),
            ..base.clone()
        });
        match store.write(Key::Answers, &document.to_json(self.state.catalog)) {
            Ok(()) => {
                self.base.set_value(document);
                self.status.set(SaveStatus::Saved);
                if matches!(
                    self.notice.get_untracked(),
                    Some(Notice::Storage(StorageError::WriteFailed { .. }))
                ) {
                    self.notice.set(None);
                }
            }
            Err(error) => {
                leptos::logging::warn!("{error}");
                self.status.set(SaveStatus::WriteFailed);
                self.notice.set(Some(Notice::Storage(error)));
            }
        }
    }

    /// The whole answers document as it stands (for export and share links).
    pub fn document(self) -> AnswersDocument {
        let answers = self.state.answers.get_untracked();
        self.base.with_value(|base| AnswersDocument {
            answers,
            ..base.clone()
        })
    }

    /// Owners and cadences of the task plan. Reactive: tracks replacements of the document
    /// (not the user's own edits, so a field being typed in is never redrawn).
    pub fn tasks(self) -> BTreeMap<String, TaskSettings> {
        self.generation.track();
        self.base.with_value(|base| base.tasks.clone())
    }

    /// The owner and cadence of one requirement's task (empty when none is set).
    pub fn task(self, requirement: &str) -> TaskSettings {
        self.base
            .with_value(|base| base.tasks.get(requirement).cloned())
            .unwrap_or_default()
    }

    /// Sets the owner and cadence of one requirement's task and saves.
    pub fn set_task(self, requirement: &str, settings: TaskSettings) {
        self.base.update_value(|base| {
            if settings.is_empty() {
                base.tasks.remove(requirement);
            } else {
                base.tasks.insert(requirement.to_owned(), settings);
            }
        });
        self.save();
    }

    /// Replaces the answers and everything else in the document with `document` (an imported
    /// file or a share link the user accepted) and saves it. Entries it keeps aside stay in it.
    pub fn replace(self, document: AnswersDocument) {
        self.conflict.set(None);
        self.state.answers.set(document.answers.clone());
        self.base.set_value(document);
        self.generation.update(|g| *g += 1);
        self.save();
    }

    /// Clears every answer, here and in storage (the user confirmed). Backups stay; an unreadable
    /// document that could not be backed up is not removed either.
    pub fn reset(self) {
        self.pending.set_value(false);
        self.state.answers.set(Answers::new());
        self.base.set_value(AnswersDocument::default());
        self.generation.update(|g| *g += 1);
        self.conflict.set(None);
        if let Some(store) = self.store
            && self.status.get_untracked() != SaveStatus::Paused
        {
            store.remove(Key::Answers);
            self.status.set(SaveStatus::Idle);
            if !matches!(self.notice.get_untracked(), Some(Notice::Storage(_))) {
                self.notice.set(None);
            }
        }
    }

    /// Takes the other tab's answers (the user chose them in the conflict notice).
    pub fn take_other_tab(self) {
        if let Some(document) = self.conflict.get_untracked() {
            self.adopt(document);
        }
        self.conflict.set(None);
    }

    /// Keeps this tab's answers and saves them over the other tab's (the user chose so).
    pub fn keep_this_tab(self) {
        self.conflict.set(None);
        self.save();
    }

    fn adopt(self, document: AnswersDocument) {
        self.pending.set_value(false);
        self.state.answers.set(document.answers.clone());
        self.base.set_value(document);
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Saved);
    }

    /// Another tab wrote (or removed) the stored answers.
    fn other_tab_saved(self, text: Option<&str>) {
        let document = match text {
            None => AnswersDocument::default(),
            Some(text) => match decode(self.state.catalog, text) {
                Ok(decoded) => decoded.document,
                // A newer build in the other tab: leave its text alone and keep ours in memory.
                Err(error) => {
                    leptos::logging::warn!("answers from another tab unreadable: {error}");
                    self.status.set(SaveStatus::Paused);
                    self.notice.set(Some(Notice::UnreadableNotBackedUp));
                    return;
                }
            },
        };
        if document.answers == self.state.answers.get_untracked() {
            // Same answers (a position, time or task change): nothing to decide.
            self.base.set_value(document);
            self.generation.update(|g| *g += 1);
            return;
        }
        let unchanged_here = self
            .base
            .with_value(|base| base.answers == self.state.answers.get_untracked());
        if unchanged_here && self.status.get_untracked() != SaveStatus::WriteFailed {
            self.adopt(document);
            self.notice.set(Some(Notice::UpdatedFromOtherTab));
        } else {
            self.conflict.set(Some(document));
        }
    }
}
