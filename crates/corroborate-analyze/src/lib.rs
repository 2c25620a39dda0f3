//! Analyses an article's cleaned text. For now: sentences and the headline; entity
//! mentions, quotes, claims and dates join here as their own modules.
//!
//! Analysis does no I/O and never fails: odd text gives fewer or longer sentences, not errors.
//!
//! ```
//! use corroborate_analyze::split_sentences;
//! let text = "Dr. Reyes won 14,512 votes. \u{201C}We won.\u{201D} Turnout rose.";
//! let sentences: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.range()]).collect();
//! assert_eq!(sentences, ["Dr. Reyes won 14,512 votes.", "\u{201C}We won.\u{201D}", "Turnout rose."]);
//! ```

mod sentences;

use corroborate_model::{AnalyzedArticle, CleanText};

pub use sentences::split_sentences;

/// What analysis does.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeConfig {}

/// Analyses one cleaned article.
pub fn analyze(clean: &CleanText, _config: &AnalyzeConfig) -> AnalyzedArticle {
    let sentences = split_sentences(&clean.text);
    let headline = sentences
        .first()
        .filter(|sentence| sentence.headline)
        .map(|sentence| sentence.span);
    AnalyzedArticle {
        clean: clean.clone(),
        sentences,
        headline,
    }
}
