//! The catalog: every paper that can be shown, with its authors, topics and members interned and
//! indexed, and the lookups the page makes in it. How one is built from the file, and the rules
//! it is validated by, are in [`crate::builder`].

use crate::fold::fold;
use crate::letters::{Letters, Pairs};
use crate::marks::{default_meaning, split_marks};
use crate::members::{member_key, Member};
use crate::order::{high, low};
pub use crate::paper::{AuthorId, Extras, Link, Paper, PaperIdx, TopicId};
pub use crate::problem::{Problem, Severity, TopLevelProblem};
pub use crate::safe_url::{is_safe_image, is_safe_link, is_safe_url, is_site_path};
use crate::state::{FilterKind, Sort};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// A distinct topic: matched case-insensitively, shown in its most common spelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The most common spelling in the data.
    pub label: String,
    /// The folded form every spelling shares (see [`crate::fold::fold`]).
    pub key: String,
}

/// Every paper that can be shown, validated and indexed once, with the problems found on the way.
/// Everything the page does (search, filters, facet counts, sorting) reads from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    /// The file's own title for the page, if it has one.
    pub title: Option<String>,
    /// The file's introduction to the page (and its meta description), whitespace collapsed.
    pub description: Option<String>,
    /// The lab's people, in the file's order, each once.
    pub members: Vec<Member>,
    /// In the file's order.
    pub papers: Vec<Paper>,
    /// Every author once, in order of first appearance; a member under the member's name.
    pub authors: Vec<String>,
    /// Every topic once, in order of first appearance.
    pub topics: Vec<Topic>,
    /// What the author marks mean (the file's `marks`, then `*` and `†` by default), for every
    /// mark some paper's author carries, in the order of [`crate::marks::MARKS`].
    pub marks: Vec<(String, String)>,
    /// What was skipped or ignored in the publications, in the file's order.
    pub problems: Vec<Problem>,
    /// What was ignored in the top-level fields: `title`, then `description`, then `members`.
    pub top_level_problems: Vec<TopLevelProblem>,
    /// The spellings of a member in the data other than the member's name, to the member's
    /// author. Every other name is its author's own, found in `authors_alphabetical`.
    pub(super) other_spellings: HashMap<String, AuthorId, FxBuildHasher>,
    /// Each member's name and aliases, folded (see [`member_key`]), to their place in `members`.
    pub(super) member_keys: HashMap<String, u32, FxBuildHasher>,
    /// (author, place in `members`) for members with papers, by author: packed keys
    /// ([`crate::order::pack`]), sorted as every sort in the core is.
    pub(super) member_authors: Vec<u64>,
    pub(super) topic_ids: HashMap<String, TopicId, FxBuildHasher>,
    /// Paper indices in each sort order (`Sort as usize`).
    pub(super) orders: [Vec<PaperIdx>; 3],
    /// Folded author names and topic labels, for the search and the facets' find boxes.
    pub(super) folded_authors: FoldedNames,
    pub(super) folded_topics: FoldedNames,
    /// Author ids in the order of their folded names: what an address spelled in another case or
    /// accents finds (every card's author buttons ask), by a binary search. Four bytes an author,
    /// where a map from each folded name would hold every name once more.
    pub(super) authors_by_folded: Vec<AuthorId>,
    /// Author and topic ids in alphabetical order: facets break ties in counts by name, and
    /// comparing places is what keeps that cheap with 18,000 authors.
    pub(super) authors_alphabetical: Vec<u32>,
    pub(super) topics_alphabetical: Vec<u32>,
    /// How many papers are featured, and how many have a type: the page offers the featured
    /// filter and the type facet only when some do.
    pub(super) featured_papers: u32,
    pub(super) typed_papers: u32,
    /// Per paper, the letters and digits, and pairs of letters, of everything the search reads.
    pub(super) letters: Vec<(Letters, Pairs)>,
}

/// Folded names, one after another in one text: a search term is looked for in 18,000 author
/// names with one scan rather than 18,000. A member's aliases follow its name, so searching and
/// finding by an alias find the member.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoldedNames {
    /// Names separated by `\n`, which folded text never contains.
    text: String,
    /// Where each id's names start in `text`.
    starts: Vec<u32>,
}

impl FoldedNames {
    pub(super) fn new<'a>(names: impl Iterator<Item = &'a str>) -> FoldedNames {
        FoldedNames::from_folded(names.map(fold))
    }

    /// From names already folded, one text per id (which may hold several names, one a line).
    pub(super) fn from_folded<S: AsRef<str>>(folded: impl Iterator<Item = S>) -> FoldedNames {
        let mut all = FoldedNames::default();
        for name in folded {
            all.starts.push(all.text.len() as u32);
            all.text.push_str(name.as_ref());
            all.text.push('\n');
        }
        all
    }

    /// The folded name `id` (with a member's aliases, one a line).
    pub fn get(&self, id: u32) -> &str {
        let start = self.starts[id as usize] as usize;
        let end = self
            .starts
            .get(id as usize + 1)
            .map_or(self.text.len(), |&e| e as usize);
        &self.text[start..end - 1]
    }

    /// Which names contain the folded term `finder` looks for.
    pub(crate) fn containing(&self, finder: &memchr::memmem::Finder) -> Vec<bool> {
        let mut hits = vec![false; self.starts.len()];
        let text = self.text.as_bytes();
        let mut from = 0;
        while let Some(at) = finder.find(&text[from..]) {
            let id = self.starts.partition_point(|&s| s as usize <= from + at) - 1;
            hits[id] = true;
            // On to the next name: one hit per name is all that counts.
            match self.starts.get(id + 1) {
                Some(&next) => from = next as usize,
                None => break,
            }
        }
        hits
    }
}

impl Catalog {
    /// Every paper, in the order of `sort`.
    pub fn order(&self, sort: Sort) -> &[PaperIdx] {
        &self.orders[sort as usize]
    }

    /// The folded name of author or topic `id` (a member's aliases too, one a line), for matching
    /// a facet's find box.
    pub fn folded_label(&self, kind: FilterKind, id: u32) -> &str {
        self.folded_names(kind).get(id)
    }

    /// The ids of authors or topics in alphabetical order. Years and types are not names: none.
    pub(crate) fn alphabetical(&self, kind: FilterKind) -> &[u32] {
        match kind {
            FilterKind::Author => &self.authors_alphabetical,
            FilterKind::Topic => &self.topics_alphabetical,
            FilterKind::Year | FilterKind::Type => &[],
        }
    }

    /// The letters and digits, and pairs of letters, of everything the search reads in paper
    /// `idx`.
    pub(crate) fn letters(&self, idx: PaperIdx) -> &(Letters, Pairs) {
        &self.letters[idx as usize]
    }

    /// Folded author names or topic labels. Years and types are not names: none.
    pub(crate) fn folded_names(&self, kind: FilterKind) -> &FoldedNames {
        static NO_NAMES: FoldedNames = FoldedNames {
            text: String::new(),
            starts: Vec::new(),
        };
        match kind {
            FilterKind::Author => &self.folded_authors,
            FilterKind::Topic => &self.folded_topics,
            FilterKind::Year | FilterKind::Type => &NO_NAMES,
        }
    }

    /// How many papers are the lab's selected ones (`featured`).
    pub fn featured_papers(&self) -> u32 {
        self.featured_papers
    }

    /// How many papers say what kind of publication they are.
    pub fn typed_papers(&self) -> u32 {
        self.typed_papers
    }

    /// The page's title: the file's own, or "Publications".
    pub fn page_title(&self) -> &str {
        self.title.as_deref().unwrap_or("Publications")
    }

    /// The author's name as shown.
    pub fn author_name(&self, id: AuthorId) -> &str {
        &self.authors[id as usize]
    }

    /// What `mark` means on `paper`: the paper's own `marks`, else the file's, else the default.
    pub fn mark_meaning(&self, paper: &Paper, mark: char) -> Option<String> {
        let is_mark = |m: &str| m.chars().eq([mark]);
        let own = paper
            .extras
            .as_ref()
            .and_then(|e| e.marks.iter().find(|(m, _)| is_mark(m)))
            .map(|(_, meaning)| meaning.to_string());
        own.or_else(|| {
            self.marks
                .iter()
                .find(|(m, _)| is_mark(m))
                .map(|(_, meaning)| meaning.clone())
        })
        .or_else(|| default_meaning(mark).map(str::to_owned))
    }

    /// The topic `id`.
    pub fn topic(&self, id: TopicId) -> &Topic {
        &self.topics[id as usize]
    }

    /// The author this name means: a name exactly as in the data (with or without the marks
    /// written on it), a member's name or alias in any spelling of case, accents and spacing
    /// (see [`crate::members`]), or another author's name so spelled if no other name folds alike.
    pub fn author_id(&self, name: &str) -> Option<AuthorId> {
        let order = &self.authors_alphabetical;
        let at = order.partition_point(|&id| self.authors[id as usize].as_str() < name);
        let own = order
            .get(at)
            .filter(|&&id| self.authors[id as usize] == name);
        if let Some(&id) = own.or_else(|| self.other_spellings.get(name)) {
            return Some(id);
        }
        // A name written with its marks (`Kaiyan Zhang*†`) is the same person.
        let (name, marks) = split_marks(name);
        if !marks.is_empty() {
            return self.author_id(&name);
        }
        let key = member_key(&name);
        if let Some(&member) = self.member_keys.get(&key) {
            return self.members[member as usize].author;
        }
        // Another case or other accents (`zoe`, `ZOË`, a decomposed `ë`) name the author the
        // facet shows, as a topic's do; but `Zoe` and `Zoë` may be two people, so a spelling
        // that folds to several names names none of them.
        let folded = |id: &AuthorId| self.folded_authors.get(*id);
        let order = &self.authors_by_folded;
        let at = order.partition_point(|id| folded(id) < key.as_str());
        match order.get(at..).unwrap_or_default() {
            [id, next, ..] if folded(id) == key && folded(next) == key => None,
            [id, ..] if folded(id) == key => Some(*id),
            _ => None,
        }
    }

    /// The member who is author `id`, if any: cards mark and link their names.
    pub fn member_of(&self, id: AuthorId) -> Option<&Member> {
        let at = self
            .member_authors
            .binary_search_by_key(&id, |&key| high(key))
            .ok()?;
        Some(&self.members[low(self.member_authors[at]) as usize])
    }

    /// Whether author `id` is one of the lab's members.
    pub fn is_member(&self, id: AuthorId) -> bool {
        self.member_of(id).is_some()
    }

    /// The topic with this name in any spelling (case, accents, spacing).
    pub fn topic_id(&self, name: &str) -> Option<TopicId> {
        self.topic_ids.get(&topic_key(name)).copied()
    }

    /// The paper with this id (the `#id` of its permalink).
    pub fn paper_index(&self, id: &str) -> Option<PaperIdx> {
        self.papers
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as PaperIdx)
    }

    /// How many entries are not shown.
    pub fn skipped(&self) -> usize {
        self.count(Severity::Skipped)
    }

    /// How many fields were ignored in entries that are shown (the top-level fields' problems are
    /// counted apart: [`Catalog::top_level_problems`]).
    pub fn ignored(&self) -> usize {
        self.count(Severity::Ignored)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Topics that differ only in case, accents or spacing are one topic.
pub(super) fn topic_key(name: &str) -> String {
    fold(name)
}
