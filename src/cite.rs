//! Cite: a paper's BibTeX in a dialog, with Copy.

use crate::browser::{copy_and_confirm, copy_label};
use crate::context::ShelfContext;
use crate::data::data_file;
use crate::rich_text::rich;
use leptos::html::{Button, Dialog};
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::bibtex::cite;
use papershelf_core::catalog::PaperIdx;
use papershelf_core::dom_id::{paper_part, Part};
use papershelf_core::rich::rich_text;
use papershelf_core::Query;
use wasm_bindgen::JsCast;

/// The Cite button of a card; the dialog exists only while open.
#[component]
pub fn CiteButton(idx: PaperIdx, id: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    // Runs on the dialog's `close` event, once it is no longer modal: while it is, the rest of
    // the page is inert and the button could not take focus back.
    let closed = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let own_id = paper_part(Part::CiteButton, &id);
    // Named "Cite" and the card's title as the page shows it (math included).
    let labelled_by = format!("{own_id} {}", paper_part(Part::Title, &id));
    view! {
        <button
            type="button"
            class="link-button"
            id=own_id
            node_ref=button
            aria-haspopup="dialog"
            aria-labelledby=labelled_by
            on:click=move |_| open.set(true)
        >
            "Cite"
        </button>
        <Show when=move || open.get()>
            <CiteDialog idx id=id.clone() closed />
        </Show>
    }
}

/// A modal dialog with the paper's BibTeX: its own record, read back from the file, or one made
/// from its fields. Esc, Close or a click outside closes it. The copied text is the text shown.
#[component]
fn CiteDialog(idx: PaperIdx, id: String, closed: impl Fn() + Copy + 'static) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let catalog = shelf.catalog();
    let title = rich_text(&catalog.papers[idx as usize].title.shown());
    let heading = paper_part(Part::Cite, &id);
    let labelled_by = heading.clone();
    let record = RwSignal::new(None::<String>);
    spawn_local(async move {
        let file = data_file().await;
        let paper = &catalog.papers[idx as usize];
        // The dialog may be gone by now (the page moved on): then there is nothing to show.
        let _ = record.try_set(Some(cite(paper, &catalog, file.as_ref())));
    });
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        if let Some(text) = record.get_untracked() {
            copy_and_confirm(text, copied);
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    // A click on the backdrop lands on the dialog element itself (its content fills it).
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev
            .target()
            .is_some_and(|t| t.dyn_ref::<web_sys::HtmlDialogElement>().is_some())
        {
            close();
        }
    };
    view! {
        <dialog
            class="cite-dialog"
            node_ref=dialog
            aria-labelledby=labelled_by
            on:close=move |_| closed()
            on:click=on_click
        >
            <div class="cite-body">
                <h2 id=heading>"Cite"</h2>
                <p class="cite-title" dir="auto">{rich(&title, Signal::stored(Query::default()))}</p>
                <pre class="bibtex" tabindex="0" aria-label="BibTeX">
                    <code>{move || record.get().unwrap_or_else(|| "Reading the record…".into())}</code>
                </pre>
                <div class="cite-actions">
                    // Not `disabled` while the record is read: focus starts here.
                    <button
                        type="button"
                        class="button"
                        autofocus
                        aria-disabled=move || record.with(Option::is_none).to_string()
                        on:click=copy
                    >
                        {move || copy_label(copied.get(), "Copy BibTeX", "Copied")}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
            </div>
        </dialog>
    }
}
