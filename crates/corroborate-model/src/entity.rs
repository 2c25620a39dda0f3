//! Entity mentions and the entities an article's mentions resolve to.

use crate::Span;

/// What kind of thing an entity is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// A person's grammatical gender as the text shows it (titles, pronouns, role nouns).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Gender {
    Female,
    Male,
}

/// One place in the cleaned text that names or describes an entity.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Mention {
    /// The whole mention in the cleaned text, title included (`Sir Edward Marsh`).
    pub span: Span,
    /// The name without title or possessive (`Edward Marsh`); for a role mention, the role.
    pub name: String,
    /// A title or honorific written before the name (`Sir`, `Ms`, `Prime Minister`).
    pub title: Option<String>,
    pub kind: EntityKind,
    /// The article entity this mention resolves to (an index into `AnalyzedArticle::entities`).
    pub entity: Option<usize>,
}

/// An entity of one article: the mentions that name it, under its fullest name.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ArticleEntity {
    /// The fullest form of the name, without title (`Edward Marsh`).
    pub name: String,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// Every other form the article uses (`Sir Edward Marsh`, `Mr Marsh`, `Marsh`).
    pub aliases: Vec<String>,
    /// Role phrases bound to the entity (`opposition leader`).
    pub roles: Vec<String>,
    /// Indices into `AnalyzedArticle::mentions`, in text order.
    pub mentions: Vec<usize>,
}
