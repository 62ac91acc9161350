//! One Hugo Blox publication page (its front matter, and the `cite.bib` beside it) as a
//! publication of the schema. Every field read is marked, so that what was not used can be
//! named rather than dropped quietly.

use super::authors::{authors, People};
use super::front_matter::{at_path, scalar_text};
use super::links::{LinkList, RECORD};
use crate::markdown;
use papershelf_core::kind::PaperType;
use papershelf_core::publication::{Links, Publication};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The paper's `cite.bib`, already read: its entry type and what it imports as.
#[derive(Debug, Clone)]
pub struct Record {
    /// The record's type, as the BibTeX import reads its entry type.
    pub paper_type: PaperType,
    /// The entry as the BibTeX import maps it; `bibtex` always holds the record.
    pub publication: Publication,
}

/// A page as a publication, with what could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    /// The publication; its `id` is left for the caller, which knows the folder.
    pub publication: Publication,
    /// Values that were there but unusable, in words.
    pub warnings: Vec<String>,
    /// Front-matter fields present but not used, as dotted paths (`image.caption`).
    pub not_used: Vec<String>,
    /// Links that are paths within the site (`files/papers/x.pdf`): files to copy over.
    pub site_files: Vec<String>,
    /// Authors kept as profile slugs (`admin`), for want of a profile page or a record.
    pub slugs: Vec<String>,
}

/// Maps a page. `profile` gives the name on an author's profile page for a slug (`admin`);
/// `has_image` says the folder holds the featured image the front matter's `image` describes.
/// Fails only when there is no title anywhere.
pub fn map(
    fields: Map<String, Value>,
    record: Option<&Record>,
    profile: &mut dyn FnMut(&str) -> Option<String>,
    has_image: bool,
) -> Result<Mapped, String> {
    let mut f = Fields {
        map: fields,
        used: HashSet::new(),
    };
    let mut warnings = Vec::new();
    let bib = record.map(|r| &r.publication);
    // The page's title and abstract are Markdown; the record's are LaTeX, already the site's.
    let title = f
        .text("title")
        .map(|t| markdown::to_latex(&t))
        .or_else(|| bib.map(|b| b.title.clone()))
        .ok_or("there is no title")?;
    let People {
        authors,
        et_al,
        legend: marks,
        slugs,
    } = authors(&mut f, bib, profile, &mut warnings);
    let year = match f.get("date") {
        Some(date) => {
            let year = year_of(&date);
            if year.is_none() {
                warnings.push(format!("the date {date} has no year in it"));
            }
            year
        }
        None => None,
    }
    .or_else(|| bib.and_then(|b| b.year))
    .or_else(|| f.get("publishDate").as_ref().and_then(year_of));
    let paper_type = paper_type(&mut f, record, &mut warnings);
    let venue = f
        .text("publication")
        .map(|v| plain_venue(&v))
        .filter(|v| !v.is_empty())
        .or_else(|| bib.and_then(|b| b.venue.clone()));
    let badge = f
        .text("publication_short")
        .map(|v| plain_venue(&v))
        .filter(|v| !v.is_empty());
    let abstract_text = f
        .text("abstract")
        .or_else(|| f.text("summary"))
        .map(|a| markdown::to_latex(&line_breaks(&a)))
        .or_else(|| bib.and_then(|b| b.abstract_text.clone()));
    let mut topics = topics(f.get("tags"));
    if topics.is_empty() {
        topics = bib.map(|b| b.topics.clone()).unwrap_or_default();
    }
    // Hugo Blox's `featured` and Academic's `selected` both put a paper among the lab's own picks.
    let featured = [f.get("featured"), f.get("selected")]
        .iter()
        .flatten()
        .any(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"));
    let mut links = LinkList::default();
    links.read(&mut f);
    if let Some(bib) = bib {
        for (label, url) in &bib.links.0 {
            links.add(label, url, RECORD);
        }
    }
    if has_image {
        f.used.insert("image.filename".into());
    }
    warnings.append(&mut links.warnings);
    let publication = Publication {
        title,
        paper_type: Some(paper_type),
        authors,
        et_al,
        year,
        venue,
        badge,
        featured,
        abstract_text,
        topics,
        links: Links(links.links),
        marks: Links(marks),
        bibtex: bib.and_then(|b| b.bibtex.clone()),
        ..Publication::default()
    };
    Ok(Mapped {
        publication,
        warnings,
        not_used: f.not_used(),
        site_files: links.site_files,
        slugs,
    })
}

/// The front matter, with the paths read so far.
pub(super) struct Fields {
    pub(super) map: Map<String, Value>,
    pub(super) used: HashSet<String>,
}

impl Fields {
    /// The value at a dotted `path`, when it is not empty; the path counts as read either way.
    pub(super) fn get(&mut self, path: &str) -> Option<Value> {
        self.used.insert(path.to_owned());
        at_path(&self.map, path).filter(|v| !is_empty(v)).cloned()
    }

    /// A scalar at `path` as trimmed text, when there is some.
    pub(super) fn text(&mut self, path: &str) -> Option<String> {
        self.get(path)
            .as_ref()
            .and_then(scalar_text)
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    }

    /// Every non-empty value no read reached, by its dotted path.
    fn not_used(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.unread(&self.map, "", &mut out);
        out
    }

    fn unread(&self, map: &Map<String, Value>, prefix: &str, out: &mut Vec<String>) {
        for (key, value) in map {
            let path = format!("{prefix}{key}");
            if self.used.contains(&path) || is_empty(value) {
                continue;
            }
            match value {
                Value::Object(inner) => self.unread(inner, &format!("{path}."), out),
                _ => out.push(path),
            }
        }
    }
}

/// `''`, `[]`, `{}` and nothing at all: placeholders the templates leave, which carry nothing.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.iter().all(is_empty),
        Value::Object(map) => map.values().all(is_empty),
        _ => false,
    }
}

/// A list of scalars, or one scalar as a list of one.
pub(super) fn texts(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
        Some(value) => scalar_text(&value).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The year in a date as sites write it: `2024-02-21 00:00:00`, `'2022-01-25T00:00:00ZZ'`, a
/// TOML date, or a bare year.
pub fn year_of(value: &Value) -> Option<i32> {
    let text = scalar_text(value)?;
    let text = text.trim();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &text[digits..];
    (digits == 4 && (rest.is_empty() || rest.starts_with('-')))
        .then(|| text[..4].parse().ok())
        .flatten()
}

/// The type the page names, else the record's entry type, else `other`.
fn paper_type(f: &mut Fields, record: Option<&Record>, warnings: &mut Vec<String>) -> PaperType {
    let written = texts(f.get("publication_types"));
    if let Some(found) = written.iter().find_map(|t| hugo_type(t)) {
        return found;
    }
    if let Some(unknown) = written.first() {
        warnings.push(format!(
            "the publication type {:?} is not one Papershelf knows",
            unknown.trim()
        ));
    }
    record.map_or(PaperType::Other, |r| r.paper_type)
}

/// A `publication_types` value: Academic's numbered codes or a CSL type name.
pub fn hugo_type(value: &str) -> Option<PaperType> {
    use PaperType::*;
    Some(match value.trim().to_ascii_lowercase().as_str() {
        "0" | "8" | "patent" => Other,
        "1" | "paper-conference" => Conference,
        "2" | "article-journal" | "article-magazine" | "article-newspaper" => Article,
        // CSL's `article` is an article not (yet) in a journal: a preprint, as is a manuscript.
        "3" | "article" | "manuscript" => Preprint,
        "4" | "report" => Report,
        "5" | "book" => Book,
        "6" | "chapter" => Chapter,
        "7" | "thesis" => Thesis,
        "speech" => Talk,
        other => return PaperType::from_key(other),
    })
}

/// `In *Proceedings of CAV*` → `Proceedings of CAV`: Markdown emphasis and the templates' "In"
/// are the page's styling, not the venue's name.
pub fn plain_venue(written: &str) -> String {
    let plain: String = written.chars().filter(|&c| c != '*').collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    match plain.strip_prefix("In ") {
        Some(rest) => rest.trim().to_owned(),
        None => plain,
    }
}

/// An HTML line break in an abstract is a line break: the page shows text, never markup.
fn line_breaks(text: &str) -> String {
    ["<br />", "<br/>", "<br>"]
        .iter()
        .fold(text.to_owned(), |t, br| t.replace(br, "\n"))
}

/// Tags as a list, or as one string with `;` between them; without repeats.
fn topics(value: Option<Value>) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for tag in texts(value).iter().flat_map(|t| t.split(';')) {
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
        if !tag.is_empty() && !topics.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            topics.push(tag);
        }
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn years_from_every_date_sites_write() {
        for (date, year) in [
            (json!("2024-02-21 00:00:00"), Some(2024)),
            (json!("2022-01-25T00:00:00ZZ"), Some(2022)),
            (json!("2020-11-03T09:33:17.082Z"), Some(2020)),
            (json!("2018-02-01"), Some(2018)),
            (json!(2019), Some(2019)),
            (json!("soon"), None),
            (json!("20245-01-01"), None),
        ] {
            assert_eq!(year_of(&date), year, "{date}");
        }
    }

    #[test]
    fn legacy_codes_and_csl_names() {
        use PaperType::*;
        for (written, kind) in [
            ("0", Other),
            ("1", Conference),
            ("2 ", Article),
            ("3", Preprint),
            ("4", Report),
            ("5", Book),
            ("6", Chapter),
            ("7", Thesis),
            ("8", Other),
            ("paper-conference", Conference),
            ("article-journal", Article),
            ("article", Preprint),
            ("manuscript", Preprint),
            ("thesis", Thesis),
        ] {
            assert_eq!(hugo_type(written), Some(kind), "{written}");
        }
        assert_eq!(hugo_type("9"), None);
    }

    #[test]
    fn markdown_emphasis_is_the_sites_in_the_title_and_abstract_and_plain_in_notes() {
        let fields = json!({
            "title": "Learning *Fast* Heuristics for A* Search",
            "authors": ["Ada Lovelace", "Grace Hopper"],
            "author_notes": ["*Equal contribution*", "Did **all** the work"],
            "abstract": "We study __snake_case_names__ and *emphasis\nover two lines*; $a*b*c$ stays.",
        });
        let Value::Object(fields) = fields else {
            unreachable!()
        };
        let mapped = map(fields, None, &mut |_| None, false).unwrap();
        let p = mapped.publication;
        assert_eq!(p.title, "Learning \\emph{Fast} Heuristics for A* Search");
        assert_eq!(
            p.abstract_text.as_deref(),
            Some("We study \\textbf{snake_case_names} and \\emph{emphasis\nover two lines}; $a*b*c$ stays.")
        );
        assert_eq!(
            p.marks.0,
            [
                ("*".to_owned(), "Equal contribution".to_owned()),
                ("‡".to_owned(), "Did all the work".to_owned()),
            ],
            "the legend is plain text, and a known note is still known"
        );
    }

    #[test]
    fn venues_lose_their_styling() {
        assert_eq!(plain_venue("In *Proceedings of CAV*"), "Proceedings of CAV");
        assert_eq!(
            plain_venue("*Journal of Source Themes, 1*(1)"),
            "Journal of Source Themes, 1(1)"
        );
        assert_eq!(
            plain_venue("Innovations in\n  Theory"),
            "Innovations in Theory"
        );
    }
}
