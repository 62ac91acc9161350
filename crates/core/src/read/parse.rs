//! The schema of `publications.json`, as serde types, read leniently.
//!
//! The file is hand-edited and script-generated, so one bad field must never cost a visitor the
//! other papers. Each known field is read once, as a [`Field`]: the value in the expected shape, or
//! a note of what kind of value was there instead. A number is kept as written (serde_json's
//! `RawValue`, which checks the syntax and borrows the text), since JSON sets no limit on its size.
//! A strict struct would fail the whole file on one wrong type; `serde_json::Value` would build a
//! tree for every entry and refuses numbers beyond `f64`. Unknown fields are skipped without being
//! built.
//!
//! One case needs more: a number beyond `f64` (`1e400`) where something else is expected, which
//! serde_json cannot hand over without failing. [`read`] then reads the text again the exact way,
//! each field taken as raw JSON first and decoded after; that reading decides.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

thread_local! {
    /// Whether fields are taken as raw JSON first: set by [`read`] for its second reading only.
    static RAW_FIRST: Cell<bool> = const { Cell::new(false) };
}

/// Reads `text` (one JSON value) as a schema type, each field once; when that fails, reads it
/// again taking each field as raw JSON first, which fails only where the text is not JSON or
/// not the type (a field named twice), and gives any error in the same words and place. The
/// second reading is the schema's meaning; the first gives the same wherever it succeeds.
pub fn read<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Result<T> {
    serde_json::from_str(text).or_else(|_| read_raw_first(text))
}

/// [`read`]'s exact reading alone, for tests that compare the two.
pub(crate) fn read_raw_first<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Result<T> {
    RAW_FIRST.with(|raw| raw.set(true));
    let exact = serde_json::from_str(text);
    RAW_FIRST.with(|raw| raw.set(false));
    exact
}

fn raw_first() -> bool {
    RAW_FIRST.with(Cell::get)
}

/// The kind of JSON value found where something else was expected, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool,
    /// Any number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of the JSON value that starts with `byte`, or `None` when no value starts so.
    pub fn from_first_byte(byte: u8) -> Option<JsonKind> {
        Some(match byte {
            b'{' => JsonKind::Object,
            b'[' => JsonKind::List,
            b'"' => JsonKind::Text,
            b't' | b'f' => JsonKind::Bool,
            b'n' => JsonKind::Null,
            b'-' | b'0'..=b'9' => JsonKind::Number,
            _ => return None,
        })
    }

    /// In words, for messages: "a list", "text"…
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
    /// The value, in the shape the schema expects.
    Ok(T),
    /// Something of another kind was there; it is ignored.
    Wrong(JsonKind),
}

/// A value a [`Field`] can hold.
pub trait Lenient: Sized {
    /// The kind of JSON value that can become `Self`, as messages name it.
    const KIND: JsonKind;
    /// Whether `Self` keeps the value as written, which only its raw JSON text gives: the field is
    /// then always taken raw first.
    const AS_WRITTEN: bool = false;
    /// Whether a value of `kind` can become `Self`: only [`Lenient::KIND`], unless the field
    /// takes two kinds (`et_al`: `true` or a count).
    fn accepts(kind: JsonKind) -> bool {
        kind == Self::KIND
    }
    /// Reads a value that is of a kind `Self` accepts.
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<Self, D::Error>;
}

impl<'de, T: Lenient> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !T::AS_WRITTEN && !raw_first() {
            return deserializer.deserialize_any(FieldVisitor(PhantomData));
        }
        let raw = <&'de RawValue>::deserialize(deserializer)?.get();
        let kind = raw
            .bytes()
            .next()
            .and_then(JsonKind::from_first_byte)
            .ok_or_else(|| de::Error::custom("expected a value"))?;
        if !T::accepts(kind) {
            return Ok(Field::Wrong(kind));
        }
        T::decode(&mut serde_json::Deserializer::from_str(raw))
            .map(Field::Ok)
            .map_err(de::Error::custom)
    }
}

/// Reads a [`Field`] in one pass: whatever serde_json finds is either read as `T` on the spot or
/// skipped over and noted by its kind.
struct FieldVisitor<T>(PhantomData<T>);

impl<T: Lenient> FieldVisitor<T> {
    fn found<'de, D: Deserializer<'de>>(kind: JsonKind, value: D) -> Result<Field<T>, D::Error> {
        if T::accepts(kind) {
            T::decode(value).map(Field::Ok)
        } else {
            Ok(Field::Wrong(kind))
        }
    }
}

impl<'de, T: Lenient> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<T>, E> {
        Self::found(JsonKind::Bool, v.into_deserializer())
    }

    // Only a type that keeps numbers as written accepts one, and it is read raw first.
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Field<T>, E> {
        Ok(Field::Wrong(JsonKind::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Field<T>, E> {
        Ok(Field::Wrong(JsonKind::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field<T>, E> {
        Ok(Field::Wrong(JsonKind::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<T>, E> {
        Self::found(JsonKind::Text, StrDeserializer::new(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Wrong(JsonKind::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<T>, A::Error> {
        if T::accepts(JsonKind::List) {
            return T::decode(SeqAccessDeserializer::new(seq)).map(Field::Ok);
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Wrong(JsonKind::List))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<T>, A::Error> {
        if T::accepts(JsonKind::Object) {
            return T::decode(MapAccessDeserializer::new(map)).map(Field::Ok);
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Wrong(JsonKind::Object))
    }
}

impl Lenient for String {
    const KIND: JsonKind = JsonKind::Text;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<String, D::Error> {
        String::deserialize(value)
    }
}

/// A JSON number as written (`2019`, `2.019e3`, `1e400`): JSON sets no limit on size or
/// precision, so the text is kept and validation decides what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(pub String);

impl Lenient for Number {
    const KIND: JsonKind = JsonKind::Number;
    const AS_WRITTEN: bool = true;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<Number, D::Error> {
        Ok(Number(
            <&'de RawValue>::deserialize(value)?.get().to_owned(),
        ))
    }
}

impl Lenient for bool {
    const KIND: JsonKind = JsonKind::Bool;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<bool, D::Error> {
        bool::deserialize(value)
    }
}

/// A list of strings where some elements may have been of another type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextList {
    /// The elements that are text, in order.
    pub items: Vec<String>,
    /// Elements that were not text and were dropped.
    pub dropped: usize,
}

impl Lenient for TextList {
    const KIND: JsonKind = JsonKind::List;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<TextList, D::Error> {
        let mut list = TextList::default();
        for item in Vec::<Field<String>>::deserialize(value)? {
            match item {
                Field::Ok(text) => list.items.push(text),
                Field::Wrong(_) => list.dropped += 1,
            }
        }
        Ok(list)
    }
}

/// `links` as found: label → URL in the file's order, where a URL may be of the wrong type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawLinks(pub Vec<(String, Field<String>)>);

impl Lenient for RawLinks {
    const KIND: JsonKind = JsonKind::Object;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<RawLinks, D::Error> {
        RawLinks::deserialize(value)
    }
}

impl<'de> Deserialize<'de> for RawLinks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // By hand only to keep the file's order, which is the order the links are shown in.
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = RawLinks;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of label → URL")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLinks, A::Error> {
                let mut links = Vec::new();
                while let Some(link) = map.next_entry()? {
                    links.push(link);
                }
                Ok(RawLinks(links))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// One element of `authors` as found: a name (which may carry marks, `"Kaiyan Zhang*†"`), or an
/// object `{"name": "Kaiyan Zhang", "marks": "*†"}`; the marks are `None` for a plain name.
#[derive(Debug, Clone, PartialEq)]
pub struct RawAuthor {
    /// The name as written.
    pub name: String,
    /// The object's `marks`, when the author is written as an object that has them.
    pub marks: Option<Field<String>>,
}

/// `authors` as found: the usable names in order, and how many elements were neither a name nor
/// an object with a text `name`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawAuthors {
    /// The usable elements, in order.
    pub items: Vec<RawAuthor>,
    /// Elements that were dropped.
    pub dropped: usize,
}

impl Lenient for RawAuthors {
    const KIND: JsonKind = JsonKind::List;
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<RawAuthors, D::Error> {
        let mut authors = RawAuthors::default();
        for AuthorItem(author) in Vec::<AuthorItem>::deserialize(value)? {
            match author {
                Some(author) => authors.items.push(author),
                None => authors.dropped += 1,
            }
        }
        Ok(authors)
    }
}

/// An author written as an object; its fields are lenient like any other.
#[derive(Deserialize)]
struct AuthorObject {
    #[serde(default)]
    name: Option<Field<String>>,
    #[serde(default)]
    marks: Option<Field<String>>,
}

impl AuthorObject {
    /// The author, when the object has a text name.
    fn author(self) -> Option<RawAuthor> {
        match self {
            AuthorObject {
                name: Some(Field::Ok(name)),
                marks,
            } => Some(RawAuthor { name, marks }),
            _ => None,
        }
    }
}

/// One element of `authors`: the author, or `None` when it is neither a name nor an object with
/// a text `name`. An object that cannot be read (a field named twice) is dropped, not fatal: in
/// one pass that fails the reading, and [`read`]'s exact reading drops it.
struct AuthorItem(Option<RawAuthor>);

impl<'de> Deserialize<'de> for AuthorItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !raw_first() {
            return deserializer.deserialize_any(AuthorVisitor);
        }
        let item = <&'de RawValue>::deserialize(deserializer)?.get();
        Ok(AuthorItem(match item.as_bytes().first() {
            Some(b'"') => Some(RawAuthor {
                name: serde_json::from_str(item).map_err(de::Error::custom)?,
                marks: None,
            }),
            Some(b'{') => serde_json::from_str::<AuthorObject>(item)
                .ok()
                .and_then(AuthorObject::author),
            _ => None,
        }))
    }
}

/// Reads an [`AuthorItem`] in one pass.
struct AuthorVisitor;

impl<'de> Visitor<'de> for AuthorVisitor {
    type Value = AuthorItem;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a name or an object with a name")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<AuthorItem, E> {
        Ok(AuthorItem(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<AuthorItem, E> {
        Ok(AuthorItem(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<AuthorItem, E> {
        Ok(AuthorItem(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<AuthorItem, E> {
        Ok(AuthorItem(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<AuthorItem, E> {
        Ok(AuthorItem(None))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<AuthorItem, E> {
        Ok(AuthorItem(Some(RawAuthor {
            name: name.to_owned(),
            marks: None,
        })))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AuthorItem, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(AuthorItem(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AuthorItem, A::Error> {
        let object = AuthorObject::deserialize(MapAccessDeserializer::new(map))?;
        Ok(AuthorItem(object.author()))
    }
}

/// `et_al` as found: `true`/`false`, or how many authors are not listed (`11`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawEtAl {
    /// Some authors are not listed, or none.
    Flag(bool),
    /// This many are not listed, as written.
    Count(Number),
}

impl Lenient for RawEtAl {
    const KIND: JsonKind = JsonKind::Bool;
    const AS_WRITTEN: bool = true;
    fn accepts(kind: JsonKind) -> bool {
        matches!(kind, JsonKind::Bool | JsonKind::Number)
    }
    fn decode<'de, D: Deserializer<'de>>(value: D) -> Result<RawEtAl, D::Error> {
        let raw = <&'de RawValue>::deserialize(value)?.get();
        Ok(match raw.as_bytes().first() {
            // Checked JSON: `true` or `false`.
            Some(b't' | b'f') => RawEtAl::Flag(raw == "true"),
            _ => RawEtAl::Count(Number(raw.to_owned())),
        })
    }
}

/// One publication object, before validation: the schema's fields, each `None` when absent or
/// `null` (as exporters write a missing value).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RawPaper {
    /// The paper's permalink id (`#id`).
    #[serde(default)]
    pub id: Option<Field<String>>,
    /// The only required field.
    #[serde(default)]
    pub title: Option<Field<String>>,
    /// The kind of publication (see [`crate::kind::PaperType`]).
    #[serde(rename = "type", default)]
    pub paper_type: Option<Field<String>>,
    /// Author names, in order, with their marks.
    #[serde(default)]
    pub authors: Option<Field<RawAuthors>>,
    /// The author list is incomplete (BibTeX's `and others`): "et al." or "+11 more" follows
    /// the names.
    #[serde(default)]
    pub et_al: Option<Field<RawEtAl>>,
    /// The abstract, shown collapsed.
    #[serde(rename = "abstract", default)]
    pub abstract_text: Option<Field<String>>,
    /// Topics or keywords.
    #[serde(default)]
    pub topics: Option<Field<TextList>>,
    /// The year of publication.
    #[serde(default)]
    pub year: Option<Field<Number>>,
    /// Where it appeared: a conference, a journal.
    #[serde(default)]
    pub venue: Option<Field<String>>,
    /// Label → URL.
    #[serde(default)]
    pub links: Option<Field<RawLinks>>,
    /// A short badge before the title (al-folio's `abbr`).
    #[serde(default)]
    pub badge: Option<Field<String>>,
    /// An award or distinction.
    #[serde(default)]
    pub award: Option<Field<String>>,
    /// One of the lab's selected papers.
    #[serde(default)]
    pub featured: Option<Field<bool>>,
    /// A thumbnail's address.
    #[serde(default)]
    pub image: Option<Field<String>>,
    /// A line of the lab's own.
    #[serde(default)]
    pub note: Option<Field<String>>,
    /// Mark → meaning, for this paper's authors.
    #[serde(default)]
    pub marks: Option<Field<RawLinks>>,
    /// The paper's BibTeX record.
    #[serde(default)]
    pub bibtex: Option<Field<String>>,
}

/// One element of the `publications` list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawEntry {
    /// An object: a publication, valid or not.
    Object(Box<RawPaper>),
    /// An object that cannot be read as a publication (a field named twice), and why.
    Unreadable(String),
    /// Anything but an object.
    Other(JsonKind),
}

/// One object of the top-level `members` list, before validation; a field is `None` when absent
/// or `null`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RawMember {
    /// The name the member is shown under.
    #[serde(default)]
    pub name: Option<Field<String>>,
    /// Other spellings of the name in the data.
    #[serde(default)]
    pub aliases: Option<Field<TextList>>,
    /// The member's page.
    #[serde(default)]
    pub url: Option<Field<String>>,
}

/// One element of the `members` list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawMemberEntry {
    /// An object: a member, valid or not.
    Object(RawMember),
    /// An object that cannot be read as a member (a field named twice), and why.
    Unreadable(String),
    /// Anything but an object.
    Other(JsonKind),
}

/// The top-level `members` list as found: one element per member, readable or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawMembers(pub Vec<RawMemberEntry>);

/// The whole file: an object with a `publications` list, or a bare list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDocument {
    /// The top-level `title`, if any.
    pub title: Option<Field<String>>,
    /// The top-level `description`, if any.
    pub description: Option<Field<String>>,
    /// The top-level `members`, if any.
    pub members: Option<Field<RawMembers>>,
    /// The top-level `marks`, if any.
    pub marks: Option<Field<RawLinks>>,
    /// Every element of the publications list, in order.
    pub entries: Vec<RawEntry>,
}

/// Receives a document's parts as they are read, so that a catalog can be built entry by entry
/// without holding the whole raw document (and its text) in memory at once. The top-level fields
/// may come before, between or after the entries; a field given twice is handed over twice.
pub trait EntrySink {
    /// The document's top-level `title`.
    fn title(&mut self, title: Field<String>);
    /// The next element of the publications list.
    fn entry(&mut self, entry: RawEntry);
    /// The next element of the publications list and where its text is in the file: byte
    /// offsets from the file's first byte (a byte-order mark included). The reader calls this
    /// one; a sink that keeps no positions need not implement it.
    fn entry_with_range(&mut self, entry: RawEntry, bytes: Range<u64>) {
        let _ = bytes;
        self.entry(entry);
    }
    /// The document's top-level `description`. Dropped unless the sink takes it: a sink that
    /// passes the document on must forward it.
    fn description(&mut self, description: Field<String>) {
        let _ = description;
    }
    /// The document's top-level `members`. Dropped unless the sink takes it, as `description`.
    fn members(&mut self, members: Field<RawMembers>) {
        let _ = members;
    }
    /// The document's top-level `marks`: what each author mark means. Dropped unless the sink
    /// takes it, as `description`.
    fn marks(&mut self, marks: Field<RawLinks>) {
        let _ = marks;
    }
}

impl EntrySink for RawDocument {
    fn title(&mut self, title: Field<String>) {
        self.title = Some(title);
    }
    fn entry(&mut self, entry: RawEntry) {
        self.entries.push(entry);
    }
    fn description(&mut self, description: Field<String>) {
        self.description = Some(description);
    }
    fn members(&mut self, members: Field<RawMembers>) {
        self.members = Some(members);
    }
    fn marks(&mut self, marks: Field<RawLinks>) {
        self.marks = Some(marks);
    }
}

/// The year a JSON number spells, if it is a whole number from 0 to 9999 ("2019", "2019.0",
/// "2.019e3"); anything else (fractions, negatives, `1e400`) is not a plausible year.
pub fn plausible_year(number: &str) -> Option<i32> {
    const MAX_DIGITS: i64 = 4;
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(at) => (&number[..at], number[at + 1..].parse::<i64>().ok()?),
        None => (number, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The value is digits × 10^shift; zeros that follow the decimal point change nothing.
    let mut shift = exponent.checked_sub(frac.len() as i64)?;
    let all_digits = format!("{int}{frac}");
    let mut digits = all_digits.trim_start_matches('0');
    while shift < 0 && digits.ends_with('0') {
        digits = &digits[..digits.len() - 1];
        shift += 1;
    }
    if digits.is_empty() {
        return Some(0);
    }
    if !(0..=MAX_DIGITS).contains(&shift) || digits.len() as i64 + shift > MAX_DIGITS {
        return None;
    }
    Some(digits.parse::<i32>().ok()? * 10_i32.pow(shift as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_are_noted_not_fatal() {
        let p: RawPaper = serde_json::from_str(
            r#"{"title":"T","authors":"Ann","year":"2019","links":["x"],"abstract":3,"topics":["a",1,null,"b"],"venue":null}"#,
        )
        .unwrap();
        assert_eq!(p.title, Some(Field::Ok("T".into())));
        assert_eq!(p.authors, Some(Field::Wrong(JsonKind::Text)));
        assert_eq!(p.year, Some(Field::Wrong(JsonKind::Text)));
        assert_eq!(p.links, Some(Field::Wrong(JsonKind::List)));
        assert_eq!(p.abstract_text, Some(Field::Wrong(JsonKind::Number)));
        assert_eq!(p.venue, None, "null is absent");
        assert_eq!(p.id, None);
        assert_eq!(
            p.topics,
            Some(Field::Ok(TextList {
                items: vec!["a".into(), "b".into()],
                dropped: 2
            }))
        );
    }

    #[test]
    fn links_keep_the_file_order_and_numbers_their_text() {
        let p: RawPaper = serde_json::from_str(
            r#"{"links":{"z":"https://z","a":3,"m":"https://m"},"year":1e9223372036854775807,"x":{"deep":[1,{"a":null}]}}"#,
        )
        .unwrap();
        let Some(Field::Ok(RawLinks(links))) = p.links else {
            panic!("{:?}", p.links)
        };
        let labels: Vec<_> = links.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["z", "a", "m"]);
        assert_eq!(links[1].1, Field::Wrong(JsonKind::Number));
        assert_eq!(
            p.year,
            Some(Field::Ok(Number("1e9223372036854775807".into())))
        );
    }

    /// Odd values for any field: wrong kinds, nulls, numbers of any size, escapes, lone
    /// surrogates, names given twice, nested values.
    const ODD_VALUES: &[&str] = &[
        r#""Deep nets""#,
        r#""\u00e9t\u00e9 \ud83d\ude00 \"q\" \n""#,
        r#""\ud800""#,
        "1e400",
        "-1e400",
        "-0",
        "123456789012345678901234567890",
        "2019",
        "2.019e3",
        "null",
        "true",
        "false",
        "[]",
        "{}",
        r#"["a", 1, null, 1e400, {"name": "B"}, "C*", ["x"]]"#,
        r#"[{"name": "A", "name": "B"}, {"name": "D", "marks": 1e400}, {"marks": "*"}, "E"]"#,
        r#"{"pdf": "https://x", "a": 3, "b": 1e400, "pdf": null}"#,
        r#"{"name": "\ud800"}"#,
        r#"{"deep": [1, {"a": [null, 1e999]}]}"#,
    ];
    const FIELDS: &[&str] = &[
        "id", "title", "type", "authors", "et_al", "abstract", "topics", "year", "venue", "links",
        "featured", "marks", "bibtex", "other",
    ];

    proptest::proptest! {
        /// Reading each field once gives what taking each field as raw JSON first gives, errors
        /// in the same words; and wherever the one pass alone succeeds, it already gives that.
        #[test]
        fn one_pass_reads_as_raw_first(
            fields in proptest::collection::vec((0..FIELDS.len(), 0..ODD_VALUES.len()), 0..6)
        ) {
            let members: Vec<String> = fields
                .iter()
                .map(|&(f, v)| format!("\"{}\": {}", FIELDS[f], ODD_VALUES[v]))
                .collect();
            let text = format!("{{{}}}", members.join(", "));
            let exact = read_raw_first::<RawPaper>(&text).map_err(|e| e.to_string());
            let once = read::<RawPaper>(&text).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(&once, &exact, "{}", text);
            if let Ok(one_pass) = serde_json::from_str::<RawPaper>(&text) {
                proptest::prop_assert_eq!(Ok(one_pass), exact, "{}", text);
            }
            let member = format!("{{\"name\": {}, \"aliases\": {}, \"url\": {}}}",
                ODD_VALUES[fields.first().map_or(0, |f| f.1)],
                ODD_VALUES[fields.get(1).map_or(0, |f| f.1)],
                ODD_VALUES[fields.get(2).map_or(0, |f| f.1)]);
            let exact = read_raw_first::<RawMember>(&member).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(read::<RawMember>(&member).map_err(|e| e.to_string()), exact);
        }
    }

    #[test]
    fn numbers_beyond_f64_cost_only_their_field() {
        let p: RawPaper = read(
            r#"{"title": 1e400, "venue": "V", "topics": ["a", -1e400, null],
                "authors": ["A", 1e400, {"name": "B", "name": "C"}, {"name": "D", "marks": 1e999}],
                "year": 1e400, "et_al": 2e400, "links": {"pdf": 1e400}}"#,
        )
        .unwrap();
        assert_eq!(p.title, Some(Field::Wrong(JsonKind::Number)));
        assert_eq!(p.venue, Some(Field::Ok("V".into())));
        assert_eq!(
            p.topics,
            Some(Field::Ok(TextList {
                items: vec!["a".into()],
                dropped: 2
            }))
        );
        let Some(Field::Ok(authors)) = p.authors else {
            panic!("{:?}", p.authors)
        };
        assert_eq!(
            authors.dropped, 2,
            "a number, and an object naming itself twice"
        );
        assert_eq!(
            authors.items,
            [
                RawAuthor {
                    name: "A".into(),
                    marks: None
                },
                RawAuthor {
                    name: "D".into(),
                    marks: Some(Field::Wrong(JsonKind::Number))
                }
            ]
        );
        assert_eq!(p.year, Some(Field::Ok(Number("1e400".into()))));
        assert_eq!(
            p.et_al,
            Some(Field::Ok(RawEtAl::Count(Number("2e400".into()))))
        );
        assert_eq!(
            p.links,
            Some(Field::Ok(RawLinks(vec![(
                "pdf".into(),
                Field::Wrong(JsonKind::Number)
            )])))
        );
        // The one pass alone cannot hand such a number over: the exact reading is what decides.
        assert!(serde_json::from_str::<RawPaper>(r#"{"title": 1e400}"#).is_err());
    }

    #[test]
    fn plausible_years() {
        for (text, year) in [
            ("2019", Some(2019)),
            ("2019.000", Some(2019)),
            ("2.019e3", Some(2019)),
            ("2.019E+3", Some(2019)),
            ("20190e-1", Some(2019)),
            ("0", Some(0)),
            ("0.0e5", Some(0)),
            ("9999", Some(9999)),
            ("10000", None),
            ("-12", None),
            ("2019.5", None),
            ("1e20", None),
            ("1e9223372036854775807", None),
            ("1e-9223372036854775808", None),
            ("1e99999999999999999999", None),
            ("-9223372036854775808", None),
            ("1e-3", None),
        ] {
            assert_eq!(plausible_year(text), year, "{text}");
        }
    }
}
