use crate::data::load_catalog;
use crate::shelf::Shelf;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::Catalog;
use std::sync::Arc;

#[derive(Clone)]
enum Load {
    Loading,
    Ready(Arc<Catalog>),
    Failed(String),
}

/// Loads the data, then hands it to the shelf; a failure is an alert with a Retry button.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    let load = move || {
        state.set(Load::Loading);
        spawn_local(async move {
            state.set(match load_catalog().await {
                Ok(catalog) => Load::Ready(Arc::new(catalog)),
                Err(message) => Load::Failed(message),
            });
        });
    };
    load();

    view! {
        <main class="page" aria-busy=move || matches!(state.get(), Load::Loading).to_string()>
            {move || match state.get() {
                Load::Loading => view! {
                    <h1>"Publications"</h1>
                    <p class="loading" role="status">"Loading publications…"</p>
                }
                .into_any(),
                Load::Failed(message) => view! {
                    <h1>"Publications"</h1>
                    <div class="alert" role="alert">
                        <h2>"The publications could not be shown"</h2>
                        <p>{message}</p>
                        <button type="button" class="button" on:click=move |_| load()>
                            "Retry"
                        </button>
                    </div>
                }
                .into_any(),
                Load::Ready(catalog) => view! { <Shelf catalog /> }.into_any(),
            }}
        </main>
    }
}
