//! One BibTeX entry as a publication of the schema: LaTeX resolved to text (math kept for the
//! site), names as people read them, links from the fields that hold them.

use crate::bibfile::{in_record, record, BibEntry};
use crate::display::{award_in_venue, site_fields};
use crate::kind::paper_type;
use crate::latex;
use crate::links::{image, is_link_field, links};
use biblatex::{Bibliography, ChunksExt, Person};
use papershelf_core::marks::{pseudo_author, split_marks};
use papershelf_core::publication::{Author, Publication};
use papershelf_core::MoreAuthors;

/// Fields read through the `biblatex` crate, for its LaTeX and name handling.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "author",
    "booktitle",
    "journal",
    "journaltitle",
    "school",
    "institution",
    "abstract",
    "keywords",
];

/// Where the paper appeared, best first.
const VENUE_FIELDS: &[&str] = &[
    "booktitle",
    "journal",
    "journaltitle",
    "school",
    "institution",
];

/// A publication made from an entry, with what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The publication.
    pub publication: Publication,
    /// Fields that could not be used, in words (the entry is still imported).
    pub warnings: Vec<String>,
    /// Fields (lower case) the import neither used nor kept in the record, in the entry's order.
    pub unused: Vec<String>,
}

/// Maps `entry`, or says why it cannot be shown (it has no usable title, or its LaTeX cannot be
/// read).
pub fn publication(entry: &BibEntry) -> Result<Imported, String> {
    let mut warnings = Vec::new();
    let resolved = resolve_text(entry, &mut warnings)?;
    let text = |name: &str| {
        resolved
            .get(name)
            .map(|chunks| latex::after(&chunks.format_verbatim()))
            .filter(|t| !t.is_empty())
    };
    let title = text("title").ok_or_else(|| {
        if entry.get("title").is_some() {
            "the title is blank".to_owned()
        } else {
            "there is no title".to_owned()
        }
    })?;
    let (authors, et_al) = match resolved.author() {
        Ok(people) => names(&people),
        Err(_) => (Vec::new(), MoreAuthors::None),
    };
    let year = match entry.get("year").or_else(|| entry.get("date")) {
        None => None,
        Some(value) => {
            let year = year_of(value);
            if year.is_none() {
                warnings.push(format!(
                    "the year \"{}\" is not a year; imported without one",
                    value.trim()
                ));
            }
            year
        }
    };
    let (links, link_warnings) = links(entry);
    warnings.extend(link_warnings);
    let image = match image(entry) {
        Some(Ok(path)) => Some(path),
        Some(Err(why)) => {
            warnings.push(format!("{why}; left out"));
            None
        }
        None => None,
    };
    let shown = site_fields(entry);
    let mut venue = VENUE_FIELDS.iter().find_map(|f| text(f));
    let mut award = shown.award;
    if let Some((rest, named)) = venue.as_deref().and_then(award_in_venue) {
        venue = Some(rest);
        award = award.or(Some(named));
    }
    let unused = entry
        .fields
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|&name| {
            let read = crate::links::READ.contains(&name)
                || crate::display::READ.contains(&name)
                || is_link_field(name)
                || (name == "options" && shown.used_options);
            !read && !in_record(name)
        })
        .map(str::to_owned)
        .collect();
    let publication = Publication {
        id: entry.key.clone(),
        title,
        paper_type: Some(paper_type(entry)),
        authors,
        et_al,
        year,
        venue,
        badge: shown.badge,
        award,
        featured: shown.featured,
        abstract_text: text("abstract"),
        topics: text("keywords").map(|k| topics(&k)).unwrap_or_default(),
        links,
        image,
        note: shown.note,
        marks: shown.marks,
        bibtex: Some(record(entry)),
    };
    Ok(Imported {
        publication,
        warnings,
        unused,
    })
}

/// The field a name not used is most likely a misspelling of (`abtstract`, `abstact` →
/// `abstract`): one the import reads or keeps, one edit away (a letter added, dropped, changed or
/// two swapped). Short names are left alone: too many fields are one edit from `ty` or `l3`.
pub fn likely_meant(name: &str) -> Option<&'static str> {
    if name.chars().count() < 5 {
        return None;
    }
    crate::bibfile::RECORD_FIELDS
        .iter()
        .chain(crate::links::READ)
        .chain(crate::display::READ)
        .copied()
        .find(|known| one_edit_apart(name, known))
}

/// Whether `a` becomes `b` by one letter added, dropped or changed, or two neighbours swapped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match (a.len(), b.len()) {
        (0, 0) => false,
        (m, n) if m == n + 1 => a[1..] == *b,
        (m, n) if n == m + 1 => b[1..] == *a,
        (m, n) if m == n => {
            a[1..] == b[1..] || (m >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        _ => false,
    }
}

/// The entry's text fields read by the crate, from source made safe for it by
/// [`latex::before`]. A field the crate cannot read costs only itself (a warning), unless it is
/// the title; a lone `$` is first tried as a dollar sign.
fn resolve_text(entry: &BibEntry, warnings: &mut Vec<String>) -> Result<biblatex::Entry, String> {
    let fields: Vec<(&str, String)> = entry
        .fields
        .iter()
        .filter(|(name, _)| TEXT_FIELDS.contains(&name.as_str()))
        .map(|(name, value)| {
            let value = match name.as_str() {
                "author" => lowercase_and(&latex::marks_as_symbols(value)),
                "keywords" => mark_keyword_breaks(value),
                _ => value.clone(),
            };
            (name.as_str(), latex::before(&value))
        })
        .collect();
    let parse = |fields: &[(&str, String)]| {
        let mut source = format!("@{}{{entry,\n", entry.kind);
        for (name, value) in fields {
            source.push_str(&format!("{name} = {{{value}}},\n"));
        }
        source.push('}');
        let bibliography = Bibliography::parse(&source).map_err(|e| e.kind.to_string())?;
        bibliography.into_iter().next().ok_or_else(String::new)
    };
    if let Ok(resolved) = parse(&fields) {
        return Ok(resolved);
    }
    let mut readable = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        let Err(why) = parse(&[(name, value.clone())]) else {
            readable.push((name, value));
            continue;
        };
        let dollars = latex::dollars_as_text(&value);
        if parse(&[(name, dollars.clone())]).is_ok() {
            warnings.push(format!(
                "the {name} field's $ signs do not pair up as math; shown as dollar signs"
            ));
            readable.push((name, dollars));
        } else if name == "title" {
            return Err(format!("the title's LaTeX cannot be read ({why})"));
        } else {
            warnings.push(format!(
                "the {name} field's LaTeX cannot be read ({why}); left out"
            ));
        }
    }
    parse(&readable).map_err(|why| format!("its LaTeX cannot be read ({why})"))
}

/// `AND` between names, which BibTeX also takes as the separator, in the crate's lower case
/// (outside braces: `{AND Corp.}` is a name).
fn lowercase_and(names: &str) -> String {
    let mut out = String::with_capacity(names.len());
    let mut depth = 0usize;
    let mut rest = names;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_whitespace() => {
                let word = &rest[c.len_utf8()..];
                let and = word.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("and"));
                if and && word[3..].starts_with(char::is_whitespace) {
                    out.push_str(" and");
                    rest = &word[3..];
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Names as people read them ("Given von Family Jr."), each with the marks written on it, and
/// the authors the list does not name: `and others`, `et al.` or BibBase's `authors, +11 more`
/// stand for authors, and are never one.
fn names(people: &[Person]) -> (Vec<Author>, MoreAuthors) {
    let mut more = MoreAuthors::None;
    let mut names = Vec::with_capacity(people.len());
    for person in people {
        let parts = [
            &person.given_name,
            &person.prefix,
            &person.name,
            &person.suffix,
        ];
        let name = latex::after(
            &parts
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some(unnamed) = pseudo_author(&name) {
            more = more.with(unnamed);
            continue;
        }
        let (name, marks) = split_marks(&name);
        if !name.is_empty() {
            names.push(Author { name, marks });
        }
    }
    if names.is_empty() {
        more = MoreAuthors::None;
    }
    (names, more)
}

/// The year in a `year` or `date` value: its first run of four digits ("2019", "2019-05-01",
/// "{2019}", "2019a"), when that is the whole of the year part.
fn year_of(value: &str) -> Option<i32> {
    let value = value.trim().trim_matches(['{', '}']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    let rest = &value[digits.len()..];
    // "2019a": a letter that tells two papers of one year apart.
    let suffix = rest.len() == 1 && rest.starts_with(|c: char| c.is_ascii_lowercase());
    (digits.len() == 4 && (rest.is_empty() || suffix || rest.starts_with(['-', '/'])))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Stands for a separator between keywords while the crate reads them, so that a comma inside
/// braces (`{c, d}`) stays part of its keyword (a character of Unicode's private use area, which
/// no .bib holds for itself).
const KEYWORD_BREAK: char = '\u{e000}';

/// The keywords' separators outside braces as [`KEYWORD_BREAK`]: commas and semicolons or, in a
/// list written one keyword a line (EndNote's and PubMed's), the line breaks.
fn mark_keyword_breaks(keywords: &str) -> String {
    let lines = keywords.lines().filter(|l| !l.trim().is_empty()).count();
    let separators: &[char] = if lines > 1 { &['\n'] } else { &[',', ';'] };
    let mut depth = 0usize;
    let mut escaped = false;
    keywords
        .chars()
        .map(|c| {
            let was_escaped = std::mem::take(&mut escaped);
            match c {
                '\\' if !was_escaped => escaped = true,
                '{' if !was_escaped => depth += 1,
                '}' if !was_escaped => depth = depth.saturating_sub(1),
                c if depth == 0 && separators.contains(&c) => return KEYWORD_BREAK,
                _ => {}
            }
            c
        })
        .collect()
}

/// Keywords without repeats (whatever their case); MEDLINE's `*`, which marks a major topic, is
/// not part of one.
fn topics(keywords: &str) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for topic in keywords.split(KEYWORD_BREAK) {
        let topic = topic.trim().trim_start_matches('*').trim();
        if !topic.is_empty() && !topics.iter().any(|t| t.eq_ignore_ascii_case(topic)) {
            topics.push(topic.to_owned());
        }
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibfile::{read, record};
    use papershelf_core::PaperType;

    fn import(text: &str) -> Vec<Result<Imported, String>> {
        let read = read(&[("refs.bib".into(), text.into())]);
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        read.entries.iter().map(publication).collect()
    }

    fn one(text: &str) -> Publication {
        let [Ok(imported)] = &import(text)[..] else {
            panic!("{:?}", import(text))
        };
        imported.publication.clone()
    }

    #[test]
    fn accents_in_every_form_braces_and_dashes() {
        let p = one(
            r#"@article{k, title = {{NASA} and G{\"o}del, {\'e}t{\'e}, \'{e}, \c{c}a, {\c c}, \ss{} and Stra\ss e, na\"{\i}ve, Erd\H{o}s, {\O}sterg{\aa}rd, \o{}l --- x -- y, 1--2}}"#,
        );
        assert_eq!(
            p.title,
            "NASA and Gödel, été, é, ça, ç, ß and Straße, naïve, Erdős, Østergård, øl — x – y, 1–2"
        );
    }

    #[test]
    fn math_is_kept_for_the_site_and_emphasis_is_kept_as_its_command() {
        let p = one(
            r#"@article{k, title = {An $O(\sqrt{T})$ Regret Bound for {\em Online} \textsc{Learning}}, abstract = {We show 50\% of $x_i$ ``works''.}}"#,
        );
        assert_eq!(
            p.title,
            r"An $O(\sqrt{T})$ Regret Bound for \emph{Online} Learning"
        );
        assert_eq!(
            p.abstract_text.as_deref(),
            Some("We show 50% of $x_i$ “works”.")
        );
    }

    #[test]
    fn names_in_every_form_and_others() {
        let p = one(
            r#"@article{k, title = {T}, author = {von Neumann, Jr., John and M{\"u}ller, J{\"o}rg and Ann Smith and de la Fontaine, Jean and D.~E. Knuth and {Barnes and Noble, Inc.} and others}}"#,
        );
        assert_eq!(
            p.authors,
            [
                "John von Neumann Jr.",
                "Jörg Müller",
                "Ann Smith",
                "Jean de la Fontaine",
                "D. E. Knuth",
                "Barnes and Noble, Inc."
            ]
        );
        assert!(
            p.et_al.any(),
            "`and others` is a visible et al., not an author"
        );
        assert!(!one("@misc{k, title = {T}, author = {Ann Smith}}")
            .et_al
            .any());
    }

    #[test]
    fn fields_of_the_schema() {
        let p = one(r#"@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017},
  keywords = {attention; transformers, Attention},
  url = {https://papers.nips.cc/paper/7181},
  pdf = {https://papers.nips.cc/paper/7181.pdf},
  doi = {https://doi.org/10.5555/3295222},
  eprint = {1706.03762}, archivePrefix = {arXiv},
  code = {https://github.com/tensorflow/tensor2tensor},
  openreview = {abc123},
}"#);
        assert_eq!(p.id, "vaswani2017attention");
        assert_eq!(p.year, Some(2017));
        assert_eq!(
            p.venue.as_deref(),
            Some("Advances in Neural Information Processing Systems")
        );
        assert_eq!(p.topics, ["attention", "transformers"]);
        let links: Vec<_> = p.links.0.iter().map(|(l, u)| format!("{l} {u}")).collect();
        assert_eq!(
            links,
            [
                "pdf https://papers.nips.cc/paper/7181.pdf",
                "page https://papers.nips.cc/paper/7181",
                "code https://github.com/tensorflow/tensor2tensor",
                "openreview https://openreview.net/forum?id=abc123",
                "doi https://doi.org/10.5555/3295222",
                "arxiv https://arxiv.org/abs/1706.03762",
            ]
        );
        assert!(p.bibtex.unwrap().starts_with(
            "@inproceedings{vaswani2017attention,\n  title = {Attention Is All You Need},"
        ));
    }

    #[test]
    fn missing_and_unusable_fields() {
        let results = import(
            "@misc{notitle, author = {A B}}\n@misc{blank, title = {{ }}}\n\
             @misc{odd, title = {T}, year = {in press}, url = {javascript:alert(1)}, journal = {J}}\n\
             @article{dated, title = {T}, date = {2019-05-01}}",
        );
        assert_eq!(results[0], Err("there is no title".to_owned()));
        assert_eq!(results[1], Err("the title is blank".to_owned()));
        let odd = results[2].as_ref().unwrap();
        assert_eq!(odd.publication.year, None);
        assert!(odd.publication.links.is_empty());
        assert_eq!(odd.publication.venue.as_deref(), Some("J"));
        assert_eq!(
            odd.warnings,
            [
                "the year \"in press\" is not a year; imported without one",
                "the url field is neither a web address nor a path within the site; left out"
            ]
        );
        assert_eq!(results[3].as_ref().unwrap().publication.year, Some(2019));
    }

    #[test]
    fn links_math_and_names_written_the_other_ways() {
        let p = one(
            r#"@misc{k, title = {Bounds in \(O(\log n)\) time for \$5}, year = {2019a},
  abstract = {See \href{https://x.org/a--b_c}{the \emph{page}} or \url{https://y.org/~u/a--b}.},
  author = {Ann Smith AND Bo Li and {AND Corp.} and et al.},
  url = {http://www.cs.toronto.edu/{\textasciitilde}hinton/x.pdf}}"#,
        );
        assert_eq!(p.title, r"Bounds in $O(\log n)$ time for \$5");
        assert_eq!(p.year, Some(2019));
        assert_eq!(
            p.abstract_text.as_deref(),
            Some(r"See [the \emph{page}](https://x.org/a--b_c) or https://y.org/~u/a--b.")
        );
        assert_eq!(p.authors, ["Ann Smith", "Bo Li", "AND Corp."]);
        assert!(p.et_al.any(), "a literal et al. is not an author");
        assert_eq!(p.links.0[0].1, "http://www.cs.toronto.edu/~hinton/x.pdf");
    }

    #[test]
    fn a_field_the_crate_cannot_read_costs_only_itself() {
        let [Ok(imported)] = &import(
            "@misc{k, title = {Good}, abstract = {We save US$5 per query.}, keywords = {a, {b}}}",
        )[..] else {
            panic!()
        };
        assert_eq!(
            imported.publication.abstract_text.as_deref(),
            Some("We save US$5 per query.")
        );
        assert_eq!(
            imported.warnings,
            ["the abstract field's $ signs do not pair up as math; shown as dollar signs"]
        );
        let results = import("@misc{k, title = {Broken $math}}");
        assert_eq!(
            results[0].as_ref().unwrap().publication.title,
            "Broken $math"
        );
    }

    fn authors(p: &Publication) -> Vec<String> {
        p.authors
            .iter()
            .map(|a| format!("{}{}", a.name, a.marks))
            .collect()
    }

    #[test]
    fn marks_come_off_every_part_of_a_name() {
        let p = one(
            r"@article{k, title = {T}, author = {Zhang*†, Kaiyan and Einstein*†, A. and Brekelmans*, R. and Ding†, Ning and Ann Lee and Li, Bo*}}",
        );
        let names: Vec<(&str, &str)> = p
            .authors
            .iter()
            .map(|a| (a.name.as_str(), a.marks.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Kaiyan Zhang", "*†"),
                ("A. Einstein", "*†"),
                ("R. Brekelmans", "*"),
                ("Ning Ding", "†"),
                ("Ann Lee", ""),
                ("Bo Li", "*"),
            ]
        );
    }

    #[test]
    fn marks_written_in_latex() {
        let p = one(
            r#"@article{k, title = {T}, author = {Zhang$^*$, Kaiyan and Wei Xu\textsuperscript{*,\dag} and Li$^{\dagger}$, Bo and Qi\dag, Ann and Ng\textsuperscript{\ddag}, Al and Lu $^\ast$, Yi and K{\"o}nig, J.}}"#,
        );
        assert_eq!(
            authors(&p),
            [
                "Kaiyan Zhang*",
                "Wei Xu*†",
                "Bo Li†",
                "Ann Qi†",
                "Al Ng‡",
                "Yi Lu*",
                "J. König"
            ]
        );
    }

    #[test]
    fn pseudo_authors_are_a_count_of_authors_not_named() {
        let p = one(
            "@article{k, title = {T}, author = {Zhang*, Kaiyan and Ding, Ning and authors, +11 more and Zhou, Bowen}}",
        );
        assert_eq!(authors(&p), ["Kaiyan Zhang*", "Ning Ding", "Bowen Zhou"]);
        assert_eq!(p.et_al, MoreAuthors::Count(11));
        let p = one("@article{k, title = {T}, author = {Ann Lee and others}}");
        assert_eq!(p.et_al, MoreAuthors::Unknown);
        let p = one("@article{k, title = {T}, author = {Ann Lee and et al.}}");
        assert_eq!(
            (authors(&p), p.et_al),
            (vec!["Ann Lee".to_owned()], MoreAuthors::Unknown)
        );
    }

    #[test]
    fn the_record_names_the_same_people_without_marks_or_pseudo_authors() {
        let marks = r#"@article{k, title = {T}, author = {Zhang$^*$, Kaiyan and Wei Xu\textsuperscript{*,\dag} and Li$^{\dagger}$, Bo and Qi\dag, Ann and Ng\textsuperscript{\ddag}, Al and Lu $^\ast$, Yi and K{\"o}nig, J. and Sam \# and †Ning Ding and authors, +2 more}}"#;
        let files = [
            include_str!("../tests/fixtures/awkward.bib"),
            include_str!("../tests/fixtures/alfolio.bib"),
            include_str!("../tests/fixtures/bibbase.bib"),
            include_str!("../../../tests/browser/fixtures/alfolio-lab/papers.bib"),
            marks,
        ];
        let mut marked = 0;
        for text in files {
            for entry in &read(&[("refs.bib".into(), text.into())]).entries {
                let Ok(first) = publication(entry) else {
                    continue;
                };
                let first = first.publication;
                let again = read(&[(String::new(), record(entry))]);
                let second = publication(&again.entries[0]).unwrap().publication;
                let names = |p: &Publication| -> Vec<String> {
                    p.authors.iter().map(|a| a.name.clone()).collect()
                };
                assert_eq!(names(&second), names(&first), "{}", entry.key);
                assert!(
                    second.authors.iter().all(|a| a.marks.is_empty()),
                    "{}",
                    entry.key
                );
                assert_eq!(second.et_al.any(), first.et_al.any(), "{}", entry.key);
                marked += first.authors.iter().filter(|a| !a.marks.is_empty()).count();
            }
        }
        assert!(marked >= 15, "{marked} marked authors");
    }

    #[test]
    fn keywords_keep_a_braced_comma_and_read_one_a_line_lists() {
        let p = one("@article{k, title = {T}, keywords = {a, b; {c, d}, {\\\"U}ber}}");
        assert_eq!(p.topics, ["a", "b", "c, d", "Über"]);
        let p = one("@article{k, title = {T}, keywords = {Animals\n*Nicotine/pharmacology\nRats, Sprague-Dawley\n}}");
        assert_eq!(
            p.topics,
            ["Animals", "Nicotine/pharmacology", "Rats, Sprague-Dawley"]
        );
    }

    #[test]
    fn a_misspelt_field_names_the_field_it_was_meant_to_be() {
        assert_eq!(likely_meant("abtstract"), Some("abstract"));
        assert_eq!(likely_meant("abstact"), Some("abstract"));
        assert_eq!(likely_meant("jounral"), Some("journal"));
        assert_eq!(likely_meant("booktitel"), Some("booktitle"));
        for unrelated in [
            "support",
            "copyright",
            "bibtex_show",
            "thread",
            "day",
            "ty",
            "abstract",
        ] {
            assert_eq!(likely_meant(unrelated), None, "{unrelated}");
        }
    }

    #[test]
    fn website_fields_and_an_award_in_the_venue() {
        let p = one(
            r"@inproceedings{k, title = {T}, booktitle = {Uncertainty in AI (UAI) (Best Paper Award)},
  abbr = {UAI}, selected = {true}, preview = {fig.png}, bibtex_show = {true}, support = {D3M},
  options = {other}, url_Paper = {https://x.org/p.pdf}}",
        );
        assert_eq!(p.venue.as_deref(), Some("Uncertainty in AI (UAI)"));
        assert_eq!(p.award.as_deref(), Some("Best Paper Award"));
        assert_eq!(p.badge.as_deref(), Some("UAI"));
        assert!(p.featured);
        assert_eq!(
            p.image.as_deref(),
            Some("assets/img/publication_preview/fig.png")
        );
        assert_eq!(p.paper_type, Some(PaperType::Conference));
        let [Ok(imported)] = &import(
            "@inproceedings{k, title = {T}, bibtex_show = {true}, support = {D3M}, options = {other}, selected = {false}}",
        )[..] else {
            panic!()
        };
        assert_eq!(imported.unused, ["bibtex_show", "support", "options"]);
    }
}
