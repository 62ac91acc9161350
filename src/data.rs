//! Fetching `publications.json` from next to the page.

use gloo_net::http::Request;
use papershelf_core::Catalog;
use web_sys::RequestCache;

pub const DATA_FILE: &str = "publications.json";

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
    let text = response
        .text()
        .await
        .map_err(|e| format!("{DATA_FILE} could not be read ({e})."))?;
    Catalog::from_json(&text).map_err(|e| format!("{DATA_FILE} is not valid: {e}."))
}
