//! Properties that must hold for any input: URLs round-trip, garbage never panics, search never
//! grows when a term is added, highlighting never loses or reorders text.

use papershelf_core::catalog::is_safe_url;
use papershelf_core::fold::fold;
use papershelf_core::math::parse_math;
use papershelf_core::parse::{Field, RawDocument};
use papershelf_core::rich::{rich_text, Inline};
use papershelf_core::stream::{read_document, ReadError, StreamReader};
use papershelf_core::{Catalog, CatalogBuilder, FilterKind, Query, Sort, ViewState};
use proptest::prelude::*;
use serde_json::value::RawValue;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::hash_map("[a-z]{1,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Entries that look like publications, with any field possibly of the wrong type.
fn entry() -> impl Strategy<Value = Value> {
    let field = || prop_oneof![any_json(), "[ a-zA-Z<>\"&é]{0,10}".prop_map(Value::from)];
    prop_oneof![
        any_json(),
        (field(), field(), field(), field(), field(), field()).prop_map(|(id, title, authors, year, links, topics)| {
            json!({ "id": id, "title": title, "authors": authors, "year": year, "links": links, "topics": topics })
        }),
        ("[a-z]{0,3}", "[ A-Za-z]{0,10}").prop_map(|(id, title)| json!({ "id": id, "title": title })),
        // What other sites curated: marked and object authors, types, counts, images, legends.
        (field(), field(), field(), field(), field(), field(), "[ A-Za-z*†‡∗§#+0-9]{0,10}").prop_map(
            |(kind, featured, et_al, image, marks, award, marked)| {
                json!({ "title": "T", "type": kind, "featured": featured, "et_al": et_al, "image": image,
                        "marks": marks, "award": award, "badge": award, "note": award,
                        "authors": [marked, { "name": marked, "marks": marks }, "others"] })
            }
        ),
    ]
}

fn usable(entry: &Value) -> bool {
    entry
        .get("title")
        .and_then(Value::as_str)
        // Blank is whitespace and control characters alone, which show nothing.
        .is_some_and(|t| t.chars().any(|c| !c.is_whitespace() && !c.is_control()))
}

fn value() -> impl Strategy<Value = String> {
    // Printable text including spaces, quotes, &, =, %, + and non-ASCII, trimmed as the URL reader does.
    "[ a-zA-Z0-9&=%+#?\"'éöÅ李-]{1,16}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("non-empty", |s| !s.is_empty())
}

fn state() -> impl Strategy<Value = ViewState> {
    (
        "[ a-zA-Z0-9&=%+#?\"éö-]{0,20}",
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        any::<bool>(),
        0..3usize,
    )
        .prop_map(|(query, authors, topics, years, types, featured, sort)| {
            let mut state = ViewState {
                query: query.trim().to_owned(),
                featured,
                sort: Sort::ALL[sort],
                ..ViewState::default()
            };
            for (kind, values) in [
                (FilterKind::Author, authors),
                (FilterKind::Topic, topics),
                (FilterKind::Year, years),
                (FilterKind::Type, types),
            ] {
                for v in values {
                    if !state.has(kind, &v) {
                        state.toggle(kind, &v);
                    }
                }
            }
            state
        })
}

/// Names in spellings that differ in case, accents, spacing and punctuation.
const PEOPLE: [&str; 9] = [
    "Ann Lee", "ann  lee", "ANN LÉE", "A. Lee", "Bo", "bo", "Cy Ng", "C. Ng", "A Lee",
];

fn sample_catalog() -> Catalog {
    Catalog::from_json(
        r#"[{"title":"Deep Réseaux","authors":["Zoë Ng","Al B"],"topics":["RL"],"year":2020,"abstract":"Graph nets on école data"},
            {"title":"Kernels","authors":["Al B"],"topics":["Kernels","rl"],"year":2019,"venue":"NeurIPS"},
            {"title":"Untitled thoughts"}]"#,
    )
    .unwrap()
}

/// serde_json's verdict on a whole file: one JSON value (numbers of any size, as JSON allows),
/// after an optional byte-order mark, that is a list or an object with a "publications" list.
fn serde_json_accepts(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let Ok(root) = serde_json::from_str::<&RawValue>(text) else {
        return false;
    };
    let is_list = |raw: &RawValue| raw.get().starts_with('[');
    is_list(root)
        || serde_json::from_str::<HashMap<String, &RawValue>>(root.get())
            .is_ok_and(|fields| fields.get("publications").is_some_and(|p| is_list(p)))
}

/// Reads `bytes` as the site does, in chunks of `size`.
fn stream(bytes: &[u8], size: usize) -> Result<RawDocument, ReadError> {
    let mut doc = RawDocument::default();
    let mut reader = StreamReader::new();
    bytes
        .chunks(size.max(1))
        .try_for_each(|chunk| reader.push(chunk, &mut doc))
        .and_then(|()| reader.finish())
        .map(|()| doc)
}

/// Builds a catalog as the site does, from chunks of `size`: the same papers, spans included.
fn stream_catalog(bytes: &[u8], size: usize) -> Result<Catalog, ReadError> {
    let mut builder = CatalogBuilder::default();
    let mut reader = StreamReader::new();
    bytes
        .chunks(size.max(1))
        .try_for_each(|chunk| reader.push(chunk, &mut builder))
        .and_then(|()| reader.finish())
        .map(|()| builder.finish())
}

/// A valid file, and the same file damaged at `at`: a byte dropped, something inserted, cut short.
fn damaged(valid: &str, at: usize, inserted: &[u8]) -> [Vec<u8>; 4] {
    let bytes = valid.as_bytes();
    let at = at % (bytes.len() + 1);
    let mut dropped = bytes.to_vec();
    if at < dropped.len() {
        dropped.remove(at);
    }
    let mut added = bytes.to_vec();
    added.splice(at..at, inserted.iter().copied());
    [bytes.to_vec(), dropped, added, bytes[..at].to_vec()]
}

const INSERTS: &[&[u8]] = &[
    b",",
    b"]",
    b"}",
    b"[",
    b"{",
    b":",
    b"\"",
    b"\\",
    b"0",
    b"-",
    b".",
    b"e",
    b" ",
    b"x",
    b"\n",
    b"\x0c",
    b"\xff",
    b"\xc3",
    b"\xEF\xBB\xBF",
    b"1e999",
    // Last: serde_json's grammar allows a lone surrogate escape, but the oracle cannot decode a
    // field name holding one, so only the chunking test uses it.
    b"\\ud800",
];

proptest! {
    #[test]
    fn the_reader_accepts_and_rejects_what_serde_json_does(
        entries in prop::collection::vec(entry(), 0..4),
        bare in any::<bool>(),
        pretty in any::<bool>(),
        bom in any::<bool>(),
        at in 0..600usize,
        inserted in prop::sample::select(&INSERTS[..INSERTS.len() - 1]),
    ) {
        let value = if bare { json!(entries) } else { json!({ "title": "T", "publications": entries }) };
        let valid = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        let valid = if bom { format!("\u{feff}{valid}") } else { valid };
        for bytes in damaged(&valid, at, inserted) {
            prop_assert_eq!(
                read_document(&bytes).is_ok(),
                serde_json_accepts(&bytes),
                "{}", String::from_utf8_lossy(&bytes)
            );
        }
    }

    #[test]
    fn the_reader_decodes_text_as_serde_json_writes_it(title in any::<String>()) {
        let text = json!({ "title": title, "publications": [] }).to_string();
        prop_assert_eq!(read_document(&text).unwrap().title, Some(Field::Ok(title)));
    }

    #[test]
    fn any_json_text_is_read_without_panic(value in any_json(), garbage in ".{0,40}") {
        let _ = Catalog::from_json(&value.to_string());
        let _ = Catalog::from_json(&garbage);
        let _ = Catalog::from_json(&json!({ "publications": value }).to_string());
    }

    #[test]
    fn every_usable_entry_is_shown_with_a_unique_id(entries in prop::collection::vec(entry(), 0..24)) {
        let catalog = Catalog::from_json(&json!({ "publications": entries }).to_string()).unwrap();
        let expected = entries.iter().filter(|e| usable(e)).count();
        prop_assert_eq!(catalog.papers.len(), expected);
        prop_assert_eq!(catalog.skipped(), entries.len() - expected);
        let ids: HashSet<&str> = catalog.papers.iter().map(|p| p.id.as_str()).collect();
        prop_assert_eq!(ids.len(), expected);
        prop_assert!(catalog.papers.iter().all(|p| !p.id.is_empty()));
        let everything = catalog.select(&ViewState::default());
        prop_assert_eq!(everything.shown.len(), expected);
    }

    #[test]
    fn any_search_and_facets_are_safe(entries in prop::collection::vec(entry(), 0..12), q in any::<String>(), author in ".{0,8}") {
        let catalog = Catalog::from_json(&json!(entries).to_string()).unwrap();
        let mut state = ViewState { query: q, ..ViewState::default() };
        state.toggle(FilterKind::Author, &author);
        state.toggle(FilterKind::Year, &author);
        state.toggle(FilterKind::Type, &author);
        state.featured = author.len() % 2 == 0;
        let sel = catalog.select(&state);
        for kind in FilterKind::ALL {
            let _ = catalog.facet(kind, &state, &sel, &author, 10);
        }
    }

    /// The site reads the file in the chunks the network delivers; the checker reads it whole.
    /// Both must come to the same entries, or the same error at the same line and column.
    #[test]
    fn the_site_in_any_chunks_reads_what_the_checker_reads(
        entries in prop::collection::vec(entry(), 0..8),
        at in 0..400usize,
        inserted in prop::sample::select(INSERTS),
        size in 1..40usize,
    ) {
        let valid = json!({ "title": "T", "publications": entries }).to_string();
        for bytes in damaged(&valid, at, inserted) {
            let whole = read_document(&bytes);
            prop_assert_eq!(stream(&bytes, size), whole.clone(), "{}", String::from_utf8_lossy(&bytes));
            prop_assert_eq!(stream_catalog(&bytes, size), Catalog::from_json(&bytes));
        }
    }

    /// Members may come before or after the publications; either way each spelling a member
    /// claims is that member, and the member's count is every paper any spelling wrote.
    #[test]
    fn members_merge_authors_whatever_the_order(
        papers in prop::collection::vec(prop::collection::vec(0..PEOPLE.len(), 0..4), 0..10),
        members in prop::collection::vec((0..PEOPLE.len(), prop::collection::vec(0..PEOPLE.len(), 0..3)), 0..4),
    ) {
        let publications: Vec<Value> = papers
            .iter()
            .enumerate()
            .map(|(i, authors)| json!({ "title": format!("P{i}"), "authors": authors.iter().map(|&a| PEOPLE[a]).collect::<Vec<_>>() }))
            .collect();
        let members: Vec<Value> = members
            .iter()
            .map(|(name, aliases)| json!({ "name": PEOPLE[*name], "aliases": aliases.iter().map(|&a| PEOPLE[a]).collect::<Vec<_>>() }))
            .collect();
        let before = format!(r#"{{"members": {}, "publications": {}}}"#, json!(members), json!(publications));
        let after = format!(r#"{{"publications": {}, "members": {}}}"#, json!(publications), json!(members));
        // Equal but for where each entry is in its file.
        let without_spans = |text: &str| {
            let mut catalog = Catalog::from_json(text).unwrap();
            catalog.papers.iter_mut().for_each(|p| p.span = None);
            catalog
        };
        let catalog = without_spans(&before);
        prop_assert_eq!(&without_spans(&after), &catalog);

        let key = |name: &str| fold(name);
        let mut owners = HashSet::new();
        for member in &catalog.members {
            let spellings: HashSet<String> =
                std::iter::once(&member.name).chain(&member.aliases).map(|s| key(s)).collect();
            let wrote: Vec<usize> = (0..papers.len())
                .filter(|&i| papers[i].iter().any(|&a| spellings.contains(&key(PEOPLE[a]))))
                .collect();
            prop_assert_eq!(member.author.is_some(), !wrote.is_empty());
            let Some(id) = member.author else { continue };
            prop_assert!(owners.insert(id), "one member per author");
            prop_assert_eq!(catalog.author_name(id), member.name.as_str());
            for spelling in &spellings {
                prop_assert_eq!(catalog.author_id(spelling), Some(id));
            }
            let state = ViewState::from_query(&format!("author={}", papershelf_core::url::encode_component(&member.aliases.first().unwrap_or(&member.name).to_uppercase())));
            let mut shown: Vec<usize> = catalog.select(&state).shown.iter().map(|&i| i as usize).collect();
            shown.sort_unstable();
            prop_assert_eq!(shown, wrote);
        }
        // Every spelling in the data still leads to its papers, each author once per paper.
        for (i, authors) in papers.iter().enumerate() {
            let listed = &catalog.papers[i].authors;
            prop_assert_eq!(listed.iter().collect::<HashSet<_>>().len(), listed.len());
            for &a in authors {
                let id = catalog.author_id(&PEOPLE[a].split_whitespace().collect::<Vec<_>>().join(" "));
                prop_assert!(id.is_some_and(|id| listed.contains(&id)), "{}", PEOPLE[a]);
            }
        }
    }

    #[test]
    fn url_round_trips(state in state()) {
        prop_assert_eq!(ViewState::from_query(&state.to_query()), state);
    }

    #[test]
    fn any_query_string_is_a_view(garbage in any::<String>()) {
        let state = ViewState::from_query(&garbage);
        let again = ViewState::from_query(&state.to_query());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn any_search_is_safe_and_highlights_faithfully(q in any::<String>(), text in any::<String>()) {
        let query = Query::parse(&q);
        let runs = query.highlight(&text);
        let joined: String = runs.iter().map(|(s, _)| *s).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn a_paper_matches_when_each_term_is_in_one_of_its_fields(
        papers in prop::collection::vec(prop::collection::vec("[a-cÀé1 .-]{0,6}", 5), 1..8),
        q in "[a-cÀé1 .-]{0,5}",
    ) {
        // Short fields over a small alphabet, so one-letter terms (answered from each paper's
        // letters) and longer ones (read from the text) both match and miss.
        let entries: Vec<Value> = papers
            .iter()
            .map(|f| json!({"title": format!("t{}", f[0]), "authors": [f[1]], "topics": [f[2]], "venue": f[3], "abstract": f[4]}))
            .collect();
        let catalog = Catalog::from_json(&json!({ "publications": entries }).to_string()).unwrap();
        let query = Query::parse(&q);
        let shown = catalog.select(&ViewState { query: q.clone(), ..ViewState::default() }).shown;
        for (idx, paper) in catalog.papers.iter().enumerate() {
            let fields: Vec<String> = [
                Some(paper.title.folded().to_owned()),
                paper.venue.as_ref().map(|v| v.folded().to_owned()),
                paper.abstract_text.as_ref().map(|a| a.folded().to_owned()),
            ]
            .into_iter()
            .flatten()
            .chain(paper.authors.iter().map(|&a| fold(catalog.author_name(a))))
            .chain(paper.topics.iter().map(|&t| fold(&catalog.topic(t).label)))
            .collect();
            let expected = query.terms.iter().all(|t| fields.iter().any(|f| f.contains(t.as_str())));
            prop_assert_eq!(shown.contains(&(idx as u32)), expected, "{:?} in {:?}", q, fields);
        }
    }

    #[test]
    fn adding_a_term_never_grows_the_result(q in "[a-zé ]{0,12}", extra in "[a-zé]{1,4}") {
        let catalog = sample_catalog();
        let base = ViewState { query: q.clone(), ..ViewState::default() };
        let narrower = ViewState { query: format!("{q} {extra}"), ..ViewState::default() };
        let wide = catalog.select(&base).shown;
        let narrow = catalog.select(&narrower).shown;
        prop_assert!(narrow.iter().all(|i| wide.contains(i)));
    }

    #[test]
    fn rich_text_links_only_safe_urls_and_keeps_plain_text_whole(
        text in r"(\[|\]\(|\(|\)|javascript:alert|https?://a\.b|mailto:c|\$|\{|\}|\\emph\{|\\url\{|\\href\{|\\frac|\\[()$]|`|'|x|é| |\.|\^|_|<|\\){0,30}",
    ) {
        check_inlines(&rich_text(&text))?;
        let plain = !text.contains(['$', '\\', '`', '[']) && !text.contains("http");
        if plain && !text.is_empty() {
            prop_assert_eq!(rich_text(&text), vec![Inline::Text(text.clone())]);
        }
    }
}

/// Every link in `inlines` goes to a safe URL, and every math node is what its source parses to.
fn check_inlines(inlines: &[Inline]) -> Result<(), TestCaseError> {
    for inline in inlines {
        match inline {
            Inline::Link { text, url } => {
                prop_assert!(is_safe_url(url), "{}", url);
                check_inlines(text)?;
            }
            Inline::Emph(inner) | Inline::Strong(inner) => check_inlines(inner)?,
            Inline::Math { source, node } => {
                prop_assert_eq!(parse_math(source), Some(node.clone()))
            }
            Inline::Text(t) | Inline::Code(t) => prop_assert!(!t.is_empty()),
        }
    }
    Ok(())
}
