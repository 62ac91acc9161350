//! The vendored 10,059-paper corpus (`tests/data/conference-papers.json.br`) unpacks to what
//! `tests/data/README.md` says it is, the core reads every paper of it, and finds each one's
//! record in the file again.

use papershelf_core::bibtex::bibliography;
use papershelf_core::csl::csl_json;
use papershelf_core::record::own_bibtex;
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

/// Ten thousand real entries, each found again by its span: its BibTeX is the file's. Made
/// records of all of them have distinct keys, and the CSL-JSON reads back as one item a paper.
#[test]
fn every_papers_record_is_read_back_from_the_file() {
    let text = corpus::text();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let raw = doc["publications"].as_array().unwrap();
    let catalog = Catalog::from_json(&text).unwrap();
    assert_eq!(catalog.papers.len(), raw.len());
    let mut with_bibtex = 0;
    for (paper, raw) in catalog.papers.iter().zip(raw) {
        let expected = raw["bibtex"].as_str().map(str::trim);
        assert_eq!(own_bibtex(text.as_bytes(), paper).as_deref(), expected);
        with_bibtex += usize::from(expected.is_some());
    }
    assert!(with_bibtex > 10_000, "{with_bibtex}");

    let all: Vec<u32> = (0..catalog.papers.len() as u32).collect();
    let made = bibliography(&all, &catalog, None::<&[u8]>);
    let keys: HashSet<&str> = made
        .lines()
        .filter_map(|line| line.strip_prefix('@')?.split_once('{')?.1.strip_suffix(','))
        .collect();
    assert_eq!(keys.len(), all.len());
    let csl: serde_json::Value = serde_json::from_str(&csl_json(&all, &catalog)).unwrap();
    assert_eq!(csl.as_array().unwrap().len(), all.len());
}
