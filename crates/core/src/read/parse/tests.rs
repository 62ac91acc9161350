use super::lenient::read_raw_first;
use super::*;

#[test]
fn wrong_types_are_noted_not_fatal() {
    let p: RawPaper = serde_json::from_str(
        r#"{"title":"T","authors":"Ann","year":"2019","links":["x"],"abstract":3,"topics":["a",1,null,"b"],"venue":null}"#,
    )
    .unwrap();
    assert_eq!(p.title, Some(Field::Ok("T".into())));
    assert_eq!(p.authors, Some(Field::Wrong(JsonKind::Text)));
    assert_eq!(p.year, Some(Field::Wrong(JsonKind::Text)));
    assert_eq!(p.links, Some(Field::Wrong(JsonKind::List)));
    assert_eq!(p.abstract_text, Some(Field::Wrong(JsonKind::Number)));
    assert_eq!(p.venue, None, "null is absent");
    assert_eq!(p.id, None);
    assert_eq!(
        p.topics,
        Some(Field::Ok(TextList {
            items: vec!["a".into(), "b".into()],
            dropped: 2
        }))
    );
}

#[test]
fn links_keep_the_file_order_and_numbers_their_text() {
    let p: RawPaper = serde_json::from_str(
        r#"{"links":{"z":"https://z","a":3,"m":"https://m"},"year":1e9223372036854775807,"x":{"deep":[1,{"a":null}]}}"#,
    )
    .unwrap();
    let Some(Field::Ok(RawLinks(links))) = p.links else {
        panic!("{:?}", p.links)
    };
    let labels: Vec<_> = links.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["z", "a", "m"]);
    assert_eq!(links[1].1, Field::Wrong(JsonKind::Number));
    assert_eq!(
        p.year,
        Some(Field::Ok(Number("1e9223372036854775807".into())))
    );
}

/// Odd values for any field: wrong kinds, nulls, numbers of any size, escapes, lone
/// surrogates, names given twice, nested values.
const ODD_VALUES: &[&str] = &[
    r#""Deep nets""#,
    r#""\u00e9t\u00e9 \ud83d\ude00 \"q\" \n""#,
    r#""\ud800""#,
    "1e400",
    "-1e400",
    "-0",
    "123456789012345678901234567890",
    "2019",
    "2.019e3",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    r#"["a", 1, null, 1e400, {"name": "B"}, "C*", ["x"]]"#,
    r#"[{"name": "A", "name": "B"}, {"name": "D", "marks": 1e400}, {"marks": "*"}, "E"]"#,
    r#"{"pdf": "https://x", "a": 3, "b": 1e400, "pdf": null}"#,
    r#"{"name": "\ud800"}"#,
    r#"{"deep": [1, {"a": [null, 1e999]}]}"#,
];
const FIELDS: &[&str] = &[
    "id", "title", "type", "authors", "et_al", "abstract", "topics", "year", "venue", "links",
    "featured", "marks", "bibtex", "other",
];

proptest::proptest! {
    /// Reading each field once gives what taking each field as raw JSON first gives, errors
    /// in the same words; and wherever the one pass alone succeeds, it already gives that.
    #[test]
    fn one_pass_reads_as_raw_first(
        fields in proptest::collection::vec((0..FIELDS.len(), 0..ODD_VALUES.len()), 0..6)
    ) {
        let members: Vec<String> = fields
            .iter()
            .map(|&(f, v)| format!("\"{}\": {}", FIELDS[f], ODD_VALUES[v]))
            .collect();
        let text = format!("{{{}}}", members.join(", "));
        let exact = read_raw_first::<RawPaper>(&text).map_err(|e| e.to_string());
        let once = read::<RawPaper>(&text).map_err(|e| e.to_string());
        proptest::prop_assert_eq!(&once, &exact, "{}", text);
        if let Ok(one_pass) = serde_json::from_str::<RawPaper>(&text) {
            proptest::prop_assert_eq!(Ok(one_pass), exact, "{}", text);
        }
        let member = format!("{{\"name\": {}, \"aliases\": {}, \"url\": {}}}",
            ODD_VALUES[fields.first().map_or(0, |f| f.1)],
            ODD_VALUES[fields.get(1).map_or(0, |f| f.1)],
            ODD_VALUES[fields.get(2).map_or(0, |f| f.1)]);
        let exact = read_raw_first::<RawMember>(&member).map_err(|e| e.to_string());
        proptest::prop_assert_eq!(read::<RawMember>(&member).map_err(|e| e.to_string()), exact);
    }
}

#[test]
fn numbers_beyond_f64_cost_only_their_field() {
    let p: RawPaper = read(
        r#"{"title": 1e400, "venue": "V", "topics": ["a", -1e400, null],
            "authors": ["A", 1e400, {"name": "B", "name": "C"}, {"name": "D", "marks": 1e999}],
            "year": 1e400, "et_al": 2e400, "links": {"pdf": 1e400}}"#,
    )
    .unwrap();
    assert_eq!(p.title, Some(Field::Wrong(JsonKind::Number)));
    assert_eq!(p.venue, Some(Field::Ok("V".into())));
    assert_eq!(
        p.topics,
        Some(Field::Ok(TextList {
            items: vec!["a".into()],
            dropped: 2
        }))
    );
    let Some(Field::Ok(authors)) = p.authors else {
        panic!("{:?}", p.authors)
    };
    assert_eq!(
        authors.dropped, 2,
        "a number, and an object naming itself twice"
    );
    assert_eq!(
        authors.items,
        [
            RawAuthor {
                name: "A".into(),
                marks: None
            },
            RawAuthor {
                name: "D".into(),
                marks: Some(Field::Wrong(JsonKind::Number))
            }
        ]
    );
    assert_eq!(p.year, Some(Field::Ok(Number("1e400".into()))));
    assert_eq!(
        p.et_al,
        Some(Field::Ok(RawEtAl::Count(Number("2e400".into()))))
    );
    assert_eq!(
        p.links,
        Some(Field::Ok(RawLinks(vec![(
            "pdf".into(),
            Field::Wrong(JsonKind::Number)
        )])))
    );
    // The one pass alone cannot hand such a number over: the exact reading is what decides.
    assert!(serde_json::from_str::<RawPaper>(r#"{"title": 1e400}"#).is_err());
}

#[test]
fn plausible_years() {
    for (text, year) in [
        ("2019", Some(2019)),
        ("2019.000", Some(2019)),
        ("2.019e3", Some(2019)),
        ("2.019E+3", Some(2019)),
        ("20190e-1", Some(2019)),
        ("0", Some(0)),
        ("0.0e5", Some(0)),
        ("9999", Some(9999)),
        ("10000", None),
        ("-12", None),
        ("2019.5", None),
        ("1e20", None),
        ("1e9223372036854775807", None),
        ("1e-9223372036854775808", None),
        ("1e99999999999999999999", None),
        ("-9223372036854775808", None),
        ("1e-3", None),
    ] {
        assert_eq!(plausible_year(text), year, "{text}");
    }
}
