//! What an input says about its article beyond what the later stages read: URL, language,
//! modification date, authors, and whether the text is only a feed's teaser.

use corroborate_model::PublishedDate;

/// Metadata kept beside an [`Article`](corroborate_model::Article) for `corroborate
/// extract` and other readers of the inputs themselves. Every field is empty when the
/// input does not say (plain text says none of it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleDetails {
    /// The article's address: the page's canonical URL, the WARC record's target URI, the
    /// feed item's link.
    pub url: Option<String>,
    /// A BCP 47 tag as the input declares it (`en`, `pt-BR`).
    pub language: Option<String>,
    pub modified: Option<PublishedDate>,
    /// People named as authors, in input order.
    pub authors: Vec<String>,
    /// The text is a feed item's description or summary, not the full article.
    pub teaser: bool,
    /// Fields of a JSON Lines article the reader does not know (`tags`, `section`, ...),
    /// as one JSON object text with the keys in order and each value as written, passed
    /// through to the commands that print articles.
    pub extra: Option<String>,
}
