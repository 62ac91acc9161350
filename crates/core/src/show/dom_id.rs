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
/// What the search box says of a search too long to be searched whole.
pub const SEARCH_LIMIT: &str = "search-limit";
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
    push_escaped(&mut out, paper_id);
    out
}

/// Longest folder name of a paper's page before it is shortened: file systems allow 255 bytes,
/// and an id in a non-Latin script triples in length when escaped.
const PAGE_NAME_MAX: usize = 96;

/// The address of the paper's own page, relative to the site's root: `p/` and the paper id
/// escaped as for element ids, then `/`. Nothing in it can leave its folder (`/`, `.` and `..`
/// are escaped), and it depends on the id alone, so it is the same in every build. A name
/// longer than file systems take keeps its start and ends in a hash of the whole id.
pub fn paper_page(paper_id: &str) -> String {
    let mut page = String::from("p/");
    page.push_str(&file_name(paper_id));
    page.push('/');
    page
}

/// `text` as a file or folder name: escaped as for element ids, and when longer than file
/// systems take, its start and a hash of the whole text.
pub fn file_name(text: &str) -> String {
    let mut name = String::with_capacity(text.len() + 4);
    push_escaped(&mut name, text);
    if name.len() > PAGE_NAME_MAX {
        // Escapes are ASCII: any byte is a char boundary. An escape cut short still names the
        // text's start, and the hash tells it apart.
        name.truncate(PAGE_NAME_MAX - 17);
        name.push('-');
        let hash = fnv1a(text.as_bytes());
        for shift in (0..16).rev() {
            push_hex_digit(&mut name, (hash >> (shift * 4)) as u8);
        }
    }
    name
}

/// `id` with ASCII letters, digits and `-` kept and every other byte as `_` and two hex digits.
fn push_escaped(out: &mut String, id: &str) {
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            out.push('_');
            push_hex_digit(out, b >> 4);
            push_hex_digit(out, b);
        }
    }
}

/// The low four bits of `nibble` as a hex digit (upper case, as percent-escapes write them):
/// by hand, as `format!` would bring its machinery into the site's bundle.
fn push_hex_digit(out: &mut String, nibble: u8) {
    out.push(char::from(b"0123456789ABCDEF"[usize::from(nibble & 15)]));
}

/// A 64-bit FNV-1a hash: a fingerprint of data (a long id, a file's version), not a security
/// measure.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
            [SEARCH, SEARCH_LIMIT, COUNT, FACET_GROUPS]
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
        let page = [SEARCH, SEARCH_LIMIT, COUNT, FACET_GROUPS]
            .map(String::from)
            .into_iter()
            .chain(["author", "topic", "year"].map(facet_heading));
        for id in page {
            for part in PARTS {
                assert!(!id.starts_with(part.prefix()), "{id}");
            }
        }
    }

    #[test]
    fn a_page_address_stays_in_its_folder_whatever_the_id() {
        assert_eq!(paper_page("feasible-learning"), "p/feasible-learning/");
        assert_eq!(paper_page("../../etc"), "p/_2E_2E_2F_2E_2E_2Fetc/");
        assert_eq!(paper_page("a b#c?d"), "p/a_20b_23c_3Fd/");
        assert_eq!(paper_page("深度"), "p/_E6_B7_B1_E5_BA_A6/");
        let long = "深".repeat(40);
        let page = paper_page(&long);
        assert!(page.len() <= PAGE_NAME_MAX + 3, "{page}");
        assert!(page.starts_with("p/_E6_B7_B1"));
        assert_ne!(page, paper_page(&format!("{long}x")));
    }

    proptest! {
        #[test]
        fn page_addresses_are_plain_one_to_one_and_short(a in "\\PC{0,60}", b in "\\PC{0,60}") {
            let (x, y) = (paper_page(&a), paper_page(&b));
            prop_assert!(x.len() <= PAGE_NAME_MAX + 3);
            let name = &x[2..x.len() - 1];
            prop_assert!(name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
            prop_assert_eq!(x == y, a == b);
        }

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
