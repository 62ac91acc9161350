//! How much of the file the shelf holds while it streams in: a progress bar counting the papers
//! as they arrive, and, if the download breaks off, an alert with a Retry that keeps what came.

use crate::browser::{clicked, keep_focus};
use crate::data::{LoadError, Progress};
use crate::fresh::Fresh;
use leptos::either::Either;
use leptos::prelude::*;
use papershelf_core::dom_id::COUNT;
use papershelf_core::text::count_label;
use papershelf_core::Catalog;
use std::sync::Arc;

/// Where the download stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    Reading(Progress),
    /// Broke off: the shelf holds what arrived, `papers` of them.
    Broken {
        papers: usize,
        error: LoadError,
    },
    Complete,
}

/// What the app hands the shelf: the newest catalog (replaced as snapshots of a file still
/// streaming in come, then by the whole), where the download stands, and a Retry to press.
#[derive(Clone, Copy)]
pub struct Feed {
    pub catalog: RwSignal<Arc<Catalog>>,
    pub arrival: RwSignal<Arrival>,
    /// Bumped by Retry: the app loads the file again.
    pub retries: RwSignal<u32>,
}

impl Feed {
    /// A catalog already whole (the prerender, paper pages).
    pub fn complete(catalog: Arc<Catalog>) -> Feed {
        Feed {
            catalog: RwSignal::new(catalog),
            arrival: RwSignal::new(Arrival::Complete),
            retries: RwSignal::new(0),
        }
    }
}

/// The progress bar while the file is read; the alert when it broke off.
#[component]
pub fn ArrivalNotice(feed: Feed) -> impl IntoView {
    let arrival = feed.arrival;
    move || match arrival.get() {
        Arrival::Complete => None,
        Arrival::Reading(progress) => Some(Fresh(Either::Left(reading(progress)))),
        Arrival::Broken { papers, error } => Some(Fresh(Either::Right(view! {
                <div class="alert" role="alert">
                    <h2>"The list is incomplete"</h2>
                    <p>
                        {count_label(papers, "paper", "papers")}
                        " arrived; the rest could not be loaded. "
                        {error.to_string()}
                    </p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |ev| {
                            // The alert goes as the file is read again: focus waits on the count.
                            keep_focus(clicked(&ev), COUNT.to_owned());
                            feed.retries.update(|n| *n += 1);
                        }
                    >
                        "Retry"
                    </button>
                </div>
        }))),
    }
}

/// "Reading… 42,000 papers" over a bar: of the file's bytes when its length is known, else
/// indeterminate with the count as its value. Not a live region: the list's count, which says
/// "so far", is announced as each snapshot comes.
fn reading(progress: Progress) -> impl IntoView {
    let papers = count_label(progress.papers, "paper", "papers");
    let (value, max) = match progress.total {
        Some(total) => (
            Some(progress.bytes.to_string()),
            Some(total.max(1).to_string()),
        ),
        None => (None, None),
    };
    view! {
        <div class="reading">
            <progress
                aria-label="Loading publications"
                aria-valuetext=format!("{papers} so far")
                value=value
                max=max
            ></progress>
            <p aria-hidden="true">"Reading… "{papers}</p>
        </div>
    }
}

/// The list's count: "so far" until every paper is in.
pub fn count_text(shown: usize, complete: bool) -> String {
    let count = count_label(shown, "publication", "publications");
    if complete {
        count
    } else {
        format!("{count} found so far")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_says_so_far_until_complete() {
        assert_eq!(count_text(1234, true), "1,234 publications");
        assert_eq!(count_text(1, false), "1 publication found so far");
    }
}
