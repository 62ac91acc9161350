//! What follows a search's last term, wherever it occurs in the papers the search matched. Worked
//! out while the visitor reads the result, these bits answer the next key, one more letter of that
//! term as a visitor types it, without reading a text. The letter pairs (`letters`) decide a
//! term's first two keys; from the third on, the search read every candidate's texts again, which
//! made the third key of every word the slowest of a keystroke's searches.

use crate::catalog::{Catalog, PaperIdx};
use crate::letters;
use crate::search::Query;
use crate::state::FilterKind;
use memchr::memmem::Finder;

/// Each byte's bit: `a`–`z` and `0`–`9` have their own (a paper's letters' bits, `letters::BITS`),
/// and so has the space; every other byte shares [`OTHER`], which says only that something else
/// may follow. A `\n` (between a member's names, never in a term) has none.
const FOLLOWERS: [u64; 256] = {
    let mut bits = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        if letters::BITS[b] != 0 {
            bits[b] = letters::BITS[b];
        }
        b += 1;
    }
    bits[b' ' as usize] = 1 << 36;
    bits[b'\n' as usize] = 0;
    bits
};
const OTHER: u64 = 1 << 37;

/// For each paper a search matched, in its order, the bytes that follow its last term there.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUps {
    /// The query of the search these follow.
    query: Query,
    next: Vec<u64>,
}

impl FollowUps {
    /// The papers among `matches` (the result of `earlier`) that match `query`, when `query` is
    /// `earlier` with one more letter, digit or space at the end of its last term, and these
    /// follow `earlier`; `None` when they cannot say.
    pub(crate) fn narrow(
        &self,
        earlier: &Query,
        matches: &[PaperIdx],
        query: &Query,
    ) -> Option<Vec<PaperIdx>> {
        if self.query != *earlier || self.next.len() != matches.len() {
            return None;
        }
        let (last, kept) = query.terms.split_last()?;
        let (earlier_last, earlier_kept) = earlier.terms.split_last()?;
        let added = last.strip_prefix(earlier_last.as_str())?;
        let bit = match added.as_bytes() {
            &[byte] if kept == earlier_kept => FOLLOWERS[usize::from(byte)],
            _ => return None,
        };
        if bit == OTHER || bit == 0 {
            return None;
        }
        let mut narrowed = Vec::new();
        for (&idx, next) in matches.iter().zip(&self.next) {
            if next & bit != 0 {
                narrowed.push(idx);
            }
        }
        Some(narrowed)
    }
}

/// Follow-ups being worked out, in slices like a search (see [`crate::SearchRun`]).
pub struct FollowUpRun<'c> {
    catalog: &'c Catalog,
    query: Query,
    finder: Finder<'static>,
    matches: Vec<PaperIdx>,
    next: Vec<u64>,
}

impl FollowUpRun<'_> {
    /// Reads up to `budget` more papers; `true` once every one has been read.
    pub fn step(&mut self, budget: usize) -> bool {
        let from = self.next.len();
        let end = from.saturating_add(budget).min(self.matches.len());
        for &idx in &self.matches[from..end] {
            let mut next = 0;
            let finder = &self.finder;
            self.catalog
                .each_searched_text(idx, |text| next |= followers(finder, text.as_bytes()));
            self.next.push(next);
        }
        self.next.len() == self.matches.len()
    }

    /// Reads the rest at once.
    pub fn finish(mut self) -> FollowUps {
        while !self.step(usize::MAX) {}
        FollowUps {
            query: self.query,
            next: self.next,
        }
    }
}

/// The bits of the bytes that follow `finder`'s term in `text`, at every place it occurs (those
/// overlapping too: in "ababac", "aba" is followed by both `b` and `c`).
fn followers(finder: &Finder, text: &[u8]) -> u64 {
    let mut next = 0;
    let mut from = 0;
    while let Some(at) = finder.find(&text[from..]) {
        let end = from + at + finder.needle().len();
        next |= text
            .get(end)
            .map_or(0, |&byte| FOLLOWERS[usize::from(byte)]);
        from += at + 1;
    }
    next
}

impl<'c> FollowUpRun<'c> {
    /// Starts on the papers `matches` of `query`; `None` for a last term of one byte or none.
    pub(crate) fn new(
        catalog: &'c Catalog,
        query: &Query,
        matches: &[PaperIdx],
    ) -> Option<FollowUpRun<'c>> {
        let term = query.terms.last().filter(|t| t.len() > 1)?;
        Some(FollowUpRun {
            catalog,
            query: query.clone(),
            finder: Finder::new(term.as_bytes()).into_owned(),
            next: Vec::with_capacity(matches.len()),
            matches: matches.to_vec(),
        })
    }
}

impl Catalog {
    /// Calls `f` with every text of paper `idx` a search looks in: its own, and its authors' and
    /// topics' folded names (a member's with its aliases).
    fn each_searched_text(&self, idx: PaperIdx, mut f: impl FnMut(&str)) {
        let p = &self.papers[idx as usize];
        f(p.title.folded());
        let own = [
            p.venue.as_ref(),
            p.abstract_text.as_ref(),
            p.badge(),
            p.award(),
        ];
        for text in own.into_iter().flatten() {
            f(text.folded());
        }
        for &a in &p.authors {
            f(self.folded_label(FilterKind::Author, a));
        }
        for &t in &p.topics {
            f(self.folded_label(FilterKind::Topic, t));
        }
    }
}

#[cfg(test)]
mod tests;
