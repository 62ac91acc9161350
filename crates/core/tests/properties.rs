//! Properties that must hold for any input: URLs round-trip, garbage never panics, search never
//! grows when a term is added, highlighting never loses or reorders text.

use papershelf_core::{Catalog, FilterKind, Query, Sort, ViewState};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = String> {
    // Printable text including spaces, quotes, &, =, %, + and non-ASCII, trimmed as the URL reader does.
    "[ a-zA-Z0-9&=%+#?\"'éöÅ李-]{1,16}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("non-empty", |s| !s.is_empty())
}

fn state() -> impl Strategy<Value = ViewState> {
    (
        "[ a-zA-Z0-9&=%+#?\"éö-]{0,20}",
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        0..3usize,
    )
        .prop_map(|(query, authors, topics, years, sort)| {
            let mut state = ViewState {
                query: query.trim().to_owned(),
                sort: Sort::ALL[sort],
                ..ViewState::default()
            };
            for (kind, values) in [
                (FilterKind::Author, authors),
                (FilterKind::Topic, topics),
                (FilterKind::Year, years),
            ] {
                for v in values {
                    if !state.has(kind, &v) {
                        state.toggle(kind, &v);
                    }
                }
            }
            state
        })
}

fn sample_catalog() -> Catalog {
    Catalog::from_json(
        r#"[{"title":"Deep Réseaux","authors":["Zoë Ng","Al B"],"topics":["RL"],"year":2020,"abstract":"Graph nets on école data"},
            {"title":"Kernels","authors":["Al B"],"topics":["Kernels","rl"],"year":2019,"venue":"NeurIPS"},
            {"title":"Untitled thoughts"}]"#,
    )
    .unwrap()
}

proptest! {
    #[test]
    fn url_round_trips(state in state()) {
        prop_assert_eq!(ViewState::from_query(&state.to_query()), state);
    }

    #[test]
    fn any_query_string_is_a_view(garbage in any::<String>()) {
        let state = ViewState::from_query(&garbage);
        let again = ViewState::from_query(&state.to_query());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn any_search_is_safe_and_highlights_faithfully(q in any::<String>(), text in any::<String>()) {
        let query = Query::parse(&q);
        let runs = query.highlight(&text);
        let joined: String = runs.iter().map(|(s, _)| *s).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn adding_a_term_never_grows_the_result(q in "[a-zé ]{0,12}", extra in "[a-zé]{1,4}") {
        let catalog = sample_catalog();
        let base = ViewState { query: q.clone(), ..ViewState::default() };
        let narrower = ViewState { query: format!("{q} {extra}"), ..ViewState::default() };
        let wide = catalog.select(&base).shown;
        let narrow = catalog.select(&narrower).shown;
        prop_assert!(narrow.iter().all(|i| wide.contains(i)));
    }
}
