//! `papershelf check FILE`: reads a publications.json with the site's own rules (the same
//! papershelf-core code) and prints every problem with its JSON path and line:column.
//!
//! Exit status: 0 when every entry can be shown (ignored fields are warnings), 1 when an entry
//! would be skipped (or, with `--strict`, when anything was ignored), 2 when the file cannot be
//! read or is not JSON.

use crate::output::{escape_controls, say};
use papershelf_core::locate::Locations;
use papershelf_core::locate::Position;
use papershelf_core::text::count_label;
use papershelf_core::{Catalog, Problem, Severity, TopLevelProblem};
use std::process::ExitCode;

/// Checks `file`, printing every problem; the exit status says what the site would make of it.
pub fn check(file: &str, strict: bool) -> ExitCode {
    // Bytes, not text: invalid UTF-8 is reported with its line and column, as the site does.
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!(
                "{}",
                escape_controls(&format!("{file}: error: cannot read the file: {e}"))
            );
            return ExitCode::from(2);
        }
    };
    let catalog = match Catalog::from_json(&bytes) {
        Ok(catalog) => catalog,
        Err(e) => {
            say(&format!(
                "{file}:{}:{}: error: {}",
                e.line, e.column, e.message
            ));
            return ExitCode::from(2);
        }
    };
    // The reader accepted it, so it is UTF-8; positions count from after a byte-order mark.
    let text = String::from_utf8_lossy(&bytes);
    let locations = Locations::new(text.trim_start_matches('\u{feff}'), 4);
    for problem in &catalog.top_level_problems {
        say(&report_top_level(file, &locations, problem));
    }
    for problem in &catalog.problems {
        say(&report(file, &locations, problem));
    }
    let skipped = catalog.skipped();
    let ignored = catalog.ignored() + catalog.top_level_problems.len();
    say(&format!(
        "{file}: {} would be shown; {} skipped, {} ignored.",
        count_label(catalog.papers.len(), "publication", "publications"),
        count_label(skipped, "entry", "entries"),
        count_label(ignored, "field", "fields"),
    ));
    if skipped > 0 || (strict && ignored > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `FILE:LINE:COLUMN: error|warning: PATH ("Title"): message`, as compilers print, so editors
/// can jump to it.
fn report(file: &str, locations: &Locations, problem: &Problem) -> String {
    let entry = locations.entry_path(problem.entry);
    let path = if problem.field.is_empty() {
        entry.clone()
    } else {
        format!("{entry}.{}", problem.field)
    };
    // A field may hold a problem without being a located value (a dropped list item): fall back
    // to the field, then to the entry.
    let field_path = problem
        .field
        .split(['.', '['])
        .next()
        .map(|f| format!("{entry}.{f}"));
    let position = locations
        .position(&path)
        .or_else(|| field_path.and_then(|p| locations.position(&p)))
        .or_else(|| locations.position(&entry));
    let (level, outcome) = match problem.severity {
        Severity::Skipped => ("error", "not shown: "),
        Severity::Ignored => ("warning", ""),
    };
    let message = format!("{outcome}{}", problem.message);
    line(
        file,
        position,
        level,
        &path,
        problem.title.as_deref(),
        &message,
    )
}

/// A problem in the top-level fields, as [`report`] prints one in an entry; always a warning, as
/// it costs no paper.
fn report_top_level(file: &str, locations: &Locations, problem: &TopLevelProblem) -> String {
    let path = problem.path.as_str();
    // An alias is reported at its member's list of aliases; a member at its place in the list.
    let member = path.split('.').next().unwrap_or(path);
    let list = path.split('[').next().unwrap_or(path);
    let position = [path, member, list]
        .into_iter()
        .find_map(|p| locations.position(p));
    let name = problem.name.as_deref();
    line(file, position, "warning", path, name, &problem.message)
}

/// `FILE:LINE:COLUMN: LEVEL: PATH ("Name"): message`; without a position, `FILE: LEVEL: …`.
fn line(
    file: &str,
    position: Option<Position>,
    level: &str,
    path: &str,
    name: Option<&str>,
    message: &str,
) -> String {
    let at = position.map_or(String::new(), |p| format!("{}:{}:", p.line, p.column));
    let name = name.map(|n| format!(" (\"{n}\")")).unwrap_or_default();
    format!("{file}:{at} {level}: {path}{name}: {message}")
}
