//! Any bytes as publications.json: reading, validating, locating problems, searching and
//! counting facets must never panic, and every shown paper must have a unique id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papershelf_core::locate::Locations;
use papershelf_core::{Catalog, FilterKind, ViewState};
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(catalog) = Catalog::from_json(text) else { return };
    let ids: HashSet<&str> = catalog.papers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), catalog.papers.len());
    let locations = Locations::new(text, 4);
    for problem in &catalog.problems {
        let _ = locations.position(&locations.entry_path(problem.entry));
    }
    // Use the text itself as a search and a facet value too.
    let query: String = text.chars().take(24).collect();
    let mut state = ViewState { query: query.clone(), ..ViewState::default() };
    state.toggle(FilterKind::Topic, &query);
    let sel = catalog.select(&state);
    for kind in [FilterKind::Author, FilterKind::Topic, FilterKind::Year] {
        let _ = catalog.facet(kind, &state, &sel, &query, 5);
    }
    for &idx in sel.shown.iter().take(5) {
        let paper = &catalog.papers[idx as usize];
        let _ = papershelf_core::Query::parse(&query).highlight_text(&paper.title);
    }
});
