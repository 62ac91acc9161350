//! The `papershelf` command's parts: reading BibTeX, mapping it to the schema, merging it into an
//! existing publications.json, checking and summarising a file. The site's rules come from
//! papershelf-core.

pub mod bibfile;
pub mod check;
pub mod display;
pub mod hugo;
pub mod import;
pub mod kind;
pub mod latex;
pub mod links;
pub mod map;
pub mod markdown;
pub mod merge;
pub mod output;
pub mod stats;
