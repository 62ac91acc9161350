use super::*;
use crate::parse::TextList;

/// Streams `text` in chunks of `size` bytes.
fn stream(text: impl AsRef<[u8]>, size: usize) -> Result<RawDocument, ReadError> {
    let mut doc = RawDocument::default();
    let mut reader = StreamReader::new();
    for chunk in text.as_ref().chunks(size.max(1)) {
        reader.push(chunk, &mut doc)?;
    }
    reader.finish().map(|()| doc)
}

fn error(text: impl AsRef<[u8]>) -> (String, usize, usize) {
    let e = read_document(text.as_ref()).unwrap_err();
    (e.message, e.line, e.column)
}

const SAMPLE: &str = r#" {"x": {"publications": [1]}, "title" : "Lab \"Ü\"",
    "publications": [ {"title": "A, [b]", "authors": ["x\\", "y"], "year": 2019},
      null, 42, -1.5e3, true, "s]}", [1, [2]], {"title": "B", "n": {"a": [{}]}} ],
    "after": [1, 2] } "#;

#[test]
fn gives_what_reading_the_whole_text_gives_in_any_chunking() {
    let whole = read_document(SAMPLE).unwrap();
    assert_eq!(whole.entries.len(), 8);
    assert_eq!(whole.title, Some(Field::Ok("Lab \"Ü\"".into())));
    for size in [1, 2, 3, 7, 16, 64, 1000] {
        assert_eq!(stream(SAMPLE, size).unwrap(), whole, "chunks of {size}");
    }
    let bare = r#"[{"title":"A"}, {"title":"B"}]"#;
    assert_eq!(stream(bare, 5).unwrap(), read_document(bare).unwrap());
    assert_eq!(stream("[]", 1).unwrap(), RawDocument::default());
}

#[test]
fn top_level_fields_are_read_before_or_after_the_list_in_any_chunking() {
    let members = r#"[{"name": "Ann", "aliases": ["A.", 1], "url": "https://a"}, "Bo",
        {"name": "x", "name": "y"}, {"url": "\ud800"}, {}]"#;
    let expected = RawMembers(vec![
        RawMemberEntry::Object(RawMember {
            name: Some(Field::Ok("Ann".into())),
            aliases: Some(Field::Ok(TextList {
                items: vec!["A.".into()],
                dropped: 1,
            })),
            url: Some(Field::Ok("https://a".into())),
        }),
        RawMemberEntry::Other(JsonKind::Text),
        RawMemberEntry::Unreadable("the field \"name\" is given twice; keep one".into()),
        RawMemberEntry::Unreadable(LONE_SURROGATE.into()),
        RawMemberEntry::Object(RawMember::default()),
    ]);
    let list = r#""publications": [{"title": "A"}]"#;
    for text in [
        format!(r#"{{"description": "D", "members": {members}, {list}}}"#),
        format!(r#"{{{list}, "members": {members}, "description": "D"}}"#),
    ] {
        let whole = read_document(&text).unwrap();
        assert_eq!(whole.description, Some(Field::Ok("D".into())));
        assert_eq!(whole.members, Some(Field::Ok(expected.clone())));
        assert_eq!(whole.entries.len(), 1);
        for size in [1, 2, 5, 64] {
            assert_eq!(stream(&text, size).unwrap(), whole, "chunks of {size}");
        }
    }
    let odd = read_document(r#"{"members": {"name": "A"}, "description": 3, "publications": []}"#);
    let odd = odd.unwrap();
    assert_eq!(odd.members, Some(Field::Wrong(JsonKind::Object)));
    assert_eq!(odd.description, Some(Field::Wrong(JsonKind::Number)));
    // The list's syntax is the file's: an error in it is placed as any other.
    let e = read_document("{\"members\": [{\"name\": \"A\",}], \"publications\": []}").unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.line, e.column),
        ("remove the comma before }", 1, 27)
    );
}

proptest::proptest! {
    /// Counting eight bytes at a time counts what a byte-by-byte count does.
    #[test]
    fn counts_characters_as_bytes_that_begin_one(text in "[a-z é€😀\n]{0,40}", cut in 0..50usize) {
        let bytes = &text.as_bytes()[..cut.min(text.len())];
        let expected = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        proptest::prop_assert_eq!(chars(bytes), expected);
    }
}

#[test]
fn non_objects_are_entries_of_another_kind() {
    let doc = read_document(r#"[null, 3, "x", [1], true, {"title":"A"}]"#).unwrap();
    use JsonKind::*;
    let kinds: Vec<_> = doc
        .entries
        .iter()
        .map(|e| match e {
            RawEntry::Other(k) => Some(*k),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [
            Some(Null),
            Some(Number),
            Some(Text),
            Some(List),
            Some(Bool),
            None
        ]
    );
}

#[test]
fn a_field_given_twice_costs_only_its_entry() {
    let doc = read_document(r#"[{"title":"A","title":"B"}, {"title":"C"}]"#).unwrap();
    assert_eq!(
        doc.entries[0],
        RawEntry::Unreadable("the field \"title\" is given twice; keep one".into())
    );
    assert!(matches!(doc.entries[1], RawEntry::Object(_)));
}

#[test]
fn the_message_does_not_depend_on_where_chunks_end() {
    let text = "{\"publications\": [{\"title\": \"A\"},\n}";
    let whole = read_document(text).unwrap_err();
    assert_eq!(whole.message, "expected ] to close the list before }");
    assert_eq!((whole.line, whole.column), (2, 1));
    for size in 1..text.len() {
        assert_eq!(stream(text, size).unwrap_err(), whole, "chunks of {size}");
    }
    let inside = "[{\"title\": \"A\",\n }]";
    for size in 1..inside.len() {
        assert_eq!(
            stream(inside, size).unwrap_err().message,
            "remove the comma before }"
        );
    }
}

#[test]
fn a_second_publications_list_is_refused() {
    let (message, line, column) =
        error("{\"publications\": [{\"title\": \"A\"}],\n \"publications\": []}");
    assert_eq!(
        (message.as_str(), line, column),
        (
            "the file has a second \"publications\" list; keep one",
            2,
            18
        )
    );
}

#[test]
fn a_lone_surrogate_costs_only_its_entry() {
    let doc = read_document(r#"[{"title":"a\ud800b"}, {"title":"C"}]"#).unwrap();
    assert_eq!(doc.entries[0], RawEntry::Unreadable(LONE_SURROGATE.into()));
    assert!(matches!(doc.entries[1], RawEntry::Object(_)));
    assert_eq!(
        error(r#"{"\udc00": 1, "publications": []}"#).0,
        LONE_SURROGATE
    );
}

#[test]
fn fails_where_the_whole_text_fails() {
    for bad in [
        r#"{"publications": [{"title": "A",}]}"#,
        r#"{"publications": [{"title": "A"}"#,
        r#"{"title": "no list"}"#,
        r#"{"publications": {}}"#,
        r#"[1, 2] trailing"#,
        r#"{"publications": [1] "title": "x"}"#,
        r#"{"publications": [1,]}"#,
        r#"{"publications": [1 2]}"#,
        r#"{, "publications": []}"#,
        r#"{"publications": [], }"#,
        "[1,\x0c2]",
        "[1\x0c]",
        "\x0c[]",
        "",
        "42",
    ] {
        assert!(read_document(bad).is_err(), "{bad}");
        assert!(stream(bad, 3).is_err(), "{bad}");
    }
}

#[test]
fn errors_are_plain_and_placed() {
    assert_eq!(
        error("{\n  \"publications\": [\n    {\"title\": \"A\",}\n  ]\n}"),
        ("remove the comma before }".into(), 3, 19)
    );
    assert_eq!(
        error("[\n {\"a\": [1,\n   ]}]"),
        ("remove the comma before ]".into(), 3, 4)
    );
    assert_eq!(
        error("[{\"title\": \"é\" \"x\"}]"),
        ("expected , or } after a field".into(), 1, 16)
    );
    assert_eq!(
        error("[{\"title\": \"A\"},\n ]"),
        ("remove the comma before ]".into(), 2, 2)
    );
    assert_eq!(error(r#"{"publications":[{"title":"A""#).0, CUT_OFF);
    assert_eq!(error(" \n").0, "the file is empty");
    assert_eq!(error(BOM).0, "the file is empty");
    assert!(error(r#"{"title":"x"}"#)
        .0
        .contains("no \"publications\" list"));
    assert!(error(r#"{"publications":{}}"#)
        .0
        .contains("should be a list"));
    assert!(error("42")
        .0
        .contains("object with a \"publications\" list"));
    assert_eq!(error("<!DOCTYPE html>").0, NOT_JSON);
    assert_eq!(error(&BOM[..2]).0, NOT_JSON);
    for utf16 in [&b"\xFF\xFE[\x00]\x00"[..], b"\xFE\xFF\x00[\x00]"] {
        assert_eq!(
            error(utf16).0,
            "the file is saved as UTF-16; save it as UTF-8"
        );
    }
    assert_eq!(
        error("[\"a\tb\"]"),
        (
            "a line break or control character inside text (write it as \\n)".into(),
            1,
            4
        )
    );
}

#[test]
fn a_byte_order_mark_is_skipped_in_any_chunking() {
    let text = [BOM, br#"[{"title":"A"}]"#].concat();
    let expected = read_document(r#"[{"title":"A"}]"#).unwrap();
    for size in [1, 2, 3, 4, 100] {
        assert_eq!(stream(&text, size).unwrap(), expected, "chunks of {size}");
    }
    // Columns on the first line count from after the mark, as editors show them.
    let bad = [BOM, b"[1 2]"].concat();
    assert_eq!(read_document(&bad).unwrap_err().column, 4);
    // Only at the very start.
    assert!(read_document(&[b" ", BOM, b"[]"].concat()).is_err());
}

/// Each entry's text, as the byte range the reader gives with it cuts it out of the file.
#[derive(Default)]
struct Slices<'a> {
    file: &'a [u8],
    entries: Vec<&'a [u8]>,
}

impl<'a> EntrySink for Slices<'a> {
    fn title(&mut self, _: Field<String>) {}
    fn entry(&mut self, _: RawEntry) {
        panic!("the reader gives every entry with its bytes");
    }
    fn entry_with_range(&mut self, _: RawEntry, bytes: std::ops::Range<u64>) {
        let range = bytes.start as usize..bytes.end as usize;
        self.entries.push(&self.file[range]);
    }
}

#[test]
fn each_entry_comes_with_its_bytes_in_the_file_in_any_chunking() {
    let entries = [
        r#"{"title": "A, [b]", "authors": ["x\\", "y}"], "bibtex": "@misc{a,\n}"}"#,
        "null",
        "-1.5e3",
        r#""s]}""#,
        "[1, [2]]",
        r#"{"title":"Ünïcödé","n":{"a":[{}]}}"#,
        "{}",
    ];
    let head = "{\"title\": \"Lab Ü\", \"x\": [{}],\n \"publications\": [\n  ";
    let with_bom = [
        BOM,
        head.as_bytes(),
        entries.join(",\n  ").as_bytes(),
        b"\n]}\n",
    ]
    .concat();
    let bare = format!("[{}]", entries.join(","));
    for file in [&with_bom[..], bare.as_bytes()] {
        for size in [1, 2, 7, 64, file.len()] {
            let mut slices = Slices {
                file,
                ..Slices::default()
            };
            let mut reader = StreamReader::new();
            for chunk in file.chunks(size) {
                reader.push(chunk, &mut slices).unwrap();
            }
            reader.finish().unwrap();
            let expected: Vec<&[u8]> = entries.iter().map(|e| e.as_bytes()).collect();
            assert_eq!(slices.entries, expected, "chunks of {size}");
        }
    }
}

#[test]
fn invalid_utf8_is_reported_where_it_is() {
    for size in [1, 5, 100] {
        let e = stream(b"[\n {\"title\": \"caf\xE9\"}]", size).unwrap_err();
        assert_eq!((e.message.as_str(), e.line, e.column), (NOT_UTF8, 2, 16));
        // In a field nobody reads, too.
        assert!(stream(b"[{\"x\": \"\xFF\"}]", size).is_err());
    }
}

#[test]
fn any_depth_is_read_without_recursion() {
    let deep = format!(
        "[{{\"x\": {}{}}}]",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(read_document(&deep).unwrap().entries.len(), 1);
    let cut = format!("[{}", "[".repeat(100_000));
    assert_eq!(error(cut).0, CUT_OFF);
}

#[test]
fn keeps_only_the_unfinished_value_in_memory() {
    let mut doc = RawDocument::default();
    let mut reader = StreamReader::new();
    let entry = format!(r#"{{"title": "{}"}}"#, "x".repeat(1000));
    reader.push(b"[", &mut doc).unwrap();
    for _ in 0..100 {
        reader.push(entry.as_bytes(), &mut doc).unwrap();
        reader.push(b",", &mut doc).unwrap();
    }
    assert_eq!(doc.entries.len(), 100);
    assert!(reader.buf.len() < 2 * entry.len(), "{}", reader.buf.len());
}
