//! The loaded catalog as a page: masthead with search and sort, facets, the live count, active
//! filters and the papers. Data flows one way: catalog → view state (the URL) → selection →
//! facets and cards.

use crate::active_filters::ActiveFilters;
use crate::browser::{target_from_address, view_from_address};
use crate::context::ShelfContext;
use crate::data_notice::DataNotice;
use crate::facets::Facets;
use crate::paper_list::PaperList;
use crate::search_bar::SearchBar;
use leptos::ev;
use leptos::prelude::*;
use papershelf_core::dom_id::COUNT;
use papershelf_core::text::count_label;
use papershelf_core::Catalog;
use std::sync::Arc;

/// The shelf for `catalog`. While `loading`, only the first page of a file still streaming in is
/// shown: no search or facets yet, as their counts would be wrong.
#[component]
pub fn Shelf(catalog: Arc<Catalog>, loading: bool) -> impl IntoView {
    let title = catalog
        .title
        .clone()
        .unwrap_or_else(|| "Publications".into());
    set_document_title(&title);
    provide_context(ShelfContext::new(catalog, view_from_address()));
    if loading {
        return view! {
            <header class="masthead">
                <h1>{title}</h1>
            </header>
            <section class="results" aria-label="Publications">
                <p class="count loading" role="status">"Loading publications…"</p>
                <PaperList />
            </section>
        }
        .into_any();
    }
    follow_address();
    view! {
        <header class="masthead">
            <h1>{title}</h1>
            <SearchBar />
        </header>
        <div class="layout">
            <Facets />
            <Results />
        </div>
    }
    .into_any()
}

fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Opens the paper a `#id` link names, now and whenever the fragment changes, and takes the view
/// from the address bar after Back and Forward.
fn follow_address() {
    let shelf = expect_context::<ShelfContext>();
    let open_target = move || {
        if let Some(id) = target_from_address() {
            shelf.open(&id);
        }
    };
    open_target();
    let on_hash = window_event_listener(ev::hashchange, move |_| open_target());
    // Back or Forward to an entry with a `#id` fires only popstate in Chromium: the restored view
    // must still bring its paper in.
    let on_history = window_event_listener(ev::popstate, move |_| {
        shelf.restore();
        open_target();
    });
    on_cleanup(move || {
        on_hash.remove();
        on_history.remove();
    });
}

/// The live count, notes on the data, active filters, a word when nothing matches, and the cards.
#[component]
fn Results() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let selection = shelf.selection();
    let total = shelf.catalog().papers.len();
    let empty_message = move || {
        let message = if total == 0 {
            "No publications have been added yet."
        } else if selection.with(|s| s.shown.is_empty()) {
            "No publications match. Try fewer words or remove a filter."
        } else {
            return None;
        };
        Some(view! { <p class="empty">{message}</p> })
    };
    view! {
        <section class="results" aria-label="Publications">
            // Focusable: where focus goes when the control that had it removes itself.
            <p class="count" id=COUNT role="status" tabindex="-1">
                {move || count_label(selection.with(|s| s.shown.len()), "publication", "publications")}
            </p>
            <DataNotice />
            <ActiveFilters />
            {empty_message}
            <PaperList />
        </section>
    }
}
