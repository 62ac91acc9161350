//! Papershelf's pure core: the publication schema, lenient parsing and validation, filtering and
//! counts. No web dependencies, so the site and the command-line tool share one implementation
//! and all of it is tested natively.

pub mod catalog;
pub mod filter;
pub mod parse;
pub mod text;

pub use catalog::{Catalog, Link, Paper, Problem, Severity};
pub use filter::{FilterKind, Filters};
pub use parse::ReadError;
