//! Reading: from the bytes of `publications.json` to a validated, indexed [`crate::Catalog`].

pub mod builder;
pub mod catalog;
pub mod kind;
pub mod locate;
pub mod marks;
pub mod members;
pub mod pace;
pub mod paper;
pub mod parse;
pub mod problem;
pub mod publication;
pub mod record;
pub mod safe_url;
pub mod stream;
