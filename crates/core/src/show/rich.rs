//! Titles and abstracts as rich text: inline math, emphasis, code and links, read from the LaTeX
//! and Markdown that real ones contain, as a tree the site builds DOM nodes from. Text stays text:
//! every leaf is a plain string, never markup, and a link is made only to a safe URL.
//!
//! What is not understood, or is malformed, stays as its source text.

use crate::catalog::is_safe_url;
use crate::math::{parse_math, MathNode};

/// A piece of rich text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text, to be shown (and search-highlighted) as it is.
    Text(String),
    /// Inline math: its LaTeX source, without delimiters, and its MathML tree.
    Math {
        /// The LaTeX between the delimiters.
        source: String,
        /// The MathML, to go inside a `<math>` element.
        node: MathNode,
    },
    /// Emphasis (`\emph{…}`, `\textit{…}`, `{\em …}`).
    Emph(Vec<Inline>),
    /// Strong emphasis (`\textbf{…}`, `{\bf …}`).
    Strong(Vec<Inline>),
    /// Code (`` `…` ``, `\texttt{…}`).
    Code(String),
    /// A link to a safe URL (`[text](url)`, `\url{…}`, `\href{url}{text}`, a bare `https://…`).
    Link {
        /// What the link shows.
        text: Vec<Inline>,
        /// Where it goes: an http, https or mailto URL.
        url: String,
    },
}

/// `text` as rich text. Text without markup is a single [`Inline::Text`] (none for empty text),
/// found without parsing.
pub fn rich_text(text: &str) -> Vec<Inline> {
    if text.is_empty() {
        return Vec::new();
    }
    let plain = !text
        .bytes()
        .any(|b| matches!(b, b'$' | b'\\' | b'`' | b'['))
        && memchr::memmem::find(text.as_bytes(), b"http").is_none();
    if plain {
        return vec![Inline::Text(text.to_owned())];
    }
    Rich::new(text).inlines(0, text.len(), 0)
}

/// `text` as plain text, for where markup cannot go (a `<title>`, a meta tag, a feed's text):
/// emphasis, code and links become their text, and math its LaTeX between `$`, as a paper's
/// metadata writes it.
pub fn plain_text(text: &str) -> String {
    fn push(out: &mut String, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Math { source, .. } => {
                    out.push('$');
                    out.push_str(source);
                    out.push('$');
                }
                Inline::Emph(inner) | Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                    push(out, inner)
                }
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    push(&mut out, &rich_text(text));
    out
}

/// `inlines` with each link replaced by its text: for where a link cannot be, inside another.
pub fn without_links(inlines: Vec<Inline>) -> Vec<Inline> {
    inlines
        .into_iter()
        .flat_map(|inline| match inline {
            Inline::Link { text, .. } => without_links(text),
            Inline::Emph(inner) => vec![Inline::Emph(without_links(inner))],
            Inline::Strong(inner) => vec![Inline::Strong(without_links(inner))],
            other => vec![other],
        })
        .collect()
}

/// Emphasis, links and the like nested deeper than this stay as source text.
const MAX_NESTING: usize = 8;

/// The LaTeX text-mode escapes, shown as the character they escape.
const ESCAPED: &[u8] = b"$%&#_{}";

struct Rich<'a> {
    text: &'a str,
    /// Braces and brackets, as (open, close) byte offsets in order of opening, found in one pass
    /// so that finding a group's end never rescans the text; an unclosed group closes at
    /// `usize::MAX`.
    braces: Vec<(usize, usize)>,
    brackets: Vec<(usize, usize)>,
    /// Offsets of the `$` signs that may close inline math, and of the `\)` that do.
    closers: Vec<usize>,
    paren_closers: Vec<usize>,
}

/// Where the parse of a construct ends, and what it made.
type Parsed = Option<(usize, Inline)>;

impl<'a> Rich<'a> {
    /// Finds the groups and closing delimiters in one pass.
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut rich = Rich {
            text,
            braces: Vec::new(),
            brackets: Vec::new(),
            closers: Vec::new(),
            paren_closers: Vec::new(),
        };
        // Indices in `braces` and `brackets` of the groups still open.
        let (mut open_braces, mut open_brackets) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                // The escaped character is skipped: `\$` is a dollar, `\\$` a closer.
                b'\\' => {
                    if bytes.get(i + 1) == Some(&b')') {
                        rich.paren_closers.push(i);
                    }
                    i += 1;
                }
                // Against prices read as math ("$5 and $10"), as Pandoc does: a closing `$`
                // follows a non-space (see also `dollar_math`).
                b'$' if i > 0 && !bytes[i - 1].is_ascii_whitespace() => rich.closers.push(i),
                b'{' => {
                    open_braces.push(rich.braces.len());
                    rich.braces.push((i, usize::MAX));
                }
                b'[' => {
                    open_brackets.push(rich.brackets.len());
                    rich.brackets.push((i, usize::MAX));
                }
                b'}' => {
                    if let Some(o) = open_braces.pop() {
                        rich.braces[o].1 = i;
                    }
                }
                b']' => {
                    if let Some(o) = open_brackets.pop() {
                        rich.brackets[o].1 = i;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        rich
    }

    /// The rich text of `text[start..end]`, `depth` constructs deep.
    fn inlines(&self, start: usize, end: usize, depth: usize) -> Vec<Inline> {
        let bytes = self.text.as_bytes();
        let mut out = Vec::new();
        let mut plain = String::new();
        let mut pos = start;
        let mut copied = start;
        while pos < end {
            let parsed = match bytes[pos] {
                b'\\' => self.command(pos, end, depth),
                b'$' => self.dollar_math(pos, end),
                b'`' => self.code(pos, end),
                b'[' if depth < MAX_NESTING => self.link(pos, end, depth),
                b'{' if depth < MAX_NESTING => self.switch(pos, end, depth),
                b'h' if bytes[pos..end].starts_with(b"http") => self.bare_url(pos, end),
                _ => None,
            };
            match parsed {
                Some((next, inline)) => {
                    plain.push_str(&self.text[copied..pos]);
                    if let Inline::Text(t) = inline {
                        plain.push_str(&t);
                    } else {
                        if !plain.is_empty() {
                            out.push(Inline::Text(std::mem::take(&mut plain)));
                        }
                        out.push(inline);
                    }
                    pos = next;
                    copied = next;
                }
                // An escaped backslash is one unit, so that the `$` of `\\$` is not escaped; a run of
                // backticks is skipped whole, so that ``` `` ``` is not read again as `` ` ``.
                None if bytes[pos] == b'\\' && pos + 1 < end && bytes[pos + 1] == b'\\' => pos += 2,
                None if bytes[pos] == b'`' => {
                    pos += bytes[pos..end].iter().take_while(|&&b| b == b'`').count();
                }
                // Every construct starts with an ASCII byte, which is never inside a longer
                // character: the bytes in between are stepped over one by one.
                None => pos += 1,
            }
        }
        plain.push_str(&self.text[copied..end]);
        if !plain.is_empty() {
            out.push(Inline::Text(plain));
        }
        out
    }

    /// The close of the group opened at `open`, if it closes before `end`.
    fn close_of(list: &[(usize, usize)], open: usize, end: usize) -> Option<usize> {
        let i = list.binary_search_by_key(&open, |&(o, _)| o).ok()?;
        Some(list[i].1).filter(|&close| close < end)
    }

    /// A backslash command at `pos`.
    fn command(&self, pos: usize, end: usize, depth: usize) -> Parsed {
        let rest = &self.text[pos + 1..end];
        let next = *rest.as_bytes().first()?;
        if ESCAPED.contains(&next) {
            return Some((pos + 2, Inline::Text((next as char).to_string())));
        }
        if next == b'(' {
            let close = *next_after(&self.paren_closers, pos + 1).filter(|&&c| c < end)?;
            let source = &self.text[pos + 2..close];
            return Some((close + 2, math(source, &self.text[pos..close + 2])));
        }
        let name_len = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let name = &rest[..name_len];
        let open = pos + 1 + name_len;
        if self.text.as_bytes().get(open) != Some(&b'{') || depth >= MAX_NESTING {
            return None;
        }
        let close = Self::close_of(&self.braces, open, end)?;
        let inner = || self.inlines(open + 1, close, depth + 1);
        let content = &self.text[open + 1..close];
        let inline = match name {
            "emph" | "textit" => Inline::Emph(inner()),
            "textbf" => Inline::Strong(inner()),
            "texttt" => Inline::Code(unescape(content)),
            "url" => url_link(content, vec![Inline::Text(content.trim().to_owned())])?,
            "href" => {
                let text_open = close + 1;
                if self.text.as_bytes().get(text_open) != Some(&b'{') {
                    return None;
                }
                let text_close = Self::close_of(&self.braces, text_open, end)?;
                let text = self.inlines(text_open + 1, text_close, depth + 1);
                return Some((text_close + 1, url_link(content, text)?));
            }
            _ => return None,
        };
        Some((close + 1, inline))
    }

    /// Inline math `$…$` opening at `pos`: the opening `$` is followed by a non-space.
    fn dollar_math(&self, pos: usize, end: usize) -> Parsed {
        let bytes = self.text.as_bytes();
        let after = *bytes.get(pos + 1)?;
        if after.is_ascii_whitespace() || after == b'$' {
            return None;
        }
        let close = *next_after(&self.closers, pos + 1).filter(|&&c| c < end)?;
        let source = &self.text[pos + 1..close];
        // Pandoc's other rule against prices ("$5-$10"): a `$` followed by a digit does not close.
        // But math written with a command is math, and is often followed by a number
        // (`$\sim$10`, `224$\times$224`).
        if bytes.get(close + 1).is_some_and(u8::is_ascii_digit) && !source.contains('\\') {
            return None;
        }
        let inline = text_command(source).unwrap_or_else(|| math(source, &self.text[pos..=close]));
        Some((close + 1, inline))
    }

    /// A Markdown code span: one backtick, text without a backtick, a line break or a `'`, one
    /// backtick. The `'` rule leaves LaTeX quotes (`` `word' ``, ``` ``words'' ```) alone.
    fn code(&self, pos: usize, end: usize) -> Parsed {
        let bytes = self.text.as_bytes();
        if bytes.get(pos + 1) == Some(&b'`') {
            return None;
        }
        let len = bytes[pos + 1..end]
            .iter()
            .position(|&b| matches!(b, b'`' | b'\n' | b'\''))?;
        let close = pos + 1 + len;
        if bytes[close] != b'`' || bytes.get(close + 1) == Some(&b'`') {
            return None;
        }
        let content = &self.text[pos + 1..close];
        if content.trim().is_empty() {
            return None;
        }
        Some((close + 1, Inline::Code(content.to_owned())))
    }

    /// A Markdown link `[text](url)` at `pos`. One to an unsafe URL stays text, whole.
    fn link(&self, pos: usize, end: usize, depth: usize) -> Parsed {
        let bytes = self.text.as_bytes();
        let text_close = Self::close_of(&self.brackets, pos, end)?;
        if bytes.get(text_close + 1) != Some(&b'(') {
            return None;
        }
        let url_start = text_close + 2;
        let url_end = link_target_end(self.text, url_start, end)?;
        let url = &self.text[url_start..url_end];
        let source = &self.text[pos..=url_end];
        if !is_safe_url(url) {
            return Some((url_end + 1, Inline::Text(source.to_owned())));
        }
        let mut text = self.inlines_without_links(pos + 1, text_close, depth + 1);
        if text.is_empty() {
            text.push(Inline::Text(url.to_owned()));
        }
        Some((
            url_end + 1,
            Inline::Link {
                text,
                url: url.to_owned(),
            },
        ))
    }

    /// Rich text in which links are text, for the text of a link.
    fn inlines_without_links(&self, start: usize, end: usize, depth: usize) -> Vec<Inline> {
        self.inlines(start, end, depth)
            .into_iter()
            .flat_map(|inline| match inline {
                Inline::Link { text, .. } => text,
                other => vec![other],
            })
            .fold(Vec::new(), |mut out, inline| {
                match (out.last_mut(), inline) {
                    (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
                    (_, inline) => out.push(inline),
                }
                out
            })
    }

    /// An old-style font switch group at `pos`: `{\em …}`, `{\it …}`, `{\bf …}`.
    fn switch(&self, pos: usize, end: usize, depth: usize) -> Parsed {
        let rest = &self.text[pos + 1..end];
        let (name, strong) = [
            ("\\em", false),
            ("\\it", false),
            ("\\sl", false),
            ("\\bf", true),
        ]
        .into_iter()
        .find(|(name, _)| {
            rest.strip_prefix(name)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphabetic()))
        })?;
        let close = Self::close_of(&self.braces, pos, end)?;
        let mut start = pos + 1 + name.len();
        if self.text.as_bytes()[start].is_ascii_whitespace() {
            start += 1;
        }
        let inner = self.inlines(start, close, depth + 1);
        Some((
            close + 1,
            if strong {
                Inline::Strong(inner)
            } else {
                Inline::Emph(inner)
            },
        ))
    }

    /// A bare `http://` or `https://` URL at `pos`, without the punctuation that ends a sentence
    /// around it.
    fn bare_url(&self, pos: usize, end: usize) -> Parsed {
        let url = &self.text[pos..pos + bare_url_len(self.text, pos, end)?];
        Some((
            pos + url.len(),
            url_link(url, vec![Inline::Text(url.to_owned())])?,
        ))
    }
}

/// Where the target of a Markdown link `[text](target)` that starts at `url_start` ends: the
/// offset of its closing `)`, nested parentheses allowed; `None` when it is no target (a space,
/// a bracket, a quote, or no `)` before `end`). The importer's Markdown reading asks too.
pub fn link_target_end(text: &str, url_start: usize, end: usize) -> Option<usize> {
    let mut parens = 0usize;
    for (i, &b) in text.as_bytes()[url_start.min(end)..end].iter().enumerate() {
        match b {
            b'(' => parens += 1,
            b')' if parens == 0 => return Some(url_start + i),
            b')' => parens -= 1,
            b'[' | b']' | b'<' | b'>' | b'"' => return None,
            b if b.is_ascii_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// How long the bare `http://` or `https://` URL at `pos` in `text[..end]` is, without the
/// punctuation that ends a sentence around it; `None` when none starts there (the importer's
/// Markdown reading asks too, to leave what the site will link alone).
pub fn bare_url_len(text: &str, pos: usize, end: usize) -> Option<usize> {
    let rest = &text[pos..end];
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| rest.starts_with(s))?;
    if pos > 0 && text.as_bytes()[pos - 1].is_ascii_alphanumeric() {
        return None;
    }
    let len = rest
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '\\' | '|')
        })
        .unwrap_or(rest.len());
    let mut url = &rest[..len];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*']);
        let unbalanced = |open: char, close: char| {
            trimmed.ends_with(close)
                && trimmed.matches(open).count() < trimmed.matches(close).count()
        };
        let trimmed = if unbalanced('(', ')') || unbalanced('[', ']') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    (url.len() > scheme.len()).then_some(url.len())
}

/// The first of the sorted `offsets` after `pos`.
fn next_after(offsets: &[usize], pos: usize) -> Option<&usize> {
    offsets.get(offsets.partition_point(|&o| o <= pos))
}

/// Math from `source`, or `whole` (with its delimiters) as text when it is not math we can show.
fn math(source: &str, whole: &str) -> Inline {
    match parse_math(source) {
        Some(node) => Inline::Math {
            source: source.to_owned(),
            node,
        },
        None => Inline::Text(whole.to_owned()),
    }
}

/// Math that is only a text command, as authors write to style a word (`$\texttt{SPIN}$`,
/// `$\textbf{S}$kill`): shown as styled text, which search can highlight.
fn text_command(source: &str) -> Option<Inline> {
    let source = source.trim();
    let (name, rest) = source.strip_prefix('\\')?.split_once('{')?;
    let content = rest.strip_suffix('}')?;
    if content.contains(['\\', '{', '}', '$']) || content.is_empty() {
        return None;
    }
    let text = content.to_owned();
    Some(match name {
        "textbf" | "mathbf" => Inline::Strong(vec![Inline::Text(text)]),
        "textit" | "emph" => Inline::Emph(vec![Inline::Text(text)]),
        "texttt" => Inline::Code(text),
        _ => return None,
    })
}

/// A link to `url` showing `text`, if the URL is safe and a single word.
fn url_link(url: &str, text: Vec<Inline>) -> Option<Inline> {
    let url = url.trim();
    (is_safe_url(url) && !url.contains(char::is_whitespace)).then(|| Inline::Link {
        text,
        url: url.to_owned(),
    })
}

/// LaTeX text with its escaped specials (`\_`, `\%`, …) unescaped.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if next.is_ascii() && ESCAPED.contains(&(next as u8)) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
