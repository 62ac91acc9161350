//! Validation: from what the file says ([`RawDocument`]) to what the page shows ([`Catalog`]).
//!
//! The rules are the site's and the checker's alike: an entry is shown when it is an object with a
//! non-blank text `title`; any other field of the wrong type is dropped with a problem noted; ids
//! are made unique and stable. Authors and topics are interned once here so that filtering and
//! counting work on small integers. The top-level fields (`title`, `description`, `members`) are
//! validated once the whole file is in, since they may come after the publications; that is also
//! when every spelling a member claims is merged into one author (see [`crate::members`]).

mod entry;
mod indexes;

use crate::catalog::Catalog;
use crate::fold::collapse_whitespace;
use crate::locate::key_path;
use crate::marks::MARKS;
use crate::paper::{AuthorId, Span};
use crate::parse::{EntrySink, Field, JsonKind, RawDocument, RawEntry, RawLinks, RawMembers};
use crate::problem::{wrong_type, Severity};
use crate::stream::{read_json, ReadError};
use crate::text::slug;
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// [`MARKS`] and [`PaperType::ALL`]'s keys as messages list them (tests hold them equal): written
/// out, they cost the site's bundle a string rather than the code that builds one.
const MARK_LIST: &str = "* † ‡ ∗ § #";
const TYPE_LIST: &str =
    "article, conference, workshop, preprint, book, chapter, thesis, report, talk, poster, other";

/// A paper's link that [`is_safe_link`] refuses, for messages.
const UNSAFE_LINK: &str =
    "only http:, https: and mailto: addresses and paths within the site become links; this one was not shown";

/// An image address that [`is_safe_image`] refuses, for messages.
const UNSAFE_IMAGE: &str =
    "only https: addresses and paths within the site are shown as images; this one was not shown";

/// Builds a catalog entry by entry (see [`EntrySink`]), as the site does while the file streams in.
#[derive(Default, Clone)]
pub struct CatalogBuilder {
    catalog: Catalog,
    /// The top-level fields as found (the last, if given twice), validated in `finish`.
    title: Option<Field<String>>,
    description: Option<Field<String>>,
    members: Option<Field<RawMembers>>,
    marks: Option<Field<RawLinks>>,
    /// Spelling counts per topic, to pick the most common one at the end.
    topic_spellings: Vec<Vec<(String, usize)>>,
    /// Every author's id by name as written: the names themselves, which `finish` moves into the
    /// catalog's list of authors (kept once while the file streams in, not twice).
    author_ids: HashMap<String, AuthorId, FxBuildHasher>,
    /// Entries still waiting for an id, and ids already given.
    needs_id: Vec<usize>,
    used_ids: HashSet<String, FxBuildHasher>,
    link_labels: HashSet<Arc<str>, FxBuildHasher>,
    /// Every mark some author carries, each once.
    used_marks: String,
    /// Marks some author carries on a paper whose own `marks` do not say what they mean.
    unexplained_marks: String,
    /// Entries read so far, to number problems.
    entries: usize,
}

impl EntrySink for CatalogBuilder {
    fn title(&mut self, title: Field<String>) {
        self.title = Some(title);
    }

    fn description(&mut self, description: Field<String>) {
        self.description = Some(description);
    }

    fn members(&mut self, members: Field<RawMembers>) {
        self.members = Some(members);
    }

    fn marks(&mut self, marks: Field<RawLinks>) {
        self.marks = Some(marks);
    }

    /// An entry of a document already read: without a span (see [`crate::Paper::span`]).
    fn entry(&mut self, entry: RawEntry) {
        self.entry_with_range(entry, 0..0);
    }

    fn entry_with_range(&mut self, entry: RawEntry, bytes: Range<u64>) {
        let n = self.entries;
        self.entries += 1;
        match entry {
            RawEntry::Other(kind) => self.problem(
                Severity::Skipped,
                n,
                None,
                "",
                format!(
                    "an entry must be an object with a title, but this is {}",
                    kind.describe()
                ),
            ),
            RawEntry::Unreadable(why) => self.problem(Severity::Skipped, n, None, "", why),
            RawEntry::Object(raw) => self.add_paper(n, *raw, Span::new(bytes)),
        }
    }
}

impl Catalog {
    /// Reads and validates a whole `publications.json` (text or bytes).
    pub fn from_json<J: AsRef<[u8]> + ?Sized>(json: &J) -> Result<Catalog, ReadError> {
        let mut builder = CatalogBuilder::default();
        read_json(json.as_ref(), &mut builder)?;
        Ok(builder.finish())
    }

    /// Validates a document already read (the site's first page, tests).
    pub fn from_document(doc: RawDocument) -> Catalog {
        let mut builder = CatalogBuilder::default();
        if let Some(title) = doc.title {
            builder.title(title);
        }
        if let Some(description) = doc.description {
            builder.description(description);
        }
        if let Some(members) = doc.members {
            builder.members(members);
        }
        if let Some(marks) = doc.marks {
            builder.marks(marks);
        }
        for entry in doc.entries {
            builder.entry(entry);
        }
        builder.finish()
    }
}

impl CatalogBuilder {
    /// A builder with room for `papers` papers from the start, when the file's count is known
    /// beforehand (the site's build writes it into the page). The lists then never grow by
    /// doubling: no copy of them, and no empty room, while the file streams in. Room that cannot
    /// be had (a count no file could hold) is not made: the lists grow as the papers come.
    pub fn with_capacity(papers: usize) -> CatalogBuilder {
        let mut builder = CatalogBuilder::default();
        let catalog = &mut builder.catalog;
        if catalog.papers.try_reserve_exact(papers).is_err()
            || catalog.letters.try_reserve_exact(papers).is_err()
        {
            catalog.papers = Vec::new();
            catalog.letters = Vec::new();
        }
        builder
    }

    /// The catalog of the entries added so far, while more may follow: searchable as it is, but
    /// a title-made id can still change (a later entry may claim it) and so can a topic's
    /// spelling. The builder goes on unchanged.
    pub fn snapshot(&self) -> Catalog {
        self.clone().finish()
    }

    /// The catalog of every entry added: spellings chosen, ids made, indexes built.
    pub fn finish(mut self) -> Catalog {
        // The lists grew by doubling: their empty room (up to half) is given back before the
        // indexes are built, so that these reuse it. Wasm memory keeps its highest mark.
        self.catalog.papers.shrink_to_fit();
        self.catalog.letters.shrink_to_fit();
        let mut authors = Vec::new();
        authors.resize_with(self.author_ids.len(), String::new);
        for (name, id) in std::mem::take(&mut self.author_ids) {
            authors[id as usize] = name;
        }
        self.catalog.authors = authors;
        for (topic, spellings) in self.catalog.topics.iter_mut().zip(&self.topic_spellings) {
            // Most common spelling; the first seen wins a tie (max_by_key keeps the last maximum).
            if let Some((label, _)) = spellings.iter().rev().max_by_key(|(_, count)| *count) {
                topic.label = label.clone();
            }
        }
        self.top_level();
        let folded_authors = self.merge_members();
        self.index(folded_authors);
        for idx in std::mem::take(&mut self.needs_id) {
            let base = slug(&self.catalog.papers[idx].title.shown());
            let mut id = base.clone();
            let mut n = 2;
            while self.used_ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            self.used_ids.insert(id.clone());
            self.catalog.papers[idx].id = id;
        }
        self.catalog
    }
}

/// A `marks` object (the file's or a paper's): mark → meaning, where each key is one of
/// [`MARKS`] and each meaning is text. What cannot be used is a (path, message) in `problems`.
fn read_marks(
    value: Option<Field<RawLinks>>,
    path: &str,
    problems: &mut Vec<(String, String)>,
) -> Vec<(String, String)> {
    let raw = match value {
        None | Some(Field::Wrong(JsonKind::Null)) => return Vec::new(),
        Some(Field::Wrong(kind)) => {
            let what = "an object of mark → meaning, such as {\"*\": \"Equal contribution\"}";
            problems.push((path.into(), wrong_type(kind, what)));
            return Vec::new();
        }
        Some(Field::Ok(RawLinks(raw))) => raw,
    };
    let mut marks = Vec::new();
    for (mark, meaning) in raw {
        let field = key_path(path, &mark);
        let symbol = mark.as_str();
        let mut chars = symbol.chars();
        let one_mark =
            matches!((chars.next(), chars.next()), (Some(c), None) if MARKS.contains(&c));
        match meaning {
            _ if !one_mark => {
                problems.push((field, format!("a mark is one of {MARK_LIST}; ignored")));
            }
            Field::Ok(meaning) => {
                let meaning = collapse_whitespace(&meaning);
                if !meaning.is_empty() {
                    marks.push((symbol.to_owned(), meaning));
                }
            }
            Field::Wrong(kind) => problems.push((field, wrong_type(kind, "text"))),
        }
    }
    marks
}

fn dedup<I: IntoIterator<Item = u32>>(ids: I) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests;
