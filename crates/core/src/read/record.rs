//! A paper's entry read again from the file, for what the catalog does not keep (its BibTeX).
//!
//! The catalog keeps each entry's byte span instead of its BibTeX. The site fetches the file
//! again when Cite or Export needs it (the browser's cache has it), and the entry is read where
//! the span says, by the same serde types as the first time. The file may have changed on the
//! server since: an entry is only taken when its title is still the paper's.

use crate::fold::collapse_whitespace;
use crate::paper::Paper;
pub use crate::paper::Span;
use crate::parse::{Field, RawPaper};
use std::borrow::Cow;

/// Where entries are read back from: the file's bytes, or (in the browser) the file kept outside
/// wasm memory, which never shrinks, so that only the entries needed are copied in.
pub trait Entries {
    /// The bytes at `span`, when the file reaches that far.
    fn bytes(&self, span: Span) -> Option<Cow<'_, [u8]>>;
}

impl Entries for [u8] {
    fn bytes(&self, span: Span) -> Option<Cow<'_, [u8]>> {
        self.get(span.range()).map(Cow::Borrowed)
    }
}

/// The publication whose text is at `span` in `file`; `None` when the span is not within the
/// file or its bytes are not one object readable as a publication (the file changed).
pub fn entry_at<F: Entries + ?Sized>(file: &F, span: Span) -> Option<RawPaper> {
    let bytes = file.bytes(span)?;
    let text = std::str::from_utf8(&bytes).ok()?;
    if !text.starts_with('{') {
        return None;
    }
    crate::parse::read(text).ok()
}

/// The paper's own BibTeX record, trimmed, read from `file`: `None` when the paper has none, was
/// not read from a file, or the entry at its span is not the paper's any more (its title differs:
/// the file changed since the catalog was built).
pub fn own_bibtex<F: Entries + ?Sized>(file: &F, paper: &Paper) -> Option<String> {
    let raw = entry_at(file, paper.span?)?;
    let Some(Field::Ok(title)) = raw.title else {
        return None;
    };
    if collapse_whitespace(&title) != paper.title.shown() {
        return None;
    }
    match raw.bibtex {
        Some(Field::Ok(bibtex)) if !bibtex.trim().is_empty() => Some(bibtex.trim().to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    const FILE: &str = "\u{feff}{\"title\": \"Lab\", \"publications\": [\n  \
        {\"title\": \"Deep  Nets\\n\", \"bibtex\": \"\\n@misc{nets,\\n  title = {Deep Nets}\\n}\\n\"},\n  \
        {\"title\": \"No Record\", \"bibtex\": \"  \"},\n  \
        {\"title\": \"Wrong Type\", \"bibtex\": 3},\n  \
        {\"title\": \"Ünïcödé\", \"bibtex\": \"@misc{u, note = {é}}\"}\n]}";

    #[test]
    fn spans_cut_each_entry_out_of_the_file() {
        let catalog = Catalog::from_json(FILE).unwrap();
        let titles: Vec<_> = catalog
            .papers
            .iter()
            .map(|p| {
                let raw = entry_at(FILE.as_bytes(), p.span.unwrap()).unwrap();
                let text = &FILE[p.span.unwrap().range()];
                assert!(
                    text.starts_with("{\"title\"") && text.ends_with('}'),
                    "{text}"
                );
                raw.title
            })
            .collect();
        assert_eq!(
            titles,
            ["Deep  Nets\n", "No Record", "Wrong Type", "Ünïcödé"]
                .map(|t| Some(Field::Ok(t.into())))
        );
    }

    #[test]
    fn reads_the_papers_own_bibtex_back() {
        let catalog = Catalog::from_json(FILE).unwrap();
        let file = FILE.as_bytes();
        let own: Vec<_> = catalog.papers.iter().map(|p| own_bibtex(file, p)).collect();
        assert_eq!(
            own,
            [
                Some("@misc{nets,\n  title = {Deep Nets}\n}".to_owned()),
                None,
                None,
                Some("@misc{u, note = {é}}".to_owned()),
            ]
        );
    }

    #[test]
    fn a_file_changed_since_loading_gives_no_record() {
        let catalog = Catalog::from_json(FILE).unwrap();
        let nets = &catalog.papers[0];
        // The same entry with another title; an edit earlier in the file that shifts it.
        let retitled = FILE.replace("Deep  Nets\\n", "Deep  Nots\\n");
        assert_eq!(own_bibtex(retitled.as_bytes(), nets), None);
        let shifted = FILE.replace("\"Lab\"", "\"Lab!\"");
        assert_eq!(own_bibtex(shifted.as_bytes(), nets), None);
        // Cut short, or a span in the middle of a character.
        assert_eq!(own_bibtex(&FILE.as_bytes()[..100], nets), None);
        let unicode = &catalog.papers[3];
        let inside = Span {
            start: unicode.span.unwrap().start + 12,
            ..unicode.span.unwrap()
        };
        assert_eq!(entry_at(FILE.as_bytes(), inside), None);
        // Only the whitespace may differ: the title is compared as the page shows it.
        let respaced = FILE.replace("Deep  Nets\\n", "Deep\\tNets  ");
        assert!(own_bibtex(respaced.as_bytes(), nets).is_some());
    }

    #[test]
    fn a_document_read_beforehand_has_no_spans() {
        let doc = crate::stream::read_document(FILE).unwrap();
        let catalog = Catalog::from_document(doc);
        assert!(catalog.papers.iter().all(|p| p.span.is_none()));
        assert_eq!(own_bibtex(FILE.as_bytes(), &catalog.papers[0]), None);
    }

    #[test]
    fn spans_beyond_four_gib_are_not_kept() {
        let max = u64::from(u32::MAX);
        assert_eq!(Span::new(5..5), None);
        assert_eq!(Span::new(max..max + 1), None);
        assert_eq!(Span::new(0..max + 1), None);
        let last = Span::new(max - 2..max).unwrap();
        assert_eq!((last.start, last.len.get()), (u32::MAX - 2, 2));
        assert_eq!(Span::new(3..10).unwrap().range(), 3..10);
    }
}
