//! A note on what the data got wrong.

use crate::context::ShelfContext;
use crate::fresh::Fresh;
use leptos::prelude::*;
use papershelf_core::catalog::TopLevelProblem;
use papershelf_core::text::{count_label, group_digits};
use papershelf_core::{Problem, Severity};

/// A discreet note when the data had problems: how many entries could not be shown and how many
/// fields were ignored, expandable to the list (entry number, title, reason).
#[component]
pub fn DataNotice() -> impl IntoView {
    let shelf = expect_context::<ShelfContext>();
    // Made again with each newer catalog of a file still streaming in.
    move || notice(&shelf.catalog()).map(Fresh)
}

fn notice(catalog: &papershelf_core::Catalog) -> Option<impl IntoView> {
    if catalog.problems.is_empty() && catalog.top_level_problems.is_empty() {
        return None;
    }
    let skipped = catalog.skipped();
    let ignored = catalog.ignored();
    let mut summary = Vec::new();
    if skipped > 0 {
        let entries = count_label(skipped, "entry", "entries");
        summary.push(format!("{entries} could not be shown"));
    }
    if ignored > 0 {
        let fields = count_label(ignored, "field was", "fields were");
        summary.push(format!("{fields} ignored"));
    }
    let top_level = catalog.top_level_problems.len();
    if top_level > 0 {
        let details = count_label(top_level, "page detail", "page details");
        summary.push(format!("{details} (title, description, members) ignored"));
    }
    let top_items = catalog
        .top_level_problems
        .iter()
        .map(describe_top_level)
        .collect_view();
    let items = catalog.problems.iter().map(describe).collect_view();
    Some(view! {
        <details class="data-notice">
            <summary>{summary.join("; ")}" in the data"</summary>
            <ol>{top_items}{items}</ol>
        </details>
    })
}

fn describe(problem: &Problem) -> impl IntoView {
    let entry = format!("Entry {}", group_digits(problem.entry + 1));
    let title = problem
        .title
        .as_ref()
        .map(|t| format!(" (“{t}”)"))
        .unwrap_or_default();
    let field = if problem.field.is_empty() {
        String::new()
    } else {
        format!(", {}", problem.field)
    };
    let outcome = match problem.severity {
        Severity::Skipped => "not shown: ",
        Severity::Ignored => "",
    };
    view! { <li>{entry}{title}{field}": "{outcome}{problem.message.clone()}</li> }
}

fn describe_top_level(problem: &TopLevelProblem) -> impl IntoView {
    let name = problem
        .name
        .as_ref()
        .map(|n| format!(" (“{n}”)"))
        .unwrap_or_default();
    view! { <li>{problem.path.clone()}{name}": "{problem.message.clone()}</li> }
}
