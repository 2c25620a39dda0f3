//! The brief: what a story's sources say together, each statement traced to its passages.

use crate::{EntityId, EntityKind, PublishedDate, QuoteId, RemovalReason, SourceId, Span};

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

/// An entity of the story: its mentions across sources under one name.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BriefEntity {
    pub id: EntityId,
    /// The fullest form any source uses.
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub sources: Vec<SourceId>,
    pub mentions: usize,
}

/// One wording of a quotation and the sources that print it so.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct QuoteVariant {
    pub text: String,
    pub sources: Vec<SourceId>,
    pub evidence: Vec<Evidence>,
}

/// A quotation as the story's sources carry it, with every wording.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BriefQuote {
    pub id: QuoteId,
    /// The speaker's name (the story entity's name when resolved), `None` when unknown.
    pub speaker: Option<String>,
    pub speaker_entity: Option<EntityId>,
    /// The fullest wording.
    pub text: String,
    pub sources: Vec<SourceId>,
    pub variants: Vec<QuoteVariant>,
}

/// Everything corroborate tells about one story.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Brief {
    pub title: String,
    pub sources: Vec<BriefSource>,
    pub summary: Vec<SummarySentence>,
    pub entities: Vec<BriefEntity>,
    pub quotes: Vec<BriefQuote>,
    pub removed: Vec<RemovedItem>,
}
