//! The search box and the sort order.

use crate::browser::Record;
use crate::context::ShelfContext;
use leptos::html::Input;
use leptos::prelude::*;
use papershelf_core::dom_id::SEARCH;
use papershelf_core::Sort;
use std::time::Duration;

/// The search box (filters as you type) and the sort order.
#[component]
pub fn SearchBar() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let state = shelf.state();
    let input = NodeRef::<Input>::new();
    // The keystroke itself only updates the box; the search runs in a task queued from the next
    // frame, so it starts once the browser has painted the key (a task queued from the key's own
    // handler may run before that frame and hold it back). Keys typed before it runs share one
    // search.
    let scheduled = StoredValue::new(false);
    let search = move || {
        scheduled.set_value(false);
        let Some(input) = input.get_untracked() else {
            return;
        };
        let mut next = state.get_untracked();
        next.query = input.value();
        shelf.navigate(next, Record::Replace);
    };
    let on_input = move |_| {
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || set_timeout(search, Duration::ZERO));
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
                node_ref=input
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
