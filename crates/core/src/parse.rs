//! Lenient reading of `publications.json`.
//!
//! The file is hand-edited and script-generated, so one bad field must never cost a visitor the
//! other papers. Instead of deserializing into a strict struct (where one wrong type fails the whole
//! file) or into `serde_json::Value` (which allocates a tree for 19 MB of data), every known field
//! is read as a [`Field`]: either the value in the expected shape, or a note of what was there
//! instead. Unknown fields are skipped without being built.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

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
    /// 1-based position of the problem; 0 when serde_json could not tell.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{} (line {}, column {})",
                self.message, self.line, self.column
            )
        } else {
            f.write_str(&self.message)
        }
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
    // from_slice, like the streaming reader: one copy of the deserializer in the wasm bundle.
    let mut json = serde_json::Deserializer::from_slice(text.as_bytes());
    DocumentSeed(sink)
        .deserialize(&mut json)
        .and_then(|()| json.end())
        .map_err(|e| {
            let full = e.to_string();
            // serde_json appends " at line L column C"; the position is reported separately.
            let message = match full.rfind(" at line ") {
                Some(cut) if e.line() > 0 => full[..cut].to_string(),
                _ => full,
            };
            ReadError {
                message: plain_message(&message),
                line: e.line(),
                column: e.column(),
            }
        })
}

/// serde_json's messages are written for programmers; a lab maintainer reads these.
fn plain_message(message: &str) -> String {
    match message {
        "EOF while parsing a value"
        | "EOF while parsing a list"
        | "EOF while parsing an object"
        | "EOF while parsing a string" => "the file ends too early (is it cut off?)".to_string(),
        _ => message.to_string(),
    }
}

/// How a target type is built from each kind of JSON value; `None` means "wrong kind".
trait Expected: Sized {
    const WHAT: &'static str;
    fn from_text(_: String) -> Option<Self> {
        None
    }
    fn from_number(_: f64) -> Option<Self> {
        None
    }
    fn from_list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn from_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Expected for String {
    const WHAT: &'static str = "text";
    fn from_text(s: String) -> Option<Self> {
        Some(s)
    }
}

impl Expected for i64 {
    const WHAT: &'static str = "a whole number";
    fn from_number(n: f64) -> Option<Self> {
        (n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
    }
}

impl Expected for TextList {
    const WHAT: &'static str = "a list of text";
    fn from_list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut list = TextList::default();
        while let Some(item) = seq.next_element::<Field<String>>()? {
            match item {
                Field::Ok(s) => list.items.push(s),
                Field::Wrong(_) => list.dropped += 1,
            }
        }
        Ok(Some(list))
    }
}

impl Expected for RawLinks {
    const WHAT: &'static str = "an object of label → URL";
    fn from_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let mut links = Vec::new();
        while let Some((label, url)) = map.next_entry::<String, Field<String>>()? {
            links.push((label, url));
        }
        Ok(Some(RawLinks(links)))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<T: Expected> FieldVisitor<T> {
    fn finish<E>(found: Option<T>, kind: JsonKind) -> Result<Field<T>, E> {
        Ok(found.map_or(Field::Wrong(kind), Field::Ok))
    }
}

impl<'de, T: Expected> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::WHAT)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Field::Wrong(JsonKind::Null))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Field::Wrong(JsonKind::Bool))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Self::finish(T::from_number(v as f64), JsonKind::Number)
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Self::finish(T::from_number(v as f64), JsonKind::Number)
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Self::finish(T::from_number(v), JsonKind::Number)
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Self::finish(T::from_text(v.to_owned()), JsonKind::Text)
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Self::finish(T::from_text(v), JsonKind::Text)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Self::finish(T::from_list(seq)?, JsonKind::List)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Self::finish(T::from_object(map)?, JsonKind::Object)
    }
}

impl<'de, T: Expected> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor(PhantomData))
    }
}

/// Keys of a publication object; matching on `&str` avoids allocating a `String` per key.
enum PaperKey {
    Id,
    Title,
    Authors,
    Abstract,
    Topics,
    Year,
    Venue,
    Links,
    Bibtex,
    Unknown,
}

impl<'de> Deserialize<'de> for PaperKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = PaperKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E>(self, v: &str) -> Result<PaperKey, E> {
                Ok(match v {
                    "id" => PaperKey::Id,
                    "title" => PaperKey::Title,
                    "authors" => PaperKey::Authors,
                    "abstract" => PaperKey::Abstract,
                    "topics" => PaperKey::Topics,
                    "year" => PaperKey::Year,
                    "venue" => PaperKey::Venue,
                    "links" => PaperKey::Links,
                    "bibtex" => PaperKey::Bibtex,
                    _ => PaperKey::Unknown,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for RawEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = RawEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a publication")
            }
            fn visit_unit<E>(self) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Null))
            }
            fn visit_bool<E>(self, _: bool) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Bool))
            }
            fn visit_i64<E>(self, _: i64) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Number))
            }
            fn visit_u64<E>(self, _: u64) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Number))
            }
            fn visit_f64<E>(self, _: f64) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Number))
            }
            fn visit_str<E>(self, _: &str) -> Result<RawEntry, E> {
                Ok(RawEntry::Other(JsonKind::Text))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawEntry, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RawEntry::Other(JsonKind::List))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEntry, A::Error> {
                let mut p = RawPaper::default();
                while let Some(key) = map.next_key::<PaperKey>()? {
                    // A repeated key keeps its last value, as JavaScript's JSON.parse does.
                    match key {
                        PaperKey::Id => p.id = Some(map.next_value()?),
                        PaperKey::Title => p.title = Some(map.next_value()?),
                        PaperKey::Authors => p.authors = Some(map.next_value()?),
                        PaperKey::Abstract => p.abstract_text = Some(map.next_value()?),
                        PaperKey::Topics => p.topics = Some(map.next_value()?),
                        PaperKey::Year => p.year = Some(map.next_value()?),
                        PaperKey::Venue => p.venue = Some(map.next_value()?),
                        PaperKey::Links => p.links = Some(map.next_value()?),
                        PaperKey::Bibtex => p.bibtex = Some(map.next_value()?),
                        PaperKey::Unknown => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(RawEntry::Object(Box::new(p)))
            }
        }
        d.deserialize_any(EntryVisitor)
    }
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

/// Reads a whole document from any serde deserializer (serde_json for the checker, the
/// browser's parsed value for the site), handing each part to the sink.
pub struct DocumentSeed<'a, S>(pub &'a mut S);

impl<'de, S: EntrySink> DeserializeSeed<'de> for DocumentSeed<'_, S> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(DocumentVisitor(self.0))
    }
}

/// Hands every element of a list of publications to the sink, as it is read.
fn feed_entries<'de, A: SeqAccess<'de>, S: EntrySink>(
    mut seq: A,
    sink: &mut S,
) -> Result<(), A::Error> {
    while let Some(entry) = seq.next_element::<RawEntry>()? {
        sink.entry(entry);
    }
    Ok(())
}

struct DocumentVisitor<'a, S>(&'a mut S);

impl<'de, S: EntrySink> Visitor<'de> for DocumentVisitor<'_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of publications, or an object with a \"publications\" list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        feed_entries(seq, self.0)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found_list = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "title" => self.0.title(map.next_value()?),
                "publications" => {
                    map.next_value_seed(EntriesSeed(&mut *self.0))?;
                    found_list = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if found_list {
            Ok(())
        } else {
            Err(de::Error::custom("the file has no \"publications\" list"))
        }
    }
}

/// The `publications` value: a list whose entries go to the sink, or an error naming what it is.
struct EntriesSeed<'a, S>(&'a mut S);

impl<'de, S: EntrySink> DeserializeSeed<'de> for EntriesSeed<'_, S> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: EntrySink> Visitor<'de> for EntriesSeed<'_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        feed_entries(seq, self.0)
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(not_a_list(JsonKind::Object))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(not_a_list(JsonKind::Text))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(not_a_list(JsonKind::Number))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(not_a_list(JsonKind::Number))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(not_a_list(JsonKind::Number))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(not_a_list(JsonKind::Bool))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(not_a_list(JsonKind::Null))
    }
}

fn not_a_list<E: de::Error>(kind: JsonKind) -> E {
    E::custom(format!(
        "\"publications\" should be a list, but it is {}",
        kind.describe()
    ))
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
        assert!(read_document("").is_err());
    }
}
