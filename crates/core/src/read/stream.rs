//! Reading `publications.json` as it arrives, chunk by chunk, for the site and the checker alike.
//!
//! A small boundary scanner walks the document's outer structure (the root object or list, the
//! `publications` list, the commas between entries) and finds where each entry ends; serde_json
//! then reads that entry ([`RawPaper`]). So each entry reaches the sink as soon as its last byte
//! is in, the page shows its first cards while a large file is still downloading, and the file's
//! text is never whole in memory. Each entry comes with its byte range in the file, so that what
//! the catalog does not keep can be read from the file again. The checker hands over the whole file as one chunk: there is one
//! reader, so the site and the checker accept and reject exactly the same files.
//!
//! Errors name the file's line and column (serde_json's position inside an entry plus where the
//! entry starts) in plain words.

use crate::parse::{
    read, EntrySink, Field, JsonKind, RawDocument, RawEntry, RawLinks, RawMember, RawMemberEntry,
    RawMembers, RawPaper,
};
use serde_json::value::RawValue;
use std::fmt;

/// A UTF-8 byte-order mark, which some Windows editors write first; it is skipped.
const BOM: &[u8] = b"\xEF\xBB\xBF";

const CUT_OFF: &str = "the file ends too early (is it cut off?)";
const EXPECTED_VALUE: &str =
    "expected a value (text in \"quotes\", a number, true, false, null, a list or an object)";
const NOT_JSON: &str = "this is not JSON: it should start with [ or {";
const LONE_SURROGATE: &str =
    "a \\u escape that is half of a character (a lone surrogate); write the character itself";
const NOT_UTF8: &str = "text that is not valid UTF-8 (save the file as UTF-8)";

/// Why a file could not be read at all, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What is wrong, in plain words.
    pub message: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem, in characters.
    pub column: usize,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ReadError {}

/// Reads a whole document into memory: tests, benchmarks and the site's first page use it.
pub fn read_document<J: AsRef<[u8]> + ?Sized>(json: &J) -> Result<RawDocument, ReadError> {
    let mut doc = RawDocument::default();
    read_json(json.as_ref(), &mut doc)?;
    Ok(doc)
}

/// Reads a whole JSON text into a sink, by the same rules as a stream.
pub fn read_json<S: EntrySink>(json: &[u8], sink: &mut S) -> Result<(), ReadError> {
    let mut reader = StreamReader::new();
    reader.push(json, sink)?;
    reader.finish()
}

/// Where a list or object is between its members, so that commas are exactly where JSON wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Opened,
    AfterMember,
    AfterComma,
}

/// Where the scanner is in the document's outer structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Root,
    Key,
    Colon,
    Value,
    Item,
    Done,
}

/// A value being scanned: where it started in the buffer and how far the scan got.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    start: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
}

/// Line and column of the first byte not yet seen, for messages.
#[derive(Debug, Clone, Copy)]
struct Position {
    line: usize,
    /// Characters since the line began.
    column: usize,
}

impl Position {
    /// Where the text would be after `bytes`.
    fn after(self, bytes: &[u8]) -> Position {
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => Position {
                line: self.line + memchr::memchr_iter(b'\n', bytes).count(),
                column: chars(&bytes[last + 1..]),
            },
            None => Position {
                line: self.line,
                column: self.column + chars(bytes),
            },
        }
    }
}

/// Characters in UTF-8 bytes (bytes that do not continue a character). Every byte of the file is
/// counted once, and a generated file is one long line: eight bytes at a time.
fn chars(bytes: &[u8]) -> usize {
    let is_continuation = |b: &u8| b & 0xC0 == 0x80;
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // A continuation byte is 10xxxxxx: its top bit set, the one below it clear.
        continuations += (word & !(word << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    continuations += words
        .remainder()
        .iter()
        .filter(|b| is_continuation(b))
        .count();
    bytes.len() - continuations
}

/// Reads `publications.json` chunk by chunk; see the module's documentation.
#[derive(Debug)]
pub struct StreamReader {
    /// The unfinished part of the text: the value in progress, if any.
    buf: Vec<u8>,
    pos: usize,
    /// Where `buf` begins in the file.
    start: Position,
    /// Where `buf` begins in the file, in bytes from its first (a byte-order mark included).
    offset: u64,
    bom_checked: bool,
    bom: bool,
    state: State,
    root_is_list: bool,
    key: String,
    value: Option<Scan>,
    found_list: bool,
    sep: Sep,
}

impl Default for StreamReader {
    fn default() -> Self {
        StreamReader {
            buf: Vec::new(),
            pos: 0,
            start: Position { line: 1, column: 0 },
            offset: 0,
            bom_checked: false,
            bom: false,
            state: State::Root,
            root_is_list: false,
            key: String::new(),
            value: None,
            found_list: false,
            sep: Sep::Opened,
        }
    }
}

impl StreamReader {
    /// A reader at the start of a file.
    pub fn new() -> StreamReader {
        StreamReader::default()
    }

    /// Takes the next chunk of the file, handing every part completed by it to `sink`.
    pub fn push<S: EntrySink>(&mut self, chunk: &[u8], sink: &mut S) -> Result<(), ReadError> {
        let mut buf = std::mem::take(&mut self.buf);
        // With nothing left over, the chunk is read where it lies: the checker's whole file is
        // not copied.
        let in_place = buf.is_empty();
        if !in_place {
            buf.extend_from_slice(chunk);
        }
        let data = if in_place { chunk } else { &buf[..] };
        let result = self.run(data, sink);
        // Keep only what is still needed: the value in progress, or nothing.
        let keep_from = self.value.map_or(self.pos, |v| v.start).min(data.len());
        self.start = self.start.after(&data[..keep_from]);
        self.offset += keep_from as u64;
        if in_place {
            buf.extend_from_slice(&chunk[keep_from..]);
        } else {
            buf.drain(..keep_from);
        }
        self.buf = buf;
        self.pos -= keep_from;
        if let Some(v) = self.value.as_mut() {
            v.start = 0;
        }
        result
    }

    /// The file is complete: fails when it ended early or had no list of publications.
    pub fn finish(self) -> Result<(), ReadError> {
        let fail = |message: &str| Err(self.error(&self.buf, self.buf.len(), message));
        match self.state {
            // Any other byte before the document would have failed already.
            State::Root if self.bom_checked || self.buf.is_empty() => Err(ReadError {
                message: "the file is empty".to_owned(),
                line: 1,
                column: 1,
            }),
            State::Root => fail(NOT_JSON),
            State::Done if !self.root_is_list && !self.found_list => {
                fail("the file has no \"publications\" list")
            }
            State::Done => Ok(()),
            _ => fail(CUT_OFF),
        }
    }

    /// An error at byte `at` of `data` (the buffer being read).
    fn error(&self, data: &[u8], at: usize, message: &str) -> ReadError {
        let at = self.start.after(&data[..at.min(data.len())]);
        // The byte-order mark is invisible in editors: columns on the first line start after it.
        let bom = usize::from(self.bom && at.line == 1);
        ReadError {
            message: message.to_owned(),
            line: at.line,
            column: at.column + 1 - bom,
        }
    }

    fn run<S: EntrySink>(&mut self, data: &[u8], sink: &mut S) -> Result<(), ReadError> {
        if !self.bom_checked {
            let head = &data[..data.len().min(BOM.len())];
            if head.len() < BOM.len() && BOM.starts_with(head) {
                return Ok(()); // Not enough bytes to tell yet.
            }
            self.bom_checked = true;
            self.bom = head == BOM;
            self.pos += if self.bom { BOM.len() } else { 0 };
        }
        loop {
            if let Some(scan) = self.value {
                let Some(end) = self.scan_value(data, scan) else {
                    return Ok(());
                };
                self.value = None;
                self.pos = end;
                self.take(data, scan.start, end, sink)?;
                continue;
            }
            while data.get(self.pos).is_some_and(|&b| is_whitespace(b)) {
                self.pos += 1;
            }
            let Some(&b) = data.get(self.pos) else {
                return Ok(());
            };
            let fail = |message: &str| Err(self.error(data, self.pos, message));
            let (opened, after_member, after_comma) = (
                self.sep == Sep::Opened,
                self.sep == Sep::AfterMember,
                self.sep == Sep::AfterComma,
            );
            match (self.state, b) {
                (State::Root, b'[') => {
                    self.root_is_list = true;
                    self.open(State::Item);
                }
                (State::Root, b'{') => self.open(State::Key),
                (State::Root, 0xFE | 0xFF) => {
                    return fail("the file is saved as UTF-16; save it as UTF-8")
                }
                (State::Root, _) => {
                    return match JsonKind::from_first_byte(b) {
                        Some(kind) => fail(&format!(
                            "the file should be a list of publications, or an object with a \
                             \"publications\" list, but it is {}",
                            kind.describe()
                        )),
                        None => fail(NOT_JSON),
                    }
                }
                (State::Key | State::Item, b',') if after_member => {
                    self.pos += 1;
                    self.sep = Sep::AfterComma;
                }
                (State::Key, b'}') if after_comma => return fail("remove the comma before }"),
                (State::Item, b']') if after_comma => return fail("remove the comma before ]"),
                (State::Key, b'}') => {
                    self.pos += 1;
                    self.state = State::Done;
                }
                (State::Key, _) if after_member => return fail("expected , or } after a field"),
                (State::Key, b'"') => self.start_value(),
                (State::Key, _) => return fail("expected a field name in \"quotes\""),
                (State::Colon, b':') => {
                    self.pos += 1;
                    self.state = State::Value;
                }
                (State::Colon, _) => return fail("expected : after a field name"),
                (State::Value, _) if self.key == "publications" && self.found_list => {
                    return fail("the file has a second \"publications\" list; keep one")
                }
                (State::Value, b'[') if self.key == "publications" => {
                    self.found_list = true;
                    self.open(State::Item);
                }
                (State::Value, _) if self.key == "publications" => {
                    return match JsonKind::from_first_byte(b) {
                        Some(kind) => fail(&format!(
                            "\"publications\" should be a list, but it is {}",
                            kind.describe()
                        )),
                        None => fail(EXPECTED_VALUE),
                    }
                }
                (State::Value, _) => self.start_value(),
                (State::Item, b']') => {
                    self.pos += 1;
                    self.state = if self.root_is_list {
                        State::Done
                    } else {
                        State::Key
                    };
                    self.sep = Sep::AfterMember;
                }
                (State::Item, b'}') => return fail("expected ] to close the list before }"),
                (State::Item, _) if after_member => {
                    return fail("expected , or ] after a list element")
                }
                (State::Item, _) => {
                    debug_assert!(opened || after_comma);
                    self.start_value();
                }
                (State::Done, _) => return fail("more text after the end of the JSON document"),
            }
        }
    }

    fn open(&mut self, state: State) {
        self.pos += 1;
        self.state = state;
        self.sep = Sep::Opened;
    }

    fn start_value(&mut self) {
        self.value = Some(Scan {
            start: self.pos,
            ..Scan::default()
        });
    }

    /// Scans on from where the last chunk ended; the end of the value, once it is all here.
    /// Only finds the end: serde_json checks everything in between.
    fn scan_value(&mut self, data: &[u8], mut scan: Scan) -> Option<usize> {
        let mut i = self.pos.max(scan.start);
        let first = data[scan.start];
        while i < data.len() {
            if scan.in_string {
                if scan.escaped {
                    scan.escaped = false;
                    i += 1;
                    continue;
                }
                // Long abstracts are most of the file: jump to the next quote or backslash.
                let Some(at) = memchr::memchr2(b'"', b'\\', &data[i..]) else {
                    i = data.len();
                    break;
                };
                i += at + 1;
                if data[i - 1] == b'\\' {
                    scan.escaped = true;
                } else {
                    scan.in_string = false;
                    if scan.depth == 0 {
                        return Some(i);
                    }
                }
                continue;
            }
            let b = data[i];
            i += 1;
            match b {
                b'"' => scan.in_string = true,
                b'{' | b'[' => scan.depth += 1,
                b'}' | b']' if scan.depth > 0 => {
                    scan.depth -= 1;
                    if scan.depth == 0 {
                        return Some(i);
                    }
                }
                // A scalar ends where a delimiter begins (not consumed).
                b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    if !matches!(first, b'{' | b'[' | b'"') =>
                {
                    return Some(i - 1);
                }
                _ => {}
            }
        }
        // Not complete yet: remember how far the scan got.
        self.pos = i;
        self.value = Some(scan);
        None
    }

    /// Reads the completed value `data[start..end]` for what the scanner expects there.
    fn take<S: EntrySink>(
        &mut self,
        data: &[u8],
        start: usize,
        end: usize,
        sink: &mut S,
    ) -> Result<(), ReadError> {
        let bytes = &data[start..end];
        let text = std::str::from_utf8(bytes)
            .map_err(|e| self.error(data, start + e.valid_up_to(), NOT_UTF8))?;
        let syntax = |e: serde_json::Error| {
            let at = offset_in(bytes, &e);
            self.error(data, start + at, &plain_message(&e, bytes, at))
        };
        match self.state {
            State::Key => {
                self.key = serde_json::from_str(text).map_err(syntax)?;
                self.state = State::Colon;
            }
            State::Value => {
                if self.key == "title" {
                    sink.title(read::<Field<String>>(text).map_err(syntax)?);
                } else if self.key == "description" {
                    sink.description(read::<Field<String>>(text).map_err(syntax)?);
                } else if self.key == "members" {
                    sink.members(members(text).map_err(syntax)?);
                } else if self.key == "marks" {
                    sink.marks(read::<Field<RawLinks>>(text).map_err(syntax)?);
                } else {
                    valid(text).map_err(syntax)?;
                }
                self.state = State::Key;
                self.sep = Sep::AfterMember;
            }
            State::Item => {
                let bytes = self.offset + start as u64..self.offset + end as u64;
                sink.entry_with_range(entry(text).map_err(syntax)?, bytes);
                self.sep = Sep::AfterMember;
            }
            State::Root | State::Colon | State::Done => unreachable!("no value is read here"),
        }
        Ok(())
    }
}

/// JSON's whitespace: not form feeds or other Unicode spaces.
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// One element of the publications list. An object that is valid JSON but cannot be read as a
/// publication (a field named twice) costs that entry only.
fn entry(text: &str) -> serde_json::Result<RawEntry> {
    let first = text.bytes().next().and_then(JsonKind::from_first_byte);
    let unreadable = match first {
        Some(JsonKind::Object) => match read::<RawPaper>(text) {
            Ok(paper) => return Ok(RawEntry::Object(Box::new(paper))),
            Err(e) => e,
        },
        _ => {
            valid(text)?;
            return Ok(RawEntry::Other(first.unwrap_or(JsonKind::Null)));
        }
    };
    // A syntax error further on is the file's problem, not this entry's.
    valid(text)?;
    Ok(RawEntry::Unreadable(why_unreadable(&unreadable, "entry")))
}

/// The top-level `members`: a list whose elements are read one by one, so that a member that
/// cannot be read (a field named twice) costs only itself.
fn members(text: &str) -> serde_json::Result<Field<RawMembers>> {
    let kind = text.bytes().next().and_then(JsonKind::from_first_byte);
    if kind != Some(JsonKind::List) {
        valid(text)?;
        return Ok(Field::Wrong(kind.unwrap_or(JsonKind::Null)));
    }
    // Checks the whole list's syntax; each element is then valid JSON.
    let items: Vec<&RawValue> = serde_json::from_str(text)?;
    Ok(Field::Ok(RawMembers(
        items.into_iter().map(member).collect(),
    )))
}

/// One element of `members`, valid JSON.
fn member(raw: &RawValue) -> RawMemberEntry {
    let text = raw.get();
    match text.bytes().next().and_then(JsonKind::from_first_byte) {
        Some(JsonKind::Object) => match read::<RawMember>(text) {
            Ok(member) => RawMemberEntry::Object(member),
            Err(e) => RawMemberEntry::Unreadable(why_unreadable(&e, "member")),
        },
        kind => RawMemberEntry::Other(kind.unwrap_or(JsonKind::Null)),
    }
}

/// Why an object that is valid JSON cannot be read as a `what` of the schema, in plain words.
fn why_unreadable(e: &serde_json::Error, what: &str) -> String {
    let message = bare_message(e);
    match message.strip_prefix("duplicate field ") {
        Some(field) => format!(
            "the field \"{}\" is given twice; keep one",
            field.trim_matches('`')
        ),
        None if message.contains("hex escape") => LONE_SURROGATE.to_owned(),
        None => format!("this {what} cannot be read: {message}"),
    }
}

/// serde_json's message without the position it appends (" at line 1 column 5"): the reader
/// reports the file's own position instead.
fn bare_message(e: &serde_json::Error) -> String {
    let mut message = e.to_string();
    if let Some(at) = message.find(" at line ") {
        message.truncate(at);
    }
    message
}

/// Checks that `text` is one JSON value, without building it.
fn valid(text: &str) -> serde_json::Result<()> {
    serde_json::from_str::<&RawValue>(text).map(drop)
}

/// The byte in `bytes` that serde_json's line and column point at.
fn offset_in(bytes: &[u8], e: &serde_json::Error) -> usize {
    let line_start = if e.line() <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes)
            .nth(e.line() - 2)
            .map_or(bytes.len(), |nl| nl + 1)
    };
    // serde_json counts columns in bytes, the offending byte included.
    let at = (line_start + e.column().saturating_sub(1)).min(bytes.len());
    // For a control character it points at where the text began to be read instead.
    if bare_message(e).starts_with("control character") {
        if let Some(control) = bytes[at..].iter().position(|&b| b < 0x20) {
            return at + control;
        }
    }
    at
}

/// serde_json's message for an error at `value[at]`, as an instruction in plain words. Only the
/// value itself is looked at: a stream may have let go of what came before it.
fn plain_message(e: &serde_json::Error, value: &[u8], at: usize) -> String {
    let message = bare_message(e);
    let here = value.get(at).copied();
    let after_comma = value[..at]
        .iter()
        .rev()
        .find(|&&b| !is_whitespace(b))
        .is_some_and(|&b| b == b',');
    let closes_after_comma = after_comma && matches!(here, Some(b']' | b'}'));
    match message.as_str() {
        _ if closes_after_comma => {
            format!(
                "remove the comma before {}",
                char::from(here.unwrap_or(b']'))
            )
        }
        m if m.starts_with("EOF") => EXPECTED_VALUE.to_owned(),
        "expected value" | "expected ident" => EXPECTED_VALUE.to_owned(),
        "key must be a string" => "expected a field name in \"quotes\"".to_owned(),
        "expected `:`" => "expected : after a field name".to_owned(),
        "expected `,` or `]`" => "expected , or ] after a list element".to_owned(),
        "expected `,` or `}`" => "expected , or } after a field".to_owned(),
        "invalid escape" => "an unknown escape after \\ in text".to_owned(),
        "invalid number" => "a number JSON does not allow (such as 01, 1. or +1)".to_owned(),
        "trailing characters" => "unexpected text after a value".to_owned(),
        m if m.starts_with("control character") => {
            "a line break or control character inside text (write it as \\n)".to_owned()
        }
        m if m.contains("hex escape") => LONE_SURROGATE.to_owned(),
        m => m.to_owned(),
    }
}

#[cfg(test)]
mod tests;
