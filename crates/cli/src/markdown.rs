//! Markdown emphasis in the fields websites write in Markdown (al-folio's `award`, `annotation`
//! and `additional_info`, BibBase's `bibbase_note`, Hugo Blox's `title`, `abstract`, `summary`
//! and `author_notes`), which the site's rich text does not read: [`to_latex`] writes it as the
//! commands it does read (`**x**`, `__x__` → `\textbf{x}`; `*x*`, `_x_` → `\emph{x}`), and
//! [`plain`] drops it, for a field the site shows as plain text.
//!
//! Delimiters pair as CommonMark pairs them (flanking runs, the rule of three, nothing across a
//! blank line), so that a lone `*` stays as written: "* Equal contribution", `A* search`,
//! `B*-trees`, `snake_case_name`. Math (`$…$`, `\(…\)`), code spans, bare URLs and the targets of
//! Markdown links are read as the site reads them and left as they are. Text inside emphasis is
//! text: its braces are escaped (`\{`, `\}`), so a literal `\name{` never becomes a command and
//! a brace never closes the group early. An emphasis whose contents could still unbalance the
//! group (a code span holding one brace) stays as written.

use papershelf_core::catalog::is_safe_url;
use papershelf_core::rich::{bare_url_len, link_target_end};

/// `text` with its Markdown emphasis as the LaTeX the site renders.
pub fn to_latex(text: &str) -> String {
    convert(text, Mode::Latex)
}

/// `text` with its Markdown emphasis dropped (the words kept), for a field shown as plain text.
pub fn plain(text: &str) -> String {
    convert(text, Mode::Plain)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Latex,
    Plain,
}

fn convert(text: &str, mode: Mode) -> String {
    // Without a delimiter there is nothing to do: the text stays exactly as written.
    if !text.contains(['*', '_']) {
        return text.to_owned();
    }
    let parser = Parser::new(text);
    let seq = parser.seq(0, text.len(), 0);
    let mut out = String::with_capacity(text.len() + 16);
    render(&seq, mode, false, 0, &mut out);
    out
}

/// Groups (emphasis, links) nested deeper than this the site shows as source (rich.rs's
/// `MAX_NESTING`): emphasis that deep stays Markdown, and links that deep are not looked for.
const MAX_NESTING: usize = 8;

/// A piece of text, as the first pass finds it.
#[derive(Debug)]
enum Item {
    /// Text as written, escaped when it lands inside emphasis.
    Text(String),
    /// Source the site reads as it is (math, code, a URL, an escape): never changed.
    Raw(String),
    /// A Markdown link: its text, paired on its own, and `](target)` as written.
    Link { text: Seq, target: String },
    /// A run of `*` or `_`.
    Delim(Delim),
    /// A blank line: no emphasis pairs across it.
    Barrier(String),
}

/// A run of `*` or `_`, as CommonMark's delimiter stack holds it, with the emphasis it opens and
/// closes once paired.
#[derive(Debug)]
struct Delim {
    ch: char,
    /// Delimiters left unpaired: text.
    count: usize,
    /// The run's length as written (for the rule of three).
    written: usize,
    can_open: bool,
    can_close: bool,
    /// The emphasis it closes, innermost first: whether each is strong.
    closes: Vec<bool>,
    /// The emphasis it opens, innermost first: whether each is strong, and the item closing it.
    opens: Vec<(bool, usize)>,
}

/// Items, paired.
#[derive(Debug)]
struct Seq {
    items: Vec<Item>,
    /// How many of the items before each (and before the end) would unbalance a group around
    /// them: a span whose braces do not balance, as the site matches braces.
    unbalanced: Vec<usize>,
}

impl Seq {
    /// Whether the items strictly between `open` and `close` can go inside a `\emph{…}`.
    fn balanced_between(&self, open: usize, close: usize) -> bool {
        self.unbalanced[close] == self.unbalanced[open + 1]
    }
}

/// The source, with what the site matches over the whole text found in one pass (as rich.rs's
/// `Rich::new` finds it), so that no construct is looked for by rescanning the text.
struct Parser<'a> {
    src: &'a str,
    /// Matching brackets, (open, close), in order of opening; an unclosed one is left out.
    brackets: Vec<(usize, usize)>,
    /// The `$` that may close inline math (after a non-space), and the `\)` that do.
    dollar_closers: Vec<usize>,
    paren_closers: Vec<usize>,
    /// Runs of backticks, by length: their offsets.
    backticks: std::collections::HashMap<usize, Vec<usize>>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        let bytes = src.as_bytes();
        let mut parser = Parser {
            src,
            brackets: Vec::new(),
            dollar_closers: Vec::new(),
            paren_closers: Vec::new(),
            backticks: std::collections::HashMap::new(),
        };
        let mut open = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    if bytes.get(i + 1) == Some(&b')') {
                        parser.paren_closers.push(i);
                    }
                    i += 1;
                }
                b'$' if i > 0 && !bytes[i - 1].is_ascii_whitespace() => {
                    parser.dollar_closers.push(i)
                }
                b'[' => open.push(i),
                b']' => {
                    if let Some(o) = open.pop() {
                        parser.brackets.push((o, i));
                    }
                }
                b'`' => {
                    let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    parser.backticks.entry(run).or_default().push(i);
                    i += run - 1;
                }
                _ => {}
            }
            i += 1;
        }
        parser.brackets.sort_unstable();
        parser
    }

    /// `src[start..end]`, paired; `depth` links deep.
    fn seq(&self, start: usize, end: usize, depth: usize) -> Seq {
        let mut items = self.items(start, end, depth);
        pair(&mut items);
        let mut unbalanced = Vec::with_capacity(items.len() + 1);
        let mut count = 0;
        unbalanced.push(0);
        for item in &items {
            let breaks = match item {
                Item::Raw(raw) => !balanced(raw),
                Item::Link { text, target } => {
                    text.unbalanced.last() != Some(&0) || !balanced(target)
                }
                _ => false,
            };
            count += usize::from(breaks);
            unbalanced.push(count);
        }
        Seq { items, unbalanced }
    }

    /// The first pass: protected spans, text, delimiter runs and blank lines.
    fn items(&self, start: usize, end: usize, depth: usize) -> Vec<Item> {
        let bytes = self.src.as_bytes();
        let mut items = Vec::new();
        let mut text = String::new();
        let mut pos = start;
        while pos < end {
            let found: Option<(usize, Item)> = match bytes[pos] {
                b'\\' => Some(self.backslash(pos, end)),
                b'`' => Some(self.code(pos, end)),
                b'$' => Some(self.dollar(pos, end)),
                b'[' if depth < MAX_NESTING => self.link(pos, end, depth),
                b'h' => self.bare_url(pos, end),
                b'*' | b'_' => Some(self.delimiters(pos, end)),
                b'\n' => self.blank_line(pos, end),
                _ => None,
            };
            match found {
                Some((next, item)) => {
                    if !text.is_empty() {
                        items.push(Item::Text(std::mem::take(&mut text)));
                    }
                    items.push(item);
                    pos = next;
                }
                None => {
                    let len = self.src[pos..].chars().next().map_or(1, char::len_utf8);
                    text.push_str(&self.src[pos..pos + len]);
                    pos += len;
                }
            }
        }
        if !text.is_empty() {
            items.push(Item::Text(text));
        }
        items
    }

    /// `\(…\)` math; a Markdown escape (`\*` and `\_` are the character itself); or a backslash.
    fn backslash(&self, pos: usize, end: usize) -> (usize, Item) {
        let bytes = self.src.as_bytes();
        let raw = |to: usize| Item::Raw(self.src[pos..to].to_owned());
        match bytes.get(pos + 1).filter(|_| pos + 1 < end) {
            Some(b'(') => match next_after(&self.paren_closers, pos + 1).filter(|&c| c < end) {
                Some(close) => (close + 2, raw(close + 2)),
                None => (pos + 2, raw(pos + 2)),
            },
            Some(&c @ (b'*' | b'_')) => (pos + 2, Item::Raw((c as char).to_string())),
            Some(c) if c.is_ascii_punctuation() => (pos + 2, raw(pos + 2)),
            _ => (pos + 1, Item::Text("\\".into())),
        }
    }

    /// A code span: a run of backticks to the next run of as many; else the run, as written.
    fn code(&self, pos: usize, end: usize) -> (usize, Item) {
        let n = self.src.as_bytes()[pos..end]
            .iter()
            .take_while(|&&b| b == b'`')
            .count();
        let close = self
            .backticks
            .get(&n)
            .and_then(|runs| next_after(runs, pos))
            .filter(|&c| c + n <= end);
        let to = close.map_or(pos + n, |c| c + n);
        (to, Item::Raw(self.src[pos..to].to_owned()))
    }

    /// Inline math `$…$` as the site reads it (rich.rs's `dollar_math`): the opening `$` is
    /// followed by a non-space, the closing one follows a non-space and, unless the math holds a
    /// command, is not followed by a digit (prices). Else the `$` is a dollar sign.
    fn dollar(&self, pos: usize, end: usize) -> (usize, Item) {
        let bytes = self.src.as_bytes();
        let dollar = (pos + 1, Item::Raw("$".into()));
        match bytes.get(pos + 1) {
            Some(b) if pos + 1 < end && !b.is_ascii_whitespace() && *b != b'$' => {}
            _ => return dollar,
        }
        let Some(close) = next_after(&self.dollar_closers, pos + 1).filter(|&c| c < end) else {
            return dollar;
        };
        let source = &self.src[pos + 1..close];
        if bytes.get(close + 1).is_some_and(u8::is_ascii_digit) && !source.contains('\\') {
            return dollar;
        }
        (close + 1, Item::Raw(self.src[pos..=close].to_owned()))
    }

    /// A Markdown link `[text](url)` as the site reads it: its text paired on its own (no
    /// emphasis pairs across its brackets), its target as written. One to an address the site
    /// does not link stays as written, whole.
    fn link(&self, pos: usize, end: usize, depth: usize) -> Option<(usize, Item)> {
        let bytes = self.src.as_bytes();
        let i = self
            .brackets
            .binary_search_by_key(&pos, |&(open, _)| open)
            .ok()?;
        let text_close = self.brackets[i].1;
        if text_close >= end || bytes.get(text_close + 1) != Some(&b'(') {
            return None;
        }
        let url_start = text_close + 2;
        let url_end = link_target_end(self.src, url_start, end)?;
        if !is_safe_url(&self.src[url_start..url_end]) {
            return Some((url_end + 1, Item::Raw(self.src[pos..=url_end].to_owned())));
        }
        let link = Item::Link {
            text: self.seq(pos + 1, text_close, depth + 1),
            target: self.src[text_close..=url_end].to_owned(),
        };
        Some((url_end + 1, link))
    }
    /// A bare `http://` or `https://` URL as the site reads it, left as it is.
    fn bare_url(&self, pos: usize, end: usize) -> Option<(usize, Item)> {
        let len = bare_url_len(self.src, pos, end)?;
        Some((pos + len, Item::Raw(self.src[pos..pos + len].to_owned())))
    }

    /// A run of `*` or `_`, with whether it can open or close emphasis (CommonMark's flanking
    /// rules; the start and end of the text count as whitespace).
    fn delimiters(&self, pos: usize, end: usize) -> (usize, Item) {
        let bytes = self.src.as_bytes();
        let ch = bytes[pos];
        let count = bytes[pos..end].iter().take_while(|&&b| b == ch).count();
        let before = self.src[..pos].chars().next_back().unwrap_or(' ');
        let after = self.src[pos + count..].chars().next().unwrap_or(' ');
        let left = !after.is_whitespace()
            && (!is_punctuation(after) || before.is_whitespace() || is_punctuation(before));
        let right = !before.is_whitespace()
            && (!is_punctuation(before) || after.is_whitespace() || is_punctuation(after));
        // `_` is not emphasis within a word (`snake_case_name`).
        let (can_open, can_close) = if ch == b'*' {
            (left, right)
        } else {
            (
                left && (!right || is_punctuation(before)),
                right && (!left || is_punctuation(after)),
            )
        };
        let delim = Delim {
            ch: ch as char,
            count,
            written: count,
            can_open,
            can_close,
            closes: Vec::new(),
            opens: Vec::new(),
        };
        (pos + count, Item::Delim(delim))
    }

    /// A blank line at the line break at `pos`: the break, the blank line and its own break.
    fn blank_line(&self, pos: usize, end: usize) -> Option<(usize, Item)> {
        let rest = &self.src[pos + 1..end];
        let blank = rest.find('\n')?;
        rest[..blank].trim().is_empty().then(|| {
            let to = pos + 1 + blank + 1;
            (to, Item::Barrier(self.src[pos..to].to_owned()))
        })
    }
}

/// Unicode punctuation as CommonMark counts it (its P and S categories), near enough: ASCII
/// punctuation, and any other character that is neither a letter, a digit nor a space.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// The first of the sorted `offsets` after `pos`.
fn next_after(offsets: &[usize], pos: usize) -> Option<usize> {
    offsets.get(offsets.partition_point(|&o| o <= pos)).copied()
}

/// CommonMark's "process emphasis": each closer, left to right, pairs with the nearest opener
/// of its character before it (not across a blank line, and not against the rule of three);
/// the delimiters between them are text. Openers are a stack, and where no opener was found
/// for a kind of closer is remembered, so that the pass stays linear.
fn pair(items: &mut [Item]) {
    let mut stack: Vec<usize> = Vec::new();
    // Per closer kind (`_` or `*`, whether it can open, its length modulo 3): the stack height
    // below which no opener pairs with it.
    let mut bottom = [[[0usize; 3]; 2]; 2];
    for i in 0..items.len() {
        let (before, rest) = items.split_at_mut(i);
        let closer = match &mut rest[0] {
            Item::Delim(d) => d,
            Item::Barrier(_) => {
                stack.clear();
                bottom = Default::default();
                continue;
            }
            _ => continue,
        };
        let kind = &mut bottom[usize::from(closer.ch == '_')][usize::from(closer.can_open)]
            [closer.written % 3];
        while closer.can_close && closer.count > 0 {
            let floor = (*kind).min(stack.len());
            let found = (floor..stack.len()).rev().find(|&k| {
                let Item::Delim(o) = &before[stack[k]] else {
                    return false;
                };
                let three = (o.can_close || closer.can_open)
                    && (o.written + closer.written) % 3 == 0
                    && !(o.written % 3 == 0 && closer.written % 3 == 0);
                o.ch == closer.ch && !three
            });
            let Some(k) = found else {
                *kind = stack.len();
                break;
            };
            let Item::Delim(opener) = &mut before[stack[k]] else {
                unreachable!("the stack holds delimiter runs")
            };
            let strong = opener.count >= 2 && closer.count >= 2;
            let used = if strong { 2 } else { 1 };
            opener.count -= used;
            opener.opens.push((strong, i));
            closer.count -= used;
            closer.closes.push(strong);
            stack.truncate(if opener.count == 0 { k } else { k + 1 });
        }
        if closer.can_open && closer.count > 0 {
            stack.push(i);
        }
    }
}

/// Writes `seq`. `inside` says it is inside emphasis, whose text is escaped; `depth` is how many
/// groups the site has opened around it.
fn render(seq: &Seq, mode: Mode, inside: bool, depth: usize, out: &mut String) {
    // The emphasis open here: whether each is the site's group (else Markdown kept as written,
    // or nothing in plain text), and its delimiters.
    let mut open: Vec<(bool, &'static str)> = Vec::new();
    let mut groups = 0;
    for (i, item) in seq.items.iter().enumerate() {
        let inside = inside || groups > 0;
        match item {
            Item::Text(text) if inside && mode == Mode::Latex => {
                for c in text.chars() {
                    if matches!(c, '{' | '}') {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
            Item::Text(text) | Item::Raw(text) | Item::Barrier(text) => out.push_str(text),
            Item::Link { text, target } => {
                out.push('[');
                render(text, mode, inside, depth + groups + 1, out);
                out.push_str(target);
            }
            Item::Delim(d) => {
                for _ in &d.closes {
                    let Some((group, delimiter)) = open.pop() else {
                        break;
                    };
                    if group {
                        groups -= 1;
                        out.push('}');
                    } else if mode == Mode::Latex {
                        out.push_str(delimiter);
                    }
                }
                for _ in 0..d.count {
                    out.push(d.ch);
                }
                for &(strong, close) in d.opens.iter().rev() {
                    let delimiter = match (d.ch, strong) {
                        ('*', true) => "**",
                        ('*', false) => "*",
                        (_, true) => "__",
                        (_, false) => "_",
                    };
                    let group = mode == Mode::Latex
                        && depth + groups < MAX_NESTING
                        && seq.balanced_between(i, close);
                    if group {
                        groups += 1;
                        out.push_str(if strong { "\\textbf{" } else { "\\emph{" });
                    } else if mode == Mode::Latex {
                        out.push_str(delimiter);
                    }
                    open.push((group, delimiter));
                }
            }
        }
    }
}

/// Whether the site's brace matching (escaped characters skipped) closes every brace of `text`
/// within it, and none it did not open.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'\\' => {
                bytes.next();
            }
            b'{' => depth += 1,
            b'}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn latex(written: &str, expected: &str) {
        assert_eq!(to_latex(written), expected, "{written:?}");
    }

    #[test]
    fn emphasis_and_strong_emphasis_become_the_sites_commands() {
        latex(
            "Winner of the department's *best thesis* prize.",
            "Winner of the department's \\emph{best thesis} prize.",
        );
        latex("a **bold** word", "a \\textbf{bold} word");
        latex("a __bold__ word", "a \\textbf{bold} word");
        latex("an _emphasised_ word", "an \\emph{emphasised} word");
        latex("*whole*", "\\emph{whole}");
        latex(
            "**Best Paper** at *ICML*.",
            "\\textbf{Best Paper} at \\emph{ICML}.",
        );
        latex("un*frigging*believable", "un\\emph{frigging}believable");
        latex("(*see below*)", "(\\emph{see below})");
        latex("“*quoted*”", "“\\emph{quoted}”");
    }

    #[test]
    fn nested_emphasis() {
        latex("***both***", "\\emph{\\textbf{both}}");
        latex("___both___", "\\emph{\\textbf{both}}");
        latex("*a **b** c*", "\\emph{a \\textbf{b} c}");
        latex("**a *b* c**", "\\textbf{a \\emph{b} c}");
        latex("*a _b_ c*", "\\emph{a \\emph{b} c}");
        latex("***strong** then em*", "\\emph{\\textbf{strong} then em}");
    }

    #[test]
    fn a_lone_delimiter_stays_as_written() {
        for text in [
            "* Equal contribution",
            "* Equal contribution\n† Corresponding author",
            "A* search and B*-trees",
            "snake_case_name and another_one",
            "a * b * c",
            "Smith*, Jones*",
            "5 * 3 = 15",
            "2*3*4",
            "_",
            "**",
            "****",
            "x_1 and y_2",
        ] {
            let expected = if text == "2*3*4" {
                // CommonMark does read this one as emphasis.
                "2\\emph{3}4"
            } else {
                text
            };
            latex(text, expected);
            if text != "2*3*4" {
                assert_eq!(plain(text), text);
            }
        }
    }

    #[test]
    fn unclosed_emphasis_stays_as_written() {
        latex("*unclosed", "*unclosed");
        latex("**unclosed*", "*\\emph{unclosed}");
        latex("*closed**", "\\emph{closed}*");
        latex(
            "an *open and a _closed_ one",
            "an *open and a \\emph{closed} one",
        );
        latex("*a* and *b", "\\emph{a} and *b");
    }

    #[test]
    fn emphasis_spans_a_line_break_but_not_a_blank_line() {
        latex("*across\na line*", "\\emph{across\na line}");
        latex("*not\n\nacross*", "*not\n\nacross*");
        latex("*not\n  \nacross*", "*not\n  \nacross*");
        latex("*a*\n\n*b*", "\\emph{a}\n\n\\emph{b}");
    }

    #[test]
    fn math_code_urls_and_link_targets_are_untouched() {
        latex("$a*b*c$ and *d*", "$a*b*c$ and \\emph{d}");
        latex("$x_1 + y_1$", "$x_1 + y_1$");
        latex("\\(a*b*c\\) and _d_", "\\(a*b*c\\) and \\emph{d}");
        latex("`a*b*c` and *d*", "`a*b*c` and \\emph{d}");
        latex("``a `*b*` c`` *d*", "``a `*b*` c`` \\emph{d}");
        latex("`snake_case_name`", "`snake_case_name`");
        latex(
            "see https://x.org/a*b*c and *this*",
            "see https://x.org/a*b*c and \\emph{this}",
        );
        latex("*see https://x.org/a_b*", "\\emph{see https://x.org/a_b}");
        latex(
            "[a](https://x.org/a*b) and *c*",
            "[a](https://x.org/a*b) and \\emph{c}",
        );
        latex(
            "[*read* this](https://x.org/a_b_c)",
            "[\\emph{read} this](https://x.org/a_b_c)",
        );
        latex(
            "*see [here](https://x.org/a*b)*",
            "\\emph{see [here](https://x.org/a*b)}",
        );
        // No emphasis pairs across a link's brackets.
        latex("*a [b* c](https://x.org)", "*a [b* c](https://x.org)");
        // A link the site does not make is text, whole.
        latex("[*a*](javascript:x)", "[*a*](javascript:x)");
        // Prices are not math.
        latex("from $5 to *only* $10", "from $5 to \\emph{only} $10");
    }

    #[test]
    fn text_inside_emphasis_cannot_become_latex() {
        latex("*a {b} c*", "\\emph{a \\{b\\} c}");
        latex("*one } brace*", "\\emph{one \\} brace}");
        latex("*\\textbf{x}*", "\\emph{\\textbf\\{x\\}}");
        latex("*C:\\Users\\me*", "\\emph{C:\\Users\\me}");
        latex("*ends in \\\\*", "\\emph{ends in \\\\}");
        latex(
            "*math $\\frac{a}{b}$ stays*",
            "\\emph{math $\\frac{a}{b}$ stays}",
        );
        // Braces outside emphasis are as they were.
        latex("{a} *b*", "{a} \\emph{b}");
        // A code span holding one brace would unbalance the group: the emphasis stays Markdown.
        latex("*a `{` b*", "*a `{` b*");
        latex("*a {b*", "\\emph{a \\{b}");
        latex("*x} y* {", "\\emph{x\\} y} {");
        latex("**{**", "\\textbf{\\{}");
        latex("*\\{*", "\\emph{\\{}");
    }

    #[test]
    fn escaped_delimiters_are_the_characters() {
        latex("\\*not emphasis\\*", "*not emphasis*");
        latex("*a\\*b*", "\\emph{a*b}");
        latex("\\_ and \\$", "_ and \\$");
    }

    #[test]
    fn plain_drops_the_emphasis() {
        assert_eq!(plain("*Equal* contribution"), "Equal contribution");
        assert_eq!(plain("**Best Paper** at {ICML}"), "Best Paper at {ICML}");
        assert_eq!(plain("***x***"), "x");
        assert_eq!(plain("`a*b*`"), "`a*b*`");
    }

    #[test]
    fn text_without_delimiters_is_unchanged() {
        for text in ["", "plain", "\\emph{x} and $y$"] {
            assert_eq!(to_latex(text), text);
        }
    }

    /// Every `\emph{` and `\textbf{` written is one the site reads as emphasis: none is left
    /// in its text as source.
    #[track_caller]
    fn the_site_reads_every_group(text: &str) {
        use papershelf_core::rich::{rich_text, Inline};
        fn leaves(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text(t) => out.push_str(t),
                    Inline::Emph(inner) | Inline::Strong(inner) => leaves(inner, out),
                    Inline::Link { text, .. } => leaves(text, out),
                    Inline::Math { source, .. } => out.push_str(source),
                    Inline::Code(code) => out.push_str(code),
                }
            }
        }
        let converted = to_latex(text);
        let mut shown = String::new();
        leaves(&rich_text(&converted), &mut shown);
        assert!(
            !shown.contains("\\emph{") && !shown.contains("\\textbf{"),
            "{text:?} → {converted:?} shows {shown:?}"
        );
    }

    #[test]
    fn the_site_reads_what_is_written_for_it() {
        for text in [
            "Winner of the *best thesis* prize.",
            "*a {b* and *c} d*",
            "*a `{` b* and **c `}` d**",
            "*math $\\frac{a}{b}$ and $\\{x\\}$*",
            "*see [the {paper}](https://x.org/{a}) now*",
            "***x*** and _**y**_ and __*z*__",
            "*a\\* b*",
            "*C:\\Users\\* and **\\\\**",
            "*1 _2 *3 _4 *5 _6 *7 _8 *9 _10 x 10_ 9* 8_ 7* 6_ 5* 4_ 3* 2_ 1*",
            "[*1 _2 *3 _4 *5 _6 *7* 6_ 5* 4_ 3* 2_ 1*](https://x.org) *a [*b*](https://x.org)*",
        ] {
            the_site_reads_every_group(text);
        }
        // Nested deeper than the site renders: the innermost stay Markdown.
        let deep = to_latex("*1 _2 *3 _4 *5 _6 *7 _8 *9 _10 x 10_ 9* 8_ 7* 6_ 5* 4_ 3* 2_ 1*");
        assert_eq!(deep.matches("\\emph{").count(), MAX_NESTING);
        assert!(deep.contains("*9 _10 x 10_ 9*"), "{deep}");
    }

    #[test]
    fn long_and_hostile_text_takes_linear_time() {
        let n = 20_000;
        for text in [
            "a* ".repeat(n),
            "*a* ".repeat(n),
            "**a_ ".repeat(n),
            "[".repeat(n) + "*a*",
            "$a ".repeat(n) + "*a*",
            "` `` ``` ".repeat(n) + "*a*",
            "\\( ".repeat(n) + "*a*",
            "*a _b ".repeat(n) + &" b_ a*".repeat(n),
            "[*a* ".repeat(n) + &"](https://x.org)".repeat(n),
            "*x `{` ".repeat(n) + &"*".repeat(n),
        ] {
            let start = std::time::Instant::now();
            to_latex(&text);
            assert!(
                start.elapsed() < std::time::Duration::from_secs(3),
                "{}…",
                &text[..12]
            );
        }
    }
}
