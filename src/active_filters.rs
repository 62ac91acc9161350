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
                            let next = shelf.view().without_search();
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
    // Each selected facet value, then the featured filter (`None`): one chip shape for all, as
    // each distinct view shape costs the bundle its own code.
    let chip = move |(kind, value): (Option<FilterKind>, String)| {
        let (kind_text, shown) = match kind {
            Some(FilterKind::Year) => (
                format!("{}: ", FilterKind::Year.label()),
                value.replace('-', "–"),
            ),
            Some(FilterKind::Type) => (
                format!("{}: ", FilterKind::Type.label()),
                PaperType::from_key(&value).map_or(value.clone(), |t| t.label().to_owned()),
            ),
            Some(kind) => (format!("{}: ", kind.label()), value.clone()),
            None => (String::new(), "Featured only".to_owned()),
        };
        // Named by what it shows (WCAG's label in name): "Type: Conference paper", not its key.
        let label = match kind {
            Some(_) => format!("Remove filter {kind_text}{shown}"),
            None => format!("Remove filter: {shown}"),
        };
        view! {
            <li>
                <button
                    type="button"
                    class="chip active"
                    aria-label=label
                    on:click=move |ev| {
                        hand_on_focus(&ev);
                        match kind {
                            Some(kind) => shelf.toggle(kind, &value),
                            None => shelf.navigate(ViewState { featured: false, ..shelf.view() }, Record::Push),
                        }
                    }
                >
                    <span class="chip-kind">{kind_text}</span>
                    {shown}
                    <span class="chip-x" aria-hidden="true">" ×"</span>
                </button>
            </li>
        }
    };
    let chips = move || {
        let catalog = shelf.catalog();
        state.with(|s| {
            let mut chips: Vec<(Option<FilterKind>, String)> = Vec::new();
            for (kind, value) in s.active() {
                // An author as the facet names them, however the address spells them (`zoe`, an
                // alias), once: pressed, the chip releases every spelling all the same.
                let author = (kind == FilterKind::Author).then(|| catalog.author_id(&value));
                let chip = match author.flatten() {
                    Some(id) => (Some(kind), catalog.author_name(id).to_owned()),
                    None => (Some(kind), value),
                };
                if !chips.contains(&chip) {
                    chips.push(chip);
                }
            }
            if s.featured {
                chips.push((None, String::new()));
            }
            chips
        })
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
                    <For each=chips key=|item| item.clone() children=chip />
                </ul>
                <button type="button" class="link-button" on:click=clear>
                    "Clear filters"
                </button>
            </div>
        </Show>
    }
}
