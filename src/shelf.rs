//! The loaded catalog as a page: masthead with search and sort, facets, the live count, active
//! filters and the papers. Data flows one way: catalog → view state (the URL) → selection →
//! facets and cards.

use crate::active_filters::ActiveFilters;
use crate::arrival::{count_text, Arrival, ArrivalNotice, Feed};
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
use leptos::ev;
use leptos::prelude::*;
use papershelf_core::dom_id::{COUNT, SEARCH};
use papershelf_core::{Catalog, ViewState};
use wasm_bindgen::JsCast;

/// The shelf for the feed's catalog. While the file still streams in, the search and the facets
/// work on the papers so far, and say so; each newer catalog takes the place of the last without
/// touching the view, the search box or its focus.
#[component]
pub fn Shelf(feed: Feed) -> impl IntoView {
    provide_context(ShelfContext::new(feed, view_from_address()));
    let shelf = expect_context::<ShelfContext>();
    // The title and description may come after the first papers in the file.
    let title = Memo::new(move |_| shelf.catalog().page_title().to_owned());
    let description = Memo::new(move |_| shelf.catalog().description.clone());
    // Rendered to HTML at build time, there is no address, keyboard or printer to follow.
    if crate::browser::window().is_some() {
        Effect::new(move |_| {
            title.with(|t| description.with(|d| set_page_details(t, d.as_deref())))
        });
        follow_address();
        follow_keys();
        follow_printing();
    }
    // Built once and only ever replaced, never updated in place: `Fresh` leaves the code for that
    // out of the bundle, which `into_any` would carry.
    Fresh(view! {
        <header class="masthead">
            <div class="masthead-top">
                <h1>{move || title.get()}</h1>
                <ThemeToggle />
            </div>
            {move || description.get().map(|text| Fresh(view! { <p class="description" dir="auto">{text}</p> }))}
            {move || marks_legend(&shelf.catalog()).map(Fresh)}
            <SearchBar />
        </header>
        <div class="layout">
            <Facets />
            <Results feed />
        </div>
    })
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
    // While the file streams in, a `#id` may name a paper not yet arrived, or (a title-made id)
    // another paper than it will, and its place in the list moves as papers arrive: it is opened
    // again in each newer catalog, until found and then as long as the visitor keeps the view it
    // was opened in.
    let opened_in = StoredValue::new(None::<ViewState>);
    let note_opened = move || {
        if shelf.target().with_untracked(Option::is_some) {
            opened_in.set_value(Some(shelf.state().get_untracked()));
        }
    };
    note_opened();
    Effect::new(move |ran: Option<()>| {
        shelf.catalog();
        let Some(id) = target_from_address() else {
            return;
        };
        let kept = match opened_in.get_value() {
            Some(view) => shelf.state().with_untracked(|s| *s == view),
            None => true,
        };
        if ran.is_some() && kept {
            // Once the update this catalog brings has settled.
            set_timeout(
                move || {
                    // Where its card is rendered already, focus stays where the visitor put it.
                    if !shelf.renders(&id) {
                        shelf.open(&id);
                        note_opened();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });
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
fn Results(feed: Feed) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let selection = shelf.selection();
    let arrival = shelf.arrival();
    let complete = move || arrival.with(|a| *a == Arrival::Complete);
    let empty_message = move || {
        let message = if shelf.catalog().papers.is_empty() && complete() {
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
            <ArrivalNotice feed />
            <div class="results-bar">
                <p class="count" id=COUNT role="status" tabindex="-1">
                    {move || count_text(selection.with(|s| s.shown.len()), complete())}
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
