//! The kind of publication an entry is: its entry type, refined by where it appeared (an arXiv
//! "journal" is a preprint, a workshop's proceedings a workshop paper) and, for a generic type,
//! by a `type` field that names a kind.

use crate::bibfile::BibEntry;
use papershelf_core::PaperType;

/// Words of a venue that mean a preprint server rather than a journal.
const PREPRINT_SERVERS: &[&str] = &["arxiv", "corr", "biorxiv", "medrxiv", "ssrn", "preprint"];

/// The entry's type. Every entry gets one: what is not recognised is `other`.
pub fn paper_type(entry: &BibEntry) -> PaperType {
    let field = |name: &str| entry.get(name).unwrap_or("").to_lowercase();
    let preprint_venue = |text: &str| words(text).any(|w| PREPRINT_SERVERS.contains(&w));
    let arxiv = arxiv_paper(entry);
    match entry.kind.as_str() {
        "article" => {
            let journal = field("journal") + " " + &field("journaltitle");
            if preprint_venue(&journal) || (journal.trim().is_empty() && arxiv) {
                PaperType::Preprint
            } else if words(&journal).any(|w| w.starts_with("workshop")) {
                PaperType::Workshop
            } else if words(&journal).any(|w| matches!(w, "conference" | "symposium")) {
                // Sites that list every paper as `@article` put the conference in `journal`
                // ("Proceedings of the National Academy…" is a journal, so that word is not
                // taken).
                PaperType::Conference
            } else {
                PaperType::Article
            }
        }
        "inproceedings" | "conference" => {
            if words(&field("booktitle")).any(|w| w.starts_with("workshop")) {
                PaperType::Workshop
            } else {
                PaperType::Conference
            }
        }
        "book" | "mvbook" | "proceedings" | "mvproceedings" | "collection" | "mvcollection" => {
            PaperType::Book
        }
        "incollection" | "inbook" | "bookinbook" | "suppbook" | "suppcollection" => {
            PaperType::Chapter
        }
        "phdthesis" | "mastersthesis" | "thesis" => PaperType::Thesis,
        "techreport" | "report" => PaperType::Report,
        _ => {
            let said = field("howpublished") + " " + &field("note") + " " + &field("type");
            let named = field_type(&field("type"));
            let venue = [
                field("journal"),
                field("publisher"),
                field("howpublished"),
                field("note"),
            ];
            if arxiv || preprint_venue(&venue.join(" ")) {
                PaperType::Preprint
            } else if let Some(kind) = named {
                kind
            } else if words(&said).any(|w| matches!(w, "talk" | "keynote" | "presentation")) {
                PaperType::Talk
            } else if words(&said).any(|w| w == "poster") {
                PaperType::Poster
            } else {
                PaperType::Other
            }
        }
    }
}

/// A kind a `type` field names (`Journal Article`, `Conference Paper`, `preprint`); `None` for
/// anything else, which is often not a kind at all (a DOI pasted there).
fn field_type(value: &str) -> Option<PaperType> {
    let value = value.trim();
    PaperType::from_key(value).or(match value {
        "journal article" | "journal paper" => Some(PaperType::Article),
        "conference paper" | "conference proceedings" | "proceedings paper" => {
            Some(PaperType::Conference)
        }
        "workshop paper" => Some(PaperType::Workshop),
        "book chapter" => Some(PaperType::Chapter),
        "technical report" | "tech report" => Some(PaperType::Report),
        "phd thesis" | "master's thesis" | "masters thesis" | "dissertation" => {
            Some(PaperType::Thesis)
        }
        "presentation" | "invited talk" => Some(PaperType::Talk),
        _ => None,
    })
}

/// Whether the entry is an arXiv paper: an arXiv eprint, an `arxiv` field, or an address there.
fn arxiv_paper(entry: &BibEntry) -> bool {
    let archive = entry
        .get("archiveprefix")
        .or_else(|| entry.get("eprinttype"))
        .unwrap_or("");
    let on_arxiv = |name: &str, value: &str| {
        (name == "url" || name.starts_with("url_")) && value.contains("arxiv.org/")
    };
    (entry.get("eprint").is_some() && archive.to_lowercase().contains("arxiv"))
        || entry
            .get("arxiv")
            .or_else(|| entry.get("arxivid"))
            .is_some()
        || entry.fields.iter().any(|(n, v)| on_arxiv(n, v))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibfile::read;

    fn kind(text: &str) -> PaperType {
        let read = read(&[("refs.bib".into(), text.into())]);
        paper_type(&read.entries[0])
    }

    #[test]
    fn every_entry_type_has_a_kind() {
        use PaperType::*;
        for (bib, expected) in [
            ("@article{k, title={T}, journal={Nature}}", Article),
            (
                "@article{k, title={T}, journal={arXiv preprint arXiv:2101.00001}}",
                Preprint,
            ),
            (
                "@article{k, title={T}, journal={CoRR}, volume={abs/1}}",
                Preprint,
            ),
            ("@article{k, title={T}, journal={bioRxiv}}", Preprint),
            ("@article{k, title={T}, journal={Preprint}}", Preprint),
            (
                "@article{k, title={T}, journal={Journal of Correlation Studies}}",
                Article,
            ),
            (
                "@article{k, title={T}, eprint={2101.1}, archivePrefix={arXiv}}",
                Preprint,
            ),
            ("@inproceedings{k, title={T}, booktitle={ICML}}", Conference),
            (
                "@conference{k, title={T}, booktitle={CVPR Workshop on Driving}}",
                Workshop,
            ),
            ("@book{k, title={T}}", Book),
            ("@inbook{k, title={T}}", Chapter),
            ("@incollection{k, title={T}}", Chapter),
            ("@mastersthesis{k, title={T}}", Thesis),
            ("@techreport{k, title={T}}", Report),
            (
                "@unpublished{k, title={T}, eprint={1}, archiveprefix={arXiv}}",
                Preprint,
            ),
            (
                "@misc{k, title={T}, url={https://arxiv.org/abs/2101.1}}",
                Preprint,
            ),
            (
                "@misc{k, title={T}, howpublished={Invited talk at MIT}}",
                Talk,
            ),
            ("@misc{k, title={T}, note={Poster at NeurIPS}}", Poster),
            ("@misc{k, title={T}, type={Journal Article}}", Article),
            ("@misc{k, title={T}, type={10.1155/2019/1}}", Other),
            ("@online{k, title={T}}", Other),
            ("@patent{k, title={T}}", Other),
        ] {
            assert_eq!(kind(bib), expected, "{bib}");
        }
    }
}
