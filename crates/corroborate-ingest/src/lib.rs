//! Reads inputs into [`Article`](corroborate_model::Article)s: plain-text files, HTML pages,
//! JSON Lines collections, WARC archives, RSS/Atom/JSON feeds, directories of them, and
//! standard input. This is the only library crate that touches the file system.
//!
//! Bad input never stops a batch: [`ingest`] returns the articles it could read together
//! with a [`Diagnostic`](corroborate_model::Diagnostic) for every input it skipped or repaired.
//! [`Collection`] reads the same inputs as a stream, for collections too large to hold.
//!
//! ```
//! use corroborate_ingest::text_article;
//! let (article, diagnostics) = text_article("a.txt", "a.txt", b" date 2021-07 Headline\nBody.");
//! let article = article.expect("a usable article");
//! assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2021-07"));
//! assert_eq!(article.text, "Headline\nBody.");
//! assert!(diagnostics.is_empty());
//! ```

mod charset;
mod collection;
mod decode;
mod details;
mod error;
mod feed;
mod html;
mod html_page;
mod http_response;
mod jsonl;
mod plain_text;
mod sniff;
mod sources;
mod warc;

pub use collection::{Collection, Locator, OnArticle};
pub use details::ArticleDetails;
pub use error::IngestError;
pub use html::{
    DateSource, ExtractedPage, PageContext, extract_html, extract_html_with, fragment_text,
};
pub use html_page::html_article;
pub use plain_text::text_article;
pub use sniff::looks_like_html;
pub use sources::{IngestConfig, IngestReport, ingest, ingest_bytes};
