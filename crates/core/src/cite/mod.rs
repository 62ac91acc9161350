//! Citing: a paper's BibTeX and CSL-JSON, the author names they split, the links they cite, and
//! the names of Export's downloads.

pub mod bibtex;
pub mod csl;
pub mod export;
pub mod links;
pub mod name;
