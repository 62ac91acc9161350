//! The lab's people: the file's top-level `members`, validated.
//!
//! A member is a name, other spellings of it (`aliases`: `"Y. Bengio"` for `"Yoshua Bengio"`)
//! and an optional page. Every author in the data spelled as a member's name or alias is that
//! member: one author, shown under the member's name, counted once in the facet and selected by
//! any of the spellings. Spellings match folded (see [`crate::fold`]): case, accents and
//! spacing do not matter, as exporters differ in exactly those; punctuation does ("Y. Bengio" is
//! not "Y Bengio": list both if the data has both).
//!
//! Each spelling names one member. Names are claimed before aliases, in the file's order, so an
//! alias that is another member's name stays that member's; a member listed twice (their name
//! already claimed) is merged into the first.

use crate::fold::{collapse_whitespace, fold};
use crate::marks::split_marks;
use crate::paper::AuthorId;
use crate::parse::{Field, RawMember, RawMemberEntry, TextList};
use crate::problem::{not_text, wrong_type, TopLevelProblem};
use crate::safe_url::is_safe_url;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// A member's page that [`is_safe_url`] refuses, for messages. Not a link's message: a path
/// within the site is no member's page.
const UNSAFE_PAGE: &str =
    "only http:, https: and mailto: addresses become links; this one was not shown";

/// A person of the lab, from the file's `members`.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// As shown, whitespace collapsed; never blank.
    pub name: String,
    /// Other spellings that mean this member, whitespace collapsed, each once and none the same
    /// as the name.
    pub aliases: Vec<String>,
    /// The member's page: only an `http:`, `https:` or `mailto:` address (see [`is_safe_url`]).
    pub url: Option<Box<str>>,
    /// The author the member is in the catalog; `None` when no paper names them.
    pub author: Option<AuthorId>,
}

impl Member {
    /// The folded name, then the folded aliases, one a line (as [`crate::catalog::FoldedNames`]
    /// holds them).
    pub(crate) fn folded_names(&self) -> String {
        let mut names = member_key(&self.name);
        for alias in &self.aliases {
            names.push('\n');
            names.push_str(&member_key(alias));
        }
        names
    }
}

/// The form in which spellings of a member's name are compared: without the marks written on it
/// (an alias copied from a paper, `I. Hounie*`), folded, so that case, accents and spacing do not
/// matter.
pub(crate) fn member_key(name: &str) -> String {
    fold(&split_marks(name).0)
}

/// Members as validated, and the member each folded spelling names.
#[derive(Debug, Default)]
pub(crate) struct Roster {
    pub(crate) members: Vec<Member>,
    /// [`member_key`] of every name and alias → place in `members`.
    pub(crate) keys: HashMap<String, u32, FxBuildHasher>,
    /// Where each member is in the file's list, for messages.
    listed_at: Vec<usize>,
}

impl Roster {
    /// Validates the `members` list, noting in `problems` what was ignored.
    pub(crate) fn new(raw: Vec<RawMemberEntry>, problems: &mut Vec<TopLevelProblem>) -> Roster {
        let mut roster = Roster::default();
        // Names first, so that no alias takes a name from the member who bears it.
        let mut named = Vec::new();
        for (at, entry) in raw.into_iter().enumerate() {
            if let Some((member, raw)) = roster.name(at, entry, problems) {
                named.push((at, member, raw));
            }
        }
        for (at, member, raw) in named {
            let path = format!("members[{at}]");
            roster.aliases(&path, member, raw.aliases, problems);
            roster.page(&path, member, raw.url, problems);
        }
        roster
    }

    /// Lists the member at `at` in the file under their name, or merges them into the member
    /// listed under it already; `None` when they have no usable name.
    fn name(
        &mut self,
        at: usize,
        entry: RawMemberEntry,
        problems: &mut Vec<TopLevelProblem>,
    ) -> Option<(u32, RawMember)> {
        let path = format!("members[{at}]");
        let mut raw = match entry {
            RawMemberEntry::Object(raw) => raw,
            RawMemberEntry::Unreadable(why) => {
                note(problems, path, None, format!("not listed: {why}"));
                return None;
            }
            RawMemberEntry::Other(kind) => {
                let message = format!(
                    "not listed: a member should be an object such as {{\"name\": \"…\"}}, \
                     but this is {}",
                    kind.describe()
                );
                note(problems, path, None, message);
                return None;
            }
        };
        let name = match raw.name.take() {
            // Shown under the name without marks: a mark belongs to an author on a paper.
            Some(Field::Ok(name)) => split_marks(&collapse_whitespace(&name)).0,
            Some(Field::Wrong(kind)) => {
                let message = format!(
                    "not listed: the name should be text, but it is {}",
                    kind.describe()
                );
                note(problems, format!("{path}.name"), None, message);
                return None;
            }
            None => {
                let message = "not listed: a member needs a \"name\"".to_owned();
                note(problems, path, None, message);
                return None;
            }
        };
        let key = member_key(&name);
        // A name of accents or spaces alone would match names that are not it.
        if key.is_empty() {
            let message = "not listed: the name is blank".to_owned();
            note(problems, format!("{path}.name"), None, message);
            return None;
        }
        if let Some(&earlier) = self.keys.get(&key) {
            let message = format!("already listed as {}; merged into it", self.cite(earlier));
            note(problems, path, Some(&name), message);
            return Some((earlier, raw));
        }
        let member = self.members.len() as u32;
        self.keys.insert(key, member);
        self.listed_at.push(at);
        self.members.push(Member {
            name,
            aliases: Vec::new(),
            url: None,
            author: None,
        });
        Some((member, raw))
    }

    /// Gives `member` each alias that no member's name or alias has claimed already.
    fn aliases(
        &mut self,
        path: &str,
        member: u32,
        aliases: Option<Field<TextList>>,
        problems: &mut Vec<TopLevelProblem>,
    ) {
        let path = format!("{path}.aliases");
        let name = self.members[member as usize].name.clone();
        let aliases = match aliases {
            None => return,
            Some(Field::Wrong(kind)) => {
                let message = wrong_type(kind, "a list of text");
                return note(problems, path, Some(&name), message);
            }
            Some(Field::Ok(TextList { items, dropped })) => {
                if dropped > 0 {
                    note(problems, path.clone(), Some(&name), not_text(dropped));
                }
                items
            }
        };
        for alias in aliases {
            let alias = collapse_whitespace(&alias);
            let key = member_key(&alias);
            let message = match self.keys.get(&key) {
                _ if key.is_empty() => "a blank alias; ignored".to_owned(),
                // The name itself, or an alias given twice.
                Some(&owner) if owner == member => continue,
                Some(&owner) => {
                    format!(
                        "\"{alias}\" already names {}; ignored here",
                        self.cite(owner)
                    )
                }
                None => {
                    self.keys.insert(key, member);
                    self.members[member as usize].aliases.push(alias);
                    continue;
                }
            };
            note(problems, path.clone(), Some(&name), message);
        }
    }

    /// Gives `member` their page, when it is a safe URL and they have none yet.
    fn page(
        &mut self,
        path: &str,
        member: u32,
        url: Option<Field<String>>,
        problems: &mut Vec<TopLevelProblem>,
    ) {
        let path = format!("{path}.url");
        let Member {
            name, url: page, ..
        } = &mut self.members[member as usize];
        let message = match url {
            None => return,
            Some(Field::Wrong(kind)) => wrong_type(kind, "a URL"),
            Some(Field::Ok(url)) if !is_safe_url(&url) => UNSAFE_PAGE.to_owned(),
            Some(Field::Ok(url)) => match page {
                None => {
                    *page = Some(url.trim().into());
                    return;
                }
                Some(first) if **first == *url.trim() => return,
                Some(_) => "the member's page is given already (the first is used); ignored".into(),
            },
        };
        note(problems, path, Some(name), message);
    }

    /// Member `member` as messages name them: `members[0] ("Ann Lee")`.
    fn cite(&self, member: u32) -> String {
        let at = self.listed_at[member as usize];
        format!("members[{at}] (\"{}\")", self.members[member as usize].name)
    }
}

fn note(problems: &mut Vec<TopLevelProblem>, path: String, name: Option<&str>, message: String) {
    problems.push(TopLevelProblem {
        path,
        name: name.map(str::to_owned),
        message,
    });
}

#[cfg(test)]
mod tests {
    use crate::{Catalog, Paper, ViewState};

    const MEMBERS: &str = r#""members": [
        {"name": "Yoshua Bengio", "aliases": ["Y. Bengio", "Bengio, Y."], "url": " https://yoshuabengio.org "},
        {"name": "Ann Lee"},
        {"name": "No Papers Yet", "url": "mailto:np@lab.org"}
    ]"#;

    const PUBLICATIONS: &str = r#""publications": [
        {"title": "One", "authors": ["Y. Bengio", "Bo"]},
        {"title": "Two", "authors": ["Yoshua Bengio"]},
        {"title": "Three", "authors": ["Bo", "Bengio,  Y.", "Yoshua Bengio"]},
        {"title": "Four", "authors": ["ann LEE"]}
    ]"#;

    fn catalog(json: &str) -> Catalog {
        Catalog::from_json(json).unwrap()
    }

    fn with_members(members: &str) -> Catalog {
        catalog(&format!(
            r#"{{"members": {members}, "publications": [{{"title": "A", "authors": ["Ann"]}}]}}"#
        ))
    }

    fn problems(c: &Catalog) -> Vec<(&str, Option<&str>, &str)> {
        c.top_level_problems
            .iter()
            .map(|p| (p.path.as_str(), p.name.as_deref(), p.message.as_str()))
            .collect()
    }

    #[test]
    fn every_spelling_of_a_member_is_one_author_under_the_members_name() {
        let c = catalog(&format!("{{{MEMBERS}, {PUBLICATIONS}}}"));
        assert_eq!(c.authors, ["Yoshua Bengio", "Bo", "Ann Lee"]);
        let yoshua = c.author_id("Yoshua Bengio").unwrap();
        for spelling in ["Y. Bengio", "Bengio, Y.", "Bengio,  Y.", "yoshua  BENGIO"] {
            assert_eq!(c.author_id(spelling), Some(yoshua), "{spelling}");
        }
        // A paper that names the member twice lists them once.
        let authors: Vec<_> = c.papers.iter().map(|p| p.authors.to_vec()).collect();
        assert_eq!(authors, [vec![0, 1], vec![0], vec![1, 0], vec![2]]);
        assert!(
            c.top_level_problems.is_empty(),
            "{:?}",
            c.top_level_problems
        );
    }

    #[test]
    fn members_after_the_publications_merge_authors_already_read() {
        let before = catalog(&format!("{{{MEMBERS}, {PUBLICATIONS}}}"));
        let after = catalog(&format!(r#"{{{PUBLICATIONS}, "title": "Lab", {MEMBERS}}}"#));
        assert_eq!(after.authors, before.authors);
        // Equal but for where each entry is in its file.
        let without_spans = |c: &Catalog| -> Vec<Paper> {
            let mut papers = c.papers.clone();
            papers.iter_mut().for_each(|p| p.span = None);
            papers
        };
        assert_eq!(without_spans(&after), without_spans(&before));
        assert_eq!(after.members, before.members);
        assert_eq!(after.title.as_deref(), Some("Lab"));
        // The site builds its first page from a document read so far.
        let text = format!(r#"{{{PUBLICATIONS}, {MEMBERS}}}"#);
        let doc = crate::stream::read_document(&text).unwrap();
        let mut read = catalog(&text);
        read.papers = without_spans(&read);
        assert_eq!(Catalog::from_document(doc), read);
    }

    #[test]
    fn members_are_found_by_their_author() {
        let c = catalog(&format!("{{{MEMBERS}, {PUBLICATIONS}}}"));
        let yoshua = c.author_id("Y. Bengio").unwrap();
        let member = c.member_of(yoshua).unwrap();
        assert_eq!(member.name, "Yoshua Bengio");
        assert_eq!(member.aliases, ["Y. Bengio", "Bengio, Y."]);
        assert_eq!(member.url.as_deref(), Some("https://yoshuabengio.org"));
        assert_eq!(member.author, Some(yoshua));
        assert!(c.is_member(c.author_id("Ann Lee").unwrap()));
        assert!(!c.is_member(c.author_id("Bo").unwrap()));
        // Listed, but with no paper: no author.
        let idle = &c.members[2];
        assert_eq!((idle.name.as_str(), idle.author), ("No Papers Yet", None));
        assert_eq!(idle.url.as_deref(), Some("mailto:np@lab.org"));
        assert_eq!(c.author_id("No Papers Yet"), None);
    }

    #[test]
    fn case_accents_and_spacing_do_not_matter_but_punctuation_does() {
        let c = catalog(
            r#"{"members": [{"name": "José García", "aliases": ["J. García"]}],
                "publications": [
                  {"title": "A", "authors": ["Jose Garcia"]},
                  {"title": "B", "authors": ["JOSÉ  GARCÍA"]},
                  {"title": "C", "authors": ["j. garcia"]},
                  {"title": "D", "authors": ["J Garcia"]}]}"#,
        );
        assert_eq!(c.authors, ["José García", "J Garcia"]);
        assert!(c.papers[..3].iter().all(|p| *p.authors == [0]));
        assert_eq!(c.author_id("jose garcia"), Some(0));
        assert_eq!(c.author_id("J Garcia"), Some(1));
    }

    #[test]
    fn without_members_authors_match_only_as_written() {
        let c = catalog(
            r#"[{"title": "A", "authors": ["Ann Lee"]}, {"title": "B", "authors": ["ann lee"]}]"#,
        );
        assert_eq!(c.authors, ["Ann Lee", "ann lee"]);
        assert_eq!(c.author_id("ANN LEE"), None);
    }

    #[test]
    fn a_path_within_the_site_is_no_members_page() {
        let c = with_members(r#"[{"name": "E", "url": "people/e.html"}]"#);
        assert_eq!(c.members[0].url, None);
        let message = &c.top_level_problems[0].message;
        assert!(!message.contains("path"), "{message}");
    }

    #[test]
    fn hostile_names_stay_text_and_unsafe_pages_are_dropped() {
        let c = with_members(
            r#"[{"name": "<script>alert(1)</script>", "aliases": ["<img src=x onerror=alert(1)>"], "url": "javascript:alert(1)"},
                {"name": "B", "url": " JavaScript:alert(1)"},
                {"name": "C", "url": "data:text/html,<script>alert(1)</script>"},
                {"name": "D", "url": "//evil.org"}]"#,
        );
        assert_eq!(c.members[0].name, "<script>alert(1)</script>");
        assert_eq!(c.members[0].aliases, ["<img src=x onerror=alert(1)>"]);
        assert!(c.members.iter().all(|m| m.url.is_none()));
        let paths: Vec<_> = problems(&c).into_iter().map(|(p, n, _)| (p, n)).collect();
        assert_eq!(
            paths,
            [
                ("members[0].url", Some("<script>alert(1)</script>")),
                ("members[1].url", Some("B")),
                ("members[2].url", Some("C")),
                ("members[3].url", Some("D"))
            ]
        );
        assert!(c.top_level_problems[0]
            .message
            .starts_with("only http:, https: and mailto:"));
    }

    #[test]
    fn wrong_types_are_noted_and_the_rest_kept() {
        let c = catalog(
            r#"{"title": 5, "description": ["x"], "publications": [{"title": "A", "authors": ["Ann"]}],
                "members": [3, {"name": 7}, {"aliases": ["X"]}, {"name": " \n "},
                            {"name": "Ann", "aliases": "A.", "url": 4},
                            {"name": "Bo", "aliases": [1, "B.", null, "  "], "url": null},
                            {"name": "Cy", "name": "Cy"}]}"#,
        );
        assert_eq!(c.title, None);
        assert_eq!(c.description, None);
        assert_eq!(problems(&c), [
            ("title", None, "should be text, but it is a number; ignored"),
            ("description", None, "should be text, but it is a list; ignored"),
            ("members[0]", None, "not listed: a member should be an object such as {\"name\": \"…\"}, but this is a number"),
            ("members[1].name", None, "not listed: the name should be text, but it is a number"),
            ("members[2]", None, "not listed: a member needs a \"name\""),
            ("members[3].name", None, "not listed: the name is blank"),
            ("members[6]", None, "not listed: the field \"name\" is given twice; keep one"),
            ("members[4].aliases", Some("Ann"), "should be a list of text, but it is text; ignored"),
            ("members[4].url", Some("Ann"), "should be a URL, but it is a number; ignored"),
            ("members[5].aliases", Some("Bo"), "2 item(s) that are not text were ignored"),
            ("members[5].aliases", Some("Bo"), "a blank alias; ignored"),
        ]);
        let names: Vec<_> = c
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.aliases.clone()))
            .collect();
        assert_eq!(names, [("Ann", vec![]), ("Bo", vec!["B.".to_owned()])]);
        assert!(c.is_member(c.author_id("Ann").unwrap()));
        // Nothing here costs a paper, or counts among the publications' problems.
        assert_eq!((c.papers.len(), c.problems.len()), (1, 0));
        for members in ["{}", "\"Ann\"", "true"] {
            let c = with_members(members);
            assert_eq!(c.top_level_problems.len(), 1, "{members}");
            assert_eq!(c.top_level_problems[0].path, "members");
            assert!(c.top_level_problems[0]
                .message
                .starts_with("should be a list of members"));
        }
    }

    #[test]
    fn null_is_absent_and_blank_is_none() {
        let c = catalog(
            r#"{"title": null, "description": " \n\t", "members": null, "publications": []}"#,
        );
        assert_eq!((c.title, c.description), (None, None));
        assert!(c.members.is_empty() && c.top_level_problems.is_empty());
        let c = catalog(r#"{"description": "  Our  lab's\n papers. ", "publications": []}"#);
        assert_eq!(c.description.as_deref(), Some("Our lab's papers."));
    }

    #[test]
    fn each_spelling_names_one_member() {
        let c = with_members(
            r#"[{"name": "Ann Lee", "aliases": ["A. Lee", "ann lee", "A. Lee"]},
                {"name": "Al Lee", "aliases": ["a. lee", "Ann"]},
                {"name": "Bo", "aliases": ["Al Lee"]},
                {"name": "ANN LEE", "aliases": ["Annie"], "url": "https://ann.org"},
                {"name": "Ann", "url": "https://ann.org"},
                {"name": "Ann", "url": "https://other.org"}]"#,
        );
        assert_eq!(
            problems(&c),
            [
                (
                    "members[3]",
                    Some("ANN LEE"),
                    "already listed as members[0] (\"Ann Lee\"); merged into it"
                ),
                (
                    "members[5]",
                    Some("Ann"),
                    "already listed as members[4] (\"Ann\"); merged into it"
                ),
                (
                    "members[1].aliases",
                    Some("Al Lee"),
                    "\"a. lee\" already names members[0] (\"Ann Lee\"); ignored here"
                ),
                // A name is its member's, even when another member's alias came first.
                (
                    "members[1].aliases",
                    Some("Al Lee"),
                    "\"Ann\" already names members[4] (\"Ann\"); ignored here"
                ),
                (
                    "members[2].aliases",
                    Some("Bo"),
                    "\"Al Lee\" already names members[1] (\"Al Lee\"); ignored here"
                ),
                (
                    "members[5].url",
                    Some("Ann"),
                    "the member's page is given already (the first is used); ignored"
                ),
            ]
        );
        let members: Vec<_> = c
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.aliases.join("|"), m.url.as_deref()))
            .collect();
        assert_eq!(
            members,
            [
                (
                    "Ann Lee",
                    "A. Lee|Annie".to_owned(),
                    Some("https://ann.org")
                ),
                ("Al Lee", String::new(), None),
                ("Bo", String::new(), None),
                ("Ann", String::new(), Some("https://ann.org")),
            ]
        );
        // "Ann" wrote the paper: the member named Ann, not Ann Lee's alias.
        let ann = c.author_id("Ann").unwrap();
        assert_eq!(c.member_of(ann).map(|m| m.name.as_str()), Some("Ann"));
    }

    #[test]
    fn a_member_that_cannot_be_read_costs_only_itself() {
        let c = with_members(
            r#"[{"name": "a\ud800"}, {"name": "Ann", "aliases": ["\udc00"]}, {"name": "Bo"}]"#,
        );
        let names: Vec<_> = c.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Bo"]);
        let paths: Vec<_> = problems(&c)
            .into_iter()
            .map(|(p, _, m)| (p, m.contains("lone surrogate")))
            .collect();
        assert_eq!(paths, [("members[0]", true), ("members[1]", true)]);
    }

    #[test]
    fn filtering_by_any_spelling_selects_every_paper_of_the_member() {
        let c = catalog(&format!("{{{MEMBERS}, {PUBLICATIONS}}}"));
        let titles = |query: &str| -> Vec<String> {
            let sel = c.select(&ViewState::from_query(query));
            sel.shown
                .iter()
                .map(|&i| c.papers[i as usize].title.shown())
                .collect()
        };
        let all = ["One", "Two", "Three"];
        assert_eq!(
            titles("author=Yoshua%20Bengio&sort=title"),
            ["One", "Three", "Two"]
        );
        for spelling in [
            "Y.%20Bengio",
            "Bengio,%20Y.",
            "yoshua%20BENGIO",
            "Y.%20BENGIO",
        ] {
            let mut got = titles(&format!("author={spelling}"));
            got.sort();
            let mut want = all.to_vec();
            want.sort();
            assert_eq!(got, want, "{spelling}");
        }
        assert!(titles("author=No%20Papers%20Yet").is_empty());
        // Searching by an alias finds the member's papers too.
        assert_eq!(
            titles("q=%22bengio,+y.%22&sort=title"),
            ["One", "Three", "Two"]
        );
    }
}
