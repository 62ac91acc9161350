//! Reading a field leniently: [`Field`] and the [`Lenient`] value shapes, each read once, and the
//! exact second reading that decides when the first cannot.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

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

pub(super) fn raw_first() -> bool {
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
