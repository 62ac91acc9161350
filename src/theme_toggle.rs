//! The light/dark theme button. The page follows the system's scheme until the visitor presses
//! it; their choice is remembered and applied before the first paint by index.html's inline script.

use crate::browser::{remember, remembered};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where the choice is kept; index.html's inline script reads the same key.
const THEME_KEY: &str = "papershelf-theme";

fn system_scheme() -> Option<web_sys::MediaQueryList> {
    crate::browser::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the page shows dark now: the remembered choice, else the system's scheme.
fn dark_now() -> bool {
    match remembered(THEME_KEY).as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => system_scheme().is_some_and(|query| query.matches()),
    }
}

fn apply(theme: &str) {
    if let Some(root) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// A toggle button: pressed means the dark theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(dark_now());
    // Until the visitor chooses, the page follows the system, and so must the button.
    if let Some(query) = system_scheme() {
        let on_change = Closure::<dyn Fn()>::new(move || dark.set(dark_now()));
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let held = SendWrapper::new((query, on_change));
        on_cleanup(move || {
            let (query, on_change) = &*held;
            let _ = query
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
    let on_click = move |_| {
        let theme = if dark.get_untracked() {
            "light"
        } else {
            "dark"
        };
        apply(theme);
        remember(THEME_KEY, theme);
        dark.set(theme == "dark");
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || dark.get().to_string()
            on:click=on_click
        >
            "Dark theme"
        </button>
    }
}
