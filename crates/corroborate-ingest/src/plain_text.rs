//! Plain-text articles: an optional leading metadata field, then the article text.

use corroborate_model::{Article, ArticleId, Diagnostic, OffsetMap, PublishedDate};

use crate::decode::decode_input;

/// Builds an article from the bytes of a plain-text input.
///
/// A leading metadata field ` date 2021-07-04` (note the leading space) sets the publication
/// date and is not part of the text; the text may continue on the same line after it.
/// Invalid UTF-8 is decoded lossily with a warning. An input with no text gives `None`.
pub fn text_article(id: &str, input: &str, bytes: &[u8]) -> (Option<Article>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let decoded = decode_input(bytes, input, &mut diagnostics);
    let (published, body_start) = match parse_metadata(&decoded.text) {
        Metadata::None => (None, 0),
        Metadata::Date { date, body_start } => (Some(date), body_start),
        Metadata::BadDate { value, body_start } => {
            diagnostics.push(Diagnostic::warning(
                input,
                format!(
                    "metadata date {value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored"
                ),
            ));
            (None, body_start)
        }
    };
    let text = decoded.text[body_start..].to_string();
    if text.trim().is_empty() {
        return (None, diagnostics);
    }
    let origin = decoded
        .map
        .compose(&OffsetMap::shifted(body_start, text.len()));
    let article = Article {
        id: ArticleId::new(id),
        input: input.to_string(),
        title: None,
        outlet: None,
        published,
        text,
        origin,
    };
    (Some(article), diagnostics)
}

enum Metadata {
    None,
    Date {
        date: PublishedDate,
        body_start: usize,
    },
    BadDate {
        value: String,
        body_start: usize,
    },
}

/// Reads a leading ` date VALUE` field. The body starts after the value and the single
/// space or line break that follows it.
fn parse_metadata(text: &str) -> Metadata {
    let Some(rest) = text.strip_prefix(" date ") else {
        return Metadata::None;
    };
    let value_start = text.len() - rest.len();
    let value_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let value = &rest[..value_len];
    let mut body_start = value_start + value_len;
    if text[body_start..].starts_with("\r\n") {
        body_start += 2;
    } else if text[body_start..].starts_with(['\n', ' ', '\t']) {
        body_start += 1;
    }
    match PublishedDate::parse(value) {
        Some(date) => Metadata::Date { date, body_start },
        None => Metadata::BadDate {
            value: value.to_string(),
            body_start,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{DatePrecision, Span};

    fn article(bytes: &[u8]) -> Article {
        text_article("a.txt", "dir/a.txt", bytes)
            .0
            .expect("an article")
    }

    #[test]
    fn date_on_its_own_line_is_stripped() {
        let article = article(b" date 2021-07-04\nHeadline\n\nBody.");
        assert_eq!(article.text, "Headline\n\nBody.");
        assert_eq!(
            article.published.map(|d| d.precision()),
            Some(DatePrecision::Day)
        );
        assert_eq!(
            article.origin.span_to_input(Span::new(0, 8)),
            Span::new(17, 25)
        );
    }

    #[test]
    fn text_may_continue_after_the_date() {
        let article = article(b" date 2021-07 Headline here\nBody.");
        assert_eq!(article.text, "Headline here\nBody.");
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some("2021-07")
        );
        assert_eq!(article.origin.to_input_start(0), 14);
    }

    #[test]
    fn no_leading_space_means_no_metadata() {
        let article = article(b"date 2021-07-04 is when it happened.");
        assert_eq!(article.published, None);
        assert!(article.text.starts_with("date"));
    }

    #[test]
    fn bad_date_warns_and_is_still_stripped() {
        let (article, diagnostics) = text_article("a", "a", b" date 2021-13-45\nBody.");
        assert_eq!(article.expect("article").text, "Body.");
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].message.contains("not a date"),
            "{}",
            diagnostics[0].message
        );
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let (article, diagnostics) = text_article("a", "a", b"Caf\xe9 owner said.");
        let article = article.expect("article");
        assert_eq!(article.text, "Caf\u{FFFD} owner said.");
        assert!(diagnostics[0].message.starts_with("invalid UTF-8"));
        // Offsets after the bad byte still point at the input bytes.
        assert_eq!(
            article.origin.span_to_input(Span::new(6, 11)),
            Span::new(4, 9)
        );
    }

    #[test]
    fn metadata_only_is_no_article() {
        assert!(
            text_article("a", "a", b" date 2021-07-04\n  \n")
                .0
                .is_none()
        );
    }
}
