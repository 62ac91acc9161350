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
