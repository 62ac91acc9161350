//! CSL-JSON for Export: the format Zotero and Mendeley import and citeproc formats.
//!
//! One item per paper, of the paper's type (see [`crate::kind::PaperType::csl_type`]); without
//! one, a `paper-conference` when it has a venue and an `article` otherwise.
//! Names are split as [`Name`] does; the family name keeps its particle ("van Beethoven"), which
//! every importer keeps, where a separate `non-dropping-particle` is dropped by some. "et al."
//! is left out: CSL styles add it themselves.

use crate::catalog::{Catalog, Paper, PaperIdx};
use crate::links::{cited_url, doi};
use crate::name::Name;
use serde::Serialize;

/// A CSL item, fields in the order they are written.
#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<String>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_text: Option<String>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    doi: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
}

/// A CSL name: a person's family and given names, or a literal one.
#[derive(Serialize, Default)]
struct CslName {
    #[serde(skip_serializing_if = "String::is_empty")]
    family: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    given: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    suffix: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    literal: String,
}

/// A CSL date: the year only.
#[derive(Serialize)]
struct Date {
    #[serde(rename = "date-parts")]
    date_parts: [[i32; 1]; 1],
}

/// The papers as a CSL-JSON array, in the order given: pretty-printed, ending with a newline.
pub fn csl_json(papers: &[PaperIdx], catalog: &Catalog) -> String {
    let items: Vec<Item> = papers
        .iter()
        .map(|&idx| item(&catalog.papers[idx as usize], catalog))
        .collect();
    // Strings and numbers only: serializing them cannot fail.
    let mut json = serde_json::to_string_pretty(&items).unwrap_or_default();
    json.push('\n');
    json
}

fn item<'a>(paper: &'a Paper, catalog: &Catalog) -> Item<'a> {
    let topics: Vec<&str> = paper
        .topics
        .iter()
        .map(|&id| catalog.topic(id).label.as_str())
        .collect();
    let venue = paper.venue.as_ref().map(|v| v.shown());
    let publishes = paper.paper_type.is_some_and(|t| t.venue_is_publisher());
    Item {
        id: &paper.id,
        kind: match paper.paper_type {
            Some(paper_type) => paper_type.csl_type(),
            None if paper.venue.is_some() => "paper-conference",
            None => "article",
        },
        title: paper.title.shown(),
        author: paper
            .authors
            .iter()
            .filter_map(|&id| name(Name::parse(catalog.author_name(id))))
            .collect(),
        issued: paper.year.map(|year| Date {
            date_parts: [[year]],
        }),
        // A thesis's school, a report's institution and a book's publisher publish it; other
        // venues contain it (as the BibTeX record's field says: `school`, `booktitle`…).
        container_title: venue.clone().filter(|_| !publishes),
        publisher: venue.filter(|_| publishes),
        abstract_text: paper.abstract_text.as_ref().map(|a| a.shown()),
        url: cited_url(paper),
        doi: doi(paper),
        keyword: (!topics.is_empty()).then(|| topics.join(", ")),
    }
}

fn name(name: Name) -> Option<CslName> {
    match name {
        Name::Person {
            given,
            family,
            suffix,
        } => Some(CslName {
            family,
            given,
            suffix,
            ..CslName::default()
        }),
        Name::Literal(literal) => Some(CslName {
            literal,
            ..CslName::default()
        }),
        Name::Others => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_paper_has_its_csl_type() {
        let c = Catalog::from_json(
            r#"[{"title": "A", "type": "article"}, {"title": "B", "type": "preprint", "venue": "arXiv"}, {"title": "C", "venue": "ICML"}]"#,
        )
        .unwrap();
        let items: Vec<serde_json::Value> =
            serde_json::from_str(&csl_json(&[0, 1, 2], &c)).unwrap();
        let types: Vec<&str> = items.iter().map(|i| i["type"].as_str().unwrap()).collect();
        assert_eq!(types, ["article-journal", "article", "paper-conference"]);
        // Found in review: a thesis's school was its container.
        let c =
            Catalog::from_json(r#"[{"title": "T", "type": "thesis", "venue": "MIT"}]"#).unwrap();
        let item: serde_json::Value = serde_json::from_str(&csl_json(&[0], &c)).unwrap();
        assert_eq!(
            (
                item[0]["publisher"].as_str(),
                item[0].get("container-title")
            ),
            (Some("MIT"), None)
        );
    }

    #[test]
    fn items_say_what_the_page_shows() {
        let c = Catalog::from_json(
            r#"[{
                "id": "noisy",
                "title": "Noisy  Activation \"Functions\"\n}",
                "authors": ["Çağlar Gülçehre", "Ludwig van Beethoven", "King, Jr., Martin",
                    "Google", "The ATLAS Collaboration", "et al."],
                "year": 2016,
                "venue": "ICML",
                "abstract": "Common <b>nonlinear</b>\n activation functions",
                "topics": ["deep learning", "activation functions"],
                "links": {"pdf": "https://x.org/a.pdf", "doi": "https://doi.org/10.1/abc"}
            }, {"title": "Bare", "year": null, "topics": []}]"#,
        )
        .unwrap();
        assert_eq!(
            csl_json(&[0, 1], &c),
            r#"[
  {
    "id": "noisy",
    "type": "paper-conference",
    "title": "Noisy Activation \"Functions\" }",
    "author": [
      {
        "family": "Gülçehre",
        "given": "Çağlar"
      },
      {
        "family": "van Beethoven",
        "given": "Ludwig"
      },
      {
        "family": "King",
        "given": "Martin",
        "suffix": "Jr."
      },
      {
        "literal": "Google"
      },
      {
        "literal": "The ATLAS Collaboration"
      }
    ],
    "issued": {
      "date-parts": [
        [
          2016
        ]
      ]
    },
    "container-title": "ICML",
    "abstract": "Common <b>nonlinear</b> activation functions",
    "URL": "https://x.org/a.pdf",
    "DOI": "10.1/abc",
    "keyword": "deep learning, activation functions"
  },
  {
    "id": "bare",
    "type": "article",
    "title": "Bare"
  }
]
"#
        );
        assert_eq!(csl_json(&[], &c), "[]\n");
    }

    #[test]
    fn what_is_written_reads_back_as_the_same_text() {
        let hostile = "a\\\"b}\u{7f}</script>";
        let json = serde_json::json!([{ "title": hostile, "authors": [hostile] }]).to_string();
        let c = Catalog::from_json(&json).unwrap();
        let items: serde_json::Value = serde_json::from_str(&csl_json(&[0], &c)).unwrap();
        assert_eq!(items[0]["title"], hostile);
        assert_eq!(items[0]["author"][0]["literal"], hostile);
    }
}
