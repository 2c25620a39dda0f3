//! The frame every page shares (head, site header with the search box, footer), the error
//! page, and the pager.

use std::fmt::Write;

use axum::http::StatusCode;
use corroborate_render::escape;

/// A whole page around `body` (already HTML). `query` fills the search box.
pub fn page(title: &str, query: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<title>{} \u{b7} corroborate</title>", escape(title));
    out.push_str("<link rel=\"stylesheet\" href=\"/static/style.css\">\n</head>\n<body>\n");
    out.push_str("<header class=\"site\">\n<a class=\"home\" href=\"/\">corroborate</a>\n");
    let _ = writeln!(
        out,
        "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{}\" aria-label=\"Search the articles\" \
         placeholder=\"Search: words, entity:&quot;Name&quot;, outlet:…\">\
         <button type=\"submit\">Search</button></form>",
        escape(query)
    );
    out.push_str("</header>\n<main>\n");
    out.push_str(body);
    out.push_str("</main>\n<footer class=\"site\"><p>Briefs made by corroborate from the articles in this store. \
        Every statement links to the passage it came from. \
        <a href=\"/api/openapi.json\">JSON API</a></p></footer>\n</body>\n</html>\n");
    out
}

/// The page shown for a failure.
pub fn error_page(status: StatusCode, message: &str) -> String {
    let reason = status.canonical_reason().unwrap_or("Error");
    let body = format!(
        "<h1>{} {}</h1>\n<p class=\"error\">{}</p>\n<p><a href=\"/\">All stories</a></p>\n",
        status.as_u16(),
        escape(reason),
        escape(message)
    );
    page(reason, "", &body)
}

/// Links to the previous and next pages of a list; `link(page)` is the address of a page.
pub fn pager(page: usize, total: usize, per_page: usize, link: impl Fn(usize) -> String) -> String {
    let pages = total.div_ceil(per_page).max(1);
    if pages <= 1 {
        return String::new();
    }
    let mut out = String::from("<nav class=\"pager\" aria-label=\"Pages\">");
    if page > 1 {
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"{}\">\u{2190} Previous</a> ",
            escape(&link(page - 1))
        );
    }
    let _ = write!(out, "<span>page {page} of {pages}</span>");
    if page < pages {
        let _ = write!(
            out,
            " <a rel=\"next\" href=\"{}\">Next \u{2192}</a>",
            escape(&link(page + 1))
        );
    }
    out.push_str("</nav>\n");
    out
}

/// `2024-03-15`, `2024-03-15 to 2024-03-16`, or `date unknown`.
pub fn time_span(first: Option<&str>, last: Option<&str>) -> String {
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(day), _) | (None, Some(day)) => day.to_string(),
        (None, None) => "date unknown".to_string(),
    }
}

/// `1 source` / `3 sources`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_links_only_to_pages_that_exist() {
        let link = |n: usize| format!("/?page={n}");
        assert_eq!(pager(1, 50, 50, link), "");
        let first = pager(1, 120, 50, link);
        assert!(!first.contains("Previous") && first.contains("href=\"/?page=2\""));
        assert!(first.contains("page 1 of 3"));
        let last = pager(3, 120, 50, link);
        assert!(last.contains("href=\"/?page=2\"") && !last.contains("Next"));
    }

    #[test]
    fn time_spans_read_naturally() {
        assert_eq!(
            time_span(Some("2024-03"), Some("2024-03-16")),
            "2024-03 to 2024-03-16"
        );
        assert_eq!(
            time_span(Some("2024-03-15"), Some("2024-03-15")),
            "2024-03-15"
        );
        assert_eq!(time_span(None, None), "date unknown");
    }

    #[test]
    fn the_search_box_echo_is_escaped() {
        let html = page("t", "\"><script>x</script>", "");
        assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(!html.contains("<script>"));
    }
}
