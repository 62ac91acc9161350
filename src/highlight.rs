use leptos::prelude::*;
use papershelf_core::Query;

/// `text`, with every match of the search wrapped in `<mark>`, as DOM nodes that follow the
/// search: the data is only ever text, never markup. The marked ranges are memoized, so a
/// keystroke that changes nothing in this text (most texts, most keys) leaves its nodes alone.
pub fn highlighted(text: String, query: Signal<Query>) -> AnyView {
    let text = StoredValue::new(text);
    let runs = Memo::new(move |_| {
        text.with_value(|text| {
            query.with(|q| {
                q.highlight(text)
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
        })
    });
    (move || {
        runs.get()
            .into_iter()
            .map(|(at, len, hit)| {
                let run = text.with_value(|t| t[at..at + len].to_owned());
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
