//! Who wrote a paper: the page's author list with its profile slugs named and its notes as
//! marks, or the record's fuller list.

use super::paper::{texts, Fields};
use papershelf_core::marks::{default_meaning, pseudo_author, split_marks, MoreAuthors, MARKS};
use papershelf_core::publication::{Author, Publication};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Notes Hugo Blox's templates write under a name, and the mark each becomes. Other notes get
/// the marks left over, in order.
const KNOWN_NOTES: &[(&str, char)] = &[("equal contribution", '*'), ("corresponding author", '†')];

/// What the site around the section gives: its authors' profiles.
pub(super) struct Site {
    /// `content/authors/`, a page per author (Academic, Wowchemy, Hugo Blox before 2025).
    pages: PathBuf,
    /// `data/authors/`, a YAML file per author (Hugo Blox since 2025).
    data: PathBuf,
    names: HashMap<String, Option<String>>,
}

impl Site {
    pub(super) fn new(dir: &Path) -> Site {
        Site {
            pages: dir.join("..").join("authors"),
            data: dir.join("..").join("..").join("data").join("authors"),
            names: HashMap::new(),
        }
    }

    /// The name on the author's profile: `content/authors/SLUG/_index.md`'s `title`, or
    /// `data/authors/SLUG.yaml`'s `name.display` (or `name`).
    pub(super) fn profile(&mut self, slug: &str) -> Option<String> {
        let (pages, data) = (&self.pages, &self.data);
        let read = |path: PathBuf| std::fs::read_to_string(path).ok();
        self.names
            .entry(slug.to_owned())
            .or_insert_with(|| {
                let page = ["_index.md", "index.md"].iter().find_map(|page| {
                    let page =
                        super::front_matter::read(&read(pages.join(slug).join(page))?).ok()?;
                    name_in(&page.fields, &["title"])
                });
                page.or_else(|| {
                    ["yaml", "yml"].iter().find_map(|ext| {
                        let text = read(data.join(format!("{slug}.{ext}")))?;
                        let fields = super::front_matter::yaml_file(&text)?;
                        name_in(&fields, &["name.display", "name", "title"])
                    })
                })
            })
            .clone()
    }
}

/// The first of `paths` in a profile that holds a name.
fn name_in(fields: &Map<String, Value>, paths: &[&str]) -> Option<String> {
    paths.iter().find_map(|path| {
        let name = super::front_matter::scalar_text(super::front_matter::at_path(fields, path)?)?;
        Some(name.trim().to_owned()).filter(|n| !n.is_empty())
    })
}

/// A front-matter author: the name shown, and whether it is still a slug no profile page named.
struct Named {
    name: String,
    marks: String,
    slug: bool,
}

/// The paper's authors as the page and its record give them.
pub(super) struct People {
    pub(super) authors: Vec<Author>,
    /// Whether more are unnamed.
    pub(super) et_al: MoreAuthors,
    /// What the marks `author_notes` put on them mean.
    pub(super) legend: Vec<(String, String)>,
    /// Those still named by a profile slug.
    pub(super) slugs: Vec<String>,
}

/// The authors of the page, named by their profiles, or the record's when it names more.
pub(super) fn authors(
    f: &mut Fields,
    bib: Option<&Publication>,
    profile: &mut dyn FnMut(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> People {
    // The legend is shown as plain text: without Markdown emphasis.
    let notes: Vec<String> = texts(f.get("author_notes"))
        .iter()
        .map(|n| crate::markdown::plain(n))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
