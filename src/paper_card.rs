use leptos::prelude::*;
use papershelf_core::text::preview;
use papershelf_core::{Catalog, FilterKind, Filters, Paper};
use std::sync::Arc;

/// About three lines of a card's width.
const PREVIEW_CHARS: usize = 240;

/// One paper: title, authors and topics (each a filter button), venue and year, links, abstract.
#[component]
pub fn PaperCard(
    catalog: Arc<Catalog>,
    idx: u32,
    filters: RwSignal<Filters>,
    on_filter: Callback<(FilterKind, String)>,
) -> impl IntoView {
    let paper: &Paper = &catalog.papers[idx as usize];
    let id = paper.id.clone();
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let meta = [paper.venue.clone(), paper.year.map(|y| y.to_string())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");

    let authors = paper
        .authors
        .iter()
        .map(|&a| {
            let name = catalog.author_name(a).to_owned();
            let pressed = {
                let name = name.clone();
                move || filters.with(|f| f.authors.contains(&name)).to_string()
            };
            let value = name.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="author"
                        aria-pressed=pressed
                        on:click=move |_| on_filter.run((FilterKind::Author, value.clone()))
                    >
                        {name}
                    </button>
                </li>
            }
        })
        .collect_view();

    let topics = paper
        .topics
        .iter()
        .map(|&t| {
            let label = catalog.topic(t).label.clone();
            let pressed = {
                let catalog = catalog.clone();
                move || {
                    let selected =
                        filters.with(|f| f.topics.iter().any(|v| catalog.topic_id(v) == Some(t)));
                    selected.to_string()
                }
            };
            let value = label.clone();
            let data_topic = label.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="chip topic"
                        data-topic=data_topic
                        aria-pressed=pressed
                        on:click=move |_| on_filter.run((FilterKind::Topic, value.clone()))
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();

    let links = paper
        .links
        .iter()
        .map(|link| {
            view! {
                <li>
                    <a href=link.url.clone() rel="noopener noreferrer">
                        {link_label(&link.label)}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <article id=id.clone() class="paper" aria-labelledby=labelled_by>
            <h2 id=heading_id class="paper-title">{paper.title.clone()}</h2>
            {(!paper.authors.is_empty()).then(|| view! {
                <ul class="authors" aria-label="Authors">{authors}</ul>
            })}
            {(!meta.is_empty()).then(|| view! { <p class="meta">{meta}</p> })}
            {(!paper.topics.is_empty()).then(|| view! {
                <ul class="topics" aria-label="Topics">{topics}</ul>
            })}
            {paper.abstract_text.clone().map(|text| view! { <Abstract id=id.clone() text /> })}
            {(!paper.links.is_empty()).then(|| view! {
                <ul class="links" aria-label="Links">{links}</ul>
            })}
        </article>
    }
}

/// A collapsed preview with a toggle; short abstracts are shown whole, without one.
#[component]
fn Abstract(id: String, text: String) -> impl IntoView {
    let abstract_id = format!("{id}-abstract");
    let Some(short) = preview(&text, PREVIEW_CHARS) else {
        return view! { <p class="abstract" id=abstract_id>{text}</p> }.into_any();
    };
    let open = RwSignal::new(false);
    view! {
        <div class="abstract-block">
            <p class="abstract" id=abstract_id.clone() class:collapsed=move || !open.get()>
                {move || if open.get() { text.clone() } else { short.clone() }}
            </p>
            <button
                type="button"
                class="toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=abstract_id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { "Hide abstract" } else { "Show abstract" }}
            </button>
        </div>
    }
    .into_any()
}

/// Well-known link labels read better capitalized ("PDF", "Code"); others are shown as given.
fn link_label(label: &str) -> String {
    match label.to_ascii_lowercase().as_str() {
        "pdf" => "PDF".into(),
        "doi" => "DOI".into(),
        "arxiv" => "arXiv".into(),
        "code" => "Code".into(),
        "page" | "html" => "Page".into(),
        "video" => "Video".into(),
        "slides" => "Slides".into(),
        "poster" => "Poster".into(),
        _ => label.to_owned(),
    }
}
