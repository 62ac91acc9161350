//! The search box's semantics: whitespace separates terms, a "quoted phrase" is one term, and a
//! paper matches when every term occurs (folded: case- and accent-insensitive) as a substring of
//! its title, authors, abstract, topics or venue.

use crate::fold::{fold, Mapped, SearchText};
use crate::order::{high, low, pack};

/// At most this many distinct terms of a search count; later ones are ignored. Every term costs a
/// scan of the catalog, and a link's `?q=` can hold as many as anyone cares to write.
pub const MAX_TERMS: usize = 32;

/// What the search box says while a search has terms past [`MAX_TERMS`] (`Query::dropped`).
pub const TERMS_DROPPED: &str = "Only the first 32 words are searched.";

/// A parsed search: folded terms, all of which must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded, distinct, never blank; every one must match.
    pub terms: Vec<String>,
    /// Whether terms past [`MAX_TERMS`] were not searched for (never a repeat of a kept one),
    /// so that the search box says so. Not how many: a query that stays equal as words are typed
    /// past the limit leaves the notice as it is, where a count would rewrite it (and a live
    /// region read it out again) at every word.
    pub dropped: bool,
}

impl Query {
    /// The query a search box's text means: words and `"quoted phrases"`, folded.
    pub fn parse(input: &str) -> Query {
        let mut terms = Vec::new();
        let mut dropped = false;
        let mut rest = input;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let (term, after) = match rest.strip_prefix('"') {
                // An unclosed quote runs to the end of the input.
                Some(inner) => match inner.find('"') {
                    Some(close) => (&inner[..close], &inner[close + 1..]),
                    None => (inner, ""),
                },
                None => {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    (&rest[..end], &rest[end..])
                }
            };
            let folded = fold(term);
            // A term can fold to nothing: a lone accent, or a spacing one (`´`, a dead key
            // pressed alone), which folds to a space that would match and mark every space.
            // Looking through at most MAX_TERMS kept terms keeps this linear in the input.
            if !folded.is_empty() && !terms.contains(&folded) {
                if terms.len() < MAX_TERMS {
                    terms.push(folded);
                } else {
                    dropped = true;
                }
            }
            rest = after;
        }
        Query { terms, dropped }
    }

    /// Whether it has no terms, so that it matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every paper matching `self` also matches `earlier`: each earlier term is part of
    /// some term here. Typing more letters refines, so the next search scans only the last
    /// result instead of the whole catalog.
    pub fn refines(&self, earlier: &Query) -> bool {
        earlier
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }

    /// Byte ranges of `folded` where some term matches, merged and in order.
    fn ranges(&self, folded: &str) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for term in &self.terms {
            let mut from = 0;
            while let Some(at) = folded[from..].find(term.as_str()) {
                let start = from + at;
                ranges.push((start, start + term.len()));
                from = start + term.len();
            }
        }
        ranges
    }

    /// `text` cut into runs, each marked when it is part of a match of some term.
    pub fn highlight<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mapped = std::cell::OnceCell::new();
        self.highlight_folded(text, || mapped.get_or_init(|| Mapped::new(text)))
    }

    /// As [`Query::highlight`], with `text` folded by `folded` only when there is something to
    /// find: a card keeps each text folded once rather than folding it again on every key.
    pub fn highlight_folded<'t, 'm>(
        &self,
        text: &'t str,
        folded: impl FnOnce() -> &'m Mapped,
    ) -> Vec<(&'t str, bool)> {
        if self.terms.is_empty() || text.is_empty() {
            return vec![(text, false)];
        }
        let mapped = folded();
        let ranges = self
            .ranges(&mapped.folded)
            .into_iter()
            .map(|(s, e)| mapped.original_range(s, e))
            .collect();
        runs(text, ranges)
    }

    /// Where in `text` (as shown) a term first matches when it matches nowhere in the first
    /// `visible` bytes: a collapsed abstract shows the sentence of a match its preview hides. Of
    /// several such terms, the earliest match wins. Searches the stored folded form: nothing is
    /// folded again, as every card with an abstract asks on every key.
    pub fn hidden_match(&self, text: &SearchText, visible: usize) -> Option<usize> {
        let firsts: Vec<(usize, usize)> = self
            .terms
            .iter()
            .filter_map(|term| {
                let at = text.folded().find(term.as_str())?;
                Some((at, at + term.len()))
            })
            .collect();
        if firsts.is_empty() {
            return None;
        }
        let (_, shown) = text.shown_ranges(firsts);
        shown
            .into_iter()
            .map(|(start, _)| start)
            .filter(|&start| start >= visible)
            .min()
    }
}

fn runs(text: &str, ranges: Vec<(usize, usize)>) -> Vec<(&str, bool)> {
    let mut keys: Vec<u64> = ranges
        .into_iter()
        .map(|(start, end)| pack(start as u32, end as u32))
        .collect();
    keys.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in keys
        .into_iter()
        .map(|k| (high(k) as usize, low(k) as usize))
    {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for (start, end) in merged {
        if start > pos {
            out.push((&text[pos..start], false));
        }
        out.push((&text[start..end], true));
        pos = end;
    }
    if pos < text.len() || out.is_empty() {
        out.push((&text[pos..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<String> {
        Query::parse(q).terms
    }

    #[test]
    fn parses_terms_and_phrases() {
        assert_eq!(terms("  Deep   Learning "), ["deep", "learning"]);
        assert_eq!(
            terms(r#"graph "neural  network" GNN"#),
            ["graph", "neural network", "gnn"]
        );
        assert_eq!(terms(r#""unclosed phrase"#), ["unclosed phrase"]);
        assert_eq!(terms(r#""" x "  ""#), ["x"]);
        assert_eq!(terms("Schölkopf SCHOLKOPF"), ["scholkopf"]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn every_term_must_match_case_and_accent_insensitively() {
        // One paper, searched the way the site searches.
        let catalog = crate::Catalog::from_json(
            r#"[{"title": "Kernel methods", "authors": ["Bernhard Schölkopf"], "venue": "École normale"}]"#,
        )
        .unwrap();
        let matches = |q: &str| {
            !catalog
                .select(&crate::ViewState {
                    query: q.into(),
                    ..Default::default()
                })
                .shown
                .is_empty()
        };
        assert!(matches("scholkopf KERNEL"));
        assert!(matches("ecole \"normale\""));
        assert!(matches("Schölkopf"));
        assert!(!matches("kernel transformer"));
        assert!(!matches("\"methods kernel\""));
        assert!(matches(""));
    }

    #[test]
    fn highlights_matches_in_the_original_text() {
        let q = Query::parse("ecole net");
        let runs = q.highlight("An École of nets, networks");
        assert_eq!(
            runs,
            [
                ("An ", false),
                ("École", true),
                (" of ", false),
                ("net", true),
                ("s, ", false),
                ("net", true),
                ("works", false)
            ]
        );
        let whole: String = runs.iter().map(|(s, _)| *s).collect();
        assert_eq!(whole, "An École of nets, networks");
    }

    #[test]
    fn refining_queries_narrow() {
        let q = |s| Query::parse(s);
        assert!(q("vari").refines(&q("var")));
        assert!(q("variational inf").refines(&q("variational")));
        assert!(q("x").refines(&q("")));
        assert!(!q("var").refines(&q("vari")));
        assert!(!q("inference").refines(&q("variational")));
    }

    #[test]
    fn highlights_stored_text_as_written() {
        let q = Query::parse("muller deep");
        let shown = SearchText::new("Deep nets, Müller").shown();
        assert_eq!(
            q.highlight(&shown),
            [("Deep", true), (" nets, ", false), ("Müller", true)]
        );
        let shown = SearchText::new("A DEEP dive").shown();
        assert_eq!(q.highlight(&shown)[1], ("DEEP", true));
    }

    #[test]
    fn a_decomposed_accent_is_highlighted_with_its_letter() {
        // "café" spelled with a combining acute (U+0301) after the e, as macOS file names and
        // some scraped pages have it.
        let text = "Un cafe\u{301} noir";
        let runs = Query::parse("cafe").highlight(text);
        assert_eq!(
            runs,
            [("Un ", false), ("cafe\u{301}", true), (" noir", false)]
        );
        let shown = SearchText::new(text).shown();
        assert_eq!(
            Query::parse("caf\u{e9}").highlight(&shown)[1],
            ("cafe\u{301}", true)
        );
        let runs = Query::parse("cafe noir").highlight("cafe\u{301}");
        assert_eq!(runs, [("cafe\u{301}", true)], "a mark at the very end");
    }

    #[test]
    fn a_term_that_folds_to_whitespace_is_dropped() {
        // A spacing accent (a dead key pressed alone) decomposes to a space and a combining mark.
        assert!(Query::parse("\u{b4}").is_empty());
        assert!(Query::parse("\u{b4} \u{a8} \"\u{2dc}\"").is_empty());
        assert_eq!(terms("deep \u{b4}"), ["deep"]);
        assert_eq!(
            Query::parse("\u{b4} a").highlight("a b c"),
            [("a", true), (" b c", false)],
            "no space is marked"
        );
        let catalog = crate::Catalog::from_json(r#"[{"title": "x y"}, {"title": "z"}]"#).unwrap();
        let shown = |q: &str| {
            catalog
                .select(&crate::ViewState {
                    query: q.into(),
                    ..Default::default()
                })
                .shown
                .len()
        };
        assert_eq!(shown("\u{b4} z"), 1, "only the other term counts");
    }

    #[test]
    fn a_crafted_query_keeps_a_bounded_number_of_terms() {
        let many: Vec<String> = (0..20_000).map(|i| format!("t{i}")).collect();
        let q = Query::parse(&many.join(" "));
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert_eq!(q.terms, many[..MAX_TERMS], "the first terms are kept");
        assert!(q.dropped, "and the others noted");
        // Repeats count once and do not use up the allowance.
        let repeated = format!("{} last", "same Same SAME ".repeat(100_000));
        assert_eq!(terms(&repeated), ["same", "last"]);
    }

    #[test]
    fn the_notice_names_the_limit() {
        assert!(TERMS_DROPPED.contains(&format!(" {MAX_TERMS} ")));
    }

    #[test]
    fn terms_past_the_limit_are_noted_and_more_of_them_change_nothing() {
        let words: Vec<String> = (0..MAX_TERMS).map(|i| format!("w{i}")).collect();
        let full = words.join(" ");
        assert!(!Query::parse(&full).dropped);
        // A repeat of a searched term drops nothing; another term is dropped.
        assert!(!Query::parse(&format!("{full} w0 W0")).dropped);
        let over = Query::parse(&format!("{full} w0 W0 extra"));
        assert!(over.dropped);
        // More words past the limit leave the query as it was: the notice is not written again.
        assert_eq!(Query::parse(&format!("{full} extra \"more\" EXTRA")), over);
    }

    #[test]
    fn overlapping_matches_merge() {
        let runs = Query::parse("abc bcd").highlight("xabcdx");
        assert_eq!(runs, [("x", false), ("abcd", true), ("x", false)]);
        assert_eq!(Query::parse("zzz").highlight("abc"), [("abc", false)]);
    }

    #[test]
    fn text_folded_once_serves_every_query_and_is_not_folded_for_none() {
        let text = "Été, ete and ÉTÉ";
        let folded = Mapped::new(text);
        for q in ["ete", "été et", "and"] {
            let q = Query::parse(q);
            assert_eq!(
                q.highlight_folded(text, || &folded),
                q.highlight(text),
                "{q:?}"
            );
        }
        let none = Query::parse("  ");
        let runs = none.highlight_folded(text, || panic!("no term: nothing to fold for"));
        assert_eq!(runs, [(text, false)]);
    }

    #[test]
    fn a_match_the_preview_hides() {
        let text = &SearchText::new("Gradient methods. We use GRADIENT descent on a needle.");
        let q = |s| Query::parse(s);
        assert_eq!(
            q("gradient").hidden_match(text, 17),
            None,
            "seen in the preview"
        );
        assert_eq!(q("descent").hidden_match(text, 17), Some(34));
        assert_eq!(
            q("needle gradient descent").hidden_match(text, 17),
            Some(34)
        );
        assert_eq!(q("descent").hidden_match(text, 40), None, "now in view");
        assert_eq!(q("absent").hidden_match(text, 0), None);
        assert_eq!(q("").hidden_match(text, 0), None);
        assert_eq!(
            q("élan").hidden_match(&SearchText::new("Un Elan vital"), 2),
            Some(3)
        );
        assert_eq!(
            q("vital").hidden_match(&SearchText::new("Un élan vital"), 2),
            Some(9)
        );
    }
}
