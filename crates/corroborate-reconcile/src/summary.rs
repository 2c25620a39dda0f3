//! The extractive summary: sentences central across sources, redundancy removed, each
//! citing every source that carries the same content.
//!
//! A sentence's score is mostly its *support*: for every other source, how closely that
//! source's nearest sentence matches it. Sentences only one outlet tells score low; the
//! lead of an article and sentences central within their own article get a smaller bonus,
//! which is what decides in a one-source story. Selection is greedy by score, skipping
//! sentences too close to one already chosen, until the word budget is spent.

use corroborate_model::{Evidence, SourceId, Story, SummarySentence};

use crate::figures::SentenceFigures;
use crate::similarity::SentenceIndex;

/// How the summary is chosen.
#[derive(Clone, Debug)]
pub struct SummaryConfig {
    /// The word budget: the summary stops once it holds about this many words.
    pub words: usize,
    /// A candidate this similar (cosine) to a chosen sentence repeats it and is skipped.
    pub redundancy: f32,
    /// A sentence of another source this similar carries the same content and is cited.
    pub same_content: f32,
    /// Sentences shorter than this are fragments (bylines, datelines), not summary material.
    pub min_words: usize,
    /// Sentences longer than this are run-ons or lists.
    pub max_words: usize,
}

impl Default for SummaryConfig {
    fn default() -> SummaryConfig {
        SummaryConfig {
            words: 120,
            redundancy: 0.45,
            same_content: 0.5,
            min_words: 6,
            max_words: 80,
        }
    }
}

/// Weight of a sentence's centrality within its own article.
const WITHIN_WEIGHT: f32 = 0.8;
/// Weight of being early in the article (news puts the event first).
const LEAD_WEIGHT: f32 = 0.05;
/// A sentence of this many words gets half its similarity score (see `length_factor`).
const SHORT_SENTENCE_WORDS: f32 = 8.0;
/// Penalty for a sentence that opens with a quote (reactions rank below statements of
/// fact) or with a pronoun (it needs the sentence before it to be understood).
const CONTEXT_PENALTY: f32 = 0.1;

pub(crate) fn summarize(
    story: &Story,
    index: &SentenceIndex,
    config: &SummaryConfig,
) -> Vec<SummarySentence> {
    let figures = SentenceFigures::new(story, index);
    let scores = score_sentences(story, index, config, &figures);
    let mut candidates: Vec<usize> = (0..scores.len()).filter(|&s| scores[s].is_some()).collect();
    candidates.sort_by(|&a, &b| {
        let (score_a, score_b) = (scores[a].unwrap_or(0.0), scores[b].unwrap_or(0.0));
        score_b.total_cmp(&score_a).then(a.cmp(&b))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut total_words = 0;
    for candidate in candidates {
        if total_words >= config.words {
            break;
        }
        let words = index.sentences[candidate].words;
        if !chosen.is_empty() && total_words + words > config.words + config.words / 10 {
            continue;
        }
        if chosen
            .iter()
            .any(|&other| index.cosine(candidate, other) >= config.redundancy)
        {
            continue;
        }
        chosen.push(candidate);
        total_words += words;
    }
    // Read in story order: earlier in its article first, as news is written.
    chosen.sort_by(|&a, &b| {
        let (ra, rb) = (
            relative_position(story, index, a),
            relative_position(story, index, b),
        );
        ra.total_cmp(&rb).then(a.cmp(&b))
    });
    chosen
        .into_iter()
        .map(|sentence| cite(story, index, sentence, config, &figures))
        .collect()
}

/// The score of every sentence that may enter the summary (`None` for those that may not).
fn score_sentences(
    story: &Story,
    index: &SentenceIndex,
    config: &SummaryConfig,
    figures: &SentenceFigures,
) -> Vec<Option<f32>> {
    let n_articles = story.articles.len();
    let mut buffer = vec![0.0f32; index.sentences.len()];
    let mut best_per_article = vec![0.0f32; n_articles];
    let mut body_positions = vec![0usize; n_articles];
    let mut scores = Vec::with_capacity(index.sentences.len());
    for (sentence, info) in index.sentences.iter().enumerate() {
        let body_position = body_positions[info.article];
        if !info.headline {
            body_positions[info.article] += 1;
        }
        let text = story.articles[info.article].text(info.span);
        let eligible = !info.headline
            && info.words >= config.min_words
            && info.words <= config.max_words
            && quotes_are_balanced(text)
            && !inside_a_quotation(&story.articles[info.article], info.span)
            // A figure most sources give otherwise (a slip, or a figure later corrected)
            // is for the Facts section to show as disputed, not for the summary to state.
            && !figures.outvoted(sentence);
        if !eligible {
            scores.push(None);
            continue;
        }
        best_per_article.iter_mut().for_each(|best| *best = 0.0);
        let mut within = 0.0;
        let touched = index.similarities(sentence, &mut buffer);
        for other in touched {
            let similarity = buffer[other as usize];
            buffer[other as usize] = 0.0;
            let other_info = &index.sentences[other as usize];
            if other_info.article == info.article {
                if other as usize != sentence {
                    within += similarity;
                }
            } else {
                let best = &mut best_per_article[other_info.article];
                *best = best.max(similarity);
            }
        }
        let support = best_per_article.iter().sum::<f32>() / (n_articles.max(2) - 1) as f32;
        let article_len = story.articles[info.article].sentences.len();
        let within = within / (article_len.max(2) - 1) as f32;
        let lead = 1.0 / (1.0 + body_position as f32);
        // Short sentences match other sources on a handful of words; a full statement of the
        // event is what a summary needs.
        let length_factor = info.words as f32 / (info.words as f32 + SHORT_SENTENCE_WORDS);
        let penalty = if opens_with_quote(text) || opens_with_pronoun(text) {
            CONTEXT_PENALTY
        } else {
            0.0
        };
        scores.push(Some(
            length_factor * (support + WITHIN_WEIGHT * within) + LEAD_WEIGHT * lead - penalty,
        ));
    }
    scores
}

/// False for a piece of a quotation split into sentences (`I will go.”`, `“We start today.`):
/// it cannot stand alone in a summary.
fn quotes_are_balanced(text: &str) -> bool {
    let opening = text.matches('\u{201C}').count();
    let closing = text.matches('\u{201D}').count();
    let straight = text.matches('"').count();
    opening == closing && straight.is_multiple_of(2)
}

/// A sentence in the middle of someone's quotation is their words, not the report's.
fn inside_a_quotation(
    article: &corroborate_model::AnalyzedArticle,
    span: corroborate_model::Span,
) -> bool {
    article
        .quotes
        .iter()
        .any(|quote| quote.parts.iter().any(|part| part.contains_span(span)))
}

fn opens_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201C}', '\u{2018}', '\''])
}

fn opens_with_pronoun(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(
        first,
        "He" | "She"
            | "They"
            | "It"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
    )
}

fn relative_position(story: &Story, index: &SentenceIndex, sentence: usize) -> f32 {
    let info = &index.sentences[sentence];
    info.position as f32 / story.articles[info.article].sentences.len().max(1) as f32
}

/// The summary sentence for a chosen sentence, citing every source with a sentence of the
/// same content (the closest one in each source is the evidence); a source giving one of
/// its figures otherwise, in that sentence or elsewhere, does not carry the same content,
/// however alike its words.
fn cite(
    story: &Story,
    index: &SentenceIndex,
    sentence: usize,
    config: &SummaryConfig,
    figures: &SentenceFigures,
) -> SummarySentence {
    let info = index.sentences[sentence];
    let mut best: Vec<Option<(f32, usize)>> = vec![None; story.articles.len()];
    best[info.article] = Some((f32::INFINITY, sentence));
    let mut buffer = vec![0.0f32; index.sentences.len()];
    for other in index.similarities(sentence, &mut buffer) {
        let similarity = buffer[other as usize];
        let other_info = &index.sentences[other as usize];
        if other_info.article == info.article
            || similarity < config.same_content
            || figures.disagree(sentence, other as usize)
            || figures.article_disagrees(sentence, other_info.article)
        {
            continue;
        }
        let slot = &mut best[other_info.article];
        if slot.is_none_or(|(current, _)| similarity > current) {
            *slot = Some((similarity, other as usize));
        }
    }
    let mut sources = Vec::new();
    let mut evidence = Vec::new();
    for (article_index, found) in best.iter().enumerate() {
        let Some((_, matched)) = found else { continue };
        let source = SourceId::from_index(article_index);
        let span = story.articles[article_index]
            .clean
            .input_span(index.sentences[*matched].span);
        sources.push(source);
        evidence.push(Evidence { source, span });
    }
    let text = story.articles[info.article].text(info.span);
    SummarySentence {
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        sources,
        evidence,
    }
}
