//! Analyses an article's cleaned text: sentences and the headline, entity mentions and the
//! article's entities, direct quotes with their speakers, numeric claims, and dates resolved
//! against the publication date.
//!
//! Analysis does no I/O and never fails: odd text gives fewer or longer sentences, not errors.
//!
//! ```
//! use corroborate_analyze::split_sentences;
//! let text = "Dr. Reyes won 14,512 votes. \u{201C}We won.\u{201D} Turnout rose.";
//! let sentences: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.range()]).collect();
//! assert_eq!(sentences, ["Dr. Reyes won 14,512 votes.", "\u{201C}We won.\u{201D}", "Turnout rose."]);
//! ```

mod claims;
mod dates;
mod entities;
mod mentions;
mod prefilter;
mod quotes;
mod sentences;
mod word_sets;

use corroborate_model::{AnalyzedArticle, CleanText};

pub use sentences::split_sentences;

/// What analysis does.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeConfig {
    /// Only what grouping reads: sentences, the headline, mentions and entities; no quotes,
    /// claims or dates (left empty). A brief needs the full analysis.
    pub names_only: bool,
}

/// Analyses one cleaned article.
pub fn analyze(clean: &CleanText, config: &AnalyzeConfig) -> AnalyzedArticle {
    let text = clean.text.as_str();
    let sentences = split_sentences(text);
    let headline = sentences
        .first()
        .filter(|sentence| sentence.headline)
        .map(|sentence| sentence.span);
    let mut found = mentions::find_mentions(text, &sentences);
    let entities = entities::resolve(&mut found);
    if config.names_only {
        return AnalyzedArticle {
            clean: clean.clone(),
            sentences,
            headline,
            mentions: found.into_iter().map(|found| found.mention).collect(),
            entities,
            quotes: Vec::new(),
            claims: Vec::new(),
            dates: Vec::new(),
        };
    }
    let quotes = quotes::find_quotes(text, &sentences, &found, &entities);
    let claims = claims::find_claims(
        text,
        &sentences,
        &found,
        &entities,
        &quotes,
        clean.article.published,
    );
    let dates = dates::find_dates(text, &sentences, clean.article.published);
    let mentions = found.into_iter().map(|found| found.mention).collect();
    AnalyzedArticle {
        clean: clean.clone(),
        sentences,
        headline,
        mentions,
        entities,
        quotes,
        claims,
        dates,
    }
}
