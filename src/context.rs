use crate::browser::{record_view, Record};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use papershelf_core::{Catalog, FilterKind, Query, SearchResult, ViewState};
use std::sync::Arc;
use std::time::Duration;

/// Cards rendered at first, and added each time the visitor reaches the end of the list.
pub const PAGE: usize = 8;

/// At most this many cards are in the DOM: scrolling on drops the earliest page (scroll anchoring
/// keeps the view still) and "Show earlier" brings it back.
pub const MAX_RENDERED: usize = 6 * PAGE;

/// Typing writes the address bar once it pauses this long: `history.replaceState` costs a few
/// milliseconds a call, a good part of a keystroke's budget.
const ADDRESS_PAUSE: Duration = Duration::from_millis(250);

/// What every part of the shelf shares: the catalog, the view (which is the URL), the latest
/// search result and its query (for highlighting), how many cards are rendered, and the paper a
/// `#id` link points at.
#[derive(Clone, Copy)]
pub struct Shelf {
    pub catalog: StoredValue<Arc<Catalog>>,
    pub state: RwSignal<ViewState>,
    /// The view without its search text: what facets, chips and the selection follow, so that
    /// typing does not redo them before the search is done.
    pub filters: Memo<ViewState>,
    /// The papers the search matches. It lags the search box while a search runs, and the cards
    /// highlight its `query`, so what is shown and what is highlighted always agree.
    pub found: RwSignal<SearchResult>,
    pub query: Memo<Query>,
    /// The rendered cards are `shown[start..start + limit]`: a `#id` link far down the list
    /// renders the page around its paper rather than everything above it.
    pub start: RwSignal<usize>,
    pub limit: RwSignal<usize>,
    pub target: RwSignal<Option<String>>,
    /// A typed view not yet written to the address bar.
    pending_address: StoredValue<Option<TimeoutHandle>>,
}

impl Shelf {
    pub fn new(catalog: Arc<Catalog>, initial: ViewState) -> Shelf {
        let found = RwSignal::new(catalog.search(Query::parse(&initial.query), None));
        let state = RwSignal::new(initial);
        Shelf {
            catalog: StoredValue::new(catalog),
            state,
            filters: Memo::new(move |_| {
                state.with(|s| ViewState {
                    query: String::new(),
                    ..s.clone()
                })
            }),
            found,
            query: Memo::new(move |_| found.with(|f| f.query.clone())),
            start: RwSignal::new(0),
            limit: RwSignal::new(PAGE),
            target: RwSignal::new(None),
            pending_address: StoredValue::new(None),
        }
    }

    pub fn use_context() -> Shelf {
        expect_context::<Shelf>()
    }

    /// Moves to another view, recording it in the address bar and history.
    pub fn navigate(&self, next: ViewState, record: Record) {
        if self.state.with_untracked(|s| *s == next) {
            return;
        }
        match record {
            Record::Push => {
                self.write_pending_address();
                record_view(&next, Record::Push);
            }
            Record::Replace => {
                self.cancel_pending_address();
                let state = self.state;
                let pending = self.pending_address;
                let write = move || {
                    pending.set_value(None);
                    record_view(&state.get_untracked(), Record::Replace);
                };
                let handle = set_timeout_with_handle(write, ADDRESS_PAUSE).ok();
                self.pending_address.set_value(handle);
            }
        }
        self.state.set(next);
        self.reset_window();
    }

    /// Writes a typed view into the current history entry now (before a click adds the next).
    fn write_pending_address(&self) {
        if self.cancel_pending_address() {
            record_view(&self.state.get_untracked(), Record::Replace);
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

    /// Back to the first page of cards, as after any change of view.
    pub fn reset_window(&self) {
        self.start.set(0);
        self.limit.set(PAGE);
    }

    /// Renders the page of cards holding list position `position`.
    pub fn window_around(&self, position: usize) {
        self.start.set(position / PAGE * PAGE);
        self.limit.set(PAGE);
    }

    /// Adds or removes one facet value (a click: Back undoes it).
    pub fn toggle(&self, kind: FilterKind, value: &str) {
        let mut next = self.state.get_untracked();
        next.toggle(kind, value);
        self.navigate(next, Record::Push);
    }
}
