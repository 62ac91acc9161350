use crate::browser::Record;
use crate::context::Shelf;
use leptos::prelude::*;
use papershelf_core::{FilterKind, ViewState};

/// The search and every selected facet value, each removable, and a way to clear them all.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let shelf = Shelf::use_context();
    let state = shelf.state;
    let query_chip = {
        move || {
            let query = state.with(|s| s.query.trim().to_owned());
            (!query.is_empty()).then(|| {
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip active"
                            aria-label=format!("Remove search: {query}")
                            on:click=move |_| {
                                let next = ViewState { query: String::new(), ..state.get_untracked() };
                                shelf.navigate(next, Record::Push);
                            }
                        >
                            <span class="chip-kind">"Search: "</span>
                            {query.clone()}
                            <span class="chip-x" aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
            })
        }
    };
    view! {
        <Show when=move || state.with(ViewState::is_filtered)>
            <div class="active-filters" role="group" aria-label="Active filters">
                <ul>
                    {query_chip}
                    <For each=move || state.with(ViewState::active) key=|item| item.clone() let:item>
                        {
                            let (kind, value) = item;

                            let label = format!("Remove filter {}: {value}", kind.label());
                            let shown = match kind {
                                FilterKind::Year => value.replace('-', "–"),
                                _ => value.clone(),
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip active"
                                        aria-label=label
                                        on:click=move |_| shelf.toggle(kind, &value)
                                    >
                                        <span class="chip-kind">{kind.label()}": "</span>
                                        {shown}
                                        <span class="chip-x" aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| shelf.navigate(state.get_untracked().cleared(), Record::Push)
                >
                    "Clear filters"
                </button>
            </div>
        </Show>
    }
}
