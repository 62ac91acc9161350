//! The checker, run as a maintainer runs it.

use std::process::Command;

fn check(args: &[&str], json: &str) -> (i32, String) {
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
