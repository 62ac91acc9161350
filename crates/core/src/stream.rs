//! Reading `publications.json` as it arrives, chunk by chunk: each entry is handed to the sink as
//! soon as its last byte is in, so the page can show its first cards while the rest of a large
//! file is still downloading, and the file's text is never whole in memory.
//!
//! This only splits the document into its parts; each part is read by the same rules as the
//! whole text (`parse::entry`, `parse::text`). On anything unexpected the reader reports
//! failure and the caller reads the whole text instead, which names the exact line and column.

use crate::json::Reader;
use crate::parse::{entry, text, EntrySink};

/// Where a list or object is between its members, so that commas are exactly where JSON wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Opened,
    AfterMember,
    AfterComma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Root,
    Key,
    Colon,
    Value,
    Item,
    Done,
}

/// A value being read: where it started in the buffer and how far the scan got.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    start: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
}

/// Why streaming gave up; the caller then reads the whole text for an exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamError;

#[derive(Debug)]
pub struct StreamReader {
    buf: Vec<u8>,
    pos: usize,
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
    pub fn new() -> StreamReader {
        StreamReader::default()
    }

    /// Takes the next chunk of the file, handing every part completed by it to `sink`.
    pub fn push<S: EntrySink>(&mut self, chunk: &[u8], sink: &mut S) -> Result<(), StreamError> {
        self.buf.extend_from_slice(chunk);
        let result = self.run(sink);
        // Keep only what is still needed: the value in progress, or nothing.
        let keep_from = self.value.map_or(self.pos, |v| v.start);
        self.buf.drain(..keep_from);
        self.pos -= keep_from;
        if let Some(v) = self.value.as_mut() {
            v.start = 0;
        }
        result
    }

    /// The file is complete: fails when it ended early or had no list of publications.
    pub fn finish(self) -> Result<(), StreamError> {
        let rest_is_blank = self.buf[self.pos..].iter().all(u8::is_ascii_whitespace);
        if self.state == State::Done && rest_is_blank && (self.root_is_list || self.found_list) {
            Ok(())
        } else {
            Err(StreamError)
        }
    }

    fn run<S: EntrySink>(&mut self, sink: &mut S) -> Result<(), StreamError> {
        loop {
            if let Some(scan) = self.value {
                let Some(end) = self.scan_value(scan) else {
                    return Ok(());
                };
                self.value = None;
                self.pos = end;
                // Parsed in place: copying each entry first would churn the allocator.
                let mut member = Member {
                    state: &mut self.state,
                    key: &mut self.key,
                    sep: &mut self.sep,
                };
                member.take(&self.buf[scan.start..end], sink)?;
                continue;
            }
            while self.buf.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
                self.pos += 1;
            }
            let Some(&b) = self.buf.get(self.pos) else {
                return Ok(());
            };
            let member_may_start = self.sep != Sep::AfterMember;
            let may_close = self.sep != Sep::AfterComma;
            match (self.state, b) {
                (State::Root, b'[') => {
                    self.root_is_list = true;
                    self.pos += 1;
                    self.state = State::Item;
                    self.sep = Sep::Opened;
                }
                (State::Root, b'{') => {
                    self.pos += 1;
                    self.state = State::Key;
                    self.sep = Sep::Opened;
                }
                (State::Key | State::Item, b',') if self.sep == Sep::AfterMember => {
                    self.pos += 1;
                    self.sep = Sep::AfterComma;
                }
                (State::Key, b'}') if may_close => {
                    self.pos += 1;
                    self.state = State::Done;
                }
                (State::Key, b'"') if member_may_start => self.start_value(),
                (State::Colon, b':') => {
                    self.pos += 1;
                    self.state = State::Value;
                }
                (State::Value, b'[') if self.key == "publications" => {
                    self.pos += 1;
                    self.found_list = true;
                    self.state = State::Item;
                    self.sep = Sep::Opened;
                }
                (State::Value, _) if self.key == "publications" => return Err(StreamError),
                (State::Value, _) => self.start_value(),
                (State::Item, b']') if may_close => {
                    self.pos += 1;
                    self.state = if self.root_is_list {
                        State::Done
                    } else {
                        State::Key
                    };
                    self.sep = Sep::AfterMember;
                }
                (State::Item, _) if member_may_start => self.start_value(),
                _ => return Err(StreamError),
            }
        }
    }

    fn start_value(&mut self) {
        self.value = Some(Scan {
            start: self.pos,
            ..Scan::default()
        });
    }

    /// Scans on from where the last chunk ended; the end of the value, once it is all here.
    fn scan_value(&mut self, mut scan: Scan) -> Option<usize> {
        let mut i = self.pos.max(scan.start);
        let first = self.buf[scan.start];
        while let Some(&b) = self.buf.get(i) {
            i += 1;
            if scan.in_string {
                match (scan.escaped, b) {
                    (true, _) => scan.escaped = false,
                    (false, b'\\') => scan.escaped = true,
                    (false, b'"') => {
                        scan.in_string = false;
                        if scan.depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                }
                continue;
            }
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
}

/// The reader's state a completed member updates (borrowed apart from its buffer).
struct Member<'a> {
    state: &'a mut State,
    key: &'a mut String,
    sep: &'a mut Sep,
}

impl Member<'_> {
    fn take<S: EntrySink>(&mut self, bytes: &[u8], sink: &mut S) -> Result<(), StreamError> {
        let mut r = Reader::new(bytes);
        match *self.state {
            State::Key => {
                *self.key = r.string().map_err(|_| StreamError)?;
                *self.state = State::Colon;
            }
            State::Value => {
                if self.key == "title" {
                    sink.title(text(&mut r).map_err(|_| StreamError)?);
                } else {
                    r.skip().map_err(|_| StreamError)?;
                }
                *self.state = State::Key;
                *self.sep = Sep::AfterMember;
            }
            State::Item => {
                sink.entry(entry(&mut r).map_err(|_| StreamError)?);
                *self.sep = Sep::AfterMember;
            }
            _ => return Err(StreamError),
        }
        r.end().map_err(|_| StreamError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{read_document, RawDocument};

    /// Streams `text` in chunks of `size` bytes.
    fn stream(text: &str, size: usize) -> Result<RawDocument, StreamError> {
        let mut doc = RawDocument::default();
        let mut reader = StreamReader::new();
        for chunk in text.as_bytes().chunks(size.max(1)) {
            reader.push(chunk, &mut doc)?;
        }
        reader.finish().map(|()| doc)
    }

    const SAMPLE: &str = r#" {"x": {"publications": [1]}, "title" : "Lab \"Ü\"",
        "publications": [ {"title": "A, [b]", "authors": ["x\\", "y"], "year": 2019},
          null, 42, -1.5e3, true, "s]}", [1, [2]], {"title": "B", "n": {"a": [{}]}} ],
        "after": [1, 2] } "#;

    #[test]
    fn gives_what_reading_the_whole_text_gives_in_any_chunking() {
        let whole = read_document(SAMPLE).unwrap();
        assert_eq!(whole.entries.len(), 8);
        for size in [1, 2, 3, 7, 16, 64, 1000] {
            assert_eq!(stream(SAMPLE, size).unwrap(), whole, "chunks of {size}");
        }
        let bare = r#"[{"title":"A"}, {"title":"B"}]"#;
        assert_eq!(stream(bare, 5).unwrap(), read_document(bare).unwrap());
        assert_eq!(stream("[]", 1).unwrap(), RawDocument::default());
    }

    #[test]
    fn fails_where_the_whole_text_fails() {
        for bad in [
            r#"{"publications": [{"title": "A",}]}"#,
            r#"{"publications": [{"title": "A"}"#,
            r#"{"title": "no list"}"#,
            r#"{"publications": {}}"#,
            r#"[1, 2] trailing"#,
            r#"{"publications": [1] "title": "x"}"#,
            r#"{"publications": [1,]}"#,
            r#"{"publications": [1 2]}"#,
            r#"{, "publications": []}"#,
            r#"{"publications": [], }"#,
            "",
            "42",
        ] {
            assert!(read_document(bad).is_err(), "{bad}");
            assert!(stream(bad, 3).is_err(), "{bad}");
        }
    }

    #[test]
    fn keeps_only_the_unfinished_value_in_memory() {
        let mut doc = RawDocument::default();
        let mut reader = StreamReader::new();
        let entry = format!(r#"{{"title": "{}"}}"#, "x".repeat(1000));
        reader.push(b"[", &mut doc).unwrap();
        for _ in 0..100 {
            reader.push(entry.as_bytes(), &mut doc).unwrap();
            reader.push(b",", &mut doc).unwrap();
        }
        assert_eq!(doc.entries.len(), 100);
        assert!(reader.buf.len() < 2 * entry.len(), "{}", reader.buf.len());
    }
}
