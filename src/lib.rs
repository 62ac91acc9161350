//! The Papershelf site: Leptos components over the pure `papershelf-core`.

mod active_filters;
mod app;
mod browser;
mod context;
mod data;
mod data_notice;
mod facets;
mod highlight;
mod paper_card;
mod paper_list;
mod search_bar;
mod shelf;

pub use app::App;

/// Makes papershelf-core fold accents with the browser's Unicode data (see `fold::set_char_folder`).
pub fn install_char_folder() {
    papershelf_core::fold::set_char_folder(browser::fold_char);
}
