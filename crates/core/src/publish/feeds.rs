//! The files that tell machines what the site holds: an Atom feed of the newest papers (the
//! lab's, and each member's), `sitemap.xml` and `robots.txt`. All need absolute addresses, so
//! they are written only for a [`Site`] whose deploy address is known.
//!
//! Each is a function of the data alone (no build time in it), so a build of the same file
//! writes the same bytes, and a feed reader sees an entry once however often the site deploys.

use crate::catalog::{Catalog, Paper, PaperIdx};
use crate::dom_id::file_name;
use crate::metadata::{abstract_text, pdf_url, title};
use crate::rich::plain_text;
use crate::site::{escape, Site};
use crate::state::ViewState;

/// Entries in a feed: readers show the newest, and a feed of every paper would be megabytes.
pub const FEED_ENTRIES: usize = 50;

/// Addresses in one sitemap file, the protocol's limit; more go into several, under an index.
pub const SITEMAP_URLS: usize = 50_000;

/// The newest papers first: by year (papers without one last), then in the file's order.
pub fn newest_first(
    catalog: &Catalog,
    papers: impl IntoIterator<Item = PaperIdx>,
) -> Vec<PaperIdx> {
    let mut papers: Vec<PaperIdx> = papers.into_iter().collect();
    papers.sort_by_key(|&idx| {
        let year = catalog.papers[idx as usize].year;
        (std::cmp::Reverse(year.map_or(i32::MIN, |y| y)), idx)
    });
    papers
}

/// A feed to write: its details and its papers.
pub struct Feed {
    /// Its title: the page's, or "…: papers by {member}".
    pub title: String,
    /// Its address, relative to the site's root (`feed.xml`).
    pub path: String,
    /// The listing's view it follows, relative to the site's root (`""` for the whole list).
    pub alternate: String,
    /// Newest first.
    pub papers: Vec<PaperIdx>,
}

/// The lab's feed (`feed.xml`), then one per member with papers, in the members' order
/// (`feeds/<member's name as a file name>.xml`).
pub fn feeds(catalog: &Catalog) -> Vec<Feed> {
    let lab = catalog.page_title();
    let mut feeds = vec![Feed {
        title: lab.to_owned(),
        path: "feed.xml".into(),
        alternate: String::new(),
        papers: newest_first(catalog, 0..catalog.papers.len() as PaperIdx),
    }];
    for member in &catalog.members {
        let Some(author) = member.author else {
            continue;
        };
        let papers = (0..catalog.papers.len() as PaperIdx)
            .filter(|&idx| catalog.papers[idx as usize].authors.contains(&author));
        let mut view = ViewState::default();
        view.authors.push(member.name.clone());
        feeds.push(Feed {
            title: format!("{lab}: papers by {}", member.name),
            path: format!("feeds/{}.xml", file_name(&member.name)),
            alternate: view.to_query(),
            papers: newest_first(catalog, papers),
        });
    }
    feeds
}

/// An entry's date: January 1st of the paper's year, all the data says. The same in every
/// build, so readers never see an entry as changed.
fn updated(paper: &Paper) -> String {
    format!(
        "{:04}-01-01T00:00:00Z",
        paper.year.unwrap_or(1970).clamp(0, 9999)
    )
}

/// The Atom (RFC 4287) feed of `feed`'s papers (at most [`FEED_ENTRIES`]), each entry
/// identified by its page's address.
pub fn atom(catalog: &Catalog, feed: &Feed, site: &Site) -> String {
    let papers = &feed.papers[..feed.papers.len().min(FEED_ENTRIES)];
    let updated = papers
        .iter()
        .map(|&idx| updated(&catalog.papers[idx as usize]))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let lab = catalog.page_title();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         <title>{title}</title>\n<id>{self_url}</id>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{alternate}\"/>\n\
         <updated>{updated}</updated>\n<author><name>{lab}</name></author>\n\
         <generator>Papershelf</generator>\n",
        title = escape(&feed.title),
        self_url = escape(&site.resolve(&feed.path)),
        alternate = escape(&format!("{}{}", site.root(), feed.alternate)),
        lab = escape(lab),
    );
    if let Some(description) = &catalog.description {
        xml.push_str(&format!("<subtitle>{}</subtitle>\n", escape(description)));
    }
    for &idx in papers {
        xml.push_str(&entry(catalog, &catalog.papers[idx as usize], site));
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(catalog: &Catalog, paper: &Paper, site: &Site) -> String {
    let page = escape(&site.page(&paper.id));
    let date = updated(paper);
    let mut xml = format!(
        "<entry>\n<title type=\"text\">{}</title>\n<id>{page}</id>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n\
         <published>{date}</published>\n<updated>{date}</updated>\n",
        escape(&title(paper)),
    );
    for &author in paper.authors.iter() {
        xml.push_str(&format!(
            "<author><name>{}</name></author>\n",
            escape(catalog.author_name(author))
        ));
    }
    for &topic in paper.topics.iter() {
        xml.push_str(&format!(
            "<category term=\"{}\"/>\n",
            escape(&catalog.topic(topic).label)
        ));
    }
    if let Some(pdf) = pdf_url(paper, site) {
        xml.push_str(&format!(
            "<link rel=\"enclosure\" type=\"application/pdf\" href=\"{}\"/>\n",
            escape(&pdf)
        ));
    }
    let summary = abstract_text(paper).unwrap_or_else(|| {
        let venue = paper.venue.as_ref().map(|v| plain_text(&v.shown()));
        let year = paper.year.map(|y| y.to_string());
        [venue, year]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    if !summary.is_empty() {
        xml.push_str(&format!(
            "<summary type=\"text\">{}</summary>\n",
            escape(&summary)
        ));
    }
    xml.push_str("</entry>\n");
    xml
}

/// The sitemap files: `(name, text)`, `sitemap.xml` first. It lists the listing and every
/// paper's page; beyond [`SITEMAP_URLS`] addresses it is an index of `sitemap-1.xml`, ….
pub fn sitemaps(catalog: &Catalog, site: &Site) -> Vec<(String, String)> {
    let urls: Vec<String> = std::iter::once(site.root().to_owned())
        .chain(catalog.papers.iter().map(|p| site.page(&p.id)))
        .collect();
    let urlset = |urls: &[String]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls {
            xml.push_str(&format!("<url><loc>{}</loc></url>\n", escape(url)));
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if urls.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".to_owned(), urlset(&urls))];
    }
    let parts: Vec<(String, String)> = urls
        .chunks(SITEMAP_URLS)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &parts {
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&site.resolve(name))
        ));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_owned(), index))
        .chain(parts)
        .collect()
}

/// `robots.txt`: everything may be crawled, and the sitemap is where it says (when the site's
/// address is known). Crawlers read it only at a host's root: a user site's or a custom
/// domain's, not a project site's under a sub-path.
pub fn robots(site: &Site) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if site.is_absolute() {
        text.push_str(&format!("\nSitemap: {}\n", site.resolve("sitemap.xml")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site::new(Some("https://lab.example/papers"), "/papers/").unwrap()
    }

    #[test]
    fn the_newest_come_first_then_the_file_order() {
        let c = Catalog::from_json(
            br#"[{"title": "A", "year": 2020}, {"title": "B"}, {"title": "C", "year": 2024},
                 {"title": "D", "year": 2020}, {"title": "E", "year": 2024}]"#,
        )
        .unwrap();
        let order: Vec<String> = newest_first(&c, 0..5)
            .into_iter()
            .map(|i| c.papers[i as usize].title.shown())
            .collect();
        assert_eq!(order, ["C", "E", "A", "D", "B"]);
    }

    #[test]
    fn a_feed_is_the_same_in_every_build_and_escapes_its_text() {
        let c = Catalog::from_json(
            br#"{"title": "Lab & <Co>", "publications": [
                {"id": "x]]>", "title": "</title><script>", "year": 2024, "authors": ["A <B>"],
                 "topics": ["c&d"], "links": {"pdf": "p/x.pdf"}, "abstract": "\u0001ok"}]}"#,
        )
        .unwrap();
        let feed = &feeds(&c)[0];
        assert_eq!(
            (feed.title.as_str(), feed.path.as_str()),
            ("Lab & <Co>", "feed.xml")
        );
        let xml = atom(&c, feed, &site());
        assert_eq!(xml, atom(&c, feed, &site()));
        assert!(xml.contains("<title>Lab &amp; &lt;Co&gt;</title>"));
        assert!(xml.contains("<title type=\"text\">&lt;/title&gt;&lt;script&gt;</title>"));
        assert!(xml.contains("<id>https://lab.example/papers/p/x_5D_5D_3E/</id>"));
        assert!(xml.contains("<updated>2024-01-01T00:00:00Z</updated>"));
        assert!(xml.contains("href=\"https://lab.example/papers/p/x.pdf\""));
        assert!(xml.contains("<summary type=\"text\">ok</summary>"));
        assert!(!xml.contains("<script"));
    }

    #[test]
    fn a_sitemap_lists_the_listing_and_every_page() {
        let c = Catalog::from_json(br#"[{"id": "a", "title": "A"}, {"id": "b c", "title": "B"}]"#)
            .unwrap();
        let files = sitemaps(&c, &site());
        assert_eq!(files.len(), 1);
        let locs: Vec<&str> = files[0]
            .1
            .split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap())
            .collect();
        assert_eq!(
            locs,
            [
                "https://lab.example/papers/",
                "https://lab.example/papers/p/a/",
                "https://lab.example/papers/p/b_20c/"
            ]
        );
        assert!(robots(&site()).ends_with("Sitemap: https://lab.example/papers/sitemap.xml\n"));
    }

    #[test]
    fn a_big_catalog_gets_a_sitemap_index() {
        let papers: Vec<String> = (0..SITEMAP_URLS + 5)
            .map(|i| format!(r#"{{"id": "p{i}", "title": "T{i}"}}"#))
            .collect();
        let c = Catalog::from_json(format!("[{}]", papers.join(",")).as_bytes()).unwrap();
        let files = sitemaps(&c, &site());
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0]
            .1
            .contains("<loc>https://lab.example/papers/sitemap-2.xml</loc>"));
        assert_eq!(files[2].1.matches("<url>").count(), 6);
    }
}
