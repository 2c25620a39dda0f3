//! corroborate as a library: reads news reports of one event and tells what they agree on,
//! each statement traced to the passages it came from.
//!
//! [`pipeline`] wires the stages (ingest, clean, analyze, reconcile, render); the stage
//! crates are re-exported for callers that need one stage alone.
//!
//! ```
//! use corroborate::pipeline::{PipelineConfig, brief_articles};
//! use corroborate::ingest::text_article;
//! let a = text_article("a.txt", "a.txt", b"Bridge reopens\n\nThe old bridge reopened on Monday after two years of repairs.").0.unwrap();
//! let b = text_article("b.txt", "b.txt", b"The old bridge reopened on Monday after two years of repair work.").0.unwrap();
//! let run = brief_articles(vec![a, b], &PipelineConfig::default());
//! assert_eq!(run.brief.title, "Bridge reopens");
//! assert_eq!(run.brief.summary[0].sources.len(), 2);
//! ```

pub mod library;
pub mod pipeline;

pub use corroborate_analyze as analyze;
pub use corroborate_clean as clean;
pub use corroborate_group as group;
pub use corroborate_ingest as ingest;
pub use corroborate_model as model;
pub use corroborate_reconcile as reconcile;
pub use corroborate_render as render;
pub use corroborate_store as store;
