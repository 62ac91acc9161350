//! What validation reports: the problems found in entries and in the top-level fields, and the
//! wording its messages share.

use crate::parse::JsonKind;

/// Whether a problem cost a whole entry or only part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The entry is not shown.
    Skipped,
    /// The entry is shown without the field.
    Ignored,
}

/// Something in the data that was not shown, and why: for the visitor's note and the checker.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Whether it cost the entry or a field.
    pub severity: Severity,
    /// 0-based position in the publications list.
    pub entry: usize,
    /// The entry's title when it has one, so a maintainer can find it.
    pub title: Option<String>,
    /// Where in the entry, such as `year` or `links.pdf`; empty for the entry itself.
    pub field: String,
    /// Why, in plain words.
    pub message: String,
}

/// Something in the file's top-level fields (`title`, `description`, `members`) that was ignored,
/// and why. None of these costs a paper; each is a warning, as an ignored field of an entry is.
#[derive(Debug, Clone, PartialEq)]
pub struct TopLevelProblem {
    /// The JSON path of what was ignored: `description`, `members`, `members[2].url`.
    pub path: String,
    /// The member's name, when the problem is in a member that has one, so a maintainer can find
    /// it.
    pub name: Option<String>,
    /// Why, in plain words, ending in what became of it ("ignored", "not listed").
    pub message: String,
}

/// A field of the wrong type, for messages: "should be text, but it is a list; ignored".
pub(crate) fn wrong_type(kind: JsonKind, what: &str) -> String {
    format!("should be {what}, but it is {}; ignored", kind.describe())
}

/// Elements of a list of text that were not text, for messages.
pub(crate) fn not_text(dropped: usize) -> String {
    format!("{dropped} item(s) that are not text were ignored")
}
