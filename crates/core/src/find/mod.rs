//! Finding: folded text and its indexes, the search, the view state and its URL, and the papers
//! and facet counts a view selects.

pub mod fold;
pub mod letters;
pub mod order;
pub mod search;
pub mod select;
pub mod state;
pub mod url;
