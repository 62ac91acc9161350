//! A small JSON reader: exactly JSON's grammar (RFC 8259), each value read or skipped as the
//! caller asks, errors in plain words at the byte where they happen.
//!
//! It replaces serde_json in the core because the site's bundle is measured in kilobytes: with
//! serde's visitors and serde_json's deserializer (and its float parsing) gone, the site's wasm
//! is 11 KB gzip smaller. The property tests hold it to serde_json's verdict on what they generate.

use crate::parse::JsonKind;
use std::borrow::Cow;

/// Nesting deeper than this is refused rather than risking the stack (serde_json's limit too).
const MAX_DEPTH: usize = 128;

const CUT_OFF: &str = "the file ends too early (is it cut off?)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    /// Byte offset in the text where reading stopped.
    pub offset: usize,
}

pub type Result<T> = std::result::Result<T, SyntaxError>;

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Where text with escapes is decoded; reused, so each such string is allocated once, at
    /// its final size.
    scratch: String,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
            scratch: String::new(),
        }
    }

    /// A syntax error at the current position; at the end of the text, that the file is cut off.
    pub fn fail<T>(&self, message: impl Into<String>) -> Result<T> {
        if self.pos >= self.bytes.len() {
            return self.error(CUT_OFF);
        }
        self.error(message)
    }

    /// An error at the current position, as given (for what is wrong with a complete text).
    pub fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(SyntaxError {
            message: message.into(),
            offset: self.pos,
        })
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.bytes.get(self.pos) == Some(&byte);
        self.pos += usize::from(found);
        found
    }

    /// The kind of the next value, which is left to be read or skipped.
    pub fn peek_kind(&mut self) -> Result<JsonKind> {
        self.skip_whitespace();
        Ok(match self.bytes.get(self.pos) {
            Some(b'{') => JsonKind::Object,
            Some(b'[') => JsonKind::List,
            Some(b'"') => JsonKind::Text,
            Some(b't' | b'f') => JsonKind::Bool,
            Some(b'n') => JsonKind::Null,
            Some(b'-' | b'0'..=b'9') => JsonKind::Number,
            _ => return self.fail("expected a value (text in \"quotes\", a number, a list…)"),
        })
    }

    /// Reads a string value.
    pub fn string(&mut self) -> Result<String> {
        self.text().map(Cow::into_owned)
    }

    /// A string, borrowed from the input when it has no escapes (most keys and values).
    fn text(&mut self) -> Result<Cow<'a, str>> {
        if !self.eat(b'"') {
            return self.fail("expected text in \"quotes\"");
        }
        let mut escaped = false;
        let mut run_start = self.pos;
        loop {
            let Some(at) = memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..]) else {
                self.pos = self.bytes.len();
                return self.fail(CUT_OFF);
            };
            let run = &self.bytes[run_start..self.pos + at];
            // Branch-free, so it vectorises: abstracts are long and almost never fail this.
            if run.iter().fold(false, |found, &b| found | (b < 0x20)) {
                let bad = run.iter().position(|&b| b < 0x20).unwrap_or(0);
                self.pos = run_start + bad;
                return self
                    .fail("a line break or control character inside text (write it as \\n)");
            }
            let Ok(run) = std::str::from_utf8(run) else {
                self.pos = run_start;
                return self.fail("text that is not valid UTF-8");
            };
            self.pos += at;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                if !escaped {
                    return Ok(Cow::Borrowed(run));
                }
                self.scratch.push_str(run);
                return Ok(Cow::Owned(self.scratch.as_str().to_owned()));
            }
            if !escaped {
                escaped = true;
                self.scratch.clear();
            }
            self.scratch.push_str(run);
            self.pos += 1; // the backslash
            self.escape()?;
            run_start = self.pos;
        }
    }

    /// One escape after its backslash, decoded onto the scratch text.
    fn escape(&mut self) -> Result<()> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return self.fail(CUT_OFF);
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                // A surrogate pair spells one character beyond U+FFFF; a lone half (which
                // JavaScript tolerates) becomes U+FFFD rather than failing the file.
                let code = if (0xD800..0xDC00).contains(&first)
                    && self.bytes[self.pos..].starts_with(b"\\u")
                {
                    let before = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        self.pos = before;
                        first
                    }
                } else {
                    first
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => {
                self.pos -= 1;
                return self.fail("an unknown escape after \\ in text");
            }
        };
        self.scratch.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(digit) = self
                .bytes
                .get(self.pos)
                .and_then(|&b| (b as char).to_digit(16))
            else {
                return self.fail("expected four hex digits after \\u");
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// Reads a number, returning its text as written.
    pub fn number(&mut self) -> Result<&'a str> {
        self.skip_whitespace();
        let start = self.pos;
        self.pos += usize::from(self.bytes.get(self.pos) == Some(&b'-'));
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail("expected a digit"),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        // Only ASCII was consumed.
        Ok(std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default())
    }

    fn digits(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<()> {
        if !self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            return self.fail("expected a digit");
        }
        self.digits();
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            self.fail("expected a value (text in \"quotes\", a number, a list…)")
        }
    }

    /// Reads past the next value, whatever it is.
    pub fn skip(&mut self) -> Result<()> {
        match self.peek_kind()? {
            JsonKind::Object => self.object(|r, _| r.skip()),
            JsonKind::List => self.list(Reader::skip),
            JsonKind::Text => self.text().map(drop),
            JsonKind::Number => self.number().map(drop),
            JsonKind::Bool if self.bytes[self.pos] == b't' => self.literal("true"),
            JsonKind::Bool => self.literal("false"),
            JsonKind::Null => self.literal("null"),
        }
    }

    /// Reads a list, calling `item` to read each element.
    pub fn list(&mut self, mut item: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.open(b'[')?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if self.closes_after_member(
                    b']',
                    "expected , or ] after a list element",
                    "remove the comma before ]",
                )? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an object, calling `member` with each key to read its value.
    pub fn object(&mut self, mut member: impl FnMut(&mut Self, &str) -> Result<()>) -> Result<()> {
        self.open(b'{')?;
        if !self.eat(b'}') {
            loop {
                self.skip_whitespace();
                if self.bytes.get(self.pos) != Some(&b'"') {
                    return self.fail("expected a field name in \"quotes\"");
                }
                let key = self.text()?;
                if !self.eat(b':') {
                    return self.fail("expected : after a field name");
                }
                member(self, &key)?;
                if self.closes_after_member(
                    b'}',
                    "expected , or } after a field",
                    "remove the comma before }",
                )? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// After a list element or an object's field: `true` at the closing bracket, `false` after
    /// the comma before the next one. The messages are whole literals: no formatting code.
    fn closes_after_member(&mut self, close: u8, no_comma: &str, trailing: &str) -> Result<bool> {
        if self.eat(close) {
            return Ok(true);
        }
        if !self.eat(b',') {
            return self.fail(no_comma);
        }
        if self.eat(close) {
            self.pos -= 1;
            return self.fail(trailing);
        }
        Ok(false)
    }

    fn open(&mut self, bracket: u8) -> Result<()> {
        if !self.eat(bracket) {
            return self.fail(format!("expected {}", bracket as char));
        }
        if self.depth == MAX_DEPTH {
            return self.fail("lists and objects nested too deeply");
        }
        self.depth += 1;
        Ok(())
    }

    /// Checks that nothing but whitespace follows.
    pub fn end(&mut self) -> Result<()> {
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return self.error("more text after the end of the JSON document");
        }
        Ok(())
    }
}

/// A number's value if it is a whole number of at most 15 digits ("2019", "2019.0", "2.019e3").
pub fn whole_number(literal: &str) -> Option<i64> {
    const LIMIT: i64 = 1_000_000_000_000_000;
    if let Ok(value) = literal.parse::<i64>() {
        return (-LIMIT < value && value < LIMIT).then_some(value);
    }
    let (mantissa, exponent) = match literal.find(['e', 'E']) {
        Some(at) => (&literal[..at], literal[at + 1..].parse::<i64>().ok()?),
        None => (literal, 0),
    };
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The value is digits × 10^shift; dropping zeros that follow the decimal point keeps it.
    let mut shift = exponent - frac.len() as i64;
    let mut digits = digits.trim_start_matches('0');
    while shift < 0 && digits.ends_with('0') {
        digits = &digits[..digits.len() - 1];
        shift += 1;
    }
    if digits.is_empty() {
        return Some(0);
    }
    if shift < 0 || digits.len() as i64 + shift > 15 {
        return None;
    }
    let value = digits.parse::<i64>().ok()? * 10i64.pow(shift as u32);
    Some(if negative { -value } else { value })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips(text: &str) -> Result<()> {
        let mut r = Reader::new(text.as_bytes());
        r.skip()?;
        r.end()
    }

    #[test]
    fn strings_with_escapes() {
        let read = |t: &str| Reader::new(t.as_bytes()).string();
        assert_eq!(read(r#""plain""#).unwrap(), "plain");
        assert_eq!(
            read(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#).unwrap(),
            "a\"b\\c/\né😀"
        );
        assert_eq!(read(r#""\ud800x""#).unwrap(), "\u{fffd}x");
        assert_eq!(read(r#""\ud800\u0041""#).unwrap(), "\u{fffd}A");
        assert!(read(r#""\x""#).is_err());
        assert!(read("\"a\nb\"").is_err());
        assert_eq!(read(r#""cut"#).unwrap_err().message, CUT_OFF);
    }

    #[test]
    fn grammar() {
        for ok in [
            "0",
            "-0.5e+10",
            "[]",
            "{}",
            r#"{"a":[1,{"b":null}],"c":true,"d":false}"#,
            " [ 1 , 2 ] ",
        ] {
            assert_eq!(skips(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "01",
            "1.",
            "-",
            ".5",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "[1 2]",
            "tru",
            "nul",
            "[1]x",
            "{\"a\" 1}",
            "\"\\u12\"",
            "+1",
        ] {
            assert!(skips(bad).is_err(), "{bad}");
        }
        assert!(skips(&"[".repeat(200))
            .unwrap_err()
            .message
            .contains("deeply"));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let text = "{\n  \"a\": [1,\n   ]\n}";
        let err = skips(text).unwrap_err();
        assert_eq!(line_column(text, err.offset), (3, 4));
        assert!(err.message.contains("comma before ]"), "{}", err.message);
        assert_eq!(line_column("é\nx", 3), (2, 1));
        assert_eq!(line_column("éa", 2), (1, 2));
    }

    #[test]
    fn whole_numbers() {
        for (text, value) in [
            ("2019", Some(2019)),
            ("2019.000", Some(2019)),
            ("2.019e3", Some(2019)),
            ("20190e-1", Some(2019)),
            ("-12", Some(-12)),
            ("0.0", Some(0)),
            ("2019.5", None),
            ("1e20", None),
            ("999999999999999", Some(999_999_999_999_999)),
            ("1000000000000000", None),
            ("-99999999999999999999", None),
            ("-9223372036854775808", None),
            ("1e-3", None),
        ] {
            assert_eq!(whole_number(text), value, "{text}");
        }
    }
}
