use super::*;
use crate::select::SearchResult;
use proptest::prelude::*;

fn catalog(papers: &[serde_json::Value]) -> Catalog {
    Catalog::from_json(&serde_json::json!({ "publications": papers }).to_string()).unwrap()
}

/// The search of each prefix of `typed`, as the site runs them: each refines the last result
/// with that result's follow-ups. Also says how many the follow-ups decided alone.
fn typed_key_by_key(c: &Catalog, typed: &str) -> (Vec<SearchResult>, usize) {
    let mut results = Vec::new();
    let mut decided = 0;
    let mut previous = SearchResult::everything();
    let mut follow_ups = None;
    for end in (1..=typed.len()).filter(|&end| typed.is_char_boundary(end)) {
        let query = Query::parse(&typed[..end]);
        let run = c.start_search(query, Some(&previous), follow_ups.as_ref());
        decided += usize::from(run.decided);
        previous = run.finish();
        follow_ups = c.start_follow_ups(&previous).map(FollowUpRun::finish);
        results.push(previous.clone());
    }
    (results, decided)
}

#[test]
fn one_more_letter_is_found_from_the_bits() {
    let c = catalog(&[
        serde_json::json!({"title": "Neural nets", "authors": ["Ann Neu"]}),
        serde_json::json!({"title": "A new net", "abstract": "ababac"}),
        serde_json::json!({"title": "Networks", "topics": ["Neuro"]}),
    ]);
    let (results, decided) = typed_key_by_key(&c, "neur");
    let found = |r: &SearchResult| r.matches.clone().unwrap();
    assert_eq!(
        found(&results[2]),
        [0, 2],
        "neu: a title, an author, a topic"
    );
    assert_eq!(found(&results[3]), [0, 2]);
    // "n" starts from everything and "ne" from its letter pairs; "neu" and "neur" follow from
    // the bits.
    assert_eq!(decided, 2);
    // Overlapping places count: "aba" is followed by `b` and by `c` in "ababac".
    let (results, _) = typed_key_by_key(&c, "abac");
    assert_eq!(found(&results[3]), [1]);
}

#[test]
fn what_the_bits_cannot_say_is_searched() {
    let c = catalog(&[serde_json::json!({"title": "Pre-training", "abstract": "pretraining"})]);
    let ups = c
        .start_follow_ups(&c.search(Query::parse("pre"), None))
        .unwrap()
        .finish();
    let narrow = |from: &str, to: &str| {
        let earlier = Query::parse(from);
        ups.narrow(&earlier, &[0], &Query::parse(to))
    };
    assert_eq!(narrow("pre", "pret"), Some(vec![0]));
    assert_eq!(narrow("pre", "prex"), Some(vec![]));
    // A byte with no bit of its own, two bytes more, a term changed before the last, follow-ups
    // of another query.
    assert_eq!(narrow("pre", "pre-"), None);
    assert_eq!(narrow("pre", "pretr"), None);
    assert_eq!(narrow("pre", "x pret"), None);
    assert_eq!(narrow("pr", "pre"), None);
}

proptest! {
    /// Typed key by key, with follow-ups, every search finds what a fresh one does; letters,
    /// capitals, digits, spaces, accents, hyphens and quotes in the texts and in what is typed,
    /// and a member's aliases among the names.
    #[test]
    fn following_up_finds_what_a_fresh_search_does(
        papers in proptest::collection::vec(
            ("[aAb éÉ1-]{1,12}", "[ab é1-]{0,40}", "[aAb é1-]{0,8}", "[ab é1-]{0,8}", "[ab é1-]{0,8}", "[ab é1-]{0,8}"),
            1..8,
        ),
        aliases in proptest::collection::vec("[aAbé ]{1,6}", 0..3),
        typed in "[aAbBéÉ 1\"-]{1,8}",
    ) {
        let papers: Vec<_> = papers
            .iter()
            .map(|(title, abstract_text, author, topic, venue, award)| serde_json::json!({
                "title": format!("t{title}"),
                "abstract": abstract_text,
                "authors": [format!("n{author}"), "Ann Bee"],
                "topics": [format!("k{topic}")],
                "venue": venue,
                "award": award,
            }))
            .collect();
        let c = Catalog::from_json(
            &serde_json::json!({
                "publications": papers,
                "members": [{"name": "Ann Bee", "aliases": aliases}],
            })
            .to_string(),
        )
        .unwrap();
        let (results, _) = typed_key_by_key(&c, &typed);
        let prefixes = (1..=typed.len()).filter(|&end| typed.is_char_boundary(end));
        for (end, result) in prefixes.zip(&results) {
            let fresh = c.search(Query::parse(&typed[..end]), None);
            prop_assert_eq!(result, &fresh, "{:?}", &typed[..end]);
        }
    }
}
