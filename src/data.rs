//! Fetching `publications.json` from next to the page, as a stream.
//!
//! Entries are read as their bytes arrive (papershelf-core's `StreamReader`, the checker's own
//! reader), so the first cards can show while a large file is still downloading, and the file's
//! text never sits whole in wasm memory (which cannot shrink). What goes wrong is a [`LoadError`].

use crate::browser::{now, yield_to_browser};
use gloo_net::http::{Request, Response};
use papershelf_core::parse::{EntrySink, Field, RawDocument, RawEntry, RawLinks, RawMembers};
use papershelf_core::record::{Entries, Span};
use papershelf_core::{Catalog, CatalogBuilder, ReadError, StreamReader};
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCache;

pub const DATA_FILE: &str = "publications.json";

/// Entries to read before showing a first, provisional page of cards.
const FIRST_PAGE: usize = 24;

/// Bytes copied into wasm memory at a time.
const PIECE: usize = 64 * 1024;

/// Where the data is: the file's address, the version the build named it by, and how a cached
/// copy may be used.
struct DataAddress {
    path: String,
    version: Option<String>,
    cache: RequestCache,
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
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href());
    if let Some((path, version)) = preload.as_deref().and_then(|h| h.split_once("?v=")) {
        return DataAddress {
            path: path.to_owned(),
            version: Some(version.to_owned()),
            cache: RequestCache::Default,
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

/// Builds the catalog while keeping a copy of the first few entries for a provisional page.
#[derive(Default)]
struct Loading {
    builder: CatalogBuilder,
    first: RawDocument,
}

impl EntrySink for Loading {
    fn title(&mut self, title: Field<String>) {
        self.first.title(title.clone());
        self.builder.title(title);
    }
    fn description(&mut self, description: Field<String>) {
        self.first.description(description.clone());
        self.builder.description(description);
    }
    fn members(&mut self, members: Field<RawMembers>) {
        self.first.members(members.clone());
        self.builder.members(members);
    }
    fn marks(&mut self, marks: Field<RawLinks>) {
        self.first.marks(marks.clone());
        self.builder.marks(marks);
    }
    fn entry(&mut self, entry: RawEntry) {
        self.entry_with_range(entry, 0..0);
    }
    fn entry_with_range(&mut self, entry: RawEntry, bytes: Range<u64>) {
        if self.first.entries.len() < FIRST_PAGE {
            self.first.entry(entry.clone());
        }
        self.builder.entry_with_range(entry, bytes);
    }
}

/// Loads and validates the catalog, or says why it could not. `first_page` is called once with
/// a catalog of the first entries, as soon as they are in.
pub async fn load_catalog(first_page: impl Fn(Catalog)) -> Result<Catalog, LoadError> {
    let address = data_address();
    let response = fetch(&address, address.cache).await?;
    let mut stream = StreamReader::new();
    let mut loading = Loading::default();
    // A response without a body is read as an empty file, which the reader names as such.
    if let Some(body) = web_sys::Response::from(response).body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let read = read_body(&reader, &mut stream, &mut loading, first_page).await;
        if read.is_err() {
            let _ = reader.cancel();
        }
        read?;
    }
    stream.finish().map_err(LoadError::Invalid)?;
    Ok(loading.builder.finish())
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

/// Hands the body to the reader as it downloads.
async fn read_body(
    reader: &web_sys::ReadableStreamDefaultReader,
    stream: &mut StreamReader,
    loading: &mut Loading,
    first_page: impl Fn(Catalog),
) -> Result<(), LoadError> {
    let mut shown_first = false;
    // One small buffer, refilled piece by piece: the browser hands over chunks of up to 2 MB, and
    // wasm memory never shrinks.
    let mut piece = vec![0; PIECE];
    let mut last_yield = now();
    loop {
        let result = JsFuture::from(reader.read())
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
        let bytes = value.unchecked_into::<js_sys::Uint8Array>();
        let mut start = 0;
        while start < bytes.length() {
            let end = bytes.length().min(start + PIECE as u32);
            let piece = &mut piece[..(end - start) as usize];
            bytes.subarray(start, end).copy_to(piece);
            stream.push(piece, loading).map_err(LoadError::Invalid)?;
            start = end;
            // Checked after every piece, not every chunk: the first page shows as soon as its
            // entries are in, and a 2 MB chunk does not hold the page for its whole parse.
            if !shown_first && loading.first.entries.len() >= FIRST_PAGE {
                shown_first = true;
                first_page(Catalog::from_document(std::mem::take(&mut loading.first)));
                yield_to_browser().await;
                last_yield = now();
            } else if now() - last_yield > 50.0 {
                yield_to_browser().await;
                last_yield = now();
            }
        }
    }
}
