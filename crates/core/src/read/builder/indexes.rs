//! What is done once the whole file is in: the top-level fields validated, the members merged with
//! the authors they are, and the catalog's indexes built.

use super::{dedup, read_marks, CatalogBuilder};
use crate::catalog::FoldedNames;
use crate::fold::collapse_whitespace;
use crate::letters;
use crate::marks::{default_meaning, MARKS};
use crate::members::{member_key, Roster};
use crate::order::{alphabetical, low, pack, places};
use crate::paper::AuthorId;
use crate::parse::{Field, JsonKind, RawMembers};
use crate::problem::{wrong_type, TopLevelProblem};

impl CatalogBuilder {
    /// Validates the top-level fields, in the schema's order whatever the file's.
    pub(super) fn top_level(&mut self) {
        let problems = &mut self.catalog.top_level_problems;
        self.catalog.title = top_level_text(self.title.take(), "title", problems);
        self.catalog.description = top_level_text(self.description.take(), "description", problems);
        let roster = match self.members.take() {
            None | Some(Field::Wrong(JsonKind::Null)) => Roster::default(),
            Some(Field::Wrong(kind)) => {
                problems.push(TopLevelProblem {
                    path: "members".into(),
                    name: None,
                    message: wrong_type(kind, "a list of members such as {\"name\": \"…\"}"),
                });
                Roster::default()
            }
            Some(Field::Ok(RawMembers(raw))) => Roster::new(raw, problems),
        };
        self.catalog.members = roster.members;
        self.catalog.member_keys = roster.keys;
        let mut marks_problems = Vec::new();
        let meanings = read_marks(self.marks.take(), "marks", &mut marks_problems);
        self.catalog
            .top_level_problems
            .extend(
                marks_problems
                    .into_iter()
                    .map(|(path, message)| TopLevelProblem {
                        path,
                        name: None,
                        message,
                    }),
            );
        self.catalog.marks = MARKS
            .into_iter()
            .filter(|&mark| self.used_marks.contains(mark))
            .filter_map(|mark| {
                let given = meanings
                    .iter()
                    .find(|(m, _)| m.chars().eq([mark]))
                    .map(|(_, meaning)| meaning.clone());
                let meaning = given.or_else(|| default_meaning(mark).map(str::to_owned))?;
                Some((mark.to_string(), meaning))
            })
            .collect();
        // A mark nothing explains is a superscript a visitor cannot read.
        for mark in MARKS {
            let explained = self.catalog.marks.iter().any(|(m, _)| m.chars().eq([mark]));
            if self.unexplained_marks.contains(mark) && !explained {
                self.catalog.top_level_problems.push(TopLevelProblem {
                    path: "marks".into(),
                    name: None,
                    message: format!(
                        "authors carry the mark {mark}, which nothing explains: say what it means in \
                         \"marks\": {{\"{mark}\": \"…\"}} (the file's, or the paper's own); shown \
                         unexplained"
                    ),
                });
            }
        }
    }

    /// Makes the authors a member's name and aliases match one author, shown under the member's
    /// name, in the place of whichever spelling came first. Done once the whole file is in, as
    /// `members` may follow the publications. Returns every author's folded names.
    pub(super) fn merge_members(&mut self) -> FoldedNames {
        let c = &mut self.catalog;
        if c.members.is_empty() {
            return FoldedNames::new(c.authors.iter().map(String::as_str));
        }
        let mut new_ids: Vec<AuthorId> = Vec::with_capacity(c.authors.len());
        let mut authors = Vec::with_capacity(c.authors.len());
        let mut folded = Vec::with_capacity(c.authors.len());
        for name in std::mem::take(&mut c.authors) {
            let key = member_key(&name);
            let next = authors.len() as AuthorId;
            let Some(&m) = c.member_keys.get(&key) else {
                authors.push(name);
                folded.push(key);
                new_ids.push(next);
                continue;
            };
            let member = &mut c.members[m as usize];
            let id = match member.author {
                Some(id) => id,
                None => {
                    member.author = Some(next);
                    authors.push(member.name.clone());
                    folded.push(member.folded_names());
                    next
                }
            };
            new_ids.push(id);
            if name != member.name {
                c.other_spellings.insert(name, id);
            }
        }
        let merged = new_ids.len() != authors.len();
        if merged {
            for paper in &mut c.papers {
                let ids = paper.authors.iter().map(|&a| new_ids[a as usize]);
                paper.authors = dedup(ids).into();
                if let Some(extras) = &mut paper.extras {
                    // Two spellings of one member may both carry marks: the first keeps them.
                    let mut seen = Vec::new();
                    extras.author_marks.retain_mut(|(id, _)| {
                        *id = new_ids[*id as usize];
                        let first = !seen.contains(id);
                        seen.push(*id);
                        first
                    });
                }
            }
        }
        c.member_authors.clear();
        for (m, member) in c.members.iter().enumerate() {
            if let Some(id) = member.author {
                c.member_authors.push(pack(id, m as u32));
            }
        }
        c.member_authors.sort_unstable();
        c.authors = authors;
        FoldedNames::from_folded(folded.into_iter())
    }

    /// Everything searching, sorting and facet-finding need, computed once.
    pub(super) fn index(&mut self, folded_authors: FoldedNames) {
        let c = &mut self.catalog;
        c.folded_authors = folded_authors;
        c.authors_by_folded = alphabetical(
            &(0..c.authors.len() as AuthorId)
                .map(|id| c.folded_authors.get(id))
                .collect::<Vec<_>>(),
        );
        c.folded_topics = FoldedNames::new(c.topics.iter().map(|t| t.label.as_str()));
        c.authors_alphabetical =
            alphabetical(&c.authors.iter().map(String::as_str).collect::<Vec<_>>());
        c.topics_alphabetical = alphabetical(
            &c.topics
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
        );

        // The papers' own texts are in already (add_paper). Names are read again for each of
        // their papers: a table by author would be freed at once, but wasm memory keeps its
        // highest mark.
        for (p, sets) in c.papers.iter().zip(&mut c.letters) {
            let authors = p.authors.iter().map(|&a| c.folded_authors.get(a));
            let topics = p.topics.iter().map(|&t| c.folded_topics.get(t));
            for name in authors.chain(topics) {
                letters::add(sets, name);
            }
        }

        c.featured_papers = c.papers.iter().filter(|p| p.featured).count() as u32;
        c.typed_papers = c.papers.iter().filter(|p| p.paper_type.is_some()).count() as u32;

        let titles: Vec<&str> = c.papers.iter().map(|p| p.title.folded()).collect();
        let by_name = alphabetical(&titles);
        let title_places = places(&by_name);
        // Papers without a year go last in both chronological orders; a year's ties by title.
        let chronological = |newest_first: bool| {
            let mut keys: Vec<u64> = c
                .papers
                .iter()
                .zip(&title_places)
                .map(|(paper, &place)| {
                    let year = match paper.year {
                        None => u32::MAX,
                        Some(y) if newest_first => (i32::MAX - y) as u32,
                        Some(y) => y as u32,
                    };
                    pack(year, place)
                })
                .collect();
            keys.sort_unstable();
            keys.into_iter().map(|k| by_name[low(k) as usize]).collect()
        };
        let (newest, oldest) = (chronological(true), chronological(false));
        c.orders = [newest, oldest, by_name];
    }
}

/// The top-level `title` or `description`: text, whitespace collapsed; blank is none.
fn top_level_text(
    value: Option<Field<String>>,
    path: &str,
    problems: &mut Vec<TopLevelProblem>,
) -> Option<String> {
    match value? {
        Field::Ok(text) => Some(collapse_whitespace(&text)).filter(|t| !t.is_empty()),
        // As in an entry, `null` is how exporters write a missing value.
        Field::Wrong(JsonKind::Null) => None,
        Field::Wrong(kind) => {
            problems.push(TopLevelProblem {
                path: path.into(),
                name: None,
                message: wrong_type(kind, "text"),
            });
            None
        }
    }
}
