//! Folding text for matching: Unicode NFKD, combining marks removed, lowercased, whitespace runs
//! collapsed to one space. "Émile", "EMILE" and "émile" all fold to "emile"; "ﬁ" folds to "fi".

use std::sync::{Arc, OnceLock};

/// How a non-ASCII character folds: its NFKD decomposition, combining marks dropped, lowercased,
/// pushed onto the string.
pub type CharFolder = fn(char, &mut String);

static CHAR_FOLDER: OnceLock<CharFolder> = OnceLock::new();

/// Installs another implementation of the same folding, before any text is folded. The site uses
/// the browser's own NFKD (`String.prototype.normalize`), which keeps the Unicode tables out
/// of its bundle; native builds use the `unicode-normalization` crate.
pub fn set_char_folder(folder: CharFolder) {
    let _ = CHAR_FOLDER.set(folder);
}

/// Folds one non-ASCII character, pushing its folded form (possibly empty, possibly several
/// chars, possibly whitespace).
fn fold_char(c: char, out: &mut String) {
    match CHAR_FOLDER.get() {
        Some(folder) => folder(c, out),
        None => unicode_fold_char(c, out),
    }
}

#[cfg(feature = "unicode")]
fn unicode_fold_char(c: char, out: &mut String) {
    use unicode_normalization::char::{decompose_compatible, is_combining_mark};
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Without Unicode tables and without an installed folder, non-ASCII characters stay as they
/// are (Rust's own `to_lowercase` would bring its case tables into the site's bundle).
#[cfg(not(feature = "unicode"))]
fn unicode_fold_char(c: char, out: &mut String) {
    out.push(c);
}

/// Trims and turns every run of whitespace (including newlines and tabs) into one space.
pub fn collapse_whitespace(s: &str) -> String {
    if s.is_ascii() {
        // Most short texts (a name, a venue) have nothing to collapse: no whitespace but single
        // spaces between words. (A space before the first byte stands for the start.)
        let mut before = b' ';
        let untouched = !s.bytes().any(|b| {
            let collapses = b.is_ascii_whitespace() && (b != b' ' || before == b' ');
            before = b;
            collapses
        });
        if untouched && before != b' ' {
            return s.to_owned();
        }
        // The common case, byte by byte: ASCII whitespace is all there is to collapse.
        let mut bytes = Vec::with_capacity(s.len());
        for &b in s.trim_ascii().as_bytes() {
            if b.is_ascii_whitespace() {
                if bytes.last() != Some(&b' ') {
                    bytes.push(b' ');
                }
            } else {
                bytes.push(b);
            }
        }
        return String::from_utf8(bytes).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The folded form of `text`. Most text is ASCII, or ASCII with a few other characters: its
/// ASCII runs are taken a word at a time, only other characters one by one.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut scratch = String::new();
    let mut space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        // ASCII whitespace as `char::is_whitespace` has it, read byte by byte.
        let words = rest.as_bytes()[..run]
            .split(|b| matches!(b, b'\t'..=b'\r' | b' '))
            .map(|word| std::str::from_utf8(word).unwrap_or_default());
        push_words(&mut out, &mut space, words);
        out[from..].make_ascii_lowercase();
        rest = &rest[run..];
        if let Some(c) = rest.chars().next() {
            scratch.clear();
            fold_char(c, &mut scratch);
            push_words(&mut out, &mut space, scratch.split(char::is_whitespace));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Appends the `words` of a folded piece (split at each whitespace character, so empty between
/// two) to `out`, its whitespace collapsed with that of what came before: `space` says whether
/// whitespace has come since the last word.
fn push_words<'a>(out: &mut String, space: &mut bool, words: impl Iterator<Item = &'a str>) {
    for (i, word) in words.enumerate() {
        *space |= i > 0;
        if word.is_empty() {
            continue;
        }
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(word);
    }
}

/// Folds `text`, reporting where each original char's folded form starts (through
/// `map(folded_len_before, original_offset)`), so that a match found in the folded text can be
/// highlighted in the original. A char that folds to nothing, such as a combining accent, is not
/// reported: it belongs to the char before it. Whitespace is collapsed after folding, because
/// some chars decompose into a space (a spacing accent, `´`, is a space and a combining mark).
fn fold_mapped(text: &str, mut map: impl FnMut(usize, usize)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut ascii = [0; 4];
    let mut scratch = String::new();
    // Where the current run of whitespace began, if it is to become one space.
    let mut pending_space = None;
    for (offset, c) in text.char_indices() {
        let folded: &str = if c.is_ascii() {
            c.to_ascii_lowercase().encode_utf8(&mut ascii)
        } else {
            scratch.clear();
            fold_char(c, &mut scratch);
            &scratch
        };
        let mut reported = false;
        for f in folded.chars() {
            if f.is_whitespace() {
                if pending_space.is_none() && !out.is_empty() {
                    pending_space = Some(offset);
                }
                continue;
            }
            if let Some(space_offset) = pending_space.take() {
                map(out.len(), space_offset);
                out.push(' ');
            }
            if !reported {
                map(out.len(), offset);
                reported = true;
            }
            out.push(f);
        }
    }
    out
}

/// Folded text with, for each original char, where its folded form starts.
pub struct Mapped {
    /// The folded text, which a search matches against.
    pub folded: String,
    /// (folded byte offset, original byte offset), ascending in both.
    starts: Vec<(usize, usize)>,
    original_len: usize,
}

impl Mapped {
    /// Folds `text`, noting where each character went.
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

/// Text stored once, in the folded form search needs, with what it takes to show it as written.
///
/// Most text in a catalog is ASCII, where folding only lowercases: for it, the positions of the
/// capitals are kept instead of a second copy, so a 10,000-paper catalog costs about one copy of
/// its text rather than two. Other text keeps its original beside the folded form. Whitespace runs
/// are collapsed in both (HTML shows them collapsed anyway).
///
/// A clone shares the text (the capitals, two bytes each, are copied): a catalog of the papers so
/// far, taken while a big file streams in, costs the papers' few numbers and lists rather than a
/// second copy of all their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    folded: Arc<str>,
    shown: Shown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    /// Where the capitals are in the (ASCII) folded text, each as the distance from the one
    /// before (the first from the start): two bytes a capital.
    Capitals(Box<[u16]>),
    Original(Arc<str>),
}

impl SearchText {
    /// Stores `text` (whitespace collapsed) for searching and showing.
    pub fn new(text: &str) -> SearchText {
        if text.is_ascii() {
            if let Some(ascii) = SearchText::ascii(text.as_bytes().to_vec()) {
                return ascii;
            }
        }
        SearchText::not_ascii(text)
    }

    /// [`SearchText::new`] of a text the caller no longer needs: ASCII text is folded in its own
    /// buffer rather than a copy.
    pub fn from_string(text: String) -> SearchText {
        // Its capitals' gaps fit in two bytes whatever they are: the buffer can be given up.
        if text.is_ascii() && text.len() <= usize::from(u16::MAX) {
            if let Some(ascii) = SearchText::ascii(text.into_bytes()) {
                return ascii;
            }
            unreachable!("an ASCII text shorter than 64 KiB is always stored as ASCII");
        }
        SearchText::new(&text)
    }

    /// [`SearchText::new`] of a text that is not ASCII, or whose capitals are too far apart.
    fn not_ascii(text: &str) -> SearchText {
        let collapsed = collapse_whitespace(text);
        // Other whitespace than ASCII's is collapsed away: what is left may be ASCII.
        if collapsed.is_ascii() {
            if let Some(ascii) = SearchText::ascii(collapsed.as_bytes().to_vec()) {
                return ascii;
            }
        }
        SearchText {
            folded: fold(&collapsed).into(),
            shown: Shown::Original(collapsed.into()),
        }
    }

    /// ASCII text collapsed, lowercased and its capitals noted, in one pass over its bytes: most
    /// of a catalog's text, abstracts above all, goes this way. `None` when a gap between capitals
    /// is too long to note in two bytes (then the original is kept).
    fn ascii(mut folded: Vec<u8>) -> Option<SearchText> {
        // Written in place, behind the reading: the text only shrinks. (A push, or a Vec's index,
        // a byte is a call a byte in the site's size-optimised build; a slice's index is not.)
        let start = folded.len() - folded.trim_ascii_start().len();
        let end = folded.trim_ascii_end().len();
        // About one letter in thirty is a capital in English prose: room for most texts' at once.
        let mut capitals = Vec::with_capacity(end.saturating_sub(start) / 32);
        let (mut len, mut last_capital) = (0, 0);
        let bytes: &mut [u8] = &mut folded[..end];
        let mut i = start;
        while i < bytes.len() {
            // Eight bytes at a time where they need no more than lowercasing: most of a text.
            if let Some(word) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
                let after_space = len > 0 && bytes[len - 1] == b' ';
                if let Some(capitals_in_word) = plain_word(word, after_space) {
                    bytes[len..len + 8]
                        .copy_from_slice(&(word | capitals_in_word >> 2).to_le_bytes());
                    let mut left = capitals_in_word;
                    while left != 0 {
                        let at = len + (left.trailing_zeros() / 8) as usize;
                        capitals.push(u16::try_from(at - last_capital).ok()?);
                        last_capital = at;
                        left &= left - 1;
                    }
                    (i, len) = (i + 8, len + 8);
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            if b.is_ascii_whitespace() {
                if len == 0 || bytes[len - 1] != b' ' {
                    bytes[len] = b' ';
                    len += 1;
                }
                continue;
            }
            if b.is_ascii_uppercase() {
                capitals.push(u16::try_from(len - last_capital).ok()?);
                last_capital = len;
            }
            bytes[len] = b.to_ascii_lowercase();
            len += 1;
        }
        Some(SearchText {
            folded: std::str::from_utf8(&folded[..len]).ok()?.into(),
            shown: Shown::Capitals(capitals.into()),
        })
    }

    /// The folded form, which a search matches against.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The text as written (whitespace collapsed).
    pub fn shown(&self) -> String {
        match &self.shown {
            Shown::Original(text) => text.to_string(),
            Shown::Capitals(gaps) => {
                let mut bytes = self.folded.as_bytes().to_vec();
                let mut at = 0;
                for &gap in gaps.iter() {
                    at += gap as usize;
                    bytes[at].make_ascii_uppercase();
                }
                // Only ASCII letters changed case, so the bytes are still the same valid UTF-8.
                String::from_utf8(bytes).unwrap_or_default()
            }
        }
    }

    /// Maps a byte range of the folded text to the same passage of [`SearchText::shown`].
    pub(crate) fn shown_ranges(
        &self,
        folded_ranges: Vec<(usize, usize)>,
    ) -> (String, Vec<(usize, usize)>) {
        match &self.shown {
            Shown::Capitals(_) => (self.shown(), folded_ranges),
            Shown::Original(text) => {
                let mapped = Mapped::new(text);
                let ranges = folded_ranges
                    .into_iter()
                    .map(|(s, e)| mapped.original_range(s, e))
                    .collect();
                (text.to_string(), ranges)
            }
        }
    }
}

/// Eight ASCII bytes (little-endian), if they fold by lowercasing alone: no control character
/// (so no whitespace but spaces) and no space after a space (`after_space`: the byte before them
/// is one). Then the high bit of each capital's byte, which `>> 2` turns into the lowercase bit.
fn plain_word(word: u64, after_space: bool) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Each byte is below 0x80, so no sum below carries into the next byte.
    let at_least = |b: u8| word + (0x80 - u64::from(b)) * ONES;
    let control = !at_least(b' ') & HIGH;
    let not_space = word ^ (u64::from(b' ') * ONES);
    let spaces = !(((not_space & !HIGH) + !HIGH) | not_space) & HIGH;
    let doubled = spaces & (spaces << 8 | u64::from(after_space) << 7);
    (control | doubled == 0).then_some(at_least(b'A') & !at_least(b'Z' + 1) & HIGH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(collapse_whitespace(" \n "), "");
    }

    #[test]
    fn search_text_keeps_one_copy_for_ascii_and_shows_the_original() {
        let t = SearchText::new("  Deep  RL\nfor GPUs ");
        assert_eq!(t.folded(), "deep rl for gpus");
        assert_eq!(t.shown(), "Deep RL for GPUs");
        assert!(matches!(t.shown, Shown::Capitals(_)));
        let far = format!("A{}B C", "x".repeat(70_000));
        assert_eq!(SearchText::from_string(far.clone()), SearchText::new(&far));
        let far = SearchText::new(&far);
        assert_eq!(far.shown().len(), 70_004);
        assert!(far.shown().ends_with("xB C") && far.shown().starts_with("Ax"));
        assert!(
            matches!(far.shown, Shown::Original(_)),
            "a gap over 65,535 keeps the original"
        );
        let u = SearchText::new("Schölkopf  & Müller");
        assert_eq!(u.folded(), "scholkopf & muller");
        assert_eq!(u.shown(), "Schölkopf & Müller");
        let (shown, ranges) = u.shown_ranges(vec![(12, 18)]);
        assert_eq!(&shown[ranges[0].0..ranges[0].1], "Müller");
    }

    proptest::proptest! {
        /// The one-pass reading of ASCII text is the two-step one: collapsed, then folded, its
        /// original shown as written.
        #[test]
        fn ascii_text_is_stored_as_collapsed_then_folded(
            text in "[ -~\t\n\r\x0b\x0c\u{a0}\u{2003}é]{0,30}|[a-zA-Z .,]{0,60}[\t\n ]{0,3}[a-zA-Z .,]{0,60}"
        ) {
            let t = SearchText::new(&text);
            let collapsed = collapse_whitespace(&text);
            let folded = if collapsed.is_ascii() {
                collapsed.to_ascii_lowercase()
            } else {
                fold(&collapsed)
            };
            proptest::prop_assert_eq!(t.folded(), folded);
            proptest::prop_assert_eq!(t.shown(), collapsed.clone());
            proptest::prop_assert_eq!(matches!(t.shown, Shown::Capitals(_)), collapsed.is_ascii());
            proptest::prop_assert_eq!(SearchText::from_string(text.clone()), t);
        }

        /// Whitespace collapses to one space between words: ASCII's whitespace in ASCII text,
        /// any in other text.
        #[test]
        fn whitespace_collapses_to_single_spaces(
            text in "[ -~\t\n\r\x0b\x0c\u{a0}\u{2003}é]{0,30}|[a-z ]{0,20}"
        ) {
            let words: Vec<&str> = if text.is_ascii() {
                text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect()
            } else {
                text.split_whitespace().collect()
            };
            proptest::prop_assert_eq!(collapse_whitespace(&text), words.join(" "));
        }
    }

    proptest::proptest! {
        /// Folding a word at a time folds as folding one character at a time (which also maps
        /// each one's place) does.
        #[test]
        fn folds_as_one_character_at_a_time(
            text in "[ -~\t\n\r\x0b\x0c\u{a0}\u{2003}\u{b4}\u{301}éÉﬁＡİß\u{3000}]{0,30}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_mapped(&text, |_, _| {}));
        }
    }

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Émile Ångström"), "emile angstrom");
        assert_eq!(fold("Schölkopf"), "scholkopf");
        assert_eq!(fold("ﬁnite ＡＢＣ"), "finite abc");
        assert_eq!(fold("  many\n\tspaces  here "), "many spaces here");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Dvořák naïve café"), "dvorak naive cafe");
        // Spacing accents decompose to a space and a combining mark: that space is whitespace
        // like any other, collapsed and trimmed.
        assert_eq!(fold("\u{b4}"), "");
        assert_eq!(fold(" x \u{b4}y\u{a8} "), "x y");
        assert_eq!(fold("x\u{b4}y"), "x y");
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
        let text = "cafe\u{301} au lait";
        let (s, e) = Mapped::new(text).original_range(0, 4);
        assert_eq!(
            &text[s..e],
            "cafe\u{301}",
            "a combining mark goes with its letter"
        );
        let text = "x \u{b4}y";
        let (s, e) = Mapped::new(text).original_range(0, 3);
        assert_eq!(&text[s..e], text);
        let (s, e) = Mapped::new("ﬁx").original_range(1, 2);
        assert_eq!(
            &"ﬁx"[s..e],
            "ﬁ",
            "part of a ligature highlights the whole ligature"
        );
    }
}
