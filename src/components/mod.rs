//! UI components, one per file. Components draw what they are given; they do not compute scores.

pub mod brandmark;
pub mod confirm_dialog;
pub mod earlier_versions;
pub mod progress_bar;
pub mod question;
pub mod questionnaire;
pub mod register;
pub mod reset_dialog;
pub mod results;
pub mod screen_link;
pub mod section_nav;
pub mod share_opener;
pub mod start_page;
pub mod storage_notice;
pub mod suggestion;
pub mod top_bar;
pub mod undo_notice;
