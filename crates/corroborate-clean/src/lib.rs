//! Cleans an article's text: removes page furniture (player notices, sign-up blocks,
//! related links, captions and credits, update notices), joins words broken by a hyphen at a
//! line end, and keeps an offset map from the cleaned text back to the input bytes.
//!
//! Every removed span is reported with its reason; nothing is dropped silently. Unicode
//! quotes, dashes and spaces are kept as written: stages compare through
//! [`corroborate_model::text::fold`].
//!
//! ```
//! use corroborate_clean::{CleanConfig, CleanContext, clean};
//! use corroborate_model::{Article, ArticleId, OffsetMap};
//! let text = "Mayor wins\n\nVideo unavailable\nThe mayor won the vote.\n";
//! let article = Article {
//!     id: ArticleId::new("a.txt"), input: "a.txt".into(), title: None, outlet: None,
//!     published: None, text: text.into(), origin: OffsetMap::identity(text.len()),
//! };
//! let context = CleanContext::new(std::slice::from_ref(&article));
//! let (clean, _) = clean(&article, &context, &CleanConfig::default());
//! assert_eq!(clean.text, "Mayor wins\n\nThe mayor won the vote.\n");
//! assert_eq!(clean.removed[0].reason.as_str(), "video or audio player notice");
//! ```

mod assemble;
mod context;
mod furniture;
mod hyphenation;
mod lines;

pub use assemble::{CleanConfig, clean};
pub use context::CleanContext;
