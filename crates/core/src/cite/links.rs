//! What a paper's links say for a citation: the URL to cite, its DOI, its arXiv id.

use crate::catalog::{is_safe_url, Link, Paper};
use crate::url::decode_fragment;

/// Labels of the link to cite, best first (compared in lower case): the paper's own page before
/// its files. Without any of them, the first web link.
const URL_LABELS: &[&str] = &["url", "page", "html", "paper", "pdf", "arxiv", "doi"];

/// The URL to cite: the link whose label comes first in [`URL_LABELS`], else the first `http(s)`
/// link (a `mailto:` link is not where a paper is, and a path within the site means nothing in a
/// reference manager).
pub fn cited_url(paper: &Paper) -> Option<&str> {
    let web = || {
        paper
            .links
            .iter()
            .filter(|l| !is_mailto(l) && is_safe_url(&l.url))
    };
    URL_LABELS
        .iter()
        .find_map(|label| web().find(|l| l.label.eq_ignore_ascii_case(label)))
        .or_else(|| web().next())
        .map(|l| &*l.url)
}

fn is_mailto(link: &Link) -> bool {
    link.url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
}

/// The paper's DOI ("10.1000/xyz"), from a link to doi.org, whatever its label.
pub fn doi(paper: &Paper) -> Option<String> {
    paper.links.iter().find_map(|link| {
        let doi = after_host(&link.url, &["doi.org", "dx.doi.org", "www.doi.org"])?;
        // Only %XX escapes: a `+` in a path is a plus.
        let doi = decode_fragment(doi.split(['?', '#']).next()?);
        let valid =
            doi.starts_with("10.") && doi.contains('/') && !doi.contains(char::is_whitespace);
        valid.then_some(doi)
    })
}

/// The paper's arXiv identifier ("1706.03762", "hep-th/9901001"), without its version, from a
/// link to its arXiv abstract or PDF.
pub fn arxiv_id(paper: &Paper) -> Option<String> {
    paper.links.iter().find_map(|link| {
        let rest = after_host(
            &link.url,
            &["arxiv.org", "www.arxiv.org", "export.arxiv.org"],
        )?;
        let path = rest.split(['?', '#']).next()?;
        let id = path
            .strip_prefix("abs/")
            .or_else(|| path.strip_prefix("pdf/"))?
            .trim_end_matches('/');
        let id = id.strip_suffix(".pdf").unwrap_or(id);
        let id = match id.rsplit_once('v') {
            Some((base, version))
                if !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) =>
            {
                base
            }
            _ => id,
        };
        let valid = id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"./-".contains(&b));
        valid.then(|| id.to_owned())
    })
}

/// What follows `https://HOST/` in `url`, for any of `hosts` (case-insensitive).
fn after_host<'a>(url: &'a str, hosts: &[&str]) -> Option<&'a str> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let (host, path) = rest.split_once('/')?;
    hosts
        .iter()
        .any(|h| host.eq_ignore_ascii_case(h))
        .then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    fn paper(links: &str) -> Paper {
        let json = format!(r#"[{{"title": "T", "links": {links}}}]"#);
        Catalog::from_json(&json).unwrap().papers.remove(0)
    }

    #[test]
    fn the_cited_url_is_the_papers_page_before_its_files() {
        let p = paper(r#"{"code": "https://c", "PDF": "https://p", "Page": "https://g"}"#);
        assert_eq!(cited_url(&p), Some("https://g"));
        let p = paper(r#"{"mail": "mailto:a@b.c", "code": "https://c"}"#);
        assert_eq!(cited_url(&p), Some("https://c"));
        let p = paper(r#"{"pdf": "papers/a.pdf", "code": "https://c"}"#);
        assert_eq!(
            cited_url(&p),
            Some("https://c"),
            "a path within the site is not cited"
        );
        assert_eq!(cited_url(&paper(r#"{"mail": "MAILTO:a@b.c"}"#)), None);
        assert_eq!(cited_url(&paper("{}")), None);
    }

    #[test]
    fn dois_come_from_doi_links() {
        for (links, expected) in [
            (
                r#"{"doi": "https://doi.org/10.1000/x%2By+z"}"#,
                Some("10.1000/x+y+z"),
            ),
            (r#"{"DOI": "http://dx.doi.org/10.1/a?x=1"}"#, Some("10.1/a")),
            (r#"{"publisher": "https://DOI.org/10.2/b"}"#, Some("10.2/b")),
            (r#"{"doi": "https://doi.org/11.1/a"}"#, None),
            (r#"{"doi": "https://doi.org/10.1/a%20b"}"#, None),
            (r#"{"doi": "https://example.org/10.1/a"}"#, None),
            (r#"{"pdf": "https://evil.org/doi.org/10.1/a"}"#, None),
        ] {
            assert_eq!(doi(&paper(links)).as_deref(), expected, "{links}");
        }
    }

    #[test]
    fn arxiv_ids_come_from_arxiv_links() {
        for (links, expected) in [
            (
                r#"{"arXiv": "https://arxiv.org/abs/1706.03762v5"}"#,
                Some("1706.03762"),
            ),
            (
                r#"{"pdf": "http://arxiv.org/pdf/1706.03762.pdf"}"#,
                Some("1706.03762"),
            ),
            (
                r#"{"x": "https://arxiv.org/abs/hep-th/9901001v2/"}"#,
                Some("hep-th/9901001"),
            ),
            (r#"{"x": "https://arxiv.org/list/cs.LG"}"#, None),
            (r#"{"x": "https://arxiv.org/abs/12%7D34"}"#, None),
            (r#"{"x": "https://notarxiv.org/abs/1706.03762"}"#, None),
        ] {
            assert_eq!(arxiv_id(&paper(links)).as_deref(), expected, "{links}");
        }
    }
}
