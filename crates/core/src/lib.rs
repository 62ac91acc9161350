//! Papershelf's pure core: the publication schema, lenient parsing and validation, filtering and
//! counts. No web dependencies, so the site and the command-line tool share one implementation
//! and all of it is tested natively.
#![warn(missing_docs)]

// The modules are grouped by stage, in the order data flows through them; each keeps its public
// path at the crate's root (`papershelf_core::catalog`), which is also how they name each other.
mod cite;
mod find;
mod index;
mod publish;
mod read;
mod show;

pub use cite::{bibtex, csl, export, links, name};
pub use find::{follow, search, select, state, url};
pub use index::{fold, letters, order};
pub use publish::{feeds, metadata, site};
pub use read::{
    builder, catalog, kind, locate, marks, members, pace, paper, parse, problem, publication,
    record, safe_url, stream,
};
pub use show::{dom_id, math, rich, text};

pub use builder::CatalogBuilder;
pub use catalog::{Catalog, Link, Paper, Problem, Severity, TopLevelProblem};
pub use follow::{FollowUpRun, FollowUps};
pub use kind::PaperType;
pub use marks::MoreAuthors;
pub use members::Member;
pub use search::Query;
pub use select::{FacetValue, SearchResult, SearchRun, Selection, SelectionRun};
pub use state::{FilterKind, Sort, ViewState};
pub use stream::{ReadError, StreamReader};
