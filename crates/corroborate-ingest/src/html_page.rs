//! HTML inputs: the page's article body and metadata as an [`Article`].

use corroborate_model::{
    Article, ArticleId, Diagnostic, OffsetMap, OffsetMapBuilder, PublishedDate,
};

use crate::ArticleDetails;
use crate::charset::decode_html;
use crate::html::{PageContext, extract_html_with};

/// Builds an article from the bytes of an HTML page: the extracted body is the text, and the
/// page's title, outlet and publication date fill the metadata. Each paragraph maps back to
/// the stretch of the page from where its first words appear to where the next paragraph's
/// do (the page's markup means no finer map is exact). A page with no article body gives
/// `None`. The page's character encoding is read from a byte-order mark or its `<meta>`
/// declaration, UTF-8 otherwise.
pub fn html_article(id: &str, input: &str, bytes: &[u8]) -> (Option<Article>, Vec<Diagnostic>) {
    let (article, diagnostics) = html_article_with(id, input, bytes, &PageSource::default());
    (article.map(|(article, _)| article), diagnostics)
}

/// What is known of a page from where it was found (a WARC record's headers).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PageSource<'a> {
    pub url: Option<&'a str>,
    /// The `charset` of the HTTP `Content-Type` the page was served with.
    pub charset: Option<&'a str>,
    /// When the page was fetched: no publication date may lie after it.
    pub retrieved: Option<PublishedDate>,
}

/// [`html_article`] with what is known of the page besides its bytes, returning the details
/// (URL, language, authors, modified date) beside the article.
pub(crate) fn html_article_with(
    id: &str,
    input: &str,
    bytes: &[u8],
    source: &PageSource,
) -> (Option<(Article, ArticleDetails)>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let decoded = decode_html(bytes, source.charset, input, &mut diagnostics);
    let context = PageContext {
        url: source.url,
        retrieved: source.retrieved,
    };
    let page = extract_html_with(&decoded.text, &context);
    if page.text.trim().is_empty() {
        return (None, diagnostics);
    }
    let origin = decoded
        .map
        .compose(&paragraph_map(&page.text, &decoded.text));
    let details = ArticleDetails {
        url: page.url.or_else(|| source.url.map(str::to_string)),
        language: page.language,
        modified: page.modified,
        authors: page.authors,
        teaser: false,
        extra: None,
    };
    let article = Article {
        id: ArticleId::new(id),
        input: input.to_string(),
        title: page.title,
        outlet: page.outlet,
        published: page.published,
        text: page.text,
        origin,
    };
    (Some((article, details)), diagnostics)
}

/// Maps each paragraph of `text` (separated by blank lines) to the page bytes from where its
/// opening words are found, searching forward, to where the next found paragraph starts.
/// Paragraphs none of whose first words are found verbatim join the paragraph before them.
pub(crate) fn paragraph_map(text: &str, page: &str) -> OffsetMap {
    // (output start, page start) of each paragraph whose opening was found.
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut cursor = 0;
    let mut out = 0;
    for paragraph in text.split("\n\n") {
        if let Some(words) = plain_words(paragraph)
            && let Some(found) = page[cursor..].find(words)
        {
            let found = cursor + found;
            // Words after a leading quote mark or entity: the paragraph starts where the
            // text node holding them does.
            let node_start = if words.as_ptr() == paragraph.as_ptr() {
                found
            } else {
                page[cursor..found]
                    .rfind('>')
                    .map_or(found, |at| cursor + at + 1)
            };
            anchors.push((out, node_start));
            cursor = found + words.len();
        }
        out += paragraph.len() + 2;
    }
    let mut builder = OffsetMapBuilder::new();
    let first_out = anchors.first().map_or(text.len(), |&(out, _)| out);
    if first_out > 0 {
        // Text before the first found paragraph came from somewhere before it.
        let page_end = anchors.first().map_or(page.len(), |&(_, at)| at);
        builder.replace(0, page_end, first_out);
    }
    for (index, &(out_start, page_start)) in anchors.iter().enumerate() {
        let (out_end, page_end) = anchors
            .get(index + 1)
            .copied()
            .unwrap_or((text.len(), page.len()));
        builder.replace(page_start, page_end - page_start, out_end - out_start);
    }
    builder.finish()
}

/// The first run of words near the start of the paragraph plain enough to appear verbatim
/// in the page source (letters, digits, single spaces, common punctuation), cut at a word
/// end, at least 8 bytes long.
fn plain_words(paragraph: &str) -> Option<&str> {
    let plain = |ch: char| ch.is_alphanumeric() || matches!(ch, ' ' | ',' | '.' | '-' | ':' | ';');
    let mut start = None;
    for (at, ch) in paragraph.char_indices() {
        if at >= 64 {
            break;
        }
        if !plain(ch) {
            start = None;
            continue;
        }
        let from = *start.get_or_insert(at);
        let end = at + ch.len_utf8();
        let next_plain = paragraph[end..].chars().next().is_some_and(plain);
        if end - from >= 32 || !next_plain {
            let run = &paragraph[from..end];
            // Cut at the last whole word when the run stops inside one.
            let run = match run.rfind(' ') {
                Some(space) if next_plain => &run[..space],
                _ => run,
            };
            let run = run.trim_matches(' ');
            if run.len() >= 8 {
                return Some(run);
            }
            start = None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Span;

    const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Ferry to stop | Tarnby Gazette</title>\
        <meta property=\"og:site_name\" content=\"Tarnby Gazette\">\
        <meta property=\"article:published_time\" content=\"2021-07-02T09:00:00Z\"></head><body>\
        <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
        <article><h1>Ferry to stop in March</h1>\
        <p>The Tarnby ferry will stop running in March, the council said on Monday.</p>\
        <p>About 400 islanders will rely on the new bridge, which opens in February.</p>\
        </article></body></html>";

    #[test]
    fn page_metadata_and_body_become_the_article() {
        let (article, diagnostics) = html_article("ferry.html", "in/ferry.html", PAGE.as_bytes());
        let article = article.expect("an article");
        assert!(diagnostics.is_empty());
        assert_eq!(article.title.as_deref(), Some("Ferry to stop in March"));
        assert_eq!(article.outlet.as_deref(), Some("Tarnby Gazette"));
        assert_eq!(
            article.published.map(|date| date.to_string()).as_deref(),
            Some("2021-07-02")
        );
        assert!(article.text.starts_with("The Tarnby ferry"));
        assert!(!article.text.contains("Home"));
    }

    #[test]
    fn each_paragraph_maps_into_its_own_stretch_of_the_page() {
        let (article, _) = html_article("ferry.html", "ferry.html", PAGE.as_bytes());
        let article = article.expect("an article");
        let second = article.text.find("About 400").expect("second paragraph");
        let first_span = article.origin.span_to_input(Span::new(4, 10));
        let second_span = article.origin.span_to_input(Span::new(second, second + 5));
        let first_source = &PAGE[first_span.range()];
        let second_source = &PAGE[second_span.range()];
        assert!(
            first_source.starts_with("The Tarnby ferry"),
            "{first_source}"
        );
        assert!(!first_source.contains("About 400"), "{first_source}");
        assert!(
            second_source.starts_with("About 400 islanders"),
            "{second_source}"
        );
        assert_eq!(article.origin.output_len(), article.text.len());
    }

    #[test]
    fn a_paragraph_opening_with_an_entity_starts_at_its_text_node() {
        let page = "<html><body><article><h1>Ferry to stop</h1>\
            <p>The Tarnby ferry will stop running in March, the council said on Monday.</p>\
            <p>&ldquo;We had no choice,&rdquo; said the council leader, Ilse Varga, on Monday.</p>\
            </article></body></html>";
        let (article, _) = html_article("ferry.html", "ferry.html", page.as_bytes());
        let article = article.expect("an article");
        let quote = article
            .text
            .find('\u{201c}')
            .expect("the opening quote mark");
        let span = article.origin.span_to_input(Span::new(quote, quote + 3));
        assert!(
            page[span.range()].starts_with("&ldquo;We had"),
            "{}",
            &page[span.range()]
        );
    }

    #[test]
    fn a_page_without_a_body_gives_no_article() {
        let page = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
        let (article, _) = html_article("empty.html", "empty.html", page.as_bytes());
        assert!(article.is_none());
    }
}
