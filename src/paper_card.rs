//! One paper's card, with its author list, abstract and permalink.

use crate::browser::{clicked, copy_and_confirm, copy_label, keep_focus, permalink};
use crate::cite::CiteButton;
use crate::context::ShelfContext;
use crate::fresh::Fresh;
use crate::highlight::highlighted;
use crate::rich_text::rich;
use leptos::prelude::*;
use papershelf_core::dom_id::{paper_page, paper_part, Part, COUNT};
use papershelf_core::fold::SearchText;
use papershelf_core::rich::{rich_text, without_links, Inline};
use papershelf_core::text::{group_digits, note_lines, preview, sentence_around};
use papershelf_core::{Catalog, FilterKind, MoreAuthors, Paper, Query};

/// About three lines of a card's width.
const PREVIEW_CHARS: usize = 240;

/// Marks the cards of a paper's own page (written by the prerender, see `paper_page.rs`): a
/// static page with no app behind it, where the paper's authors and topics link to their views
/// in the listing, the abstract is whole and the title is the page's heading.
#[derive(Clone, Copy)]
pub struct OwnPage;

/// Whether the card is on its paper's own page. Never in the browser: `cfg!` keeps every branch
/// of the own page out of the site's bundle.
fn on_own_page() -> bool {
    !cfg!(target_arch = "wasm32") && use_context::<OwnPage>().is_some()
}

/// A part of the card that takes another shape on a paper's own page: one type for both when
/// rendered natively; in the browser, its one shape, at no cost to the bundle.
#[cfg(target_arch = "wasm32")]
fn own_page_shape<V>(view: V) -> V {
    view
}

#[cfg(not(target_arch = "wasm32"))]
fn own_page_shape<V: IntoView + 'static>(view: V) -> AnyView {
    view.into_any()
}

/// The listing's view of one author or topic, relative to the site's root (the `<base>`).
#[cfg(not(target_arch = "wasm32"))]
fn view_address(kind: FilterKind, value: &str) -> String {
    let mut view = papershelf_core::ViewState::default();
    view.toggle(kind, value);
    format!("./{}", view.to_query())
}

/// One paper: title (a link to the paper's own page), authors and topics (each a filter
/// button), venue and year, abstract, links and a permalink. Matches of the search are
/// highlighted.
#[component]
pub fn PaperCard(
    idx: u32,
    /// Under a year heading (`h2`), the title is an `h3`.
    grouped: bool,
) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let own_page = on_own_page();
    let catalog = shelf.catalog();
    let paper: &Paper = &catalog.papers[idx as usize];
    let (query, filters) = (shelf.query(), shelf.filters());
    let id = paper.id.clone();
    let heading_id = paper_part(Part::Title, &id);
    let labelled_by = heading_id.clone();
    let targeted = {
        let id = id.clone();
        let target = shelf.target();
        Signal::derive(move || target.with(|t| t.as_deref() == Some(id.as_str())))
    };
    let meta = [
        paper.venue.as_ref().map(|v| v.shown()),
        paper.year.map(|y| y.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    let author_names: Vec<Author> = paper
        .authors
        .iter()
        .map(|&a| {
            let marks = paper.marks_of(a);
            Author {
                name: catalog.author_name(a).to_owned(),
                member: catalog
                    .member_of(a)
                    .map(|m| m.url.as_deref().map(str::to_owned)),
                marks: marks.to_owned(),
                meanings: marks
                    .chars()
                    .filter_map(|mark| catalog.mark_meaning(paper, mark))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    let author_count = author_names.len();
    let topics = paper
        .topics
        .iter()
        .map(|&t| {
            let label = catalog.topic(t).label.clone();
            let pressed = {
                let (catalog, label) = (catalog.clone(), label.clone());
                move || {
                    filters
                        .with(|s| catalog.selects(s, FilterKind::Topic, &label))
                        .to_string()
                }
            };
            #[cfg(not(target_arch = "wasm32"))]
            if own_page {
                let href = view_address(FilterKind::Topic, &label);
                return view! { <li><a class="chip topic" href=href>{label}</a></li> }.into_any();
            }
            let value = label.clone();
            let data_topic = label.clone();
            let chip = view! {
                <li>
                    <button
                        type="button"
                        class="chip topic"
                        data-topic=data_topic
                        aria-pressed=pressed
                        on:click=move |ev| {
                            shelf.toggle(FilterKind::Topic, &value);
                            keep_focus(clicked(&ev), COUNT.to_owned());
                        }
                    >
                        {label}
                    </button>
                </li>
            };
            own_page_shape(chip)
        })
        .collect_view();

    let links = paper
        .links
        .iter()
        .map(|link| {
            view! {
                <li>
                    <a href=link.url.to_string() rel="noopener noreferrer">{link_label(&link.label)}</a>
                </li>
            }
        })
        .collect_view();

    let title_text = paper.title.shown();
    let title = rich_text(&title_text);
    // On the listing, the title links to the paper's page: as a link of the rich text, so that
    // it shares their code, and holding no other link. Not yet on a provisional page, where a
    // title-made id may still go to a paper further down the file.
    let title = if own_page || shelf.is_provisional() {
        title
    } else {
        vec![Inline::Link {
            text: without_links(title),
            url: paper_page(&id),
        }]
    };
    let open_at_start = targeted.get_untracked();
    let kicker = kicker(paper, query.into());
    let has_image = paper.image().is_some();
    let image = paper.image().map(|src| {
        // A fixed box (width and height given, the stylesheet keeps the ratio): nothing moves when
        // it arrives; lazy, so cards below the fold cost nothing until scrolled to.
        view! {
            <img class="thumbnail" src=src.to_owned() alt=title_text.clone() width="160" height="120"
                loading="lazy" decoding="async" />
        }
    });
    let note = paper.note().map(|note| {
        let lines = note_lines(note)
            .into_iter()
            .map(|line| view! { <span class="note-line">{rich(&rich_text(line), query.into())}</span> })
            .collect_view();
        view! { <p class="note" dir="auto">{lines}</p> }
    });
    let copy_link = view! { <li><CopyLink id=id.clone() /></li> };
    // A paper's own page has a permalink of its own, and its BibTeX below the card.
    #[cfg(not(target_arch = "wasm32"))]
    let copy_link = (!own_page).then_some(copy_link);
    // Nor while the file streams in: a title-made id may yet name another paper.
    let copy_link = (!shelf.is_provisional()).then_some(copy_link);
    // Meanwhile their room is kept, unseen, so that the card keeps its height when they come:
    // the card the visitor reads does not move as the whole file arrives.
    let pending = shelf.is_provisional().then(|| {
        view! {
            <li class="pending" aria-hidden="true"><span class="link-button">"Cite"</span></li>
            <li class="pending" aria-hidden="true"><span class="link-button">"Copy link"</span></li>
        }
    });
    let link_list = view! {
        <ul class="links" aria-label="Links">
            {links}
            {(!shelf.is_provisional() && !own_page).then(|| view! { <li><CiteButton idx id=id.clone() /></li> })}
            {copy_link}
            {pending}
        </ul>
    };
    // Where that leaves the list empty, there is none.
    #[cfg(not(target_arch = "wasm32"))]
    let link_list = (!own_page || !paper.links.is_empty()).then_some(link_list);
    let legend =
        own_legend(&catalog, paper).map(|text| view! { <p class="marks-legend own">{text}</p> });
    view! {
        <article
            id=paper_part(Part::Card, &id)
            class="paper"
            class:targeted=targeted
            class:has-image=has_image
            class:featured=paper.featured
            tabindex="-1"
            aria-labelledby=labelled_by
        >
            {image}
            {kicker}
            {heading(grouped, heading_id, rich(&title, query.into()))}
            {(author_count > 0 || paper.et_al.any()).then(|| view! { <Authors names=author_names et_al=paper.et_al /> })}
            {legend}
            {(!meta.is_empty()).then(|| view! { <p class="meta">{meta}</p> })}
            {note}
            {(!paper.topics.is_empty()).then(|| view! {
                <ul class="topics" aria-label="Topics">{topics}</ul>
            })}
            {paper.abstract_text.clone().map(|text| {
                view! { <Abstract id=id.clone() text open_at_start targeted /> }
            })}
            {link_list}
        </article>
    }
}

/// The card's title, one level below a year heading when there is one; on the paper's own
/// page, the page's heading.
fn heading(grouped: bool, id: String, content: impl IntoView + 'static) -> AnyView {
    if on_own_page() {
        return view! { <h1 id=id class="paper-title" dir="auto">{content}</h1> }.into_any();
    }
    if grouped {
        view! { <h3 id=id class="paper-title" dir="auto">{content}</h3> }.into_any()
    } else {
        view! { <h2 id=id class="paper-title" dir="auto">{content}</h2> }.into_any()
    }
}

/// Long author lists (consortium papers list thousands) show the first few and a toggle.
const AUTHORS_SHOWN: usize = 10;

/// What a card says before its title: the lab's badge for it (al-folio's `abbr`), its type,
/// whether it is one of the lab's selected papers, and its award; each a span of its class.
fn kicker(paper: &Paper, query: Signal<Query>) -> Option<impl IntoView> {
    // The badge and the award are searched, so they show its matches; the type and "Featured"
    // are not, and never light up.
    let parts: Vec<(&'static str, AnyView)> = [
        paper
            .badge()
            .map(|badge| ("badge", highlighted(badge.shown(), query))),
        paper
            .paper_type
            .map(|t| ("paper-type", t.label().into_any())),
        paper
            .featured
            .then(|| ("featured-mark", "Featured".into_any())),
        paper
            .award()
            .map(|award| ("award", highlighted(award.shown(), query))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return None;
    }
    // One element type for every part: each distinct view shape costs the bundle its own code.
    let parts = parts
        .into_iter()
        .map(|(class, text)| view! { <span class=class dir="auto">{text}</span> })
        .collect_view();
    Some(view! { <p class="kicker">{parts}</p> })
}

/// The paper's own meanings of its authors' marks, where they differ from the page's legend.
fn own_legend(catalog: &Catalog, paper: &Paper) -> Option<String> {
    let extras = paper.extras.as_ref()?;
    let used = |mark: &str| extras.author_marks.iter().any(|(_, m)| m.contains(mark));
    let own: Vec<String> = extras
        .marks
        .iter()
        .filter(|(mark, meaning)| {
            used(mark)
                && !catalog
                    .marks
                    .iter()
                    .any(|(m, shared)| m.as_str() == &**mark && shared.as_str() == &**meaning)
        })
        .map(|(mark, meaning)| format!("{mark} {meaning}"))
        .collect();
    (!own.is_empty()).then(|| own.join(" · "))
}

/// An author as a card shows them.
#[derive(Clone)]
struct Author {
    name: String,
    /// `Some` for a member of the lab, with their page if they have one.
    member: Option<Option<String>>,
    /// The marks written on the name here, shown as a superscript; often empty.
    marks: String,
    /// What they mean, for screen readers.
    meanings: String,
}

/// The authors, each a button that filters by that author. The lab's members stand out, with a
/// link to their page. `et_al`: the data names only some of the authors.
#[component]
fn Authors(names: Vec<Author>, et_al: MoreAuthors) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let own_page = on_own_page();
    let (filters, query) = (shelf.filters(), shelf.query());
    let all = RwSignal::new(false);
    let total = names.len();
    // A paper's own page names every author.
    let collapsible = total > AUTHORS_SHOWN + 2 && !own_page;
    let names = StoredValue::new(names);
    let author = move |author: Author| {
        let Author {
            name,
            member,
            marks,
            meanings,
        } = author;
        let marks = (!marks.is_empty()).then(|| {
            let said = if meanings.is_empty() {
                String::new()
            } else {
                format!(" ({meanings})")
            };
            view! {
                <sup class="marks"><span aria-hidden="true">{marks}</span><span class="visually-hidden">{said}</span></sup>
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        if own_page {
            let (href, is_member) = (view_address(FilterKind::Author, &name), member.is_some());
            let page = page_link(&name, member);
            return view! {
                <li class:member=is_member>
                    <a class="author" dir="auto" href=href>{name}</a>
                    {marks}
                    {page}
                </li>
            }
            .into_any();
        }
        let value = name.clone();
        // In any spelling the catalog takes for this author (a member's alias in the address).
        let pressed = move || {
            filters
                .with(|s| shelf.catalog().selects(s, FilterKind::Author, &value))
                .to_string()
        };
        let value = name.clone();
        let page = page_link(&name, member.clone());
        let item = view! {
            <li class:member=member.is_some()>
                <button
                    type="button"
                    class="author"
                    dir="auto"
                    aria-pressed=pressed
                    on:click=move |ev| {
                        shelf.toggle(FilterKind::Author, &value);
                        keep_focus(clicked(&ev), COUNT.to_owned());
                    }
                >
                    {highlighted(name.clone(), query.into())}
                </button>
                {marks}
                {page}
            </li>
        };
        own_page_shape(item)
    };
    let shown = move || {
        let count = if all.get() || !collapsible {
            total
        } else {
            AUTHORS_SHOWN
        };
        names
            .with_value(|n| n[..count].to_vec())
            .into_iter()
            .map(author)
            .collect_view()
    };
    let et_al = move || {
        let said = match et_al {
            MoreAuthors::None => return None,
            MoreAuthors::Unknown => "et al.".to_owned(),
            MoreAuthors::Count(n) => format!("+{} more", group_digits(n as usize)),
        };
        (all.get() || !collapsible).then(|| view! { <li class="et-al">{said}</li> })
    };
    view! {
        <ul class="authors" aria-label="Authors">
            {shown}
            {et_al}
            {collapsible.then(|| view! {
                <li class="authors-toggle">
                    <button
                        type="button"
                        class="link-button"
                        aria-expanded=move || all.get().to_string()
                        on:click=move |_| all.update(|a| *a = !*a)
                    >
                        {move || if all.get() {
                            "Show fewer authors".to_string()
                        } else {
                            format!("+{} more", group_digits(total - AUTHORS_SHOWN))
                        }}
                    </button>
                </li>
            })}
        </ul>
    }
}

/// A link to a member's own page, after their name.
fn page_link(name: &str, member: Option<Option<String>>) -> Option<impl IntoView> {
    member.flatten().map(|url| {
        let label = format!("{name}’s page");
        view! {
            <a class="member-page" href=url rel="noopener noreferrer" aria-label=label>"↗"</a>
        }
    })
}

/// A collapsed preview with a toggle; short abstracts are shown whole, without one. Opens by
/// itself when a `#id` link points at its paper, and follows "Expand all abstracts". While
/// collapsed, a match of the search that the preview hides is shown in its sentence.
#[component]
fn Abstract(
    id: String,
    text: SearchText,
    open_at_start: bool,
    targeted: Signal<bool>,
) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let (query, all_open, printing) = (shelf.query(), shelf.abstracts_open(), shelf.printing());
    let abstract_id = paper_part(Part::Abstract, &id);
    let full_text = text.shown();
    let full = rich_text(&full_text);
    // Each shape is `Fresh`: a card is built once and never updated in place, and so neither is
    // its abstract (its text follows the toggle and the search inside).
    // A paper's own page shows it whole.
    let Some(short) = preview(&full_text, PREVIEW_CHARS).filter(|_| !on_own_page()) else {
        return Fresh(view! {
            <p class="abstract" id=abstract_id dir="auto">{rich(&full, query.into())}</p>
        })
        .into_any();
    };
    // Only the prerender (native) takes this branch: `cfg!` keeps it out of the site's bundle.
    if !cfg!(target_arch = "wasm32") && crate::browser::window().is_none() {
        // Rendered ahead of time, for readers before (or without) the app: a native disclosure
        // in the toggle's place and style, which opens without JavaScript.
        return Fresh(view! {
            <div class="abstract-block">
                <p class="abstract collapsed" id=abstract_id dir="auto">{rich(&rich_text(&short), query.into())}</p>
                <details class="abstract-details">
                    <summary class="toggle">
                        <span class="when-closed">"Show abstract"</span>
                        <span class="when-open">"Hide abstract"</span>
                    </summary>
                </details>
                <p class="abstract abstract-full" dir="auto">{rich(&full, query.into())}</p>
            </div>
        })
        .into_any();
    }
    let open = RwSignal::new(open_at_start || all_open.get_untracked());
    Effect::new(move |_| {
        if targeted.get() {
            open.set(true);
        }
    });
    // "Expand all" and "Collapse all" reach every card; after that each toggles on its own.
    Effect::new(move |seen: Option<()>| {
        let all = all_open.get();
        if seen.is_some() {
            open.set(all);
        }
    });
    // The preview is the text's start, then "…": what lies past it is hidden while collapsed.
    let hidden_from = short.len() - '…'.len_utf8();
    let short = rich_text(&short);
    // Printing shows every abstract whole, and leaves each card's own state as it was.
    let expanded = move || open.get() || printing.get();
    let shown = move || {
        if expanded() {
            rich(&full, query.into())
        } else {
            rich(&short, query.into())
        }
    };
    // The sentence changes only when the match moves: memoized, so other keys leave it be.
    let passage = Memo::new(move |_| {
        if expanded() {
            return None;
        }
        query.with(|q| {
            let at = q.hidden_match(&text, hidden_from)?;
            let (passage, before, after) = sentence_around(&full_text, at, PREVIEW_CHARS);
            Some(format!(
                "{}{passage}{}",
                if before { "…" } else { "" },
                if after { "…" } else { "" }
            ))
        })
    });
    let hidden_match = move || {
        passage.get().map(|passage| {
            view! {
                <p class="abstract-match" dir="auto">
                    <span class="visually-hidden">"Matching sentence: "</span>
                    {rich(&rich_text(&passage), query.into())}
                </p>
            }
        })
    };
    Fresh(view! {
        <div class="abstract-block">
            <p class="abstract" id=abstract_id.clone() dir="auto" class:collapsed=move || !expanded()>{shown}</p>
            {hidden_match}
            <button
                type="button"
                class="toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=abstract_id
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { "Hide abstract" } else { "Show abstract" }}
            </button>
        </div>
    })
    .into_any()
}

/// Copies the paper's permalink, and says so.
#[component]
fn CopyLink(id: String) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let own_id = paper_part(Part::CopyLink, &id);
    // Named by what it says and the card's title as the page shows it (math included).
    let labelled_by = format!("{own_id} {}", paper_part(Part::Title, &id));
    let on_click = move |_| copy_and_confirm(permalink(&id), copied);
    view! {
        <button
            type="button"
            class="link-button"
            id=own_id
            aria-labelledby=labelled_by
            on:click=on_click
        >
            {move || copy_label(copied.get(), "Copy link", "Link copied")}
            {move || copied.get().is_none().then(|| view! { <span class="visually-hidden">" to"</span> })}
        </button>
    }
}

/// Well-known link labels read better capitalized ("PDF", "Code"); others are shown as given.
fn link_label(label: &str) -> String {
    match label.to_ascii_lowercase().as_str() {
        "pdf" => "PDF".into(),
        "doi" => "DOI".into(),
        "arxiv" => "arXiv".into(),
        "code" => "Code".into(),
        "page" | "html" => "Page".into(),
        "project" => "Project".into(),
        "video" => "Video".into(),
        "slides" => "Slides".into(),
        "poster" => "Poster".into(),
        "openreview" => "OpenReview".into(),
        _ => label.to_owned(),
    }
}
