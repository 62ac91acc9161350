//! The vendored 10,059-paper corpus (`tests/data/conference-papers.json.br`) unpacks to what
//! `tests/data/README.md` says it is, and the core reads every paper of it.

use papershelf_core::Catalog;
use std::collections::HashSet;

#[path = "../benches/corpus/mod.rs"]
mod corpus;

#[test]
fn the_vendored_corpus_is_the_one_described() {
    let text = corpus::text();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let papers = doc["publications"].as_array().unwrap();
    assert_eq!(papers.len(), 10_059);
    let authors: HashSet<&str> = papers
        .iter()
        .flat_map(|p| p["authors"].as_array().into_iter().flatten())
        .filter_map(|a| a.as_str())
        .collect();
    assert_eq!(authors.len(), 18_095);
    let with_topics = papers.iter().filter(|p| p["topics"].is_array()).count();
    assert_eq!(with_topics, 1_787);
    let without_abstract = papers.iter().filter(|p| p["abstract"].is_null()).count();
    assert_eq!(without_abstract, 19);

    let catalog = Catalog::from_json(&text).unwrap();
    assert_eq!(catalog.papers.len(), 10_059);
    assert_eq!(catalog.skipped(), 0);
}
