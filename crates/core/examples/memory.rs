//! Bytes held while the corpus (or the JSON file named on the command line) is read in 64 KB
//! pieces, as the site reads a download, and while the catalog is built: live at the end of each
//! step and the most at any time (a profiling aid: wasm memory never shrinks, so its peak is what
//! a visitor's tab keeps).
use papershelf_core::parse::{EntrySink, Field, RawEntry, RawLinks, RawMembers};
use papershelf_core::{CatalogBuilder, StreamReader};
use std::alloc::{GlobalAlloc, Layout, System};
use std::ops::Range;
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

#[derive(Default)]
struct Loading(CatalogBuilder);
impl EntrySink for Loading {
    fn title(&mut self, t: Field<String>) {
        self.0.title(t);
    }
    fn description(&mut self, d: Field<String>) {
        self.0.description(d);
    }
    fn members(&mut self, m: Field<RawMembers>) {
        self.0.members(m);
    }
    fn marks(&mut self, m: Field<RawLinks>) {
        self.0.marks(m);
    }
    fn entry(&mut self, e: RawEntry) {
        self.0.entry_with_range(e, 0..0);
    }
    fn entry_with_range(&mut self, e: RawEntry, b: Range<u64>) {
        self.0.entry_with_range(e, b);
    }
}

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
    let mut sink = Loading::default();
    for piece in text.chunks(64 * 1024) {
        reader.push(piece, &mut sink).unwrap();
    }
    reader.finish().unwrap();
    println!(
        "parsed: live {} peak {}",
        mb(LIVE.load(Relaxed) - base),
        mb(PEAK.load(Relaxed) - base)
    );
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let before = LIVE.load(Relaxed);
    let catalog = sink.0.finish();
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
