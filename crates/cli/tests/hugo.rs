//! `papershelf import content/publication/` on a made-up Hugo Blox site that holds every oddity
//! real sites have (see tests/fixtures/hugo): YAML in every style and TOML, legacy type codes,
//! author slugs and notes, both link schemes, a record in a folder of its own, broken files.

use papershelf_core::Catalog;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hugo");

/// A fresh copy of the fixture site, with an empty `public/`, for one test.
fn site(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(Path::new(SITE), &dir);
    std::fs::create_dir_all(dir.join("public")).unwrap();
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Imports the site's publications into `public/publications.json`: the exit code and output.
fn import(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .args([
            "import",
            "content/publication/",
            "-o",
            "public/publications.json",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), text)
}

fn papers(dir: &Path) -> Vec<Value> {
    let text = std::fs::read(dir.join("public/publications.json")).unwrap();
    let document: Value = serde_json::from_slice(&text).unwrap();
    document["publications"].as_array().unwrap().clone()
}

fn paper<'a>(papers: &'a [Value], id: &str) -> &'a Value {
    papers
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {papers:#?}"))
}

#[test]
fn every_folder_is_imported_or_said_why_not() {
    let dir = site("hugo-whole");
    let (code, out) = import(&dir);
    assert_eq!(code, 1, "the broken page was skipped: {out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "content/publication/broken-bib/cite.bib:1: warning: @techreport{broken20, …}: cannot be read (line 4: expected comma); the paper is imported from index.md alone",
            "content/publication/Exact Count/cite.bib: warning: no index.md beside it; taken as the record of ExactCount, the folder of the same name",
            "content/publication/broken-yaml/index.md:4: error: the front matter is not valid YAML: found unexpected end of stream; skipped",
            "content/publication/empty-folder: warning: no index.md or cite.bib in it; left out",
            "content/publication/yaml-styles/index.md: warning: the url_video value \"javascript:alert(1)\" is neither a web address nor a path in the site; left out",
            lines[5],
            "public/publications.json: a new file, with 11 publications.",
            "  not used: image.preview_only ×2, publishDate ×2, (the page's text) ×1, draft ×1, header.caption ×1, header.image ×1, highlight ×1, hugoblox.ids.altmetric ×1, image.caption ×1, image.focal_point ×1, math ×1, projects ×1, summary ×1",
            "  authors kept as profile slugs, with no content/authors/SLUG/_index.md and no fuller cite.bib: alan-t ×1",
            "  copied 1 featured image into public/publication",
            "  links to files of the Hugo site, to copy into public (files from its static/ folder, slides/ from the site Hugo builds): slides/example/, files/papers/muc24.pdf, files/slides/muc24.pdf",
        ]
    );
    assert!(
        lines[5].starts_with("public/publications.json: 11 entries imported from 14 folders in ")
    );
    assert!(lines[5].ends_with("; 1 folder skipped (see above)."));

    let papers = papers(&dir);
    let ids: Vec<_> = papers.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "exactcount",
            "journal-article-one",
            "broken-bib",
            "conference-paper",
            "members-only",
            "orphan-record",
            "preprint",
            "single-file",
            "thesis",
            "toml-paper",
            "yaml-styles"
        ],
        "ids are the folders' names made safe for addresses"
    );
    for p in &papers {
        assert!(p["type"].is_string(), "every paper has a type: {p}");
    }
    let catalog =
        Catalog::from_json(&std::fs::read(dir.join("public/publications.json")).unwrap()).unwrap();
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
}

#[test]
fn front_matter_in_every_style_says_what_it_says() {
    let dir = site("hugo-fields");
    import(&dir);
    let papers = papers(&dir);
    let without_record = |id: &str| {
        let mut p = paper(&papers, id).clone();
        assert!(
            p.as_object_mut().unwrap().remove("bibtex").is_some(),
            "{id}"
        );
        p
    };

    // YAML: a date with a time and no zone, a quoted code in a block list, a title's trailing
    // space, a venue in Markdown over two lines, two names with a random-order sign in one entry,
    // site-relative links, an escaped blank line, and cite.bib's fuller author list.
    assert_eq!(
        without_record("yaml-styles"),
        json!({
            "id": "yaml-styles",
            "title": "Counting Made Up Things",
            "type": "conference",
            "authors": ["Ann Lee", "Bo Chen", "Cy Diaz", "Dee Ng"],
            "year": 2024,
            "venue": "Proceedings of the Made-up Conference on Counting (MUC)",
            "featured": true,
            "abstract": "We count the uncountable.\n\nA second paragraph, after a blank line.",
            "links": {
                "pdf": "files/papers/muc24.pdf",
                "code": "https://example.org/code",
                "slides": "files/slides/muc24.pdf",
                "pdf 2": "https://example.org/muc24.pdf"
            }
        })
    );
    // The short form: slugs named by their profile pages, a bare DOI, tags as one string, a
    // featured image copied beside the JSON under a safe name.
    assert_eq!(
        paper(&papers, "journal-article-one"),
        &json!({
            "id": "journal-article-one",
            "title": "A Journal Article‐One",
            "type": "article",
            "authors": ["Ada Lovelace", "Grace Hopper", "alan-t"],
            "year": 2020,
            "featured": true,
            "abstract": "Short form, as some labs write it: the venue is nowhere.",
            "topics": ["alpha", "beta", "gamma"],
            "links": {"doi": "https://doi.org/10.9999/example.1"},
            "image": "publication/journal-article-one/featured.png"
        })
    );
    assert_eq!(
        std::fs::read(dir.join("public/publication/journal-article-one/featured.png")).unwrap(),
        std::fs::read(dir.join("content/publication/Journal Article‐One/featured.png")).unwrap()
    );
    // Hugo Blox's own template: author notes as marks with a legend, typed links (an empty one
    // left out, two buttons to one address both kept), identifiers, a short venue as the badge.
    assert_eq!(
        paper(&papers, "conference-paper"),
        &json!({
            "id": "conference-paper",
            "title": "An Example Conference Paper",
            "type": "conference",
            "authors": [
                {"name": "Ada Lovelace", "marks": "*"},
                {"name": "Robert Roe", "marks": "*"}
            ],
            "year": 2013,
            "venue": "Made-up Conference",
            "badge": "MUC",
            "featured": true,
            "abstract": "The abstract.",
            "topics": ["Counting"],
            "links": {
                "code": "https://example.org/repo",
                "dataset": "https://example.org/repo",
                "video": "https://example.org/video",
                "doi": "https://doi.org/10.5555/123456",
                "arxiv": "https://arxiv.org/abs/1512.04133v1"
            },
            "marks": {"*": "Equal contribution"}
        })
    );
    // The newer profile in data/authors/me.yaml; the older link scheme with `#` placeholders, a
    // deck of the site's own slides; CSL `article` is a preprint; a summary is the
    // abstract when there is no other.
    assert_eq!(
        paper(&papers, "preprint"),
        &json!({
            "id": "preprint",
            "title": "An Example Preprint",
            "type": "preprint",
            "authors": ["Mei Tanaka"],
            "year": 2019,
            "featured": true,
            "abstract": "Only a summary, so it is the abstract.",
            "topics": ["Counting"],
            "links": {
                "Custom Link": "http://example.org",
                "pdf": "http://arxiv.org/pdf/1512.04133v1",
                "code": "https://example.org/repo",
                "slides": "slides/example/"
            }
        })
    );
    // TOML: a bare date, `selected`, a venue in emphasis.
    assert_eq!(
        paper(&papers, "toml-paper"),
        &json!({
            "id": "toml-paper",
            "title": "Predicting Things from Other Things",
            "type": "article",
            "authors": ["Maria Ortiz", "Sónia Neves"],
            "year": 2018,
            "venue": "Journal of Examples",
            "featured": true,
            "abstract": "BackgroundThings run together.ResultsThey do.",
            "links": {
                "pdf": "https://example.org/things.pdf",
                "doi": "https://doi.org/10.1093/example/btx000"
            }
        })
    );
    // A single-quoted abstract over two lines with an HTML break, a quoted venue, a type list
    // after a trailing space.
    assert_eq!(
        paper(&papers, "thesis"),
        &json!({
            "id": "thesis",
            "title": "A Thesis",
            "type": "thesis",
            "authors": ["Ann Lee"],
            "year": 2023,
            "venue": "PhD Thesis, Example University",
            "abstract": "A thesis abstract\non two lines, in single quotes."
        })
    );
}

#[test]
fn the_record_fills_what_the_page_lacks() {
    let dir = site("hugo-records");
    import(&dir);
    let papers = papers(&dir);
    // The page lists two members; cite.bib names all four, and the note goes to the right one.
    let members = paper(&papers, "members-only");
    assert_eq!(
        members["authors"],
        json!(["Jo Kim", "Grace Hopper", {"name": "Ada Lovelace", "marks": "†"}, "Lee Park"])
    );
    assert_eq!(members["marks"], json!({"†": "Corresponding author"}));
    assert_eq!(members["venue"], "Journal of Lab Members");
    assert_eq!(members["type"], "article", "from the entry type");
    assert_eq!(
        members["links"],
        json!({"doi": "https://doi.org/10.1000/members"})
    );
    assert!(members["bibtex"]
        .as_str()
        .unwrap()
        .starts_with("@article{members22,"));
    // `Exact Count/cite.bib` is the record of `ExactCount/index.md`.
    let exact = paper(&papers, "exactcount");
    assert_eq!(exact["venue"], "Proceedings of AAAI");
    assert_eq!(exact["type"], "conference", "the page's code beats @misc");
    assert!(exact["bibtex"]
        .as_str()
        .unwrap()
        .starts_with("@misc{exact21,"));
    // A record with no page at all is a paper of its own.
    let orphan = paper(&papers, "orphan-record");
    assert_eq!(orphan["title"], "A Record Without a Page");
    assert_eq!(orphan["authors"], json!(["Robert Roe", "Ann Lee"]));
    assert_eq!(
        orphan["type"], "workshop",
        "as the BibTeX import reads a workshop's booktitle"
    );
    assert_eq!(orphan["venue"], "Workshop on Lost Papers");
    // A broken record costs only itself.
    let broken = paper(&papers, "broken-bib");
    assert_eq!(broken["type"], "report");
    assert!(broken.get("bibtex").is_none());
}

#[test]
fn importing_again_keeps_hand_edits_and_adds_new_papers() {
    let dir = site("hugo-again");
    import(&dir);
    let path = dir.join("public/publications.json");
    let mut document: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    document["title"] = json!("Our Lab");
    let list = document["publications"].as_array_mut().unwrap();
    let thesis = list.iter_mut().find(|p| p["id"] == "thesis").unwrap();
    thesis["topics"] = json!(["picked by hand"]);
    thesis["note"] = json!("Our first thesis.");
    std::fs::write(&path, serde_json::to_string_pretty(&document).unwrap()).unwrap();
    let new = dir.join("content/publication/new-paper");
    std::fs::create_dir_all(&new).unwrap();
    std::fs::write(
        new.join("index.md"),
        "---\ntitle: A New Paper\npublication_types: ['3']\n---\n",
    )
    .unwrap();

    let (code, out) = import(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("public/publications.json: 1 added, 0 updated, 11 unchanged, 0 kept."),
        "{out}"
    );
    let document: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(document["title"], "Our Lab");
    let papers = document["publications"].as_array().unwrap();
    let thesis = paper(papers, "thesis");
    assert_eq!(thesis["topics"], json!(["picked by hand"]));
    assert_eq!(thesis["note"], "Our first thesis.");
    assert_eq!(paper(papers, "new-paper")["type"], "preprint");
    assert_eq!(
        paper(papers, "single-file")["type"],
        "report",
        "a page as one file"
    );
    assert_eq!(papers.last().unwrap()["id"], "new-paper");
}

#[test]
fn nothing_is_written_when_there_is_nothing_to_import() {
    let dir = site("hugo-nothing");
    let empty = dir.join("content/empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .args(["import", "content/empty", "-o", "public/publications.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("content/empty: error: no publication folders (FOLDER/index.md) in it"));
    assert!(!dir.join("public/publications.json").exists());
    // Two sections at once, or a section among .bib files, is not one import.
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .args(["import", "content/publication", "content/empty"])
        .args(["-o", "public/publications.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("public/publications.json").exists());
    // --assets is al-folio's: a Hugo folder says so rather than ignore it.
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .args(["import", "content/publication", "--assets", "static"])
        .args(["-o", "public/publications.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("error: --assets is for al-folio's .bib files"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("public/publications.json").exists());
    // A publications.json that is not JSON is left as it is.
    std::fs::write(dir.join("public/publications.json"), "{ not json").unwrap();
    let (code, _) = import(&dir);
    assert_eq!(code, 2);
    assert_eq!(
        std::fs::read_to_string(dir.join("public/publications.json")).unwrap(),
        "{ not json"
    );
}
