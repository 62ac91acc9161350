//! Publishing: what the prerender writes for machines beside the pages: the deploy address, each
//! paper page's head metadata, the feeds and the sitemap.

pub mod feeds;
pub mod metadata;
pub mod site;
