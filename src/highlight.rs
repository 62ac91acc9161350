use leptos::prelude::*;
use papershelf_core::Query;

/// `text` with every match of the search wrapped in `<mark>`, built as DOM nodes: the data is
/// only ever text, never markup.
pub fn highlighted(text: &str, query: &Query) -> AnyView {
    marked(
        query
            .highlight(text)
            .into_iter()
            .map(|(run, hit)| (run.to_owned(), hit)),
    )
}

fn marked(runs: impl Iterator<Item = (String, bool)>) -> AnyView {
    runs.map(|(run, matched)| {
        if matched {
            view! { <mark>{run}</mark> }.into_any()
        } else {
            run.into_any()
        }
    })
    .collect_view()
    .into_any()
}
