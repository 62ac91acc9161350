//! Names for Export's downloads that say what they hold: `publications.bib` for every paper,
//! `publications-bengio-2019.bib` for what a view narrows to.

use crate::kind::PaperType;
use crate::name::Name;
use crate::search::Query;
use crate::state::{parse_years, ViewState};
use crate::text::ascii_words;

/// The longest file name, extension included: short enough for any file system and to read.
const MAX_NAME: usize = 80;

/// The download's file name for the papers `state` shows, with `extension` ("bib", "csl.json"):
/// `publications` and then, when anything narrows the list, the filters and search in the order
/// the page lists them (author family names, topics, years, search words), in lower-case ASCII
/// joined by `-`. Within [`MAX_NAME`] characters, cut at a whole part where it can be. Only
/// ASCII letters, digits, `-` and single dots inside the extension: nothing a file system or a
/// download could take for a path.
pub fn file_name(state: &ViewState, extension: &str) -> String {
    let mut extension: String = extension
        .split('.')
        .map(|part| {
            part.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    extension.truncate(MAX_NAME / 2);
    let room = MAX_NAME - 1 - extension.len();
    let mut stem = "publications".to_owned();
    let mut named = false;
    for part in parts(state) {
        if stem.len() + 1 + part.len() > room {
            if !named {
                // A single part too long to fit whole: as much of it as fits.
                stem.push('-');
                stem.push_str(&part[..room - stem.len()]);
                stem.truncate(stem.trim_end_matches('-').len());
                named = true;
            }
            break;
        }
        stem.push('-');
        stem.push_str(&part);
        named = true;
    }
    if !named && state.is_filtered() {
        // Narrowed by something no ASCII can spell: still not every paper.
        stem.push_str("-filtered");
    }
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

/// The view's filters and search as name parts, each once, none empty.
fn parts(state: &ViewState) -> Vec<String> {
    let authors = state
        .authors
        .iter()
        .map(|author| ascii_words(Name::parse(author).sort_name()).join("-"));
    let topics = state
        .topics
        .iter()
        .map(|topic| ascii_words(topic).join("-"));
    let years = state.years.iter().map(|years| match parse_years(years) {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}-{to}"),
        None => ascii_words(years).join("-"),
    });
    // A type by its key in the URL ("conference"), whatever spelling selected it.
    let types = state
        .types
        .iter()
        .map(|value| match PaperType::from_key(value) {
            Some(kind) => kind.key().to_owned(),
            None => ascii_words(value).join("-"),
        });
    let featured = state.featured.then(|| "featured".to_owned());
    let terms = Query::parse(&state.query).terms;
    let words = terms.iter().map(|term| ascii_words(term).join("-"));
    let mut parts: Vec<String> = Vec::new();
    let all = authors
        .chain(topics)
        .chain(years)
        .chain(types)
        .chain(featured);
    for part in all.chain(words) {
        if !part.is_empty() && !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::FilterKind;

    fn name(query: &str, extension: &str) -> String {
        file_name(&ViewState::from_query(query), extension)
    }

    #[test]
    fn types_and_the_featured_filter_are_named_too() {
        // Found in review: `type=article&year=2020` was named as if it held all of 2020.
        assert_eq!(
            name("type=article&year=2020", "bib"),
            "publications-2020-article.bib"
        );
        assert_eq!(name("featured=1", "bib"), "publications-featured.bib");
        assert_eq!(
            name("type=Conference%20paper&featured=1", "bib"),
            "publications-conference-featured.bib"
        );
    }

    #[test]
    fn names_say_what_the_file_holds() {
        assert_eq!(name("", "bib"), "publications.bib");
        assert_eq!(name("?sort=old&q=%20", "json"), "publications.json");
        assert_eq!(
            name("author=Yoshua%20Bengio&year=2019", "bib"),
            "publications-bengio-2019.bib"
        );
        assert_eq!(
            name("topic=Reinforcement%20Learning", "json"),
            "publications-reinforcement-learning.json"
        );
        assert_eq!(
            name(
                "q=%22graph%20nets%22%20Offline&author=%C3%87a%C4%9Flar%20G%C3%BCl%C3%A7ehre\
                 &author=Ludwig%20van%20Beethoven&topic=RL&year=02019&year=2021-2019",
                "bib"
            ),
            "publications-gulcehre-beethoven-rl-2019-2019-2021-graph-nets-offline.bib"
        );
    }

    #[test]
    fn repeats_and_unspellable_parts_are_dropped() {
        assert_eq!(
            name("author=Ann%20RL&topic=rl&topic=R.L.&year=soon", "bib"),
            "publications-rl-r-l-soon.bib"
        );
        assert_eq!(
            name("q=日本語&author=et%20al.", "bib"),
            "publications-filtered.bib"
        );
        assert_eq!(name("author=李%20明&q=x", "bib"), "publications-x.bib");
    }

    #[test]
    fn names_are_bounded_and_never_paths() {
        let mut state = ViewState::default();
        for topic in ["../../etc/passwd", "a\\b", "c\u{0}d\ne", "C:", "%2e%2e"] {
            state.toggle(FilterKind::Topic, topic);
        }
        assert_eq!(
            file_name(&state, "../.j/s\u{0}on"),
            "publications-etc-passwd-a-b-c-d-e-c-2e-2e.json"
        );
        // CSL-JSON's files say so, and are not taken for the site's own publications.json.
        assert_eq!(name("", "csl.json"), "publications.csl.json");
        assert_eq!(name("", ".csl..json."), "publications.csl.json");
        let many_words = ViewState {
            query: "word ".repeat(40) + &(0..40).map(|n| format!("w{n} ")).collect::<String>(),
            ..ViewState::default()
        };
        let long = file_name(&many_words, "bib");
        assert_eq!(
            long,
            "publications-word-w0-w1-w2-w3-w4-w5-w6-w7-w8-w9-w10-w11-w12-w13-w14-w15-w16.bib"
        );
        let one_long_word = ViewState::from_query(&format!("q={}", "x".repeat(200)));
        let cut = file_name(&one_long_word, "bib");
        assert_eq!(cut, format!("publications-{}.bib", "x".repeat(63)));
        for name in [long, cut, file_name(&state, &"x".repeat(100))] {
            assert!(name.len() <= 80, "{name}");
            assert!(name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b)));
            assert!(!name.contains(".."));
        }
    }
}
