//! The loaded catalog as a page: masthead with search and sort, facets, the live count, active
//! filters and the papers. Data flows one way: catalog → view state (the URL) → selection →
//! facets and cards.

use crate::active_filters::ActiveFilters;
use crate::browser::{keep_focus, Record};
use crate::browser::{target_from_address, view_from_address};
use crate::context::ShelfContext;
use crate::data_notice::DataNotice;
use crate::export::Export;
use crate::facets::Facets;
use crate::fresh::Fresh;
use crate::paper_list::PaperList;
use crate::search_bar::SearchBar;
use crate::theme_toggle::ThemeToggle;
use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use papershelf_core::dom_id::{COUNT, SEARCH};
use papershelf_core::text::count_label;
use papershelf_core::Catalog;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The shelf for `catalog`. While `loading`, only the first page of a file still streaming in is
/// shown: no search or facets yet, as their counts would be wrong.
#[component]
pub fn Shelf(catalog: Arc<Catalog>, loading: bool) -> impl IntoView {
    let title = catalog.page_title().to_owned();
    set_page_details(&title, catalog.description.as_deref());
    let description = catalog
        .description
        .clone()
        .map(|text| view! { <p class="description" dir="auto">{text}</p> });
    let legend = marks_legend(&catalog);
    provide_context(ShelfContext::new(catalog, view_from_address(), loading));
    // Built once and only ever replaced (by the whole shelf once the file is in), never updated in
    // place: `Fresh` leaves the code for that out of the bundle, which `into_any` would carry.
    if loading {
        return Fresh(Either::Left(view! {
            <header class="masthead">
                <div class="masthead-top">
                    <h1>{title}</h1>
                    <ThemeToggle />
                </div>
                {description}
                {legend}
            </header>
            <section class="results" aria-label="Publications">
                <p class="count loading" role="status">"Loading publications…"</p>
                <PaperList />
            </section>
        }));
    }
    // Rendered to HTML at build time, there is no address, keyboard or printer to follow.
    if crate::browser::window().is_some() {
        follow_address();
        follow_keys();
        follow_printing();
    }
    Fresh(Either::Right(view! {
        <header class="masthead">
            <div class="masthead-top">
                <h1>{title}</h1>
                <ThemeToggle />
            </div>
            {description}
            {legend}
            <SearchBar />
        </header>
        <div class="layout">
            <Facets />
            <Results />
        </div>
    }))
}

/// What the marks on authors' names mean ("* Equal contribution · † Corresponding author"), when
/// some author carries one.
pub(crate) fn marks_legend(catalog: &Catalog) -> Option<impl IntoView> {
    let legend = catalog
        .marks
        .iter()
        .map(|(mark, meaning)| format!("{mark} {meaning}"))
        .collect::<Vec<_>>()
        .join(" · ");
    (!legend.is_empty()).then(|| {
        view! {
            <p class="marks-legend"><span class="visually-hidden">"Marks on authors’ names: "</span>{legend}</p>
        }
    })
}

/// The data's title and description as the page's `<title>` and meta description, which link
/// previews and bookmarks read.
fn set_page_details(title: &str, description: Option<&str>) {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let (Some(description), Ok(Some(meta))) = (
        description,
        document.query_selector("meta[name=description]"),
    ) {
        let _ = meta.set_attribute("content", description);
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

/// `/` focuses the search box (as on GitHub and MDN); `Esc` clears the search, unless the key
/// belongs to another field or to an open dialog.
fn follow_keys() {
    let shelf = expect_context::<ShelfContext>();
    let on_key = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let in_search = target.as_ref().is_some_and(|t| t.id() == SEARCH);
        let in_field = target.as_ref().is_some_and(|t| {
            matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || t.closest("dialog").ok().flatten().is_some()
        });
        match ev.key().as_str() {
            "/" if !in_field => {
                ev.prevent_default();
                focus_search();
            }
            "Escape" if in_search || !in_field => {
                let mut next = shelf.view();
                if !next.query.is_empty() {
                    ev.prevent_default();
                    next.query.clear();
                    shelf.navigate(next, Record::Replace);
                    // Pressed on the search's own chip, which goes with the search.
                    keep_focus(None, SEARCH.to_owned());
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
}

fn focus_search() {
    if let Some(input) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SEARCH))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Papers rendered for printing at most: a whole conference would be thousands of pages.
const PRINT_MAX: usize = 500;

/// Printing renders the shown papers with every abstract open (the stylesheet hides the
/// controls); afterwards the page is as it was.
fn follow_printing() {
    let shelf = expect_context::<ShelfContext>();
    let on_before = window_event_listener(ev::beforeprint, move |_| {
        shelf.set_printing(true, PRINT_MAX)
    });
    let on_after = window_event_listener(ev::afterprint, move |_| {
        shelf.set_printing(false, PRINT_MAX)
    });
    on_cleanup(move || {
        on_before.remove();
        on_after.remove();
    });
}

/// Expands or collapses every abstract; the choice is remembered.
#[component]
fn ExpandAll() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let open = shelf.abstracts_open();
    view! {
        <button
            type="button"
            class="link-button expand-all"
            aria-pressed=move || open.get().to_string()
            on:click=move |_| shelf.set_abstracts_open(!open.get_untracked())
        >
            "Expand all abstracts"
        </button>
    }
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
            <div class="results-bar">
                <p class="count" id=COUNT role="status" tabindex="-1">
                    {move || count_label(selection.with(|s| s.shown.len()), "publication", "publications")}
                </p>
                <ExpandAll />
                <Export />
            </div>
            <DataNotice />
            <ActiveFilters />
            {empty_message}
            <PaperList />
        </section>
    }
}
