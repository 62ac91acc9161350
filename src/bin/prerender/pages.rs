//! A page per paper (`p/<id>/index.html`), and the files that point machines at them: the Atom
//! feeds (`feed.xml`, `feeds/<member>.xml`), `sitemap.xml` and `robots.txt`.
//!
//! A page is the paper's card rendered by the app's own components (`PaperPage`) in a static
//! document: the built page's stylesheet, icon and `<base>`, the paper's metadata in its head
//! (papershelf-core's `metadata`), a strict Content-Security-Policy, and a small stylesheet and
//! script of its own (`public/paper-page.css`, `public/paper-page.js`: the visitor's theme, the
//! Copy button).

use leptos::prelude::*;
use papershelf::{provide_page_context, PaperPage};
use papershelf_core::bibtex::cite;
use papershelf_core::dom_id::paper_page;
use papershelf_core::feeds::{atom, feeds, robots, sitemaps};
use papershelf_core::metadata::paper_head;
use papershelf_core::site::{escape, Site};
use papershelf_core::Catalog;
use std::fs;
use std::path::Path;
use std::sync::Arc;

/// A paper page runs no script but the site's own file, and loads nothing foreign but
/// thumbnails (as the listing allows).
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: https:; base-uri 'self'; form-action 'none'";

/// The tags of the built `index.html` a paper page shares: its `<base>` (so that every address
/// resolves as on the listing), icon and stylesheet.
pub struct Shell {
    /// The `<base>`'s path, such as `/papers/`.
    pub base_path: String,
    tags: String,
}

impl Shell {
    /// The shell of `index`, the built listing.
    pub fn from_index(index: &str) -> Result<Shell, String> {
        let tag = |start: &str| -> Result<&str, String> {
            let at = index
                .find(start)
                .ok_or_else(|| format!("index.html has no {start}"))?;
            let end = index[at..].find('>').ok_or("an unclosed tag")? + at + 1;
            Ok(&index[at..end])
        };
        let base = tag("<base ")?;
        let base_path = base
            .split("href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or("index.html's <base> has no href")?
            .to_owned();
        let tags = [
            base,
            tag("<link rel=\"icon\"")?,
            tag("<link rel=\"stylesheet\"")?,
        ]
        .join("\n");
        Ok(Shell { base_path, tags })
    }
}

/// What [`write`] wrote, for the build's log.
pub struct Written {
    pub pages: usize,
    /// The feeds written: (title, address relative to the site's root).
    pub feeds: Vec<(String, String)>,
    pub sitemap: bool,
    /// Files of the lab's own (from `public/`) that stand where one of ours would: kept.
    pub kept: Vec<String>,
}

/// Where the prerender lists what it wrote into the output, so that a run over the same
/// directory again (a deploy prerendered with other data) removes exactly that first (a paper
/// taken out of the data leaves no page behind), and never a file of the lab's own.
const MANIFEST: &str = ".papershelf-written";

/// The output directory, with what this run claims in it.
struct Output<'a> {
    dir: &'a Path,
    written: Vec<String>,
    kept: Vec<String>,
}

impl<'a> Output<'a> {
    /// `dir`, with what an earlier run wrote there removed.
    fn open(dir: &'a Path) -> Result<Output<'a>, String> {
        let manifest = dir.join(MANIFEST);
        if let Ok(list) = fs::read_to_string(&manifest) {
            for name in list.lines().filter(|name| is_ours(name)) {
                let path = dir.join(name);
                let removed = if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                };
                match removed {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(format!("{}: {e}", path.display()))
                    }
                    _ => {}
                }
            }
        }
        Ok(Output {
            dir,
            written: Vec::new(),
            kept: Vec::new(),
        })
    }

    /// Takes the top-level `name` for this run's output: `false` when the lab's own file has
    /// that name (it is kept, and said).
    fn claim(&mut self, name: &str) -> bool {
        if self.dir.join(name).exists() {
            self.kept.push(name.to_owned());
            return false;
        }
        self.written.push(name.to_owned());
        true
    }

    /// Takes a folder this run cannot do without.
    fn claim_folder(&mut self, name: &str) -> Result<(), String> {
        if self.claim(name) {
            return Ok(());
        }
        Err(format!(
            "{} is already there, and this prerender did not write it (a folder {name} in \
             public/?): the build writes its own {name}/; move the other one",
            self.dir.join(name).display()
        ))
    }

    fn write(&self, name: &str, text: &str) -> Result<(), String> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Records what was written, for the next run.
    fn close(self) -> Result<Vec<String>, String> {
        self.write(MANIFEST, &(self.written.join("\n") + "\n"))?;
        Ok(self.kept)
    }
}

/// Whether a manifest's line names something this prerender writes: a hand-edited manifest
/// cannot make it remove anything else.
fn is_ours(name: &str) -> bool {
    matches!(name, "p" | "feeds" | "feed.xml" | "robots.txt")
        || name
            .strip_prefix("sitemap")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .is_some_and(|n| {
                n.is_empty()
                    || n.strip_prefix('-')
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            })
}

/// Writes every paper's page into `dir`, `robots.txt`, and the feeds and sitemap when the
/// site's address is known.
pub fn write(
    dir: &Path,
    catalog: &Arc<Catalog>,
    file: &[u8],
    shell: &Shell,
    site: &Site,
) -> Result<Written, String> {
    let mut out = Output::open(dir)?;
    out.claim_folder("p")?;
    // The feeds this run writes, known before the pages, which link the lab's: not where a
    // feed.xml of the lab's own is kept.
    let mut to_write = Vec::new();
    if site.is_absolute() {
        let all = feeds(catalog);
        if all.len() > 1 {
            out.claim_folder("feeds")?;
        }
        for feed in all {
            if feed.path.contains('/') || out.claim(&feed.path) {
                to_write.push(feed);
            }
        }
    }
    let feed_link = to_write
        .iter()
        .find(|feed| feed.path == "feed.xml")
        .map(|feed| feed_link(&feed.title, &feed.path) + "\n");
    let owner = Owner::new();
    owner.with(|| provide_page_context(catalog.clone()));
    for (idx, paper) in catalog.papers.iter().enumerate() {
        let bibtex = cite(paper, catalog, Some(file));
        // A child of the shared owner per page: its reactive state goes with it.
        let body = owner
            .child()
            .with(|| view! { <PaperPage idx=idx as u32 bibtex /> }.to_html());
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\" />\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
             <meta name=\"color-scheme\" content=\"light dark\" />\n{tags}\n{head}{feed}\
             <link rel=\"stylesheet\" href=\"paper-page.css\" />\n\
             <script src=\"paper-page.js\"></script>\n</head>\n<body>\n\
             <main class=\"page paper-page\">{body}</main>\n</body>\n</html>\n",
            tags = shell.tags,
            head = paper_head(paper, catalog, site),
            feed = feed_link.as_deref().unwrap_or(""),
        );
        out.write(&format!("{}index.html", paper_page(&paper.id)), &html)?;
    }
    if out.claim("robots.txt") {
        out.write("robots.txt", &robots(site))?;
    }
    let mut sitemap = false;
    if site.is_absolute() {
        for (name, text) in sitemaps(catalog, site) {
            if out.claim(&name) {
                out.write(&name, &text)?;
                sitemap = true;
            }
        }
    }
    for feed in &to_write {
        out.write(&feed.path, &atom(catalog, feed, site))?;
    }
    Ok(Written {
        pages: catalog.papers.len(),
        feeds: to_write.into_iter().map(|f| (f.title, f.path)).collect(),
        sitemap,
        kept: out.close()?,
    })
}

/// A `<link rel="alternate">` to a feed, for a page's head.
fn feed_link(title: &str, path: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\" />",
        escape(title),
        escape(path)
    )
}

/// The listing's `<link rel="alternate">`s to the feeds [`write`] wrote.
pub fn feed_links(feeds: &[(String, String)]) -> String {
    feeds
        .iter()
        .map(|(title, path)| feed_link(title, path))
        .collect()
}
