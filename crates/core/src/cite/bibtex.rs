//! BibTeX for Cite and Export: the paper's own record from the data when there is one, else one
//! made from its fields.
//!
//! A made record is `@inproceedings` when the paper has a venue (given as `booktitle`, which
//! every style accepts for a conference or workshop) and `@misc` otherwise: `@article` would need
//! a `journal` the data does not have, and styles warn about it. Fields come in a fixed order,
//! two spaces in, the record ends with a newline. The title is braced twice, so styles keep its
//! capitals as written ("BERT", "GANs") instead of lowering them. Text stays UTF-8, which
//! biber, Zotero, JabRef and BibTeX with `inputenc` all read; LaTeX's special characters are
//! escaped and `$…$` math is kept as written. No abstract: it would make Cite's text long, and a
//! bibliography does not print it.

use crate::catalog::{Catalog, Paper, PaperIdx};
use crate::fold::collapse_whitespace;
use crate::links::{arxiv_id, cited_url, doi};
use crate::name::Name;
use crate::record::{own_bibtex, Entries};
use crate::text::ascii_words;
use std::collections::HashSet;
use std::ops::Range;

/// Title words a key skips, as Google Scholar's keys do ("On the Convergence of Adam" is
/// `…convergence`).
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
    "in", "is", "it", "of", "on", "or", "the", "to", "we", "what", "when", "where", "which", "who",
    "why", "with",
];

/// The longest author or title part of a key: keys are typed and read by people.
const MAX_KEY_PART: usize = 24;

/// What Cite shows and copies for `paper`: its own record when `file` (the publications file the
/// catalog was read from) still has it, else a made one. Ends with a newline.
pub fn cite<F: Entries + ?Sized>(paper: &Paper, catalog: &Catalog, file: Option<&F>) -> String {
    match file.and_then(|file| own_bibtex(file, paper)) {
        Some(own) => own + "\n",
        None => generate(paper, catalog, &cite_key(paper, catalog)),
    }
}

/// The shown papers as one `.bib` text, in the order given, records separated by a blank line:
/// each paper's own record when `file` has it, else a made one. Made records get keys that no
/// other record in the text has (`a`, `b`… appended to repeats); the data's own records are left
/// as written, even when two of them share a key.
pub fn bibliography<F: Entries + ?Sized>(
    papers: &[PaperIdx],
    catalog: &Catalog,
    file: Option<&F>,
) -> String {
    let paper = |idx: PaperIdx| &catalog.papers[idx as usize];
    let own: Vec<Option<String>> = papers
        .iter()
        .map(|&idx| file.and_then(|file| own_bibtex(file, paper(idx))))
        .collect();
    // Keys of the data's own records first, so that a made key never takes one of them.
    let mut keys = Keys::default();
    for record in own.iter().flatten() {
        if let Some(key) = record_key(record) {
            // Made keys are ASCII: ASCII case is all a clash can differ in.
            keys.used.insert(key.to_ascii_lowercase());
        }
    }
    let records: Vec<String> = papers
        .iter()
        .zip(own)
        .map(|(&idx, own)| match own {
            Some(own) => own + "\n",
            None => {
                let key = keys.unique(cite_key(paper(idx), catalog));
                generate(paper(idx), catalog, &key)
            }
        })
        .collect();
    records.join("\n")
}

/// The key a made record is cited by: the first author's family name, the year and the first
/// significant title word, in lower-case ASCII (`vaswani2017attention`, `gulcehre2016noisy`).
/// Each part is left out when there is none; without name and word, the key is `paper` and the
/// year.
pub fn cite_key(paper: &Paper, catalog: &Catalog) -> String {
    let first_author = paper
        .authors
        .iter()
        .map(|&id| Name::parse(catalog.author_name(id)))
        .find(|name| *name != Name::Others);
    let author = match &first_author {
        Some(name @ Name::Person { .. }) => ascii_words(name.sort_name()).concat(),
        Some(name) => first_significant(name.sort_name()),
        None => String::new(),
    };
    let word = first_significant(&paper.title.shown());
    let author = if author.is_empty() && word.is_empty() {
        "paper".to_owned()
    } else {
        author
    };
    let year = paper.year.map(|y| y.to_string()).unwrap_or_default();
    format!(
        "{}{year}{}",
        cut(&author, MAX_KEY_PART),
        cut(&word, MAX_KEY_PART)
    )
}

/// The first word of `text` that is not a [`STOPWORDS`] one, else its first word, else nothing.
fn first_significant(text: &str) -> String {
    let words = ascii_words(text);
    let word = words
        .iter()
        .find(|w| !STOPWORDS.contains(&w.as_str()))
        .or(words.first());
    word.cloned().unwrap_or_default()
}

/// The first `max` bytes of ASCII `text`.
fn cut(text: &str, max: usize) -> &str {
    &text[..text.len().min(max)]
}

/// A record made from the paper's fields, cited as `key`.
pub fn generate(paper: &Paper, catalog: &Catalog, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut authors: Vec<String> = paper
        .authors
        .iter()
        .map(|&id| name(&Name::parse(catalog.author_name(id))))
        .collect();
    if paper.et_al.any() && !authors.is_empty() {
        authors.push("others".to_owned());
    }
    if !authors.is_empty() {
        fields.push(("author", authors.join(" and ")));
    }
    fields.push(("title", format!("{{{}}}", escape(&paper.title.shown()))));
    // Without a type, a venue is read as proceedings, as most of the papers labs list are.
    let (kind, venue_field) = match paper.paper_type {
        Some(paper_type) => (paper_type.bibtex_type(), paper_type.venue_field()),
        None if paper.venue.is_some() => ("inproceedings", "booktitle"),
        None => ("misc", "howpublished"),
    };
    if let Some(venue) = &paper.venue {
        fields.push((venue_field, escape(&venue.shown())));
    }
    if let Some(year) = paper.year {
        fields.push(("year", year.to_string()));
    }
    if let Some(doi) = doi(paper) {
        fields.push(("doi", verbatim(&doi)));
    }
    if let Some(id) = arxiv_id(paper) {
        fields.push(("eprint", id));
        fields.push(("archiveprefix", "arXiv".to_owned()));
    }
    if let Some(url) = cited_url(paper) {
        fields.push(("url", verbatim(url)));
    }
    let fields: Vec<String> = fields
        .into_iter()
        .map(|(field, value)| format!("  {field} = {{{value}}}"))
        .collect();
    format!("@{kind}{{{key},\n{}\n}}\n", fields.join(",\n"))
}

/// An author as BibTeX reads names: "Family, Given" (which says where the family name starts
/// when it has several words), an organisation braced whole so that BibTeX does not split it,
/// "others" for "et al.".
fn name(name: &Name) -> String {
    match name {
        Name::Person {
            given,
            family,
            suffix,
        } => [family, suffix, given]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(|part| escape(part))
            .collect::<Vec<_>>()
            .join(", "),
        Name::Literal(literal) if literal.contains([' ', ',']) => {
            format!("{{{}}}", escape(literal))
        }
        Name::Literal(literal) => escape(literal),
        Name::Others => "others".to_owned(),
    }
}

/// `text` as the inside of a braced BibTeX value for LaTeX to typeset: whitespace collapsed,
/// control characters dropped, LaTeX's special characters escaped, `$…$` math kept as written.
/// Braces always come out balanced, which BibTeX needs (it counts `\{` too): as `\{` and `\}`
/// when the text's own are balanced, else as `\textbraceleft{}` and `\textbraceright{}`.
fn escape(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    // `\(…\)` is math as much as `$…$` is; BibTeX styles know the dollars.
    let text = collapse_whitespace(&text)
        .replace("\\\\(", "\u{0}")
        .replace("\\(", "$")
        .replace("\\)", "$")
        .replace('\u{0}', "\\\\(");
    let math = math_spans(&text);
    let in_math = |i: usize| math.iter().any(|m| m.contains(&i));
    let mut depth = 0i32;
    let balanced = text
        .char_indices()
        .filter(|&(i, _)| !in_math(i))
        .all(|(_, c)| {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            depth >= 0
        })
        && depth == 0;
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Closing braces of the font commands kept as LaTeX (`\emph{…}`): real braces, not text.
    let mut command_ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some((command, close)) = font_command(&text, i).filter(|_| !in_math(i)) {
            out.push_str(command);
            command_ends.push(close);
            for _ in 1..command.chars().count() {
                chars.next();
            }
            continue;
        }
        if c == '}' && command_ends.last() == Some(&i) {
            command_ends.pop();
            out.push('}');
            continue;
        }
        // Already escaped as LaTeX writes it (`50\%`, `\&`): kept, not escaped twice.
        if c == '\\' {
            if let Some(&(_, next)) = chars.peek().filter(|(_, n)| "%&#_$".contains(*n)) {
                out.push(c);
                out.push(next);
                chars.next();
                continue;
            }
        }
        match c {
            // A comment to LaTeX even in math: it would swallow the rest of the line.
            '%' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ if in_math(i) => out.push(c),
            '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '{' if balanced => out.push_str("\\{"),
            '}' if balanced => out.push_str("\\}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            // TeX's ligatures: `--` is a dash, ``` `` ``` and `''` are quotes; as written here.
            '-' if text[i + 1..].starts_with('-') => out.push_str("-{}"),
            '\'' if text[i + 1..].starts_with('\'') => out.push_str("'{}"),
            '`' => out.push_str("{`}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// The font commands the page shows as emphasis (see `rich`), which BibTeX keeps as LaTeX.
const FONT_COMMANDS: [&str; 4] = ["\\emph{", "\\textit{", "\\textbf{", "\\texttt{"];

/// At byte `at`, a font command whose argument closes: the command with its `{`, and where its
/// `}` is.
fn font_command(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let command = FONT_COMMANDS
        .into_iter()
        .find(|c| text[at..].starts_with(c))?;
    let mut depth = 0;
    for (i, c) in text[at + command.len()..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some((command, at + command.len() + i)),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The byte ranges of `$…$` math in `text`, dollars included: pairs of `$` not escaped as `\$`,
/// with something between them whose braces balance (math is kept as written, and BibTeX could
/// not read unbalanced braces).
fn math_spans(text: &str) -> Vec<Range<usize>> {
    let dollars: Vec<usize> = text
        .match_indices('$')
        .map(|(i, _)| i)
        .filter(|&i| !text[..i].ends_with('\\'))
        .collect();
    dollars
        .chunks_exact(2)
        .map(|pair| pair[0]..pair[1] + 1)
        .filter(|span| {
            let inside = &text[span.start + 1..span.end - 1];
            let mut depth = 0i32;
            !inside.trim().is_empty()
                && inside.chars().all(|c| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth >= 0
                })
                && depth == 0
        })
        .collect()
}

/// A URL or DOI as a BibTeX value: styles print it verbatim (biblatex's `url` and `doi`,
/// `\url{…}`), so nothing is escaped for LaTeX; only what BibTeX itself or the URL would trip on
/// (braces, backslashes, whitespace) is percent-encoded, as a URL allows.
fn verbatim(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if matches!(c, '{' | '}' | '\\') || c.is_whitespace() || c.is_control() {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The key of a BibTeX record (`vaswani2017attention` of `@inproceedings{vaswani2017attention,`).
pub fn record_key(record: &str) -> Option<&str> {
    let rest = record.trim_start().strip_prefix('@')?;
    let rest = &rest[rest.find(['{', '('])? + 1..];
    let key = rest[..rest.find(',')?].trim();
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

/// Keys given in one `.bib` text, compared in lower case as BibTeX does.
#[derive(Default)]
struct Keys {
    used: HashSet<String>,
}

impl Keys {
    /// `base`, or `base` with the first of `a`, `b`… `z`, `aa`… that no record has yet.
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        (0..)
            .map(|n| format!("{base}{}", letters(n)))
            .find(|key| self.used.insert(key.clone()))
            .unwrap_or(base)
    }
}

/// 0 → `a`, 25 → `z`, 26 → `aa`, 27 → `ab`…
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests;
