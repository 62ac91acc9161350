//! `papershelf import content/publication/`: a Hugo Blox (Wowchemy, Academic) site's
//! publication folders into publications.json, merged with what the file already holds.
//!
//! Each folder with an `index.md` is a paper; its front matter (YAML or TOML) says most, and the
//! `cite.bib` beside it is the paper's record and fills what the front matter lacks. A folder
//! with only a `cite.bib` is the record of the paper of the same name, or a paper of its own.

mod authors;
mod front_matter;
mod links;
mod paper;

use crate::bibfile::{self, BibEntry};
use crate::import::{fail, print_summary, read_existing, write_atomically};
use crate::map;
use crate::merge;
use crate::output::say;
use authors::Site;
use paper::{Mapped, Record};
use papershelf_core::text::count_label;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Image types a featured image may have, as Hugo Blox looks for them.
const IMAGE_TYPES: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// A problem in one folder, printed as `PATH: error|warning: message`.
struct Note {
    at: String,
    skipped: bool,
    message: String,
}

/// One folder of the section, before it is read.
struct Folder {
    name: String,
    path: PathBuf,
    /// The page: `FOLDER/index.md`, or a single-file page `NAME.md` beside the folders.
    page: Option<PathBuf>,
    bib: Option<PathBuf>,
    image: Option<PathBuf>,
}

/// Imports the publication folders in `dir` into `output`. Exit status as for BibTeX: 0 when
/// every folder was imported, 1 when some were skipped (the file is written all the same), 2
/// when nothing could be written.
pub fn import(dir: &Path, output: &Path, prune: bool) -> ExitCode {
    let started = Instant::now();
    let existing = match read_existing(output) {
        Ok(existing) => existing,
        Err(why) => return fail(&why),
    };
    let folders = match folders(dir) {
        Ok(folders) if folders.iter().any(|f| f.page.is_some() || f.bib.is_some()) => folders,
        Ok(_) => {
            return fail(&format!(
                "{}: error: no publication folders (FOLDER/index.md) in it; nothing was written",
                dir.display()
            ))
        }
        Err(e) => {
            return fail(&format!(
                "{}: error: cannot read the folder: {e}",
                dir.display()
            ))
        }
    };
    let mut notes = Vec::new();
    let mut site = Site::new(dir);
    let mut papers = read_papers(&folders, &mut site, &mut notes);

    let site_dir = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut images = 0;
    for paper in &mut papers {
        if let Some(source) = &paper.image {
            match copy_image(source, &site_dir, &paper.mapped.publication.id) {
                Ok(path) => {
                    paper.mapped.publication.image = Some(path);
                    images += 1;
                }
                Err(e) => notes.push(note(
                    &source.display().to_string(),
                    false,
                    format!("cannot copy the featured image ({e}); imported without it"),
                )),
            }
        }
    }

    let mut not_used: BTreeMap<String, usize> = BTreeMap::new();
    let mut site_files = Vec::new();
    let mut slugs: BTreeMap<String, usize> = BTreeMap::new();
    let mut imported = Vec::with_capacity(papers.len());
    for paper in &papers {
        for field in &paper.mapped.not_used {
            *not_used.entry(field.clone()).or_default() += 1;
        }
        for slug in &paper.mapped.slugs {
            *slugs.entry(slug.clone()).or_default() += 1;
        }
        for file in &paper.mapped.site_files {
            if !site_files.contains(file) {
                site_files.push(file.clone());
            }
        }
        imported.push(serde_json::to_value(&paper.mapped.publication).expect("plain data"));
    }
    let count = imported.len();
    // The merge tells hand edits from the stored record's import; a Hugo paper's record is its
    // cite.bib, not its page, so there is no earlier import to compare with: what the JSON has
    // is kept, and the folders fill what it lacks.
    let (document, report) = match existing {
        None => (merge::new_document(imported), None),
        Some(existing) => match merge::merge(existing, imported, prune, |_| None) {
            Ok((document, report)) => (document, Some(report)),
            Err(why) => {
                return fail(&format!(
                    "{}: error: cannot merge into this file: {why}; it is unchanged",
                    output.display()
                ))
            }
        },
    };
    for note in &notes {
        let level = if note.skipped { "error" } else { "warning" };
        say(&format!("{}: {level}: {}", note.at, note.message));
    }
    if let Err(e) = write_atomically(output, &document) {
        return fail(&format!(
            "{}: error: cannot write the file: {e}; {}",
            output.display(),
            if report.is_some() {
                "it is unchanged"
            } else {
                "nothing was written"
            }
        ));
    }
    let skipped = notes.iter().filter(|n| n.skipped).count();
    let sources = count_label(folders.len(), "folder", "folders");
    let skipped_label = count_label(skipped, "folder", "folders");
    print_summary(
        output,
        count,
        &sources,
        skipped,
        &skipped_label,
        started,
        report.as_ref(),
    );
    if !not_used.is_empty() {
        say(&format!("  not used: {}", counted(not_used)));
    }
    if !slugs.is_empty() {
        say(&format!(
            "  authors kept as profile slugs, with no content/authors/SLUG/_index.md and no fuller cite.bib: {}",
            counted(slugs)
        ));
    }
    if images > 0 {
        say(&format!(
            "  copied {} into {}",
            count_label(images, "featured image", "featured images"),
            site_dir.join("publication").display()
        ));
    }
    if !site_files.is_empty() {
        say(&format!(
            "  links to files of the Hugo site, to copy into {} (files from its static/ folder, slides/ from the site Hugo builds): {}",
            site_dir.display(),
            site_files.join(", ")
        ));
    }
    if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `draft ×8, math ×13`: most frequent first.
fn counted(counts: BTreeMap<String, usize>) -> String {
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let counts: Vec<_> = counts.iter().map(|(f, n)| format!("{f} ×{n}")).collect();
    counts.join(", ")
}

/// A paper read from its folder.
struct Paper {
    mapped: Mapped,
    image: Option<PathBuf>,
}

/// The section's folders, by name, each with the files that matter.
fn folders(dir: &Path) -> std::io::Result<Vec<Folder>> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let file = |name: &str| Some(path.join(name)).filter(|p| p.is_file());
            let image = IMAGE_TYPES.iter().find_map(|ext| {
                [ext.to_string(), ext.to_uppercase()]
                    .iter()
                    .find_map(|e| file(&format!("featured.{e}")))
            });
            folders.push(Folder {
                path: path.clone(),
                page: file("index.md"),
                bib: file("cite.bib"),
                image,
                name,
            });
        } else if let Some(stem) = name.strip_suffix(".md").filter(|s| *s != "_index") {
            // Older sites keep a paper as one file, `content/publication/smith19.md`.
            folders.push(Folder {
                name: stem.to_owned(),
                page: Some(path.clone()),
                path,
                bib: None,
                image: None,
            });
        }
    }
    folders.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(folders)
}

/// Reads every folder into a paper, or into notes on why not. Records alone in a folder go to
/// the paper of the same name first.
fn read_papers(folders: &[Folder], site: &mut Site, notes: &mut Vec<Note>) -> Vec<Paper> {
    let mut records: Vec<Option<(PathBuf, Record)>> = folders
        .iter()
        .map(|f| {
            f.bib
                .as_ref()
                .and_then(|bib| read_record(bib, f.page.is_some(), notes))
        })
        .collect();
    // `AAAI21_ ExactMC/cite.bib` beside `AAAI21_ExactMC/index.md`: one paper, split by a typo.
    for stray in (0..folders.len()).filter(|&i| folders[i].page.is_none()) {
        let key = name_key(&folders[stray].name);
        let home = (0..folders.len()).find(|&i| {
            folders[i].page.is_some() && records[i].is_none() && name_key(&folders[i].name) == key
        });
        if let Some((home, record)) = home.and_then(|h| Some((h, records[stray].take()?))) {
            let message = format!(
                "no index.md beside it; taken as the record of {}, the folder of the same name",
                folders[home].name
            );
            notes.push(note(&record.0.display().to_string(), false, message));
            records[home] = Some(record);
        }
    }
    let names: Vec<&str> = folders.iter().map(|f| f.name.as_str()).collect();
    let ids = folder_ids(&names);
    let mut papers = Vec::new();
    for ((folder, record), id) in folders.iter().zip(records).zip(ids) {
        let record = record.map(|(_, r)| r);
        let (at, fields) = match &folder.page {
            Some(page) => match read_page(page) {
                Ok(fields) => (page.display().to_string(), fields),
                Err((at, why)) => {
                    notes.push(note(&at, true, format!("{why}; skipped")));
                    continue;
                }
            },
            // A record with no page: the paper as its BibTeX says, rather than lost.
            None => match (&folder.bib, &record) {
                (Some(bib), Some(_)) => (bib.display().to_string(), Default::default()),
                (Some(_), None) => continue,
                (None, _) => {
                    let at = folder.path.display().to_string();
                    notes.push(note(
                        &at,
                        false,
                        "no index.md or cite.bib in it; left out".into(),
                    ));
                    continue;
                }
            },
        };
        let mut profile = |slug: &str| site.profile(slug);
        match paper::map(
            fields,
            record.as_ref(),
            &mut profile,
            folder.image.is_some(),
        ) {
            Ok(mut mapped) => {
                mapped.publication.id = id;
                for warning in &mapped.warnings {
                    notes.push(note(&at, false, warning.clone()));
                }
                papers.push(Paper {
                    mapped,
                    image: folder.image.clone(),
                });
            }
            Err(why) => notes.push(note(&at, true, format!("{why}; skipped"))),
        }
    }
    papers
}

/// The front matter of `page`, or where and why it cannot be read.
fn read_page(page: &Path) -> Result<serde_json::Map<String, serde_json::Value>, (String, String)> {
    let at = page.display().to_string();
    let text = std::fs::read(page).map_err(|e| (at.clone(), format!("cannot read it: {e}")))?;
    let text = String::from_utf8(text).map_err(|_| (at.clone(), "it is not UTF-8 text".into()))?;
    let read = front_matter::read(&text).map_err(|e| match e.line {
        Some(line) => (format!("{at}:{line}"), e.message),
        None => (at.clone(), e.message),
    })?;
    let mut fields = read.fields;
    // The page's own text (notes, shortcodes) has no place on a card; it is named as not used.
    if !read.body.trim().is_empty() {
        fields.insert("(the page's text)".into(), serde_json::Value::Bool(true));
    }
    Ok(fields)
}

/// The paper's record from `bib`. Beside a page, a record that cannot be read costs only itself
/// (a warning); alone, it is the whole paper (an error).
fn read_record(bib: &Path, beside_page: bool, notes: &mut Vec<Note>) -> Option<(PathBuf, Record)> {
    let name = bib.display().to_string();
    let cost = if beside_page {
        "the paper is imported from index.md alone"
    } else {
        "skipped"
    };
    let text = match std::fs::read(bib).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            notes.push(note(&name, !beside_page, format!("not UTF-8 text; {cost}")));
            return None;
        }
        Err(e) => {
            notes.push(note(
                &name,
                !beside_page,
                format!("cannot read it ({e}); {cost}"),
            ));
            return None;
        }
    };
    let read = bibfile::read(&[(name.clone(), text)]);
    for d in &read.diagnostics {
        let message = d.message.trim_end_matches("; skipped");
        let message = if d.skipped && read.entries.is_empty() {
            format!("{message}; {cost}")
        } else {
            message.to_owned()
        };
        notes.push(note(
            &d.at.to_string(),
            !beside_page && read.entries.is_empty(),
            message,
        ));
    }
    let entry: &BibEntry = read.entries.first()?;
    if read.entries.len() > 1 {
        notes.push(note(
            &name,
            false,
            format!(
                "holds {} entries; the first, {}, is the paper's record, the others are left out",
                read.entries.len(),
                entry.key
            ),
        ));
    }
    let publication = match map::publication(entry) {
        Ok(imported) => {
            for warning in imported.warnings {
                notes.push(note(&entry.at.to_string(), false, warning));
            }
            imported.publication
        }
        // Untitled, say: still the paper's record, for the page's title to go with.
        Err(why) => {
            notes.push(note(
                &entry.at.to_string(),
                false,
                format!("{why}; only kept as the record"),
            ));
            papershelf_core::publication::Publication {
                bibtex: Some(bibfile::record(entry)),
                ..Default::default()
            }
        }
    };
    Some((
        bib.to_owned(),
        Record {
            paper_type: crate::kind::paper_type(entry),
            publication,
        },
    ))
}

fn note(at: &str, skipped: bool, message: String) -> Note {
    Note {
        at: at.to_owned(),
        skipped,
        message,
    }
}

/// A folder's name as a permalink and a path segment: lower-case ASCII letters and digits, with
/// one `-` for each run of anything else (spaces, U+2010 hyphens, accents' letters folded first).
pub fn slug(name: &str) -> String {
    let folded = papershelf_core::fold::fold(name);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "paper".into()
    } else {
        slug
    }
}

/// Each folder's id: its name made safe ([`slug`]). A folder whose name already is its slug keeps
/// it whatever other folders there are, so that adding `Foo/` beside `foo/` never moves `foo`'s
/// id (and its paper's hand edits and thumbnail) to another paper; the others take theirs in order,
/// numbered on a clash.
fn folder_ids(names: &[&str]) -> Vec<String> {
    let mut taken: HashSet<String> = names
        .iter()
        .filter(|name| slug(name) == **name)
        .map(|name| name.to_string())
        .collect();
    names
        .iter()
        .map(|name| {
            let slug = slug(name);
            if slug == *name {
                slug
            } else {
                unique(slug, &mut taken)
            }
        })
        .collect()
}

fn unique(slug: String, taken: &mut HashSet<String>) -> String {
    let mut id = slug.clone();
    let mut n = 1;
    while !taken.insert(id.clone()) {
        n += 1;
        id = format!("{slug}-{n}");
    }
    id
}

/// Folder names that differ only in spacing, case and punctuation name one paper.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Copies a featured image to `publication/ID/featured.EXT` under the site's folder; the path
/// the card loads it by, relative to the site.
fn copy_image(source: &Path, site_dir: &Path, id: &str) -> std::io::Result<String> {
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let relative = format!("publication/{id}/featured.{ext}");
    let target = site_dir.join(&relative);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(source, &target)?;
    Ok(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_named_as_its_slug_keeps_its_id_whatever_is_added() {
        // Found in review: `Foo/` sorted before `foo/` took its id, so the old paper's hand
        // edits and thumbnail went to the new one.
        assert_eq!(folder_ids(&["foo"]), ["foo"]);
        assert_eq!(folder_ids(&["Foo", "foo"]), ["foo-2", "foo"]);
        assert_eq!(folder_ids(&["Foo", "FOO"]), ["foo", "foo-2"]);
    }

    #[test]
    fn slugs_are_safe_in_addresses() {
        assert_eq!(
            slug("Internationalization of the Moroccan Journal"),
            "internationalization-of-the-moroccan-journal"
        );
        assert_eq!(slug("iot‐fog‐cloud covid‐19"), "iot-fog-cloud-covid-19");
        assert_eq!(slug("AAAI21_ ExactMC"), "aaai21_-exactmc");
        assert_eq!(slug("Gödel's paper"), "godel-s-paper");
        assert_eq!(slug("‐‐"), "paper");
    }

    #[test]
    fn names_that_differ_in_spacing_match() {
        assert_eq!(name_key("AAAI21_ ExactMC"), name_key("AAAI21_ExactMC"));
        assert_ne!(name_key("AAAI21"), name_key("AAAI22"));
    }
}
