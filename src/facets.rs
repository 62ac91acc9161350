//! The facets (authors, topics, types, years) and the featured filter.

use crate::browser::{clicked, keep_focus, Record};
use crate::context::ShelfContext;
use leptos::prelude::*;
use papershelf_core::dom_id::{facet_heading, COUNT, FACET_GROUPS};
use papershelf_core::text::group_digits;
use papershelf_core::{FilterKind, ViewState};

/// Author, topic and year facets: beside the list on wide screens, a collapsible panel above it
/// on phones.
#[component]
pub fn Facets() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let state = shelf.state();
    // A facet the data never fills (no paper has a year, say) is left out rather than shown empty;
    // while the file streams in, it comes with its first value.
    let has = move |filled: fn(&papershelf_core::Catalog) -> bool| {
        Memo::new(move |_| filled(&shelf.catalog()))
    };
    let has_authors = has(|c| !c.authors.is_empty());
    let has_topics = has(|c| !c.topics.is_empty());
    let has_years = has(|c| c.papers.iter().any(|p| p.year.is_some()));
    let has_types = has(|c| c.typed_papers() > 0);
    let has_featured = has(|c| c.featured_papers() > 0);
    let open = RwSignal::new(false);
    let active = move || state.with(|s| s.active().len() + usize::from(s.featured));
    view! {
        <aside class="facets" class:open=move || open.get() aria-label="Filters">
            <button
                type="button"
                class="facets-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=FACET_GROUPS
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Filters"
                {move || match active() {
                    0 => String::new(),
                    n => format!(" ({n} active)"),
                }}
            </button>
            <div id=FACET_GROUPS class="facet-groups">
                <FeaturedFilter filled=has_featured />
                <FacetGroup kind=FilterKind::Author title="Authors" find="Find an author" limit=10 filled=has_authors />
                <FacetGroup kind=FilterKind::Topic title="Topics" find="Find a topic" limit=12 filled=has_topics />
                <FacetGroup kind=FilterKind::Type title="Types" find="" limit=usize::MAX filled=has_types />
                <FacetGroup kind=FilterKind::Year title="Years" find="" limit=usize::MAX filled=has_years />
            </div>
        </aside>
    }
}

/// Shows only the lab's selected papers (`featured`), with how many the view would show; hidden
/// while no paper is featured.
#[component]
fn FeaturedFilter(filled: Memo<bool>) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let (state, selection) = (shelf.state(), shelf.selection());
    let on = move || state.with(|s| s.featured);
    let count = move || selection.with(|s| s.featured_count()) as usize;
    view! {
        <section class="facet featured-filter" aria-label="Featured papers" hidden=move || !filled.get()>
            <button
                type="button"
                class="facet-value"
                class:zero=move || count() == 0
                aria-pressed=move || on().to_string()
                on:click=move |ev| {
                    keep_focus(clicked(&ev), COUNT.to_owned());
                    shelf.navigate(ViewState { featured: !on(), ..shelf.view() }, Record::Push);
                }
            >
                <span class="facet-label">"Featured papers only"</span>
                <span class="facet-count">
                    {move || group_digits(count())}
                    <span class="visually-hidden">
                        {move || if count() == 1 { " paper" } else { " papers" }}
                    </span>
                </span>
            </button>
        </section>
    }
}

/// One facet: its values with their counts given the other filters, selected ones first, and a
/// find box where there are too many values to list.
#[component]
fn FacetGroup(
    kind: FilterKind,
    title: &'static str,
    /// Label of the find box; empty for none.
    find: &'static str,
    limit: usize,
    /// Whether the data fills it: hidden until then.
    filled: Memo<bool>,
) -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    let (filters, selection) = (shelf.filters(), shelf.selection());
    let typed = RwSignal::new(String::new());
    let values = Memo::new(move |_| {
        let (catalog, typed) = (shelf.catalog(), typed.get());
        selection.with(|sel| filters.with(|s| catalog.facet(kind, s, sel, &typed, limit)))
    });
    let heading_id = facet_heading(&kind.label().to_ascii_lowercase());
    let labelled_by = heading_id.clone();
    let no_values = move || values.with(Vec::is_empty);
    view! {
        <section class="facet" class:years=kind == FilterKind::Year aria-labelledby=labelled_by hidden=move || !filled.get()>
            <h2 id=heading_id>{title}</h2>
            {(!find.is_empty()).then(|| view! {
                <input
                    type="search"
                    class="facet-find"
                    aria-label=find
                    placeholder=format!("{find}…")
                    autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
            })}
            <ul>
                // Keyed by value: a value that stays listed keeps its element and only its count
                // and state change, so typing does not rebuild the whole facet.
                // And by label: a newer catalog of a file still streaming in may spell it otherwise.
                <For each=move || values.get() key=|v| (v.value.clone(), v.label.clone()) let:v>
                    {
                        let value = v.value.clone();
                        // Each part of the row finds its count and state in the list (a few
                        // dozen values) itself: a memo per row cost a keystroke more, in the
                        // graph's bookkeeping, than the whole list it would save reading.
                        let current = move || {
                            values.with(|all| all.iter().find(|x| x.value == value).map(|x| (x.count, x.selected)))
                                .unwrap_or_default()
                        };
                        let pressed = {
                            let current = current.clone();
                            move || current().1.to_string()
                        };
                        let count = move || current().0;
                        let zero = {
                            let count = count.clone();
                            move || count() == 0
                        };
                        let shown_count = {
                            let count = count.clone();
                            move || group_digits(count() as usize)
                        };
                        let value = v.value.clone();
                        // Follows the catalog: `members` may come after the papers in the file, so
                        // a row made from an earlier catalog can become a member's.
                        let member = {
                            let value = value.clone();
                            move || {
                                let catalog = shelf.catalog();
                                kind == FilterKind::Author
                                    && catalog.author_id(&value).is_some_and(|a| catalog.is_member(a))
                            }
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="facet-value"
                                    class:member=member
                                    class:zero=zero
                                    aria-pressed=pressed
                                    on:click=move |ev| {
                                        // The value moves when it is selected, and goes when it
                                        // is released with no papers: keep focus on the page.
                                        keep_focus(clicked(&ev), COUNT.to_owned());
                                        shelf.toggle(kind, &value);
                                    }
                                >
                                    <span class="facet-label">{v.label.clone()}</span>
                                    <span class="facet-count">
                                        {shown_count}
                                        <span class="visually-hidden">
                                            {move || if count() == 1 { " paper" } else { " papers" }}
                                        </span>
                                    </span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=no_values>
                <p class="facet-none">
                    {move || if typed.with(String::is_empty) { "None here." } else { "No match." }}
                </p>
            </Show>
        </section>
    }
}
