//! A lab moving in from an al-folio site or a BibBase list: `papershelf import` on fixtures that
//! reproduce, with made-up papers, what real files of both kinds hold (their display fields,
//! relative file names, marks on names and defects), and nothing lost on the way.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

mod common;
use common::run;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A fresh directory for one test, holding the two fixtures.
fn workdir(name: &str) -> PathBuf {
    let dir = common::workdir(name);
    for fixture in ["alfolio.bib", "bibbase.bib"] {
        std::fs::copy(Path::new(FIXTURES).join(fixture), dir.join(fixture)).unwrap();
    }
    dir
}

fn papers(dir: &Path) -> Vec<Value> {
    let bytes = std::fs::read(dir.join("public/publications.json")).unwrap();
    let document: Value = serde_json::from_slice(&bytes).unwrap();
    document["publications"].as_array().unwrap().clone()
}

fn paper<'a>(papers: &'a [Value], id: &str) -> &'a Value {
    papers.iter().find(|p| p["id"] == id).unwrap()
}

#[test]
fn an_alfolio_bibliography_keeps_its_display_fields() {
    let dir = workdir("alfolio");
    let (code, out) = run(
        &dir,
        &["import", "alfolio.bib", "-o", "public/publications.json"],
    );
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "alfolio.bib:39: warning: @article{noether1921ideals, …}: the slides field is neither a web address nor a path within the site; left out",
            "alfolio.bib: not used: bibtex_show ×2, altmetric ×1, dimensions ×1, google_scholar_id ×1, inspirehep_id ×1",
            "public: 3 files the links name are missing; copy them from the old site, or import with --assets <the old site's assets/ folder>:",
            "  public/assets/img/publication_preview/engine.gif",
            "  public/assets/pdf/notes.pdf",
            "  public/compilers.html",
        ]
    );
    let papers = papers(&dir);
    let notes = paper(&papers, "lovelace1843notes");
    assert_eq!(notes["type"], "article");
    assert_eq!(notes["featured"], true);
    assert_eq!(notes["badge"], "Sci. Mem.");
    assert_eq!(
        notes["authors"],
        json!([{"name": "A. Lovelace", "marks": "*†"}, {"name": "C. Babbage", "marks": "*"}, "L. F. Menabrea"])
    );
    assert_eq!(
        notes["marks"],
        json!({"*": "Equal contribution", "†": "Corresponding author"}),
        "an annotation that only explains the marks is the legend"
    );
    assert_eq!(
        notes["note"], ". \\emph{More} can be [read here](https://example.org/notes)",
        "Markdown emphasis is the site's; the link is as written"
    );
    assert_eq!(
        notes["links"],
        json!({"pdf": "assets/pdf/notes.pdf", "video": "https://www.youtube-nocookie.com/embed/abc"})
    );
    assert_eq!(notes["image"], "assets/img/publication_preview/engine.gif");
    let record = notes["bibtex"].as_str().unwrap();
    assert!(
        record.contains("  publisher = {Lab Physics Press,},\n"),
        "{record}"
    );
    for display in [
        "selected",
        "preview",
        "abbr",
        "bibtex_show",
        "altmetric",
        "pdf",
    ] {
        assert!(!record.contains(&format!("  {display} =")), "{record}");
    }

    let ideals = paper(&papers, "noether1921ideals");
    assert_eq!(ideals["title"], "Idealtheorie in Ringbereichen");
    assert_eq!(ideals["award"], "Classic");
    // `<br>` is a line break; every other tag stays text for the site to show as written, and
    // Markdown emphasis is the site's.
    assert_eq!(
        ideals["note"],
        "Read in the seminar\ntwice\nNamed a \\textbf{classic} by the <i>Society</i>"
    );
    assert_eq!(ideals["image"], "https://example.org/ideals.png");
    assert!(ideals.get("links").is_none(), "javascript: is never a link");
    assert_eq!(paper(&papers, "hopper1952compiler")["type"], "book");
}

#[test]
fn assets_are_copied_beside_the_output_from_the_old_site() {
    let dir = workdir("assets");
    let old = dir.join("old-site/assets");
    std::fs::create_dir_all(old.join("pdf")).unwrap();
    std::fs::create_dir_all(old.join("img/publication_preview")).unwrap();
    std::fs::write(old.join("pdf/notes.pdf"), "%PDF-1.4 notes").unwrap();
    std::fs::write(old.join("img/publication_preview/engine.gif"), "GIF89a").unwrap();
    let (code, out) = run(
        &dir,
        &[
            "import",
            "alfolio.bib",
            "-o",
            "public/publications.json",
            "--assets",
            "old-site/assets",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("public: copied 2 files the links name.\n"),
        "{out}"
    );
    assert!(
        out.contains("public: 1 file the links name is missing; they are not in old-site/assets:\n  public/compilers.html\n"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("public/assets/pdf/notes.pdf")).unwrap(),
        "%PDF-1.4 notes"
    );
    assert!(dir
        .join("public/assets/img/publication_preview/engine.gif")
        .is_file());

    // Once there, a file is neither copied again nor reported.
    let (_, out) = run(
        &dir,
        &["import", "alfolio.bib", "-o", "public/publications.json"],
    );
    assert!(!out.contains("copied"), "{out}");
    assert!(
        out.contains("public: 1 file the links name is missing; copy them from the old site"),
        "{out}"
    );
}

#[test]
fn a_bibbase_list_with_the_defects_of_real_files() {
    let dir = workdir("bibbase");
    let (code, out) = run(
        &dir,
        &["import", "bibbase.bib", "-o", "public/publications.json"],
    );
    assert_eq!(code, 0, "nothing was skipped: {out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "bibbase.bib:11: warning: @inproceedings{turing2021imitation, …}: a comma is missing at the end of this line; read as if it were there",
            "bibbase.bib:21: warning: @inproceedings{turing2021imitationworkshop, …}: the same title and year as @inproceedings{turing2021imitation, …} at bibbase.bib:4: the same paper twice? Both are imported",
            "bibbase.bib:56: warning: @unpublished{wiener2019cybernetics, …}: the url_code field is neither a web address nor a path within the site; left out",
            "bibbase.bib: not used: abtstract ×1 (abstract?), support ×1",
            lines[4],
        ]
    );
    assert!(
        lines[4].starts_with("public/publications.json: 5 entries imported from 1 file in "),
        "the commented-out entry is a comment: {out}"
    );
    let papers = papers(&dir);
    let imitation = paper(&papers, "turing2021imitation");
    assert_eq!(imitation["type"], "conference");
    assert_eq!(imitation["title"], "The Imitation Game, Revisited");
    assert_eq!(
        imitation["authors"],
        json!([{"name": "A. Turing", "marks": "*"}, {"name": "R. Brekelmans", "marks": "*"}, "Frank Wood"])
    );
    assert_eq!(
        imitation["venue"],
        "Uncertainty in Artificial Intelligence (UAI)"
    );
    assert_eq!(imitation["award"], "Best Paper Award");
    assert_eq!(
        imitation["links"],
        json!({
            "pdf": "https://example.org/imitation.pdf",
            "arxiv": "https://arxiv.org/abs/2101.00001",
            "page": "https://example.org/imitation",
            "page-2": "https://example.org/imitation-long",
            "slides": "https://example.org/imitation-slides.pdf",
            "poster": "https://example.org/imitation-poster.pdf",
        })
    );
    assert!(imitation["bibtex"]
        .as_str()
        .unwrap()
        .contains("  month = {July},\n"));
    assert_eq!(
        paper(&papers, "turing2021imitationworkshop")["type"],
        "workshop"
    );

    let codes = paper(&papers, "hamming2020codes");
    assert_eq!(codes["type"], "article", "a DOI in `type` changes nothing");
    assert_eq!(codes["authors"], json!(["Richard Hamming", "Marcel Golay"]));
    assert_eq!(codes["et_al"], 3);
    assert_eq!(
        codes["topics"],
        json!(["coding", "error, correction", "bounds"])
    );
    assert_eq!(
        codes["links"]["doi"],
        "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-%23"
    );
    assert_eq!(codes["note"], "Reprinted in the anniversary volume");

    let talk = paper(&papers, "lamarr2019talk");
    assert_eq!(talk["type"], "talk");
    assert_eq!(talk["award"], "Best Talk Award");
    assert_eq!(talk["et_al"], true);
    assert_eq!(paper(&papers, "wiener2019cybernetics")["type"], "preprint");
}

#[test]
fn importing_again_changes_nothing_and_keeps_hand_edits_of_the_new_fields() {
    let dir = workdir("again");
    let import = |dir: &Path| {
        run(
            dir,
            &[
                "import",
                "alfolio.bib",
                "bibbase.bib",
                "-o",
                "public/publications.json",
            ],
        )
    };
    let (code, _) = import(&dir);
    assert_eq!(code, 0);
    let (_, out) = import(&dir);
    assert!(
        out.contains("public/publications.json: 0 added, 0 updated, 8 unchanged, 0 kept.\n"),
        "{out}"
    );

    let path = dir.join("public/publications.json");
    let mut document: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let notes = document["publications"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "lovelace1843notes")
        .unwrap();
    notes["featured"] = json!(false);
    notes["note"] = json!("Our own words.");
    notes["type"] = json!("chapter");
    std::fs::write(&path, serde_json::to_string_pretty(&document).unwrap()).unwrap();
    let (_, out) = import(&dir);
    let notes = paper(&papers(&dir), "lovelace1843notes").clone();
    assert_eq!(notes["featured"], false, "{out}");
    assert_eq!(notes["note"], "Our own words.");
    assert_eq!(notes["type"], "chapter");
    assert!(
        out.contains("  kept lovelace1843notes.featured as the JSON has it: it differs from the .bib, and there was no earlier import to tell which is newer\n"),
        "{out}"
    );
    assert!(
        !out.contains("lovelace1843notes.type"),
        "the record says what the .bib gave, so the type is a plain hand edit: {out}"
    );
}
