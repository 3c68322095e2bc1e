//! A question before something is replaced or erased: a native modal `<dialog>` (focus goes to its
//! first button, the safe one; Escape means that button too; the page behind is inert) with a
//! title, a body saying exactly what would change, and two buttons. Start over, opening a share
//! link over answers already here, and loading an answers file that would leave answered questions
//! unanswered all ask through it, so they look, read and behave alike.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Opens `dialog` as a modal (nothing when it is not on screen).
pub fn open(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        _ = dialog.show_modal();
    }
}

/// Closes `dialog` (nothing when it is not on screen).
pub fn close(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        dialog.close();
    }
}

/// The dialog. Its ids and test id come from `name`: `{name}-dialog`, `{name}-dialog-title`,
/// `{name}-dialog-body`. Both buttons close it before their callback runs.
#[component]
pub fn ConfirmDialog(
    /// Opened and closed with [`open`] and [`close`].
    dialog: NodeRef<Dialog>,
    /// Prefix of the ids.
    name: &'static str,
    /// The question, as a heading.
    title: String,
    /// What would change.
    body: Signal<String>,
    /// The safe choice (first, focused first; also Escape).
    keep_label: String,
    /// The choice that replaces or erases.
    confirm_label: String,
    /// `button-danger` rather than `button-primary` for the confirming button.
    #[prop(optional)]
    danger: bool,
    /// After the safe choice or Escape.
    on_keep: Callback<()>,
    /// After the confirming choice.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let title_id = format!("{name}-dialog-title");
    let body_id = format!("{name}-dialog-body");
    // The view takes each attribute value by move.
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let confirm_class = if danger {
        "button button-danger"
    } else {
        "button button-primary"
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-testid=format!("{name}-dialog")
            on:cancel=move |_: leptos::ev::Event| on_keep.run(())
        >
            <h2 id=title_id>{title}</h2>
            <p id=body_id>{body}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| {
                    close(dialog);
                    on_keep.run(());
                }>
                    {keep_label}
                </button>
                <button type="button" class=confirm_class on:click=move |_| {
                    close(dialog);
                    on_confirm.run(());
                }>
                    {confirm_label}
                </button>
            </div>
        </dialog>
    }
}
