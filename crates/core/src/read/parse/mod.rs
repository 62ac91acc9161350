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

mod lenient;
mod schema;

pub use lenient::{read, Field, JsonKind, Lenient, Number, RawLinks, TextList};
pub use schema::{
    plausible_year, EntrySink, RawAuthor, RawAuthors, RawDocument, RawEntry, RawEtAl, RawMember,
    RawMemberEntry, RawMembers, RawPaper,
};

#[cfg(test)]
mod tests;
