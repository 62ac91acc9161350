//! What the visitor has narrowed the list to, and which papers that leaves.
//!
//! Filters hold names, not ids, because they come from clicks and (later) from URLs that may name
//! authors or topics this catalog does not have: such a filter matches nothing, visibly, instead of
//! being dropped.

use crate::catalog::{Catalog, Paper, PaperIdx};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub authors: Vec<String>,
    pub topics: Vec<String>,
}

/// One removable filter, as shown above the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterKind {
    Author,
    Topic,
}

impl FilterKind {
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Author => "Author",
            FilterKind::Topic => "Topic",
        }
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.authors.is_empty() && self.topics.is_empty()
    }

    fn values_mut(&mut self, kind: FilterKind) -> &mut Vec<String> {
        match kind {
            FilterKind::Author => &mut self.authors,
            FilterKind::Topic => &mut self.topics,
        }
    }

    /// Adds a value; selecting one already active leaves the filters as they are.
    pub fn add(&mut self, kind: FilterKind, value: &str) {
        let values = self.values_mut(kind);
        if !values.iter().any(|v| v == value) {
            values.push(value.to_owned());
        }
    }

    pub fn remove(&mut self, kind: FilterKind, value: &str) {
        self.values_mut(kind).retain(|v| v != value);
    }

    /// Active filters in display order.
    pub fn active(&self) -> Vec<(FilterKind, String)> {
        let authors = self.authors.iter().map(|a| (FilterKind::Author, a.clone()));
        let topics = self.topics.iter().map(|t| (FilterKind::Topic, t.clone()));
        authors.chain(topics).collect()
    }

    /// Indices of the papers to show, in catalog order. Within one kind the selected values are
    /// alternatives (OR); across kinds all must hold (AND).
    pub fn apply(&self, catalog: &Catalog) -> Vec<PaperIdx> {
        let authors: Vec<Option<u32>> = self.authors.iter().map(|a| catalog.author_id(a)).collect();
        let topics: Vec<Option<u32>> = self.topics.iter().map(|t| catalog.topic_id(t)).collect();
        let any_of = |wanted: &[Option<u32>], has: &[u32]| {
            wanted.is_empty() || wanted.iter().flatten().any(|id| has.contains(id))
        };
        let keep = |p: &Paper| any_of(&authors, &p.authors) && any_of(&topics, &p.topics);
        catalog
            .papers
            .iter()
            .enumerate()
            .filter(|(_, p)| keep(p))
            .map(|(i, _)| i as PaperIdx)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Catalog {
        Catalog::from_json(
            r#"[{"title":"A","authors":["Ann","Bo"],"topics":["RL"]},
                {"title":"B","authors":["Bo"],"topics":["Vision"]},
                {"title":"C","authors":["Cy"],"topics":["rl","Vision"]},
                {"title":"D"}]"#,
        )
        .unwrap()
    }

    fn titles(c: &Catalog, f: &Filters) -> Vec<String> {
        f.apply(c)
            .into_iter()
            .map(|i| c.papers[i as usize].title.clone())
            .collect()
    }

    #[test]
    fn no_filter_shows_everything() {
        let c = sample();
        assert_eq!(titles(&c, &Filters::default()), ["A", "B", "C", "D"]);
    }

    #[test]
    fn or_within_and_across() {
        let c = sample();
        let mut f = Filters::default();
        f.add(FilterKind::Author, "Bo");
        assert_eq!(titles(&c, &f), ["A", "B"]);
        f.add(FilterKind::Author, "Cy");
        assert_eq!(titles(&c, &f), ["A", "B", "C"]);
        f.add(FilterKind::Topic, "VISION");
        assert_eq!(titles(&c, &f), ["B", "C"]);
        f.remove(FilterKind::Author, "Bo");
        assert_eq!(titles(&c, &f), ["C"]);
    }

    #[test]
    fn unknown_values_match_nothing_and_stay_active() {
        let c = sample();
        let mut f = Filters::default();
        f.add(FilterKind::Author, "Nobody");
        assert!(titles(&c, &f).is_empty());
        assert_eq!(f.active(), [(FilterKind::Author, "Nobody".to_string())]);
        f.add(FilterKind::Author, "Nobody");
        assert_eq!(f.authors.len(), 1);
    }
}
