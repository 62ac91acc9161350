//! Reading .bib files into entries whose fields are plain LaTeX source: `@string` macros and `#`
//! concatenation resolved, `crossref` fields inherited, every entry with the file and line it
//! came from. The syntax is the `biblatex` crate's; this module only cuts a file into entries
//! first, so that one broken entry costs only itself: the crate stops at a file's first error.

use crate::latex;
use biblatex::{ParseErrorKind, RawBibliography, RawChunk};
use papershelf_core::marks::{pseudo_author, split_marks, MARKS};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Where something is in the input: a file and a line, counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file's name as given on the command line.
    pub file: Arc<str>,
    /// The line the entry (or the problem) starts on.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A problem found while reading, reported as `FILE:LINE: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it is.
    pub at: Location,
    /// Whether an entry was left out because of it (otherwise it is a warning).
    pub skipped: bool,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    fn skipped(at: Location, message: String) -> Diagnostic {
        Diagnostic {
            at,
            skipped: true,
            message,
        }
    }

    fn warning(at: Location, message: String) -> Diagnostic {
        Diagnostic {
            at,
            skipped: false,
            message,
        }
    }
}

/// One bibliography entry, ready to be mapped: every value is LaTeX source without its outer
/// braces or quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibEntry {
    /// Where the entry starts.
    pub at: Location,
    /// The entry type in lower case: `article`, `inproceedings`…
    pub kind: String,
    /// The citation key, as written.
    pub key: String,
    /// Field names in lower case, with their values, in the file's order (inherited fields last).
    pub fields: Vec<(String, String)>,
}

impl BibEntry {
    /// The value of field `name` (lower case), if the entry has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// What reading some .bib files gave: the entries to import and what went wrong on the way.
#[derive(Debug, Default)]
pub struct BibRead {
    /// Entries in file order, without the volumes that other entries only `crossref`.
    pub entries: Vec<BibEntry>,
    /// In file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A value as written: pieces joined by `#`, each literal text or the name of a macro.
enum Piece {
    Text(String),
    Macro(String),
}

/// A parsed entry before its macros are resolved.
struct Unresolved {
    at: Location,
    kind: String,
    key: String,
    fields: Vec<(String, Vec<Piece>)>,
}

/// Entry types that are volumes others are part of: when an entry `crossref`s one, it is taken
/// as the paper's container, not as a paper of its own.
const CONTAINER_TYPES: &[&str] = &[
    "proceedings",
    "mvproceedings",
    "collection",
    "mvcollection",
    "periodical",
];

/// BibTeX's predefined macros.
const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// Reads `(name, text)` files in order. Macros defined in any file apply in all of them, and a
/// citation key may be used once across all of them.
pub fn read(files: &[(String, String)]) -> BibRead {
    let mut out = BibRead::default();
    let mut entries = Vec::new();
    let mut strings = Vec::new();
    for (name, text) in files {
        let file: Arc<str> = name.as_str().into();
        for chunk in chunks(text) {
            let at = Location {
                file: file.clone(),
                line: chunk.line,
            };
            parse_chunk(&chunk, at, &mut entries, &mut strings, &mut out.diagnostics);
        }
    }
    let macros = define_macros(strings, &mut out.diagnostics);
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut resolved = Vec::new();
    for entry in entries {
        // BibTeX compares keys without regard to case.
        let folded = entry.key.to_lowercase();
        if let Some(first) = seen.get(&folded) {
            let message = format!(
                "@{}{{{}, …}}: the key was already used at {first}; skipped",
                entry.kind, entry.key
            );
            out.diagnostics.push(Diagnostic::skipped(entry.at, message));
            continue;
        }
        seen.insert(folded, entry.at.clone());
        match resolve(entry, &macros) {
            Ok(entry) => resolved.push(entry),
            Err(diagnostic) => out.diagnostics.push(diagnostic),
        }
    }
    out.entries = inherit_crossrefs(resolved, &mut out.diagnostics);
    same_papers(&out.entries, &mut out.diagnostics);
    sort(&mut out.diagnostics, files);
    out
}

/// Warns of a paper listed twice under two keys (the same title, whatever its case, spacing and
/// braces, and the same year), which would show as two cards: the lab decides which to keep.
fn same_papers(entries: &[BibEntry], diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(String, String), &BibEntry> = HashMap::new();
    for entry in entries {
        let Some(title) = entry.get("title") else {
            continue;
        };
        let title = title
            .replace(['{', '}'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let year = entry.get("year").unwrap_or("").trim().to_owned();
        match seen.get(&(title.clone(), year.clone())) {
            Some(first) => {
                let message = format!(
                    "@{}{{{}, …}}: the same title and year as @{}{{{}, …}} at {}: the same paper twice? Both are imported",
                    entry.kind, entry.key, first.kind, first.key, first.at
                );
                diagnostics.push(Diagnostic::warning(entry.at.clone(), message));
            }
            None => {
                seen.insert((title, year), entry);
            }
        }
    }
}

/// Puts `diagnostics` in the order of `files` (as given), then of lines.
pub fn sort(diagnostics: &mut [Diagnostic], files: &[(String, String)]) {
    let order = |file: &str| files.iter().position(|(name, _)| name == file);
    diagnostics.sort_by_key(|d| (order(&d.at.file), d.at.line));
}

/// One `@…` block of a file and the line it starts on.
struct Chunk<'a> {
    line: usize,
    kind: String,
    text: &'a str,
    /// Closed by `)`: the crate reads only `{…}`, so it gets a copy with braces.
    parenthesised: bool,
}

/// Cuts a file into `@type{…}` blocks by counting braces. Text between blocks is a comment, as
/// in BibTeX. A block whose braces never close ends where a line starts the next block, so a
/// missing `}` costs one entry, not the rest of the file.
fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let mut line = 1;
    let mut counted = 0;
    while let Some(offset) = memchr_at(b'@', bytes, at) {
        // `% @article{…}`: an entry commented out, as BibTeX tools read it.
        let line_start = bytes[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        if bytes[line_start..offset].contains(&b'%') {
            at = offset + 1;
            continue;
        }
        let Some((kind, open)) = block_start(bytes, offset) else {
            at = offset + 1;
            continue;
        };
        let end = block_end(bytes, open);
        line += bytes[counted..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = offset;
        out.push(Chunk {
            line,
            kind: kind.to_ascii_lowercase(),
            text: &text[offset..end],
            parenthesised: bytes[open] == b'(',
        });
        at = end.max(offset + 1);
    }
    out
}

fn memchr_at(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|i| i + from)
}

/// `@type{` or `@type (` at `offset`: the type and where its opening delimiter is.
fn block_start(bytes: &[u8], offset: usize) -> Option<(&str, usize)> {
    let name_start = offset + 1;
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
        .count();
    if name_len == 0 {
        return None;
    }
    let mut open = name_start + name_len;
    while bytes.get(open).is_some_and(|b| b.is_ascii_whitespace()) {
        open += 1;
    }
    matches!(bytes.get(open), Some(b'{' | b'(')).then(|| {
        let kind = std::str::from_utf8(&bytes[name_start..name_start + name_len]).unwrap_or("");
        (kind, open)
    })
}

/// The end (exclusive) of the block whose delimiter is at `open`.
fn block_end(bytes: &[u8], open: usize) -> usize {
    let parenthesised = bytes[open] == b'(';
    let mut depth = 0usize;
    let mut in_quotes = false;
    let mut i = open + 1;
    let mut line_start = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if line_start && !b.is_ascii_whitespace() {
            line_start = false;
            if b == b'@' && block_start(bytes, i).is_some() {
                return i;
            }
        }
        match b {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' if depth == 0 && !parenthesised && !in_quotes => return i + 1,
            b'}' => depth = depth.saturating_sub(1),
            b')' if depth == 0 && parenthesised && !in_quotes => return i + 1,
            b'"' if depth == 0 => in_quotes = !in_quotes,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn parse_chunk(
    chunk: &Chunk,
    at: Location,
    entries: &mut Vec<Unresolved>,
    strings: &mut Vec<(Location, String, Vec<Piece>)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if matches!(chunk.kind.as_str(), "comment" | "preamble") {
        return;
    }
    let braced;
    let text = if chunk.parenthesised {
        braced = with_braces(chunk.text);
        braced.as_str()
    } else {
        chunk.text
    };
    let repaired = match repair(text) {
        Repair::CommentedOut => return,
        Repair::Text(text, commas) => {
            for line in commas {
                let message = format!(
                    "@{}{{{}, …}}: a comma is missing at the end of this line; read as if it were there",
                    chunk.kind,
                    key_of(&text).unwrap_or("?")
                );
                let line = at.line + line;
                diagnostics.push(Diagnostic::warning(
                    Location { line, ..at.clone() },
                    message,
                ));
            }
            text
        }
    };
    let text = repaired.as_str();
    let raw = match RawBibliography::parse(text) {
        Ok(raw) => raw,
        Err(error) => {
            let key = key_of(text)
                .map(|k| format!("@{}{{{k}, …}}: ", chunk.kind))
                .unwrap_or_default();
            let why = if error.kind == ParseErrorKind::UnexpectedEof {
                "is not closed: a } is missing".to_owned()
            } else {
                let line = at.line + newlines(&text[..error.span.start.min(text.len())]);
                format!("cannot be read (line {line}: {})", error.kind)
            };
            diagnostics.push(Diagnostic::skipped(at, format!("{key}{why}; skipped")));
            return;
        }
    };
    for pair in raw.abbreviations {
        let line = at.line + newlines(&text[..pair.key.span.start]);
        let name = pair.key.v.to_lowercase();
        strings.push((Location { line, ..at.clone() }, name, pieces(&pair.value.v)));
    }
    for entry in raw.entries {
        let entry = entry.v;
        let mut fields: Vec<(String, Vec<Piece>)> = Vec::new();
        for pair in entry.fields {
            let name = pair.key.v.to_ascii_lowercase();
            // BibBase lists several links of one kind as repeated `url_…` fields.
            let repeatable = name.starts_with("url_");
            if !repeatable && fields.iter().any(|(f, _)| *f == name) {
                let line = at.line + newlines(&text[..pair.key.span.start]);
                let message = format!(
                    "@{}{{{}, …}}: the field \"{name}\" is given twice; the first is kept",
                    chunk.kind, entry.key.v
                );
                diagnostics.push(Diagnostic::warning(
                    Location { line, ..at.clone() },
                    message,
                ));
                continue;
            }
            fields.push((name, pieces(&pair.value.v)));
        }
        entries.push(Unresolved {
            at: at.clone(),
            kind: entry.kind.v.to_ascii_lowercase(),
            key: entry.key.v.to_owned(),
            fields,
        });
    }
}

/// What [`repair`] made of a block.
enum Repair {
    /// Every field is commented out with `%`, as a lab keeps an entry it no longer shows.
    CommentedOut,
    /// The block as the crate can read it, and the lines (counted from 0 within the block) a
    /// missing comma was added at the end of.
    Text(String, Vec<usize>),
}

/// How many missing commas one entry may be given before it counts as broken.
const MAX_COMMAS: usize = 20;

/// Mends what real files get wrong in a way whose intent is plain, so the entry is not lost:
/// `%` comment lines between fields (which BibTeX tools skip but the crate does not), and a
/// comma missing at the end of a line before the next field. Anything else is left for the
/// crate to report.
fn repair(text: &str) -> Repair {
    if RawBibliography::parse(text).is_ok() {
        return Repair::Text(text.to_owned(), Vec::new());
    }
    let is_comment = |line: &str| line.trim_start().starts_with('%');
    let commented = text.lines().any(is_comment);
    // A comment line keeps its newline, so the lines of later errors stay true.
    let mut text: String = text
        .split_inclusive('\n')
        .map(|line| match (is_comment(line), line.ends_with('\n')) {
            (true, true) => "\n",
            (true, false) => "",
            (false, _) => line,
        })
        .collect();
    if commented && is_empty_entry(&text) {
        return Repair::CommentedOut;
    }
    let mut commas = Vec::new();
    while commas.len() < MAX_COMMAS {
        let Err(error) = RawBibliography::parse(&text) else {
            break;
        };
        let Some(at) = missing_comma(&text, &error) else {
            break;
        };
        commas.push(newlines(&text[..at]));
        text.insert(at, ',');
    }
    Repair::Text(text, commas)
}

/// `@type{key,` and nothing more: what is left of an entry whose fields are all commented out
/// (its closing brace too, as `%}`).
fn is_empty_entry(text: &str) -> bool {
    let Some(open) = text.find(['{', '(']) else {
        return false;
    };
    let body = &text[open + 1..];
    let rest = body.split_once(',').map_or("", |(_, rest)| rest);
    body.contains(',') && rest.trim().trim_end_matches(['}', ')']).trim().is_empty()
}

/// Where a comma belongs when the crate stopped for want of one at the start of a line that
/// begins a field (`name =`): right after the previous line's value.
fn missing_comma(text: &str, error: &biblatex::ParseError) -> Option<usize> {
    if error.kind != ParseErrorKind::Expected(biblatex::Token::Comma) {
        return None;
    }
    let start = error.span.start.min(text.len());
    let at = text.len() - text[start..].trim_start().len();
    let before = &text[..at];
    let line_start = before.rfind('\n')?;
    let field = text[at..].split_once('=').is_some_and(|(name, _)| {
        let name = name.trim();
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-:.".contains(c))
    });
    if !before[line_start..].trim().is_empty() || !field {
        return None;
    }
    let value_end = before[..line_start].trim_end().len();
    (value_end > 0).then_some(value_end)
}

/// `@type( … )` as `@type{ … }`.
fn with_braces(text: &str) -> String {
    let open = text.find('(').unwrap_or(0);
    let close = text.rfind(')').filter(|&c| c > open).unwrap_or(text.len());
    format!("{}{{{}}}", &text[..open], &text[open + 1..close])
}

/// The citation key of a block that could not be parsed, for the message, if it looks like one.
fn key_of(text: &str) -> Option<&str> {
    let after = &text[text.find('{')? + 1..];
    let key = after[..after.find(',')?].trim();
    (!key.is_empty() && key.len() <= 100 && !key.contains(char::is_whitespace)).then_some(key)
}

fn newlines(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

fn pieces(value: &biblatex::Field) -> Vec<Piece> {
    value
        .iter()
        .map(|chunk| match chunk.v {
            RawChunk::Normal(text) => Piece::Text(text.to_owned()),
            RawChunk::Abbreviation(name) => Piece::Macro(name.to_lowercase()),
        })
        .collect()
}

/// The `@string` macros in definition order, each allowed to use those before it; the months
/// are predefined.
fn define_macros(
    strings: Vec<(Location, String, Vec<Piece>)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashMap<String, String> {
    let mut macros: HashMap<String, String> = MONTHS
        .iter()
        .map(|(name, month)| (name.to_string(), month.to_string()))
        .collect();
    for (at, name, value) in strings {
        match join(&value, &macros) {
            Ok(text) => {
                macros.insert(name, text);
            }
            Err(unknown) => {
                let message = format!(
                    "@string{{{name} = …}} uses the undefined macro \"{unknown}\"; entries that use {name} are skipped"
                );
                diagnostics.push(Diagnostic::warning(at, message));
            }
        }
    }
    macros
}

/// A value's pieces as one text, or the first macro that is not defined.
fn join(pieces: &[Piece], macros: &HashMap<String, String>) -> Result<String, String> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Macro(name) => text.push_str(macros.get(name).ok_or_else(|| name.clone())?),
        }
    }
    Ok(text)
}

fn resolve(entry: Unresolved, macros: &HashMap<String, String>) -> Result<BibEntry, Diagnostic> {
    let mut fields = Vec::with_capacity(entry.fields.len());
    for (name, value) in &entry.fields {
        match join(value, macros) {
            Ok(text) => fields.push((name.clone(), text)),
            Err(unknown) => {
                let message = format!(
                    "@{}{{{}, …}}: the field \"{name}\" uses the undefined @string macro \"{unknown}\"; skipped",
                    entry.kind, entry.key
                );
                return Err(Diagnostic::skipped(entry.at, message));
            }
        }
    }
    if entry.key.is_empty() {
        let message = format!("@{}{{…}} has no citation key; skipped", entry.kind);
        return Err(Diagnostic::skipped(entry.at, message));
    }
    if let Some((name, _)) = fields.iter().find(|(_, v)| !balanced(v)) {
        let message = format!(
            "@{}{{{}, …}}: the braces in the field \"{name}\" do not balance; skipped",
            entry.kind, entry.key
        );
        return Err(Diagnostic::skipped(entry.at, message));
    }
    Ok(BibEntry {
        at: entry.at,
        kind: entry.kind,
        key: entry.key,
        fields,
    })
}

/// Whether `{` and `}` (not escaped) pair up, as a field value must for the record to be BibTeX.
fn balanced(value: &str) -> bool {
    let mut last = 0;
    for (_, depth) in latex::braces(value) {
        if depth < 0 {
            return false;
        }
        last = depth;
    }
    last == 0
}

/// Copies into each entry with a `crossref` the fields it lacks from the entry it names (its
/// title becoming the `booktitle`), as BibTeX does. Volumes that are only named by others are
/// not papers of their own, and leave the list.
fn inherit_crossrefs(entries: Vec<BibEntry>, diagnostics: &mut Vec<Diagnostic>) -> Vec<BibEntry> {
    let by_key: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.to_lowercase(), i))
        .collect();
    let mut containers = vec![false; entries.len()];
    let mut out = entries.clone();
    for (i, entry) in out.iter_mut().enumerate() {
        let Some(target) = entry.get("crossref").map(str::to_owned) else {
            continue;
        };
        entry.fields.retain(|(name, _)| name != "crossref");
        let Some(&parent) = by_key
            .get(&target.trim().to_lowercase())
            .filter(|&&p| p != i)
        else {
            let message = format!(
                "@{}{{{}, …}}: crossref to \"{target}\", which is not in the files; imported without its fields",
                entry.kind, entry.key
            );
            diagnostics.push(Diagnostic::warning(entry.at.clone(), message));
            continue;
        };
        let parent = &entries[parent];
        containers[by_key[&parent.key.to_lowercase()]] |=
            CONTAINER_TYPES.contains(&parent.kind.as_str());
        for (name, value) in &parent.fields {
            let name = if name == "title" && parent.get("booktitle").is_none() {
                "booktitle"
            } else {
                name.as_str()
            };
            let inherited = !matches!(name, "title" | "crossref" | "ids" | "abstract" | "keywords");
            if inherited && entry.get(name).is_none() {
                entry.fields.push((name.to_owned(), value.clone()));
            }
        }
    }
    out.into_iter()
        .zip(containers)
        .filter_map(|(entry, container)| (!container).then_some(entry))
        .collect()
}

/// The fields the record keeps: those that describe the work, as BibTeX's and BibLaTeX's data
/// models name them. Everything else in a .bib is about a website or a reference manager (al-folio's
/// `selected` and `preview`, BibBase's `url_…`, a `file` path, an owner's notes): the import maps it
/// into the publication or names it as not used, and it stays out of what *Cite* shows.
pub const RECORD_FIELDS: &[&str] = &[
    // BibTeX's own.
    "address",
    "author",
    "booktitle",
    "chapter",
    "edition",
    "editor",
    "howpublished",
    "institution",
    "journal",
    "key",
    "month",
    "note",
    "number",
    "organization",
    "pages",
    "publisher",
    "school",
    "series",
    "title",
    "type",
    "volume",
    "year",
    // Standard additions every style reads.
    "abstract",
    "keywords",
    "doi",
    "url",
    "urldate",
    "isbn",
    "issn",
    "eprint",
    "archiveprefix",
    "primaryclass",
    "eprinttype",
    "eprintclass",
    "pmid",
    "language",
    // BibLaTeX's.
    "date",
    "journaltitle",
    "subtitle",
    "titleaddon",
    "shorttitle",
    "shortjournal",
    "maintitle",
    "booksubtitle",
    "booktitleaddon",
    "eventtitle",
    "eventdate",
    "venue",
    "location",
    "issue",
    "issuetitle",
    "eid",
    "pagetotal",
    "numpages",
    "part",
    "version",
    "addendum",
    "pubstate",
    "translator",
    "origdate",
];

/// Whether the record keeps the field `name` (lower case).
pub fn in_record(name: &str) -> bool {
    RECORD_FIELDS.contains(&name)
}

/// The entry as a normalised, self-contained BibTeX record: type and field names in lower case,
/// every value in braces on one line, macros and crossrefs already resolved, only the fields of
/// [`RECORD_FIELDS`]. Names are the people themselves, as the import makes them: without the
/// marks written on them, and no pseudo-author (see [`names_for_record`]).
pub fn record(entry: &BibEntry) -> String {
    let mut out = format!("@{}{{{},\n", entry.kind, entry.key);
    let kept = entry.fields.iter().filter(|(name, _)| in_record(name));
    for (name, value) in kept {
        let one_line = || value.split_whitespace().collect::<Vec<_>>().join(" ");
        let value = match name.as_str() {
            "keywords" => keywords_on_one_line(value),
            "author" | "editor" => names_for_record(&one_line()),
            _ => one_line(),
        };
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push('}');
    out
}

/// An `author` or `editor` value (on one line) as the record gives it: each name without the
/// marks written on it (`Lovelace*†, Ada` → `Lovelace, Ada`; `Xu\textsuperscript{*}`, `Li$^*$`,
/// `Qi\dag` → `Xu`, `Li`, `Qi`), and the names that stand for authors not named (`authors, +4
/// more`, `et al.`, `others`) as one final `others`, BibTeX's own "et al.". So *Cite* gives the
/// same people as the card. A value with neither is returned as it is.
pub fn names_for_record(value: &str) -> String {
    let names = split_names(value);
    let mut kept: Vec<(&str, String)> = Vec::with_capacity(names.len());
    // The separator before the last pseudo-author, for the final `others`.
    let mut more: Option<&str> = None;
    let mut changed = false;
    let last = names.len().saturating_sub(1);
    for (i, &(separator, name)) in names.iter().enumerate() {
        if stands_for_authors(name) {
            changed |= i != last || name != "others";
            more = Some(separator);
            continue;
        }
        match without_marks(name) {
            Some(bare) => {
                changed = true;
                kept.push((separator, bare));
            }
            None => kept.push((separator, name.to_owned())),
        }
    }
    if !changed {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    for (i, (separator, name)) in kept.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(name);
    }
    if let Some(separator) = more {
        if !out.is_empty() {
            out.push_str(if separator.is_empty() {
                " and "
            } else {
                separator
            });
        }
        out.push_str("others");
    }
    out
}

/// The names of a one-line `author` value, each with the ` and ` before it (empty for the
/// first): `and` in any case, outside braces (`{Barnes and Noble, Inc.}` is one name).
fn split_names(value: &str) -> Vec<(&str, &str)> {
    let bytes = value.as_bytes();
    let mut names = Vec::new();
    let (mut depth, mut start, mut separator) = (0usize, 0, "");
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b' ' if depth == 0
                && bytes.len() >= i + 5
                && bytes[i + 1..i + 4].eq_ignore_ascii_case(b"and")
                && bytes[i + 4] == b' ' =>
            {
                names.push((separator, &value[start..i]));
                separator = &value[i..i + 5];
                start = i + 5;
                i += 5;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    names.push((separator, &value[start..]));
    names
}

/// Whether a name as written stands for authors not named, as the import reads it: `others`,
/// `et al.`, `authors, +4 more`.
fn stands_for_authors(name: &str) -> bool {
    let text = latex::marks_as_symbols(name)
        .replace(['{', '}'], "")
        .replace('~', " ");
    let text = split_marks(&text).0;
    // "Family, Given" is read as "Given Family".
    let turned = text
        .split_once(',')
        .map(|(family, given)| format!("{} {}", given.trim(), family.trim()));
    pseudo_author(&text).is_some() || turned.is_some_and(|t| pseudo_author(&t).is_some())
}

/// The name without the marks written at the ends of its words, in symbols or in LaTeX; `None`
/// when it has none (or is nothing but marks).
fn without_marks(name: &str) -> Option<String> {
    let symbols = latex::marks_as_symbols(name);
    let mut words: Vec<String> = Vec::new();
    let mut removed = false;
    for word in symbols.split_whitespace() {
        let (core, comma) = match word.strip_suffix(',') {
            Some(core) => (core, ","),
            None => (word, ""),
        };
        let bare = core.trim_matches(|c| MARKS.contains(&c));
        removed |= bare.len() != core.len();
        // `Sam \#`: the backslash only escaped the mark.
        let bare = match bare.strip_suffix('\\') {
            Some(escape) if bare.len() != core.len() => escape,
            _ => bare,
        };
        if !bare.is_empty() {
            words.push(format!("{bare}{comma}"));
        } else if !comma.is_empty() {
            // "Lu *, Yi": the comma of "Family, Given" stays.
            words.last_mut()?.push(',');
        }
    }
    (removed && !words.is_empty()).then(|| words.join(" "))
}

/// Keywords written one a line (EndNote's and PubMed's lists) as one line that reads as the same
/// keywords: separated by commas, a keyword that holds a comma or a semicolon in braces.
fn keywords_on_one_line(value: &str) -> String {
    let lines: Vec<&str> = value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return value.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let keywords: Vec<String> = lines
        .iter()
        .map(|l| {
            let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
            if l.contains([',', ';']) {
                format!("{{{l}}}")
            } else {
                l
            }
        })
        .collect();
    keywords.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(text: &str) -> BibRead {
        read(&[("refs.bib".into(), text.into())])
    }

    fn messages(read: &BibRead) -> Vec<String> {
        read.diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.at, d.message))
            .collect()
    }

    #[test]
    fn macros_concatenation_and_comments() {
        let read = read_one(
            r#"% a comment line
@comment{ anything {nested} here }
@preamble{ "\newcommand{\noop}[1]{}" }
@string{ nips = "Advances in Neural " # "Information Processing Systems" }
@String{conf = nips # { 30}}
Free text between entries is a comment too.
@InProceedings{Key1,
  Title = {One},
  booktitle = conf,
  month = jun # "~1",
}"#,
        );
        assert!(read.diagnostics.is_empty(), "{:?}", messages(&read));
        let [entry] = &read.entries[..] else {
            panic!("{:?}", read.entries)
        };
        assert_eq!(entry.kind, "inproceedings");
        assert_eq!(entry.key, "Key1");
        assert_eq!(entry.at.line, 7);
        assert_eq!(
            entry.get("booktitle"),
            Some("Advances in Neural Information Processing Systems 30")
        );
        assert_eq!(entry.get("month"), Some("June~1"));
        assert_eq!(entry.get("title"), Some("One"));
    }

    #[test]
    fn a_broken_entry_between_two_good_ones_costs_only_itself() {
        let read = read_one(
            "@article{good1, title = {A}}\n\n@article{broken, title = {B} author = {C}}\n@article{good2, title = {D}}\n",
        );
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["good1", "good2"]);
        assert_eq!(
            messages(&read),
            ["refs.bib:3: @article{broken, …}: cannot be read (line 3: expected comma); skipped"]
        );
    }

    #[test]
    fn an_unclosed_entry_ends_where_the_next_line_starts_one() {
        let read =
            read_one("@article{open, title = {A\n  year = 2020,\n@article{next, title = {B}}\n");
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["next"]);
        assert_eq!(
            messages(&read),
            ["refs.bib:1: @article{open, …}: is not closed: a } is missing; skipped"]
        );
    }

    #[test]
    fn duplicate_keys_undefined_macros_and_unbalanced_braces_are_skipped() {
        let read = read(&[
            ("a.bib".into(), "@misc{same, title={A}}\n@misc{bad, title = nope}\n".into()),
            (
                "b.bib".into(),
                "@misc{SAME, title={B}}\n@misc{quoted, title = \"Half {open\"}\n@misc{ok, title={C}}".into(),
            ),
        ]);
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["same", "ok"]);
        assert_eq!(
            messages(&read),
            [
                "a.bib:2: @misc{bad, …}: the field \"title\" uses the undefined @string macro \"nope\"; skipped",
                "b.bib:1: @misc{SAME, …}: the key was already used at a.bib:1; skipped",
                "b.bib:2: @misc{quoted, …}: the braces in the field \"title\" do not balance; skipped",
            ]
        );
        assert!(read.diagnostics.iter().all(|d| d.skipped));
    }

    #[test]
    fn crossref_fields_are_inherited_and_the_volume_is_not_a_paper() {
        let read = read_one(
            "@inproceedings{child, title = {Child}, crossref = {proc}, pages = {1--2}}\n\
             @proceedings{proc, title = {Proceedings of X}, year = 2001, publisher = {P}}\n\
             @inproceedings{orphan, title = {O}, crossref = {missing}}\n",
        );
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["child", "orphan"]);
        let child = &read.entries[0];
        assert_eq!(child.get("booktitle"), Some("Proceedings of X"));
        assert_eq!(child.get("year"), Some("2001"));
        assert_eq!(child.get("title"), Some("Child"));
        assert_eq!(child.get("crossref"), None);
        assert_eq!(
            messages(&read),
            ["refs.bib:3: @inproceedings{orphan, …}: crossref to \"missing\", which is not in the files; imported without its fields"]
        );
    }

    #[test]
    fn entries_commented_out_and_private_fields_stay_out() {
        let read = read_one(
            "% @article{old, title = {Commented out}}\n\
             @article{k, title = {T}, file = {Full Text:/home/u/Zotero/a.pdf:application/pdf},\n\
             bdsk-file-1 = {YnBsaXN0}, annote = {my notes}, year = 2020}",
        );
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["k"]);
        assert_eq!(
            record(&read.entries[0]),
            "@article{k,\n  title = {T},\n  year = {2020},\n}"
        );
    }

    #[test]
    fn parenthesised_entries_and_quoted_values() {
        let read =
            read_one("@article(paren, title = \"A {B}ook, (in parentheses)\", year = 1999)\n");
        assert!(read.diagnostics.is_empty(), "{:?}", messages(&read));
        assert_eq!(
            read.entries[0].get("title"),
            Some("A {B}ook, (in parentheses)")
        );
    }

    #[test]
    fn records_are_normalised_and_self_contained() {
        let read = read_one(
            "@string{j = {Journal of \\LaTeX}}\n@ARTICLE{k,\n  TITLE = \"Multi\n     line\",\n  journal = j,\n  year = 2020 }",
        );
        assert_eq!(
            record(&read.entries[0]),
            "@article{k,\n  title = {Multi line},\n  journal = {Journal of \\LaTeX},\n  year = {2020},\n}"
        );
        let again = read_one(&record(&read.entries[0]));
        assert_eq!(record(&again.entries[0]), record(&read.entries[0]));
    }

    #[test]
    fn an_entry_whose_fields_are_all_commented_out_is_a_comment() {
        let read = read_one(
            "@unpublished{gone,\n%  title = {Old},\n%  year = {2020},\n%}\n\n@misc{kept, title = {K}}\n",
        );
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["kept"]);
        assert!(read.diagnostics.is_empty(), "{:?}", messages(&read));
    }

    #[test]
    fn an_empty_entry_left_open_is_still_an_error() {
        let read = read_one("@article{open,\n@misc{next, title = {N}}\n");
        assert_eq!(
            messages(&read),
            ["refs.bib:1: @article{open, …}: is not closed: a } is missing; skipped"]
        );
    }

    #[test]
    fn comment_lines_between_fields_are_skipped() {
        let read = read_one(
            "@article{k,\n  title = {T},\n% year = {1999},\n  % note = {old},\n  year = {2020},\n}\n",
        );
        assert!(read.diagnostics.is_empty(), "{:?}", messages(&read));
        assert_eq!(read.entries[0].get("year"), Some("2020"));
        assert_eq!(read.entries[0].get("note"), None);
    }

    #[test]
    fn a_comma_missing_at_the_end_of_a_line_is_added_with_a_warning() {
        let read = read_one(
            "@inproceedings{k,\n  title = {T},\n  url_Paper = {https://x.org/p}\n  support = {X},\n  year = 2021\n  month = jul\n}\n@misc{same, title = {A} year = {B}}\n",
        );
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["k"], "a comma missing within a line is not guessed");
        assert_eq!(read.entries[0].get("support"), Some("X"));
        assert_eq!(read.entries[0].get("month"), Some("July"));
        assert_eq!(
            messages(&read),
            [
                "refs.bib:3: @inproceedings{k, …}: a comma is missing at the end of this line; read as if it were there",
                "refs.bib:5: @inproceedings{k, …}: a comma is missing at the end of this line; read as if it were there",
                "refs.bib:8: @misc{same, …}: cannot be read (line 8: expected comma); skipped",
            ]
        );
    }

    #[test]
    fn front_matter_stray_lines_and_the_ways_entries_are_opened() {
        let read = read_one(
            "---\n---\n[NCBI library](https://example.org/list)\n\n\
             @article {spaced,\n  Title = {Spaced}, Author = {A B}, Month = jan}\n\
             @inproceedings{\n  nextline,\n  TITLE = {Key on the next line},\n}\n",
        );
        assert!(read.diagnostics.is_empty(), "{:?}", messages(&read));
        let keys: Vec<_> = read.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["spaced", "nextline"]);
        assert_eq!(read.entries[0].get("title"), Some("Spaced"));
        assert_eq!(read.entries[0].get("month"), Some("January"));
        assert_eq!(read.entries[1].get("title"), Some("Key on the next line"));
    }

    #[test]
    fn the_same_paper_under_two_keys_is_a_warning_naming_both() {
        let read = read_one(
            "@inproceedings{a, title = {{I}magining the Road}, year = 2021}\n\
             @inproceedings{b, title = {Imagining  the road}, year = {2021}}\n\
             @inproceedings{c, title = {Imagining the Road}, year = 2022}\n",
        );
        assert_eq!(read.entries.len(), 3, "both are imported");
        assert_eq!(
            messages(&read),
            ["refs.bib:2: @inproceedings{b, …}: the same title and year as @inproceedings{a, …} at refs.bib:1: the same paper twice? Both are imported"]
        );
    }

    #[test]
    fn repeated_link_fields_are_all_kept_and_other_repeats_warned() {
        let read = read_one(
            "@misc{k, title = {T}, url_Link = {https://a.org}, url_Link = {https://b.org}, note = {1}, note = {2}}",
        );
        let links: Vec<_> = read.entries[0]
            .fields
            .iter()
            .filter(|(n, _)| n == "url_link")
            .collect();
        assert_eq!(links.len(), 2);
        assert_eq!(
            messages(&read),
            ["refs.bib:1: @misc{k, …}: the field \"note\" is given twice; the first is kept"]
        );
    }

    #[test]
    fn keywords_one_a_line_stay_apart_in_the_record() {
        let read =
            read_one("@article{k, title = {T}, keywords = {Animals\n  *Brain\n Rats, Wistar\n}}");
        assert_eq!(
            record(&read.entries[0]),
            "@article{k,\n  title = {T},\n  keywords = {Animals, *Brain, {Rats, Wistar}},\n}"
        );
    }

    #[test]
    fn names_in_the_record_lose_their_marks_and_pseudo_authors_are_others() {
        for (written, recorded) in [
            (
                "Lovelace*†, Ada and Hopper*, Grace and Turing, Alan and authors, +4 more",
                "Lovelace, Ada and Hopper, Grace and Turing, Alan and others",
            ),
            (
                "Zhang*, Kaiyan and authors, +11 more and Zhou, Bowen",
                "Zhang, Kaiyan and Zhou, Bowen and others",
            ),
            (
                r#"Zhang$^*$, Kaiyan and Wei Xu\textsuperscript{*,\dag} and Li$^{\dagger}$, Bo and Qi\dag, Ann and Lu $^\ast$, Yi and K{\"o}nig, J."#,
                r#"Zhang, Kaiyan and Wei Xu and Li, Bo and Qi, Ann and Lu, Yi and K{\"o}nig, J."#,
            ),
            (
                "†Ning Ding AND Ann Lee§ and et al.",
                "Ning Ding AND Ann Lee and others",
            ),
            ("Ann Lee and others and +3 more", "Ann Lee and others"),
            // Nothing to take off: as written.
            (
                "Ann Smith AND Bo Li and others",
                "Ann Smith AND Bo Li and others",
            ),
            (
                "O*Neil, P. and D.~E. Knuth and *",
                "O*Neil, P. and D.~E. Knuth and *",
            ),
            (
                "{Barnes and Noble*, Inc.} and O*Neil, P. and D.~E. Knuth and *",
                "{Barnes and Noble, Inc.} and O*Neil, P. and D.~E. Knuth and *",
            ),
            (r"Xu$^1$, Wei and Sam \#", r"Xu$^1$, Wei and Sam"),
        ] {
            assert_eq!(names_for_record(written), recorded, "{written}");
            assert_eq!(names_for_record(recorded), recorded, "twice: {recorded}");
        }
        let read = read_one(
            "@book{k, title = {T}, author = {Lovelace*, Ada and others}, editor = {Hopper†, Grace and et al.}, note = {Lovelace*}}",
        );
        assert_eq!(
            record(&read.entries[0]),
            "@book{k,\n  title = {T},\n  author = {Lovelace, Ada and others},\n  editor = {Hopper, Grace and others},\n  note = {Lovelace*},\n}"
        );
    }

    #[test]
    fn the_record_keeps_the_bibliographic_fields_only() {
        let read = read_one(
            "@article{k, title = {T}, selected = {true}, abbr = {X}, url_Paper = {https://x.org}, \
             bibtex_show = {true}, pdf = {a.pdf}, doi = {10.1/x}, support = {D3M}, isbn = {1}}",
        );
        assert_eq!(
            record(&read.entries[0]),
            "@article{k,\n  title = {T},\n  doi = {10.1/x},\n  isbn = {1},\n}"
        );
    }
}
