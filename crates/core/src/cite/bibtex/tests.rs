use super::*;

/// Made records only: no file to read the data's own records from.
const NO_FILE: Option<&[u8]> = None;

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json).unwrap()
}

const ATTENTION: &str = r#"{
    "id": "attention",
    "title": "Attention Is All You Need",
    "authors": ["Ashish Vaswani", "Noam Shazeer", "Çağlar Gülçehre", "Ludwig van Beethoven"],
    "year": 2017,
    "venue": "NeurIPS",
    "abstract": "The dominant sequence transduction models…",
    "topics": ["transformers", "attention"],
    "links": {
        "code": "https://github.com/x/y",
        "arXiv": "https://arxiv.org/abs/1706.03762v5",
        "doi": "https://doi.org/10.5555/3295222.3295349",
        "page": "https://papers.nips.cc/paper/7181"
    }
}"#;

#[test]
fn a_record_is_made_from_the_papers_fields() {
    let c = catalog(&format!("[{ATTENTION}]"));
    assert_eq!(
        cite(&c.papers[0], &c, NO_FILE),
        "@inproceedings{vaswani2017attention,
  author = {Vaswani, Ashish and Shazeer, Noam and Gülçehre, Çağlar and van Beethoven, Ludwig},
  title = {{Attention Is All You Need}},
  booktitle = {NeurIPS},
  year = {2017},
  doi = {10.5555/3295222.3295349},
  eprint = {1706.03762},
  archiveprefix = {arXiv},
  url = {https://papers.nips.cc/paper/7181}
}
"
    );
}

#[test]
fn a_paper_with_only_a_title_is_misc() {
    let c = catalog(r#"[{"title": "  On the   Convergence\nof Adam ", "venue": " "}]"#);
    assert_eq!(
        cite(&c.papers[0], &c, NO_FILE),
        "@misc{convergence,\n  title = {{On the Convergence of Adam}}\n}\n"
    );
    let c = catalog(r#"[{"title": "日本語", "year": 2019}, {"title": "The Of"}]"#);
    assert_eq!(cite_key(&c.papers[0], &c), "paper2019");
    assert_eq!(cite_key(&c.papers[1], &c), "the");
}

#[test]
fn a_typed_paper_is_cited_as_its_type_with_its_venue_field() {
    let c = catalog(
        r#"[{"title": "T", "type": "article", "venue": "Physical Review Letters", "authors": ["Ada Lovelace*†", "+4 more"]},
            {"title": "U", "type": "thesis", "venue": "University of Example"},
            {"title": "V", "type": "talk"}]"#,
    );
    let cited = |i: usize| cite(&c.papers[i], &c, NO_FILE);
    assert_eq!(
        cited(0),
        "@article{lovelacet,\n  author = {Lovelace, Ada and others},\n  title = {{T}},\n  journal = {Physical Review Letters}\n}\n"
    );
    assert!(
        cited(1).starts_with("@phdthesis{u,\n")
            && cited(1).contains("school = {University of Example}")
    );
    assert!(cited(2).starts_with("@misc{v,\n"));
    // Found in review: a preprint was `@unpublished`, whose styles drop `howpublished`.
    let c = catalog(r#"[{"title": "P", "type": "preprint", "venue": "arXiv"}]"#);
    assert!(cite(&c.papers[0], &c, NO_FILE).starts_with("@misc{p,\n"));
}

#[test]
fn keys_come_from_the_first_named_author() {
    let key = |authors: &str| {
        let c = catalog(&format!(
            r#"[{{"title": "A Deep Net", "year": 2016, "authors": {authors}}}]"#
        ));
        cite_key(&c.papers[0], &c)
    };
    assert_eq!(key(r#"["Çağlar Gülçehre", "Bo"]"#), "gulcehre2016deep");
    assert_eq!(
        key(r#"["et al.", "Ludwig van Beethoven"]"#),
        "beethoven2016deep"
    );
    assert_eq!(
        key(r#"["Adriana Romero-Soriano"]"#),
        "romerosoriano2016deep"
    );
    assert_eq!(key(r#"["The ATLAS Collaboration"]"#), "atlas2016deep");
    assert_eq!(key(r#"["李 明"]"#), "2016deep");
    assert_eq!(key("[]"), "2016deep");
    let long = format!(r#"["Ann {}"]"#, "x".repeat(100));
    assert_eq!(key(&long), format!("{}2016deep", "x".repeat(24)));
}

#[test]
fn organisations_and_et_al_are_written_as_bibtex_reads_them() {
    let c = catalog(
        r#"[{"title": "T", "authors": ["The ATLAS Collaboration", "Google", "Google, Inc.",
            "King, Jr., Martin Luther", "Smith,", "et al."]}]"#,
    );
    assert_eq!(
        cite(&c.papers[0], &c, NO_FILE),
        "@misc{atlast,\n  author = {{The ATLAS Collaboration} and Google and {Google, Inc.} and \
         King, Jr., Martin Luther and Smith and others},\n  title = {{T}}\n}\n"
    );
}

#[test]
fn hostile_text_is_escaped_and_math_kept() {
    let c = catalog(
        r#"[{"title": "100% & #1 a_b {x} \"q\" @misc ~^ \\emph $\\mathcal{O}(n^2)$ costs $5\n\n}",
             "venue": "R&D } {", "authors": ["A} B", "C\u0007 D%"],
             "links": {"url": "https://x.org/a b{c}\\d?e=%20#f"}}]"#,
    );
    assert_eq!(
        cite(&c.papers[0], &c, NO_FILE),
        r#"@inproceedings{b100,
  author = {B, A\textbraceright{} and D\%, C},
  title = {{100\% \& \#1 a\_b \textbraceleft{}x\textbraceright{} "q" @misc \textasciitilde{}\textasciicircum{} \textbackslash{}emph $\mathcal{O}(n^2)$ costs \$5 \textbraceright{}}},
  booktitle = {R\&D \textbraceright{} \textbraceleft{}},
  url = {https://x.org/a%20b%7Bc%7D%5Cd?e=%20#f}
}
"#
    );
}

#[test]
fn math_is_kept_only_when_it_is_math() {
    assert_eq!(escape("$a$ and $b_1$"), "$a$ and $b_1$");
    assert_eq!(escape("$50% of {x}$"), "$50\\% of {x}$");
    assert_eq!(escape("a $ b"), "a \\$ b");
    assert_eq!(escape("$$ x"), "\\$\\$ x");
    // What the data already escapes, as LaTeX writes it, stays escaped once.
    assert_eq!(escape("\\$5 and \\$6"), "\\$5 and \\$6");
    assert_eq!(escape("50\\% \\& \\#1 a\\_b"), "50\\% \\& \\#1 a\\_b");
    assert_eq!(escape("below $5\\%$ and $5%$"), "below $5\\%$ and $5\\%$");
    assert_eq!(escape("\\(\\ell_1\\) loss"), "$\\ell_1$ loss");
    // Emphasis as the page shows it stays LaTeX; its argument is escaped as any text.
    assert_eq!(
        escape("\\emph{Deep} & \\textbf{{x}_1} \\emph{open"),
        "\\emph{Deep} \\& \\textbf{\\textbraceleft{}x\\textbraceright{}\\_1} \\textbackslash{}emph\\textbraceleft{}open"
    );
    assert_eq!(escape("\\textit{a {b}} c"), "\\textit{a \\{b\\}} c");
    assert_eq!(
        escape("$}$ and {"),
        "\\$\\textbraceright{}\\$ and \\textbraceleft{}"
    );
    assert_eq!(escape("{a $}$ b"), "\\{a \\$\\}\\$ b");
}

#[test]
fn the_papers_own_record_is_cited_while_the_file_has_it() {
    let json = format!(
        r#"[{ATTENTION}, {{"title": "Own", "bibtex": " @article{{own2020,\n  title={{Own}}\n}}\n\n"}}]"#
    );
    let c = catalog(&json);
    let file = json.as_bytes();
    assert_eq!(
        cite(&c.papers[1], &c, Some(file)),
        "@article{own2020,\n  title={Own}\n}\n"
    );
    assert!(
        cite(&c.papers[0], &c, Some(file)).starts_with("@inproceedings{vaswani2017attention,\n")
    );
    // The file changed on the server since: the record is made from the fields instead.
    let changed = json.replace("\"Own\"", "\"Owl\"");
    assert_eq!(
        cite(&c.papers[1], &c, Some(changed.as_bytes())),
        "@misc{own,\n  title = {{Own}}\n}\n"
    );
    assert_eq!(
        cite(&c.papers[1], &c, NO_FILE),
        "@misc{own,\n  title = {{Own}}\n}\n"
    );
}

#[test]
fn a_bibliography_gives_made_records_unique_keys() {
    let json = r#"[
        {"title": "Deep Nets", "authors": ["Ann Smith"], "year": 2020},
        {"title": "Deep Nets", "authors": ["Ann Smith"], "year": 2020},
        {"title": "Own", "bibtex": "@misc{SMITH2020deep, title = {Own}}"},
        {"title": "Deep Nets?", "authors": ["Smith, Bo"], "year": 2020},
        {"title": "Dup 1", "bibtex": "@misc{dup,\n}"},
        {"title": "Dup 2", "bibtex": "@misc{dup,\n}"}
    ]"#;
    let c = catalog(json);
    let all: Vec<PaperIdx> = (0..6).collect();
    assert_eq!(
        bibliography(&all, &c, Some(json.as_bytes())),
        "@misc{smith2020deepa,
  author = {Smith, Ann},
  title = {{Deep Nets}},
  year = {2020}
}

@misc{smith2020deepb,
  author = {Smith, Ann},
  title = {{Deep Nets}},
  year = {2020}
}

@misc{SMITH2020deep, title = {Own}}

@misc{smith2020deepc,
  author = {Smith, Bo},
  title = {{Deep Nets?}},
  year = {2020}
}

@misc{dup,
}

@misc{dup,
}
"
    );
    // In the order given; without the file every record is made.
    let made = bibliography(&[3, 2], &c, NO_FILE);
    assert!(made.starts_with("@misc{smith2020deep,\n"), "{made}");
    assert!(made.contains("\n\n@misc{own,\n"), "{made}");
    assert_eq!(bibliography(&[], &c, NO_FILE), "");
}

#[test]
fn repeated_keys_get_letters() {
    let mut keys = Keys::default();
    let given: Vec<String> = (0..29).map(|_| keys.unique("k".into())).collect();
    assert_eq!(given[..3], ["k", "ka", "kb"]);
    assert_eq!(given[26..], ["kz", "kaa", "kab"]);
    assert_eq!(keys.unique("kab".into()), "kaba");
    assert_eq!(record_key(" @article{ a:b-1 ,x}"), Some("a:b-1"));
    assert_eq!(record_key("@misc(k, x)"), Some("k"));
    assert_eq!(record_key("@misc{, x}"), None);
    assert_eq!(record_key("misc{k, x}"), None);
}
