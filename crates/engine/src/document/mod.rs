//! Layer 3, the answers document: [`answers`] (the document and its codec), [`register`] (the AI
//! system register kept in it), [`merge`] (two copies merged per question), [`snapshot`] (the
//! answers as they were before a replace) and [`share`] (the share-link fragment codec).

pub mod answers;
pub mod merge;
pub mod register;
pub mod share;
pub mod snapshot;
