//! The Papershelf site: Leptos components over the pure `papershelf-core`.

mod app;
mod data;
mod filters_bar;
mod paper_card;
mod shelf;

pub use app::App;
