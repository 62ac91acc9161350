//! Folding text for matching: Unicode NFKD, combining marks removed, lowercased, whitespace runs
//! collapsed to one space. "Émile", "EMILE" and "émile" all fold to "emile"; "ﬁ" folds to "fi".

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds one character, pushing its folded form (possibly empty, possibly several chars).
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    fold_mapped(text, |_, _| {})
}

/// Folds `text`, reporting for every folded byte the byte offset of the original char it came
/// from (through `map(folded_len_before, original_offset)` once per original char), so that a
/// match found in the folded text can be highlighted in the original.
fn fold_mapped(text: &str, mut map: impl FnMut(usize, usize)) -> String {
    let mut out = String::with_capacity(text.len());
    // Where the current run of whitespace began, if it is to become one space.
    let mut pending_space = None;
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            if pending_space.is_none() && !out.is_empty() {
                pending_space = Some(offset);
            }
            continue;
        }
        if let Some(space_offset) = pending_space.take() {
            map(out.len(), space_offset);
            out.push(' ');
        }
        map(out.len(), offset);
        fold_char(c, &mut out);
    }
    out
}

/// Folded text with, for each original char, where its folded form starts.
pub struct Mapped {
    pub folded: String,
    /// (folded byte offset, original byte offset), ascending in both.
    starts: Vec<(usize, usize)>,
    original_len: usize,
}

impl Mapped {
    pub fn new(text: &str) -> Mapped {
        let mut starts = Vec::new();
        let folded = fold_mapped(text, |f, o| starts.push((f, o)));
        Mapped {
            folded,
            starts,
            original_len: text.len(),
        }
    }

    /// The original byte range covering the folded byte range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        // The char whose folded form contains `start`, and the first char starting at or after `end`.
        let from = match self.starts.binary_search_by_key(&start, |&(f, _)| f) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let to = self.starts.partition_point(|&(f, _)| f < end);
        let original_start = self.starts.get(from).map_or(self.original_len, |&(_, o)| o);
        let original_end = self.starts.get(to).map_or(self.original_len, |&(_, o)| o);
        (original_start, original_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Émile Ångström"), "emile angstrom");
        assert_eq!(fold("Schölkopf"), "scholkopf");
        assert_eq!(fold("ﬁnite ＡＢＣ"), "finite abc");
        assert_eq!(fold("  many\n\tspaces  here "), "many spaces here");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Dvořák naïve café"), "dvorak naive cafe");
    }

    #[test]
    fn maps_folded_ranges_back_to_the_original() {
        let text = "Une École  à Paris";
        let m = Mapped::new(text);
        assert_eq!(m.folded, "une ecole a paris");
        let at = m.folded.find("ecole").unwrap();
        let (s, e) = m.original_range(at, at + "ecole".len());
        assert_eq!(&text[s..e], "École");
        let at = m.folded.find("a paris").unwrap();
        let (s, e) = m.original_range(at, at + "a paris".len());
        assert_eq!(&text[s..e], "à Paris");
        let (s, e) = Mapped::new("ﬁx").original_range(1, 2);
        assert_eq!(
            &"ﬁx"[s..e],
            "ﬁ",
            "part of a ligature highlights the whole ligature"
        );
    }
}
