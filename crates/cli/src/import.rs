//! `papershelf import`: .bib files into publications.json, merged with what the file already
//! holds, written atomically.

use crate::bibfile::{self, Diagnostic, Location};
use crate::map;
use crate::merge::{self, Report};
use crate::output::{escape_controls, say};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use papershelf_core::catalog::{is_safe_url, is_site_path};
use papershelf_core::publication::Publication;
use papershelf_core::text::{count_label, group_digits};
use serde_json::{Map, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long an import runs before it shows its progress.
const QUIET_FOR: Duration = Duration::from_millis(300);

/// Imports `inputs` into `output`; with `prune`, entries that came from a .bib and are no longer
/// in one are removed; with `assets` (an old site's `assets/` folder), the files links name
/// within the site are copied next to `output`. Exit status: 0 when every entry was imported, 1
/// when some were skipped (the file is written all the same), 2 when nothing could be written.
pub fn import(inputs: &[PathBuf], output: &Path, prune: bool, assets: Option<&Path>) -> ExitCode {
    let started = Instant::now();
    let mut files = Vec::with_capacity(inputs.len());
    for input in inputs {
        match std::fs::read(input) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((input.display().to_string(), text)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
                    return fail(&format!(
                        "{}:{line}: error: not UTF-8 text; convert the file (for example `iconv -f latin1 -t utf-8`) and import again",
                        input.display()
                    ));
                }
            },
            Err(e) => {
                return fail(&format!(
                    "{}: error: cannot read the file: {e}",
                    input.display()
                ))
            }
        }
    }
    let existing = match read_existing(output) {
        Ok(existing) => existing,
        Err(why) => return fail(&why),
    };

    let read = bibfile::read(&files);
    let mut diagnostics = read.diagnostics;
    let progress = Progress::new(read.entries.len(), started);
    let mut imported = Vec::with_capacity(read.entries.len());
    let mut unused = Unused::default();
    let mut site_files = Vec::new();
    for entry in &read.entries {
        let label = format!("@{}{{{}, …}}", entry.kind, entry.key);
        match map::publication(entry) {
            Ok(result) => {
                for warning in result.warnings {
                    diagnostics.push(diagnostic(&entry.at, false, format!("{label}: {warning}")));
                }
                unused.add(&entry.at.file, &result.unused);
                site_files.extend(site_paths(&result.publication));
                imported.push(serde_json::to_value(&result.publication).expect("plain data"));
            }
            Err(why) => {
                diagnostics.push(diagnostic(
                    &entry.at,
                    true,
                    format!("{label}: {why}; skipped"),
                ));
            }
        }
        progress.tick();
    }
    progress.finish();
    let count = imported.len();
    let (document, report) = match existing {
        None => (merge::new_document(imported), None),
        Some(existing) => match merge::merge(existing, imported, prune, base) {
            Ok((document, report)) => (document, Some(report)),
            Err(why) => {
                return fail(&format!(
                    "{}: error: cannot merge into this file: {why}; it is unchanged",
                    output.display()
                ))
            }
        },
    };
    bibfile::sort(&mut diagnostics, &files);
    for d in &diagnostics {
        let level = if d.skipped { "error" } else { "warning" };
        say(&format!("{}: {level}: {}", d.at, d.message));
    }
    if let Err(e) = write_atomically(output, &document) {
        let outcome = if report.is_some() {
            "it is unchanged"
        } else {
            "nothing was written"
        };
        return fail(&format!(
            "{}: error: cannot write the file: {e}; {outcome}",
            output.display()
        ));
    }
    for (file, _) in &files {
        unused.print(file);
    }
    site_files.sort();
    site_files.dedup();
    place_site_files(&site_files, output, assets);
    let skipped = diagnostics.iter().filter(|d| d.skipped).count();
    let sources = count_label(files.len(), "file", "files");
    let skipped_label = count_label(skipped, "entry", "entries");
    print_summary(
        output,
        count,
        &sources,
        skipped,
        &skipped_label,
        started,
        report.as_ref(),
    );
    if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The publications.json to merge into, if there is one: `Err` (in words) when it cannot be read
/// or is not JSON, and then nothing may be written.
pub(crate) fn read_existing(output: &Path) -> Result<Option<Value>, String> {
    match std::fs::read(output) {
        // A byte-order mark is fine for the site, so it is here (and is not written back).
        Ok(bytes) => match serde_json::from_slice::<Value>(
            bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes),
        ) {
            Ok(document) => Ok(Some(document)),
            Err(e) => Err(format!(
                "{}:{}:{}: error: not JSON ({e}); nothing was imported, and the file is unchanged",
                output.display(),
                e.line(),
                e.column()
            )),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!(
            "{}: error: cannot read the file: {e}",
            output.display()
        )),
    }
}

/// What a stored `bibtex` record imported as: the merge's reference for telling hand edits.
fn base(record: &str) -> Option<Map<String, Value>> {
    let read = bibfile::read(&[(String::new(), record.to_owned())]);
    let [entry] = &read.entries[..] else {
        return None;
    };
    let publication = map::publication(entry).ok()?.publication;
    match serde_json::to_value(publication) {
        Ok(Value::Object(fields)) => Some(fields),
        _ => None,
    }
}

/// Per input file, how many entries had each field that was neither used nor kept in the record.
#[derive(Default)]
struct Unused(Vec<(String, Vec<(String, usize)>)>);

impl Unused {
    fn add(&mut self, file: &str, fields: &[String]) {
        let at = match self.0.iter().position(|(f, _)| f == file) {
            Some(at) => at,
            None => {
                self.0.push((file.to_owned(), Vec::new()));
                self.0.len() - 1
            }
        };
        let counts = &mut self.0[at].1;
        for field in fields {
            match counts.iter_mut().find(|(name, _)| name == field) {
                Some((_, n)) => *n += 1,
                None => counts.push((field.clone(), 1)),
            }
        }
    }

    /// `papers.bib: not used: bibtex_show ×113, abtstract ×1 (abstract?)`, most frequent first,
    /// with the field a misspelt name was likely meant to be; nothing when every field was used.
    fn print(&self, file: &str) {
        let Some((_, counts)) = self.0.iter().find(|(f, _)| f == file) else {
            return;
        };
        let mut counts = counts.clone();
        if counts.is_empty() {
            return;
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let list: Vec<String> = counts
            .iter()
            .map(|(name, n)| match map::likely_meant(name) {
                Some(meant) => format!("{name} ×{} ({meant}?)", group_digits(*n)),
                None => format!("{name} ×{}", group_digits(*n)),
            })
            .collect();
        say(&format!("{file}: not used: {}", list.join(", ")));
    }
}

/// The paths within the site that a publication's links and thumbnail name (`assets/pdf/x.pdf`).
fn site_paths(publication: &Publication) -> Vec<String> {
    publication
        .links
        .0
        .iter()
        .map(|(_, url)| url)
        .chain(&publication.image)
        .filter(|url| !is_safe_url(url) && is_site_path(url))
        .cloned()
        .collect()
}

/// Makes the files that links name within the site be there, beside `output` (which the site is
/// deployed from): copied from `assets` (an old site's `assets/` folder, whose parent is the old
/// site) when given; otherwise, or when the old site lacks one, the maintainer is told which.
fn place_site_files(paths: &[String], output: &Path, assets: Option<&Path>) {
    let site = match output.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut missing = Vec::new();
    let mut copied = 0;
    for path in paths {
        let target = site.join(path);
        if target.exists() {
            continue;
        }
        let source = assets.map(|assets| match path.strip_prefix("assets/") {
            Some(within) => assets.join(within),
            None => assets.join("..").join(path),
        });
        let copy = |source: &Path| {
            std::fs::create_dir_all(target.parent().unwrap_or(site))?;
            std::fs::copy(source, &target)
        };
        match source {
            Some(source) if source.is_file() => match copy(&source) {
                Ok(_) => copied += 1,
                Err(e) => say(&format!(
                    "{}: warning: cannot copy {}: {e}",
                    target.display(),
                    source.display()
                )),
            },
            _ => missing.push(target),
        }
    }
    if copied > 0 {
        say(&format!(
            "{}: copied {} the links name.",
            site.display(),
            count_label(copied, "file", "files")
        ));
    }
    if missing.is_empty() {
        return;
    }
    let from = match assets {
        Some(assets) => format!("they are not in {}", assets.display()),
        None => {
            "copy them from the old site, or import with --assets <the old site's assets/ folder>"
                .to_owned()
        }
    };
    say(&format!(
        "{}: {} the links name {} missing; {from}:",
        site.display(),
        count_label(missing.len(), "file", "files"),
        if missing.len() == 1 { "is" } else { "are" }
    ));
    for target in missing {
        say(&format!("  {}", target.display()));
    }
}

fn diagnostic(at: &Location, skipped: bool, message: String) -> Diagnostic {
    Diagnostic {
        at: at.clone(),
        skipped,
        message,
    }
}

/// What an import did, in two lines: how many entries came from how many `sources` in how long
/// (and how many were skipped), then what became of the file (new, or the merge's `report`).
pub(crate) fn print_summary(
    output: &Path,
    count: usize,
    sources: &str,
    skipped: usize,
    skipped_label: &str,
    started: Instant,
    report: Option<&Report>,
) {
    say(&format!(
        "{}: {} from {sources} in {:.1} s{}.",
        output.display(),
        count_label(count, "entry imported", "entries imported"),
        started.elapsed().as_secs_f64(),
        if skipped > 0 {
            format!("; {skipped_label} skipped (see above)")
        } else {
            String::new()
        }
    ));
    match report {
        None => say(&format!(
            "{}: a new file, with {}.",
            output.display(),
            count_label(count, "publication", "publications")
        )),
        Some(report) => print_report(output, report),
    }
}

fn print_report(output: &Path, report: &Report) {
    let mut parts = vec![
        format!("{} added", group_digits(report.added.len())),
        format!("{} updated", group_digits(report.updated.len())),
        format!("{} unchanged", group_digits(report.unchanged)),
        format!("{} kept", group_digits(report.kept.len())),
    ];
    if !report.removed.is_empty() {
        parts.push(format!("{} removed", group_digits(report.removed.len())));
    }
    say(&format!("{}: {}.", output.display(), parts.join(", ")));
    if !report.kept.is_empty() {
        say(&format!(
            "  kept, though no longer in the .bib (--prune removes them): {}",
            report.kept.join(", ")
        ));
    }
    if !report.removed.is_empty() {
        say(&format!(
            "  removed, as no longer in the .bib: {}",
            report.removed.join(", ")
        ));
    }
    if !report.repeated.is_empty() {
        say(&format!(
            "  left as they are, as an earlier entry of the file has the same id: {}",
            report.repeated.join(", ")
        ));
    }
    if report.hand_written > 0 {
        say(&format!(
            "  left as they are: {} without a BibTeX record (written by hand)",
            count_label(report.hand_written, "entry", "entries")
        ));
    }
    for edit in &report.kept_edits {
        let why = if edit.bib_changed {
            "edited by hand; the .bib changed it too"
        } else {
            "it differs from the .bib, and there was no earlier import to tell which is newer"
        };
        say(&format!(
            "  kept {}.{} as the JSON has it: {why}",
            edit.id, edit.field
        ));
    }
}

/// Writes `document` to a new file beside `path` and renames it into place: a failed or
/// interrupted run leaves the old file whole.
pub(crate) fn write_atomically(path: &Path, document: &Value) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // A first import into a fresh site makes its `public/`.
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    let mut text = serde_json::to_string_pretty(document).map_err(std::io::Error::other)?;
    text.push('\n');
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    // A temporary file is private; the data is published, so it keeps the old file's mode.
    let permissions = match std::fs::metadata(path) {
        Ok(metadata) => metadata.permissions(),
        Err(_) => default_permissions(),
    };
    file.as_file().set_permissions(permissions)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> std::fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temporary file")
}

pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("{}", escape_controls(message));
    ExitCode::from(2)
}

/// A running count on stderr, shown only once an import has taken a moment (and only on a
/// terminal: indicatif draws nothing otherwise).
struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    fn new(entries: usize, started: Instant) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(entries as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("importing {bar:30} {human_pos}/{human_len} entries")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started,
            shown: std::cell::Cell::new(false),
        }
    }

    fn tick(&self) {
        if !self.shown.get() && self.started.elapsed() > QUIET_FOR {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
