//! The search box and the sort order.

use crate::browser::Record;
use crate::context::ShelfContext;
use leptos::prelude::*;
use papershelf_core::dom_id::{SEARCH, SEARCH_LIMIT};
use papershelf_core::search::TERMS_DROPPED;
use papershelf_core::Sort;

/// The search box (filters as you type) and the sort order.
#[component]
pub fn SearchBar() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let state = shelf.state();
    let on_input = move |ev| shelf.type_query(event_target_value(&ev));
    let on_sort = move |ev| {
        let mut next = shelf.view();
        next.sort = Sort::from_param(&event_target_value(&ev)).unwrap_or_default();
        shelf.navigate(next, Record::Push);
    };
    // Words past the limit are not searched for: said by the box, never ignored in silence.
    // Set as a property, as the box's value is: a view of its own would cost the bundle more.
    // Rewritten (and read out again) only when the query changes, not at each word past the limit.
    let query = shelf.query();
    let notice = move || {
        query
            .with(|q| if q.dropped { TERMS_DROPPED } else { "" })
            .to_owned()
    };
    view! {
        <div class="toolbar" role="search">
            <label class="visually-hidden" for=SEARCH>"Search"</label>
            <input
                id=SEARCH
                type="search"
                placeholder="Search titles, authors, abstracts…"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || state.with(|s| s.query.clone())
                on:input=on_input
                aria-describedby=SEARCH_LIMIT
            />
            <label class="sort">
                <span>"Sort"</span>
                <select on:change=on_sort prop:value=move || state.with(|s| s.sort.param())>
                    {Sort::ALL
                        .into_iter()
                        .map(|sort| view! { <option value=sort.param()>{sort.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <p id=SEARCH_LIMIT class="search-limit" aria-live="polite" prop:textContent=notice></p>
        </div>
    }
}
