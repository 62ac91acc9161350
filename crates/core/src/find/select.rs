//! From a view state to what the page shows: the papers that match, in order, and the faceted
//! counts, computed in one pass over the catalog.
//!
//! Facet counts follow DBLP and e-shops: each value's count is the number of papers the list
//! would show if that value were added, given the search and the *other* facets' selections.
//! Within a facet, selected values are alternatives (OR); across facets and the search, all must
//! hold (AND).

use crate::catalog::{AuthorId, Catalog, Paper, PaperIdx};
use crate::fold::{fold, SearchText};
use crate::follow::{FollowUpRun, FollowUps};
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
    pub(crate) matches: Option<Vec<PaperIdx>>,
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
    /// Whether every candidate matches (the follow-ups of the last search decided it).
    pub(crate) decided: bool,
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
            if self.decided || self.matches_paper(idx) {
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
    /// abstract, topics, venue, badge or award. Given the previous result, a refined query scans
    /// only what that one matched; given that result's follow-ups too, one more letter of its last
    /// term is found without a scan.
    pub fn start_search(
        &self,
        query: Query,
        previous: Option<&SearchResult>,
        follow_ups: Option<&FollowUps>,
    ) -> SearchRun<'_> {
        let finders: Vec<Finder<'static>> = query
            .terms
            .iter()
            .map(|t| Finder::new(t.as_bytes()).into_owned())
            .collect();
        let hits = |kind: FilterKind| -> Vec<Vec<bool>> {
            let names = self.folded_names(kind);
            finders.iter().map(|f| names.containing(f)).collect()
        };
        let mut decided = false;
        let candidates = match previous {
            Some(SearchResult {
                query: earlier,
                matches: Some(earlier_matches),
            }) if query.refines(earlier) => {
                let narrowed = follow_ups.and_then(|f| f.narrow(earlier, earlier_matches, &query));
                decided = narrowed.is_some();
                Some(narrowed.unwrap_or_else(|| earlier_matches.clone()))
            }
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
            decided,
            next: 0,
            matches: Vec::new(),
        }
    }

    /// Searches in one go.
    pub fn search(&self, query: Query, previous: Option<&SearchResult>) -> SearchResult {
        self.start_search(query, previous, None).finish()
    }

    /// Starts working out what follows the last term of `result`'s query in the papers it
    /// matched (see [`FollowUps`]). `None` for an empty query, which matches everything (the key
    /// after it starts a term, which the letters decide), and for a term of one letter, whose
    /// next one the letter pairs decide.
    pub fn start_follow_ups(&self, result: &SearchResult) -> Option<FollowUpRun<'_>> {
        FollowUpRun::new(self, &result.query, result.matches.as_ref()?)
    }
}

/// What a view shows: the papers in order, and how many papers each facet value would give.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The matching papers, in the view's sort order.
    pub shown: Vec<PaperIdx>,
    counts: Counts,
    /// What it was selected from, for the next selection to start from it (see
    /// [`Catalog::select_refined`]).
    basis: Option<Basis>,
}

/// A selection in progress (see [`Catalog::start_selection`]), resumable in slices.
pub struct SelectionRun<'c> {
    catalog: &'c Catalog,
    facets: Facets,
    counts: Counts,
    /// When refining, the papers the earlier search matched that this one does not, to take out
    /// again; otherwise every match (`basis.matches`, `None` for every paper) is counted in.
    dropped: Option<Vec<PaperIdx>>,
    /// When refining, the earlier selection's list, from which the papers taken out go.
    kept: Option<Vec<PaperIdx>>,
    /// Per paper: taken out (refining), or shown.
    marked: Vec<bool>,
    next: usize,
    basis: Basis,
}

impl SelectionRun<'_> {
    /// Counts up to `papers` more papers; returns whether all are counted.
    pub fn step(&mut self, papers: usize) -> bool {
        let visit = self.dropped.as_deref().or(self.basis.matches.as_deref());
        let len = visit.map_or(self.catalog.papers.len(), <[PaperIdx]>::len);
        let end = len.min(self.next.saturating_add(papers));
        let out = self.kept.is_some();
        for i in self.next..end {
            let idx = visit.map_or(i as PaperIdx, |v| v[i]) as usize;
            let shown = self
                .counts
                .tally(&self.catalog.papers[idx], &self.facets, out);
            self.marked[idx] = out || shown;
        }
        self.next = end;
        end == len
    }

    /// The selection, once every paper left is counted.
    pub fn finish(mut self) -> Selection {
        self.step(usize::MAX);
        let marked = &self.marked;
        let shown = match self.kept {
            Some(kept) => kept.into_iter().filter(|&i| !marked[i as usize]).collect(),
            // Counting visits the matches in catalog order, which reads the papers front to back
            // (in sort order it would jump around 100,000 of them); the list then follows the sort.
            None => (self.catalog.order(self.basis.filters.sort).iter().copied())
                .filter(|&i| marked[i as usize])
                .collect(),
        };
        Selection {
            shown,
            counts: self.counts,
            basis: Some(self.basis),
        }
    }
}

impl Selection {
    /// Whether this is the selection of `state` given `search`'s result (in the catalog it was
    /// made in): a selection counted ahead of time is checked before it is shown.
    pub fn is_of(&self, state: &ViewState, search: &SearchResult) -> bool {
        self.basis.as_ref().is_some_and(|basis| {
            basis.filters == state.without_search() && basis.matches == search.matches
        })
    }
}

/// Two selections are equal when they show and count the same, whatever they were selected from.
impl PartialEq for Selection {
    fn eq(&self, other: &Selection) -> bool {
        self.shown == other.shown && self.counts == other.counts
    }
}

/// What a selection was selected from: the view without its search, the search's matches, and
/// the catalog's size.
#[derive(Debug, Clone)]
struct Basis {
    filters: ViewState,
    matches: Option<Vec<PaperIdx>>,
    papers: usize,
}

/// How many papers each facet value would give.
#[derive(Debug, Clone, Default, PartialEq)]
struct Counts {
    authors: Vec<u32>,
    topics: Vec<u32>,
    /// (year, count), newest first, non-zero counts only.
    years: Vec<(i32, u32)>,
    /// Per type, in the order of [`PaperType::ALL`].
    types: [u32; PaperType::ALL.len()],
    /// Featured papers the view would show with the featured filter on.
    featured: u32,
}

impl Counts {
    /// Counts `paper` in (or, `out`, takes it out again) under `facets`, as the facets count:
    /// each value's count given the other facets' selections. Returns whether the view shows it.
    fn tally(&mut self, paper: &Paper, facets: &Facets, out: bool) -> bool {
        let a = facets.author_ok(paper);
        let t = facets.topic_ok(paper);
        let y = facets.year_ok(paper);
        let k = facets.type_ok(paper);
        let f = facets.featured_ok(paper);
        let step = |count: &mut u32| *count = if out { *count - 1 } else { *count + 1 };
        if t && y && k && f {
            for &id in &paper.authors {
                step(&mut self.authors[id as usize]);
            }
        }
        if a && y && k && f {
            for &id in &paper.topics {
                step(&mut self.topics[id as usize]);
            }
        }
        if let (true, Some(year)) = (a && t && k && f, paper.year) {
            // Kept newest first as it grows: a few dozen years, no sort afterwards.
            match self.years.binary_search_by(|&(y, _)| year.cmp(&y)) {
                Ok(at) => {
                    step(&mut self.years[at].1);
                    if self.years[at].1 == 0 {
                        self.years.remove(at);
                    }
                }
                Err(at) => self.years.insert(at, (year, 1)),
            }
        }
        if let (true, Some(kind)) = (a && t && y && f, paper.paper_type) {
            step(&mut self.types[kind as usize]);
        }
        let shown = a && t && y && k && f;
        if shown && paper.featured {
            step(&mut self.featured);
        }
        shown
    }
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
        self.select_refined(state, search, None)
    }

    /// The selection of `state` given its search's result, as [`Catalog::select_searched`] gives
    /// it, worked out from the `previous` selection (in this catalog) when that is less work: when
    /// `previous` is of the same filters and an earlier search whose matches hold this one's, it
    /// takes out the papers this search no longer matches, where there are fewer of them than of
    /// matches. The first keys of a word match nearly every paper: counting them all again was
    /// the larger part of such a keystroke at 100,000 papers.
    pub fn select_refined(
        &self,
        state: &ViewState,
        search: &SearchResult,
        previous: Option<&Selection>,
    ) -> Selection {
        self.start_selection(state, search, previous).finish()
    }

    /// [`Catalog::select_refined`] in slices, as a search runs: at 100,000 papers counting a
    /// word's first keys takes longer than a frame.
    pub fn start_selection(
        &self,
        state: &ViewState,
        search: &SearchResult,
        previous: Option<&Selection>,
    ) -> SelectionRun<'_> {
        let refined = previous.and_then(|p| Some((p, self.dropped_since(p, state, search)?)));
        let (counts, dropped, kept) = match refined {
            Some((previous, dropped)) => (
                previous.counts.clone(),
                Some(dropped),
                Some(previous.shown.clone()),
            ),
            None => {
                let counts = Counts {
                    authors: vec![0; self.authors.len()],
                    topics: vec![0; self.topics.len()],
                    ..Counts::default()
                };
                (counts, None, None)
            }
        };
        SelectionRun {
            catalog: self,
            facets: Facets::new(self, state),
            counts,
            dropped,
            kept,
            marked: vec![false; self.papers.len()],
            next: 0,
            basis: Basis {
                filters: state.without_search(),
                matches: search.matches.clone(),
                papers: self.papers.len(),
            },
        }
    }

    /// The papers `previous`'s search matched that `search` does not, if `previous` is of the
    /// same filters and catalog, its matches hold `search`'s, and there are fewer of them than
    /// of `search`'s matches.
    fn dropped_since(
        &self,
        previous: &Selection,
        state: &ViewState,
        search: &SearchResult,
    ) -> Option<Vec<PaperIdx>> {
        let basis = previous.basis.as_ref()?;
        let matches = search.matches.as_ref()?;
        let same_filters = state.without_search() == basis.filters;
        if !same_filters || basis.papers != self.papers.len() {
            return None;
        }
        // The earlier matches, `None` for every paper.
        let earlier = basis.matches.as_deref();
        let earlier_len = earlier.map_or(self.papers.len(), <[PaperIdx]>::len);
        let mut dropped = Vec::new();
        let mut kept = 0;
        for i in 0..earlier_len {
            let idx = earlier.map_or(i as PaperIdx, |e| e[i]);
            if matches.get(kept) == Some(&idx) {
                kept += 1;
            } else {
                dropped.push(idx);
                if dropped.len() >= matches.len() {
                    return None;
                }
            }
        }
        // Every match must have been among the earlier ones, in the same order.
        (kept == matches.len()).then_some(dropped)
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
                            sel.counts.authors[id as usize],
                        ),
                        None => (value.clone(), 0),
                    },
                    FilterKind::Topic => match self.topic_id(value) {
                        Some(id) => (self.topic(id).label.clone(), sel.counts.topics[id as usize]),
                        None => (value.clone(), 0),
                    },
                    FilterKind::Year => (year_label(value), sel.count_years(value)),
                    FilterKind::Type => match PaperType::from_key(value) {
                        Some(kind) => (kind.label().to_owned(), sel.counts.types[kind as usize]),
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
                .counts
                .years
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
                .filter(|&kind| sel.counts.types[kind as usize] > 0)
                .filter(|kind| {
                    !out.iter()
                        .any(|v| self.same_value(FilterKind::Type, &v.value, kind.key()))
                })
                .map(|kind| FacetValue {
                    label: kind.label().to_owned(),
                    value: kind.key().to_owned(),
                    count: sel.counts.types[kind as usize],
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
            FilterKind::Topic => &sel.counts.topics,
            _ => &sel.counts.authors,
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
            .start_search(Query::parse(&state.query), None, None)
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
        self.counts.featured
    }

    fn count_years(&self, value: &str) -> u32 {
        parse_years(value).map_or(0, |(from, to)| {
            self.counts
                .years
                .iter()
                .filter(|(y, _)| (from..=to).contains(y))
                .map(|(_, n)| n)
                .sum()
        })
    }
}

#[cfg(test)]
mod tests;
