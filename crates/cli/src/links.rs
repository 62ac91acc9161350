//! An entry's links: the standard fields (`url`, `doi`, `eprint`), al-folio's (`pdf`, `html`,
//! `code`…, where a bare file name is a file of the site's `assets/`) and BibBase's `url_…`.

use crate::bibfile::BibEntry;
use papershelf_core::catalog::{is_safe_image, is_safe_url, is_site_path};
use papershelf_core::publication::Links;

/// Link fields and the label each gets, in the order the links are shown.
const LINK_FIELDS: &[(&str, &str)] = &[
    ("pdf", "pdf"),
    ("url", "page"),
    ("html", "page"),
    ("website", "page"),
    ("code", "code"),
    ("github", "code"),
    ("project", "project"),
    ("openreview", "openreview"),
    ("slides", "slides"),
    ("video", "video"),
    ("poster", "poster"),
    ("supp", "supplement"),
    ("blog", "blog"),
];

/// Fields al-folio names by a bare file name, which it serves from `assets/pdf/`.
const ALFOLIO_PDFS: &[&str] = &["pdf", "supp", "poster", "slides"];

/// Where al-folio keeps its thumbnails, which `preview` names by a bare file name.
const ALFOLIO_PREVIEWS: &str = "assets/img/publication_preview/";

/// Every field this module reads (and BibBase's `url_…`, see [`is_link_field`]).
pub const READ: &[&str] = &[
    "pdf",
    "url",
    "html",
    "website",
    "code",
    "github",
    "project",
    "openreview",
    "slides",
    "video",
    "poster",
    "supp",
    "blog",
    "doi",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "arxiv",
    "arxivid",
    "preview",
];

/// Whether `name` is a BibBase link field (`url_Paper`, `url_ArXiv`…), in lower case.
pub fn is_link_field(name: &str) -> bool {
    name.strip_prefix("url_").is_some_and(|s| !s.is_empty())
}

/// Whether an address names a PDF file (whatever its query or fragment: `x.pdf#page=3`).
fn is_pdf(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.to_ascii_lowercase().ends_with(".pdf")
}

/// Whether an address is a paper's page on arXiv.
fn is_arxiv_page(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://arxiv.org/abs/", "http://arxiv.org/abs/"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// The label of a BibBase `url_…` link, from its suffix; `url` is the link, for a PDF.
fn bibbase_label(suffix: &str, url: &str) -> String {
    match suffix {
        "paper" if is_pdf(url) => "pdf".into(),
        "link" => "page".into(),
        "presentation" => "slides".into(),
        other => other.to_owned(),
    }
}

/// Links from the entry's link fields, its DOI and its arXiv id, in that order, without
/// repeating an address; and what was left out, in words. A second address under a label
/// already used gets the label with `-2` (`-3`…), so no link is lost.
pub fn links(entry: &BibEntry) -> (Links, Vec<String>) {
    let mut links: Vec<(String, String)> = Vec::new();
    let mut warnings = Vec::new();
    let mut add = |label: &str, value: Result<String, String>, field: &str| {
        let url = match value {
            Ok(url) => url,
            Err(why) => {
                warnings.push(format!("the {field} field {why}; left out"));
                return;
            }
        };
        if links.iter().any(|(_, u)| *u == url) {
            return;
        }
        let label = match label {
            // A PDF in `url` beside a `pdf` field is still the paper's page.
            "pdf" if field == "url" && links.iter().any(|(l, _)| l == "pdf") => "page",
            // The arXiv page, whichever field gives it, is the arXiv link the eprint would make.
            "page" if is_arxiv_page(&url) => "arxiv",
            _ => label,
        };
        let mut unique = label.to_owned();
        let mut n = 1;
        while links.iter().any(|(l, _)| *l == unique) {
            n += 1;
            unique = format!("{label}-{n}");
        }
        links.push((unique, url));
    };
    for &(field, label) in LINK_FIELDS {
        if let Some(value) = entry.get(field).map(verbatim).filter(|v| !v.is_empty()) {
            let target = target(field, &value);
            let label = match &target {
                Ok(url) if field == "url" && is_pdf(url) => "pdf",
                _ => label,
            };
            add(label, target, field);
        }
    }
    for (field, value) in &entry.fields {
        let Some(suffix) = field.strip_prefix("url_").filter(|s| !s.is_empty()) else {
            continue;
        };
        let value = verbatim(value);
        if value.is_empty() {
            continue;
        }
        let target = target(field, &value);
        let label = bibbase_label(suffix, target.as_deref().unwrap_or(""));
        add(&label, target, field);
    }
    if let Some(doi) = entry.get("doi").map(verbatim).filter(|v| !v.is_empty()) {
        add("doi", Ok(doi_url(&doi)), "doi");
    }
    let archive = entry
        .get("archiveprefix")
        .or_else(|| entry.get("eprinttype"))
        .map(verbatim);
    let arxiv = match (entry.get("eprint"), archive) {
        (Some(eprint), Some(archive)) if archive.eq_ignore_ascii_case("arxiv") => Some(eprint),
        // al-folio's `arxiv`, Mendeley's `arxivId`.
        _ => entry.get("arxiv").or_else(|| entry.get("arxivid")),
    };
    if let Some(id) = arxiv.map(verbatim).filter(|v| !v.is_empty()) {
        let id = match id.get(..6) {
            Some(prefix) if prefix.eq_ignore_ascii_case("arxiv:") => &id[6..],
            _ => &id,
        };
        let url = format!("https://arxiv.org/abs/{}", id.trim());
        add("arxiv", Ok(url), "eprint");
    }
    (Links(links), warnings)
}

/// The thumbnail `preview` names: an `https:` address, or a path within the site (al-folio's bare
/// file name is one of its previews); or why it cannot be shown.
pub fn image(entry: &BibEntry) -> Option<Result<String, String>> {
    let value = entry
        .get("preview")
        .map(verbatim)
        .filter(|v| !v.is_empty())?;
    let path = if is_bare_name(&value) {
        format!("{ALFOLIO_PREVIEWS}{value}")
    } else {
        within_site(&value).to_owned()
    };
    Some(if is_safe_image(&path) {
        Ok(path)
    } else {
        Err(format!(
            "the preview field is neither an https: address nor a path within the site ({value})"
        ))
    })
}

/// A link field's value as an address: a web address, or a path within the site; or why not.
fn target(field: &str, value: &str) -> Result<String, String> {
    let value = match field {
        "github" if !value.contains(':') => format!("https://github.com/{value}"),
        "openreview" if !value.contains(':') => {
            format!("https://openreview.net/forum?id={value}")
        }
        _ => value.to_owned(),
    };
    if is_safe_url(&value) {
        return Ok(value);
    }
    let path = if is_bare_name(&value) && ALFOLIO_PDFS.contains(&field) {
        format!("assets/pdf/{value}")
    } else {
        within_site(&value).to_owned()
    };
    if is_site_path(&path) {
        Ok(path)
    } else {
        Err("is neither a web address nor a path within the site".to_owned())
    }
}

/// A file name with no scheme and no folder: al-folio's way of naming a file of its `assets/`.
fn is_bare_name(value: &str) -> bool {
    !value.contains(['/', ':', '\\']) && !value.starts_with('.')
}

/// `/assets/x.pdf`, written from the old site's root, as a path the page resolves under its own
/// address (which may be a sub-path); `//host/…` is another site and stays as it is.
fn within_site(value: &str) -> &str {
    match value.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => rest,
        _ => value,
    }
}

/// The doi.org address of a DOI given bare, as `doi:…` or as an address. Characters a URL would
/// read as its own (`#` starts a fragment, `?` a query) are percent-encoded, so the DOI arrives
/// whole.
pub fn doi_url(doi: &str) -> String {
    let lower = doi.to_ascii_lowercase();
    let bare = [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ]
    .iter()
    .find(|prefix| lower.starts_with(*prefix))
    .map_or(doi, |prefix| &doi[prefix.len()..])
    .trim();
    let mut url = String::from("https://doi.org/");
    let bytes = bare.as_bytes();
    for (i, c) in bare.char_indices() {
        let escaped_already = c == '%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        match c {
            '%' if escaped_already => url.push(c),
            '#' | '?' | '%' | ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                url.push_str(&format!("%{:02X}", c as u32))
            }
            _ => url.push(c),
        }
    }
    url
}

/// A verbatim field (a URL, a DOI) as text: outer braces and LaTeX escapes removed.
pub fn verbatim(value: &str) -> String {
    let value = value.trim();
    let value = match value
        .strip_prefix("\\url{")
        .and_then(|v| v.strip_suffix('}'))
    {
        Some(inner) => inner,
        None => value,
    };
    let mut value = value.to_owned();
    for tilde in [
        "{\\textasciitilde}",
        "\\textasciitilde{}",
        "\\textasciitilde",
        "{\\~}",
        "\\~{}",
    ] {
        value = value.replace(tilde, "~");
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibfile::read;

    fn entry(text: &str) -> BibEntry {
        let read = read(&[("refs.bib".into(), text.into())]);
        read.entries.into_iter().next().expect("an entry")
    }

    fn shown(links: &Links) -> Vec<String> {
        links.0.iter().map(|(l, u)| format!("{l} {u}")).collect()
    }

    #[test]
    fn bibbase_url_fields_are_links_labelled_by_their_suffix() {
        let e = entry(
            "@misc{k, title = {T},
  url_Paper = {https://x.org/p.pdf}, URL_ArXiv = {https://arxiv.org/abs/1},
  url_Link = {https://x.org/page}, url_Poster = {https://x.org/poster},
  url_Presentation = {https://x.org/talk}, url_Slides = {https://x.org/slides},
  url_Code = {https://github.com/a/b}, url_Video = {https://v.org/1},
  url_Blog = {https://blog.org/1}, url_pdf = {https://y.org/q.pdf}}",
        );
        assert_eq!(
            shown(&links(&e).0),
            [
                "pdf https://x.org/p.pdf",
                "arxiv https://arxiv.org/abs/1",
                "page https://x.org/page",
                "poster https://x.org/poster",
                "slides https://x.org/talk",
                "slides-2 https://x.org/slides",
                "code https://github.com/a/b",
                "video https://v.org/1",
                "blog https://blog.org/1",
                "pdf-2 https://y.org/q.pdf",
            ]
        );
        let e = entry(
            "@misc{k, title = {T}, url_Paper = {https://ieee.org/document/9}, url_paper = {https://x.org/a.PDF?v=2#page=3}}",
        );
        assert_eq!(
            shown(&links(&e).0),
            [
                "paper https://ieee.org/document/9",
                "pdf https://x.org/a.PDF?v=2#page=3"
            ]
        );
    }

    #[test]
    fn an_arxiv_page_is_the_arxiv_link_whichever_field_gives_it() {
        let e = entry(
            "@misc{k, title = {T}, url_Link = {https://arxiv.org/abs/1802.04537}, eprint = {1802.04537}, archiveprefix = {arXiv}}",
        );
        assert_eq!(
            shown(&links(&e).0),
            ["arxiv https://arxiv.org/abs/1802.04537"]
        );
    }

    #[test]
    fn an_arxiv_id_in_any_field_that_holds_one() {
        for bib in [
            "@misc{k, title = {T}, eprint = {arXiv:2101.00001}, eprinttype = {arxiv}}",
            "@misc{k, title = {T}, arxiv = {2101.00001}}",
            "@misc{k, title = {T}, arxivId = {2101.00001}}",
        ] {
            assert_eq!(
                shown(&links(&entry(bib)).0),
                ["arxiv https://arxiv.org/abs/2101.00001"],
                "{bib}"
            );
        }
    }

    #[test]
    fn a_repeated_url_field_keeps_both_links() {
        let e = entry(
            "@misc{k, title = {T}, url_Link = {https://a.org/1}, url_Link = {https://b.org/2}, url_Link = {https://a.org/1}}",
        );
        let (links, warnings) = links(&e);
        assert_eq!(
            shown(&links),
            ["page https://a.org/1", "page-2 https://b.org/2"]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn alfolio_file_names_are_paths_within_the_site() {
        let e = entry(
            "@article{k, title = {T}, pdf = {example_pdf.pdf}, html = {https://x.org/a},
  poster = {/assets/pdf/p.pdf}, slides = {javascript:alert(1)}, code = {../../etc/passwd},
  preview = {wave.gif}}",
        );
        let (links, warnings) = links(&e);
        assert_eq!(
            shown(&links),
            [
                "pdf assets/pdf/example_pdf.pdf",
                "page https://x.org/a",
                "poster assets/pdf/p.pdf"
            ]
        );
        assert_eq!(
            warnings,
            [
                "the code field is neither a web address nor a path within the site; left out",
                "the slides field is neither a web address nor a path within the site; left out",
            ]
        );
        assert_eq!(
            image(&e),
            Some(Ok("assets/img/publication_preview/wave.gif".into()))
        );
        let http = entry("@misc{k, title = {T}, preview = {http://x.org/a.png}}");
        assert!(image(&http).unwrap().is_err());
    }

    #[test]
    fn dois_with_hash_or_question_mark_stay_whole() {
        assert_eq!(
            doi_url("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-#"),
            "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-%23"
        );
        assert_eq!(
            doi_url("doi:10.1000/a?b%2Fc 100%"),
            "https://doi.org/10.1000/a%3Fb%2Fc%20100%25"
        );
        assert_eq!(
            doi_url("https://dx.doi.org/10.48550/arXiv:2101.1"),
            "https://doi.org/10.48550/arXiv:2101.1"
        );
    }
}
