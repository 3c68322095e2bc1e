//! Layer 3, the answers document: [`answers`] (the document and its codec), [`register`] (the AI
//! system register kept in it), [`merge`] (two copies merged per question), [`snapshot`] (the
//! answers as they were before a replace) and [`share`] (the share-link fragment codec), [`tasks`] (the owners and cadences
//! chosen for tasks).

pub mod answers;
pub mod issue;
pub mod merge;
pub mod register;
pub mod share;
pub mod snapshot;
pub mod tasks;
