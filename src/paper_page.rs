//! A paper's own page, which the prerender writes for every paper (`src/bin/prerender/pages.rs`):
//! the paper's card as the listing shows it, whole, then its BibTeX, and the way back to the
//! listing. Static HTML: the site's app never runs here, so this module is not in its bundle.

use crate::arrival::Feed;
use crate::context::ShelfContext;
use crate::paper_card::{OwnPage, PaperCard};
use crate::shelf::marks_legend;
use leptos::prelude::*;
use papershelf_core::url::encode_component;
use papershelf_core::{Catalog, ViewState};
use std::sync::Arc;

/// The shared state the cards of paper pages read: one for every page of a build, so that a
/// page costs its card alone.
pub fn provide_page_context(catalog: Arc<Catalog>) {
    provide_context(ShelfContext::new(
        Feed::complete(catalog),
        ViewState::default(),
    ));
    provide_context(OwnPage);
}

/// The page of paper `idx`, its BibTeX record given (the one Cite shows on the listing). Needs
/// [`provide_page_context`] above it.
#[component]
pub fn PaperPage(idx: u32, bibtex: String) -> impl IntoView {
    let catalog = expect_context::<ShelfContext>().catalog();
    let paper = &catalog.papers[idx as usize];
    let lab = catalog.page_title().to_owned();
    // Relative to the page's `<base>`, the site's root: the listing, at the paper's card.
    let in_list = format!("./#{}", encode_component(&paper.id));
    // What the marks on its authors' names mean, as the listing says above its cards.
    let marked = paper
        .extras
        .as_ref()
        .is_some_and(|e| !e.author_marks.is_empty());
    let legend = marked.then(|| marks_legend(&catalog)).flatten();
    view! {
        <header class="masthead paper-masthead">
            <p class="site-name"><a href="./">{lab}</a></p>
            <p class="back"><a href=in_list>"← Back to this paper in the list"</a></p>
            {legend}
        </header>
        <PaperCard idx grouped=false />
        <section class="paper-bibtex" aria-labelledby="bibtex-heading">
            <h2 id="bibtex-heading">"BibTeX"</h2>
            <pre class="bibtex"><code id="bibtex-record">{bibtex}</code></pre>
            // Shown by paper-page.js: without JavaScript the record is there to select.
            <button type="button" class="link-button" id="copy-bibtex" hidden>"Copy BibTeX"</button>
            <span id="copy-status" class="visually-hidden" role="status"></span>
        </section>
    }
}
