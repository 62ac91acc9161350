//! The checker, run as a maintainer runs it.

use std::process::Command;

fn check(args: &[&str], json: impl AsRef<[u8]>) -> (i32, String) {
    let json = json.as_ref();
    let dir = std::env::temp_dir().join(format!(
        "papershelf-check-{}-{}",
        std::process::id(),
        json.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("publications.json");
    std::fs::write(&file, json).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .arg("check")
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout)
        .unwrap()
        .replace(file.to_str().unwrap(), "FILE");
    (out.status.code().unwrap(), stdout)
}

#[test]
fn clean_data_passes() {
    let shipped = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/publications.json"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_papershelf"))
        .args(["check", "--strict", shipped])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("12 publications would be shown; 0 entries skipped, 0 fields ignored."));
}

#[test]
fn problems_are_located_by_path_and_line() {
    let json = "{\n  \"publications\": [\n    {\"title\": \"A\", \"year\": \"2019\"},\n    null,\n    {\"title\": \"B\", \"links\": {\"pdf\": \"javascript:alert(1)\"}}\n  ]\n}\n";
    let (code, out) = check(&[], json);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FILE:3:28: warning: publications[0].year (\"A\"): should be a whole number such as 2024, but it is text; ignored"), "{out}");
    assert!(out.contains("FILE:4:5: error: publications[1]: not shown: an entry must be an object with a title, but this is null"), "{out}");
    assert!(
        out.contains(
            "FILE:5:37: warning: publications[2].links.pdf (\"B\"): only http:, https: and mailto:"
        ),
        "{out}"
    );
    assert!(
        out.contains("2 publications would be shown; 1 entry skipped, 2 fields ignored."),
        "{out}"
    );
}

#[test]
fn a_label_with_a_dot_is_located_apart_from_a_dotted_key() {
    // `links` → `a.b` is not `links.a` → `b`: the warning names the label and its own line.
    let json = "[{\"title\": \"A\",\n  \"links\": {\"a.b\": \"javascript:x\"},\n  \"links.a\": {\"b\": \"https://example.org\"}}]\n";
    let (code, out) = check(&["--strict"], json);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FILE:2:20: warning: [0].links[\"a.b\"] (\"A\"): only http:"),
        "{out}"
    );
}

#[test]
fn warnings_fail_only_when_strict() {
    let json = r#"[{"title": "A", "authors": "Ann"}]"#;
    assert_eq!(check(&[], json).0, 0);
    let (code, out) = check(&["--strict"], json);
    assert_eq!(code, 1);
    assert!(
        out.contains("FILE:1:28: warning: [0].authors (\"A\")"),
        "{out}"
    );
}

#[test]
fn syntax_errors_exit_2_with_position() {
    let (code, out) = check(&[], "{\"publications\": [\n  {\"title\": \"A\",}\n]}");
    assert_eq!(code, 2);
    assert!(out.starts_with("FILE:2:17: error: "), "{out}");
}

#[test]
fn terminal_escapes_from_the_data_are_printed_escaped() {
    let json = r#"[{"title": "A\u001b[2J\u001b]0;pwned\u0007\u061c", "year": "x", "id": "\u202eid"},
                   {"title": "B", "id": "\u202eid"}]"#;
    let (code, out) = check(&["--strict"], json);
    assert_eq!(code, 1, "{out}");
    assert!(
        !out.contains('\u{1b}')
            && !out.contains('\u{7}')
            && !out.contains('\u{202e}')
            && !out.contains('\u{61c}'),
        "{out:?}"
    );
    assert!(
        out.contains(r#"("A\u{1b}[2J\u{1b}]0;pwned\u{7}\u{61c}")"#),
        "{out}"
    );
    assert!(
        out.contains(r#"the id "\u{202e}id" is already used"#),
        "{out}"
    );
}

#[test]
fn an_absurd_year_is_a_warning_not_a_crash() {
    let json = r#"[{"title": "A", "year": 1e9223372036854775807}, {"title": "B", "year": -1e400}]"#;
    let (code, out) = check(&[], json);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("FILE:1:25: warning: [0].year (\"A\"): 1e9223372036854775807 is not a plausible year; ignored"), "{out}");
    assert!(
        out.contains("[1].year (\"B\"): -1e400 is not a plausible year"),
        "{out}"
    );
}

#[test]
fn files_the_site_accepts_or_rejects_are_accepted_or_rejected_here() {
    // A byte-order mark is skipped; columns count from after it, as editors show them.
    let (code, out) = check(&[], "\u{feff}[{\"title\": \"A\", \"year\": \"x\"}]");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("FILE:1:25: warning: [0].year"), "{out}");
    // Invalid UTF-8, with its position.
    let (code, out) = check(&[], b"[\n {\"title\": \"caf\xE9\"}]");
    assert_eq!(code, 2, "{out}");
    assert!(
        out.starts_with("FILE:2:16: error: text that is not valid UTF-8"),
        "{out}"
    );
    // A form feed is not JSON whitespace.
    let (code, out) = check(&[], "[{\"title\": \"A\"},\x0c{\"title\": \"B\"}]");
    assert_eq!(code, 2, "{out}");
    assert!(out.starts_with("FILE:1:17: error: "), "{out}");
    // Nesting of any depth is read (the reader does not recurse).
    let deep = format!(
        "[{{\"title\": \"A\", \"x\": {}{}}}]",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(check(&[], deep).0, 0);
}

#[test]
fn top_level_fields_are_checked_and_located() {
    let json = "{\n  \"title\": \"Lab\",\n  \"description\": 42,\n  \"publications\": [{\"title\": \"A\", \"authors\": [\"Y. Bengio\"]}],\n  \"members\": [\n    {\"name\": \"Yoshua Bengio\", \"aliases\": [\"Y. Bengio\", \"  \"], \"url\": \"javascript:alert(1)\"},\n    {\"aliases\": [\"Nobody\"]},\n    {\"name\": \"Ann\", \"aliases\": [\"y. bengio\"]}\n  ]\n}\n";
    let (code, out) = check(&[], json);
    assert_eq!(code, 0, "{out}");
    for line in [
        "FILE:3:18: warning: description: should be text, but it is a number; ignored",
        "FILE:7:5: warning: members[1]: not listed: a member needs a \"name\"",
        "FILE:6:42: warning: members[0].aliases (\"Yoshua Bengio\"): a blank alias; ignored",
        "FILE:6:70: warning: members[0].url (\"Yoshua Bengio\"): only http:, https: and mailto: addresses become links; this one was not shown",
        "FILE:8:32: warning: members[2].aliases (\"Ann\"): \"y. bengio\" already names members[0] (\"Yoshua Bengio\"); ignored here",
        "FILE: 1 publication would be shown; 0 entries skipped, 5 fields ignored.",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    let (code, _) = check(&["--strict"], json);
    assert_eq!(code, 1);
    // A member's name from the file is printed escaped, as a title is.
    let hostile = r#"{"members": [{"name": "Ann\u001b[2J", "url": 3}], "publications": []}"#;
    let (_, out) = check(&[], hostile);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(
        out.contains(r#"members[0].url ("Ann\u{1b}[2J"): should be a URL"#),
        "{out}"
    );
}

#[test]
fn members_in_a_clean_file_pass_strict() {
    let json = r#"{"description": "Papers of the lab.",
        "members": [{"name": "Yoshua Bengio", "aliases": ["Y. Bengio"], "url": "https://example.org/yb"}],
        "publications": [{"title": "A", "authors": ["Y. Bengio"]}]}"#;
    let (code, out) = check(&["--strict"], json);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "FILE: 1 publication would be shown; 0 entries skipped, 0 fields ignored.\n"
    );
}
