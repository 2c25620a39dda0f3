//! An analysed article: its cleaned text and the units found in it.

use crate::{ArticleEntity, Claim, CleanText, DateMention, Mention, Quote, Span};

/// One sentence of the cleaned text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Sentence {
    /// Byte offsets into the cleaned text, without surrounding whitespace.
    pub span: Span,
    /// True for a headline line (a title or subheading with no closing punctuation).
    pub headline: bool,
}

/// The result of analysing one article.
#[derive(Clone, Debug)]
pub struct AnalyzedArticle {
    pub clean: CleanText,
    pub sentences: Vec<Sentence>,
    /// The article's headline in the cleaned text, when it opens with one.
    pub headline: Option<Span>,
    /// Entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// The article's entities, in order of first mention.
    pub entities: Vec<ArticleEntity>,
    /// Direct quotations in text order.
    pub quotes: Vec<Quote>,
    /// Numeric claims in text order.
    pub claims: Vec<Claim>,
    /// Date expressions in text order, resolved against the publication date when known.
    pub dates: Vec<DateMention>,
}

impl AnalyzedArticle {
    /// The text of a span of the cleaned text.
    pub fn text(&self, span: Span) -> &str {
        &self.clean.text[span.range()]
    }

    /// The article's title: from its metadata, else its headline line.
    pub fn title(&self) -> Option<&str> {
        self.clean
            .article
            .title
            .as_deref()
            .or_else(|| self.headline.map(|span| self.text(span)))
    }
}
