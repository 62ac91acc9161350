//! Validation: from what the file says ([`RawDocument`]) to what the page shows ([`Catalog`]).
//!
//! The rules are the site's and the checker's alike: an entry is shown when it is an object with a
//! non-blank text `title`; any other field of the wrong type is dropped with a problem noted; ids
//! are made unique and stable. Authors and topics are interned once here so that filtering and
//! counting work on small integers. The top-level fields (`title`, `description`, `members`) are
//! validated once the whole file is in, since they may come after the publications; that is also
//! when every spelling a member claims is merged into one author (see [`crate::members`]).

use crate::fold::{fold, SearchText};
use crate::kind::PaperType;
use crate::letters::{self, Letters, Pairs};
use crate::locate::key_path;
use crate::marks::{default_meaning, pseudo_author, split_marks, MoreAuthors, MARKS};
use crate::members::{member_key, Member, Roster};
use crate::order::{alphabetical, high, low, pack, places};
use crate::parse::{
    plausible_year, EntrySink, Field, JsonKind, Number, RawAuthors, RawDocument, RawEntry, RawEtAl,
    RawLinks, RawMembers, RawPaper, TextList,
};
use crate::record::Span;
use crate::state::{FilterKind, Sort};
use crate::stream::{read_json, ReadError};
use crate::text::{collapse_whitespace, slug};
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// A paper's place in [`Catalog::papers`].
pub type PaperIdx = u32;
/// An author's place in [`Catalog::authors`].
pub type AuthorId = u32;
/// A topic's place in [`Catalog::topics`].
pub type TopicId = u32;

/// A link of a paper: a label such as `pdf` and a URL that is safe to open.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Shared by every link with the same label: 19,000 links have a handful of labels.
    pub label: Arc<str>,
    /// Only `http:`, `https:` or `mailto:` (see [`is_safe_url`]).
    pub url: Box<str>,
}

/// One shown paper. Text fields are stored folded for search (see [`SearchText`]); authors and
/// topics are ids into the catalog's tables. BibTeX is validated but not kept, as it would be a
/// third of the catalog's memory: the entry's span in the file is kept, to read it from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    /// Unique in the catalog: the data's own id, or one made from the title.
    pub id: String,
    /// Never blank.
    pub title: SearchText,
    /// In the data's order, without repeats.
    pub authors: Box<[AuthorId]>,
    /// More authors than those named (BibTeX's `and others`, "+11 more"), shown after them.
    pub et_al: MoreAuthors,
    /// The kind of publication, when the data says.
    pub paper_type: Option<PaperType>,
    /// One of the lab's selected papers.
    pub featured: bool,
    /// The abstract, when it has one.
    pub abstract_text: Option<SearchText>,
    /// In the data's order, without repeats.
    pub topics: Box<[TopicId]>,
    /// From 0 to 9999.
    pub year: Option<i32>,
    /// Where it appeared.
    pub venue: Option<SearchText>,
    /// In the data's order.
    pub links: Box<[Link]>,
    /// Where the entry's text is in the file, when it was read from one (see [`crate::record`]).
    pub span: Option<Span>,
    /// What few papers have (an award, a badge, a thumbnail, marks…): boxed apart, so that the
    /// 100,000 papers without them pay one pointer each.
    pub extras: Option<Box<Extras>>,
}

/// A paper's rarer fields (see [`Paper::extras`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// A short badge shown before the title (al-folio's `abbr`: "NeurIPS"); searchable.
    pub badge: Option<SearchText>,
    /// An award or distinction ("Best Paper Award"); searchable.
    pub award: Option<SearchText>,
    /// A line of the lab's own, whitespace kept (a newline is a line break).
    pub note: Option<Box<str>>,
    /// A thumbnail: an `https:` URL or a path within the site (see [`is_safe_image`]).
    pub image: Option<Box<str>>,
    /// The marks written on the paper's authors, by author: each symbol once, in order.
    pub author_marks: Vec<(AuthorId, Box<str>)>,
    /// Mark → meaning for this paper, where it says more than the file's `marks`.
    pub marks: Vec<(Box<str>, Box<str>)>,
}

impl Paper {
    /// The paper's badge, if any.
    pub fn badge(&self) -> Option<&SearchText> {
        self.extras.as_ref()?.badge.as_ref()
    }

    /// The paper's award, if any.
    pub fn award(&self) -> Option<&SearchText> {
        self.extras.as_ref()?.award.as_ref()
    }

    /// The lab's note on the paper, if any.
    pub fn note(&self) -> Option<&str> {
        self.extras.as_ref()?.note.as_deref()
    }

    /// The thumbnail's address, if any.
    pub fn image(&self) -> Option<&str> {
        self.extras.as_ref()?.image.as_deref()
    }

    /// The marks on author `id` in this paper: `""` for none.
    pub fn marks_of(&self, id: AuthorId) -> &str {
        self.extras
            .as_ref()
            .and_then(|e| e.author_marks.iter().find(|(a, _)| *a == id))
            .map_or("", |(_, marks)| marks)
    }
}

/// Whether a problem cost a whole entry or only part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The entry is not shown.
    Skipped,
    /// The entry is shown without the field.
    Ignored,
}

/// Something in the data that was not shown, and why: for the visitor's note and the checker.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Whether it cost the entry or a field.
    pub severity: Severity,
    /// 0-based position in the publications list.
    pub entry: usize,
    /// The entry's title when it has one, so a maintainer can find it.
    pub title: Option<String>,
    /// Where in the entry, such as `year` or `links.pdf`; empty for the entry itself.
    pub field: String,
    /// Why, in plain words.
    pub message: String,
}

/// Something in the file's top-level fields (`title`, `description`, `members`) that was ignored,
/// and why. None of these costs a paper; each is a warning, as an ignored field of an entry is.
#[derive(Debug, Clone, PartialEq)]
pub struct TopLevelProblem {
    /// The JSON path of what was ignored: `description`, `members`, `members[2].url`.
    pub path: String,
    /// The member's name, when the problem is in a member that has one, so a maintainer can find
    /// it.
    pub name: Option<String>,
    /// Why, in plain words, ending in what became of it ("ignored", "not listed").
    pub message: String,
}

/// A field of the wrong type, for messages: "should be text, but it is a list; ignored".
pub(crate) fn wrong_type(kind: JsonKind, what: &str) -> String {
    format!("should be {what}, but it is {}; ignored", kind.describe())
}

/// Elements of a list of text that were not text, for messages.
pub(crate) fn not_text(dropped: usize) -> String {
    format!("{dropped} item(s) that are not text were ignored")
}

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
    /// mark some paper's author carries, in the order of [`MARKS`].
    pub marks: Vec<(String, String)>,
    /// What was skipped or ignored in the publications, in the file's order.
    pub problems: Vec<Problem>,
    /// What was ignored in the top-level fields: `title`, then `description`, then `members`.
    pub top_level_problems: Vec<TopLevelProblem>,
    /// Every spelling of an author in the data (a member's aliases too) and every member's name.
    author_ids: HashMap<String, AuthorId, FxBuildHasher>,
    /// Each member's name and aliases, folded (see [`member_key`]), to their place in `members`.
    member_keys: HashMap<String, u32, FxBuildHasher>,
    /// (author, place in `members`) for members with papers, by author: packed keys
    /// ([`pack`]), sorted as every sort in the core is.
    member_authors: Vec<u64>,
    topic_ids: HashMap<String, TopicId, FxBuildHasher>,
    /// Paper indices in each sort order (`Sort as usize`).
    orders: [Vec<PaperIdx>; 3],
    /// Folded author names and topic labels, for the search and the facets' find boxes.
    folded_authors: FoldedNames,
    folded_topics: FoldedNames,
    /// Author and topic ids in alphabetical order: facets break ties in counts by name, and
    /// comparing places is what keeps that cheap with 18,000 authors.
    authors_alphabetical: Vec<u32>,
    topics_alphabetical: Vec<u32>,
    /// How many papers are featured, and how many have a type: the page offers the featured
    /// filter and the type facet only when some do.
    featured_papers: u32,
    typed_papers: u32,
    /// Per paper, the letters and digits, and pairs of letters, of everything the search reads.
    letters: Vec<(Letters, Pairs)>,
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
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> FoldedNames {
        FoldedNames::from_folded(names.map(fold))
    }

    /// From names already folded, one text per id (which may hold several names, one a line).
    fn from_folded<S: AsRef<str>>(folded: impl Iterator<Item = S>) -> FoldedNames {
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
        if let Some(&id) = self.author_ids.get(name) {
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
        // that folds to several names names none of them. Only a name not found as written pays
        // for this scan.
        let mut alike =
            (0..self.authors.len() as AuthorId).filter(|&id| self.folded_authors.get(id) == key);
        match (alike.next(), alike.next()) {
            (Some(id), None) => Some(id),
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
fn topic_key(name: &str) -> String {
    fold(name)
}

/// Only these schemes may become clickable links; `javascript:`, `data:` and friends may not.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find(':');
    match scheme_end {
        Some(end) => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto") && url.len() > end + 1
        }
        None => false,
    }
}

/// A path relative to the site (`papers/smith2024.pdf`, deployed from `public/`), which the page
/// resolves under its own address, so it works under a sub-path. Nothing that a browser could read
/// as another scheme or another host: no `:` before the first `/` (`javascript:`), no leading `/`
/// or `\\` (`//evil.example`), no `..` step out of the site (nor `%2e%2e`, which browsers read as
/// `..`), no control characters (browsers drop tabs and newlines from addresses, which could join
/// `java` and `script:`).
pub fn is_site_path(path: &str) -> bool {
    let path = path.trim();
    let first_part = path.split(['/', '?', '#']).next().unwrap_or("");
    !path.is_empty()
        && !path.starts_with(['/', '\\', '?', '#'])
        && !first_part.contains(':')
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && !path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .any(is_dot_dot)
}

/// A `..` step, as browsers read one: `%2e` is a dot there too (`%2e%2e/x` climbs as `../x`
/// does).
fn is_dot_dot(step: &str) -> bool {
    matches!(
        step.to_ascii_lowercase().as_str(),
        ".." | ".%2e" | "%2e." | "%2e%2e"
    )
}

/// A link a card may show: a safe URL ([`is_safe_url`]) or a path within the site
/// ([`is_site_path`]).
pub fn is_safe_link(url: &str) -> bool {
    is_safe_url(url) || is_site_path(url)
}

/// A thumbnail a card may load: an `https:` URL or a path within the site. Not `http:` (mixed
/// content on a Pages site), not `data:` or any other scheme.
pub fn is_safe_image(url: &str) -> bool {
    let url = url.trim();
    let https = url
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && url.len() > 8;
    https || is_site_path(url)
}

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

    /// An entry of a document already read: without a span (see [`Paper::span`]).
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

impl CatalogBuilder {
    fn problem(
        &mut self,
        severity: Severity,
        entry: usize,
        title: Option<&str>,
        field: &str,
        message: String,
    ) {
        self.catalog.problems.push(Problem {
            severity,
            entry,
            title: title.map(str::to_owned),
            field: field.to_owned(),
            message,
        });
    }

    fn wrong(&mut self, n: usize, title: &str, field: &str, kind: JsonKind, what: &str) {
        self.problem(
            Severity::Ignored,
            n,
            Some(title),
            field,
            wrong_type(kind, what),
        );
    }

    fn text(
        &mut self,
        n: usize,
        title: &str,
        field: &str,
        value: Option<Field<String>>,
    ) -> Option<SearchText> {
        match value? {
            Field::Ok(s) => (!s.trim().is_empty()).then(|| SearchText::new(&s)),
            Field::Wrong(kind) => {
                self.wrong(n, title, field, kind, "text");
                None
            }
        }
    }

    fn flag(&mut self, n: usize, title: &str, field: &str, value: Option<Field<bool>>) -> bool {
        match value {
            None => false,
            Some(Field::Ok(flag)) => flag,
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, field, kind, "true or false");
                false
            }
        }
    }

    fn list(
        &mut self,
        n: usize,
        title: &str,
        field: &str,
        value: Option<Field<TextList>>,
    ) -> Vec<String> {
        match value {
            None => Vec::new(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, field, kind, "a list of text");
                Vec::new()
            }
            Some(Field::Ok(list)) => {
                if list.dropped > 0 {
                    self.problem(
                        Severity::Ignored,
                        n,
                        Some(title),
                        field,
                        not_text(list.dropped),
                    );
                }
                list.items
                    .iter()
                    .map(|s| collapse_whitespace(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            }
        }
    }

    /// Validates entry `n` and adds it as a paper, or notes why it cannot be shown.
    fn add_paper(&mut self, n: usize, raw: RawPaper, span: Option<Span>) {
        let Some(title) = self.title_of(n, raw.title) else {
            return;
        };
        let (authors, author_marks, unnamed) = self.authors(n, &title, raw.authors);
        let topics = self.list(n, &title, "topics", raw.topics);
        let topics = dedup(topics.into_iter().map(|t| self.intern_topic(t)));
        let year = self.year(n, &title, raw.year);
        let et_al = self.et_al(n, &title, raw.et_al).with(unnamed);
        let featured = self.flag(n, &title, "featured", raw.featured);
        let paper_type = self.paper_type(n, &title, raw.paper_type);
        let links = self.links(n, &title, raw.links);
        let id = self.id(n, &title, raw.id);
        // Checked for the maintainer, not kept (see [`Paper`]): only its type matters here.
        if let Some(Field::Wrong(kind)) = raw.bibtex {
            self.wrong(n, &title, "bibtex", kind, "text");
        }
        let extras = Extras {
            badge: self.text(n, &title, "badge", raw.badge),
            award: self.text(n, &title, "award", raw.award),
            note: self.note(n, &title, raw.note),
            image: self.image(n, &title, raw.image),
            author_marks,
            marks: self.paper_marks(n, &title, raw.marks),
        };
        for mark in extras
            .author_marks
            .iter()
            .flat_map(|(_, marks)| marks.chars())
        {
            let explained = extras.marks.iter().any(|(m, _)| m.chars().eq([mark]));
            if !explained && !self.unexplained_marks.contains(mark) {
                self.unexplained_marks.push(mark);
            }
        }
        let paper = Paper {
            id,
            abstract_text: self.text(n, &title, "abstract", raw.abstract_text),
            venue: self.text(n, &title, "venue", raw.venue),
            title: SearchText::new(&title),
            authors: authors.into(),
            et_al,
            paper_type,
            featured,
            topics: topics.into(),
            year,
            links: links.into(),
            span,
            extras: (extras != Extras::default()).then(|| Box::new(extras)),
        };
        // The paper's own texts are indexed as they come; names once members are merged (finish).
        let mut sets = Default::default();
        let texts = [
            Some(&paper.title),
            paper.venue.as_ref(),
            paper.abstract_text.as_ref(),
            paper.badge(),
            paper.award(),
        ];
        for text in texts.into_iter().flatten() {
            letters::add(&mut sets, text.folded());
        }
        self.catalog.letters.push(sets);
        self.catalog.papers.push(paper);
    }

    /// The entry's authors, interned, each once; the marks written on them (`"Ann Lee*"`, or an
    /// object's `marks`); and the authors that names such as "+11 more" stand for, which are not
    /// people.
    #[allow(clippy::type_complexity)]
    fn authors(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<RawAuthors>>,
    ) -> (Vec<AuthorId>, Vec<(AuthorId, Box<str>)>, MoreAuthors) {
        let raw = match value {
            None => return Default::default(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "authors", kind, "a list of names");
                return Default::default();
            }
            Some(Field::Ok(raw)) => raw,
        };
        if raw.dropped > 0 {
            let message = format!(
                "{} item(s) that are neither a name nor {{\"name\": …}} were ignored",
                raw.dropped
            );
            self.problem(Severity::Ignored, n, Some(title), "authors", message);
        }
        let (mut ids, mut marked, mut unnamed) = (Vec::new(), Vec::new(), MoreAuthors::None);
        let mut bad_marks = 0;
        for author in raw.items {
            // An object's marks are checked whatever its name (blank, or "+11 more").
            let given = match author.marks {
                None => String::new(),
                Some(Field::Ok(given)) => {
                    let marks: String = given.chars().filter(|c| MARKS.contains(c)).collect();
                    bad_marks += given.chars().count() - marks.chars().count();
                    marks
                }
                Some(Field::Wrong(_)) => {
                    bad_marks += 1;
                    String::new()
                }
            };
            let (name, mut marks) = split_marks(&collapse_whitespace(&author.name));
            if name.is_empty() {
                continue;
            }
            if let Some(more) = pseudo_author(&name) {
                unnamed = unnamed.with(more);
                continue;
            }
            for mark in given.chars() {
                if !marks.contains(mark) {
                    marks.push(mark);
                }
            }
            let id = self.intern_author(name);
            if ids.contains(&id) {
                continue;
            }
            ids.push(id);
            if !marks.is_empty() {
                for mark in marks.chars() {
                    if !self.used_marks.contains(mark) {
                        self.used_marks.push(mark);
                    }
                }
                marked.push((id, marks.into()));
            }
        }
        if bad_marks > 0 {
            let message = format!(
                "an author's marks are text made of {MARK_LIST}; {bad_marks} other(s) were ignored"
            );
            self.problem(Severity::Ignored, n, Some(title), "authors", message);
        }
        (ids, marked, unnamed)
    }

    fn et_al(&mut self, n: usize, title: &str, value: Option<Field<RawEtAl>>) -> MoreAuthors {
        const WHAT: &str = "true, false or how many authors are not listed";
        match value {
            None | Some(Field::Ok(RawEtAl::Flag(false))) => MoreAuthors::None,
            Some(Field::Ok(RawEtAl::Flag(true))) => MoreAuthors::Unknown,
            // A count is read as a year is (a whole number up to 9999, `11.0` too), so that the
            // JSON Schema can say the same.
            Some(Field::Ok(RawEtAl::Count(Number(count)))) => match plausible_year(&count) {
                Some(0) => MoreAuthors::None,
                Some(count) => MoreAuthors::Count(count as u32),
                None => {
                    let message = format!("{} is not {WHAT}; ignored", shorten(&count));
                    self.problem(Severity::Ignored, n, Some(title), "et_al", message);
                    MoreAuthors::None
                }
            },
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "et_al", kind, WHAT);
                MoreAuthors::None
            }
        }
    }

    fn paper_type(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<String>>,
    ) -> Option<PaperType> {
        match value? {
            Field::Ok(key) => {
                let found = PaperType::from_data(&key);
                if found.is_none() {
                    let message = format!(
                        "\"{}\" is not one of the types ({TYPE_LIST}); ignored",
                        shorten(&key),
                    );
                    self.problem(Severity::Ignored, n, Some(title), "type", message);
                }
                found
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "type", kind, "text such as \"conference\"");
                None
            }
        }
    }

    /// The note, its lines kept (each collapsed), blank lines dropped.
    fn note(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> Option<Box<str>> {
        match value? {
            Field::Ok(text) => {
                let lines: Vec<String> = text
                    .lines()
                    .map(collapse_whitespace)
                    .filter(|l| !l.is_empty())
                    .collect();
                (!lines.is_empty()).then(|| lines.join("\n").into())
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "note", kind, "text");
                None
            }
        }
    }

    fn image(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> Option<Box<str>> {
        match value? {
            Field::Ok(url) if url.trim().is_empty() => None,
            Field::Ok(url) if is_safe_image(&url) => Some(url.trim().into()),
            Field::Ok(_) => {
                self.problem(
                    Severity::Ignored,
                    n,
                    Some(title),
                    "image",
                    UNSAFE_IMAGE.into(),
                );
                None
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "image", kind, "an https: address or a path");
                None
            }
        }
    }

    /// A paper's own `marks`: what its marks mean.
    fn paper_marks(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<RawLinks>>,
    ) -> Vec<(Box<str>, Box<str>)> {
        let mut problems = Vec::new();
        let marks = read_marks(value, "marks", &mut problems);
        for (field, message) in problems {
            self.problem(Severity::Ignored, n, Some(title), &field, message);
        }
        marks
            .into_iter()
            .map(|(mark, meaning)| (mark.into(), meaning.into()))
            .collect()
    }

    /// The entry's title, collapsed; without one the entry is skipped.
    fn title_of(&mut self, n: usize, value: Option<Field<String>>) -> Option<String> {
        let why = match value {
            // Control characters show nothing (and feeds and pages leave them out): a title of
            // them alone is as blank as one of spaces.
            Some(Field::Ok(t)) if t.chars().any(|c| !c.is_whitespace() && !c.is_control()) => {
                return Some(collapse_whitespace(&t))
            }
            Some(Field::Ok(_)) => "the title is blank".to_owned(),
            Some(Field::Wrong(kind)) => {
                format!("the title should be text, but it is {}", kind.describe())
            }
            None => "there is no title".to_owned(),
        };
        self.problem(Severity::Skipped, n, None, "title", why);
        None
    }

    fn year(&mut self, n: usize, title: &str, value: Option<Field<Number>>) -> Option<i32> {
        match value? {
            Field::Ok(Number(number)) => {
                let year = plausible_year(&number);
                if year.is_none() {
                    let message = format!("{} is not a plausible year; ignored", shorten(&number));
                    self.problem(Severity::Ignored, n, Some(title), "year", message);
                }
                year
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "year", kind, "a whole number such as 2024");
                None
            }
        }
    }

    /// The data's own id when it has a usable, unused one; otherwise an empty id, made from the
    /// title once every data id is known (in `finish`).
    fn id(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> String {
        let id = match value {
            Some(Field::Ok(id)) => Some(id.trim().to_owned()).filter(|id| !id.is_empty()),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "id", kind, "text");
                None
            }
            None => None,
        };
        match id {
            Some(id) if self.used_ids.insert(id.clone()) => id,
            Some(id) => {
                let message = format!(
                    "the id \"{id}\" is already used by an earlier entry; a new one was made"
                );
                self.problem(Severity::Ignored, n, Some(title), "id", message);
                self.needs_id.push(self.catalog.papers.len());
                String::new()
            }
            None => {
                self.needs_id.push(self.catalog.papers.len());
                String::new()
            }
        }
    }

    fn links(&mut self, n: usize, title: &str, value: Option<Field<RawLinks>>) -> Vec<Link> {
        let raw = match value {
            None => return Vec::new(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "links", kind, "an object of label → URL");
                return Vec::new();
            }
            Some(Field::Ok(RawLinks(raw))) => raw,
        };
        let mut links = Vec::new();
        for (label, url) in raw {
            // Named only in a problem: most links have none.
            let field = || key_path("links", &label);
            match url {
                Field::Wrong(kind) => self.wrong(n, title, &field(), kind, "a URL"),
                Field::Ok(url) if is_safe_link(&url) => {
                    let label = self.link_label(&label);
                    links.push(Link {
                        label,
                        url: url.trim().into(),
                    })
                }
                Field::Ok(_) => self.problem(
                    Severity::Ignored,
                    n,
                    Some(title),
                    &field(),
                    UNSAFE_LINK.into(),
                ),
            }
        }
        links
    }

    fn link_label(&mut self, label: &str) -> Arc<str> {
        let label = collapse_whitespace(label);
        if let Some(known) = self.link_labels.get(label.as_str()) {
            return known.clone();
        }
        let label: Arc<str> = label.into();
        self.link_labels.insert(label.clone());
        label
    }

    fn intern_author(&mut self, name: String) -> AuthorId {
        // Looked up before it is inserted, so that a name seen before is not copied again.
        if let Some(&id) = self.catalog.author_ids.get(&name) {
            return id;
        }
        let id = self.catalog.authors.len() as AuthorId;
        self.catalog.author_ids.insert(name.clone(), id);
        self.catalog.authors.push(name);
        id
    }

    fn intern_topic(&mut self, label: String) -> TopicId {
        let key = topic_key(&label);
        let id = match self.catalog.topic_ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.catalog.topics.len() as TopicId;
                self.catalog.topic_ids.insert(key.clone(), id);
                self.catalog.topics.push(Topic {
                    label: label.clone(),
                    key,
                });
                self.topic_spellings.push(Vec::new());
                id
            }
        };
        let spellings = &mut self.topic_spellings[id as usize];
        match spellings.iter_mut().find(|(s, _)| *s == label) {
            Some((_, count)) => *count += 1,
            None => spellings.push((label, 1)),
        }
        id
    }

    /// The catalog of the entries added so far, while more may follow: searchable as it is, but
    /// a title-made id can still change (a later entry may claim it) and so can a topic's
    /// spelling. The builder goes on unchanged.
    pub fn snapshot(&self) -> Catalog {
        self.clone().finish()
    }

    /// The catalog of every entry added: spellings chosen, ids made, indexes built.
    pub fn finish(mut self) -> Catalog {
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
        // The lists grew by doubling; a third of their room would otherwise stay empty for good.
        self.catalog.papers.shrink_to_fit();
        self.catalog.authors.shrink_to_fit();
        self.catalog
    }
}

impl CatalogBuilder {
    /// Validates the top-level fields, in the schema's order whatever the file's.
    fn top_level(&mut self) {
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
    fn merge_members(&mut self) -> FoldedNames {
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
            match member.author {
                Some(id) => new_ids.push(id),
                None => {
                    member.author = Some(next);
                    authors.push(member.name.clone());
                    folded.push(member.folded_names());
                    new_ids.push(next);
                }
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
        for id in c.author_ids.values_mut() {
            *id = new_ids[*id as usize];
        }
        c.member_authors.clear();
        for (m, member) in c.members.iter().enumerate() {
            if let Some(id) = member.author {
                c.author_ids.insert(member.name.clone(), id);
                c.member_authors.push(pack(id, m as u32));
            }
        }
        c.member_authors.sort_unstable();
        c.authors = authors;
        FoldedNames::from_folded(folded.into_iter())
    }

    /// Everything searching, sorting and facet-finding need, computed once.
    fn index(&mut self, folded_authors: FoldedNames) {
        let c = &mut self.catalog;
        c.folded_authors = folded_authors;
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

/// A value quoted in a message, cut short when it is long (a number may have a million digits).
fn shorten(value: &str) -> String {
    const MAX: usize = 24;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
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
mod tests {
    use super::*;

    fn catalog(json: &str) -> Catalog {
        Catalog::from_json(json).unwrap()
    }

    #[test]
    fn usable_entries_survive_bad_neighbours() {
        let c = catalog(
            r#"[null, {"title":"  "}, {"title":"A","year":"2020"}, 7, {"authors":["X"]}, {"title":{"t":1}}, {"title":"B"}]"#,
        );
        let titles: Vec<_> = c.papers.iter().map(|p| p.title.shown()).collect();
        assert_eq!(titles, ["A", "B"]);
        assert_eq!(c.skipped(), 5);
        assert_eq!(c.ignored(), 1);
        let year = c.problems.iter().find(|p| p.field == "year").unwrap();
        assert_eq!((year.entry, year.title.as_deref()), (2, Some("A")));
    }

    #[test]
    fn a_title_of_control_characters_is_as_blank_as_one_of_spaces() {
        let c = catalog(r#"[{"title":"\u0001\u0002\u001f"}, {"title":"a\u0007b"}]"#);
        let titles: Vec<_> = c.papers.iter().map(|p| p.title.shown()).collect();
        assert_eq!(titles, ["a\u{7}b"]);
        assert_eq!(c.skipped(), 1);
        assert_eq!(c.problems[0].message, "the title is blank");
    }

    #[test]
    fn a_snapshot_holds_the_entries_so_far_and_the_builder_goes_on() {
        let entries = [
            r#"{"title":"Deep Nets!","topics":["ML"]}"#,
            r#"{"title":"B","topics":["ml"]}"#,
            r#"{"title":"C","id":"deep-nets","topics":["ml"]}"#,
        ];
        let json = format!("[{}]", entries.join(","));
        let cut = json.find(entries[2]).unwrap();
        let (mut reader, mut builder) = (
            crate::stream::StreamReader::new(),
            CatalogBuilder::default(),
        );
        reader.push(&json.as_bytes()[..cut], &mut builder).unwrap();
        let early = builder.snapshot();
        assert_eq!(early.papers.len(), 2);
        assert_eq!(early.papers[0].id, "deep-nets");
        reader.push(&json.as_bytes()[cut..], &mut builder).unwrap();
        reader.finish().unwrap();
        let whole = builder.finish();
        assert_eq!(whole, catalog(&json));
        // The title-made id gives way to the later entry's own id; the majority spelling wins.
        assert_eq!(whole, catalog(&format!("[{}]", entries.join(","))));
        assert_eq!(whole.papers[0].id, "deep-nets-2");
        assert_eq!(whole.topics[0].label, "ml");
        assert_eq!(early.topics[0].label, "ML");
    }

    #[test]
    fn ids_are_unique_and_stable() {
        let json = r#"[{"title":"Deep Nets!","id":"x"},{"title":"Deep Nets!","id":"x"},{"title":"Deep Nets!"},{"title":"Other","id":"deep-nets"}]"#;
        let ids: Vec<_> = catalog(json).papers.into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["x", "deep-nets-2", "deep-nets-3", "deep-nets"]);
        assert_eq!(catalog(json), catalog(json));
    }

    #[test]
    fn authors_and_topics_are_interned() {
        let c = catalog(
            r#"[{"title":"A","authors":["Ann  Lee","Bo"],"topics":["Reinforcement Learning","RL"]},
                {"title":"B","authors":["Ann Lee"],"topics":["reinforcement learning"]},
                {"title":"C","topics":["reinforcement learning"]}]"#,
        );
        assert_eq!(c.authors, ["Ann Lee", "Bo"]);
        assert_eq!(*c.papers[1].authors, [0]);
        assert_eq!(c.topics.len(), 2);
        assert_eq!(c.topic(0).label, "reinforcement learning");
        assert_eq!(c.topic_id("REINFORCEMENT  learning"), Some(0));
        assert_eq!(c.author_id("Nobody"), None);
        let accents =
            catalog(r#"[{"title":"A","topics":["Théorie"]},{"title":"B","topics":["theorie"]}]"#);
        assert_eq!(accents.topics.len(), 1);
        assert_eq!(accents.topic_id("THEORIE"), Some(0));
    }

    #[test]
    fn the_written_lists_are_the_vocabularies() {
        let marks: Vec<String> = MARKS.iter().map(char::to_string).collect();
        assert_eq!(MARK_LIST, marks.join(" "));
        let keys: Vec<&str> = PaperType::ALL.iter().map(|t| t.key()).collect();
        assert_eq!(TYPE_LIST, keys.join(", "));
    }

    #[test]
    fn marks_are_not_part_of_a_name() {
        let c = catalog(
            r#"{"marks": {"‡": "Work done at the lab", "x": "no"}, "publications": [
                {"title":"A","authors":["Kaiyan Zhang*†","Ning Ding","+11 more"]},
                {"title":"B","authors":[{"name":"Kaiyan Zhang","marks":"‡"},"Ning Ding†","others", 3, {"marks":"*"}]},
                {"title":"C","authors":["Kaiyan Zhang"],"et_al":4,"marks":{"*":"Joint first authors"}}]}"#,
        );
        assert_eq!(c.authors, ["Kaiyan Zhang", "Ning Ding"]);
        let [a, b, p] = [&c.papers[0], &c.papers[1], &c.papers[2]];
        assert_eq!((a.marks_of(0), a.marks_of(1)), ("*†", ""));
        assert_eq!((b.marks_of(0), b.marks_of(1)), ("‡", "†"));
        assert_eq!(a.et_al, MoreAuthors::Count(11));
        assert_eq!(b.et_al, MoreAuthors::Unknown);
        assert_eq!(p.et_al, MoreAuthors::Count(4));
        assert_eq!(
            p.extras.as_ref().unwrap().marks,
            [("*".into(), "Joint first authors".into())]
        );
        assert_eq!(
            c.marks,
            [
                ("*".to_owned(), "Equal contribution".to_owned()),
                ("†".to_owned(), "Corresponding author".to_owned()),
                ("‡".to_owned(), "Work done at the lab".to_owned())
            ]
        );
        assert_eq!(c.author_id("Kaiyan Zhang*†"), Some(0));
        let ignored: Vec<_> = c.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(ignored, ["authors"]);
        assert_eq!(c.top_level_problems[0].path, "marks.x");
    }

    #[test]
    fn an_authors_marks_are_checked_whatever_the_name() {
        let c = catalog(
            r#"[{"title":"A","authors":["Ann",{"name":"+11 more","marks":"x"}]},
                {"title":"B","authors":[{"name":" ","marks":5}]},
                {"title":"C","authors":[{"name":"others","marks":"*"},{"name":"Bo","marks":"*?"}]}]"#,
        );
        let ignored: Vec<_> = c
            .problems
            .iter()
            .map(|p| (p.entry, p.field.as_str()))
            .collect();
        assert_eq!(ignored, [(0, "authors"), (1, "authors"), (2, "authors")]);
        assert!(c.problems[2].message.contains("1 other(s)"));
        assert_eq!(c.papers[0].et_al, MoreAuthors::Count(11));
        assert_eq!(c.papers[2].marks_of(1), "*");
    }

    #[test]
    fn a_mark_nothing_explains_is_reported() {
        // Found in review: `§` showed as a superscript no legend explained, without a word.
        let c = catalog(
            r##"{"marks": {"‡": "Intern"}, "publications": [
                {"title":"A","authors":["Ann Lee§","Bo‡","Cy*"]},
                {"title":"B","authors":["Di#"],"marks":{"#":"Joint last authors"}}]}"##,
        );
        let paths: Vec<_> = c
            .top_level_problems
            .iter()
            .map(|p| (p.path.as_str(), p.message.contains('§')))
            .collect();
        assert_eq!(paths, [("marks", true)]);
    }

    #[test]
    fn an_alias_written_with_a_mark_is_the_member() {
        // Found in review: the alias kept its mark, so "I. Hounie*" was a second author.
        let c = catalog(
            r#"{"members":[{"name":"Ignacio Hounie","aliases":["I. Hounie*"]}],"publications":[
                {"title":"A","authors":["I. Hounie*","Bo"]},{"title":"B","authors":["Ignacio Hounie"]},
                {"title":"C","authors":["I. Hounie"]}]}"#,
        );
        assert_eq!(c.authors, ["Ignacio Hounie", "Bo"]);
        let state = crate::ViewState::from_query("author=Ignacio%20Hounie");
        assert_eq!(c.select(&state).shown.len(), 3);
        assert!(c.top_level_problems.is_empty());
    }

    #[test]
    fn a_members_marked_spellings_are_one_author() {
        let c = catalog(
            r#"{"members":[{"name":"Kaiyan Zhang","aliases":["K. Zhang"]}],"publications":[
                {"title":"A","authors":["K. Zhang*","Kaiyan Zhang†"]}]}"#,
        );
        assert_eq!(c.authors, ["Kaiyan Zhang"]);
        assert_eq!(c.papers[0].marks_of(0), "*");
        assert_eq!(c.author_id("K. Zhang†"), Some(0));
    }

    #[test]
    fn the_curated_fields_are_read_and_checked() {
        let c = catalog(
            r#"[{"title":"A","type":"conference","featured":true,"award":"Best Paper","badge":"NeurIPS",
                 "note":"* Equal<br>\n  second   line ","image":"img/a.png","links":{"pdf":"papers/a.pdf"}},
                {"title":"B","type":"Conference","featured":"yes","image":"javascript:alert(1)","award":3,"et_al":-1},
                {"title":"C","image":"http://x.org/a.png","links":{"x":"//evil.example/a"}}]"#,
        );
        let a = &c.papers[0];
        assert_eq!(a.paper_type, Some(PaperType::Conference));
        assert!(a.featured);
        assert_eq!(a.award().unwrap().shown(), "Best Paper");
        assert_eq!(a.badge().unwrap().shown(), "NeurIPS");
        assert_eq!(a.note(), Some("* Equal<br>\nsecond line"));
        assert_eq!(a.image(), Some("img/a.png"));
        assert_eq!(&*a.links[0].url, "papers/a.pdf");
        let b = &c.papers[1];
        assert_eq!((b.paper_type, b.featured, b.image()), (None, false, None));
        assert!(c.papers[2].extras.is_none() && c.papers[2].links.is_empty());
        let fields: Vec<_> = c.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["et_al", "featured", "type", "award", "image", "links.x", "image"]
        );
        assert_eq!((c.featured_papers(), c.typed_papers()), (1, 1));
        // Searchable: the award and the badge.
        for query in ["best paper", "neurips"] {
            let state = crate::ViewState::from_query(&format!("q={query}"));
            assert_eq!(c.select(&state).shown, [0], "{query}");
        }
    }

    #[test]
    fn folded_names_are_found_in_one_scan() {
        let names = FoldedNames::new(["Émile Borel", "Ann", "", "Anna Lee"].into_iter());
        assert_eq!(names.get(0), "emile borel");
        assert_eq!(names.get(2), "");
        assert_eq!(names.get(3), "anna lee");
        let hits = |term: &str| names.containing(&memchr::memmem::Finder::new(term));
        assert_eq!(hits("ann"), [false, true, false, true]);
        assert_eq!(hits("el"), [true, false, false, false]);
        assert_eq!(hits("e bo"), [true, false, false, false]);
        assert_eq!(hits("lee"), [false, false, false, true]);
    }

    #[test]
    fn only_safe_urls_become_links() {
        for ok in ["https://x.org/a", " HTTP://x", "mailto:a@b.c"] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "//x.org",
            "x.pdf",
            "https:",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
        for path in [
            "papers/a.pdf",
            "a b.pdf",
            "./x.pdf",
            "a/b:c",
            "x?y=1:2",
            "paper.pdf#p=2",
        ] {
            assert!(is_site_path(path) && is_safe_link(path), "{path}");
        }
        for bad in [
            "",
            "/abs.pdf",
            "//evil.example/x",
            "\\\\evil.example",
            "a\\b",
            "java\tscript:alert(1)",
            "javascript:alert(1)",
            "../up.pdf",
            "a/../../up.pdf",
            "data:image/png;base64,AA",
            "?q",
            "#x",
            // Browsers read `%2e` in a step as a dot.
            "%2e%2e/up.pdf",
            "a/.%2E/../up.pdf",
            "a/%2E./x",
            "%2e%2E?x",
        ] {
            assert!(!is_site_path(bad), "{bad:?}");
        }
        for path in ["%2e/x", "%2e%2e%2e/x", "x?%2e%2e/", "a/%2e%2ex"] {
            assert!(is_site_path(path), "{path}");
        }
        for image in ["https://x.org/a.png", "img/a.png", "HTTPS://x.org/a.png"] {
            assert!(is_safe_image(image), "{image}");
        }
        for bad in [
            "http://x.org/a.png",
            "https://",
            "data:image/png;base64,AA",
            "javascript:x",
            "mailto:a@b.c",
        ] {
            assert!(!is_safe_image(bad), "{bad}");
        }
        let c = catalog(
            r#"[{"title":"A","links":{"pdf":"https://x.org/a.pdf","bad":"javascript:alert(1)","n":3}}]"#,
        );
        assert_eq!(
            *c.papers[0].links,
            [Link {
                label: "pdf".into(),
                url: "https://x.org/a.pdf".into()
            }]
        );
        assert_eq!(c.ignored(), 2);
    }
}
