//! Reads inputs into [`Article`](corroborate_model::Article)s: plain-text files, HTML pages,
//! JSON Lines collections, directories of them, and standard input. This is the only library crate that touches the file system.
//!
//! Bad input never stops a batch: [`ingest`] returns the articles it could read together
//! with a [`Diagnostic`](corroborate_model::Diagnostic) for every input it skipped or repaired.
//!
//! ```
//! use corroborate_ingest::text_article;
//! let (article, diagnostics) = text_article("a.txt", "a.txt", b" date 2021-07 Headline\nBody.");
//! let article = article.expect("a usable article");
//! assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2021-07"));
//! assert_eq!(article.text, "Headline\nBody.");
//! assert!(diagnostics.is_empty());
//! ```

mod decode;
mod error;
mod html;
mod html_page;
mod jsonl;
mod plain_text;
mod sources;

pub use error::IngestError;
pub use html::{DateSource, ExtractedPage, PageContext, extract_html, extract_html_with};
pub use html_page::{html_article, looks_like_html};
pub use plain_text::text_article;
pub use sources::{IngestConfig, IngestReport, ingest};
