//! What a lab's website keeps beside the bibliography (al-folio's `selected`, `abbr`, `award`,
//! `annotation`; BibBase's `bibbase_note`; awards in `note` or in the venue), as the schema's `featured`,
//! `badge`, `award`, `note` and `marks`. Values are kept as the lab wrote them: the site shows
//! them as text (links, emphasis and math at most), never as markup. Markdown emphasis in the
//! Markdown fields becomes the LaTeX the site renders in a note, and is dropped where the site
//! shows plain text (the award, the marks' meanings).

use crate::bibfile::BibEntry;
use crate::links::verbatim;
use crate::markdown;
use papershelf_core::marks::MARKS;
use papershelf_core::publication::Links;

/// Every field this module reads.
pub const READ: &[&str] = &[
    "selected",
    "abbr",
    "award",
    "award_name",
    "annotation",
    "additional_info",
    "bibbase_note",
];

/// What the fields give: the publication's fields of the same names.
#[derive(Debug, Default, PartialEq)]
pub struct SiteFields {
    pub featured: bool,
    pub badge: Option<String>,
    pub award: Option<String>,
    pub note: Option<String>,
    pub marks: Links,
    /// Whether `options` was read (it asked for the award medal).
    pub used_options: bool,
}

/// The website's fields of `entry`.
pub fn site_fields(entry: &BibEntry) -> SiteFields {
    let plain = |name: &str| entry.get(name).map(verbatim).filter(|v| !v.is_empty());
    let written = |name: &str| entry.get(name).map(as_written).filter(|v| !v.is_empty());
    let featured = plain("selected")
        .is_some_and(|v| matches!(v.to_lowercase().as_str(), "true" | "yes" | "1"));
    // al-folio: `award_name` is the badge's short text, `award` the longer one it opens to.
    let short = plain("award_name");
    let long = written("award");
    let medal = plain("options").is_some_and(|o| o.to_lowercase().contains("showmedalicon"));
    // BASH Lab's lists: the award is the note, shown with a medal.
    let noted = plain("note").filter(|n| medal || (n.len() <= 80 && names_award(n)));
    // The award is shown as plain text: without its Markdown emphasis.
    let award = short
        .clone()
        .or(long.as_deref().map(markdown::plain))
        .or(noted);
    let mut note = Vec::new();
    let mut marks = Links::default();
    if let Some(annotation) = written("annotation") {
        match legend(&annotation) {
            Some(legend) => marks = legend,
            None => note.push(annotation),
        }
    }
    note.extend(written("additional_info"));
    // BibBase shows it under the entry.
    note.extend(written("bibbase_note"));
    if short.is_some() {
        note.extend(long.filter(|l| Some(l) != short.as_ref()));
    }
    // The site shows each line of the note on its own: emphasis pairs within a line.
    let note: Vec<String> = note
        .iter()
        .map(|n| {
            n.lines()
                .map(markdown::to_latex)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    SiteFields {
        featured,
        badge: plain("abbr"),
        award,
        note: (!note.is_empty()).then(|| note.join("\n")),
        marks,
        used_options: medal,
    }
}

/// A venue with an award written at its end (`ICML (Best Paper Award)`, `NeurIPS (Oral)`): the
/// venue without it, and the award.
pub fn award_in_venue(venue: &str) -> Option<(String, String)> {
    let inner = venue.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let award = inner[open + 1..].trim();
    let rest = inner[..open]
        .trim_end()
        .trim_end_matches([',', '-', '–'])
        .trim_end();
    (names_award(award) && !rest.is_empty()).then(|| (rest.to_owned(), award.to_owned()))
}

/// Whether a short text names a distinction.
fn names_award(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "award",
        "best paper",
        "best student paper",
        "honorable mention",
        "honourable mention",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || matches!(
            lower.trim(),
            "oral" | "spotlight" | "oral presentation" | "spotlight presentation"
        )
}

/// A value as the lab wrote it, one line: HTML's `<br>` becomes a line break and nothing else is
/// read, so other tags stay text.
fn as_written(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    let mut rest = one_line.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let close = tag.find('>').map(|c| c + 1).unwrap_or(0);
        let name = tag[..close]
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/')
            .trim();
        if close > 0 && name.eq_ignore_ascii_case("br") {
            out = out.trim_end().to_owned();
            out.push('\n');
            rest = tag[close..].trim_start();
        } else {
            out.push('<');
            rest = &tag[1..];
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// An annotation that only says what the author marks mean (`* Equal contribution<br>†
/// Corresponding author`): the paper's legend.
fn legend(annotation: &str) -> Option<Links> {
    let mut legend = Vec::new();
    for line in annotation.lines() {
        let mut chars = line.trim().chars();
        let mark = chars.next().filter(|c| MARKS.contains(c))?;
        // The legend is shown as plain text: without Markdown emphasis.
        let meaning = markdown::plain(
            chars
                .as_str()
                .trim()
                .trim_start_matches([':', '=', '-'])
                .trim(),
        );
        if meaning.is_empty() || meaning.contains(MARKS) {
            return None;
        }
        legend.push((mark.to_string(), meaning));
    }
    (!legend.is_empty()).then_some(Links(legend))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibfile::read;

    fn of(text: &str) -> SiteFields {
        let read = read(&[("refs.bib".into(), text.into())]);
        site_fields(&read.entries[0])
    }

    #[test]
    fn alfolio_fields() {
        let d = of(r#"@article{k, title = {T}, selected = {Yes}, abbr = {ICML},
  award_name = {Best Paper}, award = {Best Paper at **ICML** 2024},
  annotation = {Joint work <b>with</b> X.<br/>Second line}, additional_info = {. *More* info}}"#);
        assert!(d.featured);
        assert_eq!(d.badge.as_deref(), Some("ICML"));
        assert_eq!(d.award.as_deref(), Some("Best Paper"));
        assert_eq!(
            d.note.as_deref(),
            Some("Joint work <b>with</b> X.\nSecond line\n. \\emph{More} info\nBest Paper at \\textbf{ICML} 2024"),
            "Markdown emphasis is the site's"
        );
        let d = of("@article{k, title = {T}, selected = {false}, award = {Oral}}");
        assert!(!d.featured);
        assert_eq!(d.award.as_deref(), Some("Oral"));
        assert_eq!(d.note, None, "the award alone is not repeated as a note");
    }

    #[test]
    fn markdown_emphasis_is_the_sites_in_a_note_and_plain_in_the_award() {
        let d = of(
            r#"@article{k, title = {T}, award = {**Best Paper** at *ICML*},
  additional_info = {Winner of the *best thesis* prize.<br>A* search, * Equal contribution and {braces}},
  bibbase_note = {_Invited_ talk: *one line<br>not two*}}"#,
        );
        assert_eq!(d.award.as_deref(), Some("Best Paper at ICML"));
        assert_eq!(
            d.note.as_deref(),
            Some(concat!(
                "Winner of the \\emph{best thesis} prize.\n",
                "A* search, * Equal contribution and {braces}\n",
                "\\emph{Invited} talk: *one line\n",
                "not two*"
            )),
            "the site shows each line on its own: emphasis does not pair across them"
        );
        let d = of("@article{k, title = {T}, annotation = {* *Equal* contribution<br>† Corresponding author}}");
        assert_eq!(
            d.marks.0[0],
            ("*".to_owned(), "Equal contribution".to_owned())
        );
    }

    #[test]
    fn an_annotation_that_explains_the_marks_is_the_legend() {
        let d = of("@article{k, title = {T}, annotation = {* Equal contribution<br>† Corresponding author}}");
        assert_eq!(
            d.marks.0,
            [
                ("*".to_owned(), "Equal contribution".to_owned()),
                ("†".to_owned(), "Corresponding author".to_owned())
            ]
        );
        assert_eq!(d.note, None);
    }

    #[test]
    fn awards_in_a_note_with_a_medal_or_in_the_venue() {
        let d = of("@inproceedings{k, title = {T}, note = { { {Best Presentation Judge's Award}}}, options = {showmedalicon}}");
        assert_eq!(d.award.as_deref(), Some("Best Presentation Judge's Award"));
        assert!(d.used_options);
        let d = of("@inproceedings{k, title = {T}, note = {To appear}}");
        assert_eq!(d.award, None);
        assert_eq!(
            award_in_venue("Uncertainty in AI (UAI) (Best Paper Award)"),
            Some(("Uncertainty in AI (UAI)".into(), "Best Paper Award".into()))
        );
        assert_eq!(
            award_in_venue("NeurIPS, (Oral)"),
            Some(("NeurIPS".into(), "Oral".into()))
        );
        assert_eq!(award_in_venue("Uncertainty in AI (UAI)"), None);
    }
}
