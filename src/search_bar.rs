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
    let on_input = move |ev| shelf.type_query(event_target_value(&ev));
    let on_sort = move |ev| {
        let mut next = shelf.view();
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
