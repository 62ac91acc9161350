//! Validating one entry: each field checked, authors and topics interned, problems noted.

use super::{dedup, read_marks, CatalogBuilder, MARK_LIST, TYPE_LIST, UNSAFE_IMAGE, UNSAFE_LINK};
use crate::catalog::{topic_key, Topic};
use crate::fold::{collapse_whitespace, SearchText};
use crate::kind::PaperType;
use crate::letters;
use crate::locate::key_path;
use crate::marks::{may_carry_marks, pseudo_author, split_marks, MoreAuthors, MARKS};
use crate::paper::{AuthorId, Extras, Link, Paper, Span, TopicId};
use crate::parse::{
    plausible_year, Field, JsonKind, Number, RawAuthors, RawEtAl, RawLinks, RawPaper, TextList,
};
use crate::problem::{not_text, wrong_type, Problem, Severity};
use crate::safe_url::{is_safe_image, is_safe_link};
use std::sync::Arc;

impl CatalogBuilder {
    pub(super) fn problem(
        &mut self,
        severity: Severity,
        entry: usize,
        title: Option<&str>,
        field: &str,
        message: String,
    ) {
        self.catalog.problems.push(Problem {
            severity,
            entry,
            title: title.map(str::to_owned),
            field: field.to_owned(),
            message,
        });
    }

    fn wrong(&mut self, n: usize, title: &str, field: &str, kind: JsonKind, what: &str) {
        self.problem(
            Severity::Ignored,
            n,
            Some(title),
            field,
            wrong_type(kind, what),
        );
    }

    fn text(
        &mut self,
        n: usize,
        title: &str,
        field: &str,
        value: Option<Field<String>>,
    ) -> Option<SearchText> {
        match value? {
            Field::Ok(s) => (!s.trim().is_empty()).then(|| SearchText::from_string(s)),
            Field::Wrong(kind) => {
                self.wrong(n, title, field, kind, "text");
                None
            }
        }
    }

    fn flag(&mut self, n: usize, title: &str, field: &str, value: Option<Field<bool>>) -> bool {
        match value {
            None => false,
            Some(Field::Ok(flag)) => flag,
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, field, kind, "true or false");
                false
            }
        }
    }

    fn list(
        &mut self,
        n: usize,
        title: &str,
        field: &str,
        value: Option<Field<TextList>>,
    ) -> Vec<String> {
        match value {
            None => Vec::new(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, field, kind, "a list of text");
                Vec::new()
            }
            Some(Field::Ok(list)) => {
                if list.dropped > 0 {
                    self.problem(
                        Severity::Ignored,
                        n,
                        Some(title),
                        field,
                        not_text(list.dropped),
                    );
                }
                list.items
                    .iter()
                    .map(|s| collapse_whitespace(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            }
        }
    }

    /// Validates entry `n` and adds it as a paper, or notes why it cannot be shown.
    pub(super) fn add_paper(&mut self, n: usize, raw: RawPaper, span: Option<Span>) {
        let Some(title) = self.title_of(n, raw.title) else {
            return;
        };
        let (authors, author_marks, unnamed) = self.authors(n, &title, raw.authors);
        let topics = self.list(n, &title, "topics", raw.topics);
        let topics = dedup(topics.into_iter().map(|t| self.intern_topic(t)));
        let year = self.year(n, &title, raw.year);
        let et_al = self.et_al(n, &title, raw.et_al).with(unnamed);
        let featured = self.flag(n, &title, "featured", raw.featured);
        let paper_type = self.paper_type(n, &title, raw.paper_type);
        let links = self.links(n, &title, raw.links);
        let id = self.id(n, &title, raw.id);
        // Checked for the maintainer, not kept (see [`Paper`]): only its type matters here.
        if let Some(Field::Wrong(kind)) = raw.bibtex {
            self.wrong(n, &title, "bibtex", kind, "text");
        }
        let extras = Extras {
            badge: self.text(n, &title, "badge", raw.badge),
            award: self.text(n, &title, "award", raw.award),
            note: self.note(n, &title, raw.note),
            image: self.image(n, &title, raw.image),
            author_marks,
            marks: self.paper_marks(n, &title, raw.marks),
        };
        for mark in extras
            .author_marks
            .iter()
            .flat_map(|(_, marks)| marks.chars())
        {
            let explained = extras.marks.iter().any(|(m, _)| m.chars().eq([mark]));
            if !explained && !self.unexplained_marks.contains(mark) {
                self.unexplained_marks.push(mark);
            }
        }
        let paper = Paper {
            id,
            abstract_text: self.text(n, &title, "abstract", raw.abstract_text),
            venue: self.text(n, &title, "venue", raw.venue),
            title: SearchText::from_string(title),
            authors: authors.into(),
            et_al,
            paper_type,
            featured,
            topics: topics.into(),
            year,
            links: links.into(),
            span,
            extras: (extras != Extras::default()).then(|| Box::new(extras)),
        };
        // The paper's own texts are indexed as they come; names once members are merged (finish).
        let mut sets = Default::default();
        let texts = [
            Some(&paper.title),
            paper.venue.as_ref(),
            paper.abstract_text.as_ref(),
            paper.badge(),
            paper.award(),
        ];
        for text in texts.into_iter().flatten() {
            letters::add(&mut sets, text.folded());
        }
        self.catalog.letters.push(sets);
        self.catalog.papers.push(paper);
    }

    /// The entry's authors, interned, each once; the marks written on them (`"Ann Lee*"`, or an
    /// object's `marks`); and the authors that names such as "+11 more" stand for, which are not
    /// people.
    #[allow(clippy::type_complexity)]
    fn authors(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<RawAuthors>>,
    ) -> (Vec<AuthorId>, Vec<(AuthorId, Box<str>)>, MoreAuthors) {
        let raw = match value {
            None => return Default::default(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "authors", kind, "a list of names");
                return Default::default();
            }
            Some(Field::Ok(raw)) => raw,
        };
        if raw.dropped > 0 {
            let message = format!(
                "{} item(s) that are neither a name nor {{\"name\": …}} were ignored",
                raw.dropped
            );
            self.problem(Severity::Ignored, n, Some(title), "authors", message);
        }
        let (mut ids, mut marked, mut unnamed) = (Vec::new(), Vec::new(), MoreAuthors::None);
        let mut bad_marks = 0;
        for author in raw.items {
            // An object's marks are checked whatever its name (blank, or "+11 more").
            let given = match author.marks {
                None => String::new(),
                Some(Field::Ok(given)) => {
                    let marks: String = given.chars().filter(|c| MARKS.contains(c)).collect();
                    bad_marks += given.chars().count() - marks.chars().count();
                    marks
                }
                Some(Field::Wrong(_)) => {
                    bad_marks += 1;
                    String::new()
                }
            };
            let name = collapse_whitespace(&author.name);
            let (name, mut marks) = if may_carry_marks(&name) {
                split_marks(&name)
            } else {
                (name, String::new())
            };
            if name.is_empty() {
                continue;
            }
            if let Some(more) = pseudo_author(&name) {
                unnamed = unnamed.with(more);
                continue;
            }
            for mark in given.chars() {
                if !marks.contains(mark) {
                    marks.push(mark);
                }
            }
            let id = self.intern_author(name);
            if ids.contains(&id) {
                continue;
            }
            ids.push(id);
            if !marks.is_empty() {
                for mark in marks.chars() {
                    if !self.used_marks.contains(mark) {
                        self.used_marks.push(mark);
                    }
                }
                marked.push((id, marks.into()));
            }
        }
        if bad_marks > 0 {
            let message = format!(
                "an author's marks are text made of {MARK_LIST}; {bad_marks} other(s) were ignored"
            );
            self.problem(Severity::Ignored, n, Some(title), "authors", message);
        }
        (ids, marked, unnamed)
    }

    fn et_al(&mut self, n: usize, title: &str, value: Option<Field<RawEtAl>>) -> MoreAuthors {
        const WHAT: &str = "true, false or how many authors are not listed";
        match value {
            None | Some(Field::Ok(RawEtAl::Flag(false))) => MoreAuthors::None,
            Some(Field::Ok(RawEtAl::Flag(true))) => MoreAuthors::Unknown,
            // A count is read as a year is (a whole number up to 9999, `11.0` too), so that the
            // JSON Schema can say the same.
            Some(Field::Ok(RawEtAl::Count(Number(count)))) => match plausible_year(&count) {
                Some(0) => MoreAuthors::None,
                Some(count) => MoreAuthors::Count(count as u32),
                None => {
                    let message = format!("{} is not {WHAT}; ignored", shorten(&count));
                    self.problem(Severity::Ignored, n, Some(title), "et_al", message);
                    MoreAuthors::None
                }
            },
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "et_al", kind, WHAT);
                MoreAuthors::None
            }
        }
    }

    fn paper_type(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<String>>,
    ) -> Option<PaperType> {
        match value? {
            Field::Ok(key) => {
                let found = PaperType::from_data(&key);
                if found.is_none() {
                    let message = format!(
                        "\"{}\" is not one of the types ({TYPE_LIST}); ignored",
                        shorten(&key),
                    );
                    self.problem(Severity::Ignored, n, Some(title), "type", message);
                }
                found
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "type", kind, "text such as \"conference\"");
                None
            }
        }
    }

    /// The note, its lines kept (each collapsed), blank lines dropped.
    fn note(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> Option<Box<str>> {
        match value? {
            Field::Ok(text) => {
                let lines: Vec<String> = text
                    .lines()
                    .map(collapse_whitespace)
                    .filter(|l| !l.is_empty())
                    .collect();
                (!lines.is_empty()).then(|| lines.join("\n").into())
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "note", kind, "text");
                None
            }
        }
    }

    fn image(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> Option<Box<str>> {
        match value? {
            Field::Ok(url) if url.trim().is_empty() => None,
            Field::Ok(url) if is_safe_image(&url) => Some(url.trim().into()),
            Field::Ok(_) => {
                self.problem(
                    Severity::Ignored,
                    n,
                    Some(title),
                    "image",
                    UNSAFE_IMAGE.into(),
                );
                None
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "image", kind, "an https: address or a path");
                None
            }
        }
    }

    /// A paper's own `marks`: what its marks mean.
    fn paper_marks(
        &mut self,
        n: usize,
        title: &str,
        value: Option<Field<RawLinks>>,
    ) -> Vec<(Box<str>, Box<str>)> {
        let mut problems = Vec::new();
        let marks = read_marks(value, "marks", &mut problems);
        for (field, message) in problems {
            self.problem(Severity::Ignored, n, Some(title), &field, message);
        }
        marks
            .into_iter()
            .map(|(mark, meaning)| (mark.into(), meaning.into()))
            .collect()
    }

    /// The entry's title, collapsed; without one the entry is skipped.
    fn title_of(&mut self, n: usize, value: Option<Field<String>>) -> Option<String> {
        let why = match value {
            // Control characters show nothing (and feeds and pages leave them out): a title of
            // them alone is as blank as one of spaces.
            Some(Field::Ok(t)) if t.chars().any(|c| !c.is_whitespace() && !c.is_control()) => {
                return Some(collapse_whitespace(&t))
            }
            Some(Field::Ok(_)) => "the title is blank".to_owned(),
            Some(Field::Wrong(kind)) => {
                format!("the title should be text, but it is {}", kind.describe())
            }
            None => "there is no title".to_owned(),
        };
        self.problem(Severity::Skipped, n, None, "title", why);
        None
    }

    fn year(&mut self, n: usize, title: &str, value: Option<Field<Number>>) -> Option<i32> {
        match value? {
            Field::Ok(Number(number)) => {
                let year = plausible_year(&number);
                if year.is_none() {
                    let message = format!("{} is not a plausible year; ignored", shorten(&number));
                    self.problem(Severity::Ignored, n, Some(title), "year", message);
                }
                year
            }
            Field::Wrong(kind) => {
                self.wrong(n, title, "year", kind, "a whole number such as 2024");
                None
            }
        }
    }

    /// The data's own id when it has a usable, unused one; otherwise an empty id, made from the
    /// title once every data id is known (in `finish`).
    fn id(&mut self, n: usize, title: &str, value: Option<Field<String>>) -> String {
        let id = match value {
            Some(Field::Ok(id)) => Some(id.trim().to_owned()).filter(|id| !id.is_empty()),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "id", kind, "text");
                None
            }
            None => None,
        };
        match id {
            Some(id) if self.used_ids.insert(id.clone()) => id,
            Some(id) => {
                let message = format!(
                    "the id \"{id}\" is already used by an earlier entry; a new one was made"
                );
                self.problem(Severity::Ignored, n, Some(title), "id", message);
                self.needs_id.push(self.catalog.papers.len());
                String::new()
            }
            None => {
                self.needs_id.push(self.catalog.papers.len());
                String::new()
            }
        }
    }

    fn links(&mut self, n: usize, title: &str, value: Option<Field<RawLinks>>) -> Vec<Link> {
        let raw = match value {
            None => return Vec::new(),
            Some(Field::Wrong(kind)) => {
                self.wrong(n, title, "links", kind, "an object of label → URL");
                return Vec::new();
            }
            Some(Field::Ok(RawLinks(raw))) => raw,
        };
        let mut links = Vec::new();
        for (label, url) in raw {
            // Named only in a problem: most links have none.
            let field = || key_path("links", &label);
            match url {
                Field::Wrong(kind) => self.wrong(n, title, &field(), kind, "a URL"),
                Field::Ok(url) if is_safe_link(&url) => {
                    let label = self.link_label(&label);
                    links.push(Link {
                        label,
                        url: url.trim().into(),
                    })
                }
                Field::Ok(_) => self.problem(
                    Severity::Ignored,
                    n,
                    Some(title),
                    &field(),
                    UNSAFE_LINK.into(),
                ),
            }
        }
        links
    }

    fn link_label(&mut self, label: &str) -> Arc<str> {
        let label = collapse_whitespace(label);
        if let Some(known) = self.link_labels.get(label.as_str()) {
            return known.clone();
        }
        let label: Arc<str> = label.into();
        self.link_labels.insert(label.clone());
        label
    }

    fn intern_author(&mut self, name: String) -> AuthorId {
        // Looked up before it is inserted, so that a name seen before is dropped at once.
        if let Some(&id) = self.author_ids.get(&name) {
            return id;
        }
        let id = self.author_ids.len() as AuthorId;
        self.author_ids.insert(name, id);
        id
    }

    fn intern_topic(&mut self, label: String) -> TopicId {
        let key = topic_key(&label);
        let id = match self.catalog.topic_ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.catalog.topics.len() as TopicId;
                self.catalog.topic_ids.insert(key.clone(), id);
                self.catalog.topics.push(Topic {
                    label: label.clone(),
                    key,
                });
                self.topic_spellings.push(Vec::new());
                id
            }
        };
        let spellings = &mut self.topic_spellings[id as usize];
        match spellings.iter_mut().find(|(s, _)| *s == label) {
            Some((_, count)) => *count += 1,
            None => spellings.push((label, 1)),
        }
        id
    }
}

/// A value quoted in a message, cut short when it is long (a number may have a million digits).
fn shorten(value: &str) -> String {
    const MAX: usize = 24;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}
