//! A publication as a tool writes it into `publications.json`: the schema's fields, plain values.
//! The importer builds these and serde writes them; the site reads the same fields back through
//! [`crate::parse::RawPaper`], which is lenient where this is exact.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::kind::PaperType;
use crate::marks::MoreAuthors;

/// One entry of the `publications` list, in the schema's field order. Empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Publication {
    /// The permalink id: for an imported entry, its citation key.
    pub id: String,
    /// Never blank.
    pub title: String,
    /// The kind of publication.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub paper_type: Option<PaperType>,
    /// The authors, in order, each with the marks written on their name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Authors the list does not name: `true` ("et al."), or how many ("+11 more").
    #[serde(skip_serializing_if = "is_none")]
    pub et_al: MoreAuthors,
    /// The year of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where it appeared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// A short badge shown before the title (al-folio's `abbr`: "NeurIPS").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<String>,
    /// An award or distinction: "Best Paper Award", "Oral".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub award: Option<String>,
    /// One of the lab's selected papers.
    #[serde(skip_serializing_if = "is_false")]
    pub featured: bool,
    /// The abstract.
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<String>,
    /// Topics or keywords.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Label → URL, in order.
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// A thumbnail: an `https:` URL or a path relative to the site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// One line of the lab's own about the paper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the marks on this paper's authors mean, where it differs from the file's `marks`.
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub marks: Links,
    /// The entry's own BibTeX record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibtex: Option<String>,
}

/// An author as written into the file: the name alone (`"Ann Lee"`) or, with marks, an object
/// (`{"name": "Ann Lee", "marks": "*†"}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    /// The name without its marks.
    pub name: String,
    /// The marks written on the name (see [`crate::marks::MARKS`]), each once; often empty.
    pub marks: String,
}

impl From<&str> for Author {
    fn from(name: &str) -> Author {
        Author {
            name: name.to_owned(),
            marks: String::new(),
        }
    }
}

impl From<String> for Author {
    fn from(name: String) -> Author {
        Author {
            name,
            marks: String::new(),
        }
    }
}

impl PartialEq<&str> for Author {
    fn eq(&self, other: &&str) -> bool {
        self.marks.is_empty() && self.name == *other
    }
}

impl Serialize for Author {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.marks.is_empty() {
            return serializer.serialize_str(&self.name);
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("marks", &self.marks)?;
        map.end()
    }
}

impl Serialize for PaperType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl Serialize for MoreAuthors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            MoreAuthors::None => serializer.serialize_bool(false),
            MoreAuthors::Unknown => serializer.serialize_bool(true),
            MoreAuthors::Count(n) => serializer.serialize_u32(n),
        }
    }
}

fn is_none(more: &MoreAuthors) -> bool {
    !more.any()
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
            et_al: MoreAuthors::Unknown,
            year: Some(2017),
            venue: Some("NeurIPS".into()),
            abstract_text: Some("The dominant models…".into()),
            topics: vec!["attention".into()],
            links: Links(vec![
                ("pdf".into(), "https://x.org/a.pdf".into()),
                ("code".into(), "https://github.com/a/b".into()),
            ]),
            bibtex: Some("@misc{vaswani2017,\n  title = {Attention},\n}".into()),
            ..Publication::default()
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
        assert_eq!(authors, ["Ashish Vaswani", "Noam Shazeer"]);
        assert!(paper.et_al.any());
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
