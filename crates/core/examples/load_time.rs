//! Times reading and validating the corpus (or the JSON file named on the command line), step by
//! step (a profiling aid).
use std::time::Instant;

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).unwrap(),
        None => corpus::text(),
    };
    let t = Instant::now();
    let doc = papershelf_core::stream::read_document(&text).unwrap();
    let read = t.elapsed();
    let t = Instant::now();
    let catalog = papershelf_core::Catalog::from_document(doc);
    println!(
        "read {read:?}, validate and index {:?}, {} papers",
        t.elapsed(),
        catalog.papers.len()
    );
}
