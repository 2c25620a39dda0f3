//! The brief: what a story's sources say together, each statement traced to its passages.

use crate::{PublishedDate, RemovalReason, SourceId, Span};

/// A passage of one source that backs a statement.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Evidence {
    pub source: SourceId,
    /// Byte offsets into the source's input as read.
    pub span: Span,
}

/// One source of the story.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BriefSource {
    pub id: SourceId,
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PublishedDate>,
    /// Words in the cleaned text.
    pub words: usize,
}

/// One sentence of the summary with every source carrying the same content.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SummarySentence {
    pub text: String,
    pub sources: Vec<SourceId>,
    pub evidence: Vec<Evidence>,
}

/// A span of page furniture removed from a source.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RemovedItem {
    pub source: SourceId,
    pub text: String,
    pub reason: RemovalReason,
    pub span: Span,
}

/// Everything corroborate tells about one story.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Brief {
    pub title: String,
    pub sources: Vec<BriefSource>,
    pub summary: Vec<SummarySentence>,
    pub removed: Vec<RemovedItem>,
}
