//! The state every part of the shelf shares, provided as a Leptos context. Components read it
//! through signals and change it only through the named methods here, so that the view, the
//! address bar, the search and the rendered window always move together.

use crate::arrival::{Arrival, Feed};
use crate::browser::{
    now, record_view, refocus_in_place, remember, remembered, reveal, target_from_address,
    view_from_address, window, yield_to_background, yield_to_browser, Record,
};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use papershelf_core::dom_id::{paper_part, Part};
use papershelf_core::{Catalog, FilterKind, FollowUps, Query, SearchResult, Selection, ViewState};
use std::ptr;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// Cards rendered at first, and added each time the visitor reaches the end of the list.
pub const PAGE: usize = 8;

/// Cards rendered at first: a small catalog all at once (so the page prerendered at build time
/// holds every paper), a large one a page.
fn first_window(papers: usize) -> usize {
    if papers <= MAX_RENDERED {
        MAX_RENDERED
    } else {
        PAGE
    }
}

/// At most this many cards are in the DOM: scrolling on drops the earliest page (scroll anchoring
/// keeps the view still) and "Show earlier" brings it back.
pub const MAX_RENDERED: usize = 6 * PAGE;

/// Typing writes the address bar once it pauses this long: `history.replaceState` costs a few
/// milliseconds a call, a good part of a keystroke's budget.
const ADDRESS_PAUSE: Duration = Duration::from_millis(250);

/// Papers scanned between checks of the clock while searching.
const SEARCH_SLICE: usize = 500;

/// Papers counted between checks of the clock while selecting: counting one is a few of its
/// fields, where searching reads its texts.
const SELECT_SLICE: usize = 2_000;

/// Papers whose follow-ups are worked out in one background task: all their texts are read, a
/// millisecond's work or less.
const FOLLOW_UP_SLICE: usize = 200;

/// Milliseconds a search runs before letting the browser paint and take keys. A visitor's key
/// comes down and up as two events: the key's release usually lands while the search for the
/// key runs, and waits for the slice to end before the browser handles and paints it. Short
/// slices keep that wait to a few ms (a hop to the browser costs well under 1 ms with
/// `scheduler.yield`).
const SEARCH_BUDGET_MS: f64 = 4.0;

/// The catalog, the view (which is the URL), the latest search result, the selection, the window
/// of rendered cards and the paper a `#id` link points at.
#[derive(Clone, Copy)]
pub struct ShelfContext {
    /// The catalog the search result was found in: while the file streams in, each newer one
    /// takes its place with a search of its own (see `replace_catalog`).
    catalog: RwSignal<Arc<Catalog>>,
    /// Catalogs taken in so far, which the cards are keyed by: a paper's card is made again
    /// from the newer catalog (its id, or a topic's spelling, may have changed).
    version: RwSignal<u32>,
    arrival: RwSignal<Arrival>,
    state: RwSignal<ViewState>,
    filters: Memo<ViewState>,
    /// The papers the search matches. It lags the search box while a search runs, and the cards
    /// highlight its `query`, so what is shown and what is highlighted always agree.
    found: RwSignal<SearchResult>,
    query: Memo<Query>,
    selection: Memo<Selection>,
    /// The selection of `found`, counted in slices beside its search, for the selection memo to
    /// take rather than count it again in one go.
    prepared: StoredValue<Option<Selection>>,
    /// The rendered cards are `shown[start..start + limit]`: a `#id` link far down the list
    /// renders the page around its paper rather than everything above it.
    start: RwSignal<usize>,
    limit: RwSignal<usize>,
    target: RwSignal<Option<String>>,
    /// What the search box holds when it is ahead of the view: a key's own task only notes it,
    /// and the view (with its search) takes it in a task after the key's frame.
    typed: StoredValue<Option<String>>,
    /// A typed view not yet written to the address bar.
    pending_address: StoredValue<Option<TimeoutHandle>>,
    /// What the address bar shows while a typed view waits to be written.
    address_before_typing: StoredValue<Option<ViewState>>,
    /// Bumped by every new search, so that a slower, older one never overwrites its result.
    search_generation: StoredValue<u64>,
    /// What follows the last term of `found`'s query in the papers it matched, once worked out:
    /// the next key, one more letter of that term, is then found without reading a text.
    follow_ups: StoredValue<Option<FollowUps>>,
    /// Whether every abstract is expanded: the visitor's choice, remembered between visits.
    abstracts_open: RwSignal<bool>,
    /// Printing: every abstract is expanded, whatever each card's own state.
    printing: RwSignal<bool>,
    /// The rendered window before printing rendered every paper.
    print_window: StoredValue<Option<(usize, usize)>>,
}

/// Where the "Expand all abstracts" choice is kept.
const ABSTRACTS_KEY: &str = "papershelf-abstracts";

impl ShelfContext {
    /// The shared state for the feed's catalog, showing `initial`, with the search kept following
    /// the view and the catalog following the feed.
    pub fn new(feed: Feed, initial: ViewState) -> ShelfContext {
        let catalog = RwSignal::new(feed.catalog.get_untracked());
        let total = catalog.with_untracked(|c| c.papers.len());
        let found =
            RwSignal::new(catalog.with_untracked(|c| c.search(Query::parse(&initial.query), None)));
        let state = RwSignal::new(initial);
        // The view without its search text: what facets, chips and the selection follow, so that
        // typing does not redo them before the search is done.
        let filters = Memo::new(move |_| state.with(ViewState::without_search));
        // The catalog the last selection was made in, which a selection made in the same one
        // starts from (a `Weak`: it keeps no catalog alive, and no other can take its address).
        let selected_in = StoredValue::new(Weak::new());
        let prepared = StoredValue::new(None::<Selection>);
        let selection = Memo::new(move |previous: Option<&Selection>| {
            catalog.with(|c| {
                let same_catalog = selected_in.with_value(|w| ptr::eq(w.as_ptr(), Arc::as_ptr(c)));
                selected_in.set_value(Arc::downgrade(c));
                let previous = previous.filter(|_| same_catalog);
                let ready = prepared.try_update_value(Option::take).flatten();
                filters.with(|s| {
                    found.with(|f| {
                        ready
                            .filter(|r| r.is_of(s, f))
                            .unwrap_or_else(|| c.select_refined(s, f, previous))
                    })
                })
            })
        });
        let shelf = ShelfContext {
            catalog,
            version: RwSignal::new(0),
            arrival: feed.arrival,
            state,
            filters,
            found,
            query: Memo::new(move |_| found.with(|f| f.query.clone())),
            selection,
            prepared,
            start: RwSignal::new(0),
            limit: RwSignal::new(first_window(total)),
            target: RwSignal::new(None),
            typed: StoredValue::new(None),
            pending_address: StoredValue::new(None),
            address_before_typing: StoredValue::new(None),
            search_generation: StoredValue::new(0),
            follow_ups: StoredValue::new(None),
            abstracts_open: RwSignal::new(remembered(ABSTRACTS_KEY).as_deref() == Some("open")),
            printing: RwSignal::new(false),
            print_window: StoredValue::new(None),
        };
        shelf.follow_search();
        Effect::new(move |_| {
            let newer = feed.catalog.get();
            if !shelf.catalog.with_untracked(|c| Arc::ptr_eq(c, &newer)) {
                shelf.replace_catalog(newer);
            }
        });
        shelf
    }

    /// The catalog shown (tracked: what reads it follows a newer one).
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog.get()
    }

    /// How many catalogs the shelf has taken in: cards made from an earlier one are made again.
    pub fn version(&self) -> u32 {
        self.version.get()
    }

    /// Where the download stands.
    pub fn arrival(&self) -> ReadSignal<Arrival> {
        self.arrival.read_only()
    }

    /// Takes in a newer catalog (more of a file still streaming in, or the whole), searched at
    /// once for the view's query, so that the list, the counts and the highlights move together
    /// and the view (the URL, the search box) stays as it is.
    fn replace_catalog(&self, catalog: Arc<Catalog>) {
        // Cards are made again from a newer catalog: focus in one (the card a `#id` link opened)
        // goes to its twin, not to `<body>` with the old one, and the window stays where the
        // visitor scrolled it.
        let in_card = window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .filter(|active| active.closest(".paper").ok().flatten().is_some())
            .map(|active| active.id())
            .filter(|id| !id.is_empty());
        let query = self.state.with_untracked(|s| Query::parse(&s.query));
        // A search still running on the older catalog is abandoned.
        self.search_generation.update_value(|g| *g += 1);
        let found = catalog.search(query, None);
        self.catalog.set(catalog);
        self.set_found(found, None);
        self.version.update(|v| *v += 1);
        if let Some(id) = in_card {
            refocus_in_place(id);
        }
    }

    /// The view the page shows; the address bar follows it once typing pauses, and the search box
    /// may be a key ahead of it (see `view`).
    pub fn state(&self) -> ReadSignal<ViewState> {
        self.state.read_only()
    }

    /// The view with what the search box holds, untracked: what a change of view starts from, so
    /// that a click in the same moment as a key keeps the typed search.
    pub fn view(&self) -> ViewState {
        let mut view = self.state.get_untracked();
        if let Some(typed) = self.typed.get_value() {
            view.query = typed;
        }
        view
    }

    /// Notes what the search box holds after a key. The view takes it in a task queued from the
    /// next frame, so the search never holds back the frame that shows the key; keys typed before
    /// then share one search.
    pub fn type_query(&self, query: String) {
        let waiting = self
            .typed
            .try_update_value(|typed| typed.replace(query).is_some())
            .unwrap_or(false);
        if !waiting {
            let shelf = *self;
            request_animation_frame(move || {
                set_timeout(move || shelf.take_typed(), Duration::ZERO)
            });
        }
    }

    /// Moves the view to what the search box holds, if it is ahead.
    fn take_typed(&self) {
        if let Some(query) = self.typed.try_update_value(Option::take).flatten() {
            let next = ViewState {
                query,
                ..self.state.get_untracked()
            };
            self.navigate(next, Record::Replace);
        }
    }

    pub fn filters(&self) -> Memo<ViewState> {
        self.filters
    }

    /// The query the shown papers were found with, for highlighting.
    pub fn query(&self) -> Memo<Query> {
        self.query
    }

    pub fn selection(&self) -> Memo<Selection> {
        self.selection
    }

    /// Where the rendered window of cards starts, and how many it holds.
    pub fn window(&self) -> (ReadSignal<usize>, ReadSignal<usize>) {
        (self.start.read_only(), self.limit.read_only())
    }

    /// The data id of the paper a `#id` link points at.
    pub fn target(&self) -> ReadSignal<Option<String>> {
        self.target.read_only()
    }

    /// Whether every abstract is expanded (each card can still be toggled on its own).
    pub fn abstracts_open(&self) -> ReadSignal<bool> {
        self.abstracts_open.read_only()
    }

    /// Expands or collapses every abstract, and remembers the choice for the next visit.
    pub fn set_abstracts_open(&self, open: bool) {
        remember(ABSTRACTS_KEY, if open { "open" } else { "closed" });
        self.abstracts_open.set(open);
    }

    /// Whether the page is being printed.
    pub fn printing(&self) -> ReadSignal<bool> {
        self.printing.read_only()
    }

    /// Whether the catalog is of a file not (yet) read whole: its title-made ids may still change,
    /// and what needs the whole (Cite, which reads the file again) waits for it.
    pub fn is_provisional(&self) -> bool {
        self.arrival.with_untracked(|a| *a != Arrival::Complete)
    }

    /// Before printing, renders every shown paper (up to `max`) with its abstract open; after,
    /// the window returns to where it was. A visitor prints the list, not the cards in view.
    pub fn set_printing(&self, printing: bool, max: usize) {
        if printing {
            let shown = self.selection.with_untracked(|s| s.shown.len());
            self.print_window.set_value(Some((
                self.start.get_untracked(),
                self.limit.get_untracked(),
            )));
            self.start.set(0);
            self.limit.set(shown.min(max));
        } else if let Some((start, limit)) =
            self.print_window.try_update_value(Option::take).flatten()
        {
            self.start.set(start);
            self.limit.set(limit);
        }
        self.printing.set(printing);
    }

    /// Moves to another view, recording it in the address bar and history.
    pub fn navigate(&self, next: ViewState, record: Record) {
        // The typed search first, in the history entry it belongs to.
        self.take_typed();
        if self.state.with_untracked(|s| *s == next) {
            return;
        }
        match record {
            Record::Push => {
                self.write_pending_address();
                record_view(&next, Record::Push, None);
            }
            Record::Replace => {
                if !self.cancel_pending_address() {
                    let shown = self.state.get_untracked();
                    self.address_before_typing.set_value(Some(shown));
                }
                let state = self.state;
                let pending = self.pending_address;
                let write = move || {
                    pending.set_value(None);
                    record_view(&state.get_untracked(), Record::Replace, None);
                };
                let handle = set_timeout_with_handle(write, ADDRESS_PAUSE).ok();
                self.pending_address.set_value(handle);
            }
        }
        self.state.set(next);
        self.reset_window();
    }

    /// Adds or removes one facet value, matched in any spelling the catalog treats as the same
    /// (a click: Back undoes it).
    pub fn toggle(&self, kind: FilterKind, value: &str) {
        let next = self
            .catalog
            .with_untracked(|c| c.toggled(&self.view(), kind, value));
        self.navigate(next, Record::Push);
    }

    /// Takes the view from the address bar after Back or Forward.
    pub fn restore(&self) {
        self.take_typed();
        let next = view_from_address();
        let before_typing = self
            .address_before_typing
            .try_update_value(Option::take)
            .flatten();
        if self.cancel_pending_address() && before_typing.as_ref() == Some(&next) {
            // Only the fragment moved (a `#id` link) while typing waited to be written: the typed
            // view stays, and goes into the address with the new fragment.
            let target = target_from_address();
            record_view(
                &self.state.get_untracked(),
                Record::Replace,
                target.as_deref(),
            );
            return;
        }
        if self.state.with_untracked(|s| *s != next) {
            self.state.set(next);
            self.reset_window();
        }
    }

    /// Opens the card of the paper with data id `id`: drops whatever in the view hides it, renders
    /// the page of cards around it, and brings it into view with focus. An unknown id is ignored.
    pub fn open(&self, id: &str) {
        let catalog = self.catalog();
        let Some(idx) = catalog.paper_index(id) else {
            return;
        };
        self.take_typed();
        let next = self
            .state
            .with_untracked(|state| catalog.revealing(state, idx));
        if self.state.with_untracked(|s| *s != next) {
            self.cancel_pending_address();
            record_view(&next, Record::Replace, Some(id));
            self.state.set(next);
        }
        // The selection must hold the paper now, not after a search in slices: search at once.
        let wanted = self.state.with_untracked(|s| Query::parse(&s.query));
        if self.found.with_untracked(|f| f.query != wanted) {
            self.search_generation.update_value(|g| *g += 1);
            self.set_found(catalog.search(wanted, None), None);
        }
        let position = self
            .selection
            .with_untracked(|s| s.shown.iter().position(|&i| i == idx));
        if let Some(position) = position {
            let (start, limit) = (self.start.get_untracked(), self.limit.get_untracked());
            if !(start..start + limit).contains(&position) {
                self.start.set(position / PAGE * PAGE);
                self.limit.set(PAGE);
            }
        }
        self.target.set(Some(id.to_owned()));
        reveal(paper_part(Part::Card, id));
    }

    /// Whether the card of the paper with data id `id` is among the rendered ones.
    pub fn renders(&self, id: &str) -> bool {
        let Some(idx) = self.catalog.with_untracked(|c| c.paper_index(id)) else {
            return false;
        };
        let (start, limit) = (self.start.get_untracked(), self.limit.get_untracked());
        self.selection.with_untracked(|s| {
            s.shown
                .iter()
                .position(|&i| i == idx)
                .is_some_and(|p| (start..start + limit).contains(&p))
        })
    }

    /// Renders the next page of cards, dropping the earliest once too many are rendered.
    pub fn show_more(&self) {
        if self.limit.get_untracked() + PAGE > MAX_RENDERED {
            self.start.update(|s| *s += PAGE);
        } else {
            self.limit.update(|l| *l += PAGE);
        }
    }

    /// Renders the page of cards before the window.
    pub fn show_earlier(&self) {
        let step = self.start.get_untracked().min(PAGE);
        self.start.update(|s| *s -= step);
        if self.limit.get_untracked() + step <= MAX_RENDERED {
            self.limit.update(|l| *l += step);
        }
    }

    /// Back to the first page of cards, as after any change of view.
    fn reset_window(&self) {
        let first = first_window(self.catalog.with_untracked(|c| c.papers.len()));
        // Set only when it moved: each set re-renders the list, and typing resets on every key.
        if self.start.get_untracked() != 0 {
            self.start.set(0);
        }
        if self.limit.get_untracked() != first {
            self.limit.set(first);
        }
    }

    /// Writes a typed view into the current history entry now (before a click adds the next).
    fn write_pending_address(&self) {
        if self.cancel_pending_address() {
            record_view(&self.state.get_untracked(), Record::Replace, None);
        }
    }

    /// Whether a typed view was waiting to be written.
    fn cancel_pending_address(&self) -> bool {
        match self
            .pending_address
            .try_update_value(Option::take)
            .flatten()
        {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }

    /// Shows a search's result, and its selection if it is counted already. The follow-ups of the
    /// one before it follow it no longer.
    fn set_found(&self, result: SearchResult, selection: Option<Selection>) {
        self.follow_ups.set_value(None);
        self.prepared.set_value(selection);
        self.found.set(result);
    }

    /// Searches again whenever the view's query changes. The result is kept apart from the
    /// facets: a facet click does not search again, and a refined query (one more letter) scans
    /// only the previous matches. A long scan, and the counting of what it found, run in slices
    /// between which the browser paints and takes keys; a newer query abandons them. Until both
    /// are done, the list and the highlights stay as they were: one update per search, not two.
    fn follow_search(&self) {
        let (state, found, catalog) = (self.state, self.found, self.catalog);
        let (generation, follow_ups) = (self.search_generation, self.follow_ups);
        let shelf = *self;
        let wanted = Memo::new(move |_| state.with(|s| Query::parse(&s.query)));
        Effect::new(move |_| {
            let query = wanted.get();
            generation.update_value(|g| *g += 1);
            // Already found: the first search, or one `open` ran at once.
            if found.with_untracked(|f| f.query == query) {
                return;
            }
            let mine = generation.get_value();
            let catalog = catalog.get_untracked();
            spawn_local(async move {
                // A newer search began meanwhile (a key, a newer catalog, a card opened): this
                // one's result, or its follow-ups, would be stale.
                let superseded = || generation.get_value() != mine;
                // A newer catalog taken in before this began brought its own result: `found` is
                // then not of `catalog`, whose papers its matches do not index.
                if superseded() {
                    return;
                }
                let earlier = found.get_untracked();
                let mut run = follow_ups
                    .with_value(|ups| catalog.start_search(query, Some(&earlier), ups.as_ref()));
                if !in_slices(|| run.step(SEARCH_SLICE), superseded).await {
                    return;
                }
                let result = run.finish();
                // Its selection too: at 100,000 papers, counting a word's first keys takes longer
                // than a frame. `catalog` is still the shelf's (the search was not superseded),
                // so the selection shown, brought up to date as it is read, is of it too.
                let mut selecting = shelf.filters.with_untracked(|s| {
                    shelf.selection.with_untracked(|previous| {
                        catalog.start_selection(s, &result, Some(previous))
                    })
                });
                if !in_slices(|| selecting.step(SELECT_SLICE), superseded).await {
                    return;
                }
                shelf.set_found(result, Some(selecting.finish()));
                // The follow-ups, while the visitor reads the result.
                let Some(mut run) = found.with_untracked(|f| catalog.start_follow_ups(f)) else {
                    return;
                };
                loop {
                    yield_to_background().await;
                    if superseded() {
                        return;
                    }
                    if run.step(FOLLOW_UP_SLICE) {
                        follow_ups.set_value(Some(run.finish()));
                        return;
                    }
                }
            });
        });
    }
}

/// Calls `step` until it says it is done, letting the browser paint and take keys every
/// `SEARCH_BUDGET_MS`. False if `superseded` at a pause or at the end: the work is then stale.
async fn in_slices(mut step: impl FnMut() -> bool, superseded: impl Fn() -> bool) -> bool {
    let mut slice_start = now();
    while !step() {
        if now() - slice_start > SEARCH_BUDGET_MS {
            yield_to_browser().await;
            if superseded() {
                return false;
            }
            slice_start = now();
        }
    }
    !superseded()
}
