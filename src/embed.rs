//! The one module allowed to touch `window.parent` (and `window.top`).
//!
//! Carryover is meant to be embeddable in other sites' pages, including inside
//! `<iframe sandbox="allow-scripts">`. Talking to the host page (resize messages, handing over a
//! result) will be done here, with `postMessage` and explicit origin checks, so that every line of
//! code that can reach outside the app's own frame is in one reviewable file.
//!
//! Nothing is implemented yet: the app does not talk to its host page.
