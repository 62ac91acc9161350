//! The Papershelf site: Leptos components over the pure `papershelf-core`.
// The cards' view types nest deeper than the compiler's default when rendered to HTML.
#![recursion_limit = "256"]

mod active_filters;
mod app;
mod arrival;
mod browser;
mod cite;
mod context;
mod data;
mod data_notice;
mod export;
mod facets;
mod fresh;
mod highlight;
mod paper_card;
mod paper_list;
#[cfg(feature = "ssr")]
mod paper_page;
mod rich_text;
mod search_bar;
mod shelf;
mod theme_toggle;

pub use app::App;
pub use arrival::Feed;
#[cfg(feature = "ssr")]
pub use paper_page::{provide_page_context, PaperPage};
pub use shelf::Shelf;

/// Makes papershelf-core fold accents with the browser's Unicode data (see `fold::set_char_folder`).
pub fn install_char_folder() {
    papershelf_core::fold::set_char_folder(browser::fold_char);
}

/// Removes index.html's "starting" message, which explains itself if the app never gets here.
pub fn remove_boot_message() {
    if let Some(boot) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
