//! Where the site is deployed, for the addresses its generated files name (paper pages, the
//! sitemap, feeds), and text made safe to stand in them.

use crate::catalog::is_site_path;
use crate::dom_id::paper_page;

/// The site's root: an absolute URL when the deploy address is known (`SITE_URL`, or the Pages
/// workflow's), else the path it is served under (`/papers/`), which browsers resolve but
/// crawlers and feed readers cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    root: String,
    absolute: bool,
}

impl Site {
    /// The site served at `base_path` (the page's `<base href>`, such as `/papers/`), deployed
    /// at `address` when known: `https://lab.github.io/papers` (with or without the final `/`).
    /// An address that is not a plain `http(s)` URL is refused, with why.
    pub fn new(address: Option<&str>, base_path: &str) -> Result<Site, String> {
        let Some(address) = address.map(str::trim).filter(|a| !a.is_empty()) else {
            let mut root = base_path.to_owned();
            if !root.starts_with('/') {
                root.insert(0, '/');
            }
            if !root.ends_with('/') {
                root.push('/');
            }
            return Ok(Site {
                root,
                absolute: false,
            });
        };
        let rest = address
            .strip_prefix("https://")
            .or_else(|| address.strip_prefix("http://"))
            .filter(|rest| !rest.is_empty() && !rest.starts_with('/'));
        let plain = address
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\'));
        if rest.is_none() || !plain || address.contains(['?', '#']) {
            return Err(format!(
                "the site address {address:?} is not an http(s) URL such as https://lab.github.io/papers/"
            ));
        }
        let mut root = address.to_owned();
        if !root.ends_with('/') {
            root.push('/');
        }
        Ok(Site {
            root,
            absolute: true,
        })
    }

    /// The root, ending in `/`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The root's path (`/papers/`): the page's `<base>` path when the deploy address agrees.
    pub fn path(&self) -> &str {
        match self.root.find("://") {
            Some(scheme) => {
                let host = scheme + 3;
                self.root[host..]
                    .find('/')
                    .map_or("/", |at| &self.root[host + at..])
            }
            None => &self.root,
        }
    }

    /// Whether addresses are absolute URLs, as a sitemap, a feed and Open Graph need.
    pub fn is_absolute(&self) -> bool {
        self.absolute
    }

    /// A file of the site (`feed.xml`), or a link from the data: a path within the site is
    /// put under the root; a URL is kept.
    pub fn resolve(&self, link: &str) -> String {
        if is_site_path(link) {
            format!("{}{link}", self.root)
        } else {
            link.to_owned()
        }
    }

    /// The address of a paper's own page.
    pub fn page(&self, paper_id: &str) -> String {
        format!("{}{}", self.root, paper_page(paper_id))
    }
}

/// `text` as HTML or XML text, or a quoted attribute value: `&`, `<`, `>`, `"` and `'` escaped,
/// and characters that XML 1.0 does not allow (control characters but tab and line breaks,
/// U+FFFE, U+FFFF) left out, so a feed parser never stops at one.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deploy_address_makes_absolute_urls_and_a_path_relative_ones() {
        let site = Site::new(Some("https://lab.github.io/papers"), "/papers/").unwrap();
        assert_eq!(site.root(), "https://lab.github.io/papers/");
        assert_eq!(site.path(), "/papers/");
        assert!(site.is_absolute());
        assert_eq!(Site::new(Some("https://lab.org"), "/").unwrap().path(), "/");
        assert_eq!(site.page("a b"), "https://lab.github.io/papers/p/a_20b/");
        assert_eq!(
            site.resolve("papers/a.pdf"),
            "https://lab.github.io/papers/papers/a.pdf"
        );
        assert_eq!(site.resolve("https://x.org/a.pdf"), "https://x.org/a.pdf");

        let local = Site::new(None, "/papers/").unwrap();
        assert_eq!(local.root(), "/papers/");
        assert_eq!(local.path(), "/papers/");
        assert!(!local.is_absolute());
        assert_eq!(Site::new(Some(" "), "/").unwrap().root(), "/");
    }

    #[test]
    fn an_address_that_is_not_a_plain_url_is_refused() {
        for bad in [
            "lab.github.io",
            "javascript:alert(1)",
            "https://",
            "https:///x",
            "https://x.org/\"><script>",
            "https://x.org/?a=1",
            "https://x .org/",
        ] {
            assert!(Site::new(Some(bad), "/").is_err(), "{bad}");
        }
    }

    #[test]
    fn escaped_text_cannot_become_markup() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&</a>\u{0}\u{1b}\u{FFFF}é\n"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;é\n"
        );
    }
}
