//! The search and the selected facet values as removable chips.

use crate::browser::{clicked, keep_focus, neighbour, Record};
use crate::context::ShelfContext;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use papershelf_core::dom_id::SEARCH;
use papershelf_core::{FilterKind, PaperType, ViewState};

/// The search and every selected facet value, each removable, and a way to clear them all. A chip
/// removes itself when pressed, so focus moves to the chip beside it, or to the search box once
/// none is left.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let state = shelf.state();
    let hand_on_focus = |ev: &MouseEvent| {
        let beside = clicked(ev).and_then(|chip| neighbour(&chip));
        keep_focus(beside, SEARCH.to_owned());
    };
    // One chip for the search, whose text follows the typing: rebuilding it on every key would
    // cost a button and its listener each time.
    let query = Memo::new(move |_| state.with(|s| s.query.trim().to_owned()));
    let query_chip = move || {
        view! {
            <Show when=move || query.with(|q| !q.is_empty())>
                <li>
                    <button
                        type="button"
                        class="chip active"
                        aria-label=move || format!("Remove search: {}", query.get())
                        on:click=move |ev| {
                            hand_on_focus(&ev);
                            let next = ViewState { query: String::new(), ..shelf.view() };
                            shelf.navigate(next, Record::Push);
                        }
                    >
                        <span class="chip-kind">"Search: "</span>
                        {move || query.get()}
                        <span class="chip-x" aria-hidden="true">" ×"</span>
                    </button>
                </li>
            </Show>
        }
    };
    let facet_chip = move |(kind, value): (FilterKind, String)| {
        let shown = match kind {
            FilterKind::Year => value.replace('-', "–"),
            FilterKind::Type => {
                PaperType::from_key(&value).map_or(value.clone(), |t| t.label().to_owned())
            }
            FilterKind::Author | FilterKind::Topic => value.clone(),
        };
        // Named by what it shows (WCAG's label in name): "Type: Conference paper", not its key.
        let label = format!("Remove filter {}: {shown}", kind.label());
        view! {
            <li>
                <button
                    type="button"
                    class="chip active"
                    aria-label=label
                    on:click=move |ev| {
                        hand_on_focus(&ev);
                        shelf.toggle(kind, &value);
                    }
                >
                    <span class="chip-kind">{kind.label()}": "</span>
                    {shown}
                    <span class="chip-x" aria-hidden="true">" ×"</span>
                </button>
            </li>
        }
    };
    let featured_chip = move || {
        view! {
            <Show when=move || state.with(|s| s.featured)>
                <li>
                    <button
                        type="button"
                        class="chip active"
                        aria-label="Remove filter: Featured only"
                        on:click=move |ev| {
                            hand_on_focus(&ev);
                            shelf.navigate(ViewState { featured: false, ..shelf.view() }, Record::Push);
                        }
                    >
                        "Featured only"
                        <span class="chip-x" aria-hidden="true">" ×"</span>
                    </button>
                </li>
            </Show>
        }
    };
    let clear = move |_| {
        keep_focus(None, SEARCH.to_owned());
        shelf.navigate(shelf.view().cleared(), Record::Push);
    };
    view! {
        <Show when=move || state.with(ViewState::is_filtered)>
            <div class="active-filters" role="group" aria-label="Active filters">
                <ul>
                    {query_chip}
                    <For each=move || state.with(ViewState::active) key=|item| item.clone() children=facet_chip />
                    {featured_chip}
                </ul>
                <button type="button" class="link-button" on:click=clear>
                    "Clear filters"
                </button>
            </div>
        </Show>
    }
}
