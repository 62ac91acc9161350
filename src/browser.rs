//! The few places the site touches the browser beyond rendering: the address bar, history,
//! scrolling and focus, and the clipboard. Kept here so components read as plain Leptos.

use leptos::prelude::*;
use papershelf_core::url::{decode_fragment, encode_component};
use papershelf_core::ViewState;
use wasm_bindgen::{JsCast, JsValue};

/// How a view change is recorded: typing replaces the current entry, a click adds one so that
/// Back returns to the previous view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Push,
    Replace,
}

/// The browser window; none when the components are rendered to HTML at build time, where every
/// reading of the address, storage or the document finds nothing and every writing does nothing.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn location() -> Option<web_sys::Location> {
    window().map(|w| w.location())
}

/// The view the address bar describes.
pub fn view_from_address() -> ViewState {
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    ViewState::from_query(&search)
}

/// The paper id in the address bar's `#fragment`, if any.
pub fn target_from_address() -> Option<String> {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    // Only the fragment's own `#`: a paper's id may begin with `#` too.
    let id = decode_fragment(hash.strip_prefix('#').unwrap_or(&hash));
    (!id.is_empty()).then_some(id)
}

/// Writes a view into the address bar and history, with `target` (a paper id) as the fragment.
/// Without one the fragment is dropped: it named the paper the visitor arrived at, and they have
/// moved on.
pub fn record_view(state: &ViewState, record: Record, target: Option<&str>) {
    let Some(window) = window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let fragment = target
        .map(|id| format!("#{}", encode_component(id)))
        .unwrap_or_default();
    let url = format!("{path}{}{fragment}", state.to_query());
    let _ = match record {
        Record::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Record::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// The permalink of a paper: this page, no filters, the paper's id as fragment.
pub fn permalink(id: &str) -> String {
    let Some(location) = location() else {
        return format!("#{id}");
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}#{}", encode_component(id))
}

/// Copies text; `false` when the browser refused (no clipboard outside secure contexts).
async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Copies `text` and says so on the control that asked, for a few seconds: `copied` becomes
/// `Some(true)`, or `Some(false)` when the browser refused, then `None` again.
pub fn copy_and_confirm(text: String, copied: RwSignal<Option<bool>>) {
    leptos::task::spawn_local(async move {
        copied.set(Some(copy_text(&text).await));
        set_timeout(move || copied.set(None), std::time::Duration::from_secs(3));
    });
}

/// A copy button's label: `idle`, then `done` or a failure for a few seconds after a press.
pub fn copy_label(copied: Option<bool>, idle: &'static str, done: &'static str) -> &'static str {
    match copied {
        None => idle,
        Some(true) => done,
        Some(false) => "Copy failed",
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A setting remembered between visits; `None` when unset or when storage is blocked.
pub fn remembered(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Remembers a setting between visits, if the browser lets the page store anything.
pub fn remember(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The element of the page with this id, if any.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into().ok())
}

/// Brings the element with id `id` into view and gives it keyboard focus, after the next paint so
/// that a card rendered in this same update exists.
pub fn reveal(id: String) {
    reveal_within(id, HANDOVER_FRAMES);
}

/// Frames to wait for the prerendered page to go: it leaves in the frame after the app shows.
const HANDOVER_FRAMES: u32 = 8;

fn reveal_within(id: String, frames: u32) {
    request_animation_frame(move || {
        let Some(element) = element(&id) else {
            return;
        };
        // The prerendered page, hidden and on its way out, holds the same ids: the first match
        // would be its card, which can be neither scrolled to nor focused. Wait for it to go.
        let prerendered = element.closest("#prerendered").ok().flatten().is_some();
        if prerendered && frames > 0 {
            return reveal_within(id, frames - 1);
        }
        // Focus first: focusing scrolls too, to the nearest edge, and after the (smooth) scroll
        // to the top had begun it took over, leaving a card taller than a phone's window with
        // its heading above it.
        let _ = element.focus();
        element.scroll_into_view();
    });
}

/// After the update a control just caused, puts focus back if it went with the control: a chip
/// that removes itself leaves focus on `<body>`, which sends a keyboard user back to the top of
/// the page. Focus goes to `stay` if it is still on the page (a control that moved rather than
/// went), else to the element with id `fallback`.
pub fn keep_focus(stay: Option<web_sys::HtmlElement>, fallback: String) {
    request_animation_frame(move || {
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        let lost = document
            .active_element()
            .is_none_or(|active| Some(active) == document.body().map(Into::into));
        if !lost {
            return;
        }
        let kept = stay.filter(|e| e.is_connected());
        if let Some(next) = kept.or_else(|| element(&fallback)) {
            let _ = next.focus();
        }
    });
}

/// After the cards are made again, focus back on the card with id `id`, which had it, without
/// scrolling to it: the visitor may have scrolled away from it since (the old card is gone, so
/// focus was lost).
pub fn refocus_in_place(id: String) {
    request_animation_frame(move || {
        // `card.focus({ preventScroll: true })`, through bindings the bundle has already: web-sys's
        // FocusOptions and focus with options made it 171 bytes gzip larger than this.
        let Some(card) = element(&id) else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
        if let Ok(focus) = js_sys::Reflect::get(&card, &"focus".into()) {
            let _ = focus
                .unchecked_into::<js_sys::Function>()
                .call1(&card, &options);
        }
    });
}

/// The element a click handler is attached to.
pub fn clicked(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlElement> {
    ev.current_target().and_then(|t| t.dyn_into().ok())
}

/// The control in the list item after `control`'s, or else before it: where focus goes when
/// `control` removes its own item.
pub fn neighbour(control: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let item = control.closest("li").ok().flatten()?;
    let beside = item
        .next_element_sibling()
        .or_else(|| item.previous_element_sibling())?;
    beside
        .query_selector("button")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Resolves after the browser has had a chance to paint and handle input: long work in slices
/// never freezes the tab. `scheduler.yield()` where the browser has it (Chromium): pending keys
/// and frames go first, then the work resumes ahead of other tasks, free of the 4 ms that a
/// chain of timers is held to after a few hops; elsewhere a timer.
pub async fn yield_to_browser() {
    after(scheduled("yield", &js_sys::Array::new())).await;
}

/// Resolves once the browser has nothing more urgent to do: for work that can wait (a search's
/// follow-ups), which then never holds up a key or a frame, as work resumed by `scheduler.yield()`
/// does. `scheduler.postTask` at background priority where the browser has it; elsewhere a timer.
pub async fn yield_to_background() {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
    // The task itself need do nothing (`Object()` makes an object and drops it): the promise
    // `postTask` returns resolves once it has run.
    let task = options.constructor();
    after(scheduled("postTask", &js_sys::Array::of2(&task, &options))).await;
}

/// The promise that `scheduler`'s `method` returns, where the browser has it.
fn scheduled(method: &str, args: &js_sys::Array) -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&window()?.into(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object())?;
    js_sys::Reflect::get(&scheduler, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .apply(&scheduler, args)
        .ok()?
        .dyn_into()
        .ok()
}

/// Resolves with `promise`, or after a timer without one.
async fn after(promise: Option<js_sys::Promise>) {
    let Some(window) = window() else { return };
    let promise = promise.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback(&resolve);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the page started (`performance.now()`).
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

thread_local! {
    static FOLDED: std::cell::RefCell<std::collections::HashMap<char, String>> = Default::default();
}

/// Folds a non-ASCII character with the browser's Unicode data: NFKD, marks dropped, lowercased
/// (what papershelf-core does natively with the unicode-normalization crate). Each character is
/// asked once.
pub fn fold_char(c: char, out: &mut String) {
    FOLDED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let folded = cache.entry(c).or_insert_with(|| {
            let marks = js_sys::RegExp::new("\\p{M}", "gu");
            js_sys::JsString::from(c.to_string())
                .normalize("NFKD")
                .replace_by_pattern(&marks, "")
                .to_lower_case()
                .as_string()
                .unwrap_or_default()
        });
        out.push_str(folded);
    });
}
