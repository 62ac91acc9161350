//! Lenient reading of `publications.json`.
//!
//! The file is hand-edited and script-generated, so one bad field must never cost a visitor the
//! other papers. Instead of deserializing into a strict struct (where one wrong type fails the whole
//! file) or into `serde_json::Value` (which allocates a tree for 19 MB of data), every known field
//! is read as a [`Field`]: either the value in the expected shape, or a note of what was there
//! instead. Unknown fields are skipped without being built.

use crate::json::{self, line_column, Reader};
use std::fmt;

/// The kind of JSON value found where something else was expected, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonKind {
    pub fn describe(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true/false",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        }
    }
}

/// A known field as found in the file: the expected shape, or what was there instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<T> {
    Ok(T),
    Wrong(JsonKind),
}

/// A list of strings where some elements may have been of another type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextList {
    pub items: Vec<String>,
    /// Elements that were not text and were dropped.
    pub dropped: usize,
}

/// `links` as found: label → URL, where a URL may be of the wrong type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawLinks(pub Vec<(String, Field<String>)>);

/// One element of the `publications` list, before validation.
#[derive(Debug, Clone, PartialEq)]
pub enum RawEntry {
    Object(Box<RawPaper>),
    Other(JsonKind),
}

/// The known fields of one publication object; `None` means the key was absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawPaper {
    pub id: Option<Field<String>>,
    pub title: Option<Field<String>>,
    pub authors: Option<Field<TextList>>,
    pub abstract_text: Option<Field<String>>,
    pub topics: Option<Field<TextList>>,
    pub year: Option<Field<i64>>,
    pub venue: Option<Field<String>>,
    pub links: Option<Field<RawLinks>>,
    pub bibtex: Option<Field<String>>,
}

/// The whole file: an object with a `publications` list, or a bare list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDocument {
    pub title: Option<Field<String>>,
    pub entries: Vec<RawEntry>,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    /// 1-based position of the problem (column in characters).
    pub line: usize,
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

/// Reads the document, failing only when the text is not JSON or has no list of publications.
pub fn read_document(text: &str) -> Result<RawDocument, ReadError> {
    let mut doc = RawDocument::default();
    read_json(text, &mut doc)?;
    Ok(doc)
}

/// Reads JSON text into a sink; a syntax error is reported with its line and column.
pub fn read_json<S: EntrySink>(text: &str, sink: &mut S) -> Result<(), ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError {
            message: "the file is empty".to_owned(),
            line: 1,
            column: 1,
        });
    }
    let mut reader = Reader::new(text.as_bytes());
    document(&mut reader, sink)
        .and_then(|()| reader.end())
        .map_err(|e| {
            let (line, column) = line_column(text, e.offset);
            ReadError {
                message: e.message,
                line,
                column,
            }
        })
}

/// Receives a document's parts as they are read, so that a catalog can be built entry by entry
/// without holding the whole raw document (and its text) in memory at once.
pub trait EntrySink {
    fn title(&mut self, title: Field<String>);
    fn entry(&mut self, entry: RawEntry);
}

impl EntrySink for RawDocument {
    fn title(&mut self, title: Field<String>) {
        self.title = Some(title);
    }
    fn entry(&mut self, entry: RawEntry) {
        self.entries.push(entry);
    }
}

/// The whole file: a list of publications, or an object with a `publications` list.
fn document<S: EntrySink>(r: &mut Reader, sink: &mut S) -> json::Result<()> {
    match r.peek_kind()? {
        JsonKind::List => entries(r, sink),
        JsonKind::Object => {
            let mut found_list = false;
            r.object(|r, key| match key {
                "title" => {
                    sink.title(text(r)?);
                    Ok(())
                }
                "publications" => {
                    found_list = true;
                    match r.peek_kind()? {
                        JsonKind::List => entries(r, sink),
                        kind => r.fail(format!(
                            "\"publications\" should be a list, but it is {}",
                            kind.describe()
                        )),
                    }
                }
                _ => r.skip(),
            })?;
            if found_list {
                Ok(())
            } else {
                r.error("the file has no \"publications\" list")
            }
        }
        kind => r.fail(format!(
            "the file should be a list of publications, or an object with a \"publications\" \
             list, but it is {}",
            kind.describe()
        )),
    }
}

/// Hands every element of a list of publications to the sink, as it is read.
fn entries<S: EntrySink>(r: &mut Reader, sink: &mut S) -> json::Result<()> {
    r.list(|r| {
        sink.entry(entry(r)?);
        Ok(())
    })
}

/// One element of the `publications` list.
pub(crate) fn entry(r: &mut Reader) -> json::Result<RawEntry> {
    let kind = r.peek_kind()?;
    if kind != JsonKind::Object {
        r.skip()?;
        return Ok(RawEntry::Other(kind));
    }
    let mut p = RawPaper::default();
    // A repeated key keeps its last value, as JavaScript's JSON.parse does.
    r.object(|r, key| {
        match key {
            "id" => p.id = Some(text(r)?),
            "title" => p.title = Some(text(r)?),
            "authors" => p.authors = Some(text_list(r)?),
            "abstract" => p.abstract_text = Some(text(r)?),
            "topics" => p.topics = Some(text_list(r)?),
            "year" => p.year = Some(whole_number(r)?),
            "venue" => p.venue = Some(text(r)?),
            "links" => p.links = Some(links(r)?),
            "bibtex" => p.bibtex = Some(text(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(RawEntry::Object(Box::new(p)))
}

/// Reads a value of the `expected` kind with `read`; another kind is skipped and noted.
fn field<T>(
    r: &mut Reader,
    expected: JsonKind,
    read: impl FnOnce(&mut Reader) -> json::Result<Option<T>>,
) -> json::Result<Field<T>> {
    let kind = r.peek_kind()?;
    if kind == expected {
        if let Some(value) = read(r)? {
            return Ok(Field::Ok(value));
        }
    } else {
        r.skip()?;
    }
    Ok(Field::Wrong(kind))
}

pub(crate) fn text(r: &mut Reader) -> json::Result<Field<String>> {
    field(r, JsonKind::Text, |r| r.string().map(Some))
}

fn whole_number(r: &mut Reader) -> json::Result<Field<i64>> {
    field(r, JsonKind::Number, |r| Ok(json::whole_number(r.number()?)))
}

/// A list of text; elements of other kinds are dropped and counted.
fn text_list(r: &mut Reader) -> json::Result<Field<TextList>> {
    field(r, JsonKind::List, |r| {
        let mut list = TextList::default();
        r.list(|r| {
            match text(r)? {
                Field::Ok(s) => list.items.push(s),
                Field::Wrong(_) => list.dropped += 1,
            }
            Ok(())
        })?;
        Ok(Some(list))
    })
}

/// An object of label → URL.
fn links(r: &mut Reader) -> json::Result<Field<RawLinks>> {
    field(r, JsonKind::Object, |r| {
        let mut links = Vec::new();
        r.object(|r, label| {
            links.push((label.to_owned(), text(r)?));
            Ok(())
        })?;
        Ok(Some(RawLinks(links)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(json: &str) -> RawPaper {
        match read_document(&format!("[{json}]"))
            .unwrap()
            .entries
            .remove(0)
        {
            RawEntry::Object(p) => *p,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn reads_object_and_bare_list() {
        let doc = read_document(r#"{"title":"Lab","publications":[{"title":"A"}],"x":1}"#).unwrap();
        assert_eq!(doc.title, Some(Field::Ok("Lab".into())));
        assert_eq!(doc.entries.len(), 1);
        let bare = read_document(r#"[{"title":"A"},{"title":"B"}]"#).unwrap();
        assert_eq!(bare.title, None);
        assert_eq!(bare.entries.len(), 2);
    }

    #[test]
    fn wrong_types_are_noted_not_fatal() {
        let p = paper(
            r#"{"title":"T","authors":"Ann","year":"2019","links":["x"],"abstract":3,"topics":["a",1,null,"b"]}"#,
        );
        assert_eq!(p.title, Some(Field::Ok("T".into())));
        assert_eq!(p.authors, Some(Field::Wrong(JsonKind::Text)));
        assert_eq!(p.year, Some(Field::Wrong(JsonKind::Text)));
        assert_eq!(p.links, Some(Field::Wrong(JsonKind::List)));
        assert_eq!(p.abstract_text, Some(Field::Wrong(JsonKind::Number)));
        assert_eq!(
            p.topics,
            Some(Field::Ok(TextList {
                items: vec!["a".into(), "b".into()],
                dropped: 2
            }))
        );
    }

    #[test]
    fn numbers_years_and_unknown_fields() {
        let p = paper(r#"{"title":"T","year":2019.0,"extra":{"deep":[1,2,{"a":null}]}}"#);
        assert_eq!(p.year, Some(Field::Ok(2019)));
        assert_eq!(
            paper(r#"{"year":2019.5}"#).year,
            Some(Field::Wrong(JsonKind::Number))
        );
    }

    #[test]
    fn non_objects_are_entries_of_another_kind() {
        let doc = read_document(r#"[null, 3, "x", [1], true, {"title":"A"}]"#).unwrap();
        let kinds: Vec<_> = doc
            .entries
            .iter()
            .map(|e| match e {
                RawEntry::Other(k) => Some(*k),
                RawEntry::Object(_) => None,
            })
            .collect();
        use JsonKind::*;
        assert_eq!(
            kinds,
            vec![
                Some(Null),
                Some(Number),
                Some(Text),
                Some(List),
                Some(Bool),
                None
            ]
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err =
            read_document("{\n  \"publications\": [\n    {\"title\": \"A\",}\n  ]\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 19));
        assert!(err.to_string().contains("line 3, column 19"), "{err}");
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn truncated_and_misshapen_files_are_explained() {
        let cut = read_document(r#"{"publications":[{"title":"A""#).unwrap_err();
        assert!(cut.message.contains("ends too early"), "{}", cut.message);
        let no_list = read_document(r#"{"title":"x"}"#).unwrap_err();
        assert!(
            no_list.message.contains("no \"publications\" list"),
            "{}",
            no_list.message
        );
        let wrong_list = read_document(r#"{"publications":{}}"#).unwrap_err();
        assert!(
            wrong_list.message.contains("should be a list"),
            "{}",
            wrong_list.message
        );
        let scalar = read_document("42").unwrap_err();
        assert!(
            scalar.message.contains("publications"),
            "{}",
            scalar.message
        );
        assert_eq!(
            read_document(" \n").unwrap_err().message,
            "the file is empty"
        );
    }
}
