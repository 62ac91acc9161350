//! The shipped `public/publications.json` agrees with the page it was made from
//! (`tests/data/publications-page.txt`, see `tests/data/README.md`): same titles in the same order, the same
//! listed authors, abstracts healed of the scrape's "… (see more)" marker and otherwise unchanged.

use papershelf_core::Catalog;
use std::collections::HashSet;
use std::path::PathBuf;

const MARKER: &str = "… (see more)";

fn repo_file(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed names its code link in Markdown (`[`url`](url)`); the data keeps the URL as plain
/// text in the abstract and as a `code` link.
fn heal(seed_abstract: &str) -> String {
    let healed = seed_abstract.replace(MARKER, "");
    match (healed.find("[`"), healed.find("`]("), healed.rfind(')')) {
        (Some(open), Some(mid), Some(close)) if open < mid && mid < close => {
            format!(
                "{}{}{}",
                &healed[..open],
                &healed[mid + 3..close],
                &healed[close + 1..]
            )
        }
        _ => healed,
    }
}

#[test]
fn shipped_data_matches_the_seed_page() {
    let seed = repo_file("tests/data/publications-page.txt");
    let json: serde_json::Value =
        serde_json::from_str(&repo_file("public/publications.json")).unwrap();
    let papers = json["publications"].as_array().unwrap();
    assert_eq!(papers.len(), 12);

    let lines: Vec<&str> = seed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip(1)
        .collect();
    let mut at = 0;
    for paper in papers {
        let title = paper["title"].as_str().unwrap();
        assert_eq!(lines[at], title, "titles in the seed's order");
        at += 1;
        for author in paper["authors"].as_array().into_iter().flatten() {
            assert_eq!(lines[at], author.as_str().unwrap(), "authors of {title}");
            at += 1;
        }
        match paper["abstract"].as_str() {
            Some(text) => {
                assert_eq!(text, heal(lines[at]), "abstract of {title}");
                at += 1;
            }
            None => {
                let next_is_title = papers
                    .iter()
                    .any(|p| p["title"].as_str() == lines.get(at).copied());
                assert!(
                    at == lines.len() || next_is_title,
                    "{title} has an abstract in the seed"
                );
            }
        }
    }
    assert_eq!(at, lines.len(), "every line of the seed is accounted for");
    assert_eq!(
        seed.matches(MARKER).count(),
        9,
        "the seed cut nine abstracts"
    );
}

#[test]
fn markers_are_healed_inside_words() {
    let json = repo_file("public/publications.json");
    assert!(!json.contains("see more"));
    assert!(json.contains("in the latent space of an autoencoder"));
    assert!(json.contains("While soft mixtures of experts"));
    assert!(json.contains("Recently, Vaswani et al."));
    assert_eq!(
        heal("a laten… (see more)t space, see [`https://x.org/y`](https://x.org/y)."),
        "a latent space, see https://x.org/y."
    );
}

#[test]
fn shipped_data_is_clean_and_well_formed() {
    let text = repo_file("public/publications.json");
    let catalog = Catalog::from_json(&text).unwrap();
    assert_eq!(catalog.papers.len(), 12);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert!(
        catalog.top_level_problems.is_empty(),
        "{:?}",
        catalog.top_level_problems
    );
    assert!(catalog.description.is_some());
    // Every member wrote a paper here, under the name the data spells: the browser tests expect
    // each author of the file, as written, on its card.
    assert!(!catalog.members.is_empty());
    for member in &catalog.members {
        let author = member.author.expect("a member of the seed has papers");
        assert_eq!(catalog.author_name(author), member.name);
    }
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    for (paper, raw) in catalog
        .papers
        .iter()
        .zip(json["publications"].as_array().unwrap())
    {
        let shown: Vec<&str> = paper
            .authors
            .iter()
            .map(|&a| catalog.author_name(a))
            .collect();
        let written: Vec<&str> = raw["authors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(shown, written);
    }
    let ids: HashSet<&str> = catalog.papers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 12, "ids are unique");
    for id in ids {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id}"
        );
    }
    assert!(
        (6..=10).contains(&catalog.topics.len()),
        "a small topic vocabulary"
    );
    for paper in &catalog.papers {
        assert!(
            (1..=3).contains(&paper.topics.len()),
            "{}",
            paper.title.shown()
        );
    }
    let with_code: Vec<_> = catalog
        .papers
        .iter()
        .filter(|p| p.links.iter().any(|l| &*l.label == "code"))
        .collect();
    assert_eq!(with_code.len(), 1);
    assert_eq!(
        &*with_code[0].links[0].url,
        "https://github.com/zhixuan-lin/forgetting-transformer"
    );
}
