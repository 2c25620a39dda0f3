//! The rows the store keeps and gives back: articles with their marked-up view, and
//! stories with their brief.

use corroborate_model::{OffsetMap, PublishedDate};
use serde::{Deserialize, Serialize};

/// The content hash that makes ingest idempotent: xxh3-128 of the article text, in hex.
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// An article to add.
#[derive(Clone, Debug)]
pub struct NewArticle {
    /// The id given at ingest (the JSON Lines `id`, or the file name); unique in the store.
    pub id: String,
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PublishedDate>,
    /// The article text as read (decoded, metadata line removed).
    pub text: String,
    /// Maps offsets of `text` to byte offsets of the input as read.
    pub origin: OffsetMap,
    /// [`content_hash`] of `text`.
    pub hash: String,
}

/// An article as stored.
#[derive(Clone, Debug)]
pub struct StoredArticle {
    /// The order of ingest; the row's key.
    pub seq: i64,
    pub id: String,
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PublishedDate>,
    pub text: String,
    pub origin: OffsetMap,
    /// The story the article belongs to.
    pub story: Option<i64>,
}

/// What the article page shows over the text: marks and removed page furniture, with
/// byte offsets into [`StoredArticle::text`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub marks: Vec<Mark>,
    pub removed: Vec<RemovedPassage>,
}

/// A quote, claim or entity mention in the article text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub kind: MarkKind,
    pub start: usize,
    pub end: usize,
    /// What the mark says: the speaker of a quote, the property and value of a claim, the
    /// canonical name and kind of a mention.
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    Quote,
    Claim,
    Mention,
}

/// A passage cleaning removed as page furniture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemovedPassage {
    pub start: usize,
    pub end: usize,
    /// Why it was removed (`video player`, `sign-up`, ...).
    pub reason: String,
}

/// An article with its view.
#[derive(Clone, Debug)]
pub struct ArticleRecord {
    pub article: StoredArticle,
    pub view: ArticleView,
}

impl ArticleRecord {
    /// The span of the article text that input span `start..end` (a brief's evidence) came
    /// from; `None` when no shown byte came from it.
    pub fn text_span_of_input(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let span = corroborate_model::Span::try_new(start, end)?;
        let found = self.article.origin.span_from_input(span)?;
        Some((found.start(), found.end()))
    }
}

/// A story as the story list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: i64,
    pub title: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub sources: usize,
    pub independent_sources: usize,
    /// The number of disputed facts.
    pub disputed: usize,
    /// The ids of the story's articles, in ingest order.
    pub articles: Vec<String>,
}

/// A story with its brief.
#[derive(Clone, Debug)]
pub struct StoryRecord {
    pub summary: StorySummary,
    /// Grows each time ingest rewrites the brief (see [`crate::Store::story_revision`]).
    pub revision: i64,
    /// The brief as the `brief --format json` command prints it.
    pub brief_json: String,
}

/// A story to write (new or rebuilt), with its members and their refreshed views.
#[derive(Clone, Debug)]
pub struct StoryWrite {
    pub id: i64,
    pub title: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub sources: usize,
    pub independent_sources: usize,
    pub disputed: usize,
    pub brief_json: String,
    pub members: Vec<StoryMember>,
}

/// A member of a story being written, with what the story's analysis found in it.
#[derive(Clone, Debug)]
pub struct StoryMember {
    /// [`StoredArticle::seq`].
    pub seq: i64,
    pub view: ArticleView,
    /// Entity names as written, each with the canonical name it resolved to.
    pub names: Vec<(String, String)>,
}
