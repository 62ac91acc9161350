//! Prerenders the page at build time (trunk's post-build hook, tools/post-build.sh): the same
//! components the app runs, rendered to HTML natively by Leptos for the shipped data, so that
//! the first cards are readable before the wasm arrives, without JavaScript, and by crawlers
//! and link previews. Writes into the built `index.html`:
//! - the page as the app shows it in the default view, inside a disabled `<fieldset>` (its
//!   controls wait for the app, which replaces it once its own page is ready);
//! - the data's title and description as `<title>`, meta description and Open Graph tags;
//! - schema.org JSON-LD for the prerendered papers, at the end of the body;
//! - a note linking the whole data: `publications.json` and `publications.bib`, which it also
//!   writes, for readers without JavaScript, who see only the prerendered cards;
//! - links to the Atom feeds.
//!
//! Then it writes a page for every paper, the feeds, `sitemap.xml` and `robots.txt` (see
//! `pages.rs`). Absolute addresses (the sitemap's, the feeds', Open Graph's) need the site's
//! deploy address: `SITE_URL` (the Pages workflow sets it); without it, those are left out.
//!
//! A missing or unreadable data file leaves the page as trunk built it: the app reports it.

mod pages;

use leptos::prelude::*;
use papershelf::{Feed, Shelf};
use papershelf_core::bibtex::bibliography;
use papershelf_core::dom_id::fnv1a;
use papershelf_core::metadata::{json_ld_text, scholarly_article};
use papershelf_core::site::{escape, Site};
use papershelf_core::text::count_label;
use papershelf_core::{Catalog, ViewState};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let Some(dir) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
    else {
        eprintln!("usage: prerender DIST_DIR (or run as a trunk hook)");
        return ExitCode::from(2);
    };
    match prerender(&dir) {
        Ok(summary) => {
            println!("prerender: {summary}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("prerender: {why}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dir: &Path) -> Result<String, String> {
    let index = dir.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let data = dir.join("publications.json");
    let (catalog, bytes) = match std::fs::read(&data) {
        Ok(bytes) => match Catalog::from_json(&bytes) {
            Ok(catalog) => (Arc::new(catalog), bytes),
            Err(e) => {
                return Ok(format!(
                    "{}: not prerendered, the data is not JSON ({})",
                    data.display(),
                    e.message
                ))
            }
        },
        Err(e) => return Ok(format!("{}: not prerendered ({e})", data.display())),
    };

    // The default view's papers, in order: the .bib lists them all, the JSON-LD those prerendered.
    let shown = catalog.select(&ViewState::default()).shown;
    let everything = bibliography(&shown, &catalog, Some(&bytes[..]));
    std::fs::write(dir.join("publications.bib"), everything)
        .map_err(|e| format!("publications.bib: {e}"))?;

    // The preload and the app fetch the data by a name that changes with it: a cached copy of
    // an earlier deploy can never stand in for it (see data_address in src/data.rs).
    if let Some(at) = html.find("href=\"publications.json") {
        let start = at + "href=\"".len();
        let end = html[start..].find('"').map_or(start, |e| start + e);
        html.replace_range(
            start..end,
            &format!("publications.json?v={:016x}", fnv1a(&bytes)),
        );
    }
    // Its length, for the page's progress bar (the served length may be the compressed one), and
    // its count of papers, for which the app makes room at once; in place of those an earlier
    // prerender of this page wrote.
    set_attribute(&mut html, "data-publications", bytes.len());
    set_attribute(&mut html, "data-papers", catalog.papers.len());
    let page = Owner::new().with(|| {
        let catalog = catalog.clone();
        let feed = Feed::complete(catalog);
        view! { <main class="page"><Shelf feed /></main> }.to_html()
    });
    let cards = page.matches("<article").count();
    let title = catalog.page_title().to_owned();
    let description = catalog.description.clone();

    let shell = pages::Shell::from_index(&html)?;
    let address = std::env::var("SITE_URL").ok();
    let site = Site::new(address.as_deref(), &shell.base_path)?;
    if site.path() != shell.base_path {
        eprintln!(
            "prerender: warning: the site address {} is not at the path the site is built for ({}): \
             check SITE_URL and --public-url",
            site.root(),
            shell.base_path
        );
    }
    let written = pages::write(dir, &catalog, &bytes, &shell, &site)?;
    let mut head = head(&title, description.as_deref(), &site);
    head.push_str(&pages::feed_links(&written.feeds));
    // Also for readers without JavaScript, where the list stops at the prerendered cards.
    let note = format!(
        "<p class=\"full-data\">All {}: <a href=\"publications.json\">publications.json</a>, \
         <a href=\"publications.bib\">publications.bib</a> (BibTeX).</p>",
        count_label(catalog.papers.len(), "publication", "publications"),
    );
    let page = match page.rfind("</main>") {
        Some(end) => format!("{}{note}{}", &page[..end], &page[end..]),
        None => page,
    };
    html = replace_between(&html, "<title>", "</title>", &escape(&title))?;
    if let Some(description) = &description {
        html = replace_attribute(&html, "<meta name=\"description\"", &escape(description))?;
    }
    // Between markers, so that prerendering again (`make bench` does, for each corpus) replaces
    // what an earlier run wrote.
    html = replace_marked(&html, "head", &head, "</head>")?;
    // The JSON-LD (the prerendered papers again, whole abstracts included: as large as the cards)
    // at the end of the body, for crawlers: in the head, it came before the first card and the
    // app's preloads (tools/head-order.mjs), which a slow phone waited for.
    let data = format!(
        "<script type=\"application/ld+json\">{}</script>",
        json_ld_text(&json_ld(&catalog, &shown[..cards.min(shown.len())], &site))
    );
    html = replace_marked(&html, "data", &data, "</body>")?;
    let page =
        format!("<fieldset class=\"prerendered\" id=\"prerendered\" data-cards=\"{cards}\" disabled>{page}</fieldset>");
    html = replace_marked(&html, "page", &page, "<noscript>")?;
    // The note that the page needs JavaScript: now it reads without.
    if let Some(noscript) = html.find("<noscript>") {
        let end = html[noscript..]
            .find("</noscript>")
            .ok_or("unclosed <noscript>")?
            + noscript;
        html.replace_range(noscript..end + "</noscript>".len(), "");
    }
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    let kept = if written.kept.is_empty() {
        String::new()
    } else {
        format!("; kept the site's own {}", written.kept.join(", "))
    };
    let addressed = if written.sitemap {
        format!(
            "{}, sitemap.xml for {}",
            count_label(written.feeds.len(), "feed", "feeds"),
            site.root()
        )
    } else {
        "no sitemap or feeds: set SITE_URL to the site's address to write them".to_owned()
    };
    Ok(format!(
        "{} of {} written into {}; {} ({addressed}){kept}",
        count_label(cards, "card", "cards"),
        count_label(catalog.papers.len(), "paper", "papers"),
        index.display(),
        count_label(written.pages, "paper page", "paper pages"),
    ))
}

/// Open Graph tags and the canonical link, for the end of `<head>`.
fn head(title: &str, description: Option<&str>, site: &Site) -> String {
    let mut out = format!("<meta property=\"og:type\" content=\"website\" /><meta property=\"og:title\" content=\"{}\" />", escape(title));
    if site.is_absolute() {
        out.push_str(&format!(
            "<meta property=\"og:url\" content=\"{root}\" /><link rel=\"canonical\" href=\"{root}\" />",
            root = escape(site.root())
        ));
    }
    if let Some(description) = description {
        out.push_str(&format!(
            "<meta property=\"og:description\" content=\"{}\" />",
            escape(description)
        ));
    }
    out
}

/// schema.org `ScholarlyArticle`s for `papers`, as on their own pages.
fn json_ld(catalog: &Catalog, papers: &[u32], site: &Site) -> Value {
    let articles: Vec<Value> = papers
        .iter()
        .map(|&idx| scholarly_article(&catalog.papers[idx as usize], catalog, site))
        .collect();
    json!({"@context": "https://schema.org", "@graph": articles})
}

/// `html` with what an earlier run wrote between the `name` markers replaced by `content`, or
/// `content` (with its markers) put before `place` the first time.
fn replace_marked(html: &str, name: &str, content: &str, place: &str) -> Result<String, String> {
    let (open, close) = (
        format!("<!-- prerendered {name} -->"),
        format!("<!-- /prerendered {name} -->"),
    );
    let marked = format!("{open}{content}{close}");
    if let (Some(start), Some(end)) = (html.find(&open), html.find(&close)) {
        return Ok(format!(
            "{}{marked}{}",
            &html[..start],
            &html[end + close.len()..]
        ));
    }
    let at = html
        .find(place)
        .ok_or_else(|| format!("index.html has no {place}"))?;
    Ok(format!("{}{marked}{}", &html[..at], &html[at..]))
}

/// `html` with the text between `open` and `close` replaced.
fn replace_between(html: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let start = html
        .find(open)
        .ok_or_else(|| format!("index.html has no {open}"))?
        + open.len();
    let end = html[start..]
        .find(close)
        .ok_or_else(|| format!("index.html has no {close}"))?
        + start;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// `html` with the `content` attribute of the tag that starts with `tag` replaced.
fn replace_attribute(html: &str, tag: &str, with: &str) -> Result<String, String> {
    let at = html
        .find(tag)
        .ok_or_else(|| format!("index.html has no {tag}"))?;
    let content = html[at..]
        .find("content=\"")
        .ok_or("a tag without content")?
        + at
        + "content=\"".len();
    let end = html[content..].find('"').ok_or("an unclosed attribute")? + content;
    Ok(format!("{}{with}{}", &html[..content], &html[end..]))
}

/// Gives the attribute `name` (written bare, or with the value an earlier run gave it) the value
/// `value`, where index.html has it.
fn set_attribute(html: &mut String, name: &str, value: usize) {
    let name = format!(" {name}");
    if let Some(at) = html.find(&name) {
        let start = at + name.len();
        let end = match html[start..].strip_prefix("=\"") {
            Some(rest) => rest.find('"').map_or(start, |e| start + 2 + e + 1),
            None => start,
        };
        html.replace_range(start..end, &format!("=\"{value}\""));
    }
}
