//! One Hugo Blox publication page (its front matter, and the `cite.bib` beside it) as a
//! publication of the schema. Every field read is marked, so that what was not used can be
//! named rather than dropped quietly.

use super::front_matter::{at_path, scalar_text};
use papershelf_core::catalog::{is_safe_url, is_site_path};
use papershelf_core::kind::PaperType;
use papershelf_core::marks::{default_meaning, pseudo_author, split_marks, MoreAuthors, MARKS};
use papershelf_core::publication::{Author, Links, Publication};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The `url_*` fields Hugo Blox (and Academic before it) show as buttons, with their labels.
const URL_FIELDS: &[(&str, &str)] = &[
    ("url_pdf", "pdf"),
    ("url_preprint", "preprint"),
    ("url_code", "code"),
    ("url_dataset", "dataset"),
    ("url_project", "project"),
    ("url_slides", "slides"),
    ("url_video", "video"),
    ("url_poster", "poster"),
    ("url_source", "source"),
];

/// Where links from the paper's record come from, as warnings name it.
const RECORD: &str = "cite.bib";

/// Notes Hugo Blox's templates write under a name, and the mark each becomes. Other notes get
/// the marks left over, in order.
const KNOWN_NOTES: &[(&str, char)] = &[("equal contribution", '*'), ("corresponding author", '†')];

/// The paper's `cite.bib`, already read: its entry type and what it imports as.
#[derive(Debug, Clone)]
pub struct Record {
    /// The BibTeX entry type in lower case.
    pub kind: String,
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
    let title = f
        .text("title")
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
        .map(|a| line_breaks(&a))
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
struct Fields {
    map: Map<String, Value>,
    used: HashSet<String>,
}

impl Fields {
    /// The value at a dotted `path`, when it is not empty; the path counts as read either way.
    fn get(&mut self, path: &str) -> Option<Value> {
        self.used.insert(path.to_owned());
        at_path(&self.map, path).filter(|v| !is_empty(v)).cloned()
    }

    /// A scalar at `path` as trimmed text, when there is some.
    fn text(&mut self, path: &str) -> Option<String> {
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
fn texts(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
        Some(value) => scalar_text(&value).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A front-matter author: the name shown, and whether it is still a slug no profile page named.
struct Named {
    name: String,
    marks: String,
    slug: bool,
}

/// The paper's authors as the page and its record give them.
struct People {
    authors: Vec<Author>,
    /// Whether more are unnamed.
    et_al: MoreAuthors,
    /// What the marks `author_notes` put on them mean.
    legend: Vec<(String, String)>,
    /// Those still named by a profile slug.
    slugs: Vec<String>,
}

fn authors(
    f: &mut Fields,
    bib: Option<&Publication>,
    profile: &mut dyn FnMut(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> People {
    let notes = texts(f.get("author_notes"));
    let (legend, note_marks) = note_marks(&notes);
    let mut et_al = MoreAuthors::None;
    let mut named = Vec::new();
    for (i, written) in texts(f.get("authors")).iter().enumerate() {
        // ⓡ: the authors are in random order (the AEA's sign), between two names in one entry.
        for part in written.split('ⓡ').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, mut marks) = split_marks(part);
            if let Some(more) = pseudo_author(&name) {
                et_al = et_al.with(more);
                continue;
            }
            for mark in note_marks.get(i).into_iter().flat_map(|m| m.chars()) {
                if !marks.contains(mark) {
                    marks.push(mark);
                }
            }
            let slug = is_slug(&name);
            let (name, slug) = match slug.then(|| profile(&name)).flatten() {
                Some(full) => (full, false),
                None => (name, slug),
            };
            named.push(Named { name, marks, slug });
        }
    }
    let bib_authors = bib.map_or(&[][..], |b| &b.authors[..]);
    let only_slugs = !named.is_empty() && named.iter().all(|n| n.slug);
    // A lab's page often lists only its members, or slugs without profile pages: the record then
    // names the authors better, unless it names fewer (a record whose names did not split).
    let take_bib =
        bib_authors.len() > named.len() || (only_slugs && bib_authors.len() == named.len());
    let slugs = if take_bib {
        Vec::new()
    } else {
        named
            .iter()
            .filter(|n| n.slug)
            .map(|n| n.name.clone())
            .collect()
    };
    let authors = if take_bib {
        // The list taken says whether it is whole.
        et_al = bib.map_or(MoreAuthors::None, |b| b.et_al);
        let mut authors = bib_authors.to_vec();
        for n in named.iter().filter(|n| !n.marks.is_empty()) {
            match authors.iter_mut().find(|a| same_name(&a.name, &n.name)) {
                Some(author) => author.marks.push_str(&n.marks),
                None => warnings.push(format!(
                    "the marks on {} are left out: cite.bib's author list, used for its fuller names, does not name them",
                    n.name
                )),
            }
        }
        authors
    } else {
        named
            .into_iter()
            .map(|n| Author {
                name: n.name,
                marks: n.marks,
            })
            .collect()
    };
    if notes.iter().any(|n| !n.trim().is_empty()) && authors.iter().all(|a| a.marks.is_empty()) {
        warnings.push("author_notes has notes but no author to put them on".into());
    }
    let shown: String = authors.iter().map(|a| a.marks.as_str()).collect();
    let legend = legend
        .into_iter()
        .filter(|(mark, _)| shown.contains(mark.as_str()))
        .collect();
    People {
        authors,
        et_al,
        legend,
        slugs,
    }
}

/// Each note's mark, per author, and the legend: known notes get their usual mark, the others
/// the marks left, in the order first met. Notes beyond the marks there are share the last one.
fn note_marks(notes: &[String]) -> (Vec<(String, String)>, Vec<String>) {
    let mut legend: Vec<(String, String)> = Vec::new();
    let mut spare = MARKS
        .iter()
        .copied()
        .filter(|m| *m != '∗' && KNOWN_NOTES.iter().all(|(_, k)| k != m));
    let mut per_author = Vec::with_capacity(notes.len());
    for note in notes {
        let note = note.trim();
        if note.is_empty() {
            per_author.push(String::new());
            continue;
        }
        if let Some((mark, _)) = legend.iter().find(|(_, n)| n.eq_ignore_ascii_case(note)) {
            per_author.push(mark.clone());
            continue;
        }
        let known = KNOWN_NOTES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(note.trim_end_matches('.')))
            .map(|&(_, m)| m);
        let mark = known.or_else(|| spare.next()).unwrap_or('#');
        let meaning = match default_meaning(mark) {
            Some(usual) if known.is_some() => usual.to_owned(),
            _ => note.to_owned(),
        };
        legend.push((mark.to_string(), meaning));
        per_author.push(mark.to_string());
    }
    (legend, per_author)
}

/// `admin`, `ameni-kallel-chaari`: a profile's folder name rather than a person's name.
fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    key(a) == key(b)
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
    record.map_or(PaperType::Other, |r| bib_type(&r.kind))
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

/// A BibTeX entry type's kind of paper.
fn bib_type(kind: &str) -> PaperType {
    use PaperType::*;
    match kind {
        "article" => Article,
        "inproceedings" | "conference" => Conference,
        "book" | "mvbook" => Book,
        "incollection" | "inbook" => Chapter,
        "phdthesis" | "mastersthesis" | "thesis" => Thesis,
        "techreport" | "report" => Report,
        "unpublished" => Preprint,
        _ => Other,
    }
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

/// The links being gathered, without repeats, with what was left out and which are files of
/// the site.
#[derive(Default)]
struct LinkList {
    links: Vec<(String, String)>,
    warnings: Vec<String>,
    site_files: Vec<String>,
}

impl LinkList {
    /// Every link the front matter holds, in both of Hugo Blox's schemes and as identifiers.
    fn read(&mut self, f: &mut Fields) {
        match f.get("links") {
            Some(Value::Array(items)) => {
                for item in &items {
                    let text = |key: &str| item.get(key).and_then(scalar_text);
                    let label = text("type").or_else(|| text("name"));
                    match (label, text("url")) {
                        (Some(label), Some(url)) => self.add(label.trim(), &url, "links"),
                        (None, Some(url)) if !url.trim().is_empty() => {
                            self.add("link", &url, "links")
                        }
                        _ => {}
                    }
                }
            }
            Some(_) => self
                .warnings
                .push("links is not a list of links; left out".into()),
            None => {}
        }
        for &(field, label) in URL_FIELDS {
            if let Some(url) = f.text(field) {
                self.add(label, &url, field);
            }
        }
        // `slides: example` is the page's button to its deck, which Hugo builds at /slides/example/.
        if let Some(deck) = f.text("slides") {
            self.add("slides", &format!("slides/{deck}/"), "slides");
        }
        for field in ["doi", "hugoblox.ids.doi"] {
            if let Some(doi) = f.text(field) {
                self.add("doi", &doi_url(&doi), field);
            }
        }
        if let Some(id) = f.text("hugoblox.ids.arxiv") {
            let id = id.strip_prefix("arXiv:").unwrap_or(&id);
            self.add(
                "arxiv",
                &format!("https://arxiv.org/abs/{id}"),
                "hugoblox.ids.arxiv",
            );
        }
    }

    /// Adds one link: a web address, or a path within the site (Hugo serves `static/` at the
    /// site's root, so `/files/x.pdf` is `files/x.pdf` there). `#` is the templates' "no link".
    fn add(&mut self, label: &str, url: &str, field: &str) {
        let url = url.trim();
        // The record's links often repeat the page's (`url` beside `url_pdf`); the page's own
        // may share an address under two labels, as its buttons do.
        let repeated = |(l, u): &(String, String)| u == url && (l == label || field == RECORD);
        if url.is_empty() || url == "#" || self.links.iter().any(repeated) {
            return;
        }
        let url = match url.strip_prefix('/') {
            Some(path) if !path.starts_with('/') => path,
            _ => url,
        };
        let site_file = !is_safe_url(url) && is_site_path(url);
        if !is_safe_url(url) && !site_file {
            self.warnings.push(format!(
                "the {field} value {url:?} is neither a web address nor a path in the site; left out"
            ));
            return;
        }
        if site_file {
            self.site_files.push(url.to_owned());
        }
        // A second link with one label (two PDFs, say) is kept under a numbered label.
        let mut unique = label.to_owned();
        let mut n = 1;
        while self.links.iter().any(|(l, _)| *l == unique) {
            n += 1;
            unique = format!("{label} {n}");
        }
        self.links.push((unique, url.to_owned()));
    }
}

/// A DOI, bare or as an address, as its doi.org address.
fn doi_url(doi: &str) -> String {
    let lower = doi.to_ascii_lowercase();
    let bare = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
        .and_then(|rest| {
            ["doi.org/", "dx.doi.org/"]
                .iter()
                .find_map(|host| rest.strip_prefix(host))
        })
        .map_or_else(
            || doi.strip_prefix("doi:").unwrap_or(doi),
            |rest| &doi[doi.len() - rest.len()..],
        );
    format!("https://doi.org/{}", bare.trim())
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

    #[test]
    fn dois_bare_or_as_addresses() {
        for doi in [
            "10.1/x",
            "https://doi.org/10.1/x",
            "http://dx.doi.org/10.1/x",
            "doi:10.1/x",
        ] {
            assert_eq!(doi_url(doi), "https://doi.org/10.1/x", "{doi}");
        }
    }

    #[test]
    fn notes_become_marks_with_a_legend() {
        let notes: Vec<String> = [
            "Equal contribution",
            "equal contribution",
            "",
            "Joint last author",
            "Corresponding author",
        ]
        .map(String::from)
        .to_vec();
        let (legend, marks) = note_marks(&notes);
        assert_eq!(marks, ["*", "*", "", "‡", "†"]);
        assert_eq!(
            legend,
            [
                ("*".to_owned(), "Equal contribution".to_owned()),
                ("‡".to_owned(), "Joint last author".to_owned()),
                ("†".to_owned(), "Corresponding author".to_owned()),
            ]
        );
    }
}
