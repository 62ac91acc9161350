//! Papershelf's pure core: the publication schema, lenient parsing and validation, filtering and
//! counts. No web dependencies, so the site and the command-line tool share one implementation
//! and all of it is tested natively.
#![warn(missing_docs)]

pub mod bibtex;
pub mod catalog;
pub mod csl;
pub mod dom_id;
pub mod export;
pub mod feeds;
pub mod fold;
pub mod kind;
pub mod letters;
pub mod links;
pub mod locate;
pub mod marks;
pub mod math;
pub mod members;
pub mod metadata;
pub mod name;
pub mod order;
pub mod parse;
pub mod publication;
pub mod record;
pub mod rich;
pub mod search;
pub mod select;
pub mod site;
pub mod state;
pub mod stream;
pub mod text;
pub mod url;

pub use catalog::{Catalog, CatalogBuilder, Link, Paper, Problem, Severity, TopLevelProblem};
pub use kind::PaperType;
pub use marks::MoreAuthors;
pub use members::Member;
pub use search::Query;
pub use select::{FacetValue, SearchResult, SearchRun, Selection};
pub use state::{FilterKind, Sort, ViewState};
pub use stream::{ReadError, StreamReader};
