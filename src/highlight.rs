use leptos::prelude::*;
use papershelf_core::fold::Mapped;
use papershelf_core::Query;
use std::sync::{Arc, OnceLock};

/// `text`, with every match of the search wrapped in `<mark>`, as DOM nodes that follow the
/// search: the data is only ever text, never markup. The marked ranges are memoized, so a
/// keystroke that changes nothing in this text (most texts, most keys) leaves its nodes alone.
pub fn highlighted(text: String, query: Signal<Query>) -> AnyView {
    // Folded when first searched for, then kept: the text never changes, the query on every key.
    let text = Arc::new((text, OnceLock::new()));
    let runs = Memo::new({
        let text = text.clone();
        move |_| {
            let (text, folded) = &*text;
            query.with(|q| {
                q.highlight_folded(text, || folded.get_or_init(|| Mapped::new(text)))
                    .into_iter()
                    .map(|(run, hit)| {
                        (
                            run.as_ptr() as usize - text.as_ptr() as usize,
                            run.len(),
                            hit,
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    });
    (move || {
        runs.get()
            .into_iter()
            .map(|(at, len, hit)| {
                let run = text.0[at..at + len].to_owned();
                if hit {
                    view! { <mark>{run}</mark> }.into_any()
                } else {
                    run.into_any()
                }
            })
            .collect_view()
    })
    .into_any()
}
