//! Layer 6, embedding: the site owner's [`config`] (with its [`contrast`], [`url`] checks and
//! [`problems`]) and the host page [`message`] protocol.

pub mod config;
pub mod contrast;
pub mod message;
pub mod problems;
pub mod url;
