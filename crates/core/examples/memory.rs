//! Bytes held while the corpus (or the JSON file named on the command line) is read in 64 KB
//! pieces, as the site reads a download, and while the catalog is built: live at the end of each
//! step and the most at any time (a profiling aid: wasm memory never shrinks, so its peak is what
//! a visitor's tab keeps).
use papershelf_core::{CatalogBuilder, StreamReader};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

#[path = "../benches/corpus/mod.rs"]
mod corpus;

/// Counts the bytes allocated and not yet freed, and the most ever.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static A: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}
fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read(path).unwrap(),
        None => corpus::text().into_bytes(),
    };
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let mut reader = StreamReader::new();
    let mut builder = CatalogBuilder::default();
    for piece in text.chunks(64 * 1024) {
        reader.push(piece, &mut builder).unwrap();
    }
    reader.finish().unwrap();
    println!(
        "parsed: live {} peak {}",
        mb(LIVE.load(Relaxed) - base),
        mb(PEAK.load(Relaxed) - base)
    );
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let before = LIVE.load(Relaxed);
    let catalog = builder.finish();
    println!(
        "finish: live {} peak {} (before {})",
        mb(LIVE.load(Relaxed) - base),
        mb(PEAK.load(Relaxed) - base),
        mb(before - base)
    );
    println!(
        "papers {} size_of Paper {}",
        catalog.papers.len(),
        std::mem::size_of::<papershelf_core::Paper>()
    );
}
