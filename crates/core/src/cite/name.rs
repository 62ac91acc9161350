//! Author names split as bibliographies want them: family and given names.
//!
//! The data writes names as people read them ("Ludwig van Beethoven", sometimes "Beethoven,
//! Ludwig van"); BibTeX keys, CSL-JSON and export file names need the family name. The rules are
//! BibTeX's own: in "First von Last" the family name starts at the first word after the first
//! that begins in lower case ("van", "de la"), else it is the last word; "Last, First" and
//! "Last, Jr, First" say it with commas.

/// An author's name, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// A person.
    Person {
        /// Given names and initials, possibly empty ("Smith,").
        given: String,
        /// The family name, with its particle ("van Beethoven").
        family: String,
        /// "Jr.", "III"; usually empty.
        suffix: String,
    },
    /// A name not to be split: one word ("Google") or an organisation ("The ATLAS Collaboration").
    Literal(String),
    /// "et al." or "others": more authors, not named.
    Others,
}

/// Words that make a name an organisation's (compared in lower case, without a final `.`).
const ORGANISATION_WORDS: &[&str] = &[
    "and",
    "&",
    "association",
    "center",
    "centre",
    "collaboration",
    "committee",
    "consortium",
    "corporation",
    "foundation",
    "group",
    "inc",
    "institute",
    "laboratory",
    "labs",
    "ltd",
    "project",
    "society",
    "team",
    "university",
];

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

impl Name {
    /// Splits a name as written in the data (whitespace already collapsed).
    pub fn parse(name: &str) -> Name {
        let name = name.trim();
        // ASCII case only, here and below: the words compared with are English, and Rust's
        // Unicode case tables would weigh on the site's bundle for nothing.
        let bare = name.trim_end_matches('.').to_ascii_lowercase();
        if matches!(bare.as_str(), "et al" | "et. al" | "others" | "and others") {
            return Name::Others;
        }
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        let organisation = words.iter().any(|w| {
            let word = w.trim_end_matches([',', '.']).to_ascii_lowercase();
            ORGANISATION_WORDS.contains(&word.as_str())
        });
        if organisation || (words.len() < 2 && !name.contains(',')) {
            return Name::Literal(name.to_owned());
        }
        let person = |given: &str, family: &str, suffix: &str| Name::Person {
            given: given.trim().to_owned(),
            family: family.trim().to_owned(),
            suffix: suffix.trim().to_owned(),
        };
        let parts: Vec<&str> = name.split(',').collect();
        match parts.as_slice() {
            [family, given] if !family.trim().is_empty() => person(given, family, ""),
            [family, suffix, given] if !family.trim().is_empty() => person(given, family, suffix),
            [_] => {
                let (words, suffix) = match words.split_last() {
                    Some((last, rest))
                        if rest.len() >= 2
                            && SUFFIXES.contains(&last.to_ascii_lowercase().as_str()) =>
                    {
                        (rest, *last)
                    }
                    _ => (&words[..], ""),
                };
                // The particle may start anywhere after the first word, but not be the last.
                let last = words.len() - 1;
                let family_from = (1..last)
                    .find(|&i| words[i].starts_with(char::is_lowercase))
                    .unwrap_or(last);
                person(
                    &words[..family_from].join(" "),
                    &words[family_from..].join(" "),
                    suffix,
                )
            }
            _ => Name::Literal(name.to_owned()),
        }
    }

    /// The family name without its lower-case particle ("Beethoven" of "van Beethoven"), or the
    /// literal name: what BibTeX keys and file names are made of. Empty for [`Name::Others`].
    pub fn sort_name(&self) -> &str {
        match self {
            Name::Person { family, .. } => {
                let particle_end = family
                    .split(' ')
                    .take_while(|w| w.starts_with(char::is_lowercase))
                    .map(|w| w.len() + 1)
                    .sum::<usize>();
                family.get(particle_end..).unwrap_or(family)
            }
            Name::Literal(name) => name,
            Name::Others => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(given: &str, family: &str, suffix: &str) -> Name {
        Name::Person {
            given: given.into(),
            family: family.into(),
            suffix: suffix.into(),
        }
    }

    #[test]
    fn splits_first_von_last() {
        for (name, expected) in [
            ("Ashish Vaswani", person("Ashish", "Vaswani", "")),
            ("Mats L. Richter", person("Mats L.", "Richter", "")),
            ("Çağlar Gülçehre", person("Çağlar", "Gülçehre", "")),
            (
                "Ludwig van Beethoven",
                person("Ludwig", "van Beethoven", ""),
            ),
            (
                "Juan Pablo de la Cruz",
                person("Juan Pablo", "de la Cruz", ""),
            ),
            (
                "Adriana Romero-Soriano",
                person("Adriana", "Romero-Soriano", ""),
            ),
            ("ann lee", person("ann", "lee", "")),
            (
                "Martin Luther King Jr.",
                person("Martin Luther", "King", "Jr."),
            ),
            ("John Jr", person("John", "Jr", "")),
        ] {
            assert_eq!(Name::parse(name), expected, "{name}");
        }
    }

    #[test]
    fn splits_last_comma_first() {
        assert_eq!(
            Name::parse("van Beethoven, Ludwig"),
            person("Ludwig", "van Beethoven", "")
        );
        assert_eq!(
            Name::parse("King, Jr., Martin Luther"),
            person("Martin Luther", "King", "Jr.")
        );
        assert_eq!(Name::parse("Smith,"), person("", "Smith", ""));
        assert_eq!(Name::parse(", Ann"), Name::Literal(", Ann".into()));
        assert_eq!(
            Name::parse("a, b, c, d"),
            Name::Literal("a, b, c, d".into())
        );
    }

    #[test]
    fn single_words_organisations_and_others() {
        for literal in [
            "Google",
            "李明",
            "The ATLAS Collaboration",
            "Google, Inc.",
            "Johnson & Johnson",
            "Tom and Jerry",
            "OpenAI Team",
        ] {
            assert_eq!(Name::parse(literal), Name::Literal(literal.into()));
        }
        for others in ["et al.", "Et Al", "others", "et. al."] {
            assert_eq!(Name::parse(others), Name::Others, "{others}");
        }
    }

    #[test]
    fn sort_names_drop_the_particle() {
        let sort_name = |name: &str| Name::parse(name).sort_name().to_owned();
        assert_eq!(sort_name("Ludwig van Beethoven"), "Beethoven");
        assert_eq!(sort_name("Juan Pablo de la Cruz"), "Cruz");
        assert_eq!(sort_name("Çağlar Gülçehre"), "Gülçehre");
        assert_eq!(sort_name("Google"), "Google");
        assert_eq!(sort_name("et al."), "");
    }
}
