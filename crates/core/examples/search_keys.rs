//! Times each key's search as a visitor types (each refining the last result with its
//! follow-ups), and the follow-ups worked out after it, in the corpus or the JSON file named on
//! the command line (a profiling aid).
use papershelf_core::{Catalog, FollowUpRun, Query, SearchResult, ViewState};
use std::time::Instant;

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).unwrap(),
        None => corpus::text(),
    };
    let catalog = Catalog::from_json(&text).unwrap();
    println!("each key: search ms / selection ms / follow-ups ms");
    for typed in ["variational inference", "reinforcement", "neural network"] {
        let mut previous = SearchResult::everything();
        let mut follow_ups = None;
        let mut selection = None;
        let mut line = String::new();
        for end in 1..=typed.len() {
            let query = Query::parse(&typed[..end]);
            let start = Instant::now();
            let result = catalog
                .start_search(query, Some(&previous), follow_ups.as_ref())
                .finish();
            let searched = start.elapsed();
            let start = Instant::now();
            let state = ViewState {
                query: typed[..end].to_string(),
                ..ViewState::default()
            };
            selection = Some(catalog.select_refined(&state, &result, selection.as_ref()));
            let selected = start.elapsed();
            let start = Instant::now();
            follow_ups = catalog.start_follow_ups(&result).map(FollowUpRun::finish);
            let followed = start.elapsed();
            line += &format!(
                "{}: {:.2}/{:.2}/{:.2}  ",
                &typed[..end],
                searched.as_secs_f64() * 1e3,
                selected.as_secs_f64() * 1e3,
                followed.as_secs_f64() * 1e3
            );
            previous = result;
        }
        println!("{line}");
    }
}
