//! The shapes of `publications.json`'s entries, authors, members and document, and the
//! [`EntrySink`] a document is read into.

use super::lenient::{raw_first, Field, JsonKind, Lenient, Number, RawLinks, TextList};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;
use std::ops::Range;

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
