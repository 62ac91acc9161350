//! `papershelf import` and `papershelf stats` as a maintainer runs them: the awkward .bib
//! fixture, re-imports that keep hand edits, pruning, and files that must not be touched.

use papershelf_core::rich::{rich_text, Inline};
use papershelf_core::Catalog;
use serde_json::{json, Value};
use std::path::Path;

mod common;
use common::{run, workdir};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/awkward.bib");

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn ids(document: &Value) -> Vec<String> {
    document["publications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_awkward_fixture_imports_what_can_be_imported_and_says_where_the_rest_is() {
    let dir = workdir("awkward");
    std::fs::copy(FIXTURE, dir.join("refs.bib")).unwrap();
    let (code, out) = run(&dir, &["import", "refs.bib", "-o", "publications.json"]);
    assert_eq!(code, 1, "entries were skipped: {out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "refs.bib:19: error: @article{broken, …}: cannot be read (line 20: expected comma); skipped",
            "refs.bib:45: error: @misc{no-title, …}: there is no title; skipped",
            "refs.bib:50: error: @misc{accents, …}: the key was already used at refs.bib:7; skipped",
            lines[3],
            "publications.json: a new file, with 4 publications.",
        ]
    );
    assert!(lines[3].starts_with("publications.json: 4 entries imported from 1 file in "));
    assert!(lines[3].ends_with("; 3 entries skipped (see above)."));

    let document = read_json(&dir.join("publications.json"));
    assert_eq!(document["$schema"], "publications.schema.json");
    assert_eq!(
        ids(&document),
        ["accents", "good-after-broken", "child", "minimal"]
    );
    let first = &document["publications"][0];
    assert_eq!(
        first["title"],
        "Öber Gödel, été à la ça, ç, ß and Straße – NASA's $O(\\sqrt{T})$ Regret"
    );
    assert_eq!(
        first["authors"],
        json!(["Jörg Müller", "René François", "John von Neumann Jr."])
    );
    assert_eq!(first["et_al"], true);
    assert_eq!(
        first["venue"],
        "Advances in Neural Information Processing Systems 32"
    );
    assert_eq!(
        first["links"],
        json!({"arxiv": "https://arxiv.org/abs/1906.00001"})
    );
    let child = &document["publications"][2];
    assert_eq!(
        child["venue"],
        "International Conference on Machine Learning 2020"
    );
    assert_eq!(child["year"], 2020);

    // The site reads every imported entry without a single problem.
    let bytes = std::fs::read(dir.join("publications.json")).unwrap();
    let catalog = Catalog::from_json(&bytes).unwrap();
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert!(
        catalog.top_level_problems.is_empty(),
        "{:?}",
        catalog.top_level_problems
    );
    assert_eq!(catalog.papers.len(), 4);
    let (code, out) = run(&dir, &["check", "--strict", "publications.json"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn re_importing_keeps_hand_edits_and_follows_the_bib() {
    let dir = workdir("merge");
    let bib = dir.join("refs.bib");
    std::fs::write(
        &bib,
        "@misc{a, title = {First}, keywords = {x}, year = 2019}\n\
         @misc{b, title = {Second}, year = 2020}\n\
         @misc{c, title = {Third}, year = 2021}\n",
    )
    .unwrap();
    let (code, _) = run(&dir, &["import", "refs.bib", "-o", "out.json"]);
    assert_eq!(code, 0);

    // The maintainer picks topics, adds a note and a hand-written paper, and gives the file a title.
    let mut document = read_json(&dir.join("out.json"));
    document["title"] = json!("Our Lab");
    document["publications"][0]["topics"] = json!(["hand", "picked"]);
    document["publications"][1]["note"] = json!("best paper");
    document["publications"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "talk", "title": "A talk, written by hand"}));
    std::fs::write(
        dir.join("out.json"),
        serde_json::to_string_pretty(&document).unwrap(),
    )
    .unwrap();

    // The .bib fixes a title, drops c and gains d.
    std::fs::write(
        &bib,
        "@misc{a, title = {First}, keywords = {x}, year = 2019}\n\
         @misc{b, title = {Second, Fixed}, year = 2020}\n\
         @misc{d, title = {Fourth}, year = 2022}\n",
    )
    .unwrap();
    let (code, out) = run(&dir, &["import", "refs.bib", "-o", "out.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("out.json: 1 added, 1 updated, 1 unchanged, 1 kept.\n"),
        "{out}"
    );
    assert!(
        out.contains("  kept, though no longer in the .bib (--prune removes them): c\n"),
        "{out}"
    );
    assert!(
        out.contains("  left as they are: 1 entry without a BibTeX record (written by hand)\n"),
        "{out}"
    );
    let document = read_json(&dir.join("out.json"));
    assert_eq!(document["title"], "Our Lab");
    assert_eq!(ids(&document), ["a", "b", "c", "talk", "d"]);
    let papers = &document["publications"];
    assert_eq!(papers[0]["topics"], json!(["hand", "picked"]));
    assert_eq!(papers[1]["title"], "Second, Fixed");
    assert_eq!(papers[1]["note"], "best paper");

    // The .bib changes the topics the maintainer edited: the edit stays, and is reported.
    std::fs::write(
        &bib,
        "@misc{a, title = {First}, keywords = {y}, year = 2019}\n",
    )
    .unwrap();
    let (code, out) = run(&dir, &["import", "refs.bib", "-o", "out.json", "--prune"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("out.json: 0 added, 1 updated, 0 unchanged, 0 kept, 3 removed.\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "  kept a.topics as the JSON has it: edited by hand; the .bib changed it too\n"
        ),
        "{out}"
    );
    let document = read_json(&dir.join("out.json"));
    assert_eq!(
        ids(&document),
        ["a", "talk"],
        "--prune keeps what never came from a .bib"
    );
    assert_eq!(
        document["publications"][0]["topics"],
        json!(["hand", "picked"])
    );
}

#[test]
fn a_file_that_cannot_take_the_import_is_left_untouched() {
    let dir = workdir("untouched");
    std::fs::copy(FIXTURE, dir.join("refs.bib")).unwrap();
    for (content, message) in [
        ("{\"publications\": [", "out.json:1:18: error: not JSON"),
        ("{\"publications\": {}}", "out.json: error: cannot merge into this file: its \"publications\" is not a list; it is unchanged"),
    ] {
        std::fs::write(dir.join("out.json"), content).unwrap();
        let (code, out) = run(&dir, &["import", "refs.bib", "-o", "out.json"]);
        assert_eq!(code, 2);
        assert!(out.starts_with(message), "{out}");
        assert_eq!(std::fs::read_to_string(dir.join("out.json")).unwrap(), content);
    }
    let (code, out) = run(&dir, &["import", "missing.bib", "-o", "out.json"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("missing.bib: error: cannot read the file: "),
        "{out}"
    );
    std::fs::write(dir.join("latin1.bib"), b"@misc{a, title = {Caf\xe9}}\n").unwrap();
    let (code, out) = run(&dir, &["import", "latin1.bib", "-o", "out.json"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("latin1.bib:1: error: not UTF-8 text"),
        "{out}"
    );
    // Nothing but the files written here: no temporary file was left behind.
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["latin1.bib", "out.json", "refs.bib"]);
}

#[test]
fn stats_say_what_to_fill_in() {
    let dir = workdir("stats");
    std::fs::copy(FIXTURE, dir.join("refs.bib")).unwrap();
    run(&dir, &["import", "refs.bib", "-o", "publications.json"]);
    let (code, out) = run(&dir, &["stats", "publications.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("publications.json:\n4 publications\n\nPapers per year\n  2021  "),
        "{out}"
    );
    assert!(
        out.contains("  without an abstract: 3 (accents, child, minimal)\n"),
        "{out}"
    );
    assert!(out.contains("  without a year: 1 (minimal)\n"), "{out}");
    let (code, out) = run(&dir, &["stats", "nope.json"]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("nope.json: error: cannot read the file"),
        "{out}"
    );
}

/// The browser tests show this import on the page: it must be what the command writes today.
#[test]
fn the_browser_fixture_is_this_import() {
    let dir = workdir("browser-fixture");
    std::fs::copy(FIXTURE, dir.join("awkward.bib")).unwrap();
    run(&dir, &["import", "awkward.bib", "-o", "imported.json"]);
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures/imported.json");
    assert_eq!(
        std::fs::read_to_string(dir.join("imported.json")).unwrap(),
        std::fs::read_to_string(&fixture).unwrap(),
        "regenerate it: cd crates/cli/tests/fixtures && cargo run -p papershelf-cli -- import awkward.bib -o ../../../../tests/browser/fixtures/imported.json"
    );
}

/// The browser tests and screenshots show this lab, moved from al-folio: its publications.json is
/// base.json with papers.bib imported into it, the files its links name copied by `--assets`.
#[test]
fn the_alfolio_lab_fixture_is_this_import() {
    let lab =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures/alfolio-lab");
    let dir = workdir("alfolio-lab-fixture");
    std::fs::copy(lab.join("base.json"), dir.join("publications.json")).unwrap();
    std::fs::copy(lab.join("papers.bib"), dir.join("papers.bib")).unwrap();
    let assets = lab.join("assets");
    let (code, out) = run(
        &dir,
        &[
            "import",
            "papers.bib",
            "-o",
            "publications.json",
            "--assets",
            assets.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("missing"),
        "every file the links name ships: {out}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("publications.json")).unwrap(),
        std::fs::read_to_string(lab.join("publications.json")).unwrap_or_default(),
        "regenerate it: cd tests/browser/fixtures/alfolio-lab && cp base.json publications.json && cargo run -p papershelf-cli -- import papers.bib -o publications.json --assets assets"
    );
}

/// al-folio's `additional_info` is Markdown: its emphasis reaches the note as the `\emph` the site
/// renders, not as asterisks that read like an author mark.
#[test]
fn markdown_emphasis_in_an_alfolio_note_is_the_sites_emphasis() {
    let lab =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/browser/fixtures/alfolio-lab");
    let bib = std::fs::read_to_string(lab.join("papers.bib")).unwrap();
    assert!(bib.contains("additional_info={Winner of the department's *best thesis* prize.}"));
    let dir = workdir("alfolio-markdown-note");
    std::fs::write(dir.join("papers.bib"), bib).unwrap();
    let (code, out) = run(&dir, &["import", "papers.bib", "-o", "publications.json"]);
    assert_eq!(code, 0, "{out}");
    let document = read_json(&dir.join("publications.json"));
    let thesis = document["publications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "lovelace2023thesis")
        .unwrap();
    assert_eq!(
        thesis["note"],
        "Winner of the department's \\emph{best thesis} prize."
    );
    assert_eq!(
        rich_text(thesis["note"].as_str().unwrap()),
        [
            Inline::Text("Winner of the department's ".into()),
            Inline::Emph(vec![Inline::Text("best thesis".into())]),
            Inline::Text(" prize.".into()),
        ],
        "the page shows the words emphasised, without the asterisks"
    );
}

// Cases a review found, each once a bug.

/// Writes `bib` as refs.bib in `dir` and imports it into out.json.
fn import(dir: &Path, bib: &str, extra: &[&str]) -> (i32, String) {
    std::fs::write(dir.join("refs.bib"), bib).unwrap();
    let mut args = vec!["import", "refs.bib", "-o", "out.json"];
    args.extend(extra);
    run(dir, &args)
}

fn doc(dir: &Path) -> Value {
    read_json(&dir.join("out.json"))
}

fn edit(dir: &Path, f: impl FnOnce(&mut Value)) {
    let mut d = doc(dir);
    f(&mut d);
    std::fs::write(
        dir.join("out.json"),
        serde_json::to_string_pretty(&d).unwrap(),
    )
    .unwrap();
}

#[test]
fn an_escaped_dollar_does_not_break_the_titles_math() {
    let dir = workdir("dollar");
    import(
        &dir,
        r"@misc{k, title = {Saving \$5 per query with $O(\log n)$ lookups}}",
        &[],
    );
    let title = doc(&dir)["publications"][0]["title"]
        .as_str()
        .unwrap()
        .to_owned();
    let math = rich_text(&title)
        .iter()
        .any(|i| matches!(i, Inline::Math { .. }));
    assert!(
        math,
        "the site shows no math in {title:?}: {:?}",
        rich_text(&title)
    );
}

#[test]
fn a_url_in_url_keeps_its_double_hyphen() {
    let dir = workdir("url-dash");
    import(
        &dir,
        r"@misc{k, title = {T}, abstract = {Code: \url{https://x.org/a--b}.}}",
        &[],
    );
    let abs = doc(&dir)["publications"][0]["abstract"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(abs.contains("https://x.org/a--b"), "{abs:?}");
}

#[test]
fn an_explicit_pdf_field_is_not_silently_replaced_by_the_url() {
    let dir = workdir("labels");
    let (_, out) = import(
        &dir,
        "@misc{k, title = {T}, pdf = {https://a.org/paper.pdf}, url = {https://b.org/other.pdf}}",
        &[],
    );
    let links = &doc(&dir)["publications"][0]["links"];
    assert_eq!(
        links["pdf"], "https://a.org/paper.pdf",
        "links: {links}, output: {out}"
    );
}

#[test]
fn a_stray_dollar_in_the_abstract_does_not_cost_the_paper() {
    let dir = workdir("abstract-dollar");
    let (code, out) = import(
        &dir,
        "@misc{k, title = {Good Title}, year = 2020, abstract = {We save US$5 per query.}}",
        &[],
    );
    assert_eq!(ids(&doc(&dir)), ["k"], "exit {code}: {out}");
}

#[test]
fn prune_never_removes_a_hand_written_paper_with_its_own_bibtex_record() {
    let dir = workdir("hand-bibtex");
    std::fs::write(
        dir.join("out.json"),
        serde_json::to_string(&json!({"publications": [{
            "id": "feasible-learning", "title": "Feasible Learning",
            "bibtex": "@inproceedings{hounie2025feasible,\n  title = {Feasible Learning},\n  year = {2025}\n}"
        }]}))
        .unwrap(),
    )
    .unwrap();
    let (_, out) = import(&dir, "@misc{other, title = {Other}}", &["--prune"]);
    assert!(
        ids(&doc(&dir)).contains(&"feasible-learning".to_owned()),
        "{out}"
    );
}

#[test]
fn a_second_json_entry_with_an_id_in_the_bib_is_not_called_gone_from_the_bib() {
    let dir = workdir("dup-ids");
    import(&dir, "@misc{a, title = {A}}", &[]);
    edit(&dir, |d| {
        let mut copy = d["publications"][0].clone();
        copy["topics"] = json!(["picked"]);
        d["publications"].as_array_mut().unwrap().push(copy);
    });
    let (_, out) = import(&dir, "@misc{a, title = {A}}", &[]);
    assert!(!out.contains("no longer in the .bib"), "{out}");
}

#[test]
fn a_hand_added_link_does_not_freeze_the_bibs_links() {
    let dir = workdir("links-merge");
    import(
        &dir,
        "@misc{k, title = {T}, url = {https://x.org/old}}",
        &[],
    );
    edit(&dir, |d| {
        d["publications"][0]["links"]["video"] = json!("https://v.org/talk")
    });
    import(
        &dir,
        "@misc{k, title = {T}, url = {https://x.org/new}, doi = {10.1/abc}}",
        &[],
    );
    let links = &doc(&dir)["publications"][0]["links"];
    assert_eq!(links["video"], "https://v.org/talk");
    assert_eq!(links["doi"], "https://doi.org/10.1/abc", "{links}");
    assert_eq!(links["page"], "https://x.org/new", "{links}");
}

/// The record keeps no marks and no pseudo-author, where the JSON has both.
const MARKED: &str =
    "@misc{k, title = {T}, author = {Lovelace*, Ada and Hopper, Grace and authors, +4 more}}";

#[test]
fn an_unchanged_bib_with_marks_changes_nothing_and_reports_nothing() {
    let dir = workdir("marks-unchanged");
    import(&dir, MARKED, &[]);
    let first = doc(&dir);
    let paper = &first["publications"][0];
    assert_eq!(
        paper["authors"],
        json!([{"name": "Ada Lovelace", "marks": "*"}, "Grace Hopper"])
    );
    assert_eq!(paper["et_al"], 4);
    assert!(
        paper["bibtex"]
            .as_str()
            .unwrap()
            .contains("author = {Lovelace, Ada and Hopper, Grace and others},"),
        "{paper}"
    );
    let (code, out) = import(&dir, MARKED, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("out.json: 0 added, 0 updated, 1 unchanged, 0 kept.\n"),
        "{out}"
    );
    assert!(!out.contains("kept k."), "{out}");
    assert_eq!(doc(&dir), first);
}

#[test]
fn a_mark_added_in_the_bib_reaches_the_json() {
    let dir = workdir("marks-added");
    import(&dir, MARKED, &[]);
    let (_, out) = import(
        &dir,
        "@misc{k, title = {T}, author = {Lovelace*†, Ada and Hopper*, Grace and authors, +5 more}}",
        &[],
    );
    let paper = &doc(&dir)["publications"][0];
    assert_eq!(
        paper["authors"],
        json!([{"name": "Ada Lovelace", "marks": "*†"}, {"name": "Grace Hopper", "marks": "*"}]),
        "{out}"
    );
    assert_eq!(paper["et_al"], 5, "{out}");
    assert!(!out.contains("kept k."), "{out}");
}

#[test]
fn an_author_renamed_by_hand_stays() {
    let dir = workdir("marks-renamed");
    import(&dir, MARKED, &[]);
    edit(&dir, |d| {
        d["publications"][0]["authors"][1] = json!("Grace Brewster Murray Hopper")
    });
    let (_, out) = import(&dir, MARKED, &[]);
    let paper = &doc(&dir)["publications"][0];
    assert_eq!(
        paper["authors"],
        json!([{"name": "Ada Lovelace", "marks": "*"}, "Grace Brewster Murray Hopper"]),
        "{out}"
    );
    assert!(
        !out.contains("kept k."),
        "the .bib did not change it: {out}"
    );
    let (_, out) = import(
        &dir,
        "@misc{k, title = {T}, author = {Lovelace*, Ada and Hopper, G. and authors, +4 more}}",
        &[],
    );
    assert_eq!(
        doc(&dir)["publications"][0]["authors"][1],
        "Grace Brewster Murray Hopper"
    );
    assert!(
        out.contains(
            "  kept k.authors as the JSON has it: edited by hand; the .bib changed it too\n"
        ),
        "{out}"
    );
}

#[test]
fn a_file_with_a_byte_order_mark_that_the_site_reads_can_be_imported_into() {
    let dir = workdir("bom");
    std::fs::write(dir.join("out.json"), "\u{feff}{\"publications\": []}").unwrap();
    let (code, out) = import(&dir, "@misc{k, title = {T}}", &[]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_key_whose_case_changed_is_the_same_paper() {
    let dir = workdir("key-case");
    import(&dir, "@misc{Smith2019, title = {Deep}}", &[]);
    edit(&dir, |d| d["publications"][0]["topics"] = json!(["picked"]));
    let (_, out) = import(&dir, "@misc{smith2019, title = {Deep}}", &["--prune"]);
    let d = doc(&dir);
    assert_eq!(d["publications"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(d["publications"][0]["topics"], json!(["picked"]), "{out}");
}
