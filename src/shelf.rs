use crate::filters_bar::FiltersBar;
use crate::paper_card::PaperCard;
use leptos::prelude::*;
use papershelf_core::text::count_label;
use papershelf_core::{Catalog, FilterKind, Filters};
use std::sync::Arc;

/// The loaded catalog: heading, live count, active filters and one card per shown paper.
/// Data flows one way: catalog → filters → shown indices → cards.
#[component]
pub fn Shelf(catalog: Arc<Catalog>) -> impl IntoView {
    let filters = RwSignal::new(Filters::default());
    let shown = {
        let catalog = catalog.clone();
        Memo::new(move |_| filters.with(|f| f.apply(&catalog)))
    };
    let title = catalog
        .title
        .clone()
        .unwrap_or_else(|| "Publications".into());
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
    let total = catalog.papers.len();
    let toggle = Callback::new(move |(kind, value): (FilterKind, String)| {
        filters.update(|f| {
            if f.active().iter().any(|(k, v)| *k == kind && *v == value) {
                f.remove(kind, &value);
            } else {
                f.add(kind, &value);
            }
        })
    });

    let cards = {
        let catalog = catalog.clone();
        move || {
            let catalog = catalog.clone();
            view! {
                <For each=move || shown.get() key=|idx| *idx let:idx>
                    <PaperCard catalog=catalog.clone() idx filters on_filter=toggle />
                </For>
            }
        }
    };

    view! {
        <header class="masthead">
            <h1>{title}</h1>
        </header>
        <FiltersBar filters />
        <p class="count" role="status">
            {move || count_label(shown.with(Vec::len), "publication", "publications")}
        </p>
        {move || {
            if total == 0 {
                Some(view! {
                    <p class="empty">"No publications have been added yet."</p>
                }.into_any())
            } else if shown.with(Vec::is_empty) {
                Some(view! {
                    <p class="empty">"No publications match these filters."</p>
                }.into_any())
            } else {
                None
            }
        }}
        <div class="papers">{cards}</div>
    }
}
