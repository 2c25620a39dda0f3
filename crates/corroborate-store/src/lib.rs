//! The embedded store: one SQLite file holding the articles of a growing collection, the
//! stories they form, each story's brief, and a full-text index over the articles.
//!
//! The store keeps what the pipeline made; it decides nothing about news. Which articles
//! form which story and what each brief says are computed by the facade
//! (`corroborate::library`) and written here through a [`Writer`], whose changes are
//! committed whole or not at all. Readers ([`Store::stories`], [`Store::article`],
//! [`Store::search`]) see the last committed state, also while an ingest runs (WAL mode).
//!
//! ```
//! use corroborate_store::{SearchQuery, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::open(&dir.path().join("news.db")).unwrap();
//! assert_eq!(store.story_count().unwrap(), 0);
//! let query = SearchQuery::parse(r#"entity:"Grace Okafor" flood is:disputed"#);
//! assert!(query.disputed);
//! ```

mod error;
mod porter;
mod read;
mod records;
mod schema;
mod search;
mod snippet;
mod write;

pub use error::StoreError;
pub use records::{
    ArticleRecord, ArticleView, Mark, MarkKind, NewArticle, RemovedPassage, StoredArticle,
    StoryMember, StoryRecord, StorySummary, StoryWrite, content_hash,
};
pub use schema::{SCHEMA_VERSION, Store};
pub use search::{RANKED_MATCHES, SearchHit, SearchQuery, SearchResults, SnippetPart};
pub use write::Writer;
