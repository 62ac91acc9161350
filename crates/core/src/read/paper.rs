//! One shown paper, as the catalog keeps it: its fields folded for search, its authors and topics
//! as ids, and where its entry is in the file.

use crate::fold::SearchText;
use crate::kind::PaperType;
use crate::marks::MoreAuthors;
use std::num::NonZeroU32;
use std::ops::Range;
use std::sync::Arc;

/// A paper's place in [`crate::Catalog::papers`].
pub type PaperIdx = u32;
/// An author's place in [`crate::Catalog::authors`].
pub type AuthorId = u32;
/// A topic's place in [`crate::Catalog::topics`].
pub type TopicId = u32;

/// A link of a paper: a label such as `pdf` and a URL that is safe to open.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Shared by every link with the same label: 19,000 links have a handful of labels.
    pub label: Arc<str>,
    /// Only `http:`, `https:` or `mailto:` (see [`crate::safe_url::is_safe_url`]).
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
    /// A thumbnail: an `https:` URL or a path within the site (see [`crate::safe_url::is_safe_image`]).
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

/// Where an entry's text is in the file: byte offsets from the file's first byte, a byte-order
/// mark included. Eight bytes a paper, where its BibTeX would be hundreds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The entry's first byte.
    pub start: u32,
    /// The entry's length in bytes; an entry is never empty.
    pub len: NonZeroU32,
}

impl Span {
    /// The span of `bytes`; `None` when it is empty or ends beyond 4 GiB, which no file the
    /// site reads comes near (not kept rather than wrapped).
    pub fn new(bytes: Range<u64>) -> Option<Span> {
        let start = u32::try_from(bytes.start).ok()?;
        let end = u32::try_from(bytes.end).ok()?;
        Some(Span {
            start,
            len: NonZeroU32::new(end.checked_sub(start)?)?,
        })
    }

    /// As a range of indices into the file's bytes.
    pub fn range(self) -> Range<usize> {
        let start = self.start as usize;
        start..start + self.len.get() as usize
    }
}
