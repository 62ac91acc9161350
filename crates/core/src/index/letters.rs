//! Which letters and digits, and which pairs of adjacent letters, a paper's searchable texts
//! hold, as bits. The first two keys of every word typed make a term of one or two letters, which
//! a scan of 10,000 abstracts answers no better than these bits do; a longer term still skips the
//! papers that lack one of its letters or pairs (`nf` in "reinforcement").

/// A set of the ASCII letters and digits (folded text has no capitals).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters(u64);

/// Each byte's bit: `a`–`z` the first 26, `0`–`9` the next 10; no other byte has one.
pub(crate) const BITS: [u64; 256] = {
    let mut bits = [0; 256];
    let mut b = 0;
    while b < 26 {
        bits[b'a' as usize + b] = 1 << b;
        b += 1;
    }
    let mut d = 0;
    while d < 10 {
        bits[b'0' as usize + d] = 1 << (26 + d);
        d += 1;
    }
    bits
};

/// Each byte's place in the alphabet, `NOT_A_LETTER` for any byte but `a`–`z`.
const PLACES: [u8; 256] = {
    let mut places = [NOT_A_LETTER; 256];
    let mut b = 0;
    while b < 26 {
        places[b'a' as usize + b] = b as u8;
        b += 1;
    }
    places
};
const NOT_A_LETTER: u8 = 26;

/// Adds the letters and digits, and the pairs of letters, of folded `text` to `sets`, in one pass
/// over its bytes: the catalog reads every searchable text once for both.
pub fn add(sets: &mut (Letters, Pairs), text: &str) {
    let (Letters(letters), Pairs(pairs)) = sets;
    let bytes = text.as_bytes();
    if bytes.len() < LONG {
        let mut before = NOT_A_LETTER;
        for &byte in bytes {
            *letters |= BITS[usize::from(byte)];
            let place = PLACES[usize::from(byte)];
            if before != NOT_A_LETTER && place != NOT_A_LETTER {
                set(pairs, usize::from(before) * 26 + usize::from(place));
            }
            before = place;
        }
        return;
    }
    // A long text (an abstract) sets a bit for every two adjacent bytes in a table of 27 × 27,
    // whose last row and column stand for any byte but a letter: no branch a byte, where the
    // end of each word would be mispredicted. Its 26 × 26 letters are then copied over.
    let mut table = [0u64; (27 * 27usize).div_ceil(64)];
    let mut before = usize::from(NOT_A_LETTER);
    for &byte in bytes {
        *letters |= BITS[usize::from(byte)];
        let place = usize::from(PLACES[usize::from(byte)]);
        set(&mut table, before * 27 + place);
        before = place;
    }
    const ROW: u64 = (1 << 26) - 1;
    for a in 0..26 {
        let (from, to) = (a * 27, a * 26);
        let mut row = table[from / 64] >> (from % 64);
        if from % 64 > 64 - 26 {
            row |= table[from / 64 + 1] << (64 - from % 64);
        }
        let row = row & ROW;
        pairs[to / 64] |= row << (to % 64);
        if to % 64 > 64 - 26 {
            pairs[to / 64 + 1] |= row >> (64 - to % 64);
        }
    }
}

/// Texts from this many bytes on are read without a branch a byte (see [`add`]).
const LONG: usize = 128;

/// Sets bit `at` of `bits`. Inlined even where the site's build optimises for size: it is the
/// body of the loop over every byte of every abstract.
#[inline(always)]
fn set(bits: &mut [u64], at: usize) {
    bits[at / 64] |= 1 << (at % 64);
}

/// The letters and pairs of one text, as [`add`] finds them.
fn sets_of(text: &str) -> (Letters, Pairs) {
    let mut sets = Default::default();
    add(&mut sets, text);
    sets
}

impl Letters {
    /// The letters and digits of folded `text`.
    pub fn of(text: &str) -> Letters {
        sets_of(text).0
    }

    /// Both sets in one.
    pub fn with(self, other: Letters) -> Letters {
        Letters(self.0 | other.0)
    }

    /// Whether every letter and digit of `wanted` is here.
    pub fn has_all(self, wanted: Letters) -> bool {
        self.0 & wanted.0 == wanted.0
    }

    /// Whether a text holds `term` exactly when its letters hold the term's: the term is a
    /// single letter or digit.
    pub fn decide(term: &str) -> bool {
        term.len() == 1 && BITS[usize::from(term.as_bytes()[0])] != 0
    }
}

/// The pairs of adjacent letters (`a`–`z`) in texts, one bit per pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pairs([u64; PAIR_WORDS]);

const PAIR_WORDS: usize = (26 * 26usize).div_ceil(64);

impl Pairs {
    /// The pairs of adjacent letters in folded `text`. A term is found within one text, never
    /// across two, so each text's pairs are taken on its own and combined with [`Pairs::with`].
    pub fn of(text: &str) -> Pairs {
        sets_of(text).1
    }

    /// Both sets in one.
    pub fn with(mut self, other: &Pairs) -> Pairs {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine |= theirs;
        }
        self
    }

    /// Whether every pair of `wanted` is here.
    pub fn has_all(&self, wanted: &Pairs) -> bool {
        self.0.iter().zip(wanted.0).all(|(mine, w)| mine & w == w)
    }

    /// Whether a text holds `term` exactly when its pairs hold the term's: two letters.
    pub fn decide(term: &str) -> bool {
        matches!(term.as_bytes(), [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_letters_and_digits_only() {
        let text = Letters::of("deep nets, 2019 — é");
        for present in [
            "d", "e", "p", "n", "t", "s", "2", "0", "1", "9", "deep", "net 9",
        ] {
            assert!(text.has_all(Letters::of(present)), "{present}");
        }
        for absent in ["a", "z", "3", "deepa"] {
            assert!(!text.has_all(Letters::of(absent)), "{absent}");
        }
        // Punctuation, spaces and other scripts carry no bit, so they never rule a paper out.
        assert!(text.has_all(Letters::of("ü, ?")));
        assert_eq!(Letters::of(""), Letters::default());
    }

    #[test]
    fn only_one_letter_or_digit_decides() {
        assert!(Letters::decide("v"));
        assert!(Letters::decide("7"));
        for term in ["va", "ü", "-", " ", "é"] {
            assert!(!Letters::decide(term), "{term}");
        }
    }

    #[test]
    fn pairs_are_adjacent_letters_within_one_text() {
        let title = Pairs::of("deep nets");
        for present in ["de", "ee", "ep", "ne", "et", "ts", "deep", "nets"] {
            assert!(title.has_all(&Pairs::of(present)), "{present}");
        }
        // Not across the space, nor across two texts combined.
        assert!(!title.has_all(&Pairs::of("pn")));
        let both = title.with(&Pairs::of("xy"));
        assert!(both.has_all(&Pairs::of("xy")) && both.has_all(&Pairs::of("ep")));
        assert!(!both.has_all(&Pairs::of("sx")));
        // Only letters pair: digits and accents hold none, so they never rule a paper out.
        assert_eq!(Pairs::of("a1b é 12"), Pairs::default());
        assert!(Pairs::decide("va") && !Pairs::decide("v") && !Pairs::decide("v1"));
        assert!(!Pairs::decide("var") && !Pairs::decide("é"));
    }

    proptest::proptest! {
        /// The one-pass reading gives what a byte-by-byte and a pair-by-pair reading give.
        #[test]
        fn one_pass_finds_each_letter_and_pair(text in "[a-z0-9 é,-]{0,40}|[a-z0-9 é,-]{120,300}") {
            let mut letters = 0;
            let mut pairs = [0u64; PAIR_WORDS];
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if b.is_ascii_lowercase() {
                    letters |= 1 << (b - b'a');
                } else if b.is_ascii_digit() {
                    letters |= 1 << (26 + b - b'0');
                }
                if let Some(&next) = text.as_bytes().get(i + 1) {
                    if b.is_ascii_lowercase() && next.is_ascii_lowercase() {
                        let at = usize::from(b - b'a') * 26 + usize::from(next - b'a');
                        pairs[at / 64] |= 1 << (at % 64);
                    }
                }
            }
            let mut sets = (Letters(1 << 40), Pairs::default());
            add(&mut sets, &text);
            proptest::prop_assert_eq!(sets, (Letters(letters | 1 << 40), Pairs(pairs)));
        }
    }

    #[test]
    fn sets_combine() {
        let both = Letters::of("ab").with(Letters::of("9"));
        assert!(both.has_all(Letters::of("ba9")));
        assert!(!both.has_all(Letters::of("c")));
    }
}
