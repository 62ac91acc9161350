//! The list of shown papers, rendered a window at a time.

use crate::browser::keep_focus;
use crate::context::{ShelfContext, PAGE};
use crate::paper_card::PaperCard;
use leptos::either::Either;
use leptos::html::Button;
use leptos::prelude::*;
use papershelf_core::dom_id::{paper_part, Part, COUNT};
use papershelf_core::text::group_digits;
use papershelf_core::Sort;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where the rendered cards end, given where the window would end: a few papers left over are
/// rendered too rather than put behind "Show more" (a twelve-paper shelf shows whole).
fn window_end(len: usize, end: usize) -> usize {
    if len <= end + PAGE / 2 {
        len
    } else {
        end
    }
}

/// One item of the rendered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Row {
    /// The heading over a year's papers, when the list is sorted by year.
    Year(Option<i32>),
    /// A paper, whether it is under a year heading (its title is then a level lower), and the
    /// version of the catalog its card is made from (see `ShelfContext::version`).
    Paper(u32, bool, u32),
}

/// The shown papers as cards, keyed by paper so unchanged cards are kept across updates. Only a
/// window of them is rendered; more follow as the visitor nears the end of the list (or presses
/// the button) and the earliest go, so a 100,000-paper catalog costs the DOM no more than a few
/// pages of cards.
#[component]
pub fn PaperList() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let selection = shelf.selection();
    let (start, limit) = shelf.window();
    let end = move || selection.with(|s| window_end(s.shown.len(), start.get() + limit.get()));
    // From the filters, not the search box's state: typing does not touch the sort.
    let grouped = move || shelf.filters().with(|s| s.sort != Sort::Title);
    let rendered = move || {
        let catalog = shelf.catalog();
        let version = shelf.version();
        let grouped = grouped();
        let year = |idx: u32| catalog.papers[idx as usize].year;
        selection.with(|s| {
            let mut rows = Vec::new();
            // The window may start inside a year: its first card gets the heading too.
            let mut heading = None;
            for &idx in &s.shown[start.get().min(end())..end()] {
                if grouped && heading != Some(year(idx)) {
                    heading = Some(year(idx));
                    rows.push(Row::Year(year(idx)));
                }
                rows.push(Row::Paper(idx, grouped, version));
            }
            rows
        })
    };
    let remaining = move || selection.with(|s| s.shown.len() - end());
    let more = move || shelf.show_more();
    // A button that shows the last cards it can goes away: focus moves to the first card it
    // brought in, or, above the list, to the count.
    let more_pressed = move || {
        let first_new = untrack(move || selection.with(|s| s.shown.get(end()).copied()));
        more();
        if let Some(idx) = first_new {
            let id = shelf.catalog().papers[idx as usize].id.clone();
            keep_focus(None, paper_part(Part::Card, &id));
        }
    };
    let earlier_pressed = move || {
        shelf.show_earlier();
        keep_focus(None, COUNT.to_owned());
    };
    let button = NodeRef::<Button>::new();
    // Load more when the button scrolls near the viewport; the button stays for keyboards.
    Effect::new(move |_| {
        let Some(element) = button.get() else { return };
        let on_visible = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .any(|e| e.is_intersecting());
            if visible {
                more();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("800px 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            on_visible.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&element);
            on_cleanup({
                let observer = send_wrapper::SendWrapper::new(observer);
                move || observer.disconnect()
            });
        }
        on_visible.forget();
    });

    view! {
        <Show when=move || { start.get() > 0 }>
            <button type="button" class="button more" on:click=move |_| earlier_pressed()>
                {move || format!("Show earlier ({} above)", group_digits(start.get()))}
            </button>
        </Show>
        <div class="papers">
            // `Either`, not `AnyView`: a keyed row is never rebuilt in place, and an `AnyView`
            // would still carry the code to rebuild a whole card (a few KB of the bundle).
            <For each=rendered key=|row| *row let:row>
                {match row {
                    Row::Year(year) => Either::Left(view! {
                        <h2 class="year-heading">
                            {year.map_or_else(|| "Year not given".to_owned(), |y| y.to_string())}
                        </h2>
                    }),
                    Row::Paper(idx, grouped, _) => Either::Right(view! { <PaperCard idx grouped /> }),
                }}
            </For>
        </div>
        <Show when=move || { remaining() > 0 }>
            <button type="button" class="button more" node_ref=button on:click=move |_| more_pressed()>
                {move || format!("Show more ({} not shown yet)", group_digits(remaining()))}
            </button>
        </Show>
    }
}
