//! From a view state to what the page shows: the papers that match, in order, and the faceted
//! counts, computed in one pass over the catalog.
//!
//! Facet counts follow DBLP and e-shops: each value's count is the number of papers the list
//! would show if that value were added, given the search and the *other* facets' selections.
//! Within a facet, selected values are alternatives (OR); across facets and the search, all must
//! hold (AND).

use crate::catalog::{AuthorId, Catalog, Paper, PaperIdx};
use crate::fold::{fold, SearchText};
use crate::kind::PaperType;
use crate::letters::{Letters, Pairs};
use crate::order::{low, pack};
use crate::search::Query;
use crate::state::{parse_years, FilterKind, ViewState};
use memchr::memmem::Finder;

/// The papers a search matches, by catalog index; kept so that the next, refined search (one more
/// letter typed) scans only these.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResult {
    /// The query searched for, which the cards highlight.
    pub query: Query,
    /// `None` when the query is empty (everything matches).
    matches: Option<Vec<PaperIdx>>,
}

impl SearchResult {
    /// The result of an empty query: every paper.
    pub fn everything() -> SearchResult {
        SearchResult::default()
    }
}

/// A search in progress, resumable in slices so that a long scan (100,000 papers) can yield to
/// the browser between them and be dropped when the visitor types on.
pub struct SearchRun<'c> {
    catalog: &'c Catalog,
    query: Query,
    /// One per term.
    finders: Vec<Finder<'static>>,
    /// Per term: its letters and digits and pairs of letters, which a paper must hold to match
    /// it, and whether holding them is enough (a term of one or two letters).
    letters: Vec<(Letters, Pairs, bool)>,
    /// Per term: which authors' and topics' names contain it (tested once per name, not per paper).
    author_hits: Vec<Vec<bool>>,
    topic_hits: Vec<Vec<bool>>,
    candidates: Option<Vec<PaperIdx>>,
    next: usize,
    matches: Vec<PaperIdx>,
}

impl SearchRun<'_> {
    fn matches_paper(&self, idx: PaperIdx) -> bool {
        let p = &self.catalog.papers[idx as usize];
        let in_text = |finder: &Finder, text: Option<&SearchText>| {
            text.is_some_and(|t| finder.find(t.folded().as_bytes()).is_some())
        };
        let (letters, pairs) = self.catalog.letters(idx);
        self.finders.iter().enumerate().all(|(i, finder)| {
            let (wanted_letters, wanted_pairs, enough) = &self.letters[i];
            if !letters.has_all(*wanted_letters) || !pairs.has_all(wanted_pairs) {
                return false;
            }
            *enough
                || finder.find(p.title.folded().as_bytes()).is_some()
                || p.authors.iter().any(|&a| self.author_hits[i][a as usize])
                || p.topics.iter().any(|&a| self.topic_hits[i][a as usize])
                || in_text(finder, p.venue.as_ref())
                || in_text(finder, p.abstract_text.as_ref())
                || in_text(finder, p.badge())
                || in_text(finder, p.award())
        })
    }

    fn total(&self) -> usize {
        self.candidates
            .as_ref()
            .map_or(self.catalog.papers.len(), Vec::len)
    }

    /// Scans up to `budget` more papers; `true` once every candidate has been scanned.
    pub fn step(&mut self, budget: usize) -> bool {
        let end = self.next.saturating_add(budget).min(self.total());
        for i in self.next..end {
            let idx = self.candidates.as_ref().map_or(i as PaperIdx, |c| c[i]);
            if self.matches_paper(idx) {
                self.matches.push(idx);
            }
        }
        self.next = end;
        self.next == self.total()
    }

    /// Runs the rest of the search at once.
    pub fn finish(mut self) -> SearchResult {
        while !self.step(usize::MAX) {}
        let matches = (!self.query.is_empty()).then_some(self.matches);
        SearchResult {
            query: self.query,
            matches,
        }
    }
}

impl Catalog {
    /// Starts a search for papers matching every term of `query` in their title, authors,
    /// abstract, topics, venue, badge or award. Given the previous result, a refined query scans only what that
    /// one matched.
    pub fn start_search(&self, query: Query, previous: Option<&SearchResult>) -> SearchRun<'_> {
        let finders: Vec<Finder<'static>> = query
            .terms
            .iter()
            .map(|t| Finder::new(t.as_bytes()).into_owned())
            .collect();
        let hits = |kind: FilterKind| -> Vec<Vec<bool>> {
            let names = self.folded_names(kind);
            finders.iter().map(|f| names.containing(f)).collect()
        };
        let candidates = match previous {
            Some(SearchResult {
                query: earlier,
                matches: Some(earlier_matches),
            }) if query.refines(earlier) => Some(earlier_matches.clone()),
            _ if query.is_empty() => Some(Vec::new()),
            _ => None,
        };
        let letters = query
            .terms
            .iter()
            .map(|t| {
                let enough = Letters::decide(t) || Pairs::decide(t);
                (Letters::of(t), Pairs::of(t), enough)
            })
            .collect();
        SearchRun {
            letters,
            author_hits: hits(FilterKind::Author),
            topic_hits: hits(FilterKind::Topic),
            catalog: self,
            query,
            finders,
            candidates,
            next: 0,
            matches: Vec::new(),
        }
    }

    /// Searches in one go.
    pub fn search(&self, query: Query, previous: Option<&SearchResult>) -> SearchResult {
        self.start_search(query, previous).finish()
    }
}

/// What a view shows: the papers in order, and how many papers each facet value would give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// The matching papers, in the view's sort order.
    pub shown: Vec<PaperIdx>,
    author_counts: Vec<u32>,
    topic_counts: Vec<u32>,
    /// (year, count), newest first, non-zero counts only.
    year_counts: Vec<(i32, u32)>,
    /// Per type, in the order of [`PaperType::ALL`].
    type_counts: [u32; PaperType::ALL.len()],
    /// Featured papers the view would show with the featured filter on.
    featured_count: u32,
}

/// One value of a facet as the sidebar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FacetValue {
    /// As shown: the name, the topic's common spelling, the year.
    pub label: String,
    /// What toggling this value adds to or removes from the view state.
    pub value: String,
    /// Papers it would give with the other facets and the search.
    pub count: u32,
    /// Whether the view has it selected.
    pub selected: bool,
}

/// A year value as the facet shows it: `2019` for `02019` or `2019-2019`, `2019–2021` for a range
/// in either order; a value that is no year as written.
fn year_label(value: &str) -> String {
    match parse_years(value) {
        Some((from, to)) if from == to => from.to_string(),
        Some((from, to)) => format!("{from}–{to}"),
        None => value.to_owned(),
    }
}

/// A facet's selection, resolved against the catalog: `None` when nothing is selected, else the
/// accepted ids (empty when every selected value is unknown, which then matches nothing).
fn resolve<T>(values: &[String], lookup: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    (!values.is_empty()).then(|| values.iter().filter_map(|v| lookup(v)).collect())
}

fn any_of(wanted: &Option<Vec<u32>>, has: &[u32]) -> bool {
    wanted
        .as_ref()
        .is_none_or(|ids| has.iter().any(|id| ids.contains(id)))
}

/// A view's facet selections resolved once, and tested per paper.
struct Facets {
    authors: Option<Vec<AuthorId>>,
    topics: Option<Vec<u32>>,
    years: Option<Vec<(i32, i32)>>,
    types: Option<Vec<PaperType>>,
    featured: bool,
}

impl Facets {
    fn new(catalog: &Catalog, state: &ViewState) -> Facets {
        Facets {
            authors: resolve(&state.authors, |a| catalog.author_id(a)),
            topics: resolve(&state.topics, |t| catalog.topic_id(t)),
            years: resolve(&state.years, parse_years),
            types: resolve(&state.types, PaperType::from_key),
            featured: state.featured,
        }
    }

    fn type_ok(&self, paper: &Paper) -> bool {
        self.types
            .as_ref()
            .is_none_or(|types| paper.paper_type.is_some_and(|t| types.contains(&t)))
    }

    /// The featured filter: not a facet, so every facet's counts heed it.
    fn featured_ok(&self, paper: &Paper) -> bool {
        !self.featured || paper.featured
    }

    fn author_ok(&self, paper: &Paper) -> bool {
        any_of(&self.authors, &paper.authors)
    }

    fn topic_ok(&self, paper: &Paper) -> bool {
        any_of(&self.topics, &paper.topics)
    }

    fn year_ok(&self, paper: &Paper) -> bool {
        self.years.as_ref().is_none_or(|ranges| {
            paper
                .year
                .is_some_and(|y| ranges.iter().any(|&(from, to)| (from..=to).contains(&y)))
        })
    }
}

impl Catalog {
    /// Searches and selects in one go (tests, the checker); the site keeps the search result
    /// between keystrokes and calls [`Catalog::select_searched`].
    pub fn select(&self, state: &ViewState) -> Selection {
        let search = self.search(Query::parse(&state.query), None);
        self.select_searched(state, &search)
    }

    /// The selection of `state`, given the result of searching for its query.
    pub fn select_searched(&self, state: &ViewState, search: &SearchResult) -> Selection {
        let facets = Facets::new(self, state);

        // Counting visits the matches in catalog order, which reads the papers front to back
        // (in sort order it would jump around 100,000 of them); the list then follows the sort.
        let mut author_counts = vec![0u32; self.authors.len()];
        let mut topic_counts = vec![0u32; self.topics.len()];
        let mut by_year: Vec<(i32, u32)> = Vec::new();
        let mut is_shown = vec![false; self.papers.len()];
        let mut type_counts = [0u32; PaperType::ALL.len()];
        let mut featured_count = 0;
        let mut visit = |idx: PaperIdx| {
            let paper = &self.papers[idx as usize];
            let a = facets.author_ok(paper);
            let t = facets.topic_ok(paper);
            let y = facets.year_ok(paper);
            let k = facets.type_ok(paper);
            let f = facets.featured_ok(paper);
            is_shown[idx as usize] = a && t && y && k && f;
            if t && y && k && f {
                for &id in &paper.authors {
                    author_counts[id as usize] += 1;
                }
            }
            if a && y && k && f {
                for &id in &paper.topics {
                    topic_counts[id as usize] += 1;
                }
            }
            if let (true, Some(year)) = (a && t && k && f, paper.year) {
                // Kept newest first as it grows: a few dozen years, no sort afterwards.
                match by_year.binary_search_by(|&(y, _)| year.cmp(&y)) {
                    Ok(at) => by_year[at].1 += 1,
                    Err(at) => by_year.insert(at, (year, 1)),
                }
            }
            if let (true, Some(kind)) = (a && t && y && f, paper.paper_type) {
                type_counts[kind as usize] += 1;
            }
            if a && t && y && k && paper.featured {
                featured_count += 1;
            }
        };
        match &search.matches {
            None => (0..self.papers.len() as PaperIdx).for_each(&mut visit),
            Some(matches) => matches.iter().copied().for_each(&mut visit),
        }
        let shown = self
            .order(state.sort)
            .iter()
            .copied()
            .filter(|&idx| is_shown[idx as usize])
            .collect();
        Selection {
            shown,
            author_counts,
            topic_counts,
            year_counts: by_year,
            type_counts,
            featured_count,
        }
    }

    /// A facet's values for the sidebar: the selected ones first (even unknown ones, with 0), then
    /// up to `limit` others with a non-zero count whose folded label contains the folded `find`:
    /// the lab's members first among authors, then most papers first, ties by name. Years are
    /// listed newest first and in full.
    pub fn facet(
        &self,
        kind: FilterKind,
        state: &ViewState,
        sel: &Selection,
        find: &str,
        limit: usize,
    ) -> Vec<FacetValue> {
        // One entry per value, however many spellings of it the URL holds (`rl` and `RL`).
        let mut selected: Vec<&String> = Vec::new();
        for value in state.values(kind) {
            if !selected.iter().any(|v| self.same_value(kind, v, value)) {
                selected.push(value);
            }
        }
        let mut out: Vec<FacetValue> = selected
            .into_iter()
            .map(|value| {
                let (label, count) = match kind {
                    FilterKind::Author => match self.author_id(value) {
                        Some(id) => (
                            self.author_name(id).to_owned(),
                            sel.author_counts[id as usize],
                        ),
                        None => (value.clone(), 0),
                    },
                    FilterKind::Topic => match self.topic_id(value) {
                        Some(id) => (self.topic(id).label.clone(), sel.topic_counts[id as usize]),
                        None => (value.clone(), 0),
                    },
                    FilterKind::Year => (year_label(value), sel.count_years(value)),
                    FilterKind::Type => match PaperType::from_key(value) {
                        Some(kind) => (kind.label().to_owned(), sel.type_counts[kind as usize]),
                        None => (value.clone(), 0),
                    },
                };
                FacetValue {
                    label,
                    value: value.clone(),
                    count,
                    selected: true,
                }
            })
            .collect();

        let find = fold(find);
        let others: Vec<FacetValue> = match kind {
            FilterKind::Year => sel
                .year_counts
                .iter()
                .map(|&(year, count)| (year.to_string(), count))
                .filter(|(label, _)| !out.iter().any(|v| self.same_value(kind, &v.value, label)))
                .map(|(label, count)| FacetValue {
                    value: label.clone(),
                    label,
                    count,
                    selected: false,
                })
                .collect(),
            FilterKind::Type => PaperType::ALL
                .into_iter()
                .filter(|&kind| sel.type_counts[kind as usize] > 0)
                .filter(|kind| {
                    !out.iter()
                        .any(|v| self.same_value(FilterKind::Type, &v.value, kind.key()))
                })
                .map(|kind| FacetValue {
                    label: kind.label().to_owned(),
                    value: kind.key().to_owned(),
                    count: sel.type_counts[kind as usize],
                    selected: false,
                })
                .collect(),
            FilterKind::Author | FilterKind::Topic => {
                // By id: an author's value is compared once, not once per name in the catalog.
                let selected: Vec<u32> = out
                    .iter()
                    .filter_map(|v| self.name_id(kind, &v.value))
                    .collect();
                self.named_values(kind, sel, &selected, &find, limit)
            }
        };
        out.extend(others);
        out
    }
}

impl Catalog {
    /// The author or topic a value names.
    fn name_id(&self, kind: FilterKind, value: &str) -> Option<u32> {
        match kind {
            FilterKind::Author => self.author_id(value),
            FilterKind::Topic => self.topic_id(value),
            FilterKind::Year | FilterKind::Type => None,
        }
    }

    /// Author or topic `id` as shown.
    fn name(&self, kind: FilterKind, id: u32) -> &str {
        match kind {
            FilterKind::Topic => &self.topic(id).label,
            _ => self.author_name(id),
        }
    }

    /// Up to `limit` authors or topics with papers, not `selected`, whose folded label contains
    /// `find`: members first, then most papers first, ties by name.
    fn named_values(
        &self,
        kind: FilterKind,
        sel: &Selection,
        selected: &[u32],
        find: &str,
        limit: usize,
    ) -> Vec<FacetValue> {
        let counts = match kind {
            FilterKind::Topic => &sel.topic_counts,
            _ => &sel.author_counts,
        };
        // Members, then most papers, then name: a member bit over the inverted count, then the
        // alphabetical place. A count never reaches 2^31 (paper indices are u32s).
        let rank = |id: u32| {
            let other = !(kind == FilterKind::Author && self.is_member(id));
            (u32::from(other) << 31) | (i32::MAX as u32).saturating_sub(counts[id as usize])
        };
        let alphabetical = self.alphabetical(kind);
        let mut keys: Vec<u64> = alphabetical
            .iter()
            .enumerate()
            .filter(|&(_, &id)| counts[id as usize] > 0)
            .filter(|&(_, id)| !selected.contains(id))
            .filter(|&(_, &id)| find.is_empty() || self.folded_label(kind, id).contains(find))
            .map(|(place, &id)| pack(rank(id), place as u32))
            .collect();
        // Only the top `limit` need ordering: 18,000 authors are not sorted on each key.
        if keys.len() > limit {
            keys.select_nth_unstable(limit);
        }
        keys.truncate(limit);
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| alphabetical[low(key) as usize])
            .map(|id| FacetValue {
                label: self.name(kind, id).to_owned(),
                value: self.name(kind, id).to_owned(),
                count: counts[id as usize],
                selected: false,
            })
            .collect()
    }

    /// Whether two values of a facet name the same thing: a topic in any spelling the catalog
    /// folds together (`rl`, `RL`), a member by any of their names (`Y. Bengio`, `Yoshua
    /// Bengio`), another author as [`Catalog::author_id`] finds them (`zoe`, `Zoë`), a year as
    /// written.
    pub fn same_value(&self, kind: FilterKind, a: &str, b: &str) -> bool {
        match kind {
            FilterKind::Topic | FilterKind::Author => {
                match (self.name_id(kind, a), self.name_id(kind, b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => a == b,
                }
            }
            FilterKind::Year => match (parse_years(a), parse_years(b)) {
                (Some(x), Some(y)) => x == y,
                _ => a == b,
            },
            FilterKind::Type => match (PaperType::from_key(a), PaperType::from_key(b)) {
                (Some(x), Some(y)) => x == y,
                _ => a == b,
            },
        }
    }

    /// Whether the view selects `value`, in whatever spelling it was selected.
    pub fn selects(&self, state: &ViewState, kind: FilterKind, value: &str) -> bool {
        state
            .values(kind)
            .iter()
            .any(|v| self.same_value(kind, v, value))
    }

    /// The view with `value` deselected (every spelling of it) when it is selected, else added.
    pub fn toggled(&self, state: &ViewState, kind: FilterKind, value: &str) -> ViewState {
        let mut next = state.clone();
        if self.selects(state, kind, value) {
            next.retain(kind, |v| !self.same_value(kind, v, value));
        } else {
            next.toggle(kind, value);
        }
        next
    }

    /// The view with whatever hides paper `idx` taken away: the search when the paper does not
    /// match it, and each facet whose selection leaves it out. What still holds for the paper
    /// stays, as does the sort, so a `#id` link shows its paper among as much of the view as
    /// agrees with it.
    pub fn revealing(&self, state: &ViewState, idx: PaperIdx) -> ViewState {
        let paper = &self.papers[idx as usize];
        let facets = Facets::new(self, state);
        let mut next = state.clone();
        if !self
            .start_search(Query::parse(&state.query), None)
            .matches_paper(idx)
        {
            next.query.clear();
        }
        if !facets.author_ok(paper) {
            next.authors.clear();
        }
        if !facets.topic_ok(paper) {
            next.topics.clear();
        }
        if !facets.year_ok(paper) {
            next.years.clear();
        }
        if !facets.type_ok(paper) {
            next.types.clear();
        }
        next.featured &= paper.featured;
        next
    }
}

impl Selection {
    /// How many papers the featured filter would show, given the search and the facets.
    pub fn featured_count(&self) -> u32 {
        self.featured_count
    }

    fn count_years(&self, value: &str) -> u32 {
        parse_years(value).map_or(0, |(from, to)| {
            self.year_counts
                .iter()
                .filter(|(y, _)| (from..=to).contains(y))
                .map(|(_, n)| n)
                .sum()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Catalog {
        Catalog::from_json(
            r#"[{"title":"Alpha","authors":["Ann","Bo"],"topics":["RL"],"year":2019,"abstract":"Offline policies"},
                {"title":"beta","authors":["Bo"],"topics":["Vision"],"year":2021},
                {"title":"Gamma","authors":["Zoë"],"topics":["rl","Vision"],"year":2020,"venue":"NeurIPS"},
                {"title":"Delta"}]"#,
        )
        .unwrap()
    }

    fn titles(c: &Catalog, query: &str) -> Vec<String> {
        let sel = c.select(&ViewState::from_query(query));
        sel.shown
            .iter()
            .map(|&i| c.papers[i as usize].title.shown())
            .collect()
    }

    #[test]
    fn sorts_newest_oldest_and_by_title() {
        let c = sample();
        assert_eq!(titles(&c, ""), ["beta", "Gamma", "Alpha", "Delta"]);
        assert_eq!(titles(&c, "sort=old"), ["Alpha", "Gamma", "beta", "Delta"]);
        assert_eq!(
            titles(&c, "sort=title"),
            ["Alpha", "beta", "Delta", "Gamma"]
        );
    }

    #[test]
    fn search_covers_title_authors_abstract_topics_and_venue() {
        let c = sample();
        assert_eq!(titles(&c, "q=OFFLINE"), ["Alpha"]);
        assert_eq!(titles(&c, "q=zoe"), ["Gamma"]);
        assert_eq!(titles(&c, "q=neurips"), ["Gamma"]);
        assert_eq!(titles(&c, "q=vision"), ["beta", "Gamma"]);
        assert_eq!(titles(&c, "q=vision+bo"), ["beta"]);
        assert!(titles(&c, "q=%22bo+vision%22").is_empty());
    }

    #[test]
    fn a_refined_search_gives_what_a_fresh_one_does() {
        let c = sample();
        let mut previous = c.search(Query::parse("a"), None);
        for q in ["al", "alp", "alpha", "alpha bo", "e", "ga"] {
            let fresh = c.search(Query::parse(q), None);
            let refined = c.search(Query::parse(q), Some(&previous));
            assert_eq!(refined, fresh, "{q}");
            previous = refined;
        }
    }

    #[test]
    fn a_search_in_slices_gives_what_one_in_one_go_does() {
        let c = sample();
        for q in ["", "a", "bo", "vision zoë"] {
            let mut run = c.start_search(Query::parse(q), None);
            while !run.step(1) {}
            assert_eq!(run.finish(), c.search(Query::parse(q), None), "{q}");
        }
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        let c = sample();
        assert_eq!(titles(&c, "author=Bo"), ["beta", "Alpha"]);
        assert_eq!(
            titles(&c, "author=Bo&author=Zo%C3%AB"),
            ["beta", "Gamma", "Alpha"]
        );
        assert_eq!(titles(&c, "author=Bo&topic=rl"), ["Alpha"]);
        assert_eq!(titles(&c, "topic=RL&year=2020-2021"), ["Gamma"]);
        assert_eq!(titles(&c, "year=2019&year=2021"), ["beta", "Alpha"]);
    }

    #[test]
    fn unknown_values_match_nothing() {
        let c = sample();
        assert!(titles(&c, "author=Nobody").is_empty());
        assert!(titles(&c, "year=someday").is_empty());
        assert_eq!(titles(&c, "author=Nobody&author=Ann"), ["Alpha"]);
    }

    #[test]
    fn facet_counts_ignore_their_own_selection() {
        let c = sample();
        let state = ViewState::from_query("topic=Vision");
        let sel = c.select(&state);
        let authors = c.facet(FilterKind::Author, &state, &sel, "", 10);
        let counts: Vec<_> = authors
            .iter()
            .map(|v| (v.label.as_str(), v.count))
            .collect();
        assert_eq!(counts, [("Bo", 1), ("Zoë", 1)]);
        let topics = c.facet(FilterKind::Topic, &state, &sel, "", 10);
        let counts: Vec<_> = topics
            .iter()
            .map(|v| (v.label.as_str(), v.count, v.selected))
            .collect();
        assert_eq!(counts, [("Vision", 2, true), ("RL", 2, false)]);
        let years = c.facet(FilterKind::Year, &state, &sel, "", 10);
        let counts: Vec<_> = years.iter().map(|v| (v.label.as_str(), v.count)).collect();
        assert_eq!(counts, [("2021", 1), ("2020", 1)]);
    }

    #[test]
    fn a_topic_is_deselected_in_any_spelling() {
        let c = sample();
        let state = ViewState::from_query("q=a&topic=rl&topic=Rl&author=Bo");
        assert!(c.selects(&state, FilterKind::Topic, "RL"));
        assert!(!c.selects(&state, FilterKind::Topic, "Vision"));
        let released = c.toggled(&state, FilterKind::Topic, "RL");
        assert_eq!(released, ViewState::from_query("q=a&author=Bo"));
        let added = c.toggled(&released, FilterKind::Topic, "RL");
        assert_eq!(added, ViewState::from_query("q=a&author=Bo&topic=RL"));
        // Unknown topics and authors compare as written.
        let unknown = ViewState::from_query("topic=Nothing&author=Nobody");
        assert!(c.selects(&unknown, FilterKind::Topic, "Nothing"));
        assert!(!c.selects(&unknown, FilterKind::Topic, "nothing"));
        assert!(!c.selects(&unknown, FilterKind::Author, "nobody"));
    }

    #[test]
    fn a_value_spelled_two_ways_is_one_facet_entry() {
        let c = sample();
        let state = ViewState::from_query("topic=rl&topic=RL&year=02019&year=2019-2019");
        let sel = c.select(&state);
        let labels = |kind| {
            c.facet(kind, &state, &sel, "", 10)
                .into_iter()
                .map(|v| (v.label, v.selected))
                .collect::<Vec<_>>()
        };
        let topics = labels(FilterKind::Topic);
        assert_eq!(
            topics.iter().filter(|(l, _)| l == "RL").count(),
            1,
            "{topics:?}"
        );
        let years = labels(FilterKind::Year);
        assert_eq!(
            years.iter().filter(|(l, _)| l == "2019").count(),
            1,
            "{years:?}"
        );
        assert_eq!(years[0], ("2019".to_owned(), true));
        // Pressing 2019 releases the filter however it was written.
        let released = c.toggled(&state, FilterKind::Year, "2019");
        assert!(released.years.is_empty(), "{released:?}");
        let range = ViewState::from_query("year=2021-2019");
        let range_facet = c.facet(FilterKind::Year, &range, &c.select(&range), "", 10);
        assert_eq!(range_facet[0].label, "2019–2021");
    }

    #[test]
    fn the_type_facet_and_the_featured_filter_count_like_the_others() {
        let c = Catalog::from_json(
            r#"[{"title":"A","type":"conference","featured":true,"year":2020},
                {"title":"B","type":"article","year":2020},
                {"title":"C","type":"conference","year":2021},
                {"title":"D","featured":true,"year":2021}]"#,
        )
        .unwrap();
        let facet = |query: &str| {
            let state = ViewState::from_query(query);
            let sel = c.select(&state);
            let types: Vec<_> = c
                .facet(FilterKind::Type, &state, &sel, "", 10)
                .into_iter()
                .map(|v| (v.label, v.count, v.selected))
                .collect();
            (sel.shown.len(), types, sel.featured_count())
        };
        let t = |label: &str, count, selected| (label.to_owned(), count, selected);
        assert_eq!(
            facet(""),
            (
                4,
                vec![
                    t("Journal article", 1, false),
                    t("Conference paper", 2, false)
                ],
                2
            )
        );
        // A type's own count ignores its selection; the featured count heeds it.
        assert_eq!(
            facet("type=Conference%20paper"),
            (
                2,
                vec![
                    t("Conference paper", 2, true),
                    t("Journal article", 1, false)
                ],
                1
            )
        );
        // The featured filter narrows every count.
        assert_eq!(
            facet("featured=1"),
            (2, vec![t("Conference paper", 1, false)], 2)
        );
        assert_eq!(
            facet("type=talk"),
            (
                0,
                vec![
                    t("Talk", 0, true),
                    t("Journal article", 1, false),
                    t("Conference paper", 2, false)
                ],
                0
            )
        );
        let state = ViewState::from_query("type=article&featured=1&year=2020");
        let revealed = c.revealing(&state, 2);
        assert_eq!(revealed.to_query(), "");
        assert_eq!(c.revealing(&state, 0).to_query(), "?year=2020&featured=1");
    }

    #[test]
    fn revealing_a_paper_drops_only_what_hides_it() {
        let c = sample();
        let gamma = c.paper_index(&c.papers[2].id).unwrap();
        assert_eq!(c.papers[gamma as usize].title.shown(), "Gamma");
        let state = ViewState::from_query("q=offline&topic=RL&year=2019&author=Zo%C3%AB&sort=old");
        let next = c.revealing(&state, gamma);
        assert_eq!(
            next,
            ViewState::from_query("topic=RL&author=Zo%C3%AB&sort=old")
        );
        assert!(c.select(&next).shown.contains(&gamma));
        // A view that already shows the paper is kept as it is.
        assert_eq!(c.revealing(&next, gamma), next);
        let searched = ViewState::from_query("q=neurips+zoe&author=Ann");
        assert_eq!(
            c.revealing(&searched, gamma),
            ViewState::from_query("q=neurips+zoe")
        );
        // Unknown values hide every paper, so they go too.
        let unknown = ViewState::from_query("year=someday&topic=Nothing");
        assert_eq!(c.revealing(&unknown, gamma), ViewState::default());
    }

    #[test]
    fn an_author_in_the_url_is_found_in_any_case_or_accents_unless_two_fold_alike() {
        let c = sample();
        // Folded as the facet's find is; a decomposed `ë` (`e` and U+0308) too.
        for query in [
            "author=zoe",
            "author=ZO%C3%8B",
            "author=Zoe%CC%88",
            "author=Zo%C3%AB",
        ] {
            assert_eq!(titles(&c, query), ["Gamma"], "{query}");
        }
        // The facet lists her once, selected, under her name.
        let state = ViewState::from_query("author=zoe");
        let listed = c.facet(FilterKind::Author, &state, &c.select(&state), "", 10);
        let listed: Vec<_> = listed
            .iter()
            .map(|v| (v.label.as_str(), v.selected))
            .collect();
        assert_eq!(listed[0], ("Zoë", true));
        assert!(!listed[1..].iter().any(|&(label, _)| label == "Zoë"));
        assert!(c.same_value(FilterKind::Author, "zoe", "Zoë"));
        // Names that differ only by accents are different people: each is found as written, and
        // a spelling that folds to several names finds none of them.
        let three = Catalog::from_json(
            r#"[{"title":"A","authors":["Zoë"]},{"title":"B","authors":["Zoe"]},{"title":"C","authors":["Zoé"]}]"#,
        )
        .unwrap();
        assert_eq!(titles(&three, "author=Zo%C3%AB"), ["A"]);
        assert_eq!(titles(&three, "author=Zoe"), ["B"]);
        assert!(titles(&three, "author=zoe").is_empty());
    }

    #[test]
    fn facet_find_is_accent_insensitive_and_selected_values_stay() {
        let c = sample();
        let state = ViewState::from_query("author=Nobody&year=2019-2020");
        let sel = c.select(&state);
        let found = c.facet(FilterKind::Author, &state, &sel, "ZOE", 10);
        let labels: Vec<_> = found
            .iter()
            .map(|v| (v.label.as_str(), v.count, v.selected))
            .collect();
        assert_eq!(labels, [("Nobody", 0, true), ("Zoë", 1, false)]);
        let years = c.facet(FilterKind::Year, &state, &sel, "", 10);
        assert_eq!(
            years[0],
            FacetValue {
                label: "2019–2020".into(),
                value: "2019-2020".into(),
                count: 0,
                selected: true
            }
        );
    }

    /// Bo and Cy write most; Ann, Zed and Yoshua (under two spellings) are the lab's members.
    fn lab() -> Catalog {
        Catalog::from_json(
            r#"{"publications": [
                {"title": "P1", "authors": ["Bo", "Cy", "Y. Bengio"], "year": 2020},
                {"title": "P2", "authors": ["Bo", "Cy", "Yoshua Bengio"], "year": 2021},
                {"title": "P3", "authors": ["Bo", "Cy", "Ann"], "year": 2021},
                {"title": "P4", "authors": ["Bo", "Zed"], "year": 2022},
                {"title": "P5", "authors": ["Dee"], "year": 2022}],
              "members": [{"name": "Zed"}, {"name": "Yoshua Bengio", "aliases": ["Y. Bengio"]},
                          {"name": "Ann"}, {"name": "Idle Member"}]}"#,
        )
        .unwrap()
    }

    fn authors(c: &Catalog, query: &str, find: &str, limit: usize) -> Vec<(String, u32, bool)> {
        let state = ViewState::from_query(query);
        let sel = c.select(&state);
        c.facet(FilterKind::Author, &state, &sel, find, limit)
            .into_iter()
            .map(|v| (v.label, v.count, v.selected))
            .collect()
    }

    #[test]
    fn members_lead_the_author_facet_however_it_is_cut() {
        let c = lab();
        let all = authors(&c, "", "", 10);
        let labels: Vec<_> = all.iter().map(|(l, n, _)| (l.as_str(), *n)).collect();
        // Members by count then name, then everyone else; a member without papers is not listed.
        assert_eq!(
            labels,
            [
                ("Yoshua Bengio", 2),
                ("Ann", 1),
                ("Zed", 1),
                ("Bo", 4),
                ("Cy", 3),
                ("Dee", 1)
            ]
        );
        for limit in 0..=labels.len() {
            assert_eq!(authors(&c, "", "", limit), all[..limit], "limit {limit}");
        }
        // The find box narrows without reordering, and finds a member by an alias.
        let found = |find: &str| -> Vec<String> {
            authors(&c, "", find, 10)
                .into_iter()
                .map(|(l, ..)| l)
                .collect()
        };
        assert_eq!(found("e"), ["Yoshua Bengio", "Zed", "Dee"]);
        assert_eq!(found("y. b"), ["Yoshua Bengio"]);
        assert_eq!(authors(&c, "", "e", 2), authors(&c, "", "e", 10)[..2]);
    }

    #[test]
    fn a_member_selected_by_an_alias_is_one_entry_under_their_name() {
        let c = lab();
        // The URL spells the member twice, neither as the facet shows them.
        let query = "author=Y.%20Bengio&author=yoshua%20bengio";
        let listed = authors(&c, query, "", 2);
        assert_eq!(
            listed,
            [
                ("Yoshua Bengio".to_owned(), 2, true),
                ("Ann".to_owned(), 1, false),
                ("Zed".to_owned(), 1, false),
            ]
        );
        let state = ViewState::from_query(query);
        assert!(c.selects(&state, FilterKind::Author, "Yoshua Bengio"));
        assert!(c.same_value(FilterKind::Author, "Y. Bengio", "YOSHUA BENGIO"));
        assert!(
            c.same_value(FilterKind::Author, "Bo", "bo"),
            "as any author's"
        );
        assert!(!c.same_value(FilterKind::Author, "Bo", "Cy"));
        // Pressing the entry releases every spelling.
        assert_eq!(
            c.toggled(&state, FilterKind::Author, "Yoshua Bengio"),
            ViewState::default()
        );
        assert_eq!(titles(&c, query), ["P2", "P1"]);
        // A member without papers, selected, is listed with 0 under their name as typed.
        assert_eq!(
            authors(&c, "author=Idle%20Member", "", 0),
            [("Idle Member".to_owned(), 0, true)]
        );
    }
}
