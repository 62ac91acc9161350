//! Inline LaTeX math (the `$…$` of titles and abstracts) as a tree of MathML Core elements, for
//! the site to build DOM nodes from one by one: no markup string is ever produced.
//!
//! A small subset of LaTeX, the part real abstracts use: letters, numbers and operators, Greek,
//! scripts and primes, fractions and roots, font commands, accents, `\left…\right` fences, named
//! functions, spacing and the common symbols. Anything else (an unknown command, unbalanced
//! braces, nesting too deep) makes [`parse_math`] give up, so that the caller shows the source.

/// One MathML element. [`MathNode::element`], [`MathNode::attribute`], [`MathNode::text`] and
/// [`MathNode::children`] say everything needed to build it, so building is a plain walk.
#[derive(Debug, Clone, PartialEq)]
pub enum MathNode {
    /// `<mi>`: a letter, a name such as `log`, or a symbol such as `∞`. A single letter is slanted.
    Ident(String),
    /// `<mi mathvariant="normal">`: a single letter kept upright (`\mathrm{d}`, capital Greek).
    Upright(String),
    /// `<mn>`: a number.
    Number(String),
    /// `<mo>`: an operator, relation, punctuation, or a fence that grows with its content.
    Operator(String),
    /// `<mo stretchy="false">`: a bracket written without `\left`/`\right` or a narrow accent, which
    /// TeX keeps at its natural size.
    Fixed(String),
    /// `<mtext>`: text inside math (`\text{…}`).
    Text(String),
    /// `<mspace width="…">`: horizontal space; the width is a CSS length.
    Space(&'static str),
    /// `<mrow>`: a group.
    Row(Vec<MathNode>),
    /// `<msub>`: base and subscript.
    Sub(Box<[MathNode; 2]>),
    /// `<msup>`: base and superscript.
    Sup(Box<[MathNode; 2]>),
    /// `<msubsup>`: base, subscript and superscript.
    SubSup(Box<[MathNode; 3]>),
    /// `<mfrac>`: numerator and denominator.
    Frac(Box<[MathNode; 2]>),
    /// `<msqrt>`: a square root.
    Sqrt(Box<MathNode>),
    /// `<mroot>`: radicand and index (`\sqrt[n]{x}`).
    Root(Box<[MathNode; 2]>),
    /// `<mover accent="true">`: base and the accent over it (`\hat{x}`).
    Accent(Box<[MathNode; 2]>),
}

impl MathNode {
    /// The MathML element's local name (in the MathML namespace).
    pub fn element(&self) -> &'static str {
        match self {
            MathNode::Ident(_) | MathNode::Upright(_) => "mi",
            MathNode::Number(_) => "mn",
            MathNode::Operator(_) | MathNode::Fixed(_) => "mo",
            MathNode::Text(_) => "mtext",
            MathNode::Space(_) => "mspace",
            MathNode::Row(_) => "mrow",
            MathNode::Sub(_) => "msub",
            MathNode::Sup(_) => "msup",
            MathNode::SubSup(_) => "msubsup",
            MathNode::Frac(_) => "mfrac",
            MathNode::Sqrt(_) => "msqrt",
            MathNode::Root(_) => "mroot",
            MathNode::Accent(_) => "mover",
        }
    }

    /// The element's one attribute, if it has one, as (name, value).
    pub fn attribute(&self) -> Option<(&'static str, &'static str)> {
        match self {
            MathNode::Upright(_) => Some(("mathvariant", "normal")),
            MathNode::Fixed(_) => Some(("stretchy", "false")),
            MathNode::Space(width) => Some(("width", width)),
            MathNode::Accent(_) => Some(("accent", "true")),
            _ => None,
        }
    }

    /// The text content of a token element (`mi`, `mn`, `mo`, `mtext`); `None` for the others.
    pub fn text(&self) -> Option<&str> {
        match self {
            MathNode::Ident(t)
            | MathNode::Upright(t)
            | MathNode::Number(t)
            | MathNode::Operator(t)
            | MathNode::Fixed(t)
            | MathNode::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The child elements, in order; empty for token elements and `mspace`.
    pub fn children(&self) -> &[MathNode] {
        match self {
            MathNode::Row(nodes) => nodes,
            MathNode::Sub(n)
            | MathNode::Sup(n)
            | MathNode::Frac(n)
            | MathNode::Root(n)
            | MathNode::Accent(n) => &n[..],
            MathNode::SubSup(n) => &n[..],
            MathNode::Sqrt(n) => std::slice::from_ref(&**n),
            _ => &[],
        }
    }

    /// The node as MathML markup, its text escaped: for pages rendered to HTML ahead of time,
    /// where no DOM builds it element by element.
    pub fn markup(&self) -> String {
        let mut out = String::new();
        self.write_markup(&mut out);
        out
    }

    fn write_markup(&self, out: &mut String) {
        let element = self.element();
        out.push('<');
        out.push_str(element);
        if let Some((name, value)) = self.attribute() {
            out.push_str(&format!(" {name}=\"{}\"", crate::site::escape(value)));
        }
        out.push('>');
        if let Some(text) = self.text() {
            out.push_str(&crate::site::escape(text));
        }
        for child in self.children() {
            child.write_markup(out);
        }
        out.push_str(&format!("</{element}>"));
    }

    /// Whether the node is an operator, or one with scripts: TeX puts no extra space between it
    /// and a function name.
    fn is_operator(&self) -> bool {
        match self {
            MathNode::Operator(_) | MathNode::Fixed(_) => true,
            MathNode::Sub(n) | MathNode::Sup(n) => n[0].is_operator(),
            MathNode::SubSup(n) => n[0].is_operator(),
            _ => false,
        }
    }
}

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

const THIN: &str = "0.1667em";
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

/// Whether `\name` only sizes or spaces what the browser lays out anyway (`\big`, `\limits`,
/// `\!`, a negative thin space that only kerns).
fn ignored(name: &str) -> bool {
    matches!(
        name,
        "!" | "limits" | "nolimits" | "displaystyle" | "textstyle"
    ) || matches!(
        name.trim_end_matches(['l', 'r', 'm']),
        "big" | "Big" | "bigg" | "Bigg"
    )
}

/// What `\name` is, from [`COMMANDS`]: its kind and its value (the name itself when the line
/// gives none).
fn lookup(name: &str) -> Option<(char, &'static str)> {
    let mut key = String::with_capacity(name.len() + 2);
    key.push('\n');
    key.push_str(name);
    key.push('=');
    let start = memchr::memmem::find(COMMANDS.as_bytes(), key.as_bytes())? + key.len();
    let line = &COMMANDS[start..];
    let mut rest = line[..line.find('\n')?].chars();
    let kind = rest.next()?;
    let value = rest.as_str();
    Some((
        kind,
        if value.is_empty() {
            &COMMANDS[start - 1 - name.len()..start - 1]
        } else {
            value
        },
    ))
}

/// The commands known besides `\frac`, `\sqrt` and `\left…\right`, one a line as `name=`, a
/// kind and a value. Kinds: `i` identifier, `u` upright identifier, `o` operator, `f` bracket
/// (see [`MathNode::Fixed`]), `n` function name, `s` space of the given width, `a` accent and `w`
/// wide accent (with the character set over the argument), `m` font command taking an argument,
/// `k` font switch, `t` text command; for the last three the value is a font code (see
/// [`Font::from_code`]). One string rather than a table of structs, which is much smaller in the
/// site's WebAssembly; it starts with a line break, so that every line is found as
/// "\nname=".
const COMMANDS: &str = "\n\
alpha=iα
beta=iβ
gamma=iγ
delta=iδ
epsilon=iϵ
eps=iϵ
varepsilon=iε
zeta=iζ
eta=iη
theta=iθ
vartheta=iϑ
iota=iι
kappa=iκ
varkappa=iϰ
lambda=iλ
mu=iμ
nu=iν
xi=iξ
omicron=iο
pi=iπ
varpi=iϖ
rho=iρ
varrho=iϱ
sigma=iσ
varsigma=iς
tau=iτ
upsilon=iυ
phi=iϕ
varphi=iφ
chi=iχ
psi=iψ
omega=iω
Gamma=uΓ
Delta=uΔ
Theta=uΘ
Lambda=uΛ
Xi=uΞ
Pi=uΠ
Sigma=uΣ
Upsilon=uΥ
Phi=uΦ
Psi=uΨ
Omega=uΩ
ell=iℓ
infty=i∞
partial=i∂
nabla=i∇
emptyset=i∅
varnothing=i∅
aleph=iℵ
hbar=iℏ
imath=iı
jmath=iȷ
Re=iℜ
Im=iℑ
top=i⊤
bot=i⊥
angle=i∠
triangle=i△
R=iℝ
le=o≤
leq=o≤
ge=o≥
geq=o≥
neq=o≠
ne=o≠
ll=o≪
gg=o≫
lesssim=o≲
gtrsim=o≳
approx=o≈
sim=o∼
simeq=o≃
cong=o≅
equiv=o≡
asymp=o≍
propto=o∝
in=o∈
notin=o∉
ni=o∋
subset=o⊂
subseteq=o⊆
supset=o⊃
supseteq=o⊇
cup=o∪
cap=o∩
setminus=o∖
to=o→
rightarrow=o→
leftarrow=o←
gets=o←
leftrightarrow=o↔
Rightarrow=o⇒
Leftarrow=o⇐
Leftrightarrow=o⇔
implies=o⟹
iff=o⟺
mapsto=o↦
cdot=o⋅
times=o×
div=o÷
pm=o±
mp=o∓
ast=o∗
star=o⋆
circ=o∘
oplus=o⊕
otimes=o⊗
odot=o⊙
wedge=o∧
land=o∧
vee=o∨
lor=o∨
neg=o¬
lnot=o¬
forall=o∀
exists=o∃
mid=o∣
perp=o⊥
parallel=o∥
colon=o:
sum=o∑
prod=o∏
coprod=o∐
int=o∫
oint=o∮
bigcup=o⋃
bigcap=o⋂
ldots=o…
dots=o…
cdots=o⋯
vdots=o⋮
ddots=o⋱
prime=o′
%=o
&=o
#=o
_=o
$=o
{=f
}=f
|=f‖
lbrace=f{
rbrace=f}
langle=f⟨
rangle=f⟩
lVert=f‖
rVert=f‖
Vert=f‖
lvert=f|
rvert=f|
vert=f|
lfloor=f⌊
rfloor=f⌋
lceil=f⌈
rceil=f⌉
arccos=n
arcsin=n
arctan=n
arg=n
cos=n
cosh=n
cot=n
coth=n
csc=n
deg=n
det=n
dim=n
exp=n
gcd=n
hom=n
inf=n
ker=n
lg=n
lim=n
liminf=n
limsup=n
ln=n
log=n
max=n
min=n
Pr=n
sec=n
sin=n
sinh=n
sup=n
tan=n
tanh=n
poly=n
polylog=n
argmin=narg min
argmax=narg max
,=s0.1667em
:=s0.2222em
>=s0.2222em
;=s0.2778em
 =s0.3333em
quad=s1em
qquad=s2em
hat=a^
widehat=w^
tilde=a~
widetilde=w~
bar=a¯
overline=w‾
vec=a→
dot=a˙
ddot=a¨
check=aˇ
breve=a˘
acute=a´
grave=a`
mathrm=mr
operatorname=mr
mathit=mi
mathbf=mb
bm=mB
boldsymbol=mB
mathcal=mc
mathscr=mc
mathfrak=mk
mathbb=md
mathsf=ms
mathtt=mt
rm=kr
it=ki
bf=kb
cal=kc
sf=ks
tt=kt
text=tn
textrm=tn
mbox=tn
textit=ti
textbf=tb
textsf=ts
texttt=tt
";

#[cfg(test)]
mod tests {
    use super::MathNode::{self, *};
    use super::{parse_math, THIN};

    fn mi(s: &str) -> MathNode {
        Ident(s.to_owned())
    }
    fn up(s: &str) -> MathNode {
        Upright(s.to_owned())
    }
    fn mn(s: &str) -> MathNode {
        Number(s.to_owned())
    }
    fn mo(s: &str) -> MathNode {
        Operator(s.to_owned())
    }
    fn fixed(s: &str) -> MathNode {
        Fixed(s.to_owned())
    }
    fn row(nodes: Vec<MathNode>) -> MathNode {
        Row(nodes)
    }
    fn sub(a: MathNode, b: MathNode) -> MathNode {
        Sub(Box::new([a, b]))
    }
    fn sup(a: MathNode, b: MathNode) -> MathNode {
        Sup(Box::new([a, b]))
    }
    fn subsup(a: MathNode, b: MathNode, c: MathNode) -> MathNode {
        SubSup(Box::new([a, b, c]))
    }
    fn frac(a: MathNode, b: MathNode) -> MathNode {
        Frac(Box::new([a, b]))
    }
    fn accent(base: MathNode, accent: MathNode) -> MathNode {
        Accent(Box::new([base, accent]))
    }
    fn parse(src: &str) -> MathNode {
        parse_math(src).unwrap_or_else(|| panic!("{src:?} did not parse"))
    }

    #[test]
    fn letters_numbers_and_operators() {
        assert_eq!(parse("x"), mi("x"));
        assert_eq!(parse("0.5"), mn("0.5"));
        assert_eq!(parse("12"), mn("12"));
        assert_eq!(
            parse("a+b-c=d<e>f"),
            row(vec![
                mi("a"),
                mo("+"),
                mi("b"),
                mo("−"),
                mi("c"),
                mo("="),
                mi("d"),
                mo("<"),
                mi("e"),
                mo(">"),
                mi("f")
            ])
        );
        assert_eq!(
            parse("(a, b] / |c|"),
            row(vec![
                fixed("("),
                mi("a"),
                mo(","),
                mi("b"),
                fixed("]"),
                mo("/"),
                fixed("|"),
                mi("c"),
                fixed("|")
            ])
        );
        // A point that ends a sentence is not part of the number.
        assert_eq!(parse("1."), row(vec![mn("1"), mo(".")]));
        assert_eq!(parse("NP"), row(vec![mi("N"), mi("P")]));
        assert_eq!(parse("2\\%"), row(vec![mn("2"), mo("%")]));
    }

    #[test]
    fn greek_letters_and_symbols() {
        assert_eq!(parse("\\alpha"), mi("α"));
        assert_eq!(parse("\\epsilon"), mi("ϵ"));
        assert_eq!(parse("\\varepsilon"), mi("ε"));
        assert_eq!(parse("\\vartheta"), mi("ϑ"));
        assert_eq!(parse("\\varphi"), mi("φ"));
        // TeX sets capital Greek upright; a single-letter mi would slant it.
        assert_eq!(parse("\\Omega"), up("Ω"));
        assert_eq!(parse("\\Theta"), up("Θ"));
        assert_eq!(parse("\\ell"), mi("ℓ"));
        assert_eq!(parse("\\infty"), mi("∞"));
        assert_eq!(parse("\\partial"), mi("∂"));
        assert_eq!(parse("\\nabla"), mi("∇"));
        assert_eq!(parse("\\R"), mi("ℝ"));
        assert_eq!(parse("\\eps"), mi("ϵ"));
    }

    #[test]
    fn relations_and_binary_operators() {
        let cases = [
            ("le", "≤"),
            ("ge", "≥"),
            ("leq", "≤"),
            ("geq", "≥"),
            ("neq", "≠"),
            ("approx", "≈"),
            ("sim", "∼"),
            ("propto", "∝"),
            ("in", "∈"),
            ("subset", "⊂"),
            ("to", "→"),
            ("rightarrow", "→"),
            ("cdot", "⋅"),
            ("times", "×"),
            ("pm", "±"),
            ("mid", "∣"),
            ("ll", "≪"),
            ("gg", "≫"),
            ("sum", "∑"),
            ("prod", "∏"),
            ("int", "∫"),
            ("ldots", "…"),
            ("dots", "…"),
            ("cdots", "⋯"),
        ];
        for (name, op) in cases {
            assert_eq!(
                parse(&format!("a \\{name} b")),
                row(vec![mi("a"), mo(op), mi("b")]),
                "\\{name}"
            );
        }
    }

    #[test]
    fn fences() {
        assert_eq!(parse("\\|x\\|"), row(vec![fixed("‖"), mi("x"), fixed("‖")]));
        assert_eq!(
            parse("\\lVert x \\rVert"),
            row(vec![fixed("‖"), mi("x"), fixed("‖")])
        );
        assert_eq!(
            parse("\\langle a, b\\rangle"),
            row(vec![fixed("⟨"), mi("a"), mo(","), mi("b"), fixed("⟩")])
        );
        assert_eq!(parse("\\{1\\}"), row(vec![fixed("{"), mn("1"), fixed("}")]));
        // \left and \right make fences that grow with their content.
        assert_eq!(
            parse("\\left( \\frac{a}{b} \\right)"),
            row(vec![mo("("), frac(mi("a"), mi("b")), mo(")")])
        );
        assert_eq!(parse("\\left\\{ x \\right."), row(vec![mo("{"), mi("x")]));
        assert_eq!(
            parse("\\left\\| x \\right\\|_2"),
            sub(row(vec![mo("‖"), mi("x"), mo("‖")]), mn("2"))
        );
        // Sizes are left to the browser.
        assert_eq!(
            parse("\\big( x \\Bigr)"),
            row(vec![fixed("("), mi("x"), fixed(")")])
        );
    }

    #[test]
    fn scripts_and_primes() {
        assert_eq!(parse("x_i"), sub(mi("x"), mi("i")));
        assert_eq!(parse("x^2"), sup(mi("x"), mn("2")));
        assert_eq!(parse("x^{10}"), sup(mi("x"), mn("10")));
        // A script without braces is a single token, so a single digit.
        assert_eq!(parse("x^10"), row(vec![sup(mi("x"), mn("1")), mn("0")]));
        let both = subsup(mi("x"), mi("i"), mn("2"));
        assert_eq!(parse("x_i^2"), both);
        assert_eq!(parse("x^2_i"), both);
        assert_eq!(parse("x_{i}^{2}"), both);
        assert_eq!(
            parse("\\sum_{i=1}^n"),
            subsup(mo("∑"), row(vec![mi("i"), mo("="), mn("1")]), mi("n"))
        );
        assert_eq!(parse("\\sum\\limits_i"), sub(mo("∑"), mi("i")));
        assert_eq!(parse("f'"), sup(mi("f"), mo("′")));
        assert_eq!(parse("f''"), sup(mi("f"), mo("′′")));
        assert_eq!(parse("f'^2"), sup(mi("f"), row(vec![mo("′"), mn("2")])));
        assert_eq!(
            parse("f_i'(x)"),
            row(vec![
                subsup(mi("f"), mi("i"), mo("′")),
                fixed("("),
                mi("x"),
                fixed(")")
            ])
        );
        assert_eq!(parse("x^\\alpha"), sup(mi("x"), mi("α")));
        assert_eq!(
            parse("{}^{13}C"),
            row(vec![sup(row(vec![]), mn("13")), mi("C")])
        );
    }

    #[test]
    fn fractions_and_roots() {
        let half = frac(mn("1"), mn("2"));
        assert_eq!(parse("\\frac{1}{2}"), half);
        assert_eq!(parse("\\frac12"), half);
        assert_eq!(parse("\\tfrac{1}{2}"), half);
        assert_eq!(parse("\\dfrac 1 2"), half);
        assert_eq!(
            parse("\\frac{\\alpha^2}{\\varepsilon^2}"),
            frac(sup(mi("α"), mn("2")), sup(mi("ε"), mn("2")))
        );
        assert_eq!(parse("\\sqrt{n}"), Sqrt(Box::new(mi("n"))));
        assert_eq!(parse("\\sqrt 2"), Sqrt(Box::new(mn("2"))));
        assert_eq!(
            parse("\\sqrt[3]{x+1}"),
            Root(Box::new([row(vec![mi("x"), mo("+"), mn("1")]), mn("3")]))
        );
    }

    #[test]
    fn fonts_use_mathematical_alphanumerics() {
        assert_eq!(parse("\\mathbb{R}"), mi("ℝ"));
        assert_eq!(parse("\\mathbb{E}"), mi("𝔼"));
        assert_eq!(parse("\\mathbb N"), mi("ℕ"));
        assert_eq!(
            parse("\\mathbb{ZQC1}"),
            row(vec![mi("ℤ"), mi("ℚ"), mi("ℂ"), mn("𝟙")])
        );
        assert_eq!(parse("\\mathcal{C}"), mi("𝒞"));
        assert_eq!(parse("\\mathcal{L}"), mi("ℒ"));
        assert_eq!(parse("\\mathcal H"), mi("ℋ"));
        assert_eq!(parse("\\mathbf{x}"), mi("𝐱"));
        assert_eq!(parse("\\bm{x}"), mi("𝒙"));
        assert_eq!(parse("\\mathsf{P}"), mi("𝖯"));
        assert_eq!(parse("\\mathit{h}"), mi("ℎ"));
        assert_eq!(parse("\\mathfrak{g}"), mi("𝔤"));
        // Roman letters run together into a name; a single one is made upright.
        assert_eq!(parse("\\mathrm{d}x"), row(vec![up("d"), mi("x")]));
        assert_eq!(
            parse("\\mathrm{SE}(3)"),
            row(vec![mi("SE"), fixed("("), mn("3"), fixed(")")])
        );
        assert_eq!(
            parse("{\\rm poly}(n)"),
            row(vec![mi("poly"), fixed("("), mi("n"), fixed(")")])
        );
        // A font switch ends with its group.
        assert_eq!(parse("{\\bf x}y"), row(vec![mi("𝐱"), mi("y")]));
        assert_eq!(parse("\\mathbf{\\alpha}"), mi("α"));
    }

    #[test]
    fn text_in_math() {
        assert_eq!(
            parse("x \\text{ if } y"),
            row(vec![mi("x"), Text("\u{a0}if\u{a0}".to_owned()), mi("y")])
        );
        assert_eq!(parse("\\text{50\\%}"), Text("50%".to_owned()));
        assert_eq!(parse("\\mbox{a {b}}"), Text("a\u{a0}b".to_owned()));
        assert_eq!(parse("\\textbf{A}_1"), sub(Text("𝐀".to_owned()), mn("1")));
        // Text holding a command or math is not plain text.
        assert_eq!(parse_math("\\text{\\alpha}"), None);
        assert_eq!(parse_math("\\text{a $b$}"), None);
        assert_eq!(parse_math("\\text{open"), None);
    }

    #[test]
    fn functions_are_spaced_like_tex() {
        let thin = || Space(THIN);
        assert_eq!(
            parse("n \\log n"),
            row(vec![mi("n"), thin(), mi("log"), thin(), mi("n")])
        );
        // No space next to a bracket or an operator.
        assert_eq!(
            parse("O(\\log(n))"),
            row(vec![
                mi("O"),
                fixed("("),
                mi("log"),
                fixed("("),
                mi("n"),
                fixed(")"),
                fixed(")")
            ])
        );
        assert_eq!(
            parse("\\max_{x} f"),
            row(vec![sub(mi("max"), mi("x")), thin(), mi("f")])
        );
        assert_eq!(
            parse("\\log^2 T"),
            row(vec![sup(mi("log"), mn("2")), thin(), mi("T")])
        );
        assert_eq!(
            parse("\\operatorname{rank}(A)"),
            row(vec![mi("rank"), fixed("("), mi("A"), fixed(")")])
        );
        assert_eq!(
            parse("\\operatorname*{arg\\,max} x"),
            row(vec![
                row(vec![mi("arg"), thin(), mi("max")]),
                thin(),
                mi("x")
            ])
        );
        for name in ["exp", "min", "sup", "inf", "lim", "arg", "ln"] {
            assert_eq!(parse(&format!("\\{name}")), mi(name));
        }
    }

    #[test]
    fn spacing() {
        assert_eq!(
            parse("a\\,b\\;c\\quad d"),
            row(vec![
                mi("a"),
                Space("0.1667em"),
                mi("b"),
                Space("0.2778em"),
                mi("c"),
                Space("1em"),
                mi("d")
            ])
        );
        // A negative thin space only kerns; it is dropped.
        assert_eq!(parse("+\\!3"), row(vec![mo("+"), mn("3")]));
    }

    #[test]
    fn accents() {
        assert_eq!(parse("\\hat{x}"), accent(mi("x"), fixed("^")));
        assert_eq!(parse("\\hat x"), accent(mi("x"), fixed("^")));
        assert_eq!(
            parse("\\tilde{O}(n)"),
            row(vec![
                accent(mi("O"), fixed("~")),
                fixed("("),
                mi("n"),
                fixed(")")
            ])
        );
        assert_eq!(parse("\\bar{x}"), accent(mi("x"), fixed("¯")));
        assert_eq!(parse("\\vec{v}"), accent(mi("v"), fixed("→")));
        assert_eq!(parse("\\dot x"), accent(mi("x"), fixed("˙")));
        // Wide accents stretch over their base.
        assert_eq!(parse("\\widetilde{\\Theta}"), accent(up("Θ"), mo("~")));
        assert_eq!(
            parse("\\widehat{xy}"),
            accent(row(vec![mi("x"), mi("y")]), mo("^"))
        );
        assert_eq!(
            parse("\\overline{AB}"),
            accent(row(vec![mi("A"), mi("B")]), mo("‾"))
        );
    }

    #[test]
    fn malformed_or_unknown_math_is_refused() {
        for src in [
            "",
            "   ",
            "\\frac{a}",
            "\\frac{a}{",
            "x^",
            "x_",
            "x^{2",
            "x^2^3",
            "x_1_2",
            "\\unknowncmd",
            "\\cO(n)",
            "{a",
            "a}",
            "\\left( x",
            "x \\right)",
            "\\left< x \\right>",
            "\\sqrt[3",
            "a & b",
            "a \\\\ b",
            "50%",
            "\\",
            "x^{}}",
        ] {
            assert_eq!(parse_math(src), None, "{src:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        for (open, close) in [
            ("{", "}"),
            ("\\sqrt{", "}"),
            ("x^{", "}"),
            ("\\left(", "\\right)"),
        ] {
            let deep = format!("{}x{}", open.repeat(10_000), close.repeat(10_000));
            assert_eq!(parse_math(&deep), None, "{open}");
        }
        assert_eq!(parse_math(&"\\sqrt".repeat(10_000)), None);
        assert_eq!(parse_math(&"x^".repeat(10_000)), None);
        // Moderate nesting is fine.
        let nested = format!("{}x{}", "{".repeat(10), "}".repeat(10));
        assert_eq!(parse(&nested), mi("x"));
    }

    #[test]
    fn hostile_text_stays_text() {
        assert_eq!(
            parse("\\text{<script>alert(1)</script>}"),
            Text("<script>alert(1)</script>".to_owned())
        );
        let node = parse("<img onerror=x>");
        assert_eq!(node.children()[0], mo("<"));
        assert_eq!(node.children().last(), Some(&mo(">")));
    }

    #[test]
    fn the_command_table_is_well_formed() {
        let mut names = std::collections::HashSet::new();
        for line in super::COMMANDS.lines().skip(1) {
            let (name, rest) = line.split_once('=').unwrap();
            assert!(names.insert(name), "\\{name} twice");
            assert!(
                "iuofnsawmkt".contains(rest.chars().next().unwrap()),
                "{line}"
            );
            assert!(super::lookup(name).is_some(), "{line}");
        }
        assert_eq!(super::lookup("alph"), None);
        assert_eq!(super::lookup("lpha"), None);
    }

    #[test]
    fn each_node_names_its_element() {
        let node =
            parse("\\hat{x}_1^{\\frac{a}{\\sqrt{b}}} \\mathrm{d} \\, \\sqrt[n]{\\text{t}} (1)");
        let mut seen = Vec::new();
        fn walk(node: &MathNode, seen: &mut Vec<String>) {
            let attribute = node
                .attribute()
                .map_or(String::new(), |(k, v)| format!(" {k}={v}"));
            let text = node.text().unwrap_or_default();
            seen.push(format!("{}{attribute}:{text}", node.element()));
            assert!(node.text().is_none() || node.children().is_empty());
            for child in node.children() {
                walk(child, seen);
            }
        }
        walk(&node, &mut seen);
        assert_eq!(
            seen,
            [
                "mrow:",
                "msubsup:",
                "mover accent=true:",
                "mi:x",
                "mo stretchy=false:^",
                "mn:1",
                "mfrac:",
                "mi:a",
                "msqrt:",
                "mi:b",
                "mi mathvariant=normal:d",
                "mspace width=0.1667em:",
                "mroot:",
                "mtext:t",
                "mi:n",
                "mo stretchy=false:(",
                "mn:1",
                "mo stretchy=false:)",
            ]
        );
    }

    #[test]
    fn markup_escapes_every_text() {
        let node = parse_math(r"\text{<b>&</b>} < x_{i}").unwrap();
        let markup = node.markup();
        assert_eq!(
            markup,
            "<mrow><mtext>&lt;b&gt;&amp;&lt;/b&gt;</mtext><mo>&lt;</mo><msub><mi>x</mi><mi>i</mi></msub></mrow>"
        );
    }
}
