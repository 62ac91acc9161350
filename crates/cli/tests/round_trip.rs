//! The 10,059-paper corpus written as BibTeX by the site's own Cite records, imported again:
//! titles, authors and years must come back as they were.

use papershelf_cli::{bibfile, map};
use papershelf_core::bibtex::generate;
use papershelf_core::Catalog;
use std::collections::HashMap;

#[path = "../../core/benches/corpus/mod.rs"]
mod corpus;

#[test]
fn the_corpus_survives_a_round_trip_through_bibtex() {
    let catalog = Catalog::from_json(corpus::text().as_bytes()).unwrap();
    let records: Vec<String> = (0..catalog.papers.len())
        .map(|i| generate(&catalog.papers[i], &catalog, &format!("p{i}")))
        .collect();
    let bib = records.join("\n");
    // Kept for `make bench`, which times the command on it.
    let kept = corpus::path().with_extension("bib");
    std::fs::write(&kept, &bib).unwrap_or_else(|e| panic!("{}: {e}", kept.display()));
    let read = bibfile::read(&[("corpus.bib".into(), bib)]);
    // The corpus lists some papers twice (as a poster and as an oral): the import says so.
    let problems: Vec<_> = read
        .diagnostics
        .iter()
        .filter(|d| !d.message.contains("the same paper twice?"))
        .collect();
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..3.min(problems.len())]
    );
    let imported: HashMap<String, _> = read
        .entries
        .iter()
        .filter_map(|e| Some((e.key.clone(), map::publication(e).ok()?.publication)))
        .collect();

    let total = catalog.papers.len();
    let (mut titles, mut authors, mut years) = (0, 0, 0);
    let mut examples: Vec<String> = Vec::new();
    for (i, paper) in catalog.papers.iter().enumerate() {
        let Some(back) = imported.get(&format!("p{i}")) else {
            examples.push(format!("p{i}: not imported"));
            continue;
        };
        let title = paper.title.shown();
        let names: Vec<&str> = paper
            .authors
            .iter()
            .map(|&a| catalog.author_name(a))
            .collect();
        if back.title == title {
            titles += 1;
        } else {
            examples.push(format!("title: {title:?} → {:?}", back.title));
        }
        if back.authors == names {
            authors += 1;
        } else {
            examples.push(format!("authors: {names:?} → {:?}", back.authors));
        }
        if back.year == paper.year {
            years += 1;
        } else {
            examples.push(format!("year: {:?} → {:?}", paper.year, back.year));
        }
    }
    let percent = |n: usize| 100.0 * n as f64 / total as f64;
    println!(
        "round trip of {total} papers: titles {:.2}%, authors {:.2}%, years {:.2}%",
        percent(titles),
        percent(authors),
        percent(years)
    );
    for example in examples.iter().take(40) {
        println!("  {example}");
    }
    for (what, n) in [("titles", titles), ("authors", authors), ("years", years)] {
        assert!(percent(n) >= 99.0, "{what}: {:.2}%", percent(n));
    }
}
