//! The addresses the pages link to, with ids and queries percent-encoded.
//!
//! Article ids are whatever ingest was given (file names, JSON Lines ids), so they may hold
//! `/`, `#`, `?`, spaces or anything else. Every byte outside the URL-unreserved set is
//! percent-encoded, `/` included, so an id is always one path segment that no browser
//! rewrites; the `/articles/{*id}` route decodes it back.

/// Percent-encodes every byte except ASCII letters, digits and `-._~`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0f));
        }
    }
    out
}

/// The page of an article. The ids `.` and `..` would be read by browsers as path steps,
/// so those two go through the `?id=` form of the route.
pub fn article(id: &str) -> String {
    if id == "." || id == ".." {
        format!("/articles?id={}", encode_component(id))
    } else {
        format!("/articles/{}", encode_component(id))
    }
}

/// The page of an article with the input span `start..end` highlighted and scrolled to.
pub fn article_passage(id: &str, start: usize, end: usize) -> String {
    let page = article(id);
    let separator = if page.contains('?') { '&' } else { '?' };
    format!("{page}{separator}from={start}&to={end}#passage")
}

/// The JSON form of an article.
pub fn api_article(id: &str) -> String {
    format!("/api/articles/{}", encode_component(id))
}

/// A story page.
pub fn story(id: i64) -> String {
    format!("/stories/{id}")
}

/// A search for `query`, on result page `page` (1-based).
pub fn search(query: &str, page: usize) -> String {
    if page <= 1 {
        format!("/search?q={}", encode_component(query))
    } else {
        format!("/search?q={}&page={page}", encode_component(query))
    }
}

/// A search for the articles naming an entity.
pub fn entity_search(name: &str) -> String {
    search(&format!("entity:\"{}\"", name.replace('"', "")), 1)
}

fn hex_digit(value: u8) -> char {
    char::from(b"0123456789ABCDEF"[usize::from(value & 0x0f)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_bytes_are_encoded() {
        assert_eq!(
            encode_component("a b/c#d?e%f&g\"<é>"),
            "a%20b%2Fc%23d%3Fe%25f%26g%22%3C%C3%A9%3E"
        );
        assert_eq!(encode_component("file-1_v2.txt~"), "file-1_v2.txt~");
    }

    #[test]
    fn dot_ids_use_the_query_form() {
        assert_eq!(article(".."), "/articles?id=..");
        assert_eq!(
            article_passage("..", 1, 2),
            "/articles?id=..&from=1&to=2#passage"
        );
        assert_eq!(
            article_passage("x/y.txt", 1, 2),
            "/articles/x%2Fy.txt?from=1&to=2#passage"
        );
    }

    #[test]
    fn a_javascript_id_stays_a_relative_path() {
        assert_eq!(
            article("javascript:alert(1)"),
            "/articles/javascript%3Aalert%281%29"
        );
    }
}
