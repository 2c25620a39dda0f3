//! What an input's opening bytes say it is: an HTML page, a WARC archive, a feed, or text.

/// True when the bytes look like an HTML document: after any byte-order mark and leading
/// white space they open with a doctype, an `<html>` tag or an HTML comment followed by one.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let lower = opening(bytes);
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<!--") && contains(&lower, b"<html"))
        || (lower.starts_with(b"<?xml") && contains(&lower, b"<html"))
}

/// A format holding many articles, recognised by its opening.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Container {
    /// A WARC archive (`WARC/1.0`, `WARC/1.1`).
    Warc,
    /// An RSS, RDF or Atom feed, or a JSON Feed.
    Feed,
}

/// Which container format the bytes open as, if any.
pub(crate) fn sniff_container(bytes: &[u8]) -> Option<Container> {
    let head = opening(bytes);
    if head.starts_with(b"warc/") {
        return Some(Container::Warc);
    }
    let xml_feed = head.starts_with(b"<rss")
        || head.starts_with(b"<feed")
        || head.starts_with(b"<rdf:rdf")
        || ((head.starts_with(b"<?xml") || head.starts_with(b"<!--"))
            && (contains(&head, b"<rss")
                || contains(&head, b"<feed")
                || contains(&head, b"<rdf:rdf")));
    let json_feed = head.starts_with(b"{") && contains(&head, b"jsonfeed.org/version");
    (xml_feed || json_feed).then_some(Container::Feed)
}

/// The first kilobyte after any byte-order mark and leading white space, in lower case.
fn opening(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..bytes.len().min(start + 1024)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_its_opening() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!doctype HTML><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(looks_like_html(b"<!-- saved page -->\n<html>"));
        assert!(!looks_like_html(
            b" date 2021-07-04 Ferry to stop <b>soon</b>"
        ));
        assert!(!looks_like_html(b"The <html> tag opens a page."));
    }

    #[test]
    fn archives_and_feeds_are_recognised_by_their_opening() {
        assert_eq!(
            sniff_container(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"),
            Some(Container::Warc)
        );
        assert_eq!(
            sniff_container(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"),
            Some(Container::Feed)
        );
        assert_eq!(
            sniff_container(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Container::Feed)
        );
        assert_eq!(
            sniff_container(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"),
            Some(Container::Feed)
        );
        assert_eq!(
            sniff_container(b"{\"id\": 1, \"text\": \"jsonfeed.org\"}"),
            None
        );
        assert_eq!(sniff_container(b"The feed of the WARC/1.0 story."), None);
        assert_eq!(sniff_container(b"<!doctype html><html>"), None);
    }
}
