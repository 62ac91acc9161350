//! The smallest Leptos app with what every page needs (a signal, a keyed list, a conditional
//! block, an event handler); with `--features core`, it also runs all of papershelf-core on text
//! the compiler cannot see through, so none of it is optimised away.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let items = RwSignal::new(vec![1u32, 2, 3]);
    let total = uses_the_core();
    view! {
        <button on:click=move |_| items.update(|v| v.push(v.len() as u32 + total))>"Add"</button>
        <ul>
            <For each=move || items.get() key=|n| *n let:n>
                <li>{n}</li>
            </For>
        </ul>
        <Show when=move || items.with(|v| v.len() > 5)>
            <p>"Many"</p>
        </Show>
    }
}

#[cfg(feature = "core")]
fn uses_the_core() -> u32 {
    use papershelf_core::{Catalog, CatalogBuilder, FilterKind, Query, ViewState};
    let text = std::env::args().next().unwrap_or_default();
    let mut stream = papershelf_core::stream::StreamReader::new();
    let mut builder = CatalogBuilder::default();
    let _ = stream.push(text.as_bytes(), &mut builder);
    let _ = stream.finish();
    let catalog = builder.finish();
    let fallback = Catalog::from_json(&text).map_or(0, |c| c.papers.len());
    let state = ViewState::from_query(&text);
    let query = Query::parse(&text);
    let run = catalog.search(query.clone(), None);
    let selection = catalog.select_searched(&state, &run);
    let facet = catalog.facet(FilterKind::Author, &state, &selection, "x", 10);
    let highlighted = query.highlight(&text);
    (selection.shown.len() + facet.len() + fallback + highlighted.len() + state.to_query().len())
        as u32
}

#[cfg(not(feature = "core"))]
fn uses_the_core() -> u32 {
    1
}

fn main() {
    leptos::mount::mount_to_body(App);
}
