use crate::browser::{target_from_address, view_from_address};
use crate::data::{load_catalog, LoadError};
use crate::shelf::Shelf;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::{Catalog, ViewState};
use std::sync::Arc;

#[derive(Clone)]
enum Load {
    Loading,
    /// The first entries of a file still streaming in: shown at once, in file order.
    FirstPage(Arc<Catalog>),
    Ready(Arc<Catalog>),
    Failed(LoadError),
}

/// Loads the data, then hands it to the shelf; a failure is an alert with a Retry button.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    let load = move || {
        state.set(Load::Loading);
        // A first page in file order only makes sense for the default view: a shared link with
        // filters, a sort or a `#id` waits for the whole file.
        let default_view =
            view_from_address() == ViewState::default() && target_from_address().is_none();
        spawn_local(async move {
            let first_page = move |catalog| {
                if default_view {
                    state.set(Load::FirstPage(Arc::new(catalog)));
                }
            };
            state.set(match load_catalog(first_page).await {
                Ok(catalog) => Load::Ready(Arc::new(catalog)),
                Err(error) => Load::Failed(error),
            });
        });
    };
    load();

    view! {
        <main
            class="page"
            aria-busy=move || matches!(state.get(), Load::Loading | Load::FirstPage(_)).to_string()
        >
            {move || match state.get() {
                Load::Loading => view! {
                    <h1>"Publications"</h1>
                    <p class="loading" role="status">"Loading publications…"</p>
                }
                .into_any(),
                Load::Failed(error) => view! {
                    <h1>"Publications"</h1>
                    <div class="alert" role="alert">
                        <h2>"The publications could not be shown"</h2>
                        <p>{error.to_string()}</p>
                        <button type="button" class="button" on:click=move |_| load()>
                            "Retry"
                        </button>
                    </div>
                }
                .into_any(),
                Load::FirstPage(catalog) => view! { <Shelf catalog loading=true /> }.into_any(),
                Load::Ready(catalog) => view! { <Shelf catalog loading=false /> }.into_any(),
            }}
        </main>
    }
}
