//! Finding: the search, the view state and its URL, and the papers and facet counts a view
//! selects.

pub mod follow;
pub mod search;
pub mod select;
pub mod state;
pub mod url;
