//! Marks written on author names (`Zhang*†`: equal contribution, corresponding author) and names
//! that are not people ("+11 more", "others").
//!
//! A mark is not part of the name: "Kaiyan Zhang*†" and "Kaiyan Zhang" are one person, in the
//! author facet, the filters, the search and Cite alike. The card shows the marks as superscripts
//! beside the name, with a legend saying what each means.

/// The symbols that mark an author.
pub const MARKS: [char; 6] = ['*', '†', '‡', '∗', '§', '#'];

/// What `*` and `†` mean when the data does not say.
pub fn default_meaning(mark: char) -> Option<&'static str> {
    match mark {
        '*' | '∗' => Some("Equal contribution"),
        '†' => Some("Corresponding author"),
        _ => None,
    }
}

/// A name as written, split into the name and its marks (each once, in the order written):
/// `"Kaiyan Zhang*†"` → `("Kaiyan Zhang", "*†")`. Marks are taken from the ends of words only,
/// so a name never loses a letter; a name that is nothing but marks is left as it is.
pub fn split_marks(written: &str) -> (String, String) {
    // Most names carry no mark: only their whitespace changes.
    if !may_carry_marks(written) {
        return (
            written.split_whitespace().collect::<Vec<_>>().join(" "),
            String::new(),
        );
    }
    split_marked(written)
}

/// Whether [`split_marks`] may take something off `name`: a mark, or a comma (which may stand
/// alone as a word and go). Most names have neither.
pub fn may_carry_marks(name: &str) -> bool {
    name.contains(|c| MARKS.contains(&c) || c == ',')
}

/// [`split_marks`] of a name that carries some mark.
fn split_marked(written: &str) -> (String, String) {
    let mut marks = String::new();
    let mut words = Vec::new();
    for written_word in written.split_whitespace() {
        // "Zhang*†, Kaiyan": the comma of a "Family, Given" name stays with the word.
        let (word, comma) = match written_word.strip_suffix(',') {
            Some(word) => (word, ","),
            None => (written_word, ""),
        };
        let bare = word.trim_matches(|c| MARKS.contains(&c));
        // Only the ends of a word: a mark inside one (`O*Neil`) is part of the name as written.
        let ends = word.len() - bare.len();
        let (start, end) = word.split_at(word.find(bare).unwrap_or(0));
        let end = &end[bare.len().min(end.len())..];
        debug_assert_eq!(start.len() + end.len(), ends);
        for c in start.chars().chain(end.chars()) {
            if !marks.contains(c) {
                marks.push(c);
            }
        }
        if !bare.is_empty() {
            words.push(format!("{bare}{comma}"));
        }
    }
    if words.is_empty() {
        return (written.trim().to_owned(), String::new());
    }
    (words.join(" "), marks)
}

/// More authors than those named: how many, when the data says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MoreAuthors {
    /// Every author is named.
    #[default]
    None,
    /// Some are not named ("et al.", BibTeX's `and others`).
    Unknown,
    /// This many are not named ("+11 more").
    Count(u32),
}

impl MoreAuthors {
    /// Both together: a count wins over "some", the larger count over the smaller.
    pub fn with(self, other: MoreAuthors) -> MoreAuthors {
        match (self, other) {
            (MoreAuthors::Count(a), MoreAuthors::Count(b)) => MoreAuthors::Count(a.max(b)),
            (MoreAuthors::Count(n), _) | (_, MoreAuthors::Count(n)) => MoreAuthors::Count(n),
            (MoreAuthors::None, MoreAuthors::None) => MoreAuthors::None,
            _ => MoreAuthors::Unknown,
        }
    }

    /// Whether any author is left unnamed.
    pub fn any(self) -> bool {
        self != MoreAuthors::None
    }
}

/// Whether an author "name" stands for authors not named: "others", "et al.", "and others",
/// "+11 more", "11 more authors", "authors, +11 more", "+3 others". `None` for a person.
pub fn pseudo_author(name: &str) -> Option<MoreAuthors> {
    // ASCII only: every such phrase is English, and Unicode case tables would weigh on the site.
    let lower = name
        .trim()
        .trim_end_matches('.')
        .trim()
        .to_ascii_lowercase();
    let lower = lower.strip_prefix("authors,").unwrap_or(&lower).trim();
    let lower = lower.strip_prefix("and ").unwrap_or(lower).trim();
    if matches!(lower, "others" | "et al" | "et. al" | "et.al" | "…" | "...") {
        return Some(MoreAuthors::Unknown);
    }
    let rest = lower.strip_prefix('+').unwrap_or(lower).trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let count: u32 = rest[..digits].parse().ok()?;
    let tail = rest[digits..].trim();
    let tail = tail.strip_suffix("authors").unwrap_or(tail).trim();
    // A bare number is a number; "+3" says "three more".
    let counted = match tail {
        "more" | "others" | "other" | "more authors" => true,
        "" => lower.starts_with('+'),
        _ => false,
    };
    counted.then_some(MoreAuthors::Count(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A name without marks is split as one with them would be.
        #[test]
        fn a_name_without_marks_keeps_its_words(name in "[a-zA-Z ,.\t\u{a0}é-]{0,20}") {
            proptest::prop_assert_eq!(split_marks(&name), split_marked(&name));
        }
    }

    #[test]
    fn marks_are_split_off_names() {
        assert_eq!(
            split_marks("Kaiyan Zhang*†"),
            ("Kaiyan Zhang".into(), "*†".into())
        );
        assert_eq!(
            split_marks("Zhang*†, Kaiyan"),
            ("Zhang, Kaiyan".into(), "*†".into())
        );
        assert_eq!(
            split_marks("A. Einstein*†"),
            ("A. Einstein".into(), "*†".into())
        );
        assert_eq!(split_marks("†Ning Ding"), ("Ning Ding".into(), "†".into()));
        assert_eq!(split_marks("Ann Lee"), ("Ann Lee".into(), String::new()));
        assert_eq!(split_marks("Ann Lee * ‡"), ("Ann Lee".into(), "*‡".into()));
        assert_eq!(split_marks("*"), ("*".into(), String::new()));
    }

    #[test]
    fn pseudo_authors_are_not_people() {
        for (name, more) in [
            ("others", MoreAuthors::Unknown),
            ("et al.", MoreAuthors::Unknown),
            ("And Others", MoreAuthors::Unknown),
            ("+11 more", MoreAuthors::Count(11)),
            ("+11 more authors", MoreAuthors::Count(11)),
            ("authors, +11 more", MoreAuthors::Count(11)),
            ("11 more authors", MoreAuthors::Count(11)),
            ("+3 others", MoreAuthors::Count(3)),
            ("+3", MoreAuthors::Count(3)),
        ] {
            assert_eq!(pseudo_author(name), Some(more), "{name}");
        }
        for person in ["Ann Lee", "Al Gore", "More", "3M", "Others Smith", "2001"] {
            assert_eq!(pseudo_author(person), None, "{person}");
        }
    }

    #[test]
    fn more_authors_combine() {
        use MoreAuthors::*;
        assert_eq!(None.with(Unknown), Unknown);
        assert_eq!(Unknown.with(Count(3)), Count(3));
        assert_eq!(Count(2).with(Count(3)), Count(3));
        assert_eq!(None.with(None), None);
    }
}
