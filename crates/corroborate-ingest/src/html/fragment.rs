//! An HTML fragment (a feed item's content or summary) as plain paragraphs: every visible
//! text kept, block elements and `<br>` breaking paragraphs, scripts and styles left out.
//!
//! Unlike a whole page, a fragment is already the article's text, so nothing is judged to be
//! furniture here.

use scraper::Html;

use super::dom::{Dom, NodeKind, squash_whitespace};
use super::extract::is_block_tag;

/// The fragment's text, paragraphs separated by one blank line, white space squashed.
pub fn fragment_text(html: &str) -> String {
    let document = Html::parse_fragment(html);
    let dom = Dom::new(&document);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // Ends of the open block elements, innermost last: crossing one breaks the paragraph.
    let mut block_ends: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < dom.len() {
        while block_ends.last().is_some_and(|&end| end <= index) {
            block_ends.pop();
            flush(&mut current, &mut paragraphs);
        }
        let node = &dom.nodes[index];
        match node.kind {
            NodeKind::Element(element) => {
                let tag = element.name();
                if matches!(tag, "script" | "style" | "noscript" | "template" | "head") {
                    index = node.end;
                    continue;
                }
                if is_block_tag(tag) {
                    flush(&mut current, &mut paragraphs);
                    block_ends.push(node.end);
                }
            }
            NodeKind::Text(text) => current.push_str(text),
            NodeKind::Other => {}
        }
        index += 1;
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = squash_whitespace(current);
    current.clear();
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_make_paragraphs() {
        assert_eq!(
            fragment_text(
                "<p>The Orrin bridge <b>opened</b> on Tuesday.</p><p>Traffic was light.<br>\
                 Tolls start in May.</p><script>track()</script>"
            ),
            "The Orrin bridge opened on Tuesday.\n\nTraffic was light.\n\nTolls start in May."
        );
    }

    #[test]
    fn entities_are_decoded_and_plain_text_kept() {
        assert_eq!(
            fragment_text("Caf&eacute; owners &amp; staff  met\n on Monday."),
            "Caf\u{e9} owners & staff met on Monday."
        );
    }

    #[test]
    fn ten_thousand_nested_elements_do_not_overflow() {
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        assert_eq!(fragment_text(&html), "deep text");
        let unclosed = "<blockquote><p>".repeat(10_000) + "still read";
        assert_eq!(fragment_text(&unclosed), "still read");
    }
}
