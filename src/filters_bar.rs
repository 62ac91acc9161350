use leptos::prelude::*;
use papershelf_core::Filters;

/// The active filters, each removable, and a way to clear them all.
#[component]
pub fn FiltersBar(filters: RwSignal<Filters>) -> impl IntoView {
    view! {
        <Show when=move || filters.with(|f| !f.is_empty())>
            <section class="active-filters" aria-label="Active filters">
                <ul>
                    <For each=move || filters.with(Filters::active) key=|item| item.clone() let:item>
                        {
                            let (kind, value) = item;
                            let remove_label = format!("Remove filter {}: {value}", kind.label());
                            let shown_value = value.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip active"
                                        aria-label=remove_label
                                        on:click=move |_| filters.update(|f| f.remove(kind, &value))
                                    >
                                        <span class="chip-kind">{kind.label()}": "</span>
                                        {shown_value}
                                        <span class="chip-x" aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <button type="button" class="link-button" on:click=move |_| filters.set(Filters::default())>
                    "Clear filters"
                </button>
            </section>
        </Show>
    }
}
