//! Autosave: keeps the answers in [`AppState`] and the stored answers document in step, and makes
//! sure no set of answers is ever lost without a way back.
//!
//! Every answer the user gives goes through [`Autosave::set_answer`], which updates the answers
//! signal, records the change time in the document (`changed`) and saves in the next task. A save
//! reads what is stored first and, when another tab wrote in the meantime, merges per question
//! (the engine's [`merge`]: the later change wins; an answer of ours that loses is kept as a
//! snapshot), then writes. Storage trouble is a normal state, never a panic and never silent:
//!
//! - storage unavailable (sandboxed frame, blocked site data): answers live in memory;
//! - storage full at start: the saved answers are read and shown; writes are tried and fail;
//! - a write throws (quota, or refused): the same from that moment; the next change tries again;
//! - **unreadable means read-only**: when the stored answers could not be read (reading threw,
//!   the text does not decode, or another tab wrote text this build cannot read), the status is
//!   [`SaveStatus::Paused`] and nothing is written over the answers key until the user chooses
//!   [`Autosave::save_anyway`] (the unreadable text is copied to a backup key first when
//!   possible, and can be downloaded).
//!
//! **Every replace is a checkpoint**: an import, a share link, start over, another tab's replace
//! (or clearing storage), and a restore all go through [`Autosave::replace`] or keep the previous
//! answers the same way: the previous document is written to a [`Key::Snapshot`] slot (the last
//! [`snapshot::KEEP`], oldest reused) and kept in memory as [`Change::previous`], so the message
//! about the replace can offer Undo, and the start page can list earlier versions.

use std::collections::BTreeMap;

use carryover_engine::merge::{Merged, Side, merge};
use carryover_engine::register::Register;
use carryover_engine::snapshot::{self, Reason, Snapshot};
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
    /// The last write failed (full or refused).
    WriteFailed,
    /// Not writing: the stored answers could not be read, so they are left alone until the user
    /// chooses.
    Paused,
}

impl SaveStatus {
    /// Locale key of the indicator text.
    pub fn text_key(self) -> &'static str {
        match self {
            SaveStatus::Idle => "ui.save.idle",
            SaveStatus::Saved => "ui.save.saved",
            SaveStatus::Unavailable => "ui.save.unavailable",
            SaveStatus::WriteFailed => "ui.save.failed",
            SaveStatus::Paused => "ui.keep.paused",
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
    /// Storage could not be opened, read or written (blocked, full, read failed, refused).
    Storage(StorageError),
    /// Saved answers could not be read; the original text is copied under `backup` (`None`: the
    /// copy was refused). Nothing is written over them until the user chooses.
    Unreadable {
        /// The storage item holding the copy.
        backup: Option<String>,
    },
    /// Another tab saved answers this build cannot read; nothing is written over them.
    UnreadableFromOtherTab,
    /// Some saved entries do not fit this version's questions; they are kept in the document.
    KeptAside,
    /// Another tab changed answers and they were merged in here (nothing of ours was lost).
    UpdatedFromOtherTab,
}

impl Notice {
    /// Locale key of the message.
    pub fn text_key(&self) -> &'static str {
        match self {
            Notice::Storage(error) => error.text_key(),
            Notice::Unreadable { backup: Some(_) } => "ui.keep.unreadable",
            Notice::Unreadable { backup: None } => "ui.keep.unreadable_no_copy",
            Notice::UnreadableFromOtherTab => "ui.keep.unreadable_other_tab",
            Notice::KeptAside => "ui.keep.kept_aside",
            Notice::UpdatedFromOtherTab => "ui.tabs.updated",
        }
    }
}

/// A replace that happened, for the message that offers Undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What replaced the answers.
    pub reason: Reason,
    /// Answers before.
    pub before: usize,
    /// Answers after.
    pub after: usize,
    /// For another tab's change: how many of this tab's answers a later change overwrote
    /// (0: the other tab replaced everything, or cleared storage).
    pub lost: usize,
    /// Another tab cleared storage (rather than writing answers).
    pub cleared: bool,
    /// This change was an Undo.
    pub undone: bool,
    /// The previous answers were written to a snapshot slot (`false`: storage refused or is not
    /// available; Undo then works only in this page).
    pub stored: bool,
    /// The document as it was, for Undo.
    pub previous: AnswersDocument,
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
    /// The stored text as read (to skip merging when nothing changed since).
    pub text: Option<String>,
    /// Stored text that could not be decoded (offered as a download).
    pub unreadable: Option<String>,
}

/// Reads the stored answers document. Anything that could not be read leaves the status
/// [`SaveStatus::Paused`]: an undecodable text is also copied to a backup key when possible.
pub fn load(opened: &storage::Opened, catalog: &Catalog) -> Loaded {
    let empty = |status, notice| Loaded {
        document: AnswersDocument::default(),
        status,
        notice,
        text: None,
        unreadable: None,
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
    let full = store.was_full().then(|| {
        Notice::Storage(StorageError::Full {
            key: Key::Answers.name(),
            detail: "the test write hit the quota".to_owned(),
        })
    });
    let text = match store.read(Key::Answers) {
        Ok(Some(text)) => text,
        Ok(None) if full.is_some() => return empty(SaveStatus::WriteFailed, full),
        Ok(None) => return empty(SaveStatus::Idle, None),
        Err(error) => {
            leptos::logging::warn!("{error}");
            return empty(SaveStatus::Paused, Some(Notice::Storage(error)));
        }
    };
    match decode(catalog, &text) {
        Ok(decoded) => {
            let kept_aside = (!decoded.document.rejected.is_empty()).then_some(Notice::KeptAside);
            Loaded {
                document: decoded.document,
                status: if full.is_some() {
                    SaveStatus::WriteFailed
                } else {
                    SaveStatus::Saved
                },
                notice: full.or(kept_aside),
                text: Some(text),
                unreadable: None,
            }
        }
        Err(error) => {
            leptos::logging::warn!("saved answers unreadable: {}", error.message(catalog, "en"));
            let backup = match store.backup(&text) {
                Ok(key) => Some(key.name()),
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    None
                }
            };
            Loaded {
                unreadable: Some(text),
                ..empty(SaveStatus::Paused, Some(Notice::Unreadable { backup }))
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
    /// The last replace (import, share link, start over, another tab, restore), with what Undo
    /// brings back.
    pub change: RwSignal<Option<Change>>,
    /// Bumped whenever a snapshot is written, so the list of earlier versions redraws.
    versions: RwSignal<u64>,
    /// The last document loaded or saved: everything besides the answers (change times, rejected
    /// entries, unknown fields, tasks, position) is written back from here.
    base: StoredValue<AnswersDocument>,
    /// The stored text as this tab last read or wrote it (a save finding the same text skips
    /// the merge).
    known: StoredValue<Option<String>>,
    /// Stored text that could not be read (for the download the paused notice offers).
    unreadable: StoredValue<Option<String>>,
    /// The user chose "save here anyway": write even when the stored text cannot be read.
    forced: StoredValue<bool>,
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
            change: RwSignal::new(None),
            versions: RwSignal::new(0),
            base: StoredValue::new(loaded.document),
            known: StoredValue::new(loaded.text),
            unreadable: StoredValue::new(loaded.unreadable),
            forced: StoredValue::new(false),
            pending: StoredValue::new(false),
            generation: RwSignal::new(0),
        };
        if let Some(store) = autosave.store {
            store.on_answers_changed(move |text| autosave.other_tab_saved(text));
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

    /// Sets (or with `None`, clears) the answer to question `question`, records when, and saves
    /// it in the next task: the screen updates first, and a burst of changes is written once.
    /// `pagehide` writes a save still waiting.
    pub fn set_answer(self, question: usize, answer: Option<Answer>) {
        self.state.answers.update(|answers| match answer {
            Some(answer) => answers.insert(question, answer),
            None => answers.clear(question),
        });
        let now = storage::now_millis();
        self.base.update_value(|d| {
            d.changed.insert(question, now);
        });
        if !self.pending.get_value() {
            self.pending.set_value(true);
            set_timeout(move || self.flush(), std::time::Duration::ZERO);
        }
    }

    /// Changes the AI system register (issue 16) with `edit(register, now)` and saves in the next
    /// task, like an answer: the register's own change and removal times let a merge with
    /// another tab keep every system.
    pub fn edit_register(self, edit: impl FnOnce(&mut Register, u64)) {
        let now = storage::now_millis();
        self.state
            .answers
            .update(|answers| edit(answers.register_mut(), now));
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

    /// Writes the current answers: reads what is stored first and merges another tab's changes
    /// in (see the module docs). Failures become the indicator's and the notice's state; while
    /// [`SaveStatus::Paused`] nothing is written.
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
        let forced = self.forced.get_value();
        match store.read(Key::Answers) {
            Ok(Some(text))
                if self
                    .known
                    .with_value(|k| k.as_deref() != Some(text.as_str())) =>
            {
                if self.take_in(Some(text)).is_none() && !forced {
                    return;
                }
            }
            Err(error) if !forced => {
                leptos::logging::warn!("{error}");
                self.pause(Notice::Storage(error));
                return;
            }
            Ok(_) | Err(_) => {}
        }
        let mut document = self.document();
        document.saved_at = Some(storage::now_rfc3339());
        let text = document.to_json(self.state.catalog);
        match store.write(Key::Answers, &text) {
            Ok(()) => {
                self.base.set_value(document);
                self.known.set_value(Some(text));
                self.status.set(SaveStatus::Saved);
                if matches!(
                    self.notice.get_untracked(),
                    Some(Notice::Storage(
                        StorageError::WriteFailed { .. } | StorageError::Full { .. }
                    ))
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

    /// Stops writing until the user chooses (see [`Autosave::save_anyway`]).
    fn pause(self, notice: Notice) {
        self.status.set(SaveStatus::Paused);
        self.notice.set(Some(notice));
    }

    /// The user chose to save here although the stored answers could not be read: from now on
    /// this tab writes (the unreadable text stays in its backup key, if one was made).
    pub fn save_anyway(self) {
        self.forced.set_value(true);
        self.status.set(SaveStatus::Idle);
        self.notice.set(None);
        self.save();
    }

    /// The stored text that could not be read, if there is one (offered as a download).
    pub fn unreadable_text(self) -> Option<String> {
        self.unreadable.get_value()
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
    /// file, a share link, start over, a restore) and saves it. The answers it replaces are kept
    /// first: as a snapshot in storage and in [`Autosave::change`] for Undo.
    pub fn replace(self, document: AnswersDocument, reason: Reason) {
        self.replace_as(document, reason, false);
    }

    fn replace_as(self, mut document: AnswersDocument, reason: Reason, undone: bool) {
        self.pending.set_value(false);
        let previous = self.document();
        let stored = self.keep(&previous, reason);
        document.replaced_at = Some(storage::now_millis());
        self.change.set(Some(Change {
            reason,
            before: previous.answers.len(),
            after: document.answers.len(),
            lost: 0,
            cleared: false,
            undone,
            stored,
            previous,
        }));
        self.adopt(document);
        self.save();
    }

    /// Clears every answer (the user confirmed): a replace with no answers, kept like any other.
    pub fn reset(self) {
        self.replace(AnswersDocument::default(), Reason::StartOver);
    }

    /// Brings back the answers the last replace took away (itself a replace, so it can be
    /// undone in turn).
    pub fn undo(self) {
        if let Some(change) = self.change.get_untracked() {
            self.replace_as(change.previous, Reason::Restore, true);
        }
    }

    /// Restores an earlier version (a snapshot from the list).
    pub fn restore(self, snapshot: Snapshot) {
        self.replace(snapshot.document, Reason::Restore);
    }

    /// The earlier versions stored on this device, newest first, with their slot. Reactive:
    /// redraws when this tab writes one.
    pub fn snapshots(self) -> Vec<Snapshot> {
        self.versions.track();
        let Some(store) = self.store else {
            return Vec::new();
        };
        let mut all: Vec<Snapshot> = (1..=snapshot::KEEP)
            .filter_map(|n| store.read(Key::Snapshot(n)).ok().flatten())
            .filter_map(|text| Snapshot::decode(self.state.catalog, &text).ok())
            .collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.taken_at));
        all
    }

    /// Writes `previous` to a snapshot slot (the first free, else the oldest). True when it was
    /// stored; a document with nothing in it needs no snapshot and counts as kept.
    fn keep(self, previous: &AnswersDocument, reason: Reason) -> bool {
        if previous.answers.is_empty() && previous.rejected.is_empty() {
            return true;
        }
        let Some(store) = self.store else {
            return false;
        };
        let catalog = self.state.catalog;
        let slots: Vec<Option<u64>> = (1..=snapshot::KEEP)
            .map(|n| {
                store
                    .read(Key::Snapshot(n))
                    .ok()
                    .flatten()
                    .and_then(|text| Snapshot::decode(catalog, &text).ok())
                    .map(|s| s.taken_at)
            })
            .collect();
        let slot = snapshot::slot_for_next(&slots) + 1;
        let snap = Snapshot {
            reason,
            taken_at: storage::now_millis(),
            document: previous.clone(),
        };
        match store.write(Key::Snapshot(slot), &snap.to_json(catalog)) {
            Ok(()) => {
                self.versions.update(|v| *v += 1);
                true
            }
            Err(error) => {
                leptos::logging::warn!("{error}");
                false
            }
        }
    }

    /// Shows `document` (answers and all) without writing it.
    fn adopt(self, document: AnswersDocument) {
        if self
            .state
            .answers
            .with_untracked(|a| *a != document.answers)
        {
            self.state.answers.set(document.answers.clone());
        }
        self.base.set_value(document);
        self.generation.update(|g| *g += 1);
    }

    /// Takes in text another tab stored (`None`: it removed the answers or cleared storage).
    /// Returns `None` when the text could not be read (then nothing may be written over it),
    /// else whether this tab now holds answers the stored copy lacks (it should write).
    fn take_in(self, text: Option<String>) -> Option<bool> {
        let ours = self.document();
        let Some(text) = text else {
            self.known.set_value(None);
            if ours.answers.is_empty() {
                return Some(false);
            }
            // Cleared by another tab: a replace like any other, kept here with Undo.
            let stored = self.keep(&ours, Reason::OtherTab);
            self.change.set(Some(Change {
                reason: Reason::OtherTab,
                before: ours.answers.len(),
                after: 0,
                lost: 0,
                cleared: true,
                undone: false,
                stored,
                previous: ours,
            }));
            self.adopt(AnswersDocument::default());
            return Some(false);
        };
        let theirs = match decode(self.state.catalog, &text) {
            Ok(decoded) => decoded.document,
            Err(error) => {
                leptos::logging::warn!(
                    "answers from another tab unreadable: {}",
                    error.message(self.state.catalog, "en")
                );
                if !self.forced.get_value() {
                    self.unreadable.set_value(Some(text));
                    self.pause(Notice::UnreadableFromOtherTab);
                }
                return None;
            }
        };
        self.known.set_value(Some(text));
        if theirs.same_answers(&ours) {
            // Same answers (a position, time or task change): take the rest, keep our position.
            let position = ours.position;
            self.base.set_value(AnswersDocument {
                position,
                answers: ours.answers,
                ..theirs
            });
            self.generation.update(|g| *g += 1);
            return Some(false);
        }
        let replaced = theirs.replaced_at > ours.replaced_at;
        let merged: Merged = merge(&ours, &theirs);
        let lost = merged.lost(Side::Ours);
        if lost > 0 {
            let stored = self.keep(&ours, Reason::OtherTab);
            self.change.set(Some(Change {
                reason: Reason::OtherTab,
                before: ours.answers.len(),
                after: merged.document.answers.len(),
                lost: if replaced { 0 } else { lost },
                cleared: false,
                undone: false,
                stored,
                previous: ours.clone(),
            }));
        } else if merged.document.answers != ours.answers {
            self.notice.update(|n| {
                if n.is_none() {
                    *n = Some(Notice::UpdatedFromOtherTab);
                }
            });
        }
        let holds_more = !merged.document.same_answers(&theirs);
        self.adopt(merged.document);
        if self.status.get_untracked() != SaveStatus::Paused && !holds_more {
            self.status.set(SaveStatus::Saved);
        }
        Some(holds_more)
    }

    /// Another tab wrote (or removed) the stored answers: merge, and write back when this tab
    /// holds answers the stored copy lacks.
    fn other_tab_saved(self, text: Option<String>) {
        if text.is_some() && self.known.with_value(|k| *k == text) {
            return;
        }
        if self.take_in(text) == Some(true) {
            self.save();
        }
    }
}
