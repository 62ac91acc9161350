//! `papershelf stats`: what a publications.json holds, and what it lacks, read with the site's
//! own rules (an alias counts as its member, a skipped entry is not counted).

use papershelf_core::text::{count_label, group_digits};
use papershelf_core::{Catalog, Paper};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many authors and topics are listed.
const TOP: usize = 10;
/// How many ids are named for each thing to fill in.
const NAMED: usize = 5;
/// The widest bar of the papers-per-year chart, in characters.
const BAR: usize = 40;

/// Whether a paper lacks something to fill in.
type Lacks = fn(&Paper) -> bool;

/// The summary, as printed.
pub fn summary(catalog: &Catalog) -> String {
    let papers = &catalog.papers;
    let mut out = String::new();
    let skipped = catalog.skipped();
    let _ = write!(
        out,
        "{}",
        count_label(papers.len(), "publication", "publications")
    );
    if skipped > 0 {
        let _ = write!(
            out,
            " ({} skipped: run `papershelf check`)",
            count_label(skipped, "entry", "entries")
        );
    }
    out.push('\n');

    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for year in papers.iter().filter_map(|p| p.year) {
        *per_year.entry(year).or_default() += 1;
    }
    if let Some(most) = per_year.values().max() {
        out.push_str("\nPapers per year\n");
        for (year, n) in per_year.iter().rev() {
            let bar = "█".repeat((n * BAR).div_ceil(*most));
            let _ = writeln!(out, "  {year}  {bar} {}", group_digits(*n));
        }
    }

    let mut authors = vec![0usize; catalog.authors.len()];
    let mut topics = vec![0usize; catalog.topics.len()];
    for paper in papers {
        paper.authors.iter().for_each(|&a| authors[a as usize] += 1);
        paper.topics.iter().for_each(|&t| topics[t as usize] += 1);
    }
    top(&mut out, "authors", &authors, |i| {
        catalog.author_name(i as u32)
    });
    top(&mut out, "topics", &topics, |i| &catalog.topics[i].label);

    out.push_str("\nTo fill in\n");
    let missing: [(&str, Lacks); 5] = [
        ("an abstract", |p| p.abstract_text.is_none()),
        ("links", |p| p.links.is_empty()),
        ("a year", |p| p.year.is_none()),
        ("authors", |p| p.authors.is_empty()),
        ("topics", |p| p.topics.is_empty()),
    ];
    for (what, lacks) in missing {
        let ids: Vec<&str> = papers
            .iter()
            .filter(|p| lacks(p))
            .map(|p| p.id.as_str())
            .collect();
        let _ = write!(out, "  without {what}: {}", group_digits(ids.len()));
        if !ids.is_empty() {
            let more = ids.len().saturating_sub(NAMED);
            let _ = write!(out, " ({}", ids[..ids.len().min(NAMED)].join(", "));
            if more > 0 {
                let _ = write!(out, ", and {} more", group_digits(more));
            }
            out.push(')');
        }
        out.push('\n');
    }
    out
}

/// The `TOP` most frequent of `counts` (ties in name order), under a heading.
fn top<'a>(out: &mut String, what: &str, counts: &[usize], name: impl Fn(usize) -> &'a str) {
    let mut ranked: Vec<(usize, &str)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| (n, name(i)))
        .collect();
    if ranked.is_empty() {
        return;
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let _ = writeln!(out, "\nTop {what} (of {})", group_digits(ranked.len()));
    let width = group_digits(ranked[0].0).len();
    for (n, name) in ranked.iter().take(TOP) {
        let _ = writeln!(out, "  {:>width$}  {name}", group_digits(*n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_tops_and_gaps() {
        let catalog = Catalog::from_json(
            br#"{"members": [{"name": "Ann Smith", "aliases": ["A. Smith"]}], "publications": [
                {"id": "a", "title": "A", "authors": ["Ann Smith", "Bo Li"], "year": 2020, "topics": ["RL"], "abstract": "x", "links": {"pdf": "https://x"}},
                {"id": "b", "title": "B", "authors": ["A. Smith"], "year": 2020, "topics": ["rl"]},
                {"id": "c", "title": "C", "year": 2018},
                {"title": 3}
            ]}"#,
        )
        .unwrap();
        let summary = summary(&catalog);
        assert_eq!(
            summary,
            "3 publications (1 entry skipped: run `papershelf check`)

Papers per year
  2020  ████████████████████████████████████████ 2
  2018  ████████████████████ 1

Top authors (of 2)
  2  Ann Smith
  1  Bo Li

Top topics (of 1)
  2  RL

To fill in
  without an abstract: 2 (b, c)
  without links: 2 (b, c)
  without a year: 0
  without authors: 1 (c)
  without topics: 1 (c)
"
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let papers: Vec<String> = (0..8)
            .map(|i| format!(r#"{{"id": "p{i}", "title": "T"}}"#))
            .collect();
        let catalog = Catalog::from_json(format!("[{}]", papers.join(",")).as_bytes()).unwrap();
        let summary = summary(&catalog);
        assert!(
            summary.contains("without a year: 8 (p0, p1, p2, p3, p4, and 3 more)"),
            "{summary}"
        );
        assert!(!summary.contains("Papers per year"));
    }
}
