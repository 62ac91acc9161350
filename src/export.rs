//! Export: the papers shown (after search and filters, every one of them, not just the rendered
//! cards) as a `.bib` file or as CSL-JSON, named after the view.

use crate::arrival::Arrival;
use crate::context::ShelfContext;
use crate::data::data_file;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::bibtex::bibliography;
use papershelf_core::csl::csl_json;
use papershelf_core::export::file_name;
use wasm_bindgen::JsCast;

/// Saves `text` as a download named `name`.
fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Two buttons: BibTeX and CSL-JSON (what Zotero and Mendeley import).
#[component]
pub fn Export() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let selection = shelf.selection();
    // Named after the view the shown papers were found with: while a search runs, the box is
    // ahead of the list, and the file must say what it holds.
    let name = move |extension: &str| {
        let mut found = shelf.filters().get_untracked();
        found.query = shelf.query().with_untracked(|q| q.terms.join(" "));
        file_name(&found, extension)
    };
    let busy = RwSignal::new(false);
    let export_bib = move |_| {
        busy.set(true);
        let name = name("bib");
        let shown = selection.with_untracked(|s| s.shown.clone());
        spawn_local(async move {
            let file = data_file().await;
            let catalog = shelf.catalog();
            download(
                &name,
                "application/x-bibtex",
                &bibliography(&shown, &catalog, file.as_ref()),
            );
            busy.set(false);
        });
    };
    let export_csl = move |_| {
        let name = name("csl.json");
        let json = selection.with_untracked(|s| csl_json(&s.shown, &shelf.catalog()));
        download(&name, "application/vnd.citationstyles.csl+json", &json);
    };
    // Until every paper is in, what is shown is not yet what the view holds.
    let arrival = shelf.arrival();
    let empty =
        move || selection.with(|s| s.shown.is_empty()) || arrival.with(|a| *a != Arrival::Complete);
    view! {
        <div class="export" role="group" aria-label="Export the papers shown">
            <span class="export-label" aria-hidden="true">"Export"</span>
            <button
                type="button"
                class="link-button"
                disabled=move || empty() || busy.get()
                on:click=export_bib
            >
                "BibTeX"
            </button>
            <button type="button" class="link-button" disabled=empty on:click=export_csl>
                "CSL-JSON"
            </button>
        </div>
    }
}
