//! Newtypes for identities: an article is named by its input, a source by its place in a brief.

use std::fmt;

/// The identity of an article: its file name (or `-` for standard input).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ArticleId(String);

impl ArticleId {
    pub fn new(id: impl Into<String>) -> ArticleId {
        ArticleId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The label of a story-level entity inside one brief: `E1`, `E2`, ...
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct EntityId(u32);

impl EntityId {
    pub fn from_index(index: usize) -> EntityId {
        EntityId(u32::try_from(index + 1).expect("fewer than 4 billion entities in one story"))
    }

    pub fn index(self) -> usize {
        self.0 as usize - 1
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{}", self.0)
    }
}

/// The label of a fact inside one brief: `F1`, `F2`, ...
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct FactId(u32);

impl FactId {
    pub fn from_index(index: usize) -> FactId {
        FactId(u32::try_from(index + 1).expect("fewer than 4 billion facts in one story"))
    }
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "F{}", self.0)
    }
}

/// The label of a story-level quote inside one brief: `Q1`, `Q2`, ...
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct QuoteId(u32);

impl QuoteId {
    pub fn from_index(index: usize) -> QuoteId {
        QuoteId(u32::try_from(index + 1).expect("fewer than 4 billion quotes in one story"))
    }
}

impl fmt::Display for QuoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{}", self.0)
    }
}

/// The label of a source inside one brief: `S1`, `S2`, ... in input order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SourceId(u32);

impl SourceId {
    /// The source at `index` (0-based) in the story's input order.
    pub fn from_index(index: usize) -> SourceId {
        SourceId(u32::try_from(index + 1).expect("fewer than 4 billion sources in one story"))
    }

    /// The 0-based position of this source in the story.
    pub fn index(self) -> usize {
        self.0 as usize - 1
    }

    /// The 1-based number used in citations such as `[3]`.
    pub fn number(self) -> u32 {
        self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "S{}", self.0)
    }
}
