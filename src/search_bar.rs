//! The search box and the sort order.

use crate::browser::Record;
use crate::context::ShelfContext;
use leptos::prelude::*;
use papershelf_core::dom_id::SEARCH;
use papershelf_core::Sort;

/// The search box (filters as you type) and the sort order.
#[component]
pub fn SearchBar() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let state = shelf.state();
    // The view follows the box on every key; the search it calls for waits for the key's frame
    // (see `ShelfContext::follow_search`).
    let on_input = move |ev| {
        let mut next = state.get_untracked();
        next.query = event_target_value(&ev);
        shelf.navigate(next, Record::Replace);
    };
    let on_sort = move |ev| {
        let mut next = state.get_untracked();
        next.sort = Sort::from_param(&event_target_value(&ev)).unwrap_or_default();
        shelf.navigate(next, Record::Push);
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
        </div>
    }
}
