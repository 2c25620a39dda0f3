//! The story's title: the source headline that best represents the story.

use corroborate_model::{Story, SummarySentence};

use crate::similarity::{SentenceIndex, dot};

/// Words of a title made from the summary when no source has a headline.
const FALLBACK_TITLE_WORDS: usize = 12;

/// Picks the headline closest to the summary (ties: earliest source); without headlines,
/// the start of the summary's first sentence.
pub(crate) fn story_title(
    story: &Story,
    index: &SentenceIndex,
    summary: &[SummarySentence],
) -> String {
    let summary_text: String = summary
        .iter()
        .map(|sentence| sentence.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let summary_vector = index.vector_of(&summary_text);
    let mut best: Option<(f32, String)> = None;
    for article in &story.articles {
        let Some(title) = article.title() else {
            continue;
        };
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let score = dot(&index.vector_of(&title), &summary_vector);
        if best
            .as_ref()
            .is_none_or(|(best_score, _)| score > *best_score)
        {
            best = Some((score, title));
        }
    }
    if let Some((_, title)) = best {
        return title;
    }
    let Some(first) = summary.first() else {
        return "Untitled story".to_string();
    };
    let words: Vec<&str> = first.text.split_whitespace().collect();
    if words.len() <= FALLBACK_TITLE_WORDS {
        return first.text.trim_end_matches(['.', '!', '?']).to_string();
    }
    format!("{}\u{2026}", words[..FALLBACK_TITLE_WORDS].join(" "))
}
