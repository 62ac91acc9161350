//! A page's links: its `url_*` buttons, both `links:` schemes, its identifiers, and the
//! record's links, without repeats.

use super::front_matter::scalar_text;
use super::paper::Fields;
use papershelf_core::catalog::{is_safe_url, is_site_path};
use serde_json::Value;

/// The `url_*` fields Hugo Blox (and Academic before it) show as buttons, with their labels.
const URL_FIELDS: &[(&str, &str)] = &[
    ("url_pdf", "pdf"),
    ("url_preprint", "preprint"),
    ("url_code", "code"),
    ("url_dataset", "dataset"),
    ("url_project", "project"),
    ("url_slides", "slides"),
    ("url_video", "video"),
    ("url_poster", "poster"),
    ("url_source", "source"),
];

/// Where links from the paper's record come from, as warnings name it.
pub(super) const RECORD: &str = "cite.bib";

/// The links being gathered, without repeats, with what was left out and which are files of
/// the site.
#[derive(Default)]
pub(super) struct LinkList {
    pub(super) links: Vec<(String, String)>,
    pub(super) warnings: Vec<String>,
    pub(super) site_files: Vec<String>,
}

impl LinkList {
    /// Every link the front matter holds, in both of Hugo Blox's schemes and as identifiers.
    pub(super) fn read(&mut self, f: &mut Fields) {
        match f.get("links") {
            Some(Value::Array(items)) => {
                for item in &items {
                    let text = |key: &str| item.get(key).and_then(scalar_text);
                    let label = text("type").or_else(|| text("name"));
                    match (label, text("url")) {
                        (Some(label), Some(url)) => self.add(label.trim(), &url, "links"),
                        (None, Some(url)) if !url.trim().is_empty() => {
                            self.add("link", &url, "links")
                        }
                        _ => {}
                    }
                }
            }
            Some(_) => self
                .warnings
                .push("links is not a list of links; left out".into()),
            None => {}
        }
        for &(field, label) in URL_FIELDS {
            if let Some(url) = f.text(field) {
                self.add(label, &url, field);
            }
        }
        // `slides: example` is the page's button to its deck, which Hugo builds at /slides/example/.
        if let Some(deck) = f.text("slides") {
            self.add("slides", &format!("slides/{deck}/"), "slides");
        }
        for field in ["doi", "hugoblox.ids.doi"] {
            if let Some(doi) = f.text(field) {
                self.add("doi", &doi_url(&doi), field);
            }
        }
        if let Some(id) = f.text("hugoblox.ids.arxiv") {
            let id = id.strip_prefix("arXiv:").unwrap_or(&id);
            self.add(
                "arxiv",
                &format!("https://arxiv.org/abs/{id}"),
                "hugoblox.ids.arxiv",
            );
        }
    }

    /// Adds one link: a web address, or a path within the site (Hugo serves `static/` at the
    /// site's root, so `/files/x.pdf` is `files/x.pdf` there). `#` is the templates' "no link".
    pub(super) fn add(&mut self, label: &str, url: &str, field: &str) {
        let url = url.trim();
        // The record's links often repeat the page's (`url` beside `url_pdf`); the page's own
        // may share an address under two labels, as its buttons do.
        let repeated = |(l, u): &(String, String)| u == url && (l == label || field == RECORD);
        if url.is_empty() || url == "#" || self.links.iter().any(repeated) {
            return;
        }
        let url = match url.strip_prefix('/') {
            Some(path) if !path.starts_with('/') => path,
            _ => url,
        };
        let site_file = !is_safe_url(url) && is_site_path(url);
        if !is_safe_url(url) && !site_file {
            self.warnings.push(format!(
                "the {field} value {url:?} is neither a web address nor a path in the site; left out"
            ));
            return;
        }
        if site_file {
            self.site_files.push(url.to_owned());
        }
        // A second link with one label (two PDFs, say) is kept under a numbered label.
        let mut unique = label.to_owned();
        let mut n = 1;
        while self.links.iter().any(|(l, _)| *l == unique) {
            n += 1;
            unique = format!("{label} {n}");
        }
        self.links.push((unique, url.to_owned()));
    }
}

/// A DOI, bare or as an address, as its doi.org address.
fn doi_url(doi: &str) -> String {
    let lower = doi.to_ascii_lowercase();
    let bare = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
        .and_then(|rest| {
            ["doi.org/", "dx.doi.org/"]
                .iter()
                .find_map(|host| rest.strip_prefix(host))
        })
        .map_or_else(
            || doi.strip_prefix("doi:").unwrap_or(doi),
            |rest| &doi[doi.len() - rest.len()..],
        );
    format!("https://doi.org/{}", bare.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dois_bare_or_as_addresses() {
        for doi in [
            "10.1/x",
            "https://doi.org/10.1/x",
            "http://dx.doi.org/10.1/x",
            "doi:10.1/x",
        ] {
            assert_eq!(doi_url(doi), "https://doi.org/10.1/x", "{doi}");
        }
    }
}
