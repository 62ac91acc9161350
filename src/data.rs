//! Fetching `publications.json` from next to the page, as a stream.
//!
//! Entries are read as their bytes arrive (papershelf-core's `StreamReader`, the checker's own
//! reader), so the first cards can show while a large file is still downloading, and the file's
//! text never sits whole in wasm memory (which cannot shrink). What goes wrong is a [`LoadError`].

use crate::browser::{now, yield_to_browser};
use gloo_net::http::{Request, Response};
use papershelf_core::pace::{Cadence, Download, SnapshotPace};
use papershelf_core::parse::{EntrySink, Field, RawEntry, RawLinks, RawMembers};
use papershelf_core::record::{Entries, Span};
use papershelf_core::{Catalog, CatalogBuilder, ReadError, StreamReader};
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCache;

pub const DATA_FILE: &str = "publications.json";

/// Bytes copied into wasm memory at a time.
const PIECE: usize = 64 * 1024;

/// Where the data is: the file's address, the version the build named it by, and how a cached
/// copy may be used.
struct DataAddress {
    path: String,
    version: Option<String>,
    cache: RequestCache,
    /// The file's length, which the build wrote beside the version: the body's length as read,
    /// which `Content-Length` is not when the server compresses it.
    bytes: Option<u64>,
    /// The file's count of papers, which the build wrote beside its length.
    papers: Option<usize>,
}

/// The build names the file it prerendered from with a version (`publications.json?v=…`, in the
/// preload link): that address changes with the file, so its cached copy is always the right one,
/// and the preload's response is used as it is. Otherwise the plain name, resolved against
/// `document.baseURI` (so the site works at `/` and under a sub-path alike), revalidated on every
/// load.
fn data_address() -> DataAddress {
    let document = crate::browser::window().and_then(|w| w.document());
    let preload = document
        .as_ref()
        .and_then(|d| d.query_selector("link[data-publications]").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok());
    let bytes = preload
        .as_ref()
        .and_then(|link| link.get_attribute("data-publications")?.parse().ok());
    let papers = preload
        .as_ref()
        .and_then(|link| link.get_attribute("data-papers")?.parse().ok());
    let href = preload.map(|link| link.href());
    if let Some((path, version)) = href.as_deref().and_then(|h| h.split_once("?v=")) {
        return DataAddress {
            path: path.to_owned(),
            version: Some(version.to_owned()),
            cache: RequestCache::Default,
            bytes,
            papers,
        };
    }
    let base = document.and_then(|d| d.base_uri().ok().flatten());
    let path = base
        .and_then(|base| web_sys::Url::new_with_base(DATA_FILE, &base).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| DATA_FILE.to_owned());
    DataAddress {
        path,
        version: None,
        cache: RequestCache::NoCache,
        bytes: None,
        papers: None,
    }
}

/// Why the publications could not be loaded; shown in the page's alert.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, or the request was blocked.
    Unreachable(String),
    /// The server answered with an error status.
    Status { code: u16, reason: String },
    /// The download broke off before the end of the file.
    Interrupted,
    /// The file is not a usable publications.json; the position of the problem.
    Invalid(ReadError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreachable(why) => write!(
                f,
                "{DATA_FILE} could not be reached ({why}). Check your connection."
            ),
            LoadError::Status { code, reason } => {
                write!(
                    f,
                    "{DATA_FILE} could not be loaded: the server answered {code}"
                )?;
                if !reason.is_empty() {
                    write!(f, " {reason}")?;
                }
                write!(f, ".")?;
                if *code == 404 {
                    write!(f, " Is the file deployed next to the page?")?;
                }
                Ok(())
            }
            LoadError::Interrupted => write!(
                f,
                "The download of {DATA_FILE} broke off. Check your connection."
            ),
            LoadError::Invalid(problem) => write!(f, "{DATA_FILE} is not valid: {problem}."),
        }
    }
}

async fn fetch(address: &DataAddress, cache: RequestCache) -> Result<Response, LoadError> {
    // The version goes in as a parameter: given in the address, gloo would append a `&` to it,
    // and the address would no longer be the preloaded one.
    let response = Request::get(&address.path)
        .query(address.version.as_deref().map(|v| ("v", v)))
        .cache(cache)
        .send()
        .await
        .map_err(|e| LoadError::Unreachable(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status {
            code: response.status(),
            reason: response.status_text(),
        });
    }
    Ok(response)
}

/// How far the download has come: entries read, and bytes of how many (when known).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub papers: usize,
    pub bytes: u64,
    pub total: Option<u64>,
}

/// The most papers room is made for before they come: about a million, ten times the largest
/// catalog the benchmarks load.
const MOST_RESERVED: usize = 1 << 20;

/// A download quiet for this long has stalled: what arrived is shown meanwhile.
const STALL_MS: f64 = 200.0;

/// Builds the catalog, counting the entries as they come.
struct Loading {
    builder: CatalogBuilder,
    papers: usize,
}

impl Loading {
    /// With room for the papers the build counted in the file. The page's attributes are not
    /// trusted with the size of an allocation: the room is at most what the file's stated length
    /// could hold (a paper takes a dozen bytes at the very least), and at most `MOST_RESERVED`
    /// papers; beyond that the lists grow as the papers come.
    fn new(address: &DataAddress) -> Loading {
        let most = address.bytes.map_or(0, |bytes| bytes / 12);
        let papers = address
            .papers
            .unwrap_or(0)
            .min(most as usize)
            .min(MOST_RESERVED);
        Loading {
            builder: CatalogBuilder::with_capacity(papers),
            papers: 0,
        }
    }
}

impl EntrySink for Loading {
    fn title(&mut self, title: Field<String>) {
        self.builder.title(title);
    }
    fn description(&mut self, description: Field<String>) {
        self.builder.description(description);
    }
    fn members(&mut self, members: Field<RawMembers>) {
        self.builder.members(members);
    }
    fn marks(&mut self, marks: Field<RawLinks>) {
        self.builder.marks(marks);
    }
    fn entry(&mut self, entry: RawEntry) {
        self.entry_with_range(entry, 0..0);
    }
    fn entry_with_range(&mut self, entry: RawEntry, bytes: Range<u64>) {
        self.papers += usize::from(matches!(entry, RawEntry::Object(_)));
        self.builder.entry_with_range(entry, bytes);
    }
}

/// Loads and validates the catalog, or says why it could not. While it streams in, `progress`
/// hears how far it has come and `snapshot` gets catalogs of the entries so far (see
/// [`Cadence`]). A download that breaks off returns, with its error, the catalog of what arrived.
pub async fn load_catalog(
    cadence: Cadence,
    progress: impl Fn(Progress),
    snapshot: impl Fn(Catalog),
) -> Result<Catalog, (LoadError, Option<Catalog>)> {
    let address = data_address();
    let response = fetch(&address, address.cache)
        .await
        .map_err(|e| (e, None))?;
    let total = address.bytes.or_else(|| plain_length(&response));
    let response = web_sys::Response::from(response);
    let mut stream = StreamReader::new();
    let mut loading = Loading::new(&address);
    // A response without a body is read as an empty file, which the reader names as such.
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let watch = Watch {
            cadence,
            progress,
            snapshot,
            total,
        };
        match read_body(&reader, &mut stream, &mut loading, watch).await {
            Ok(()) => {}
            Err(LoadError::Interrupted) => {
                return Err((LoadError::Interrupted, Some(loading.builder.finish())));
            }
            Err(error) => {
                // The stream still runs: stop it. Its promise is awaited, so that a rejection
                // (a stream that broke meanwhile) is not left unhandled.
                let cancel = JsFuture::from(reader.cancel());
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = cancel.await;
                });
                return Err((error, None));
            }
        }
    }
    stream.finish().map_err(|e| (LoadError::Invalid(e), None))?;
    Ok(loading.builder.finish())
}

/// The body's length as read, from `Content-Length`: only when not compressed, as that length
/// would be the compressed one.
fn plain_length(response: &Response) -> Option<u64> {
    let headers = response.headers();
    if headers.has("content-encoding") {
        return None;
    }
    headers.get("content-length")?.parse().ok()
}

/// The publications file once more, for what the catalog does not keep (each paper's BibTeX). It
/// stays in JavaScript memory; only the entries asked for are copied into wasm memory.
pub struct DataFile(js_sys::Uint8Array);

impl Entries for DataFile {
    fn bytes(&self, span: Span) -> Option<Cow<'_, [u8]>> {
        let range = span.range();
        let end = u32::try_from(range.end).ok()?;
        (end <= self.0.length())
            .then(|| Cow::Owned(self.0.subarray(range.start as u32, end).to_vec()))
    }
}

/// The file as loaded, from the browser's cache (`force-cache`: the very copy the catalog was
/// read from, if the cache still has it; a changed file is noticed entry by entry). `None` when
/// it cannot be had: Cite and Export then make every record from the paper's fields.
pub async fn data_file() -> Option<DataFile> {
    let response = fetch(&data_address(), RequestCache::ForceCache)
        .await
        .ok()?;
    let buffer = JsFuture::from(web_sys::Response::from(response).array_buffer().ok()?)
        .await
        .ok()?;
    Some(DataFile(js_sys::Uint8Array::new(&buffer)))
}

/// Whether `read` is still pending after `ms` milliseconds (a rejection counts as an answer: the
/// caller awaits it next).
async fn stalled(read: &js_sys::Promise, ms: f64) -> bool {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = crate::browser::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let first = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(read, &timer))).await;
    first.is_ok_and(|answer| answer.is_undefined())
}

/// The catalog of the entries so far, its cost noted in `pace`; `idle` when the download had
/// stalled.
fn snapshot(
    pace: &mut SnapshotPace,
    builder: &CatalogBuilder,
    papers: usize,
    idle: bool,
) -> Catalog {
    let start = now();
    let catalog = builder.snapshot();
    pace.taken(papers, start, now(), idle);
    catalog
}

/// What the page hears while the body downloads.
struct Watch<P, S> {
    cadence: Cadence,
    progress: P,
    snapshot: S,
    total: Option<u64>,
}

impl<P, S> Watch<P, S> {
    fn progress_at(&self, papers: usize, bytes: u64) -> Progress {
        Progress {
            papers,
            bytes,
            // A length the body outgrew is not this file's.
            total: self.total.filter(|&total| total >= bytes),
        }
    }
}

/// Hands the body to the reader as it downloads.
async fn read_body(
    reader: &web_sys::ReadableStreamDefaultReader,
    stream: &mut StreamReader,
    loading: &mut Loading,
    watch: Watch<impl Fn(Progress), impl Fn(Catalog)>,
) -> Result<(), LoadError> {
    let mut pace = SnapshotPace::new(now());
    let mut bytes = 0u64;
    // One small buffer, refilled piece by piece: the browser hands over chunks of up to 2 MB, and
    // wasm memory never shrinks.
    let mut piece = vec![0; PIECE];
    let mut last_yield = now();
    loop {
        let read = reader.read();
        // Papers not yet shown while the download stalls (a slow connection, a server that
        // pauses): shown once it has stalled a while, if the cadence's time has come.
        if let Some(wait) = pace.wait_ms(&watch.cadence, loading.papers, now()) {
            if stalled(&read, wait.max(STALL_MS)).await {
                (watch.progress)(watch.progress_at(loading.papers, bytes));
                (watch.snapshot)(snapshot(&mut pace, &loading.builder, loading.papers, true));
            }
        }
        let result = JsFuture::from(read)
            .await
            .map_err(|_| LoadError::Interrupted)?;
        let done = js_sys::Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|d| d.as_bool());
        if done != Some(false) {
            return Ok(());
        }
        let value =
            js_sys::Reflect::get(&result, &"value".into()).map_err(|_| LoadError::Interrupted)?;
        let chunk = value.unchecked_into::<js_sys::Uint8Array>();
        let mut start = 0;
        while start < chunk.length() {
            let end = chunk.length().min(start + PIECE as u32);
            let piece = &mut piece[..(end - start) as usize];
            chunk.subarray(start, end).copy_to(piece);
            stream.push(piece, loading).map_err(LoadError::Invalid)?;
            bytes += u64::from(end - start);
            start = end;
            // Checked after every piece, not every chunk: the first page shows as soon as its
            // entries are in, and a 2 MB chunk does not hold the page for its whole parse.
            let (time, papers) = (now(), loading.papers);
            let progress = watch.progress_at(papers, bytes);
            let download = Download {
                bytes,
                total: progress.total,
            };
            let due = pace.due(&watch.cadence, papers, download, time);
            if due || time - last_yield > 50.0 {
                (watch.progress)(progress);
                if due {
                    (watch.snapshot)(snapshot(&mut pace, &loading.builder, papers, false));
                }
                yield_to_browser().await;
                last_yield = now();
            }
        }
    }
}
