//! Small text helpers shared by validation and display.

/// A URL- and HTML-id-safe slug of a title, for papers without an id of their own.
pub fn slug(title: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "paper".to_owned()
    } else {
        out.to_owned()
    }
}

/// The words of `text` in lower-case ASCII, for citation keys and file names: folded ("Gülçehre"
/// is "gulcehre"), Latin letters that fold to no ASCII spelled out ("Łukasz" is "lukasz",
/// "Strauß" is "strauss"), apostrophes dropped ("don't" is "dont"), split at anything else.
/// Scripts without Latin letters give no words.
pub fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in crate::fold::fold(text).chars() {
        let spelled = match c {
            'a'..='z' | '0'..='9' => {
                word.push(c);
                continue;
            }
            '\'' | '’' => continue,
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' | 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => "",
        };
        if spelled.is_empty() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        } else {
            word.push_str(spelled);
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The lines of a note: split at newlines and at the HTML line breaks labs write in them
/// (`<br>`, `<br/>`, `<br />`, any case), which are line breaks, never markup. Blank lines go.
pub fn note_lines(note: &str) -> Vec<&str> {
    let lower = note.to_ascii_lowercase();
    // Each line break as (where it starts, where the text after it starts).
    let mut breaks = Vec::new();
    for (at, c) in lower.char_indices() {
        if c == '\n' {
            breaks.push((at, at + 1));
        } else if lower[at..].starts_with("<br") {
            let tail = &lower[at + 3..];
            let close = tail.trim_start_matches([' ', '/']);
            // `<br>`, `<br/>`, `<br />`; not `<bread>`, which stays text.
            if close.starts_with('>') {
                breaks.push((at, at + 3 + (tail.len() - close.len()) + 1));
            }
        }
    }
    let mut lines = Vec::new();
    let mut from = 0;
    for (at, after) in breaks.into_iter().chain([(note.len(), note.len())]) {
        if at < from {
            continue;
        }
        let line = note[from..at].trim();
        if !line.is_empty() {
            lines.push(line);
        }
        from = after;
    }
    lines
}

/// "1 publication", "12 publications", "10,059 publications".
pub fn count_label(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group_digits(n), if n == 1 { one } else { many })
}

/// 10059 → "10,059".
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A collapsed abstract's preview: the start of `text`, cut at a word boundary and ended with "…";
/// `None` when the text is short enough to show whole.
pub fn preview(text: &str, max_chars: usize) -> Option<String> {
    // A little slack, so that a preview never hides just a word or two.
    let slack = max_chars / 5;
    if text.chars().count() <= max_chars + slack {
        return None;
    }
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    // Not inside math, `\emph{…}` or a `[link](…)`, which would then show as their source: cut
    // before it instead.
    let head = match unfinished_markup(head) {
        Some(open) if open > 0 => &head[..open],
        _ => head,
    };
    Some(format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
    ))
}

/// Where the earliest markup that `text` opens but does not close begins: `$` or `\(` math, a
/// command's `{` argument (from its `\`), a `[link](url)`. Rich text shows such a piece as its
/// source, so a preview is cut before it.
fn unfinished_markup(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let (mut dollar, mut paren, mut link_url) = (None, None, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                match bytes.get(i + 1) {
                    Some(b'(') => paren = Some(i),
                    Some(b')') => paren = None,
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = (i + 1..bytes.len())
                            .find(|&j| !bytes[j].is_ascii_alphabetic())
                            .unwrap_or(bytes.len());
                        if bytes.get(name_end) == Some(&b'{') {
                            open.push(i);
                            i = name_end + 1;
                            continue;
                        }
                    }
                    _ => {}
                }
                i += 2;
                continue;
            }
            b'$' => dollar = if dollar.is_some() { None } else { Some(i) },
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            b'[' if dollar.is_none() => open.push(i),
            b']' if dollar.is_none() => {
                if bytes.get(i + 1) == Some(&b'(') {
                    link_url = true;
                    i += 2;
                    continue;
                }
                open.pop();
            }
            b')' if link_url => {
                link_url = false;
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    [open.first().copied(), dollar, paren]
        .into_iter()
        .flatten()
        .min()
}

/// The sentence of `text` around byte `at` (a char boundary), at most about `max_chars` long: a
/// match hidden in a collapsed abstract is shown in context. Sentences end at `.`, `!` or `?`
/// followed by a space; a sentence longer than `max_chars` is cut around `at` at word boundaries.
/// Returns the passage and whether text was left out before and after it.
pub fn sentence_around(text: &str, at: usize, max_chars: usize) -> (&str, bool, bool) {
    let ends_sentence = |i: usize| {
        text[..i].ends_with(['.', '!', '?']) && text[i..].starts_with(char::is_whitespace)
    };
    let start = (1..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i) && ends_sentence(i))
        .map_or(0, |i| i + text[i..].len() - text[i..].trim_start().len());
    let end = (at..text.len())
        .find(|&i| text.is_char_boundary(i) && ends_sentence(i))
        .unwrap_or(text.len());
    let (mut start, mut end) = (start, end);
    // Too long: keep about half the room on each side of the match, cut at spaces.
    let half = max_chars / 2;
    if text[start..end].chars().count() > max_chars {
        let before = text[start..at]
            .char_indices()
            .rev()
            .nth(half)
            .map(|(i, _)| start + i);
        if let Some(cut) = before {
            start = text[cut..at].find(' ').map_or(cut, |s| cut + s + 1);
        }
        let after = text[at..end].char_indices().nth(half).map(|(i, _)| at + i);
        if let Some(cut) = after {
            end = text[at..cut].rfind(' ').map_or(cut, |s| at + s);
        }
    }
    // Not inside `$…$` math, which would show as its source: take the whole formula.
    let dollars: Vec<usize> = text
        .match_indices('$')
        .map(|(i, _)| i)
        .filter(|&i| !text[..i].ends_with('\\'))
        .collect();
    let inside = |i: usize| dollars.iter().filter(|&&d| d < i).count() % 2 == 1;
    if inside(start) {
        start = dollars
            .iter()
            .rev()
            .find(|&&d| d < start)
            .copied()
            .unwrap_or(start);
    }
    if inside(end) {
        end = dollars.iter().find(|&&d| d >= end).map_or(end, |d| d + 1);
    }
    (&text[start..end], start > 0, end < text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_breaks_at_newlines_and_br_only() {
        assert_eq!(
            note_lines("* Equal contribution<br>† Corresponding author"),
            ["* Equal contribution", "† Corresponding author"]
        );
        assert_eq!(note_lines("a<BR />b\n\nc<br/>"), ["a", "b", "c"]);
        assert_eq!(
            note_lines("<b>bold</b> <brave> <script>x</script>"),
            ["<b>bold</b> <brave> <script>x</script>"]
        );
        assert!(note_lines("").is_empty());
        // Found in review: a `<br…` that is no break hid the real one after it.
        assert_eq!(
            note_lines("<bread> first<br>second"),
            ["<bread> first", "second"]
        );
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("Don't Flatten, Tokenize!"), "don-t-flatten-tokenize");
        assert_eq!(slug("$100K or 100 Days"), "100k-or-100-days");
        assert_eq!(slug("日本語"), "paper");
        assert!(slug(&"word ".repeat(50)).len() <= 60);
        assert!(!slug(&"word ".repeat(50)).ends_with('-'));
    }

    #[test]
    fn ascii_words_spell_latin_letters_out() {
        assert_eq!(ascii_words("Çağlar Gülçehre"), ["caglar", "gulcehre"]);
        assert_eq!(
            ascii_words("Łukasz Strauß-Sørensen"),
            ["lukasz", "strauss", "sorensen"]
        );
        assert_eq!(
            ascii_words("Don’t Flatten, Tokenize! 3D"),
            ["dont", "flatten", "tokenize", "3d"]
        );
        assert_eq!(ascii_words("李 明 (Li Ming)"), ["li", "ming"]);
        assert!(ascii_words("日本語 / .. \\").is_empty());
    }

    #[test]
    fn previews_cut_long_text_at_a_word() {
        assert_eq!(preview("short text", 100), None);
        assert_eq!(
            preview("one two three, four five six", 12),
            Some("one two…".into())
        );
        let long = "é".repeat(500);
        let p = preview(&long, 100).unwrap();
        assert_eq!(p.chars().count(), 101);
        assert_eq!(preview("a b c d e f", 10), None, "within the slack");
        assert_eq!(
            preview("We bound $\\ell_1 + \\ell_2$ norms of it", 20),
            Some("We bound…".into()),
            "math is not cut"
        );
        assert_eq!(
            preview("We bound \\(\\ell_1 + \\ell_2\\) norms of it", 20),
            Some("We bound…".into())
        );
        assert_eq!(
            preview("A study of \\emph{a fairly long emphasis} here and on", 24),
            Some("A study of…".into())
        );
        assert_eq!(
            preview("See [the long link text](https://example.org) for more", 20),
            Some("See…".into())
        );
        assert_eq!(
            preview(
                "Done: $x$, \\emph{y} and [z](https://z.org); then more words",
                44
            ),
            Some("Done: $x$, \\emph{y} and [z](https://z.org)…".into()),
            "closed markup is kept"
        );
        assert_eq!(
            preview("Costs \\$5 or more than the others", 14),
            Some("Costs \\$5 or…".into()),
            "an escaped dollar is no math"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(
            count_label(1, "publication", "publications"),
            "1 publication"
        );
        assert_eq!(
            count_label(0, "publication", "publications"),
            "0 publications"
        );
        assert_eq!(
            count_label(12, "publication", "publications"),
            "12 publications"
        );
    }

    #[test]
    fn sentences_around_a_match() {
        let text = "First one. The second has the word here! Third? Last";
        let at = text.find("word").unwrap();
        assert_eq!(
            sentence_around(text, at, 100),
            ("The second has the word here!", true, true)
        );
        assert_eq!(sentence_around(text, 0, 100), ("First one.", false, true));
        let last = text.find("Last").unwrap();
        assert_eq!(sentence_around(text, last, 100), ("Last", true, false));
        // "e.g. this" is not split when no space follows the period; a decimal neither.
        let text = "We get 0.5 gain, i.e.,the best. Next";
        assert_eq!(
            sentence_around(text, text.find("gain").unwrap(), 100).0,
            "We get 0.5 gain, i.e.,the best."
        );
    }

    #[test]
    fn a_passage_never_cuts_a_formula() {
        let text = format!("{} $a + b + c + d$ needle $x. y$ more", "w ".repeat(40));
        let at = text.find("needle").unwrap();
        let (passage, _, _) = sentence_around(&text, at, 20);
        assert_eq!(passage.matches('$').count() % 2, 0, "{passage}");
        assert!(
            passage.contains("$a + b + c + d$ needle $x. y$"),
            "{passage}"
        );
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_match() {
        let text = format!("{} needle {}", "word ".repeat(200), "more ".repeat(200));
        let at = text.find("needle").unwrap();
        let (passage, before, after) = sentence_around(&text, at, 40);
        assert!(passage.contains("needle"), "{passage}");
        assert!(passage.chars().count() <= 42, "{passage}");
        assert!(
            !passage.starts_with(' ') && !passage.ends_with(' '),
            "{passage:?}"
        );
        assert!(before && after);
        let accents = format!("{}é needle é{}", "é".repeat(300), "é".repeat(300));
        let at = accents.find("needle").unwrap();
        assert!(sentence_around(&accents, at, 40).0.contains("needle"));
    }
}
