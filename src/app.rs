use crate::browser::{target_from_address, view_from_address};
use crate::data::{load_catalog, LoadError};
use crate::fresh::Fresh;
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
    let default_view = view_from_address() == ViewState::default();
    let targeted = target_from_address().is_some();
    // The page prerendered at build time shows the default view: it stays, controls disabled,
    // until this app's own page replaces it (in the same frame, so nothing moves). Any other
    // view would show the wrong papers meanwhile, so it goes at once; a `#id` keeps it, as the
    // app brings its paper in once ready.
    let showing_prerendered = RwSignal::new(prerendered_page().is_some());
    if !default_view {
        remove_prerendered(showing_prerendered);
    }
    Effect::new(move |_| {
        if matches!(state.get(), Load::Ready(_) | Load::Failed(_)) {
            remove_prerendered(showing_prerendered);
        }
    });
    let load = move || {
        state.set(Load::Loading);
        spawn_local(async move {
            // A first page in file order only makes sense for the default view (a shared link
            // with filters, a sort or a `#id` waits for the whole file), and only without a
            // prerendered page, which already shows it with its search and facets.
            let first_page = move |catalog| {
                if default_view && !targeted && !showing_prerendered.get_untracked() {
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
            // The prerendered page hides (style/main.css) the moment this one shows anything:
            // in the same style change, so no frame, no accessibility tree and no test ever sees
            // both.
            data-shown=move || {
                let waiting = matches!(state.get(), Load::Loading) && showing_prerendered.get();
                (!waiting).then_some("")
            }
        >
            {move || match state.get() {
                Load::Loading if showing_prerendered.get() => ().into_any(),
                // Each state's view replaces the last one's (`Fresh`: none is updated in place).
                Load::Loading => Fresh(view! {
                    <h1>"Publications"</h1>
                    <p class="loading" role="status">"Loading publications…"</p>
                })
                .into_any(),
                Load::Failed(error) => Fresh(view! {
                    <h1>"Publications"</h1>
                    <div class="alert" role="alert">
                        <h2>"The publications could not be shown"</h2>
                        <p>{error.to_string()}</p>
                        <button type="button" class="button" on:click=move |_| load()>
                            "Retry"
                        </button>
                    </div>
                })
                .into_any(),
                Load::FirstPage(catalog) => view! { <Shelf catalog loading=true /> }.into_any(),
                Load::Ready(catalog) => view! { <Shelf catalog loading=false /> }.into_any(),
            }}
        </main>
    }
}

/// The page prerendered at build time (src/bin/prerender.rs), if this one has it.
fn prerendered_page() -> Option<web_sys::Element> {
    crate::browser::window()?
        .document()?
        .get_element_by_id("prerendered")
}

/// Removes the prerendered page, which the app's own page has already hidden (or which shows the
/// wrong view): its nodes go after this frame.
fn remove_prerendered(showing: RwSignal<bool>) {
    if !showing.get_untracked() {
        return;
    }
    showing.set(false);
    request_animation_frame(|| {
        if let Some(page) = prerendered_page() {
            page.remove();
        }
    });
}
