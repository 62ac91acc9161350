use super::*;

fn sample() -> Catalog {
    Catalog::from_json(
        r#"[{"title":"Alpha","authors":["Ann","Bo"],"topics":["RL"],"year":2019,"abstract":"Offline policies"},
            {"title":"beta","authors":["Bo"],"topics":["Vision"],"year":2021},
            {"title":"Gamma","authors":["Zoë"],"topics":["rl","Vision"],"year":2020,"venue":"NeurIPS"},
            {"title":"Delta"}]"#,
    )
    .unwrap()
}

fn titles(c: &Catalog, query: &str) -> Vec<String> {
    let sel = c.select(&ViewState::from_query(query));
    sel.shown
        .iter()
        .map(|&i| c.papers[i as usize].title.shown())
        .collect()
}

#[test]
fn sorts_newest_oldest_and_by_title() {
    let c = sample();
    assert_eq!(titles(&c, ""), ["beta", "Gamma", "Alpha", "Delta"]);
    assert_eq!(titles(&c, "sort=old"), ["Alpha", "Gamma", "beta", "Delta"]);
    assert_eq!(
        titles(&c, "sort=title"),
        ["Alpha", "beta", "Delta", "Gamma"]
    );
}

#[test]
fn search_covers_title_authors_abstract_topics_and_venue() {
    let c = sample();
    assert_eq!(titles(&c, "q=OFFLINE"), ["Alpha"]);
    assert_eq!(titles(&c, "q=zoe"), ["Gamma"]);
    assert_eq!(titles(&c, "q=neurips"), ["Gamma"]);
    assert_eq!(titles(&c, "q=vision"), ["beta", "Gamma"]);
    assert_eq!(titles(&c, "q=vision+bo"), ["beta"]);
    assert!(titles(&c, "q=%22bo+vision%22").is_empty());
}

#[test]
fn a_refined_search_gives_what_a_fresh_one_does() {
    let c = sample();
    let mut previous = c.search(Query::parse("a"), None);
    for q in ["al", "alp", "alpha", "alpha bo", "e", "ga"] {
        let fresh = c.search(Query::parse(q), None);
        let refined = c.search(Query::parse(q), Some(&previous));
        assert_eq!(refined, fresh, "{q}");
        previous = refined;
    }
}

#[test]
fn a_search_in_slices_gives_what_one_in_one_go_does() {
    let c = sample();
    for q in ["", "a", "bo", "vision zoë"] {
        let mut run = c.start_search(Query::parse(q), None, None);
        while !run.step(1) {}
        assert_eq!(run.finish(), c.search(Query::parse(q), None), "{q}");
    }
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let c = sample();
    assert_eq!(titles(&c, "author=Bo"), ["beta", "Alpha"]);
    assert_eq!(
        titles(&c, "author=Bo&author=Zo%C3%AB"),
        ["beta", "Gamma", "Alpha"]
    );
    assert_eq!(titles(&c, "author=Bo&topic=rl"), ["Alpha"]);
    assert_eq!(titles(&c, "topic=RL&year=2020-2021"), ["Gamma"]);
    assert_eq!(titles(&c, "year=2019&year=2021"), ["beta", "Alpha"]);
}

#[test]
fn unknown_values_match_nothing() {
    let c = sample();
    assert!(titles(&c, "author=Nobody").is_empty());
    assert!(titles(&c, "year=someday").is_empty());
    assert_eq!(titles(&c, "author=Nobody&author=Ann"), ["Alpha"]);
}

#[test]
fn facet_counts_ignore_their_own_selection() {
    let c = sample();
    let state = ViewState::from_query("topic=Vision");
    let sel = c.select(&state);
    let authors = c.facet(FilterKind::Author, &state, &sel, "", 10);
    let counts: Vec<_> = authors
        .iter()
        .map(|v| (v.label.as_str(), v.count))
        .collect();
    assert_eq!(counts, [("Bo", 1), ("Zoë", 1)]);
    let topics = c.facet(FilterKind::Topic, &state, &sel, "", 10);
    let counts: Vec<_> = topics
        .iter()
        .map(|v| (v.label.as_str(), v.count, v.selected))
        .collect();
    assert_eq!(counts, [("Vision", 2, true), ("RL", 2, false)]);
    let years = c.facet(FilterKind::Year, &state, &sel, "", 10);
    let counts: Vec<_> = years.iter().map(|v| (v.label.as_str(), v.count)).collect();
    assert_eq!(counts, [("2021", 1), ("2020", 1)]);
}

#[test]
fn a_topic_is_deselected_in_any_spelling() {
    let c = sample();
    let state = ViewState::from_query("q=a&topic=rl&topic=Rl&author=Bo");
    assert!(c.selects(&state, FilterKind::Topic, "RL"));
    assert!(!c.selects(&state, FilterKind::Topic, "Vision"));
    let released = c.toggled(&state, FilterKind::Topic, "RL");
    assert_eq!(released, ViewState::from_query("q=a&author=Bo"));
    let added = c.toggled(&released, FilterKind::Topic, "RL");
    assert_eq!(added, ViewState::from_query("q=a&author=Bo&topic=RL"));
    // Unknown topics and authors compare as written.
    let unknown = ViewState::from_query("topic=Nothing&author=Nobody");
    assert!(c.selects(&unknown, FilterKind::Topic, "Nothing"));
    assert!(!c.selects(&unknown, FilterKind::Topic, "nothing"));
    assert!(!c.selects(&unknown, FilterKind::Author, "nobody"));
}

#[test]
fn a_value_spelled_two_ways_is_one_facet_entry() {
    let c = sample();
    let state = ViewState::from_query("topic=rl&topic=RL&year=02019&year=2019-2019");
    let sel = c.select(&state);
    let labels = |kind| {
        c.facet(kind, &state, &sel, "", 10)
            .into_iter()
            .map(|v| (v.label, v.selected))
            .collect::<Vec<_>>()
    };
    let topics = labels(FilterKind::Topic);
    assert_eq!(
        topics.iter().filter(|(l, _)| l == "RL").count(),
        1,
        "{topics:?}"
    );
    let years = labels(FilterKind::Year);
    assert_eq!(
        years.iter().filter(|(l, _)| l == "2019").count(),
        1,
        "{years:?}"
    );
    assert_eq!(years[0], ("2019".to_owned(), true));
    // Pressing 2019 releases the filter however it was written.
    let released = c.toggled(&state, FilterKind::Year, "2019");
    assert!(released.years.is_empty(), "{released:?}");
    let range = ViewState::from_query("year=2021-2019");
    let range_facet = c.facet(FilterKind::Year, &range, &c.select(&range), "", 10);
    assert_eq!(range_facet[0].label, "2019–2021");
}

#[test]
fn the_type_facet_and_the_featured_filter_count_like_the_others() {
    let c = Catalog::from_json(
        r#"[{"title":"A","type":"conference","featured":true,"year":2020},
            {"title":"B","type":"article","year":2020},
            {"title":"C","type":"conference","year":2021},
            {"title":"D","featured":true,"year":2021}]"#,
    )
    .unwrap();
    let facet = |query: &str| {
        let state = ViewState::from_query(query);
        let sel = c.select(&state);
        let types: Vec<_> = c
            .facet(FilterKind::Type, &state, &sel, "", 10)
            .into_iter()
            .map(|v| (v.label, v.count, v.selected))
            .collect();
        (sel.shown.len(), types, sel.featured_count())
    };
    let t = |label: &str, count, selected| (label.to_owned(), count, selected);
    assert_eq!(
        facet(""),
        (
            4,
            vec![
                t("Journal article", 1, false),
                t("Conference paper", 2, false)
            ],
            2
        )
    );
    // A type's own count ignores its selection; the featured count heeds it.
    assert_eq!(
        facet("type=Conference%20paper"),
        (
            2,
            vec![
                t("Conference paper", 2, true),
                t("Journal article", 1, false)
            ],
            1
        )
    );
    // The featured filter narrows every count.
    assert_eq!(
        facet("featured=1"),
        (2, vec![t("Conference paper", 1, false)], 2)
    );
    assert_eq!(
        facet("type=talk"),
        (
            0,
            vec![
                t("Talk", 0, true),
                t("Journal article", 1, false),
                t("Conference paper", 2, false)
            ],
            0
        )
    );
    let state = ViewState::from_query("type=article&featured=1&year=2020");
    let revealed = c.revealing(&state, 2);
    assert_eq!(revealed.to_query(), "");
    assert_eq!(c.revealing(&state, 0).to_query(), "?year=2020&featured=1");
}

#[test]
fn revealing_a_paper_drops_only_what_hides_it() {
    let c = sample();
    let gamma = c.paper_index(&c.papers[2].id).unwrap();
    assert_eq!(c.papers[gamma as usize].title.shown(), "Gamma");
    let state = ViewState::from_query("q=offline&topic=RL&year=2019&author=Zo%C3%AB&sort=old");
    let next = c.revealing(&state, gamma);
    assert_eq!(
        next,
        ViewState::from_query("topic=RL&author=Zo%C3%AB&sort=old")
    );
    assert!(c.select(&next).shown.contains(&gamma));
    // A view that already shows the paper is kept as it is.
    assert_eq!(c.revealing(&next, gamma), next);
    let searched = ViewState::from_query("q=neurips+zoe&author=Ann");
    assert_eq!(
        c.revealing(&searched, gamma),
        ViewState::from_query("q=neurips+zoe")
    );
    // Unknown values hide every paper, so they go too.
    let unknown = ViewState::from_query("year=someday&topic=Nothing");
    assert_eq!(c.revealing(&unknown, gamma), ViewState::default());
}

#[test]
fn an_author_in_the_url_is_found_in_any_case_or_accents_unless_two_fold_alike() {
    let c = sample();
    // Folded as the facet's find is; a decomposed `ë` (`e` and U+0308) too.
    for query in [
        "author=zoe",
        "author=ZO%C3%8B",
        "author=Zoe%CC%88",
        "author=Zo%C3%AB",
    ] {
        assert_eq!(titles(&c, query), ["Gamma"], "{query}");
    }
    // The facet lists her once, selected, under her name.
    let state = ViewState::from_query("author=zoe");
    let listed = c.facet(FilterKind::Author, &state, &c.select(&state), "", 10);
    let listed: Vec<_> = listed
        .iter()
        .map(|v| (v.label.as_str(), v.selected))
        .collect();
    assert_eq!(listed[0], ("Zoë", true));
    assert!(!listed[1..].iter().any(|&(label, _)| label == "Zoë"));
    assert!(c.same_value(FilterKind::Author, "zoe", "Zoë"));
    // Names that differ only by accents are different people: each is found as written, and
    // a spelling that folds to several names finds none of them.
    let three = Catalog::from_json(
        r#"[{"title":"A","authors":["Zoë"]},{"title":"B","authors":["Zoe"]},{"title":"C","authors":["Zoé"]}]"#,
    )
    .unwrap();
    assert_eq!(titles(&three, "author=Zo%C3%AB"), ["A"]);
    assert_eq!(titles(&three, "author=Zoe"), ["B"]);
    assert!(titles(&three, "author=zoe").is_empty());
}

#[test]
fn facet_find_is_accent_insensitive_and_selected_values_stay() {
    let c = sample();
    let state = ViewState::from_query("author=Nobody&year=2019-2020");
    let sel = c.select(&state);
    let found = c.facet(FilterKind::Author, &state, &sel, "ZOE", 10);
    let labels: Vec<_> = found
        .iter()
        .map(|v| (v.label.as_str(), v.count, v.selected))
        .collect();
    assert_eq!(labels, [("Nobody", 0, true), ("Zoë", 1, false)]);
    let years = c.facet(FilterKind::Year, &state, &sel, "", 10);
    assert_eq!(
        years[0],
        FacetValue {
            label: "2019–2020".into(),
            value: "2019-2020".into(),
            count: 0,
            selected: true
        }
    );
}

/// Bo and Cy write most; Ann, Zed and Yoshua (under two spellings) are the lab's members.
fn lab() -> Catalog {
    Catalog::from_json(
        r#"{"publications": [
            {"title": "P1", "authors": ["Bo", "Cy", "Y. Bengio"], "year": 2020},
            {"title": "P2", "authors": ["Bo", "Cy", "Yoshua Bengio"], "year": 2021},
            {"title": "P3", "authors": ["Bo", "Cy", "Ann"], "year": 2021},
            {"title": "P4", "authors": ["Bo", "Zed"], "year": 2022},
            {"title": "P5", "authors": ["Dee"], "year": 2022}],
          "members": [{"name": "Zed"}, {"name": "Yoshua Bengio", "aliases": ["Y. Bengio"]},
                      {"name": "Ann"}, {"name": "Idle Member"}]}"#,
    )
    .unwrap()
}

fn authors(c: &Catalog, query: &str, find: &str, limit: usize) -> Vec<(String, u32, bool)> {
    let state = ViewState::from_query(query);
    let sel = c.select(&state);
    c.facet(FilterKind::Author, &state, &sel, find, limit)
        .into_iter()
        .map(|v| (v.label, v.count, v.selected))
        .collect()
}

#[test]
fn members_lead_the_author_facet_however_it_is_cut() {
    let c = lab();
    let all = authors(&c, "", "", 10);
    let labels: Vec<_> = all.iter().map(|(l, n, _)| (l.as_str(), *n)).collect();
    // Members by count then name, then everyone else; a member without papers is not listed.
    assert_eq!(
        labels,
        [
            ("Yoshua Bengio", 2),
            ("Ann", 1),
            ("Zed", 1),
            ("Bo", 4),
            ("Cy", 3),
            ("Dee", 1)
        ]
    );
    for limit in 0..=labels.len() {
        assert_eq!(authors(&c, "", "", limit), all[..limit], "limit {limit}");
    }
    // The find box narrows without reordering, and finds a member by an alias.
    let found = |find: &str| -> Vec<String> {
        authors(&c, "", find, 10)
            .into_iter()
            .map(|(l, ..)| l)
            .collect()
    };
    assert_eq!(found("e"), ["Yoshua Bengio", "Zed", "Dee"]);
    assert_eq!(found("y. b"), ["Yoshua Bengio"]);
    assert_eq!(authors(&c, "", "e", 2), authors(&c, "", "e", 10)[..2]);
}

#[test]
fn a_member_selected_by_an_alias_is_one_entry_under_their_name() {
    let c = lab();
    // The URL spells the member twice, neither as the facet shows them.
    let query = "author=Y.%20Bengio&author=yoshua%20bengio";
    let listed = authors(&c, query, "", 2);
    assert_eq!(
        listed,
        [
            ("Yoshua Bengio".to_owned(), 2, true),
            ("Ann".to_owned(), 1, false),
            ("Zed".to_owned(), 1, false),
        ]
    );
    let state = ViewState::from_query(query);
    assert!(c.selects(&state, FilterKind::Author, "Yoshua Bengio"));
    assert!(c.same_value(FilterKind::Author, "Y. Bengio", "YOSHUA BENGIO"));
    assert!(
        c.same_value(FilterKind::Author, "Bo", "bo"),
        "as any author's"
    );
    assert!(!c.same_value(FilterKind::Author, "Bo", "Cy"));
    // Pressing the entry releases every spelling.
    assert_eq!(
        c.toggled(&state, FilterKind::Author, "Yoshua Bengio"),
        ViewState::default()
    );
    assert_eq!(titles(&c, query), ["P2", "P1"]);
    // A member without papers, selected, is listed with 0 under their name as typed.
    assert_eq!(
        authors(&c, "author=Idle%20Member", "", 0),
        [("Idle Member".to_owned(), 0, true)]
    );
}

/// Each prefix of `typed` selected as the site does, from the selection before it in steps of
/// `slice` papers, and afresh.
fn refined_and_fresh(
    c: &Catalog,
    filters: &str,
    typed: &str,
    slice: usize,
) -> Vec<(Selection, Selection)> {
    let mut previous = c.select(&ViewState::from_query(filters));
    let mut found = SearchResult::everything();
    let mut out = Vec::new();
    for end in (0..=typed.len()).filter(|&end| typed.is_char_boundary(end)) {
        let state = ViewState {
            query: typed[..end].to_owned(),
            ..ViewState::from_query(filters)
        };
        found = c.search(Query::parse(&state.query), Some(&found));
        let mut run = c.start_selection(&state, &found, Some(&previous));
        while !run.step(slice) {}
        let refined = run.finish();
        out.push((refined.clone(), c.select_searched(&state, &found)));
        previous = refined;
    }
    out
}

#[test]
fn a_refined_selection_takes_out_what_the_search_no_longer_matches() {
    let c = sample();
    let everything = c.select(&ViewState::default());
    let found = c.search(Query::parse("l"), None);
    let state = ViewState::from_query("q=l");
    // "l" matches three of the four papers: the one it drops is taken out.
    assert_eq!(c.dropped_since(&everything, &state, &found), Some(vec![1]));
    for (refined, fresh) in refined_and_fresh(&c, "", "alpha", 1) {
        assert_eq!(refined, fresh);
        assert_eq!(refined.counts, fresh.counts);
    }
    // Another filter, or a search that is not a refinement: selected afresh.
    let by_bo = ViewState::from_query("q=l&author=Bo");
    assert_eq!(c.dropped_since(&everything, &by_bo, &found), None);
    let gamma = c.select(&ViewState::from_query("q=gamma"));
    assert_eq!(c.dropped_since(&gamma, &state, &found), None);
}

const KINDS: [&str; 3] = ["article", "thesis", "preprint"];

proptest::proptest! {
    /// Typed key by key under any filters, each selection made from the one before it, in
    /// slices, shows and counts what a fresh one does.
    #[test]
    fn refining_a_selection_gives_what_a_fresh_one_does(
        papers in proptest::collection::vec(
            ("[ab ]{1,6}", proptest::collection::vec(0..4usize, 0..3), proptest::collection::vec(0..3usize, 0..3), proptest::option::of(2018..2022i32), proptest::bool::ANY, 0..3usize),
            1..10,
        ),
        filters in proptest::sample::select(vec!["", "author=N1", "topic=K0&author=N2", "year=2019-2020", "type=article", "featured", "author=N0&year=2021&type=thesis"]),
        typed in "[ab ]{0,6}",
        slice in 1..4usize,
    ) {
        let papers: Vec<_> = papers
            .iter()
            .map(|(title, authors, topics, year, featured, kind)| serde_json::json!({
                "title": format!("t{title}"),
                "authors": authors.iter().map(|a| format!("N{a}")).collect::<Vec<_>>(),
                "topics": topics.iter().map(|t| format!("K{t}")).collect::<Vec<_>>(),
                "year": year,
                "featured": featured,
                "type": KINDS[*kind],
            }))
            .collect();
        let c = Catalog::from_json(&serde_json::json!({ "publications": papers }).to_string()).unwrap();
        for (refined, fresh) in refined_and_fresh(&c, filters, &typed, slice) {
            proptest::prop_assert_eq!(&refined.counts, &fresh.counts);
            proptest::prop_assert_eq!(refined.shown, fresh.shown);
        }
    }
}
