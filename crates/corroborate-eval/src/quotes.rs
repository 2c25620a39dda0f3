//! Direct-quote evaluation on PolNeAR: gold attributions whose content holds a quotation
//! mark, predictions in a shared JSON Lines form, and the scorer.
//!
//! A predicted quote matches a gold attribution when at least half of its characters lie
//! inside the gold content; each gold matches at most one prediction. Speaker accuracy is
//! the share of matched pairs (whose gold has a source) where the predicted speaker span
//! overlaps the gold source, or the predicted speaker text equals the gold source text once
//! both are normalised. All offsets are character offsets, as PolNeAR's are.

use std::collections::{BTreeMap, HashSet};

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::CorpusError;
use crate::corpora::for_each_record;

/// One PolNeAR article with its gold direct quotes.
#[derive(Clone, Debug)]
pub struct PolnearArticle {
    pub id: String,
    pub text: String,
    pub gold: Vec<GoldQuote>,
}

/// A gold attribution whose content contains a quotation mark.
#[derive(Clone, Debug)]
pub struct GoldQuote {
    /// Content spans (character offsets, end exclusive).
    pub content: Vec<(usize, usize)>,
    /// Source spans; empty when the annotator marked no source.
    pub source: Vec<(usize, usize)>,
    pub source_text: Option<String>,
}

/// A predicted quote, in the prediction file form shared with peer systems.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PredictedQuote {
    pub start: usize,
    pub end: usize,
    /// The quoted stretches when an attribution interrupts the quote; the quote's
    /// characters are then theirs, not the attribution's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<(usize, usize)>>,
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
}

/// One line of a prediction file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ArticlePredictions {
    pub id: String,
    pub quotes: Vec<PredictedQuote>,
}

/// The figures of one system.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QuoteScores {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speaker_total: usize,
    pub speaker_correct: usize,
}

impl QuoteScores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.speaker_total)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[derive(Deserialize)]
struct RawArticle {
    id: String,
    text: String,
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    #[serde(default)]
    source: Vec<RawPart>,
    #[serde(default)]
    content: Vec<RawPart>,
}

#[derive(Deserialize)]
struct RawPart {
    spans: Vec<(usize, usize)>,
    text: String,
}

/// Which characters count as quotation marks when choosing the gold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMarks {
    /// `"`, `“`, `”`: the definition the published figures use.
    Double,
    /// Also `''`, which some archives (PolNeAR's New York Times texts) write for `"`.
    DoubleAndDoubledApostrophes,
}

impl QuoteMarks {
    /// True when `text` holds a quotation mark of this kind.
    pub fn found_in(self, text: &str) -> bool {
        text.contains(['"', '\u{201C}', '\u{201D}'])
            || (self == QuoteMarks::DoubleAndDoubledApostrophes && text.contains("''"))
    }
}

/// Reads the gold: the first annotation of each article, attributions with a quote mark.
pub fn polnear_quote_gold(
    path: &Path,
    marks: QuoteMarks,
) -> Result<Vec<PolnearArticle>, CorpusError> {
    let mut seen = HashSet::new();
    let mut articles = Vec::new();
    for_each_record(path, |raw: RawArticle| {
        if !seen.insert(raw.id.clone()) {
            return;
        }
        let gold = raw
            .attributions
            .into_iter()
            .filter(|attribution| {
                attribution
                    .content
                    .iter()
                    .any(|part| marks.found_in(&part.text))
            })
            .map(|attribution| GoldQuote {
                content: attribution
                    .content
                    .iter()
                    .flat_map(|part| part.spans.iter().copied())
                    .collect(),
                source: attribution
                    .source
                    .iter()
                    .flat_map(|part| part.spans.iter().copied())
                    .collect(),
                source_text: (!attribution.source.is_empty()).then(|| {
                    attribution
                        .source
                        .iter()
                        .map(|part| part.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
            })
            .collect();
        articles.push(PolnearArticle {
            id: raw.id,
            text: raw.text,
            gold,
        });
    })?;
    Ok(articles)
}

/// Reads a prediction file into article id -> quotes.
pub fn read_predictions(path: &Path) -> Result<BTreeMap<String, Vec<PredictedQuote>>, CorpusError> {
    let mut predictions = BTreeMap::new();
    for_each_record(path, |article: ArticlePredictions| {
        predictions.insert(article.id, article.quotes);
    })?;
    Ok(predictions)
}

/// Writes predictions in the shared form, one article a line.
pub fn write_predictions(
    mut out: impl Write,
    predictions: &BTreeMap<String, Vec<PredictedQuote>>,
) -> std::io::Result<()> {
    for (id, quotes) in predictions {
        let line = serde_json::to_string(&ArticlePredictions {
            id: id.clone(),
            quotes: quotes.clone(),
        })
        .expect("predictions of strings and numbers always serialise");
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Scores predictions against the gold. Articles missing from `predictions` count as
/// predicting nothing.
pub fn score_quotes(
    articles: &[PolnearArticle],
    predictions: &BTreeMap<String, Vec<PredictedQuote>>,
) -> QuoteScores {
    let mut scores = QuoteScores::default();
    let none = Vec::new();
    for article in articles {
        let predicted = predictions.get(&article.id).unwrap_or(&none);
        scores.gold += article.gold.len();
        scores.predicted += predicted.len();
        for pairing in pair_article(article, predicted) {
            if pairing.gold.is_none() {
                continue;
            }
            scores.matched += 1;
            if let Some(correct) = pairing.speaker_correct {
                scores.speaker_total += 1;
                scores.speaker_correct += usize::from(correct);
            }
        }
    }
    scores
}

/// What the scorer decided for one predicted quote of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotePairing {
    /// Index of the prediction in the article's prediction list.
    pub predicted: usize,
    /// Index of the gold attribution it matched, if any.
    pub gold: Option<usize>,
    /// Whether the speaker was right; `None` when unmatched or the gold has no source.
    pub speaker_correct: Option<bool>,
}

/// The scorer's pairing of one article's predictions with its gold (the same matching
/// `score_quotes` counts), for listing errors.
pub fn pair_article(article: &PolnearArticle, predicted: &[PredictedQuote]) -> Vec<QuotePairing> {
    let mut order: Vec<usize> = (0..predicted.len()).collect();
    order.sort_by_key(|&index| (predicted[index].start, predicted[index].end));
    let mut used = vec![false; article.gold.len()];
    let mut pairings = Vec::new();
    for quote_index in order {
        let quote = &predicted[quote_index];
        let mut pairing = QuotePairing {
            predicted: quote_index,
            gold: None,
            speaker_correct: None,
        };
        let parts = quote
            .parts
            .clone()
            .unwrap_or_else(|| vec![(quote.start, quote.end)]);
        let length: usize = parts
            .iter()
            .map(|(start, end)| end.saturating_sub(*start))
            .sum();
        let best = if length == 0 {
            None
        } else {
            article
                .gold
                .iter()
                .enumerate()
                .filter(|(index, _)| !used[*index])
                .map(|(index, gold)| {
                    (
                        index,
                        parts
                            .iter()
                            .map(|(start, end)| overlap(*start, *end, &gold.content))
                            .sum::<usize>(),
                    )
                })
                .filter(|(_, inside)| inside * 2 >= length)
                .max_by_key(|(index, inside)| (*inside, std::cmp::Reverse(*index)))
        };
        if let Some((index, _)) = best {
            used[index] = true;
            pairing.gold = Some(index);
            let gold = &article.gold[index];
            if !gold.source.is_empty() {
                let span_hit = match (quote.speaker_start, quote.speaker_end) {
                    (Some(start), Some(end)) => {
                        gold.source.iter().any(|(s, e)| start < *e && *s < end)
                    }
                    _ => false,
                };
                let text_hit = match (&quote.speaker, &gold.source_text) {
                    (Some(predicted), Some(gold_text)) => {
                        normalise(predicted) == normalise(gold_text)
                    }
                    _ => false,
                };
                pairing.speaker_correct = Some(span_hit || text_hit);
            }
        }
        pairings.push(pairing);
    }
    pairings
}

/// Characters of `start..end` inside any of `spans`.
fn overlap(start: usize, end: usize, spans: &[(usize, usize)]) -> usize {
    spans
        .iter()
        .map(|(s, e)| end.min(*e).saturating_sub(start.max(*s)))
        .sum()
}

fn normalise(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(gold: Vec<GoldQuote>) -> PolnearArticle {
        PolnearArticle {
            id: "a".into(),
            text: "x".repeat(200),
            gold,
        }
    }

    fn predicted(start: usize, end: usize, speaker: Option<(usize, usize)>) -> PredictedQuote {
        PredictedQuote {
            start,
            end,
            parts: None,
            speaker: None,
            speaker_start: speaker.map(|s| s.0),
            speaker_end: speaker.map(|s| s.1),
        }
    }

    #[test]
    fn half_inside_matches_and_each_gold_once() {
        let gold = vec![GoldQuote {
            content: vec![(10, 30)],
            source: vec![(0, 5)],
            source_text: Some("Ann Lee".into()),
        }];
        let mut predictions = BTreeMap::new();
        // The first (by start) matches; the second, 10 of 20 characters inside, would match
        // too but cannot reuse the gold.
        predictions.insert(
            "a".to_string(),
            vec![predicted(20, 40, None), predicted(12, 28, Some((1, 3)))],
        );
        let scores = score_quotes(&[article(gold)], &predictions);
        assert_eq!((scores.gold, scores.predicted, scores.matched), (1, 2, 1));
        assert_eq!((scores.speaker_total, scores.speaker_correct), (1, 1));
        assert!((scores.precision() - 0.5).abs() < 1e-9 && (scores.recall() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn less_than_half_inside_is_no_match_and_speaker_text_can_match() {
        let gold = vec![GoldQuote {
            content: vec![(10, 20)],
            source: vec![(50, 57)],
            source_text: Some("Ann Lee,".into()),
        }];
        let mut predictions = BTreeMap::new();
        predictions.insert("a".to_string(), vec![predicted(15, 40, None)]);
        assert_eq!(
            score_quotes(&[article(gold.clone())], &predictions).matched,
            0
        );
        let mut named = predicted(12, 18, None);
        named.speaker = Some("ann lee".into());
        predictions.insert("a".to_string(), vec![named]);
        let scores = score_quotes(&[article(gold)], &predictions);
        assert_eq!((scores.matched, scores.speaker_correct), (1, 1));
    }
}
