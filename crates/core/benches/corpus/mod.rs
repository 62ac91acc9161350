//! The 10,059-paper corpus, kept in the repository compressed (`tests/data/conference-papers.json.br`)
//! and unpacked on first use into `target/data/`, the same place `tests/data/corpus.mjs` unpacks it for
//! the browser tests and `bench/run.mjs`. Later runs reuse that copy unless the archive is newer.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The path of the unpacked corpus, unpacking it first if needed. Tests run in threads of one
/// process: the first unpacks, the others wait for it.
pub fn path() -> PathBuf {
    static UNPACKED: OnceLock<PathBuf> = OnceLock::new();
    UNPACKED.get_or_init(unpack).clone()
}

fn unpack() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let archive = repo.join("tests/data/conference-papers.json.br");
    let unpacked = repo.join("target/data/conference-papers.json");
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let archive_time =
        modified(&archive).unwrap_or_else(|| panic!("{} is missing", archive.display()));
    if modified(&unpacked).is_some_and(|t| t >= archive_time) {
        return unpacked;
    }
    let dir = unpacked.parent().unwrap();
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    // Another process may unpack at the same time: each writes its own file, then renames it into
    // place, so no reader ever sees half a file.
    let partial = unpacked.with_extension(format!("json.{}.partial", std::process::id()));
    let mut input = fs::File::open(&archive).unwrap();
    let mut output = fs::File::create(&partial).unwrap();
    brotli_decompressor::BrotliDecompress(&mut input, &mut output)
        .unwrap_or_else(|e| panic!("{}: {e}", archive.display()));
    output.flush().unwrap();
    fs::rename(&partial, &unpacked).unwrap();
    unpacked
}

/// The unpacked corpus as text.
pub fn text() -> String {
    let path = path();
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
