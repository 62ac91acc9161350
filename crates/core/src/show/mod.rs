//! Showing: titles and abstracts as rich text and MathML trees, the page's element ids, and the
//! small text helpers the cards and notices use.

pub mod dom_id;
pub mod math;
pub mod rich;
pub mod text;
