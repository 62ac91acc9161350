//! Which addresses the data may give the page: links a card may show, images it may load.

/// Only these schemes may become clickable links; `javascript:`, `data:` and friends may not.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find(':');
    match scheme_end {
        Some(end) => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto") && url.len() > end + 1
        }
        None => false,
    }
}

/// A path relative to the site (`papers/smith2024.pdf`, deployed from `public/`), which the page
/// resolves under its own address, so it works under a sub-path. Nothing that a browser could read
/// as another scheme or another host: no `:` before the first `/` (`javascript:`), no leading `/`
/// or `\\` (`//evil.example`), no `..` step out of the site (nor `%2e%2e`, which browsers read as
/// `..`), no control characters (browsers drop tabs and newlines from addresses, which could join
/// `java` and `script:`).
pub fn is_site_path(path: &str) -> bool {
    let path = path.trim();
    let first_part = path.split(['/', '?', '#']).next().unwrap_or("");
    !path.is_empty()
        && !path.starts_with(['/', '\\', '?', '#'])
        && !first_part.contains(':')
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && !path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .any(is_dot_dot)
}

/// A `..` step, as browsers read one: `%2e` is a dot there too (`%2e%2e/x` climbs as `../x`
/// does).
fn is_dot_dot(step: &str) -> bool {
    matches!(
        step.to_ascii_lowercase().as_str(),
        ".." | ".%2e" | "%2e." | "%2e%2e"
    )
}

/// A link a card may show: a safe URL ([`is_safe_url`]) or a path within the site
/// ([`is_site_path`]).
pub fn is_safe_link(url: &str) -> bool {
    is_safe_url(url) || is_site_path(url)
}

/// A thumbnail a card may load: an `https:` URL or a path within the site. Not `http:` (mixed
/// content on a Pages site), not `data:` or any other scheme.
pub fn is_safe_image(url: &str) -> bool {
    let url = url.trim();
    let https = url
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && url.len() > 8;
    https || is_site_path(url)
}
