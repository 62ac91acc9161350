use crate::active_filters::ActiveFilters;
use crate::browser::{
    now, reveal, target_from_address, view_from_address, yield_to_browser, Record,
};
use crate::context::Shelf as ShelfContext;
use crate::data_notice::DataNotice;
use crate::facets::Facets;
use crate::paper_list::PaperList;
use crate::search_bar::SearchBar;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::text::count_label;
use papershelf_core::{Catalog, Query};
use std::sync::Arc;

/// Papers scanned between checks of the clock while searching.
const SEARCH_SLICE: usize = 500;

/// Milliseconds a search runs before letting the browser paint and take keys: one frame. Most
/// searches of 10,000 papers then finish in one go (a hop to the browser costs a few ms more).
const SEARCH_BUDGET_MS: f64 = 16.0;

/// The loaded catalog: search and sort, facets, the live count, active filters and the papers.
/// Data flows one way: catalog → view state (the URL) → selection → facets and cards.
///
/// While `loading`, only the first page of a file still streaming in is shown: no search or facets
/// yet, as their counts would be wrong.
#[component]
pub fn Shelf(catalog: Arc<Catalog>, loading: bool) -> impl IntoView {
    let shelf = ShelfContext::new(catalog.clone(), view_from_address());
    provide_context(shelf);
    let state = shelf.state;
    // The search result is kept apart from the facets: a facet click does not search again, and
    // a refined query (one more letter) scans only the previous matches. A long scan runs in
    // slices between which the browser paints and takes keys; a newer query abandons it. Until
    // it is done, the list and the highlights stay as they were: one update per search, not two.
    let found = shelf.found;
    let wanted = Memo::new(move |_| state.with(|s| Query::parse(&s.query)));
    let generation = StoredValue::new(0u64);
    {
        let catalog = catalog.clone();
        Effect::new(move |previous: Option<()>| {
            let query = wanted.get();
            if previous.is_none() {
                return; // the context ran the first search, before the first render
            }
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            let catalog = catalog.clone();
            spawn_local(async move {
                let earlier = found.get_untracked();
                let mut run = catalog.start_search(query, Some(&earlier));
                let mut slice_start = now();
                while !run.step(SEARCH_SLICE) {
                    if now() - slice_start > SEARCH_BUDGET_MS {
                        yield_to_browser().await;
                        if generation.get_value() != mine {
                            return;
                        }
                        slice_start = now();
                    }
                }
                if generation.get_value() == mine {
                    found.set(run.finish());
                }
            });
        });
    }
    let filters = shelf.filters;
    let selection = {
        let catalog = catalog.clone();
        Memo::new(move |_| filters.with(|s| found.with(|f| catalog.select_searched(s, f))))
    };

    let title = catalog
        .title
        .clone()
        .unwrap_or_else(|| "Publications".into());
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }

    // A `#id` link opens that card even when its paper is filtered out or far down the list.
    let open_target = {
        let catalog = catalog.clone();
        move |id: String| {
            let Some(idx) = catalog.paper_index(&id) else {
                return;
            };
            let position =
                |sel: &papershelf_core::Selection| sel.shown.iter().position(|&i| i == idx);
            let position = match selection.with_untracked(position) {
                Some(p) => p,
                None => {
                    shelf.navigate(state.get_untracked().cleared(), Record::Replace);
                    selection.with_untracked(position).unwrap_or(0)
                }
            };
            if position >= shelf.start.get_untracked() + shelf.limit.get_untracked() {
                shelf.window_around(position);
            }
            shelf.target.set(Some(id.clone()));
            reveal(id);
        }
    };
    if loading {
        return view! {
            <header class="masthead">
                <h1>{title}</h1>
            </header>
            <section class="results" aria-label="Publications">
                <p class="count loading" role="status">"Loading publications…"</p>
                <PaperList selection />
            </section>
        }
        .into_any();
    }
    if let Some(id) = target_from_address() {
        open_target(id);
    }
    let on_hash = {
        let open_target = open_target.clone();
        window_event_listener(ev::hashchange, move |_| {
            if let Some(id) = target_from_address() {
                open_target(id);
            }
        })
    };
    let on_history = window_event_listener(ev::popstate, move |_| {
        state.set(view_from_address());
        shelf.reset_window();
    });
    on_cleanup(move || {
        on_hash.remove();
        on_history.remove();
    });

    let total = catalog.papers.len();
    view! {
        <header class="masthead">
            <h1>{title}</h1>
            <SearchBar />
        </header>
        <div class="layout">
            <Facets selection />
            <section class="results" aria-label="Publications">
                <p class="count" role="status">
                    {move || count_label(selection.with(|s| s.shown.len()), "publication", "publications")}
                </p>
                <DataNotice />
                <ActiveFilters />
                {move || {
                    let message = if total == 0 {
                        "No publications have been added yet."
                    } else if selection.with(|s| s.shown.is_empty()) {
                        "No publications match. Try fewer words or remove a filter."
                    } else {
                        return None;
                    };
                    Some(view! { <p class="empty">{message}</p> })
                }}
                <PaperList selection />
            </section>
        </div>
    }
    .into_any()
}
