//! Fetching `publications.json` from next to the page, as a stream.
//!
//! Entries are read as their bytes arrive (papershelf-core's `StreamReader`, with the same rules
//! as the checker), so the first cards can show while a large file is still downloading, and the
//! file's text never sits whole in wasm memory (which cannot shrink). If streaming meets anything
//! unexpected, the file is read again whole, so that the message names the exact line and column.

use crate::browser::{now, yield_to_browser};
use gloo_net::http::{Request, Response};
use papershelf_core::parse::{EntrySink, Field, RawDocument, RawEntry};
use papershelf_core::stream::StreamReader;
use papershelf_core::{Catalog, CatalogBuilder};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCache;

pub const DATA_FILE: &str = "publications.json";

/// Entries to read before showing a first, provisional page of cards.
const FIRST_PAGE: usize = 24;

/// Bytes copied into wasm memory at a time.
const PIECE: usize = 64 * 1024;

/// Resolved against `document.baseURI`, so the site works at `/` and under a sub-path alike.
fn data_url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(DATA_FILE, &base).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| DATA_FILE.to_owned())
}

async fn fetch(url: &str) -> Result<Response, String> {
    // `no-cache` revalidates, so a redeployed file shows up without a hard reload.
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| format!("{DATA_FILE} could not be reached ({e}). Check your connection."))?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let reason = response.status_text();
    let hint = if status == 404 {
        " Is the file deployed next to the page?"
    } else {
        ""
    };
    Err(
        format!("{DATA_FILE} could not be loaded: the server answered {status} {reason}.{hint}")
            .replace("  ", " "),
    )
}

fn invalid(e: impl std::fmt::Display) -> String {
    format!("{DATA_FILE} is not valid: {e}.")
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
    fn entry(&mut self, entry: RawEntry) {
        if self.first.entries.len() < FIRST_PAGE {
            self.first.entry(entry.clone());
        }
        self.builder.entry(entry);
    }
}

/// Loads and validates the catalog, or says in plain words why it could not. `first_page` is
/// called once with a catalog of the first entries, as soon as they are in.
pub async fn load_catalog(first_page: impl Fn(Catalog)) -> Result<Catalog, String> {
    let url = data_url();
    let response = fetch(&url).await?;
    let Some(body) = web_sys::Response::from(response).body() else {
        return Ok(Catalog::default());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut stream = StreamReader::new();
    let mut loading = Loading::default();
    let mut shown_first = false;
    // One small buffer, refilled piece by piece: the browser hands over chunks of up to 2 MB, and
    // wasm memory never shrinks.
    let mut piece = vec![0; PIECE];
    let mut last_yield = now();
    let streamed = 'read: loop {
        let Ok(result) = JsFuture::from(reader.read()).await else {
            break Err(());
        };
        let done = js_sys::Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|d| d.as_bool());
        if done != Some(false) {
            break stream.finish().map_err(|_| ());
        }
        let Ok(value) = js_sys::Reflect::get(&result, &"value".into()) else {
            break Err(());
        };
        let bytes = value.unchecked_into::<js_sys::Uint8Array>();
        let mut start = 0;
        while start < bytes.length() {
            let end = bytes.length().min(start + PIECE as u32);
            let piece = &mut piece[..(end - start) as usize];
            bytes.subarray(start, end).copy_to(piece);
            if stream.push(piece, &mut loading).is_err() {
                let _ = reader.cancel();
                break 'read Err(());
            }
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
    };
    match streamed {
        Ok(()) => Ok(loading.builder.finish()),
        // Read the whole text again, for the exact line and column of the problem.
        Err(()) => {
            let text = fetch(&url)
                .await?
                .text()
                .await
                .map_err(|e| format!("{DATA_FILE} could not be read ({e})."))?;
            Catalog::from_json(&text).map_err(invalid)
        }
    }
}
