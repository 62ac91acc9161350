//! The light/dark theme button. The page follows the system's scheme until the visitor presses
//! it; their choice is remembered and applied before the first paint by style/theme.js.

use crate::browser::{remember, remembered};
use leptos::prelude::*;

/// Where the choice is kept; style/theme.js reads the same key.
const THEME_KEY: &str = "papershelf-theme";

/// Whether the page shows dark now: the remembered choice, else the system's scheme.
fn dark_now() -> bool {
    match remembered(THEME_KEY).as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|query| query.matches()),
    }
}

fn apply(theme: &str) {
    if let Some(root) = web_sys::window()
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
