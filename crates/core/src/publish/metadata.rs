//! What a paper's own page says about it in its `<head>`, for machines: Highwire Press
//! `citation_*` tags (Google Scholar's inclusion guidelines; Zotero's and Mendeley's connectors
//! read them too), Open Graph and Twitter card tags (link previews), and schema.org JSON-LD.
//! Every value is escaped for where it stands: no text from the data becomes markup.

use crate::catalog::{is_safe_url, Catalog, Paper};
use crate::kind::PaperType;
use crate::links::doi;
use crate::rich::plain_text;
use crate::site::{escape, Site};
use crate::text::preview;
use serde_json::{json, Value};

/// How much of the abstract a description (and a link preview) takes.
const DESCRIPTION_CHARS: usize = 300;

/// The paper's title as plain text: a page's `<title>`, a tag's value, a feed entry's title.
pub fn title(paper: &Paper) -> String {
    plain_text(&paper.title.shown())
}

/// The paper's abstract as plain text, whole.
pub fn abstract_text(paper: &Paper) -> Option<String> {
    paper.abstract_text.as_ref().map(|a| plain_text(&a.shown()))
}

/// A sentence or two about the paper for previews: the abstract's start, else who and where.
pub fn description(paper: &Paper, catalog: &Catalog) -> String {
    if let Some(text) = abstract_text(paper) {
        return preview(&text, DESCRIPTION_CHARS).unwrap_or(text);
    }
    let authors = author_names(paper, catalog).collect::<Vec<_>>().join(", ");
    let venue = paper.venue.as_ref().map(|v| plain_text(&v.shown()));
    let year = paper.year.map(|y| y.to_string());
    [Some(authors).filter(|a| !a.is_empty()), venue, year]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(". ")
}

fn author_names<'a>(paper: &'a Paper, catalog: &'a Catalog) -> impl Iterator<Item = &'a str> {
    paper.authors.iter().map(|&a| catalog.author_name(a))
}

/// The paper's PDF: the link labelled `pdf` (any case), resolved against the site.
pub fn pdf_url(paper: &Paper, site: &Site) -> Option<String> {
    paper
        .links
        .iter()
        .find(|l| l.label.eq_ignore_ascii_case("pdf") && !l.url.starts_with("mailto:"))
        .map(|l| site.resolve(&l.url))
}

/// The thumbnail as an absolute URL, when it can be one (a preview needs it whole).
fn image_url(paper: &Paper, site: &Site) -> Option<String> {
    let image = site.resolve(paper.image()?);
    is_safe_url(&image).then_some(image)
}

/// The Highwire Press tag that names a paper's venue, by its type: a journal, a conference, the
/// book it is in, or whoever published it. Untyped papers are taken as conference papers, as
/// their BibTeX is (`@inproceedings`).
fn venue_tag(kind: Option<PaperType>) -> &'static str {
    match kind {
        Some(PaperType::Article) => "citation_journal_title",
        None
        | Some(PaperType::Conference)
        | Some(PaperType::Workshop)
        | Some(PaperType::Poster)
        | Some(PaperType::Talk) => "citation_conference_title",
        Some(PaperType::Chapter) => "citation_inbook_title",
        Some(PaperType::Thesis) => "citation_dissertation_institution",
        Some(PaperType::Report) => "citation_technical_report_institution",
        Some(PaperType::Book) | Some(PaperType::Preprint) | Some(PaperType::Other) => {
            "citation_publisher"
        }
    }
}

/// The Highwire Press tags, as (name, value) in the order Google Scholar lists them.
pub fn citation_tags(paper: &Paper, catalog: &Catalog, site: &Site) -> Vec<(&'static str, String)> {
    let mut tags = vec![("citation_title", title(paper))];
    tags.extend(author_names(paper, catalog).map(|name| ("citation_author", name.to_owned())));
    if let Some(year) = paper.year {
        tags.push(("citation_publication_date", format!("{year:04}")));
    }
    if let Some(venue) = &paper.venue {
        tags.push((venue_tag(paper.paper_type), plain_text(&venue.shown())));
    }
    if let Some(pdf) = pdf_url(paper, site) {
        tags.push(("citation_pdf_url", pdf));
    }
    if let Some(doi) = doi(paper) {
        tags.push(("citation_doi", doi));
    }
    tags.push(("citation_abstract_html_url", site.page(&paper.id)));
    if !paper.topics.is_empty() {
        let topics = paper
            .topics
            .iter()
            .map(|&t| catalog.topic(t).label.as_str());
        tags.push(("citation_keywords", topics.collect::<Vec<_>>().join("; ")));
    }
    if let Some(text) = abstract_text(paper) {
        tags.push(("citation_abstract", text));
    }
    tags
}

/// Open Graph (`property`) and Twitter card (`name`) tags, as (attribute, key, value). Without
/// an absolute site address, the tags that must be URLs (the page's, the image's when it is
/// the site's own) are left out rather than written wrong.
pub fn social_tags(
    paper: &Paper,
    catalog: &Catalog,
    site: &Site,
) -> Vec<(&'static str, &'static str, String)> {
    let title = title(paper);
    let description = description(paper, catalog);
    let image = image_url(paper, site);
    let mut tags = vec![
        ("property", "og:type", "article".to_owned()),
        ("property", "og:title", title),
        ("property", "og:description", description.clone()),
    ];
    if site.is_absolute() {
        tags.push(("property", "og:url", site.page(&paper.id)));
    }
    if let Some(name) = &catalog.title {
        tags.push(("property", "og:site_name", name.clone()));
    }
    if let Some(image) = &image {
        tags.push(("property", "og:image", image.clone()));
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    // Twitter's cards read the title, description and image from Open Graph: only the card's
    // kind is its own.
    tags.push(("name", "twitter:card", card.to_owned()));
    tags
}

/// The paper as a schema.org `ScholarlyArticle`.
pub fn scholarly_article(paper: &Paper, catalog: &Catalog, site: &Site) -> Value {
    let authors: Vec<Value> = paper
        .authors
        .iter()
        .map(|&a| {
            let mut person = json!({"@type": "Person", "name": catalog.author_name(a)});
            let page = catalog.member_of(a).and_then(|m| m.url.as_deref());
            if let Some(url) = page.filter(|u| !u.starts_with("mailto:")) {
                person["url"] = json!(url);
            }
            person
        })
        .collect();
    let mut article = json!({
        "@type": "ScholarlyArticle",
        "name": title(paper),
        "headline": title(paper),
        "author": authors,
        "url": site.page(&paper.id),
    });
    if let Some(year) = paper.year {
        article["datePublished"] = json!(format!("{year:04}"));
    }
    if let Some(venue) = &paper.venue {
        article["isPartOf"] =
            json!({"@type": "PublicationIssue", "name": plain_text(&venue.shown())});
    }
    if let Some(text) = abstract_text(paper) {
        article["abstract"] = json!(text);
    }
    if !paper.topics.is_empty() {
        let topics: Vec<&str> = paper
            .topics
            .iter()
            .map(|&t| catalog.topic(t).label.as_str())
            .collect();
        article["keywords"] = json!(topics);
    }
    if let Some(doi) = doi(paper) {
        article["sameAs"] = json!(format!("https://doi.org/{doi}"));
    }
    if let Some(award) = paper.award() {
        article["award"] = json!(award.shown());
    }
    if let Some(image) = image_url(paper, site) {
        article["image"] = json!(image);
    }
    article
}

/// JSON-LD as the text of a `<script type="application/ld+json">`: `<`, `>` and `&` as JSON
/// escapes, so no string in it can close the element (`</script>`) or open a comment (`<!--`).
pub fn json_ld_text(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Everything the page of `paper` puts in its `<head>` about the paper, as HTML: its
/// `<title>`, description, canonical link, Highwire, Open Graph and Twitter tags and JSON-LD.
pub fn paper_head(paper: &Paper, catalog: &Catalog, site: &Site) -> String {
    let mut head = format!(
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\" />\n<link rel=\"canonical\" href=\"{}\" />\n",
        escape(&title(paper)),
        escape(&description(paper, catalog)),
        escape(&site.page(&paper.id)),
    );
    for (name, value) in citation_tags(paper, catalog, site) {
        head.push_str(&format!(
            "<meta name=\"{name}\" content=\"{}\" />\n",
            escape(&value)
        ));
    }
    for (attribute, key, value) in social_tags(paper, catalog, site) {
        head.push_str(&format!(
            "<meta {attribute}=\"{key}\" content=\"{}\" />\n",
            escape(&value)
        ));
    }
    let mut article = scholarly_article(paper, catalog, site);
    article["@context"] = json!("https://schema.org");
    head.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        json_ld_text(&article)
    ));
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(json: &str) -> Catalog {
        Catalog::from_json(json.as_bytes()).unwrap()
    }

    fn site() -> Site {
        Site::new(Some("https://lab.example/papers/"), "/papers/").unwrap()
    }

    #[test]
    fn highwire_tags_name_the_venue_by_type_and_resolve_the_pdf() {
        let c = catalog(
            r#"[{"id": "a", "title": "On $\\sqrt{T}$ \\emph{Regret}", "authors": ["Ada Lovelace", "Alan Turing*"],
                "year": 2024, "venue": "JMLR", "type": "article", "topics": ["bandits", "theory"],
                "links": {"PDF": "papers/a.pdf", "doi": "https://doi.org/10.1000/xyz"},
                "abstract": "We <b>bound</b> it."}]"#,
        );
        let tags = citation_tags(&c.papers[0], &c, &site());
        let get = |name: &str| {
            tags.iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("citation_title"), [r"On $\sqrt{T}$ Regret"]);
        assert_eq!(get("citation_author"), ["Ada Lovelace", "Alan Turing"]);
        assert_eq!(get("citation_publication_date"), ["2024"]);
        assert_eq!(get("citation_journal_title"), ["JMLR"]);
        assert_eq!(get("citation_conference_title"), Vec::<&str>::new());
        assert_eq!(
            get("citation_pdf_url"),
            ["https://lab.example/papers/papers/a.pdf"]
        );
        assert_eq!(get("citation_doi"), ["10.1000/xyz"]);
        assert_eq!(
            get("citation_abstract_html_url"),
            ["https://lab.example/papers/p/a/"]
        );
        assert_eq!(get("citation_keywords"), ["bandits; theory"]);
        assert_eq!(get("citation_abstract"), ["We <b>bound</b> it."]);
    }

    #[test]
    fn each_type_names_its_venue_with_its_own_tag() {
        for (kind, tag) in [
            ("conference", "citation_conference_title"),
            ("workshop", "citation_conference_title"),
            ("chapter", "citation_inbook_title"),
            ("thesis", "citation_dissertation_institution"),
            ("report", "citation_technical_report_institution"),
            ("book", "citation_publisher"),
        ] {
            let c = catalog(&format!(
                r#"[{{"title": "T", "venue": "V", "type": "{kind}"}}]"#
            ));
            let tags = citation_tags(&c.papers[0], &c, &site());
            assert!(tags.contains(&(tag, "V".to_owned())), "{kind}: {tags:?}");
        }
    }

    #[test]
    fn previews_need_absolute_addresses_or_go_without() {
        let c = catalog(
            r#"[{"id": "a", "title": "T", "image": "img/a.png", "authors": ["X Y"], "year": 2020}]"#,
        );
        let local = Site::new(None, "/papers/").unwrap();
        let tags = social_tags(&c.papers[0], &c, &local);
        assert!(!tags
            .iter()
            .any(|(_, k, _)| *k == "og:url" || *k == "og:image"));
        assert!(tags.contains(&("name", "twitter:card", "summary".into())));
        assert!(tags.contains(&("property", "og:description", "X Y. 2020".into())));
        let tags = social_tags(&c.papers[0], &c, &site());
        assert!(tags.contains(&(
            "property",
            "og:image",
            "https://lab.example/papers/img/a.png".into()
        )));
        assert!(tags.contains(&(
            "property",
            "og:url",
            "https://lab.example/papers/p/a/".into()
        )));
        assert!(tags.contains(&("name", "twitter:card", "summary_large_image".into())));
    }

    #[test]
    fn hostile_text_stays_text_in_the_head() {
        let c = catalog(
            r#"[{"id": "\"><script>alert(1)</script>", "title": "</title><script>alert(1)</script>",
                "authors": ["\" onload=\"alert(1)"], "abstract": "</script><!-- <script>alert(1)</script>"}]"#,
        );
        let head = paper_head(&c.papers[0], &c, &site());
        assert_eq!(head.matches("<script").count(), 1, "{head}");
        assert_eq!(head.matches("</script>").count(), 1, "{head}");
        assert!(!head.contains("<!--"));
        assert!(head.contains("content=\"&quot; onload=&quot;alert(1)\""));
        assert!(!head.contains("=\"\" onload"));
        let json = head.split("application/ld+json\">").nth(1).unwrap();
        let json = json.split("</script>").next().unwrap();
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["abstract"], "</script><!-- <script>alert(1)</script>");
    }
}
