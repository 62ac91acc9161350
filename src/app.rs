use crate::arrival::{Arrival, Feed};
use crate::browser::{clicked, keep_focus, view_from_address};
use crate::data::{load_catalog, LoadError, Progress};
use crate::fresh::Fresh;
use crate::shelf::Shelf;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::dom_id::COUNT;
use papershelf_core::pace::Cadence;
use papershelf_core::{Catalog, ViewState};
use std::sync::Arc;

#[derive(Clone)]
enum Load {
    Loading,
    /// The shelf, fed with catalogs of the papers so far, then the whole.
    Shelf(Feed),
    /// Nothing to show but an alert; `keep` when the prerendered page stays above it (a download
    /// broke off before as many papers as it shows had arrived).
    Failed {
        error: LoadError,
        keep: bool,
    },
}

/// Entries before a first page of cards shows, without a prerendered page.
const FIRST_PAGE: usize = 24;

/// Loads the data, handing the shelf the papers as they arrive; a failure is an alert with a
/// Retry button, under which the papers that came stay.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    // The page prerendered at build time (with the number of cards it shows) has the default view: it stays, controls disabled,
    // until this app's own page replaces it (in the same frame, so nothing moves) with at least
    // as many papers. Any other view would show the wrong papers meanwhile, so it goes at once;
    // a `#id` keeps it, as the app brings its paper in once it arrives.
    let prerendered = prerendered_page();
    let prerendered_cards = prerendered
        .as_ref()
        .and_then(|page| page.get_attribute("data-cards")?.parse().ok())
        .unwrap_or(0);
    let showing_prerendered = RwSignal::new(prerendered.is_some());
    if view_from_address() != ViewState::default() {
        remove_prerendered(showing_prerendered);
    }
    Effect::new(move |_| {
        if matches!(
            state.get(),
            Load::Shelf(_) | Load::Failed { keep: false, .. }
        ) {
            remove_prerendered(showing_prerendered);
        }
    });
    let retries = RwSignal::new(0u32);
    // The shelf, once it shows, stays through a broken download and a Retry: only its catalog
    // and the download's state change, so the visitor's view and search stay as they are.
    let feed = move || match state.get_untracked() {
        Load::Shelf(feed) => Some(feed),
        _ => None,
    };
    let shown = move || feed().map_or(0, |f| f.catalog.with_untracked(|c| c.papers.len()));
    // A catalog takes the page only with more papers than it shows (a Retry's first snapshots
    // hold fewer), and the prerendered page's place only with as many as that shows.
    let publish = move |catalog: Catalog, arrival: Arrival| {
        let least = if showing_prerendered.get_untracked() {
            prerendered_cards.max(1)
        } else {
            shown() + 1
        };
        let complete = arrival == Arrival::Complete;
        if catalog.papers.len() < least && !complete {
            return;
        }
        match feed() {
            Some(feed) => {
                feed.catalog.set(Arc::new(catalog));
                feed.arrival.set(arrival);
            }
            None => state.set(Load::Shelf(Feed {
                catalog: RwSignal::new(Arc::new(catalog)),
                arrival: RwSignal::new(arrival),
                retries,
            })),
        }
    };
    let load = move || {
        match feed() {
            Some(feed) => feed.arrival.set(Arrival::Reading(Progress::default())),
            None => state.set(Load::Loading),
        }
        let cadence = Cadence {
            first_papers: if showing_prerendered.get_untracked() {
                prerendered_cards.max(1)
            } else {
                FIRST_PAGE
            },
            shown: showing_prerendered.get_untracked(),
        };
        spawn_local(async move {
            // The latest, for the shelf a first snapshot makes.
            let latest = StoredValue::new(Progress::default());
            let progress = move |progress| {
                latest.set_value(progress);
                if let Some(feed) = feed() {
                    feed.arrival.set(Arrival::Reading(progress));
                }
            };
            let snapshot = move |catalog| publish(catalog, Arrival::Reading(latest.get_value()));
            match load_catalog(cadence, progress, snapshot).await {
                Ok(catalog) => publish(catalog, Arrival::Complete),
                Err((error, partial)) => {
                    if let Some(partial) = partial {
                        let papers = partial.papers.len();
                        let broken = Arrival::Broken {
                            papers,
                            error: error.clone(),
                        };
                        publish(partial, broken.clone());
                    }
                    match feed() {
                        Some(feed) => feed.arrival.set(Arrival::Broken {
                            papers: shown(),
                            error,
                        }),
                        None => {
                            let keep = showing_prerendered.get_untracked()
                                && error == LoadError::Interrupted;
                            state.set(Load::Failed { error, keep });
                        }
                    }
                }
            }
        });
    };
    // The first load, and one for each Retry.
    Effect::new(move |_| {
        retries.track();
        load();
    });

    view! {
        <main
            class="page"
            aria-busy=move || {
                let busy = match state.get() {
                    Load::Loading => true,
                    Load::Shelf(feed) => feed.arrival.with(|a| matches!(a, Arrival::Reading(_))),
                    Load::Failed { .. } => false,
                };
                busy.to_string()
            }
            // The prerendered page hides (style/main.css) the moment this one shows anything:
            // in the same style change, so no frame, no accessibility tree and no test ever sees
            // both.
            // Nothing of its own yet under the prerendered page: not a second `main` landmark.
            hidden=move || matches!(state.get(), Load::Loading) && showing_prerendered.get()
            data-shown=move || {
                let waiting = match state.get() {
                    Load::Loading => showing_prerendered.get(),
                    Load::Failed { keep, .. } => keep,
                    Load::Shelf(_) => false,
                };
                (!waiting).then_some("")
            }
        >
            {move || match state.get() {
                Load::Loading if showing_prerendered.get() => ().into_any(),
                // Each state's view replaces the last one's (`Fresh`: none is updated in place).
                Load::Loading => Fresh(view! {
                    <h1>"Publications"</h1>
                    // Where focus waits after a Retry, as on the count it stands for.
                    <p class="loading" id=COUNT role="status" tabindex="-1">"Loading publications…"</p>
                })
                .into_any(),
                Load::Failed { error, keep } => Fresh(view! {
                    {(!keep).then(|| view! { <h1>"Publications"</h1> })}
                    <div class="alert" role="alert">
                        <h2>"The publications could not be shown"</h2>
                        <p>{error.to_string()}</p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |ev| {
                                // The alert goes as the file is read again: focus waits on the
                                // count (the prerendered page's, while that stays).
                                keep_focus(clicked(&ev), COUNT.to_owned());
                                retries.update(|n| *n += 1);
                            }
                        >
                            "Retry"
                        </button>
                    </div>
                })
                .into_any(),
                Load::Shelf(feed) => view! { <Shelf feed /> }.into_any(),
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
        let Some(page) = prerendered_page() else {
            return;
        };
        // Focus there (the count, where a Retry left it) goes to the same place in the app's
        // page rather than to `<body>` with the nodes.
        let focused = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .filter(|active| page.contains(Some(active)))
            .map(|active| active.id());
        page.remove();
        if let Some(next) = focused.as_deref().and_then(crate::browser::element) {
            let _ = next.focus();
        }
    });
}
