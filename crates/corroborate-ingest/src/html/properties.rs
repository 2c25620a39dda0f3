//! Properties of HTML extraction on hostile input: it never panics, whatever the page, and
//! its output keeps its shape (paragraphs separated by one blank line, no empty paragraph).

use proptest::prelude::*;

use super::extract_html;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Ferry to stop | Tarnby Gazette</title>
<meta property="og:site_name" content="Tarnby Gazette"><meta name="author" content="Ilse Varga">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-07-02",
"author": {"@type": "Person", "name": "Ilse Varga"}}</script></head><body>
<nav><a href="/">Home</a> <a href="/island">Island</a></nav><article><h1>Ferry to stop</h1>
<p>The Tarnby ferry will stop running in March, the island council said on Monday.</p>
<figure><img src="q.jpg"><figcaption>The quay at dawn.</figcaption></figure>
<p>About 400 islanders will rely on the new causeway, which opens in February.</p>
<table><tr><td>January</td><td>62</td></tr></table><ul><li>Cars cross free.</li></ul>
</article><footer>© Tarnby Gazette</footer></body></html>"#;

/// The output shape every page must give.
fn check_shape(html: &str) {
    let page = extract_html(html, Some("https://tarnby.example/2021/07/02/ferry"));
    assert!(!page.text.contains("\n\n\n"), "{:?}", page.text);
    assert!(!page.text.starts_with('\n') && !page.text.ends_with('\n'));
    assert!(!page.text.contains('\0'));
    for paragraph in page.text.split("\n\n") {
        assert_eq!(paragraph.trim(), paragraph);
        assert!(page.text.is_empty() || !paragraph.is_empty());
    }
    for author in &page.authors {
        assert!(!author.trim().is_empty());
    }
}

#[test]
fn the_sample_page_is_read() {
    let page = extract_html(PAGE, None);
    assert_eq!(page.authors, ["Ilse Varga"]);
    assert!(page.text.starts_with("The Tarnby ferry"), "{}", page.text);
    assert!(!page.text.contains("quay"), "{}", page.text);
}

#[test]
fn ten_thousand_nested_elements() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<span class='share'>", "</span>"),
        ("<table><tr><td>", "</td></tr></table>"),
    ] {
        let depth = 10_000;
        let html = format!(
            "<html><body>{}<p>The ferry stops in March, the council said on Monday.</p>{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        );
        check_shape(&html);
        // Unclosed, too.
        check_shape(&format!("<html><body>{}deep text", open.repeat(depth)));
    }
}

/// Text at every level of a deep page. Extraction is linear in the number of nodes; parsing
/// is not (html5ever checks the stack of open elements at each start tag), so depth is kept at
/// the 10,000 the issue names.
#[test]
fn ten_thousand_nested_elements_each_with_text() {
    let depth = 10_000;
    for (open, text) in [
        ("<div>", "Some text at this level of the page."),
        ("<nav><time datetime='2021-07-02'>", "2 July 2021"),
        ("<div class='byline'><a rel='author'>", "By Ilse Varga"),
        ("<svg><title>", "x"),
    ] {
        check_shape(&format!(
            "<html><body>{}",
            format!("{open}{text}").repeat(depth)
        ));
    }
}

#[test]
fn invalid_utf8_decoded_lossily() {
    let mut bytes = PAGE.as_bytes().to_vec();
    for at in (0..bytes.len()).step_by(97) {
        bytes[at] = 0xFF;
    }
    bytes.extend_from_slice(&[0xE2, 0x82]);
    check_shape(&String::from_utf8_lossy(&bytes));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn truncated_pages_never_panic(cut in 0usize..PAGE.len()) {
        let mut end = cut;
        while !PAGE.is_char_boundary(end) {
            end -= 1;
        }
        check_shape(&PAGE[..end]);
    }

    #[test]
    fn odd_markup_never_panics(
        pieces in prop::collection::vec(
            prop_oneof![
                Just("<div class='comments'>".to_string()),
                Just("<p>".to_string()),
                Just("</p>".to_string()),
                Just("<a href='/x'>".to_string()),
                Just("</a>".to_string()),
                Just("<br>".to_string()),
                Just("<td>".to_string()),
                Just("<table>".to_string()),
                Just("<pre>".to_string()),
                Just("<!--".to_string()),
                Just("<script>".to_string()),
                Just("<time datetime='2021-02-30'>".to_string()),
                Just("<meta name='author' content='By  ,  and '>".to_string()),
                Just("<script type='application/ld+json'>{\"@graph\": [".to_string()),
                Just("By Ilse Varga".to_string()),
                Just("31/12/2021 ".to_string()),
                Just("\u{0}\u{feff}\u{ad}".to_string()),
                "[ -~]{0,30}",
                "\\PC{0,20}",
            ],
            0..60,
        )
    ) {
        check_shape(&pieces.concat());
    }

    #[test]
    fn arbitrary_bytes_decoded_lossily_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_shape(&String::from_utf8_lossy(&bytes));
    }
}
