//! Times reading and validating the shared corpus, step by step (a profiling aid).
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or("../shared/data/conference-papers.json".into());
    let text = std::fs::read_to_string(path).unwrap();
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
