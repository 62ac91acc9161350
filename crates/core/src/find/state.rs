//! What the visitor is looking at, and its URL form. The URL is the state: every view has a
//! query string, and any query string (even garbage) is a view.
//!
//! Filters hold names as typed or clicked, not ids: a URL may name an author, topic or year this
//! catalog does not have, and such a filter then matches nothing, visibly, instead of vanishing.

use crate::url::{decode_component, encode_component};

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Newest year first; papers without a year last.
    #[default]
    Newest,
    /// Oldest year first; papers without a year last.
    Oldest,
    /// By title, A to Z.
    Title,
}

impl Sort {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Title];

    /// Its `sort=` value in the URL.
    pub fn param(self) -> &'static str {
        match self {
            Sort::Newest => "new",
            Sort::Oldest => "old",
            Sort::Title => "title",
        }
    }

    /// Its name in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Title => "Title A–Z",
        }
    }

    /// The order a `sort=` value names.
    pub fn from_param(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.param() == s)
    }
}

/// What a filter narrows by: each is a facet and a URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterKind {
    /// `author=`: a name exactly as in the data, or a member by any of their names and aliases.
    Author,
    /// `topic=`: a topic in any spelling (case, accents, spacing).
    Topic,
    /// `year=`: a year or a range such as `2019-2021`.
    Year,
    /// `type=`: a kind of publication (see [`crate::kind::PaperType`]), by key or label.
    Type,
}

impl FilterKind {
    /// Every kind, in the order the active filters list them.
    pub const ALL: [FilterKind; 4] = [
        FilterKind::Author,
        FilterKind::Topic,
        FilterKind::Year,
        FilterKind::Type,
    ];

    /// Its name on the page.
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Author => "Author",
            FilterKind::Topic => "Topic",
            FilterKind::Year => "Year",
            FilterKind::Type => "Type",
        }
    }

    fn param(self) -> &'static str {
        match self {
            FilterKind::Author => "author",
            FilterKind::Topic => "topic",
            FilterKind::Year => "year",
            FilterKind::Type => "type",
        }
    }
}

/// A `year` value: one year, or an inclusive range such as `2019-2021`.
pub fn parse_years(value: &str) -> Option<(i32, i32)> {
    let year = |s: &str| {
        s.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (0..=9999).contains(y))
    };
    match value.split_once(['-', '–']) {
        Some((from, to)) => {
            let (from, to) = (year(from)?, year(to)?);
            Some((from.min(to), from.max(to)))
        }
        None => year(value).map(|y| (y, y)),
    }
}

/// The view: the search, the filters and the sort. It is the URL's query string, both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search box, as typed.
    pub query: String,
    /// Selected authors, any of which a paper may have.
    pub authors: Vec<String>,
    /// Selected topics, any of which a paper may have.
    pub topics: Vec<String>,
    /// Single years or ranges, as in the URL (`2019`, `2019-2021`).
    pub years: Vec<String>,
    /// Selected kinds of publication, any of which a paper may be.
    pub types: Vec<String>,
    /// Only the lab's selected papers (`featured` in the data).
    pub featured: bool,
    /// The order of the list.
    pub sort: Sort,
}

impl ViewState {
    /// The selected values of one kind.
    pub fn values(&self, kind: FilterKind) -> &[String] {
        match kind {
            FilterKind::Author => &self.authors,
            FilterKind::Topic => &self.topics,
            FilterKind::Year => &self.years,
            FilterKind::Type => &self.types,
        }
    }

    fn values_mut(&mut self, kind: FilterKind) -> &mut Vec<String> {
        match kind {
            FilterKind::Author => &mut self.authors,
            FilterKind::Topic => &mut self.topics,
            FilterKind::Year => &mut self.years,
            FilterKind::Type => &mut self.types,
        }
    }

    /// Whether `value` is selected exactly as written.
    pub fn has(&self, kind: FilterKind, value: &str) -> bool {
        self.values(kind).iter().any(|v| v == value)
    }

    /// Selects a value, or deselects it when it is already selected.
    pub fn toggle(&mut self, kind: FilterKind, value: &str) {
        if self.has(kind, value) {
            self.remove(kind, value);
        } else {
            self.values_mut(kind).push(value.to_owned());
        }
    }

    /// Deselects `value`.
    pub fn remove(&mut self, kind: FilterKind, value: &str) {
        self.retain(kind, |v| v != value);
    }

    /// Keeps only the values of `kind` that `keep` accepts.
    pub fn retain(&mut self, kind: FilterKind, keep: impl Fn(&str) -> bool) {
        self.values_mut(kind).retain(|v| keep(v));
    }

    /// Whether anything narrows the list (the sort order does not).
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.authors.is_empty()
            || !self.topics.is_empty()
            || !self.years.is_empty()
            || !self.types.is_empty()
            || self.featured
    }

    /// Drops every filter and the search, keeping the sort order.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            sort: self.sort,
            ..ViewState::default()
        }
    }

    /// The view without its search text: its filters and sort.
    pub fn without_search(&self) -> ViewState {
        ViewState {
            query: String::new(),
            ..self.clone()
        }
    }

    /// Active filters in display order.
    pub fn active(&self) -> Vec<(FilterKind, String)> {
        FilterKind::ALL
            .into_iter()
            .flat_map(|kind| self.values(kind).iter().map(move |v| (kind, v.clone())))
            .collect()
    }

    /// Reads a query string (with or without the leading `?`). Never fails: unknown parameters
    /// are ignored, an unknown sort is the default, and empty or repeated values are dropped.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let value = value.trim();
            match decode_component(key).as_str() {
                "q" => state.query = value.to_owned(),
                "sort" => state.sort = Sort::from_param(value).unwrap_or_default(),
                // `?featured` as well as `?featured=1`; only a plain "no" turns it off.
                "featured" => {
                    state.featured =
                        !matches!(value.to_ascii_lowercase().as_str(), "0" | "false" | "no")
                }
                key => {
                    let kind = FilterKind::ALL.into_iter().find(|k| k.param() == key);
                    if let Some(kind) = kind {
                        if !value.is_empty() && !state.has(kind, value) {
                            state.values_mut(kind).push(value.to_owned());
                        }
                    }
                }
            }
        }
        state
    }

    /// The query string for this view, `?`-prefixed, or empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", encode_component(self.query.trim())));
        }
        for (kind, value) in self.active() {
            parts.push(format!("{}={}", kind.param(), encode_component(&value)));
        }
        if self.featured {
            parts.push("featured=1".to_owned());
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.param()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example() {
        let s = ViewState::from_query(
            "?author=Yoshua%20Bengio&topic=reinforcement%20learning&q=offline",
        );
        assert_eq!(s.authors, ["Yoshua Bengio"]);
        assert_eq!(s.topics, ["reinforcement learning"]);
        assert_eq!(s.query, "offline");
        assert_eq!(s.sort, Sort::Newest);
        assert_eq!(
            s.to_query(),
            "?q=offline&author=Yoshua%20Bengio&topic=reinforcement%20learning"
        );
    }

    #[test]
    fn repeated_values_years_and_sort() {
        let s = ViewState::from_query(
            "year=2019&year=2015-2017&year=2019&sort=title&author=A+B&author=&x=1",
        );
        assert_eq!(s.years, ["2019", "2015-2017"]);
        assert_eq!(s.sort, Sort::Title);
        assert_eq!(s.authors, ["A B"]);
        assert_eq!(parse_years("2015-2017"), Some((2015, 2017)));
        assert_eq!(parse_years("2021-2019"), Some((2019, 2021)));
        assert_eq!(parse_years("soon"), None);
        assert_eq!(ViewState::from_query("sort=sideways").sort, Sort::Newest);
    }

    #[test]
    fn types_and_featured_are_in_the_query() {
        let s = ViewState::from_query("?type=article&featured&type=preprint");
        assert_eq!(s.types, ["article", "preprint"]);
        assert!(s.featured && s.is_filtered());
        assert_eq!(s.to_query(), "?type=article&type=preprint&featured=1");
        assert!(!ViewState::from_query("featured=no").featured);
        assert!(ViewState::from_query("featured=yes").featured);
        assert!(!s.cleared().featured);
    }

    #[test]
    fn default_view_has_an_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::from_query("?"), ViewState::default());
    }

    #[test]
    fn toggle_and_clear() {
        let mut s = ViewState::from_query("q=x&sort=old");
        s.toggle(FilterKind::Topic, "RL");
        assert!(s.has(FilterKind::Topic, "RL"));
        s.toggle(FilterKind::Topic, "RL");
        assert!(!s.is_filtered() || !s.query.is_empty());
        let cleared = s.cleared();
        assert!(!cleared.is_filtered());
        assert_eq!(cleared.sort, Sort::Oldest);
    }

    #[test]
    fn round_trips_awkward_values() {
        let mut s = ViewState {
            query: "\"graph nets\" & 100% é+ü #1 ?x=y".into(),
            ..ViewState::default()
        };
        s.toggle(FilterKind::Author, "Zoë O'Neil-Łukasz");
        s.toggle(FilterKind::Author, "李 明");
        s.toggle(FilterKind::Topic, "a=b&c");
        s.toggle(FilterKind::Year, "2019-2021");
        s.toggle(FilterKind::Type, "conference");
        s.featured = true;
        s.sort = Sort::Oldest;
        assert_eq!(ViewState::from_query(&s.to_query()), s);
    }
}
