//! Fetching `publications.json` from next to the page.
//!
//! The browser parses the JSON (`JSON.parse`, native and fast) and the core reads the parsed
//! value through the same lenient rules as the checker (serde-wasm-bindgen drives the core's
//! `Deserialize` impls). The file's text never enters wasm memory, which cannot shrink: a 19 MB
//! file would otherwise cost 19 MB for as long as the page is open.

use gloo_net::http::Request;
use papershelf_core::Catalog;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCache;

pub const DATA_FILE: &str = "publications.json";

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string handle: unlike `js_sys::JSON::parse(&str)`, the text is not
    /// copied into wasm first.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Resolved against `document.baseURI`, so the site works at `/` and under a sub-path alike.
fn data_url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(DATA_FILE, &base).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| DATA_FILE.to_owned())
}

/// Loads and validates the catalog, or says in plain words why it could not.
pub async fn load_catalog() -> Result<Catalog, String> {
    let url = data_url();
    // `no-cache` revalidates, so a redeployed file shows up without a hard reload.
    let response = Request::get(&url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| format!("{DATA_FILE} could not be reached ({e}). Check your connection."))?;
    if !response.ok() {
        let status = response.status();
        let reason = response.status_text();
        let hint = if status == 404 {
            " Is the file deployed next to the page?"
        } else {
            ""
        };
        return Err(format!(
            "{DATA_FILE} could not be loaded: the server answered {status} {reason}.{hint}"
        )
        .replace("  ", " "));
    }
    let unreadable = |e: JsValue| format!("{DATA_FILE} could not be read ({e:?}).");
    let text = web_sys::Response::from(response)
        .text()
        .map_err(unreadable)?;
    let text = JsFuture::from(text).await.map_err(unreadable)?;
    let invalid = |e| format!("{DATA_FILE} is not valid: {e}.");
    match parse_json(&text) {
        Ok(value) => Catalog::read(serde_wasm_bindgen::Deserializer::from(value))
            .map_err(|e| invalid(e.to_string())),
        // Only on failure does the text come into wasm: the core names the line and column.
        Err(_) => {
            let text = text.as_string().unwrap_or_default();
            Catalog::from_json(&text).map_err(|e| invalid(e.to_string()))
        }
    }
}
