//! UI components, one per file. Components draw what they are given; they do not compute scores.

pub mod first_question;
pub mod screen_link;
pub mod start_page;
pub mod storage_notice;
