//! The vendored 10,059-paper corpus (`tests/data/conference-papers.json.br`) unpacks to what
//! `tests/data/README.md` says it is, the core reads every paper of it, and finds each one's
//! record in the file again.

use papershelf_core::bibtex::bibliography;
use papershelf_core::csl::csl_json;
use papershelf_core::math::parse_math;
use papershelf_core::record::own_bibtex;
use papershelf_core::rich::{rich_text, Inline};
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

/// How much of the corpus's math is shown as math. Every `$…$` span, paired as written, either
/// converts or is shown as its source; the span contents that fall back are almost all authors'
/// own macros (`\cO`, `\mat`, `\bx`), which no converter can know.
#[test]
fn nearly_all_corpus_math_converts() {
    let text = corpus::text();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (mut spans, mut converted, mut shown_as_math) = (0, 0, 0);
    for paper in doc["publications"].as_array().unwrap() {
        for field in ["title", "abstract"] {
            let Some(text) = paper[field].as_str() else {
                continue;
            };
            let pieces = split_at_dollars(text);
            // The odd pieces, but not a last one that no `$` closes.
            for i in (1..pieces.len().saturating_sub(1)).step_by(2) {
                spans += 1;
                converted += usize::from(parse_math(pieces[i]).is_some());
            }
            shown_as_math += count_math(&rich_text(text));
        }
    }
    eprintln!(
        "{converted} of {spans} $-spans convert; rich text shows {shown_as_math} math pieces"
    );
    assert_eq!(spans, 3_703);
    assert!(converted * 100 >= spans * 90, "{converted} of {spans}");
    assert!(
        shown_as_math * 100 >= spans * 85,
        "{shown_as_math} of {spans}"
    );
}

/// `text` cut at every `$` not escaped as `\$`: the odd pieces are math, as authors meant them.
fn split_at_dollars(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('$') {
        if !text[..i].ends_with('\\') {
            pieces.push(&text[start..i]);
            start = i + 1;
        }
    }
    pieces.push(&text[start..]);
    pieces
}

fn count_math(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Math { .. } => 1,
            Inline::Emph(inner) | Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                count_math(inner)
            }
            _ => 0,
        })
        .sum()
}
