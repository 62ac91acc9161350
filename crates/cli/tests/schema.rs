//! `public/publications.schema.json` says what the reader says: a file the schema accepts passes
//! `papershelf check --strict`, and a file the checker finds a problem in is one the schema
//! rejects, at the same place. Both are asked about the shipped data, the 10,059-paper corpus,
//! hand-made hostile files and every JSON type in every field the schema names. The few rules no
//! JSON Schema can state are listed in [`EXCEPTIONS`], each checked to still be one.

use boon::{Compiler, InstanceToken, SchemaIndex, Schemas, ValidationError};
use papershelf_core::catalog::{is_safe_image, is_safe_link, is_safe_url};
use papershelf_core::marks::MARKS;
use papershelf_core::{Catalog, PaperType};
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::PathBuf;

#[path = "../../core/benches/corpus/mod.rs"]
mod corpus;

fn repo_file(path: &str) -> PathBuf {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    PathBuf::from(root)
        .join(path)
        .canonicalize()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn schema_path() -> String {
    let path = repo_file("public/publications.schema.json");
    path.to_str().unwrap().to_owned()
}

/// The schema as JSON, to walk it.
fn schema_json() -> Value {
    serde_json::from_str(&fs::read_to_string(schema_path()).unwrap()).unwrap()
}

/// The schema compiled (and so checked against the 2020-12 metaschema), whole or any part of it.
struct Validator {
    compiler: Compiler,
    schemas: Schemas,
}

impl Validator {
    fn new() -> Validator {
        Validator {
            compiler: Compiler::new(),
            schemas: Schemas::new(),
        }
    }

    /// The subschema at JSON pointer `pointer` ("" for the whole schema).
    fn compile(&mut self, pointer: &str) -> SchemaIndex {
        let location = format!("{}#{pointer}", schema_path());
        self.compiler
            .compile(&location, &mut self.schemas)
            .unwrap_or_else(|e| panic!("{location}: {e}"))
    }

    fn validate(&self, schema: SchemaIndex, value: &Value) -> Result<(), String> {
        self.schemas
            .validate(value, schema)
            .map_err(|e| e.to_string())
    }
}

/// A place in a file: the keys and indices from its root, as in a JSON pointer.
type Place = Vec<String>;

/// One thing `papershelf check --strict` fails on, and where; `place` is `None` when the file
/// cannot be read at all.
struct Report {
    place: Option<Place>,
    message: String,
}

/// `links.pdf` → links, pdf; `links["a.b"]` → links, a.b: a key and the label in it, as the core
/// writes them (`locate::key_path`).
fn key_and_label(path: &str) -> Option<(String, String)> {
    let (key, rest) = path.split_at(path.find(['.', '['])?);
    let label = match rest.strip_prefix('[') {
        Some(quoted) => serde_json::from_str(quoted.strip_suffix(']')?).ok()?,
        None => rest[1..].to_owned(),
    };
    Some((key.to_owned(), label))
}

/// What `papershelf check --strict` fails on, read as crates/cli/src/main.rs reads it: a file it
/// cannot read, an entry it skips, a field it ignores. Empty when the file passes.
fn checker(json: &str) -> Vec<Report> {
    let catalog = match Catalog::from_json(json) {
        Ok(catalog) => catalog,
        Err(e) => {
            let message = e.to_string();
            return vec![Report {
                place: None,
                message,
            }];
        }
    };
    let top_level = catalog.top_level_problems.iter().map(|p| Report {
        place: Some(
            match key_and_label(&p.path).filter(|(key, _)| key == "marks") {
                // `marks.x` → marks, x
                Some((key, mark)) => vec![key, mark],
                // `members[2].url` → members, 2, url
                None => p
                    .path
                    .replace('[', ".")
                    .replace(']', "")
                    .split('.')
                    .map(str::to_owned)
                    .collect(),
            },
        ),
        message: format!("{}: {}", p.path, p.message),
    });
    let bare_list = json.trim_start().starts_with('[');
    let entries = catalog.problems.iter().map(|p| {
        let mut place = if bare_list {
            vec![]
        } else {
            vec!["publications".to_owned()]
        };
        place.push(p.entry.to_string());
        // `links.pdf` → links, pdf
        if let Some((field, label)) = key_and_label(&p.field) {
            place.extend([field, label]);
        } else if !p.field.is_empty() {
            place.push(p.field.clone());
        }
        let message = format!("[{}].{}: {}", p.entry, p.field, p.message);
        Report {
            place: Some(place),
            message,
        }
    });
    top_level.chain(entries).collect()
}

/// What the schema makes of a file.
enum Verdict {
    Accepts,
    /// Why, and where: every innermost failure, but those at the file's root, where the
    /// alternative of an object or a list fails whenever the file is the other.
    Rejects {
        why: String,
        places: Vec<Place>,
    },
    /// The validator cannot even hold the file as a JSON value (serde_json's numbers are 64-bit
    /// floats at most, its strings valid Unicode).
    Unreadable(String),
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Verdict::Accepts => f.write_str("accepts it"),
            Verdict::Rejects { why, .. } => write!(f, "rejects it: {why}"),
            Verdict::Unreadable(why) => write!(f, "cannot read it: {why}"),
        }
    }
}

fn schema_verdict(validator: &Validator, schema: SchemaIndex, json: &str) -> Verdict {
    let value = match serde_json::from_str::<Value>(json) {
        Ok(value) => value,
        Err(e) => return Verdict::Unreadable(e.to_string()),
    };
    let Err(error) = validator.schemas.validate(&value, schema) else {
        return Verdict::Accepts;
    };
    let mut places = Vec::new();
    innermost(&error, &mut places);
    Verdict::Rejects {
        why: error.to_string(),
        places,
    }
}

fn innermost(error: &ValidationError, places: &mut Vec<Place>) {
    for cause in &error.causes {
        innermost(cause, places);
    }
    let place: Place = error
        .instance_location
        .tokens
        .iter()
        .map(|token| match token {
            InstanceToken::Prop(key) => key.to_string(),
            InstanceToken::Item(index) => index.to_string(),
        })
        .collect();
    if error.causes.is_empty() && !place.is_empty() {
        places.push(place);
    }
}

/// Whether the checker and the schema say the same of a file: both nothing, or both something
/// about the same places. A place agrees with one inside it: the checker reports a list with an
/// item that is not text where the schema reports the item, and a missing title at the title
/// where the schema reports the paper that lacks it.
fn agree(reports: &[Report], verdict: &Verdict) -> bool {
    let places = match verdict {
        Verdict::Accepts => return reports.is_empty(),
        Verdict::Unreadable(_) => return false,
        Verdict::Rejects { places, .. } => places,
    };
    let Some(reported) = reports
        .iter()
        .map(|r| r.place.as_ref())
        .collect::<Option<Vec<_>>>()
    else {
        // The file cannot be read at all: there is no place to compare.
        return true;
    };
    let related = |a: &Place, b: &Place| a.starts_with(b) || b.starts_with(a);
    !reported.is_empty()
        && reported
            .iter()
            .all(|r| places.iter().any(|p| related(r, p)))
        && places
            .iter()
            .all(|p| reported.iter().any(|r| related(r, p)))
}

fn messages(reports: &[Report]) -> Vec<&str> {
    reports.iter().map(|r| r.message.as_str()).collect()
}

/// Fixtures on which the schema and the checker disagree, because the checker's rule cannot be
/// put in JSON Schema, and why. Each must really disagree: the test fails once one agrees, so
/// that the list says only what is still true.
const EXCEPTIONS: &[(&str, &str)] = &[
    // Rules across entries: JSON Schema's uniqueItems compares whole items, never one field of
    // them, and nothing relates one member's aliases to another's names.
    ("an id two papers use", "ids must be unique across the list"),
    (
        "a member listed twice",
        "names must be unique across members",
    ),
    (
        "an alias that is another member's name",
        "a spelling names one member only",
    ),
    // Which marks the authors carry against which ones a legend (the file's, the paper's or the
    // defaults) explains: a rule across fields.
    (
        "a mark nothing explains",
        "marks on names against the legends",
    ),
    // The reader compares names folded (NFKD, combining marks dropped): a name of accents alone
    // is blank to it. A pattern could only follow that with Unicode's decomposition tables.
    ("a member name of a combining accent", "blank once folded"),
    ("an alias of a spacing accent", "blank once folded"),
    // A validator sees the parsed document, in which a field named twice is already one field
    // (the last). The reader sees the text, and refuses the entry, member or file.
    (
        "a field named twice in an entry",
        "a duplicate key is gone once parsed",
    ),
    (
        "a field named twice in a member",
        "a duplicate key is gone once parsed",
    ),
    (
        "a link label named twice, the first unsafe",
        "a duplicate key is gone once parsed",
    ),
    (
        "a second publications list",
        "a duplicate key is gone once parsed",
    ),
    (
        "a field named twice in an author",
        "a duplicate key is gone once parsed",
    ),
    // The reader reads a year's digits as written; a validator compares numbers by value, and
    // most hold them as 64-bit floats.
    ("year -0", "the reader wants digits; -0 equals 0 in value"),
    (
        "year 2019.00000000000000001",
        "more precision than a 64-bit float holds",
    ),
    ("year 1e-400", "underflows a 64-bit float to 0"),
    ("et_al -0", "the reader wants digits; -0 equals 0 in value"),
    // JSON that a validator built on serde_json cannot even hold. JavaScript's makes Infinity of
    // the number, which the schema rejects, and keeps the half character, which it accepts.
    (
        "year 1e400",
        "overflows a 64-bit float: serde_json refuses it",
    ),
    (
        "et_al 1e400",
        "overflows a 64-bit float: serde_json refuses it",
    ),
    (
        "a lone surrogate in a title",
        "not Unicode: serde_json refuses it",
    ),
    // Not a field of the format: the reader never looks at it. The schema wants text, as
    // editors read it as a URL.
    (
        "$schema as a number",
        "the reader ignores $schema whatever it is",
    ),
];

/// A document whose publications list is `entries` (JSON text).
fn entries(entries: &str) -> String {
    format!(r#"{{"publications": [{entries}]}}"#)
}

/// A document with one paper titled "A paper" and `fields` (JSON text).
fn paper(fields: &str) -> String {
    entries(&format!(r#"{{"title": "A paper", {fields}}}"#))
}

/// A document with no papers and `members` (JSON text).
fn members(members: &str) -> String {
    format!(r#"{{"members": [{members}], "publications": []}}"#)
}

/// A document with one paper titled `title` (JSON text).
fn titled(title: &str) -> String {
    entries(&format!(r#"{{"title": {title}}}"#))
}

/// A paper whose only link is `url` (JSON text).
fn link(url: &str) -> String {
    paper(&format!(r#""links": {{"pdf": {url}}}"#))
}

/// Hand-made files, modelled on the browser tests' hostile.mjs.
fn hostile() -> Vec<(String, String)> {
    let script = "<script>window.__pwned = 1</script>";
    let onerror = r#"<img src=x onerror=\"window.__pwned = 1\">"#;
    let fixtures = [
        // What both accept.
        ("a bare empty list", "[]".to_owned()),
        ("an empty publications list", entries("")),
        ("a bare list of papers", r#"[{"title": "A"}, {"title": "B"}]"#.to_owned()),
        (
            "$schema names the schema",
            r#"{"$schema": "publications.schema.json", "publications": []}"#.to_owned(),
        ),
        (
            "markup in every text field",
            format!(
                r#"{{"title": "{script}Lab", "description": "{onerror}",
                    "members": [{{"name": "{script}", "aliases": ["{onerror}"]}}],
                    "publications": [{{"id": "{script}", "title": "{script}<b>Bold</b> title",
                      "authors": ["{onerror}", "Plain Author"], "abstract": "</p></article>{onerror}",
                      "topics": ["<b onmouseover=x>topic</b>"], "venue": "<svg onload=x>",
                      "bibtex": "@misc{{x, title = {{{script}}}}}", "year": 2024}}]}}"#
            ),
        ),
        (
            "safe links in every spelling",
            paper(
                r#""links": {"pdf": "https://example.org/p.pdf", "mail": "mailto:a@example.org",
                  "upper": "  HTTPS://example.org", "mixed": "MailTo:a@example.org",
                  "nbsp": "\u00a0https://example.org", "nel": "\u0085http://example.org",
                  "ideographic": "\u3000https:x", "trailing": "https://example.org \n",
                  "": "https://example.org/unlabelled"}"#,
            ),
        ),
        (
            "null is absent",
            r#"{"title": null, "description": null, "members": [{"name": "Ann", "aliases": null, "url": null}],
                "marks": null,
                "publications": [{"title": "A", "id": null, "authors": null, "et_al": null,
                  "abstract": null, "topics": null, "year": null, "venue": null, "links": null,
                  "bibtex": null, "type": null, "featured": null, "award": null, "badge": null,
                  "note": null, "image": null, "marks": null}]}"#
                .to_owned(),
        ),
        ("members null", r#"{"members": null, "publications": []}"#.to_owned()),
        (
            "blank optional text",
            r#"{"title": "  ", "description": "\n", "publications": [{"title": "A", "id": "  ",
                "abstract": "", "venue": " ", "bibtex": "", "authors": ["  ", "Ann"], "topics": [""]}]}"#
                .to_owned(),
        ),
        (
            "unknown fields everywhere",
            r#"{"x": {"y": [1]}, "members": [{"name": "Ann", "orcid": 7}], "publications": [
                {"title": "A", "doi": ["not", "read"], "notes": {"deep": [[[{}]]]}, "x": 1, "x": 2}]}"#
                .to_owned(),
        ),
        (
            "the publications before the top-level fields",
            r#"{"publications": [{"title": "A", "authors": ["A. Lee"]}], "title": "Lab",
                "members": [{"name": "Ann Lee", "aliases": ["A. Lee"]}]}"#
                .to_owned(),
        ),
        (
            "a top-level field named twice, the last right",
            r#"{"title": 5, "title": "Lab", "publications": []}"#.to_owned(),
        ),
        (
            "a link label named twice, both safe",
            paper(r#""links": {"pdf": "https://a.org", "pdf": "https://b.org"}"#),
        ),
        (
            "members with aliases and pages",
            members(
                r#"{"name": "Yoshua Bengio", "aliases": ["Y. Bengio", "Bengio, Y.", "yoshua bengio"],
                    "url": " https://yoshuabengio.org "}, {"name": "Ann", "url": "mailto:ann@lab.org"}"#,
            ),
        ),
        ("a title with spaces around it", titled(r#""  A  ""#)),
        ("a title of a combining accent", titled(r#""\u0301""#)),
        // Neither is whitespace to Rust, though \u200b is invisible and JavaScript's \s
        // matches \ufeff.
        ("a title of a zero-width space", titled(r#""\u200b""#)),
        ("a title of a byte-order mark", titled(r#""\ufeff""#)),
        (
            "right-to-left and combining text",
            entries(
                r#"{"title": "نموذج لغوي كبير للترجمة", "authors": ["محمد علي"],
                   "abstract": "Z̸̢̛̗a̷̡͚l̶̰͝g̵̜̈o̴̟͆ text with שלום mixed in"}"#,
            ),
        ),
        (
            "a megabyte abstract",
            paper(&format!(r#""abstract": "{}""#, "lorem ipsum dolor ".repeat(58_255))),
        ),
        (
            "a 3,000-character title",
            titled(&format!(r#""{}""#, "W".repeat(3000))),
        ),
        (
            "3,000 authors",
            paper(&format!(
                r#""authors": [{}], "et_al": true"#,
                (1..=3000)
                    .map(|i| format!(r#""Author Number {i}""#))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
        ),
        (
            "the curated fields",
            paper(
                r#""type": "conference", "featured": true, "award": "Best Paper Award",
                   "badge": "NeurIPS", "note": "* Equal contribution<br>\n  Extended   version.",
                   "image": "images/a.png", "marks": {"*": "Joint first authors", "†": ""}"#,
            ),
        ),
        ("every type", entries(&every_type())),
        (
            "authors with marks",
            paper(
                r##""authors": ["Kaiyan Zhang*†", "†Ning Ding", "Zhang*†, Kaiyan", "O*Neil",
                     {"name": "Bo Li", "marks": "‡§"}, {"name": "Cy", "marks": ""}, {"name": "Ed", "marks": null},
                     {"name": "Di*", "marks": "∗#", "orcid": 7}, {"name": "  "}, "*"],
                   "marks": {"‡": "Work done at the lab", "§": "Intern", "#": "Advisor", "∗": "Equal"}"##,
            ),
        ),
        (
            "pseudo-authors",
            paper(
                r#""authors": ["Ann", "+11 more", "others", "et al.", {"name": "and others", "marks": "*"},
                   "2001"], "et_al": true"#,
            ),
        ),
        (
            "et_al counts",
            entries(
                r#"{"title": "A", "et_al": 11}, {"title": "B", "et_al": 11.0}, {"title": "C", "et_al": 0},
                   {"title": "D", "et_al": 9999}, {"title": "E", "et_al": 1.1e1}, {"title": "F", "et_al": false}"#,
            ),
        ),
        (
            "the file's marks",
            r##"{"marks": {"*": "Equal contribution", "†": "Corresponding author", "‡": "Intern",
                "∗": "Joint", "§": "Visitor", "#": "Advisor", "*": "Twice, the last counts"},
                "publications": [{"title": "A", "authors": ["Ann*"]}]}"##
                .to_owned(),
        ),
        (
            "paths within the site as links",
            paper(
                r#""links": {"a": "papers/a.pdf", "b": "./x.pdf", "c": "a b.pdf", "d": "a/b:c",
                  "e": "x?y=1:2", "f": "paper.pdf#p=2", "g": " papers/a.pdf ", "h": "\u00a0papers/a.pdf\n",
                  "i": "...", "j": ".x", "k": "a/..b", "l": "a/.../b", "m": "x?/../", "n": "x#/../",
                  "o": ".", "p": "a/", "q": "a//b", "r": "論文/草稿.pdf", "s": "\u0085a.pdf",
                  "t": "%2e/x", "u": "x?%2e%2e/", "v": "a\u2028b", "w": ".. /x"}"#,
            ),
        ),
        (
            "images",
            entries(
                r#"{"title": "A", "image": "https://example.org/a.png"}, {"title": "B", "image": "HTTPS://x"},
                   {"title": "C", "image": " img/a.png "}, {"title": "D", "image": ""},
                   {"title": "E", "image": " \n "}, {"title": "F", "image": "https:// x"}"#,
            ),
        ),
        ("year 0", paper(r#""year": 0"#)),
        ("year 9999", paper(r#""year": 9999"#)),
        ("year 2019.0", paper(r#""year": 2019.0"#)),
        ("year 2.019e3", paper(r#""year": 2.019e3"#)),
        ("year 20190E-1", paper(r#""year": 20190E-1"#)),
        // What both refuse: entries that are not shown.
        (
            "entries that are not objects",
            entries(r#"null, 42, "a string", [1, 2], true"#),
        ),
        ("an entry with no title", entries("{}")),
        (
            "an entry of authors alone",
            entries(r#"{"authors": ["Nobody titled this"]}"#),
        ),
        ("an empty title", titled(r#""""#)),
        ("a blank title", titled(r#""   ""#)),
        (
            "a title of Unicode spaces",
            titled(r#""\t\n\u000b\f\r\u0085\u00a0\u1680\u2007\u2028\u2029\u202f\u205f\u3000""#),
        ),
        // Fields that are ignored.
        (
            "hostile.mjs's wrong types",
            paper(
                r#""authors": "Just A String", "year": "2019", "links": ["https://x.org"],
                   "abstract": 42, "topics": [1, "ok topic", null]"#,
            ),
        ),
        ("an author that is a number", paper(r#""authors": ["Ann", 1]"#)),
        ("an author that is null", paper(r#""authors": [null]"#)),
        ("a topic that is a list", paper(r#""topics": [["nested"]]"#)),
        ("year \"2019\"", paper(r#""year": "2019""#)),
        ("year 10000", paper(r#""year": 10000"#)),
        ("year -1", paper(r#""year": -1"#)),
        ("year 2019.5", paper(r#""year": 2019.5"#)),
        ("year 1e20", paper(r#""year": 1e20"#)),
        ("year 1e-3", paper(r#""year": 1e-3"#)),
        ("a javascript: link", link(r#""javascript:alert(1)""#)),
        (
            "a javascript: link in mixed case after spaces",
            link(r#""  JaVaScRiPt:alert(1)""#),
        ),
        (
            "a data: link",
            link(r#""data:text/html,<script>alert(1)</script>""#),
        ),
        ("a vbscript: link", link(r#""vbscript:msgbox(1)""#)),
        ("a scheme-relative link", link(r#""//example.org/p.pdf""#)),
        ("an ftp: link", link(r#""ftp://example.org/p.pdf""#)),
        ("a scheme alone", link(r#""https:""#)),
        ("a scheme and spaces", link(r#""mailto:   ""#)),
        ("a space before the colon", link(r#""https ://example.org""#)),
        // Not whitespace to Rust, so not trimmed; JavaScript's \s would skip the first.
        ("a link after a byte-order mark", link(r#""\ufeffhttps://example.org""#)),
        ("a link after a zero-width space", link(r#""\u200bhttps://example.org""#)),
        // Letters that a case-insensitive Unicode regex would take for s and k.
        ("a long s in the scheme", link(r#""httpſ://example.org""#)),
        ("a fullwidth scheme", link(r#""ＨＴＴＰＳ://example.org""#)),
        ("a link that is null", link("null")),
        ("a link that is a number", link("3")),
        // Paths that are not within the site, or that a browser could read otherwise.
        ("a link to //evil", link(r#""//evil""#)),
        ("a link to \\\\host", link(r#""\\\\host""#)),
        ("a link with a backslash", link(r#""papers\\a.pdf""#)),
        ("a link to java\\tscript:", link(r#""java\tscript:alert(1)""#)),
        ("a link to java\\nscript:", link(r#""java\nscript:alert(1)""#)),
        ("a link up out of the site", link(r#""../x""#)),
        ("a link that climbs back out", link(r#""a/../../x""#)),
        ("a link that ends in ..", link(r#""a/..""#)),
        ("a link that ends in .. and spaces", link(r#""a/.. \n""#)),
        ("a link of .. alone", link(r#"" .. ""#)),
        ("a link with .. before a query", link(r#""..?x""#)),
        ("a link with .. before a fragment", link(r#""x/..#y""#)),
        ("a link up out of the site in %2e", link(r#""%2e%2e/x""#)),
        ("a link up out of the site in .%2E", link(r#""a/.%2E/x""#)),
        ("a link at the site's root", link(r#""/papers/a.pdf""#)),
        ("a link to //evil after a no-break space", link(r#""\u00a0//evil""#)),
        ("a query alone", link(r#""?q""#)),
        ("a fragment alone", link(r##""#x""##)),
        ("a link with a NUL", link(r#""a\u0000b""#)),
        ("a link with a DEL", link(r#""a\u007fb""#)),
        ("a link with a next-line inside", link(r#""a\u0085b""#)),
        ("a link with a colon in its first step", link(r#""x:y/z""#)),
        ("a blank link", link(r#""  ""#)),
        ("an empty link", link(r#""""#)),
        // The curated fields, wrong.
        ("a type in capitals", paper(r#""type": "Conference""#)),
        ("a type's label", paper(r#""type": "Journal article""#)),
        ("a BibTeX type", paper(r#""type": "inproceedings""#)),
        ("a type with spaces", paper(r#""type": " article""#)),
        ("a blank type", paper(r#""type": """#)),
        ("an author object without a name", paper(r#""authors": ["Ann", {"marks": "*"}]"#)),
        ("an author object named null", paper(r#""authors": [{"name": null}]"#)),
        ("an author object named by a number", paper(r#""authors": [{"name": 3}]"#)),
        ("authors that are lists and booleans", paper(r#""authors": [["Ann"], true]"#)),
        ("an author's marks with a letter", paper(r#""authors": [{"name": "Ann", "marks": "*x"}]"#)),
        ("an author's marks with a space", paper(r#""authors": [{"name": "Ann", "marks": "* †"}]"#)),
        ("an author's marks as a number", paper(r#""authors": [{"name": "Ann", "marks": 1}]"#)),
        ("an author's marks as a list", paper(r#""authors": [{"name": "Ann", "marks": ["*"]}]"#)),
        (
            "a pseudo-author's marks with a letter",
            paper(r#""authors": ["Ann", {"name": "+11 more", "marks": "x"}]"#),
        ),
        ("a blank author's marks as a number", paper(r#""authors": [{"name": " ", "marks": 5}]"#)),
        ("et_al -1", paper(r#""et_al": -1"#)),
        ("et_al 11.5", paper(r#""et_al": 11.5"#)),
        ("et_al 10000", paper(r#""et_al": 10000"#)),
        ("et_al \"11\"", paper(r#""et_al": "11""#)),
        ("et_al 1e20", paper(r#""et_al": 1e20"#)),
        ("featured \"yes\"", paper(r#""featured": "yes""#)),
        ("featured 1", paper(r#""featured": 1"#)),
        ("a paper's mark that is a letter", paper(r#""marks": {"x": "no"}"#)),
        ("a paper's mark of two marks", paper(r#""marks": {"*†": "both"}"#)),
        ("a paper's mark of none", paper(r#""marks": {"": "none"}"#)),
        ("a paper's mark meaning null", paper(r#""marks": {"*": null}"#)),
        ("a paper's mark meaning a number", paper(r#""marks": {"†": 1}"#)),
        ("a paper's marks as a list", paper(r#""marks": ["*"]"#)),
        (
            "the file's mark that is a letter",
            r#"{"marks": {"x": "no", "*": "Equal"}, "publications": []}"#.to_owned(),
        ),
        (
            "the file's mark that is a dot",
            r#"{"marks": {".": "no"}, "publications": []}"#.to_owned(),
        ),
        (
            "the file's marks as text",
            r#"{"marks": "*", "publications": []}"#.to_owned(),
        ),
        ("an http: image", paper(r#""image": "http://example.org/a.png""#)),
        ("a javascript: image", paper(r#""image": "javascript:alert(1)""#)),
        ("a data: image", paper(r#""image": "data:image/png;base64,AAAA""#)),
        ("a scheme-relative image", paper(r#""image": "//evil.example/a.png""#)),
        ("a mailto: image", paper(r#""image": "mailto:a@example.org""#)),
        ("https:// alone as an image", paper(r#""image": "https://""#)),
        ("https:// and spaces as an image", paper(r#""image": " https://  ""#)),
        ("an image at the site's root", paper(r#""image": "/a.png""#)),
        ("an image out of the site", paper(r#""image": "../a.png""#)),
        // Files that cannot be read at all.
        ("a number for a file", "42".to_owned()),
        ("null for a file", "null".to_owned()),
        ("text for a file", r#""publications""#.to_owned()),
        ("no publications list", r#"{"title": "no list"}"#.to_owned()),
        // Members that are not listed, or lose a field.
        ("members that are not objects", members(r#"3, "Ann", null, [], true"#)),
        ("a member with no name", members(r#"{"aliases": ["X"]}"#)),
        ("a member named null", members(r#"{"name": null}"#)),
        ("a blank member name", members(r#"{"name": " \n "}"#)),
        ("an alias that is a number", members(r#"{"name": "Bo", "aliases": [1, "B."]}"#)),
        ("a blank alias", members(r#"{"name": "Bo", "aliases": ["  "]}"#)),
        (
            "a javascript: member page",
            members(r#"{"name": "Bo", "url": "javascript:alert(1)"}"#),
        ),
        (
            "a scheme-relative member page",
            members(r#"{"name": "Bo", "url": "//evil.org"}"#),
        ),
        (
            "a data: member page",
            members(r#"{"name": "Bo", "url": "data:text/html,<script>alert(1)</script>"}"#),
        ),
        // The exceptions (see EXCEPTIONS).
        (
            "an id two papers use",
            entries(r#"{"id": "dup", "title": "First"}, {"id": "dup", "title": "Second"}"#),
        ),
        ("a member listed twice", members(r#"{"name": "Ann Lee"}, {"name": "ANN  LEE"}"#)),
        (
            "an alias that is another member's name",
            members(r#"{"name": "Ann"}, {"name": "Bo", "aliases": ["Ann"]}"#),
        ),
        ("a member name of a combining accent", members(r#"{"name": "\u0301"}"#)),
        (
            "an alias of a spacing accent",
            members(r#"{"name": "Bo", "aliases": ["´"]}"#),
        ),
        (
            "a field named twice in an entry",
            entries(r#"{"title": "A", "title": "B"}"#),
        ),
        (
            "a field named twice in a member",
            members(r#"{"name": "Ann", "name": "Ann"}"#),
        ),
        (
            "a link label named twice, the first unsafe",
            paper(r#""links": {"pdf": "javascript:alert(1)", "pdf": "https://example.org"}"#),
        ),
        (
            "a second publications list",
            r#"{"publications": [{"title": "A"}], "publications": []}"#.to_owned(),
        ),
        ("year -0", paper(r#""year": -0"#)),
        (
            "year 2019.00000000000000001",
            paper(r#""year": 2019.00000000000000001"#),
        ),
        ("year 1e-400", paper(r#""year": 1e-400"#)),
        ("year 1e400", paper(r#""year": 1e400"#)),
        ("et_al -0", paper(r#""et_al": -0"#)),
        ("et_al 1e400", paper(r#""et_al": 1e400"#)),
        (
            "a field named twice in an author",
            paper(r#""authors": [{"name": "Ann", "name": "Ann"}]"#),
        ),
        ("a mark nothing explains", paper(r#""authors": ["Ann Lee§"]"#)),
        ("a lone surrogate in a title", titled(r#""a\ud800""#)),
        (
            "$schema as a number",
            r#"{"$schema": 7, "publications": []}"#.to_owned(),
        ),
    ];
    fixtures
        .into_iter()
        .map(|(name, json)| (name.to_owned(), json))
        .collect()
}

/// A paper of each type, as entries (JSON text).
fn every_type() -> String {
    PaperType::ALL
        .iter()
        .map(|t| format!(r#"{{"title": "A {key}", "type": "{key}"}}"#, key = t.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An object of the format, as the schema describes it.
struct Object<'a> {
    /// Where it is in the files `make` makes, to name fixtures: `publications[0].`.
    prefix: &'static str,
    properties: &'a Map<String, Value>,
    /// A small file in which the property named has the value given.
    make: fn(&str, Value) -> Value,
}

/// A publications file, a paper and a member.
fn objects(schema: &Value) -> [Object<'_>; 3] {
    let properties = |def: &str| schema["$defs"][def]["properties"].as_object().unwrap();
    fn in_document(name: &str, value: Value) -> Value {
        let mut doc = json!({"publications": []});
        doc[name] = value;
        doc
    }
    fn in_paper(name: &str, value: Value) -> Value {
        let mut paper = json!({"title": "A paper"});
        paper[name] = value;
        json!({"publications": [paper]})
    }
    fn in_member(name: &str, value: Value) -> Value {
        let mut member = json!({"name": "Ann"});
        member[name] = value;
        json!({"members": [member], "publications": []})
    }
    [
        Object {
            prefix: "",
            properties: properties("document"),
            make: in_document,
        },
        Object {
            prefix: "publications[0].",
            properties: properties("paper"),
            make: in_paper,
        },
        Object {
            prefix: "members[0].",
            properties: properties("member"),
            make: in_member,
        },
    ]
}

/// A value of each JSON type.
fn one_of_each_type() -> [Value; 6] {
    [
        json!("text"),
        json!(7),
        json!(true),
        json!(["text"]),
        json!({"text": "x"}),
        Value::Null,
    ]
}

/// For every property the schema gives a file, a paper and a member, a file in which it is of
/// each JSON type: the types the schema allows and those it does not, so that a type allowed by
/// mistake is caught too. `$schema` is left out: it is no field of the format, and has its own
/// fixture.
fn every_type_in_every_field(schema: &Value) -> Vec<(String, String)> {
    let mut fixtures = Vec::new();
    for object in objects(schema) {
        for name in object.properties.keys().filter(|name| *name != "$schema") {
            for value in one_of_each_type() {
                let label = format!("{}{name} = {value}", object.prefix);
                fixtures.push((label, (object.make)(name, value).to_string()));
            }
        }
    }
    fixtures
}

#[test]
fn the_shipped_data_the_corpus_and_an_import_are_valid() {
    let mut validator = Validator::new();
    let root = validator.compile("");
    let shipped = fs::read_to_string(repo_file("public/publications.json")).unwrap();
    assert!(
        shipped.starts_with("{\n  \"$schema\": \"publications.schema.json\","),
        "the shipped data names its schema first"
    );
    let corpus = corpus::text();
    // What `papershelf import` writes (the awkward .bib fixture, imported).
    let imported = fs::read_to_string(repo_file("tests/browser/fixtures/imported.json")).unwrap();
    for (name, text, papers) in [
        ("shipped", &shipped, 12),
        ("corpus", &corpus, 10_059),
        ("imported", &imported, 4),
    ] {
        assert_eq!(messages(&checker(text)), Vec::<&str>::new(), "{name}");
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(value["publications"].as_array().unwrap().len(), papers);
        if let Err(e) = validator.validate(root, &value) {
            panic!("{name}: {e}");
        }
    }
}

/// The example the README gives of a file, with the curated fields, passes both.
#[test]
fn the_readmes_example_is_valid() {
    let readme = fs::read_to_string(repo_file("README.md")).unwrap();
    let example = readme
        .split("## Your own papers")
        .nth(1)
        .and_then(|section| section.split("```json\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .expect("the README's example");
    assert_eq!(messages(&checker(example)), Vec::<&str>::new());
    let mut validator = Validator::new();
    let root = validator.compile("");
    let value: Value = serde_json::from_str(example).unwrap();
    if let Err(e) = validator.validate(root, &value) {
        panic!("{e}");
    }
    let paper = &value["publications"][0];
    for field in ["type", "featured", "award", "image", "marks"] {
        let there = paper.get(field).or(value.get(field));
        assert!(there.is_some(), "the example shows {field}");
    }
}

#[test]
fn the_schema_rejects_exactly_what_the_checker_reports() {
    let schema = schema_json();
    let mut validator = Validator::new();
    let root = validator.compile("");
    let generated = every_type_in_every_field(&schema);
    let made = generated.len();
    let fixtures: Vec<(String, String)> = hostile().into_iter().chain(generated).collect();

    let names: HashSet<&str> = fixtures.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names.len(), fixtures.len(), "fixture names are unique");
    for (name, _) in EXCEPTIONS {
        assert!(
            names.contains(name),
            "the exception {name:?} names no fixture"
        );
    }

    let mut wrong = Vec::new();
    for (name, json) in &fixtures {
        let reports = checker(json);
        let problems = messages(&reports);
        let verdict = schema_verdict(&validator, root, json);
        let exception = EXCEPTIONS.iter().find(|(n, _)| n == name);
        match (exception, agree(&reports, &verdict)) {
            (None, true) | (Some(_), false) => {}
            (None, false) => wrong.push(format!(
                "{name}: the checker says {problems:?}; the schema {verdict}"
            )),
            (Some((_, why)), true) => wrong.push(format!(
                "{name}: listed as an exception ({why}), but the checker ({problems:?}) and the \
                 schema ({verdict}) agree: take it off the list"
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    eprintln!(
        "{} fixtures ({} of them every type in every field), {} exceptions",
        fixtures.len(),
        made,
        EXCEPTIONS.len()
    );
}

/// Every subschema of `schema` with the JSON pointer to it, but the values of `examples` and
/// `default`, which are data.
fn subschemas(schema: &Value) -> Vec<(String, &Value)> {
    fn walk<'a>(value: &'a Value, pointer: String, out: &mut Vec<(String, &'a Value)>) {
        match value {
            Value::Object(map) => {
                out.push((pointer.clone(), value));
                for (key, child) in map {
                    if !matches!(key.as_str(), "examples" | "default") {
                        walk(child, format!("{pointer}/{key}"), out);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(schema, String::new(), &mut out);
    out
}

/// Editors show a property's title and description while it is typed: every property, list item
/// and definition of a value has both (one that is only a `$ref` has its target's).
#[test]
fn every_field_is_explained() {
    let schema = schema_json();
    let mut unexplained = Vec::new();
    for (pointer, subschema) in subschemas(&schema) {
        let parent = pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
        let describes_a_value = parent.ends_with("/properties")
            || pointer.ends_with("/items")
            || pointer.ends_with("/additionalProperties")
            || (parent == "/$defs" && subschema.get("type").is_some());
        let only_a_ref = subschema.as_object().unwrap().keys().all(|k| k == "$ref");
        let explained = ["title", "description"]
            .iter()
            .all(|k| subschema[k].as_str().is_some_and(|t| !t.trim().is_empty()));
        if describes_a_value && !only_a_ref && !explained {
            unexplained.push(pointer);
        }
    }
    assert!(
        unexplained.is_empty(),
        "no title or description: {unexplained:?}"
    );
}

/// The examples an editor offers are valid where they stand, and the checker takes those of a
/// file's, a paper's and a member's fields without a word.
#[test]
fn every_example_is_valid() {
    let schema = schema_json();
    let mut validator = Validator::new();
    let mut count = 0;
    for (pointer, subschema) in subschemas(&schema) {
        let Some(examples) = subschema.get("examples") else {
            continue;
        };
        let index = validator.compile(&pointer);
        for example in examples.as_array().unwrap() {
            if let Err(e) = validator.validate(index, example) {
                panic!("{pointer}: {example}: {e}");
            }
            count += 1;
        }
    }
    for object in objects(&schema) {
        for (name, property) in object.properties {
            for example in property["examples"].as_array().into_iter().flatten() {
                let file = (object.make)(name, example.clone()).to_string();
                let problems = checker(&file);
                assert!(
                    problems.is_empty(),
                    "{}{name} = {example}: {:?}",
                    object.prefix,
                    messages(&problems)
                );
            }
        }
    }
    assert!(count >= 20, "{count} examples");
}

/// "Blank" in the schema is what `str::trim` trims: `char::is_whitespace`, written out as a
/// character class because a regex's `\s` differs between engines (JavaScript's takes U+FEFF and
/// not U+0085). Every Unicode scalar value is tried, in two strings: one of all the characters
/// Rust calls whitespace, one of all the others.
#[test]
fn blank_means_what_rust_trims() {
    let schema = schema_json();
    let non_blank = schema["$defs"]["nonBlank"]["pattern"].as_str().unwrap();
    let class = non_blank
        .strip_prefix("[^")
        .and_then(|c| c.strip_suffix(']'))
        .unwrap();
    let url = schema["$defs"]["url"]["pattern"].as_str().unwrap();
    let url_class = format!("^[{class}]*(?:");
    assert!(
        url.starts_with(&url_class) && url.ends_with(&format!(":[{class}]*[^{class}]")),
        "the URL pattern trims the same whitespace: {url}"
    );
    let (spaces, others): (String, String) = (0..=char::MAX as u32)
        .filter_map(char::from_u32)
        .partition(|c| c.is_whitespace());
    let mut compiler = Compiler::new();
    let mut schemas = Schemas::new();
    for (pattern, text) in [
        (format!("^[{class}]+$"), &spaces),
        (format!("^[^{class}]+$"), &others),
    ] {
        let location = format!("https://papershelf.invalid/{}.json", text.len());
        let only = json!({"type": "string", "pattern": pattern});
        compiler.add_resource(&location, only).unwrap();
        let index = compiler.compile(&location, &mut schemas).unwrap();
        if schemas.validate(&json!(text), index).is_err() {
            let missed: Vec<char> = text
                .chars()
                .filter(|c| schemas.validate(&json!(c.to_string()), index).is_err())
                .take(10)
                .collect();
            panic!("{pattern:?} does not match {missed:?}");
        }
    }
    assert_eq!(spaces.chars().count(), 25);
}

/// The patterns for addresses say what the reader's checks say: a link (`is_safe_link`: an
/// http:, https: or mailto: URL, or a path within the site), a member's page (`is_safe_url`) and
/// an image (`is_safe_image`, or blank), on every string of up to four pieces that those checks
/// turn on (slashes, dots, `%2e`, schemes, colons, backslashes, whitespace and control characters
/// of either kind, a character that is neither).
#[test]
fn address_patterns_are_the_readers_checks() {
    let mut validator = Validator::new();
    let link = validator.compile("/$defs/link");
    let url = validator.compile("/$defs/url");
    let image = validator.compile("/$defs/paper/properties/image");
    let pieces = [
        "a", ".", "..", "/", "\\", "?", "#", ":", "%2e", "%2E", " ", "\t", "\u{85}", "\u{a0}",
        "\u{0}", "\u{7f}", "\u{200b}", "https://", "HTTP:", "mailto:", "é",
    ];
    let mut strings = vec![String::new()];
    let mut last = strings.clone();
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
            .collect();
        strings.extend(last.iter().cloned());
    }
    let mut wrong = Vec::new();
    for s in &strings {
        let value = json!(s);
        let checks = [
            ("link", link, is_safe_link(s)),
            ("url", url, is_safe_url(s)),
            ("image", image, s.trim().is_empty() || is_safe_image(s)),
        ];
        for (name, schema, reader) in checks {
            let pattern = validator.validate(schema, &value).is_ok();
            if pattern != reader && wrong.len() < 20 {
                wrong.push(format!(
                    "{name} {s:?}: the reader says {reader}, the schema {pattern}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(strings.len() > 200_000, "{}", strings.len());
}

/// The types an editor suggests are the reader's, described by the page's labels; the marks it
/// suggests are the reader's marks.
#[test]
fn types_and_marks_are_the_readers() {
    let schema = schema_json();
    let paper_type = &schema["$defs"]["paper"]["properties"]["type"];
    let keys: Vec<Value> = PaperType::ALL.iter().map(|t| json!(t.key())).collect();
    let labels: Vec<Value> = PaperType::ALL.iter().map(|t| json!(t.label())).collect();
    let listed = paper_type["enum"].as_array().unwrap();
    assert_eq!(listed[..listed.len() - 1], keys[..]);
    assert_eq!(listed.last(), Some(&Value::Null));
    let described = paper_type["enumDescriptions"].as_array().unwrap();
    assert_eq!(described.len(), listed.len());
    assert_eq!(described[..described.len() - 1], labels[..]);
    let description = paper_type["description"].as_str().unwrap();
    for t in PaperType::ALL {
        let said = format!("{} (\"{}\")", t.key(), t.label());
        assert!(description.contains(&said), "the description says {said}");
    }

    let marks: String = MARKS.iter().collect();
    let keys: Vec<&String> = schema["$defs"]["marks"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys.len(), MARKS.len());
    assert!(keys
        .iter()
        .all(|k| k.chars().count() == 1 && marks.contains(k.as_str())));
    let pattern = &schema["$defs"]["author"]["properties"]["marks"]["pattern"];
    assert_eq!(pattern, &json!(format!("^[{marks}]*$")));
}

/// The link labels an editor suggests are the ones the page shows capitalised, as the schema's
/// titles say they are shown.
#[test]
fn suggested_link_labels_are_the_pages_own() {
    let schema = schema_json();
    let card = fs::read_to_string(repo_file("src/paper_card.rs")).unwrap();
    let shown_as = card
        .split("fn link_label(")
        .nth(1)
        .and_then(|f| f.split("\n}\n").next())
        .expect("the page's fn link_label");
    let labels = schema["$defs"]["paper"]["properties"]["links"]["properties"]
        .as_object()
        .unwrap();
    assert!(labels.len() >= 10);
    for (label, link) in labels {
        let title = link["title"].as_str().unwrap();
        assert!(
            shown_as.contains(&format!("\"{label}\""))
                && shown_as.contains(&format!("=> \"{title}\"")),
            "the page does not show the label {label:?} as {title:?}"
        );
    }
}
