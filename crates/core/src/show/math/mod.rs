//! Inline LaTeX math (the `$…$` of titles and abstracts) as a tree of MathML Core elements, for
//! the site to build DOM nodes from one by one: no markup string is ever produced.
//!
//! A small subset of LaTeX, the part real abstracts use: letters, numbers and operators, Greek,
//! scripts and primes, fractions and roots, font commands, accents, `\left…\right` fences, named
//! functions, spacing and the common symbols. Anything else (an unknown command, unbalanced
//! braces, nesting too deep) makes [`parse_math`] give up, so that the caller shows the source.

mod commands;
mod parse;
mod tree;

pub use parse::parse_math;
pub use tree::MathNode;

#[cfg(test)]
mod tests;
