//! Element ids for the page. A paper's id comes from the data and may hold anything (spaces,
//! `x-title` beside `x`, `search`); used as an element id it could break `aria-labelledby` or take
//! the id of the page's own search box. So the data's id stays for `#id` links, and elements get
//! ids derived from it that are whitespace-free, unique, and apart from the page's own ids.
//!
//! Each part of a card has its own prefix followed by the paper id escaped injectively, so two
//! papers, or two parts of one paper, never share an element id.

/// The page's own element ids. None of them starts with a [`Part`]'s prefix.
/// The search box.
pub const SEARCH: &str = "search";
/// The result count, where focus goes when the control that had it is gone.
pub const COUNT: &str = "result-count";
/// The facets' panel, which the Filters toggle controls on narrow screens.
pub const FACET_GROUPS: &str = "facet-groups";

/// A facet's heading, by the facet's name (`author`, `topic`, `year`).
pub fn facet_heading(name: &str) -> String {
    format!("facet-{name}")
}

/// The parts of a paper's card that other elements refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The card (`<article>`), the target of a `#id` link.
    Card,
    /// The card's heading, which names the card.
    Title,
    /// The collapsible abstract, which its toggle controls.
    Abstract,
    /// The heading of the paper's Cite dialog, which names the dialog.
    Cite,
    /// The card's Cite button, part of its own name.
    CiteButton,
    /// The card's Copy link button, part of its own name.
    CopyLink,
}

impl Part {
    fn prefix(self) -> &'static str {
        match self {
            Part::Card => "paper-",
            Part::Title => "title-",
            Part::Abstract => "abstract-",
            Part::Cite => "cite-",
            Part::CiteButton => "citebutton-",
            Part::CopyLink => "copylink-",
        }
    }
}

/// The element id of one part of the card of the paper with data id `paper_id`. ASCII letters,
/// digits and `-` are kept; every other byte becomes `_` and two hex digits, so the escape is
/// one-to-one and ids stay plain in CSS selectors.
pub fn paper_part(part: Part, paper_id: &str) -> String {
    let mut out = String::with_capacity(part.prefix().len() + paper_id.len());
    out.push_str(part.prefix());
    for b in paper_id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("_{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PARTS: [Part; 6] = [
        Part::Card,
        Part::Title,
        Part::Abstract,
        Part::Cite,
        Part::CiteButton,
        Part::CopyLink,
    ];

    #[test]
    fn ids_from_the_data_become_plain_element_ids() {
        assert_eq!(paper_part(Part::Card, "smith 2020"), "paper-smith_202020");
        assert_eq!(paper_part(Part::Title, "smith 2020"), "title-smith_202020");
        assert_eq!(paper_part(Part::Abstract, "c++"), "abstract-c_2B_2B");
        assert_eq!(paper_part(Part::Card, "kim-2024"), "paper-kim-2024");
        assert_eq!(paper_part(Part::Card, "é"), "paper-_C3_A9");
    }

    #[test]
    fn papers_named_like_other_ids_do_not_collide() {
        let ids = [
            "x", "x-title", "title-x", "paper-x", "search", "x_20", "x ", "button-x",
        ];
        let mut all: Vec<String> = ids
            .iter()
            .flat_map(|id| PARTS.map(|part| paper_part(part, id)))
            .collect();
        let count = all.len();
        all.extend(
            [SEARCH, COUNT, FACET_GROUPS]
                .map(String::from)
                .into_iter()
                .chain(["author", "topic", "year"].map(facet_heading)),
        );
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "{all:?}");
        assert_eq!(count, ids.len() * PARTS.len());
    }

    #[test]
    fn the_page_ids_stay_out_of_the_papers_way() {
        let page = [SEARCH, COUNT, FACET_GROUPS]
            .map(String::from)
            .into_iter()
            .chain(["author", "topic", "year"].map(facet_heading));
        for id in page {
            for part in PARTS {
                assert!(!id.starts_with(part.prefix()), "{id}");
            }
        }
    }

    proptest! {
        #[test]
        fn element_ids_are_whitespace_free_and_one_to_one(
            a in "(\\PC|\\s){0,12}",
            b in "(\\PC|\\s){0,12}",
            i in 0usize..3,
            j in 0usize..3,
        ) {
            let (x, y) = (paper_part(PARTS[i], &a), paper_part(PARTS[j], &b));
            prop_assert!(!x.chars().any(char::is_whitespace));
            prop_assert!(x.is_ascii());
            prop_assert_eq!(x == y, a == b && i == j);
        }
    }
}
