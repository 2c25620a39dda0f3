//! The nouns every corroborate stage shares: identifiers, spans, offset maps, articles,
//! cleaned text, analysed articles, stories, briefs and diagnostics.
//!
//! This crate does no I/O and has no dependencies, so every stage can use it.
//!
//! ```
//! use corroborate_model::{OffsetMap, Span};
//! // A text that starts 6 bytes into its input file.
//! let map = OffsetMap::shifted(6, 10);
//! assert_eq!(map.span_to_input(Span::new(2, 5)), Span::new(8, 11));
//! ```

mod analyzed;
mod article;
mod brief;
pub mod calendar;
mod claim;
mod clean_text;
mod date;
mod diagnostic;
mod entity;
mod ids;
mod offsets;
mod quote;
mod span;
mod story;
pub mod text;

pub use analyzed::{AnalyzedArticle, Sentence};
pub use article::{Article, DatePrecision, PublishedDate};
pub use brief::{
    Addition, AdditionItem, Brief, BriefEntity, BriefFact, BriefQuote, BriefSource, CopyGroup,
    Evidence, FactCheck, FactStatus, FactValue, QuoteVariant, RemovedItem, SharedPassage,
    SummarySentence, TimelineEntry,
};
pub use claim::{Claim, Qualifier};
pub use clean_text::{CleanText, Removal, RemovalReason};
pub use date::{DateMention, TimePrecision, When};
pub use diagnostic::{Diagnostic, Severity};
pub use entity::{ArticleEntity, EntityKind, Gender, Mention};
pub use ids::{ArticleId, EntityId, FactId, QuoteId, SourceId};
pub use offsets::{OffsetMap, OffsetMapBuilder};
pub use quote::{Quote, Speaker};
pub use span::Span;
pub use story::Story;
