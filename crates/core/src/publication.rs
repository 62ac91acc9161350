//! A publication as a tool writes it into `publications.json`: the schema's fields, plain values.
//! The importer builds these and serde writes them; the site reads the same fields back through
//! [`crate::parse::RawPaper`], which is lenient where this is exact.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// One entry of the `publications` list, in the schema's field order. Empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Publication {
    /// The permalink id: for an imported entry, its citation key.
    pub id: String,
    /// Never blank.
    pub title: String,
    /// "Given Family" names, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The list names only some of the authors.
    #[serde(skip_serializing_if = "is_false")]
    pub et_al: bool,
    /// The year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where it appeared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The abstract.
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<String>,
    /// Topics or keywords.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Label → URL, in order.
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The entry's own BibTeX record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibtex: Option<String>,
}

/// Links in the order they are shown: a JSON object whose keys keep this order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links(pub Vec<(String, String)>);

impl Links {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Links {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (label, url) in &self.0 {
            map.serialize_entry(label, url)?;
        }
        map.end()
    }
}

fn is_false(flag: &bool) -> bool {
    !flag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    #[test]
    fn the_site_reads_back_what_is_written() {
        let written = Publication {
            id: "vaswani2017".into(),
            title: "Attention Is All You Need".into(),
            authors: vec!["Ashish Vaswani".into(), "Noam Shazeer".into()],
            et_al: true,
            year: Some(2017),
            venue: Some("NeurIPS".into()),
            abstract_text: Some("The dominant models…".into()),
            topics: vec!["attention".into()],
            links: Links(vec![
                ("pdf".into(), "https://x.org/a.pdf".into()),
                ("code".into(), "https://github.com/a/b".into()),
            ]),
            bibtex: Some("@misc{vaswani2017,\n  title = {Attention},\n}".into()),
        };
        let json = serde_json::to_string(&[&written]).unwrap();
        let catalog = Catalog::from_json(json.as_bytes()).unwrap();
        assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        let paper = &catalog.papers[0];
        assert_eq!(paper.id, written.id);
        assert_eq!(paper.title.shown(), written.title);
        let authors: Vec<_> = paper
            .authors
            .iter()
            .map(|&a| catalog.author_name(a))
            .collect();
        assert_eq!(authors, written.authors);
        assert!(paper.et_al);
        assert_eq!(paper.year, written.year);
        assert_eq!(paper.venue.as_ref().map(|v| v.shown()), written.venue);
        let labels: Vec<_> = paper.links.iter().map(|l| &*l.label).collect();
        assert_eq!(labels, ["pdf", "code"]);
    }

    #[test]
    fn empty_fields_are_left_out() {
        let json = serde_json::to_string(&Publication {
            id: "a".into(),
            title: "T".into(),
            ..Publication::default()
        })
        .unwrap();
        assert_eq!(json, r#"{"id":"a","title":"T"}"#);
    }
}
