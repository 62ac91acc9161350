//! The LaTeX the `biblatex` crate does not turn into text by itself. It resolves accents (`{\"o}`,
//! `\c{c}`, `\ss`), dashes and grouping braces, and keeps `$…$` math as source; what is left here
//! are forms it misreads (handled [`before`] it reads a value) and commands it passes through
//! as source (handled [`after`]). Math is never touched: the site renders it.

/// Commands whose argument is shown as plain text.
const UNWRAPPED: &[&str] = &[
    "textsc",
    "textrm",
    "textsf",
    "textup",
    "textmd",
    "textnormal",
    "textsuperscript",
    "textsubscript",
    "mbox",
    "hbox",
    "text",
    "url",
    "MakeUppercase",
    "MakeLowercase",
    "uppercase",
    "lowercase",
    "NoCaseChange",
];

/// Old-style font switches in a group (`{\em word}`) and the command the site renders for each;
/// `None` shows the words plainly.
const SWITCHES: &[(&str, Option<&str>)] = &[
    ("em", Some("emph")),
    ("it", Some("textit")),
    ("sl", Some("emph")),
    ("bf", Some("textbf")),
    ("tt", Some("texttt")),
    ("sc", None),
    ("rm", None),
    ("sf", None),
];

/// Rewrites what the crate would misread or keep as source: ties (`~`) and TeX quotes (``` ``…'' ```,
/// `` `…' ``), which must be read before it drops the braces that protect them (`{`}`); `{\em x}`
/// switches; `\url{…}` and `\href{url}{text}` (as `[text](url)`, which the site links), whose
/// addresses are [`protect`]ed; `\$`, which must stay escaped for the site; `\(…\)` math (as
/// `$…$`); `\o{}`; and an accent on a bare `\i`.
pub fn before(source: &str) -> String {
    let source = inline_math_as_dollars(source);
    map_outside_math(&source, |text| {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if let Some((replacement, used)) = rewrite(rest) {
                out.push_str(&replacement);
                rest = &rest[used..];
                continue;
            }
            let (replacement, used) = match c {
                '~' => (" ", 1),
                '`' if rest.starts_with("``") => ("“", 2),
                '`' => ("‘", 1),
                '\'' if rest.starts_with("''") => ("”", 2),
                // A protected quote, or a command: as written.
                '{' if rest.starts_with("{`}") || rest.starts_with("{'}") => (&rest[..3], 3),
                '\\' => {
                    let len = 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                    (&rest[..len], len)
                }
                _ => (&rest[..c.len_utf8()], c.len_utf8()),
            };
            out.push_str(replacement);
            rest = &rest[used..];
        }
        out
    })
}

/// One rewrite at the start of `text`, and how many bytes it replaces.
fn rewrite(text: &str) -> Option<(String, usize)> {
    if let Some(inner) = text.strip_prefix("{\\") {
        let name_len = inner.bytes().take_while(u8::is_ascii_alphabetic).count();
        let name = &inner[..name_len];
        let after_name = &inner[name_len..];
        let command = SWITCHES.iter().find(|(s, _)| *s == name)?.1;
        if !after_name.starts_with([' ', '\\', '{']) {
            return None;
        }
        let group = group_len(text)?;
        let body = text[2 + name_len..group - 1].trim_start();
        // `{\bf\em x}`: the rest of the group is itself a switched group.
        let nested = body.starts_with('\\') && rewrite(&format!("{{{body}}}")).is_some();
        let body = if nested {
            before(&format!("{{{body}}}"))
        } else {
            before(body)
        };
        let replacement = match command {
            Some(command) => format!("\\{command}{{{body}}}"),
            None => format!("{{{body}}}"),
        };
        return Some((replacement, group));
    }
    if let Some(rest) = text.strip_prefix("\\href") {
        let url = group_len(rest)?;
        let label = group_len(&rest[url..])?;
        let label_text = &rest[url + 1..url + label - 1];
        let address = protect(&unescape_url(&rest[1..url - 1]));
        return Some((format!("[{{{label_text}}}]({address})"), 5 + url + label));
    }
    if let Some(rest) = text.strip_prefix("\\url") {
        let url = group_len(rest)?;
        return Some((protect(&unescape_url(&rest[1..url - 1])), 4 + url));
    }
    if text.starts_with("\\$") {
        return Some((protect("\\$"), 2));
    }
    for (from, to) in [("\\o{}", "{\\o}"), ("\\O{}", "{\\O}")] {
        if text.starts_with(from) {
            return Some((to.to_owned(), from.len()));
        }
    }
    let accent = text.strip_prefix('\\')?.chars().next()?;
    let bare_i = text.get(2..4).filter(|s| *s == "\\i" || *s == "\\j")?;
    let follows = text[4..].chars().next();
    ("'`^\"~=.".contains(accent) && !follows.is_some_and(|c| c.is_ascii_alphabetic()))
        .then(|| (format!("\\{accent}{{{bare_i}}}"), 4))
}

/// Where [`protect`] moves ASCII: a private-use plane no LaTeX reader touches.
const PROTECTED: u32 = 0xF0000;

/// Text the crate must pass through as it is (a URL's `--`, `~`, `%`; an escaped dollar): its
/// ASCII moved to a private-use plane, and moved back by [`after`].
fn protect(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\0'..='\x7f' => char::from_u32(PROTECTED + c as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn unprotect(c: char) -> char {
    match (c as u32).checked_sub(PROTECTED) {
        Some(ascii @ 0..=0x7f) => char::from_u32(ascii).unwrap_or(c),
        _ => c,
    }
}

/// A URL as `\url` and `\href` take it, where `\%`, `\#`, `\_`, `\&` and `\~` may be escaped.
fn unescape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('%' | '#' | '_' | '&' | '~' | '$')) => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
}

/// `text` (an output of [`before`]) with every `$` a dollar sign, for a field whose dollars do
/// not pair up as math.
pub fn dollars_as_text(text: &str) -> String {
    text.replace('$', &protect("\\$"))
}

/// `\(…\)` as `$…$`, the form the crate and the site read as math.
fn inline_math_as_dollars(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find("\\(") {
        let Some(close) = rest[open + 2..].find("\\)") else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push('$');
        out.push_str(&rest[open + 2..open + 2 + close]);
        out.push('$');
        rest = &rest[open + 2 + close + 2..];
    }
    out.push_str(rest);
    out
}

/// The length of the `{…}` group `text` starts with, braces included.
fn group_len(text: &str) -> Option<usize> {
    if !text.starts_with('{') {
        return None;
    }
    braces(text)
        .find(|&(_, depth)| depth == 0)
        .map(|(i, _)| i + 1)
}

/// Each brace of `text` that is not escaped (`\{`), with the depth after it: byte offset and
/// depth.
pub fn braces(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    let mut depth = 0;
    let mut escaped = false;
    text.char_indices().filter_map(move |(i, c)| {
        if std::mem::take(&mut escaped) {
            return None;
        }
        match c {
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        matches!(c, '{' | '}').then_some((i, depth))
    })
}

/// Turns what the crate left as source into text: LaTeX spaces and commands
/// whose argument is plain text. `\emph`, `\textit`, `\textbf` and `\texttt` stay: the site
/// renders them. Whitespace is collapsed.
pub fn after(text: &str) -> String {
    let text = map_outside_math(text, |part| {
        let mut out = String::with_capacity(part.len());
        let mut rest = part;
        while let Some(c) = rest.chars().next() {
            let (replacement, used): (&str, usize) = match c {
                '\\' => match rest[1..].chars().next() {
                    Some('\\' | ' ') => (" ", 2),
                    Some(',' | ';' | ':') => (" ", 2),
                    Some('@' | '/' | '-') => ("", 2),
                    Some(_) if symbol(rest).is_some() => {
                        let (text, used) = symbol(rest).unwrap_or_default();
                        out.push_str(text);
                        rest = &rest[used..];
                        continue;
                    }
                    Some(_) => match unwrap(rest) {
                        Some((inner, used)) if rest.starts_with("\\url{") => {
                            out.push_str(inner);
                            rest = &rest[used..];
                            continue;
                        }
                        Some((inner, used)) => {
                            out.push_str(&after(inner));
                            rest = &rest[used..];
                            continue;
                        }
                        None => ("\\", 1),
                    },
                    None => ("\\", 1),
                },
                _ => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
            };
            out.push_str(replacement);
            rest = &rest[used..];
        }
        out
    });
    let mut text: String = text.chars().map(unprotect).collect();
    // A lone dollar sign cannot be read as math: it needs no escape.
    if text.matches('$').count() == 1 {
        text = text.replace("\\$", "$");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Symbols the crate leaves as commands.
const SYMBOLS: &[(&str, &str)] = &[
    ("ldots", "…"),
    ("textdegree", "°"),
    ("textemdash", "—"),
    ("texttrademark", "™"),
    ("textregistered", "®"),
    ("copyright", "©"),
    ("textbullet", "•"),
];

/// A symbol command at the start of `text` (`\ldots`, `\ldots{}`): its text and the bytes used.
fn symbol(text: &str) -> Option<(&'static str, usize)> {
    let name_len = text[1..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (_, symbol) = SYMBOLS
        .iter()
        .find(|(name, _)| *name == &text[1..1 + name_len])?;
    let used = 1
        + name_len
        + if text[1 + name_len..].starts_with("{}") {
            2
        } else {
            0
        };
    Some((symbol, used))
}

/// `\textsc{inner}` and the like at the start of `text`: the argument, and the bytes used.
fn unwrap(text: &str) -> Option<(&str, usize)> {
    let name_len = text[1..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = &text[1..1 + name_len];
    if !UNWRAPPED.contains(&name) {
        return None;
    }
    let group = group_len(&text[1 + name_len..])?;
    let start = 1 + name_len;
    Some((&text[start + 1..start + group - 1], start + group))
}

/// Applies `f` to the parts of `text` outside `$…$` math, keeping the math as it is.
fn map_outside_math(text: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let Some(open) = unescaped_dollar(rest, 0) else {
            out.push_str(&f(rest));
            return out;
        };
        let Some(close) = unescaped_dollar(rest, open + 1) else {
            out.push_str(&f(rest));
            return out;
        };
        out.push_str(&f(&rest[..open]));
        out.push_str(&rest[open..=close]);
        rest = &rest[close + 1..];
    }
}

fn unescaped_dollar(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| bytes[i] == b'$' && (i == 0 || bytes[i - 1] != b'\\'))
}

/// Author marks written in LaTeX (`$^*$`, `$^{\dagger}$`, `\textsuperscript{*,\dag}`, `\dag`) as
/// the symbols themselves, which
/// [`papershelf_core::marks::split_marks`] takes off the names.
pub fn marks_as_symbols(names: &str) -> String {
    let mut out = String::with_capacity(names.len());
    let mut rest = names;
    while let Some(i) = rest.find(['$', '\\']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let group = if let Some(math) = tail.strip_prefix('$') {
            math.find('$').map(|end| (&math[..end], end + 2))
        } else if let Some(arg) = tail.strip_prefix("\\textsuperscript{") {
            arg.find('}')
                .map(|end| (&arg[..end], "\\textsuperscript{".len() + end + 1))
        } else {
            let name = tail[1..]
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            let len = 1 + name + usize::from(tail[1 + name..].starts_with("{}")) * 2;
            (name > 0).then_some((&tail[..1 + name], len))
        };
        match group.and_then(|(inner, len)| Some((marks_of(inner)?, len))) {
            Some((marks, len)) => {
                out.push_str(&marks);
                rest = &tail[len..];
            }
            None => {
                // Not marks: the character as written (with the one it escapes, so `\$` is no
                // math).
                let len = tail[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
                let len = if tail.starts_with('\\') { len } else { 1 };
                out.push_str(&tail[..len]);
                rest = &tail[len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The marks a superscript holds, when it holds nothing else.
fn marks_of(latex: &str) -> Option<String> {
    let mut marks = String::new();
    let mut rest = latex.trim_start_matches('^');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "{},^".contains(c));
        if rest.is_empty() {
            break;
        }
        let (mark, len) = [
            ("\\textdaggerdbl", '‡'),
            ("\\textdagger", '†'),
            ("\\ddagger", '‡'),
            ("\\ddag", '‡'),
            ("\\dagger", '†'),
            ("\\dag", '†'),
            ("\\ast", '*'),
            ("\\textasteriskcentered", '*'),
            ("\\S", '§'),
            ("\\#", '#'),
            ("*", '*'),
            ("†", '†'),
            ("‡", '‡'),
        ]
        .iter()
        .find(|(written, _)| {
            rest.starts_with(written)
                && !rest[written.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
        .map(|&(written, mark)| (mark, written.len()))?;
        if !marks.contains(mark) {
            marks.push(mark);
        }
        rest = &rest[len..];
    }
    (!marks.is_empty()).then_some(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_links_and_the_forms_the_crate_misreads() {
        assert_eq!(before(r"a {\em b c} d"), r"a \emph{b c} d");
        assert_eq!(before(r"{\bf\em x}"), r"\textbf{\emph{x}}");
        assert_eq!(before(r"{\sc Nasa} {\emph x}"), r"{Nasa} {\emph x}");
        assert_eq!(before(r"\o{} and \O{}slo"), r"{\o} and {\O}slo");
        assert_eq!(before(r"na\'\i ve \^\j"), r"na\'{\i} ve \^{\j}");
        assert_eq!(
            before(r"\'\imath"),
            r"\'\imath",
            "a command named \\imath is not \\i"
        );
        assert_eq!(
            before(r"$\sqrt{x} {\em y}$ {\em z}"),
            r"$\sqrt{x} {\em y}$ \emph{z}"
        );
    }

    #[test]
    fn spaces_quotes_and_plain_commands() {
        assert_eq!(
            after(r"10\,000 \TeX\ rules\\ next"),
            "10 000 \\TeX rules next"
        );
        assert_eq!(
            after(r"\textsc{Nasa} \ldots{} \emph{kept} 20\textdegree"),
            r"Nasa … \emph{kept} 20°"
        );
        assert_eq!(after(r"\textsuperscript{\textsc{2}}nd"), "2nd");
        assert_eq!(after(r"$a\,b$ c\,d"), r"$a\,b$ c d", "math is left alone");
        assert_eq!(after("  many \n spaces  "), "many spaces");
        assert_eq!(after(r"\unknown{x} stays"), r"\unknown{x} stays");
    }

    #[test]
    fn ties_and_quotes_unless_protected_or_accents() {
        assert_eq!(before("D.~E. Knuth"), "D. E. Knuth");
        assert_eq!(before("``quoted'' and `single'"), "“quoted” and ‘single'");
        assert_eq!(before("{`}{`}x{'}{'} a~{}b"), "{`}{`}x{'}{'} a {}b");
        let accents = r"\~{n} \`{e} \'{e} \textasciitilde{}";
        assert_eq!(before(accents), accents);
        assert_eq!(before("$a~b$ c~d"), "$a~b$ c d");
    }
}
