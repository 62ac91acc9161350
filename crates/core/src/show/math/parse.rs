//! The parser: LaTeX math source to a [`MathNode`] tree, or `None` for anything outside the subset.

use super::commands::{ignored, lookup};
use super::tree::MathNode;

/// The MathML tree of the LaTeX math `src` (without its `$` delimiters), or `None` when it uses
/// something outside the supported subset, is malformed, or is empty: then show `src` as text.
pub fn parse_math(src: &str) -> Option<MathNode> {
    let mut parser = Parser {
        src,
        pos: 0,
        depth: 0,
        font: Font::Normal,
    };
    let nodes = parser.row(Stop::End)?;
    if nodes.is_empty() {
        return None;
    }
    Some(row_node(nodes))
}

/// Nesting deeper than this (braces, scripts, fractions, font commands) is not math from a real
/// abstract, and deeper recursion could overflow the stack.
const MAX_DEPTH: usize = 40;

pub(super) const THIN: &str = "0.1667em";
const WORD: &str = "0.3333em";

/// What ends a [`Parser::row`].
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    End,
    Brace,
    Bracket,
    Right,
}

/// The letter style set by a font command, done with Unicode's mathematical alphanumeric
/// characters, as MathML Core has no `mathvariant` but `normal`.
#[derive(Clone, Copy, PartialEq)]
enum Font {
    Normal,
    Roman,
    Italic,
    Bold,
    BoldItalic,
    Script,
    Fraktur,
    DoubleStruck,
    SansSerif,
    Monospace,
}

impl Font {
    /// The font of a code in [`COMMANDS`].
    fn from_code(code: &str) -> Font {
        match code.as_bytes().first() {
            Some(b'r') => Font::Roman,
            Some(b'i') => Font::Italic,
            Some(b'b') => Font::Bold,
            Some(b'B') => Font::BoldItalic,
            Some(b'c') => Font::Script,
            Some(b'k') => Font::Fraktur,
            Some(b'd') => Font::DoubleStruck,
            Some(b's') => Font::SansSerif,
            Some(b't') => Font::Monospace,
            _ => Font::Normal,
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    font: Font,
}

/// One item of a row, and whether it is a named function (`\log`), which TeX spaces from its
/// neighbours.
struct Item {
    node: MathNode,
    function: bool,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += c.len_utf8();
        }
        found
    }

    /// The name of the command at the current position, after its backslash, without moving:
    /// a run of letters, or one other character.
    fn command_name(&self) -> Option<&'a str> {
        let src = self.src;
        let rest = src[self.pos..].strip_prefix('\\')?;
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let len = if letters > 0 {
            letters
        } else {
            rest.chars().next()?.len_utf8()
        };
        Some(&rest[..len])
    }

    fn take_command(&mut self) -> Option<&'a str> {
        let src = self.src;
        let start = self.pos + 1;
        let len = self.command_name()?.len();
        self.pos = start + len;
        // Whitespace after a command word is not part of the formula.
        if src[start..start + len].starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.skip_whitespace();
        }
        Some(&src[start..start + len])
    }

    /// Skips commands that change only sizes or spacing TeX applies anyway (`\big`, `\limits`,
    /// `\!`), which the browser does on its own or which do not matter inline.
    fn skip_ignored(&mut self) {
        loop {
            self.skip_whitespace();
            match self.command_name() {
                Some(name) if ignored(name) => {
                    self.take_command();
                }
                _ => return,
            }
        }
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// Items up to `stop`, which is consumed (except `\right`, left to the caller).
    fn row(&mut self, stop: Stop) -> Option<Vec<MathNode>> {
        let mut items: Vec<Item> = Vec::new();
        loop {
            self.skip_ignored();
            match self.peek() {
                None if stop == Stop::End => break,
                None => return None,
                Some('}') if stop == Stop::Brace => {
                    self.pos += 1;
                    break;
                }
                Some(']') if stop == Stop::Bracket => {
                    self.pos += 1;
                    break;
                }
                Some('}' | '&' | '#' | '%' | '$') => return None,
                _ => {}
            }
            if self.command_name() == Some("right") {
                if stop == Stop::Right {
                    break;
                }
                return None;
            }
            let item = self.atom()?;
            let function = item.function;
            let node = self.scripts(item.node)?;
            items.push(Item { node, function });
        }
        Some(space_functions(items))
    }

    /// Sub- and superscripts and primes after `base`.
    fn scripts(&mut self, base: MathNode) -> Option<MathNode> {
        let mut sub = None;
        let mut sup: Option<Vec<MathNode>> = None;
        loop {
            self.skip_ignored();
            match self.peek() {
                Some('_') if sub.is_none() => {
                    self.pos += 1;
                    sub = Some(self.argument()?);
                }
                Some('^') if sup.as_ref().is_none_or(|s| is_primes(s)) => {
                    self.pos += 1;
                    sup.get_or_insert_with(Vec::new).push(self.argument()?);
                }
                Some('\'') if sup.is_none() => {
                    let mut primes = 0;
                    while self.eat('\'') {
                        primes += 1;
                    }
                    sup = Some(vec![MathNode::Operator("′".repeat(primes))]);
                }
                Some('_' | '^' | '\'') => return None,
                _ => break,
            }
        }
        Some(match (sub, sup) {
            (None, None) => base,
            (Some(sub), None) => MathNode::Sub(Box::new([base, sub])),
            (None, Some(sup)) => MathNode::Sup(Box::new([base, row_node(sup)])),
            (Some(sub), Some(sup)) => MathNode::SubSup(Box::new([base, sub, row_node(sup)])),
        })
    }

    /// The argument of a command or script: a braced group or a single token.
    fn argument(&mut self) -> Option<MathNode> {
        self.nested(|p| {
            p.skip_whitespace();
            match p.peek()? {
                '{' => {
                    p.pos += 1;
                    p.group()
                }
                '\\' => p.command().map(|item| item.node),
                '}' | '^' | '_' | '\'' | '&' | '#' | '%' | '$' => None,
                c if c.is_ascii_digit() => {
                    p.pos += 1;
                    Some(p.number_node(c.to_string()))
                }
                c => {
                    p.pos += c.len_utf8();
                    Some(p.char_node(c))
                }
            }
        })
    }

    /// The rest of a group whose `{` has been consumed, as one node; a font switch inside it
    /// ends with it.
    fn group(&mut self) -> Option<MathNode> {
        let font = self.font;
        let nodes = self.row(Stop::Brace);
        self.font = font;
        Some(row_node(nodes?))
    }

    fn atom(&mut self) -> Option<Item> {
        self.nested(|p| {
            let c = p.peek()?;
            let node = match c {
                '{' => {
                    p.pos += 1;
                    p.group()?
                }
                '\\' => return p.command(),
                // A script or prime with nothing before it attaches to an empty base.
                '^' | '_' | '\'' => MathNode::Row(Vec::new()),
                c if c.is_ascii_digit() => p.number(),
                c if c.is_ascii_alphabetic() && p.font == Font::Roman => {
                    let rest = &p.src[p.pos..];
                    let len = rest.len()
                        - rest
                            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                            .len();
                    p.pos += len;
                    word_node(&rest[..len])
                }
                c => {
                    p.pos += c.len_utf8();
                    p.char_node(c)
                }
            };
            Some(Item {
                node,
                function: false,
            })
        })
    }

    /// Digits, with a decimal point between digits.
    fn number(&mut self) -> MathNode {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let mut end = start;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (bytes[end] == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        self.pos = end;
        self.number_node(self.src[start..end].to_owned())
    }

    fn number_node(&self, digits: String) -> MathNode {
        MathNode::Number(digits.chars().map(|c| styled(c, self.font)).collect())
    }

    /// A single character that is not a digit or a backslash.
    fn char_node(&self, c: char) -> MathNode {
        match c {
            c if is_letter(c) => match self.font {
                Font::Roman => MathNode::Upright(c.to_string()),
                font => MathNode::Ident(styled(c, font).to_string()),
            },
            '(' | ')' | '[' | ']' | '|' => MathNode::Fixed(c.to_string()),
            '-' => MathNode::Operator("−".to_owned()),
            '*' => MathNode::Operator("∗".to_owned()),
            '~' => MathNode::Space(WORD),
            c => MathNode::Operator(c.to_string()),
        }
    }

    fn command(&mut self) -> Option<Item> {
        let name = self.take_command()?;
        let node = match name {
            "frac" | "tfrac" | "dfrac" => {
                let num = self.argument()?;
                let den = self.argument()?;
                MathNode::Frac(Box::new([num, den]))
            }
            "sqrt" => {
                self.skip_whitespace();
                if self.eat('[') {
                    let index = self.nested(|p| p.row(Stop::Bracket))?;
                    let base = self.argument()?;
                    MathNode::Root(Box::new([base, row_node(index)]))
                } else {
                    MathNode::Sqrt(Box::new(self.argument()?))
                }
            }
            "left" => {
                let open = self.delimiter()?;
                let mut nodes: Vec<MathNode> = open.into_iter().collect();
                nodes.extend(self.nested(|p| p.row(Stop::Right))?);
                self.take_command();
                nodes.extend(self.delimiter()?);
                MathNode::Row(nodes)
            }
            _ => {
                let (kind, value) = lookup(name)?;
                let text = value.to_owned();
                match kind {
                    'i' => MathNode::Ident(text),
                    'u' => MathNode::Upright(text),
                    'o' => MathNode::Operator(text),
                    'f' => MathNode::Fixed(text),
                    'n' => {
                        return Some(Item {
                            node: MathNode::Ident(text),
                            function: true,
                        })
                    }
                    's' => MathNode::Space(value),
                    'a' | 'w' => {
                        let base = self.argument()?;
                        let accent = if kind == 'w' {
                            MathNode::Operator(text)
                        } else {
                            MathNode::Fixed(text)
                        };
                        MathNode::Accent(Box::new([base, accent]))
                    }
                    'm' => {
                        let function = name == "operatorname";
                        if function {
                            self.eat('*');
                        }
                        let outer = self.font;
                        self.font = Font::from_code(value);
                        let node = self.argument();
                        self.font = outer;
                        return Some(Item {
                            node: node?,
                            function,
                        });
                    }
                    'k' => {
                        // Applies to the rest of the enclosing group, which restores the font.
                        self.font = Font::from_code(value);
                        MathNode::Row(Vec::new())
                    }
                    't' => {
                        let font = Font::from_code(value);
                        let text = self.text_argument()?;
                        // No-break spaces, as spaces at the ends of a token may be dropped.
                        let shown =
                            text.chars()
                                .map(|c| if c == ' ' { '\u{a0}' } else { styled(c, font) });
                        MathNode::Text(shown.collect())
                    }
                    _ => return None,
                }
            }
        };
        Some(Item {
            node,
            function: false,
        })
    }

    /// The delimiter after `\left` or `\right`: `Some(None)` for the invisible `.`.
    fn delimiter(&mut self) -> Option<Option<MathNode>> {
        self.skip_whitespace();
        let text = match self.peek()? {
            '.' => {
                self.pos += 1;
                return Some(None);
            }
            c @ ('(' | ')' | '[' | ']' | '|' | '/') => {
                self.pos += 1;
                c.to_string()
            }
            '\\' => {
                let name = self.take_command()?;
                match lookup(name)? {
                    ('f', text) => text.to_owned(),
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(Some(MathNode::Operator(text)))
    }

    /// The braced argument of `\text` and the like: plain text, with braces dropped and the
    /// escaped specials (`\%`, `\_`, …) unescaped; `None` when it holds a command or math.
    fn text_argument(&mut self) -> Option<String> {
        self.skip_whitespace();
        if !self.eat('{') {
            return None;
        }
        let mut out = String::new();
        let mut depth = 0usize;
        loop {
            match self.bump()? {
                '{' => depth += 1,
                '}' if depth == 0 => return Some(out),
                '}' => depth -= 1,
                '$' => return None,
                '\\' => match self.bump()? {
                    c @ ('%' | '&' | '#' | '_' | '{' | '}' | '$' | ' ') => out.push(c),
                    _ => return None,
                },
                c => out.push(c),
            }
        }
    }
}

fn is_primes(sup: &[MathNode]) -> bool {
    matches!(sup, [MathNode::Operator(p)] if p.starts_with('′'))
}

/// Whether `c` is a letter, an identifier in math. Beyond ASCII, only symbols in the arrow and
/// operator blocks and the Latin-1 operators are not: cheaper than Unicode's letter tables, and
/// enough for the odd `α` or `é` typed as itself.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || !(c.is_ascii() || matches!(c, '\u{2190}'..='\u{2BFF}' | '±' | '×' | '÷' | '·' | '¬'))
}

/// A run of upright letters: `mi` is upright by itself for more than one letter.
fn word_node(word: &str) -> MathNode {
    if word.chars().nth(1).is_some() {
        MathNode::Ident(word.to_owned())
    } else {
        MathNode::Upright(word.to_owned())
    }
}

/// The single node of a one-item row, or the row.
fn row_node(mut nodes: Vec<MathNode>) -> MathNode {
    if nodes.len() == 1 {
        nodes.pop().unwrap_or(MathNode::Row(Vec::new()))
    } else {
        MathNode::Row(nodes)
    }
}

/// The row's nodes, with the thin spaces TeX puts around a function name (`n \log n`), except
/// next to an operator or bracket (`\log(n)`). Font switches leave empty rows, dropped here.
fn space_functions(items: Vec<Item>) -> Vec<MathNode> {
    let mut out: Vec<MathNode> = Vec::with_capacity(items.len());
    let mut after_function = false;
    for item in items {
        if matches!(&item.node, MathNode::Row(n) if n.is_empty()) {
            continue;
        }
        let needs_space = !item.node.is_operator()
            && (after_function || (item.function && out.last().is_some_and(|n| !n.is_operator())));
        if needs_space {
            out.push(MathNode::Space(THIN));
        }
        after_function = item.function;
        out.push(item.node);
    }
    out
}

/// `c` in `font`, as a Unicode mathematical alphanumeric character where there is one.
fn styled(c: char, font: Font) -> char {
    // Start of the capitals, the small letters and the digits of each style; 0 where Unicode has
    // no such letters (the roman and normal styles keep the plain ones).
    let (capital, small, digit) = match font {
        Font::Normal | Font::Roman => return c,
        Font::Italic => (0x1D434, 0x1D44E, 0),
        Font::Bold => (0x1D400, 0x1D41A, 0x1D7CE),
        Font::BoldItalic => (0x1D468, 0x1D482, 0x1D7CE),
        Font::Script => (0x1D49C, 0x1D4B6, 0),
        Font::Fraktur => (0x1D504, 0x1D51E, 0),
        Font::DoubleStruck => (0x1D538, 0x1D552, 0x1D7D8),
        Font::SansSerif => (0x1D5A0, 0x1D5BA, 0x1D7E2),
        Font::Monospace => (0x1D670, 0x1D68A, 0x1D7F6),
    };
    // Letters encoded before the block was made, which it leaves as holes: font code, letter,
    // the letter's character.
    const HOLES: &str = "ihℎcBℬcEℰcFℱcHℋcIℐcLℒcMℳcRℛceℯcgℊcoℴkCℭkHℌkIℑkRℜkZℨdCℂdHℍdNℕdPℙdQℚdRℝdZℤ";
    let mut holes = HOLES.char_indices();
    while let (Some((i, _)), Some((_, letter)), Some((_, hole))) =
        (holes.next(), holes.next(), holes.next())
    {
        if letter == c && Font::from_code(&HOLES[i..]) == font {
            return hole;
        }
    }
    let code = match c {
        'A'..='Z' => capital + (c as u32 - 'A' as u32),
        'a'..='z' => small + (c as u32 - 'a' as u32),
        '0'..='9' if digit != 0 => digit + (c as u32 - '0' as u32),
        _ => return c,
    };
    char::from_u32(code).unwrap_or(c)
}
