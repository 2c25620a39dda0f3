//! The brief: what a story's sources say together, each statement traced to its passages.

use crate::{
    EntityId, EntityKind, FactId, PublishedDate, QuoteId, RemovalReason, SourceId, Span, When,
};

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

/// Whether the sources agree on a fact.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum FactStatus {
    Disputed,
    Agreed,
    SingleSource,
}

impl FactStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FactStatus::Disputed => "disputed",
            FactStatus::Agreed => "agreed",
            FactStatus::SingleSource => "single-source",
        }
    }
}

/// One value of a fact and the sources that state it.
#[derive(Clone, PartialEq, Debug)]
pub struct FactValue {
    pub value: f64,
    pub display: String,
    pub qualifier: crate::Qualifier,
    pub sources: Vec<SourceId>,
    /// Sources counted once per copy group (outlets printing the same agency copy).
    pub independent_sources: usize,
    /// What the arithmetic checks say of this value: `Some(true)` consistent, `Some(false)`
    /// contradicted, `None` untested.
    pub consistent: Option<bool>,
    pub evidence: Vec<Evidence>,
}

/// An arithmetic check across facts.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FactCheck {
    pub rule: String,
    pub holds: bool,
    pub explanation: String,
}

/// A figure of the story: what several sources say about one thing.
#[derive(Clone, PartialEq, Debug)]
pub struct BriefFact {
    pub id: FactId,
    pub subject: Option<String>,
    pub subject_entity: Option<EntityId>,
    pub property: String,
    pub scope: Option<String>,
    pub status: FactStatus,
    pub values: Vec<FactValue>,
    pub checks: Vec<FactCheck>,
    /// False for figures too general to compare (durations, sums, bare percentages): each of
    /// their values is a fact of its own and reading renderings leave them out.
    pub comparable: bool,
}

/// Sources that share substantial passages: copies of one text (agency copy, pooled
/// reporting), counted once for independent support.
#[derive(Clone, PartialEq, Debug)]
pub struct CopyGroup {
    pub sources: Vec<SourceId>,
    /// The share of the shorter source's word 8-grams found in another member.
    pub overlap: f64,
    pub shared: Vec<SharedPassage>,
}

/// A passage two or more sources share, with where it is in each.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SharedPassage {
    pub text: String,
    pub evidence: Vec<Evidence>,
}

/// What one source (or one copy group, listed under its first member) tells that no other
/// source does: a passage with a single-source figure, a quotation, or a sentence.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AdditionItem {
    pub text: String,
    /// The passage in the source, and in the other members of its copy group that carry it.
    pub evidence: Vec<Evidence>,
}

/// A source's unique contribution, ranked, at most a handful of items.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Addition {
    pub source: SourceId,
    pub items: Vec<AdditionItem>,
}

/// One dated event of the story with every source reporting it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TimelineEntry {
    pub when: When,
    /// The sentence, or its clause, carrying the date (from the first source citing it).
    pub text: String,
    pub sources: Vec<SourceId>,
    pub evidence: Vec<Evidence>,
}

/// Everything corroborate tells about one story.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Brief {
    pub title: String,
    pub sources: Vec<BriefSource>,
    pub summary: Vec<SummarySentence>,
    pub entities: Vec<BriefEntity>,
    pub quotes: Vec<BriefQuote>,
    pub facts: Vec<BriefFact>,
    pub copies: Vec<CopyGroup>,
    /// Per source, what only it reports; sources with nothing of their own are left out.
    pub additions: Vec<Addition>,
    /// Dated events, by date then position.
    pub timeline: Vec<TimelineEntry>,
    pub removed: Vec<RemovedItem>,
}
