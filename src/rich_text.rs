//! Rich text (papershelf-core's `rich` tree) as DOM nodes: math as MathML elements, emphasis,
//! code and safe links as their HTML elements, and every piece of text as a text node, with the
//! search's matches marked outside math. No data string is ever parsed as markup.

use crate::highlight::highlighted;
use leptos::prelude::*;
use papershelf_core::math::MathNode;
use papershelf_core::rich::Inline;
use papershelf_core::Query;

#[cfg(target_arch = "wasm32")]
const MATHML: &str = "http://www.w3.org/1998/Math/MathML";

/// `inlines` as views, matches of `query` marked in their text. Built once: only the text pieces
/// follow the search, so math is never rebuilt as the visitor types.
pub fn rich(inlines: &[Inline], query: Signal<Query>) -> AnyView {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => highlighted(text.clone(), query),
            Inline::Math { source, node } => math(source, node),
            Inline::Emph(inner) => view! { <em>{rich(inner, query)}</em> }.into_any(),
            Inline::Strong(inner) => view! { <strong>{rich(inner, query)}</strong> }.into_any(),
            Inline::Code(text) => {
                view! { <code>{highlighted(text.clone(), query)}</code> }.into_any()
            }
            Inline::Link { text, url } => view! {
                <a href=url.clone() rel="noopener noreferrer">{rich(text, query)}</a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

/// A `<math>` element filled with `node`, element by element, once it is in the document.
#[cfg(target_arch = "wasm32")]
fn math(source: &str, node: &MathNode) -> AnyView {
    view! { <math use:mathml=node.clone() data-latex=source.to_owned() /> }.into_any()
}

/// Rendered to HTML ahead of time there is no document to build in: the same elements as markup,
/// made from the tree with every text escaped.
#[cfg(not(target_arch = "wasm32"))]
fn math(source: &str, node: &MathNode) -> AnyView {
    view! { <math inner_html=node.markup() data-latex=source.to_owned() /> }.into_any()
}

/// Fills a `<math>` element with `node`'s MathML, element by element: Leptos' typed MathML
/// elements cannot be chosen by name at run time, and the tree's shape is only known then.
#[cfg(target_arch = "wasm32")]
fn mathml(math: web_sys::Element, node: MathNode) {
    if let Some(child) = math_element(&math.owner_document(), &node) {
        let _ = math.append_child(&child);
    }
}

#[cfg(target_arch = "wasm32")]
fn math_element(document: &Option<web_sys::Document>, node: &MathNode) -> Option<web_sys::Element> {
    let element = document
        .as_ref()?
        .create_element_ns(Some(MATHML), node.element())
        .ok()?;
    if let Some((name, value)) = node.attribute() {
        let _ = element.set_attribute(name, value);
    }
    if let Some(text) = node.text() {
        element.set_text_content(Some(text));
    }
    for child in node.children() {
        let _ = element.append_child(&math_element(document, child)?.into());
    }
    Some(element)
}
