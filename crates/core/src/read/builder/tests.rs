use super::*;
use crate::catalog::FoldedNames;
use crate::kind::PaperType;
use crate::marks::MoreAuthors;
use crate::paper::Link;
use crate::safe_url::{is_safe_image, is_safe_link, is_safe_url, is_site_path};

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json).unwrap()
}

#[test]
fn usable_entries_survive_bad_neighbours() {
    let c = catalog(
        r#"[null, {"title":"  "}, {"title":"A","year":"2020"}, 7, {"authors":["X"]}, {"title":{"t":1}}, {"title":"B"}]"#,
    );
    let titles: Vec<_> = c.papers.iter().map(|p| p.title.shown()).collect();
    assert_eq!(titles, ["A", "B"]);
    assert_eq!(c.skipped(), 5);
    assert_eq!(c.ignored(), 1);
    let year = c.problems.iter().find(|p| p.field == "year").unwrap();
    assert_eq!((year.entry, year.title.as_deref()), (2, Some("A")));
}

#[test]
fn room_made_beforehand_changes_nothing_but_the_room() {
    let json = r#"[{"title":"A","id":"a"}, {"title":"B"}, 7, {"title":"A"}]"#;
    let built = |room: usize| {
        let mut builder = CatalogBuilder::with_capacity(room);
        read_json(json.as_bytes(), &mut builder).unwrap();
        builder.finish()
    };
    let expected = catalog(json);
    // Room for fewer papers than come, as many, more (a file changed since the count), and more
    // than could ever be had (a page's count made up), which is not made.
    for room in [0, 1, 3, 1000, usize::MAX / 2] {
        let c = built(room);
        assert_eq!(c, expected, "room for {room}");
        assert_eq!(c.papers.capacity(), c.papers.len(), "room for {room}");
    }
}

#[test]
fn a_title_of_control_characters_is_as_blank_as_one_of_spaces() {
    let c = catalog(r#"[{"title":"\u0001\u0002\u001f"}, {"title":"a\u0007b"}]"#);
    let titles: Vec<_> = c.papers.iter().map(|p| p.title.shown()).collect();
    assert_eq!(titles, ["a\u{7}b"]);
    assert_eq!(c.skipped(), 1);
    assert_eq!(c.problems[0].message, "the title is blank");
}

#[test]
fn a_snapshot_holds_the_entries_so_far_and_the_builder_goes_on() {
    let entries = [
        r#"{"title":"Deep Nets!","topics":["ML"]}"#,
        r#"{"title":"B","topics":["ml"]}"#,
        r#"{"title":"C","id":"deep-nets","topics":["ml"]}"#,
    ];
    let json = format!("[{}]", entries.join(","));
    let cut = json.find(entries[2]).unwrap();
    let (mut reader, mut builder) = (
        crate::stream::StreamReader::new(),
        CatalogBuilder::default(),
    );
    reader.push(&json.as_bytes()[..cut], &mut builder).unwrap();
    let early = builder.snapshot();
    assert_eq!(early.papers.len(), 2);
    assert_eq!(early.papers[0].id, "deep-nets");
    reader.push(&json.as_bytes()[cut..], &mut builder).unwrap();
    reader.finish().unwrap();
    let whole = builder.finish();
    assert_eq!(whole, catalog(&json));
    // The title-made id gives way to the later entry's own id; the majority spelling wins.
    assert_eq!(whole, catalog(&format!("[{}]", entries.join(","))));
    assert_eq!(whole.papers[0].id, "deep-nets-2");
    assert_eq!(whole.topics[0].label, "ml");
    assert_eq!(early.topics[0].label, "ML");
}

#[test]
fn ids_are_unique_and_stable() {
    let json = r#"[{"title":"Deep Nets!","id":"x"},{"title":"Deep Nets!","id":"x"},{"title":"Deep Nets!"},{"title":"Other","id":"deep-nets"}]"#;
    let ids: Vec<_> = catalog(json).papers.into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["x", "deep-nets-2", "deep-nets-3", "deep-nets"]);
    assert_eq!(catalog(json), catalog(json));
}

#[test]
fn authors_and_topics_are_interned() {
    let c = catalog(
        r#"[{"title":"A","authors":["Ann  Lee","Bo"],"topics":["Reinforcement Learning","RL"]},
            {"title":"B","authors":["Ann Lee"],"topics":["reinforcement learning"]},
            {"title":"C","topics":["reinforcement learning"]}]"#,
    );
    assert_eq!(c.authors, ["Ann Lee", "Bo"]);
    assert_eq!(*c.papers[1].authors, [0]);
    assert_eq!(c.topics.len(), 2);
    assert_eq!(c.topic(0).label, "reinforcement learning");
    assert_eq!(c.topic_id("REINFORCEMENT  learning"), Some(0));
    assert_eq!(c.author_id("Nobody"), None);
    let accents =
        catalog(r#"[{"title":"A","topics":["Théorie"]},{"title":"B","topics":["theorie"]}]"#);
    assert_eq!(accents.topics.len(), 1);
    assert_eq!(accents.topic_id("THEORIE"), Some(0));
}

#[test]
fn the_written_lists_are_the_vocabularies() {
    let marks: Vec<String> = MARKS.iter().map(char::to_string).collect();
    assert_eq!(MARK_LIST, marks.join(" "));
    let keys: Vec<&str> = PaperType::ALL.iter().map(|t| t.key()).collect();
    assert_eq!(TYPE_LIST, keys.join(", "));
}

#[test]
fn marks_are_not_part_of_a_name() {
    let c = catalog(
        r#"{"marks": {"‡": "Work done at the lab", "x": "no"}, "publications": [
            {"title":"A","authors":["Kaiyan Zhang*†","Ning Ding","+11 more"]},
            {"title":"B","authors":[{"name":"Kaiyan Zhang","marks":"‡"},"Ning Ding†","others", 3, {"marks":"*"}]},
            {"title":"C","authors":["Kaiyan Zhang"],"et_al":4,"marks":{"*":"Joint first authors"}}]}"#,
    );
    assert_eq!(c.authors, ["Kaiyan Zhang", "Ning Ding"]);
    let [a, b, p] = [&c.papers[0], &c.papers[1], &c.papers[2]];
    assert_eq!((a.marks_of(0), a.marks_of(1)), ("*†", ""));
    assert_eq!((b.marks_of(0), b.marks_of(1)), ("‡", "†"));
    assert_eq!(a.et_al, MoreAuthors::Count(11));
    assert_eq!(b.et_al, MoreAuthors::Unknown);
    assert_eq!(p.et_al, MoreAuthors::Count(4));
    assert_eq!(
        p.extras.as_ref().unwrap().marks,
        [("*".into(), "Joint first authors".into())]
    );
    assert_eq!(
        c.marks,
        [
            ("*".to_owned(), "Equal contribution".to_owned()),
            ("†".to_owned(), "Corresponding author".to_owned()),
            ("‡".to_owned(), "Work done at the lab".to_owned())
        ]
    );
    assert_eq!(c.author_id("Kaiyan Zhang*†"), Some(0));
    let ignored: Vec<_> = c.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(ignored, ["authors"]);
    assert_eq!(c.top_level_problems[0].path, "marks.x");
}

#[test]
fn an_authors_marks_are_checked_whatever_the_name() {
    let c = catalog(
        r#"[{"title":"A","authors":["Ann",{"name":"+11 more","marks":"x"}]},
            {"title":"B","authors":[{"name":" ","marks":5}]},
            {"title":"C","authors":[{"name":"others","marks":"*"},{"name":"Bo","marks":"*?"}]}]"#,
    );
    let ignored: Vec<_> = c
        .problems
        .iter()
        .map(|p| (p.entry, p.field.as_str()))
        .collect();
    assert_eq!(ignored, [(0, "authors"), (1, "authors"), (2, "authors")]);
    assert!(c.problems[2].message.contains("1 other(s)"));
    assert_eq!(c.papers[0].et_al, MoreAuthors::Count(11));
    assert_eq!(c.papers[2].marks_of(1), "*");
}

#[test]
fn a_mark_nothing_explains_is_reported() {
    // Found in review: `§` showed as a superscript no legend explained, without a word.
    let c = catalog(
        r##"{"marks": {"‡": "Intern"}, "publications": [
            {"title":"A","authors":["Ann Lee§","Bo‡","Cy*"]},
            {"title":"B","authors":["Di#"],"marks":{"#":"Joint last authors"}}]}"##,
    );
    let paths: Vec<_> = c
        .top_level_problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.contains('§')))
        .collect();
    assert_eq!(paths, [("marks", true)]);
}

#[test]
fn an_alias_written_with_a_mark_is_the_member() {
    // Found in review: the alias kept its mark, so "I. Hounie*" was a second author.
    let c = catalog(
        r#"{"members":[{"name":"Ignacio Hounie","aliases":["I. Hounie*"]}],"publications":[
            {"title":"A","authors":["I. Hounie*","Bo"]},{"title":"B","authors":["Ignacio Hounie"]},
            {"title":"C","authors":["I. Hounie"]}]}"#,
    );
    assert_eq!(c.authors, ["Ignacio Hounie", "Bo"]);
    let state = crate::ViewState::from_query("author=Ignacio%20Hounie");
    assert_eq!(c.select(&state).shown.len(), 3);
    assert!(c.top_level_problems.is_empty());
}

#[test]
fn every_name_as_written_finds_its_author() {
    // The names are kept once: an author's own by the sorted list of authors, a member's other
    // spellings beside it.
    let c = catalog(
        r#"{"members":[{"name":"Ignacio Hounie","aliases":["I. Hounie"]},{"name":"Ann Lee"}],
            "publications":[
            {"title":"A","authors":["I. Hounie","Bo","Zed"]},{"title":"B","authors":["ignacio  hounie","Al"]},
            {"title":"C","authors":["Ann Lee","ANN LEE","Bo"]}]}"#,
    );
    for paper in &c.papers {
        let title = paper.title.shown();
        let written: &[&str] = match title.as_str() {
            "A" => &["I. Hounie", "Bo", "Zed"],
            "B" => &["ignacio  hounie", "Al"],
            _ => &["Ann Lee", "ANN LEE", "Bo"],
        };
        for name in written {
            let id = c.author_id(name).unwrap_or_else(|| panic!("{name}"));
            assert!(paper.authors.contains(&id), "{name} in {title}");
        }
    }
    assert_eq!(c.author_id("Nobody"), None);
    assert_eq!(c.authors.len(), 5);
}

#[test]
fn a_members_marked_spellings_are_one_author() {
    let c = catalog(
        r#"{"members":[{"name":"Kaiyan Zhang","aliases":["K. Zhang"]}],"publications":[
            {"title":"A","authors":["K. Zhang*","Kaiyan Zhang†"]}]}"#,
    );
    assert_eq!(c.authors, ["Kaiyan Zhang"]);
    assert_eq!(c.papers[0].marks_of(0), "*");
    assert_eq!(c.author_id("K. Zhang†"), Some(0));
}

#[test]
fn the_curated_fields_are_read_and_checked() {
    let c = catalog(
        r#"[{"title":"A","type":"conference","featured":true,"award":"Best Paper","badge":"NeurIPS",
             "note":"* Equal<br>\n  second   line ","image":"img/a.png","links":{"pdf":"papers/a.pdf"}},
            {"title":"B","type":"Conference","featured":"yes","image":"javascript:alert(1)","award":3,"et_al":-1},
            {"title":"C","image":"http://x.org/a.png","links":{"x":"//evil.example/a"}}]"#,
    );
    let a = &c.papers[0];
    assert_eq!(a.paper_type, Some(PaperType::Conference));
    assert!(a.featured);
    assert_eq!(a.award().unwrap().shown(), "Best Paper");
    assert_eq!(a.badge().unwrap().shown(), "NeurIPS");
    assert_eq!(a.note(), Some("* Equal<br>\nsecond line"));
    assert_eq!(a.image(), Some("img/a.png"));
    assert_eq!(&*a.links[0].url, "papers/a.pdf");
    let b = &c.papers[1];
    assert_eq!((b.paper_type, b.featured, b.image()), (None, false, None));
    assert!(c.papers[2].extras.is_none() && c.papers[2].links.is_empty());
    let fields: Vec<_> = c.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["et_al", "featured", "type", "award", "image", "links.x", "image"]
    );
    assert_eq!((c.featured_papers(), c.typed_papers()), (1, 1));
    // Searchable: the award and the badge.
    for query in ["best paper", "neurips"] {
        let state = crate::ViewState::from_query(&format!("q={query}"));
        assert_eq!(c.select(&state).shown, [0], "{query}");
    }
}

#[test]
fn folded_names_are_found_in_one_scan() {
    let names = FoldedNames::new(["Émile Borel", "Ann", "", "Anna Lee"].into_iter());
    assert_eq!(names.get(0), "emile borel");
    assert_eq!(names.get(2), "");
    assert_eq!(names.get(3), "anna lee");
    let hits = |term: &str| names.containing(&memchr::memmem::Finder::new(term));
    assert_eq!(hits("ann"), [false, true, false, true]);
    assert_eq!(hits("el"), [true, false, false, false]);
    assert_eq!(hits("e bo"), [true, false, false, false]);
    assert_eq!(hits("lee"), [false, false, false, true]);
}

#[test]
fn only_safe_urls_become_links() {
    for ok in ["https://x.org/a", " HTTP://x", "mailto:a@b.c"] {
        assert!(is_safe_url(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//x.org",
        "x.pdf",
        "https:",
    ] {
        assert!(!is_safe_url(bad), "{bad}");
    }
    for path in [
        "papers/a.pdf",
        "a b.pdf",
        "./x.pdf",
        "a/b:c",
        "x?y=1:2",
        "paper.pdf#p=2",
    ] {
        assert!(is_site_path(path) && is_safe_link(path), "{path}");
    }
    for bad in [
        "",
        "/abs.pdf",
        "//evil.example/x",
        "\\\\evil.example",
        "a\\b",
        "java\tscript:alert(1)",
        "javascript:alert(1)",
        "../up.pdf",
        "a/../../up.pdf",
        "data:image/png;base64,AA",
        "?q",
        "#x",
        // Browsers read `%2e` in a step as a dot.
        "%2e%2e/up.pdf",
        "a/.%2E/../up.pdf",
        "a/%2E./x",
        "%2e%2E?x",
    ] {
        assert!(!is_site_path(bad), "{bad:?}");
    }
    for path in ["%2e/x", "%2e%2e%2e/x", "x?%2e%2e/", "a/%2e%2ex"] {
        assert!(is_site_path(path), "{path}");
    }
    for image in ["https://x.org/a.png", "img/a.png", "HTTPS://x.org/a.png"] {
        assert!(is_safe_image(image), "{image}");
    }
    for bad in [
        "http://x.org/a.png",
        "https://",
        "data:image/png;base64,AA",
        "javascript:x",
        "mailto:a@b.c",
    ] {
        assert!(!is_safe_image(bad), "{bad}");
    }
    let c = catalog(
        r#"[{"title":"A","links":{"pdf":"https://x.org/a.pdf","bad":"javascript:alert(1)","n":3}}]"#,
    );
    assert_eq!(
        *c.papers[0].links,
        [Link {
            label: "pdf".into(),
            url: "https://x.org/a.pdf".into()
        }]
    );
    assert_eq!(c.ignored(), 2);
}
