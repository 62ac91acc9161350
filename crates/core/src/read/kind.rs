//! What kind of publication a paper is: a small fixed vocabulary, so that the type facet has a
//! few clear values rather than one per spelling, and Cite and Export can name the entry type.

/// The kind of a publication, as `type` in the data names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperType {
    /// A journal article.
    Article,
    /// A paper in a conference's proceedings.
    Conference,
    /// A paper at a workshop.
    Workshop,
    /// A preprint (arXiv and the like), not yet published elsewhere.
    Preprint,
    /// A whole book.
    Book,
    /// A chapter or section of a book.
    Chapter,
    /// A PhD, master's or bachelor's thesis.
    Thesis,
    /// A technical report.
    Report,
    /// A talk or presentation.
    Talk,
    /// A poster.
    Poster,
    /// Anything else: a patent, software, a dataset.
    Other,
}

impl PaperType {
    /// Every type, in the order the facet lists them.
    pub const ALL: [PaperType; 11] = [
        PaperType::Article,
        PaperType::Conference,
        PaperType::Workshop,
        PaperType::Preprint,
        PaperType::Book,
        PaperType::Chapter,
        PaperType::Thesis,
        PaperType::Report,
        PaperType::Talk,
        PaperType::Poster,
        PaperType::Other,
    ];

    /// Its value in the data and in the URL (`type=conference`).
    pub fn key(self) -> &'static str {
        match self {
            PaperType::Article => "article",
            PaperType::Conference => "conference",
            PaperType::Workshop => "workshop",
            PaperType::Preprint => "preprint",
            PaperType::Book => "book",
            PaperType::Chapter => "chapter",
            PaperType::Thesis => "thesis",
            PaperType::Report => "report",
            PaperType::Talk => "talk",
            PaperType::Poster => "poster",
            PaperType::Other => "other",
        }
    }

    /// Its name on the page: the facet and the card's label.
    pub fn label(self) -> &'static str {
        match self {
            PaperType::Article => "Journal article",
            PaperType::Conference => "Conference paper",
            PaperType::Workshop => "Workshop paper",
            PaperType::Preprint => "Preprint",
            PaperType::Book => "Book",
            PaperType::Chapter => "Book chapter",
            PaperType::Thesis => "Thesis",
            PaperType::Report => "Report",
            PaperType::Talk => "Talk",
            PaperType::Poster => "Poster",
            PaperType::Other => "Other",
        }
    }

    /// The type a data or URL value names: its key, or its label, in any case and spacing
    /// (`Conference paper`, ` ARTICLE `), so that a hand-typed URL selects what the facet does.
    pub fn from_key(value: &str) -> Option<PaperType> {
        let value = value.trim();
        PaperType::ALL
            .into_iter()
            .find(|t| t.key().eq_ignore_ascii_case(value) || t.label().eq_ignore_ascii_case(value))
    }

    /// The type the data's `type` names: exactly its key, as the JSON Schema lists them (a
    /// misspelt type is reported rather than guessed).
    pub fn from_data(value: &str) -> Option<PaperType> {
        PaperType::ALL.into_iter().find(|t| t.key() == value)
    }

    /// The BibTeX entry type a made record gets.
    pub fn bibtex_type(self) -> &'static str {
        match self {
            PaperType::Article => "article",
            PaperType::Conference | PaperType::Workshop => "inproceedings",
            PaperType::Book => "book",
            PaperType::Chapter => "incollection",
            PaperType::Thesis => "phdthesis",
            PaperType::Report => "techreport",
            // Not `unpublished`, whose styles print `note` and drop `howpublished` (the server).
            PaperType::Preprint | PaperType::Talk | PaperType::Poster | PaperType::Other => "misc",
        }
    }

    /// The BibTeX field that names where a paper of this type appeared (its `venue`).
    pub fn venue_field(self) -> &'static str {
        match self {
            PaperType::Article => "journal",
            PaperType::Conference | PaperType::Workshop | PaperType::Chapter => "booktitle",
            PaperType::Thesis => "school",
            PaperType::Report => "institution",
            PaperType::Book => "publisher",
            PaperType::Preprint | PaperType::Talk | PaperType::Poster | PaperType::Other => {
                "howpublished"
            }
        }
    }

    /// Whether the venue is the work's publisher (a thesis's school, a report's institution, a
    /// book's publisher) rather than the container it appeared in.
    pub fn venue_is_publisher(self) -> bool {
        matches!(
            self,
            PaperType::Thesis | PaperType::Report | PaperType::Book
        )
    }

    /// The CSL-JSON `type` an export gets (CSL 1.0.2's vocabulary, which Zotero reads).
    pub fn csl_type(self) -> &'static str {
        match self {
            PaperType::Article => "article-journal",
            PaperType::Conference | PaperType::Workshop => "paper-conference",
            PaperType::Preprint => "article",
            PaperType::Book => "book",
            PaperType::Chapter => "chapter",
            PaperType::Thesis => "thesis",
            PaperType::Report => "report",
            PaperType::Talk => "speech",
            PaperType::Poster => "speech",
            PaperType::Other => "document",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_labels_name_one_type_each() {
        for t in PaperType::ALL {
            assert_eq!(PaperType::from_key(t.key()), Some(t));
            assert_eq!(PaperType::from_key(&t.label().to_uppercase()), Some(t));
        }
        assert_eq!(
            PaperType::from_key(" Conference "),
            Some(PaperType::Conference)
        );
        assert_eq!(PaperType::from_key("inproceedings"), None);
    }
}
