//! The `papershelf` command's parts: reading BibTeX, mapping it to the schema, merging it into an
//! existing publications.json, and summarising a file. The site's rules come from papershelf-core.

pub mod bibfile;
pub mod import;
pub mod latex;
