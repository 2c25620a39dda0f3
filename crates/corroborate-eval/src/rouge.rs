//! ROUGE-1, ROUGE-2 and ROUGE-L F1 as Google's `rouge-score` package computes them with
//! stemming: lower case, every run of characters other than `a-z0-9` a separator, tokens
//! longer than three characters Porter-stemmed; n-gram overlap counted on multisets;
//! ROUGE-L from the longest common subsequence of the two token sequences.

use std::collections::HashMap;

/// Precision, recall and F1 of one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The three measures for one summary against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RougeScores {
    pub rouge1: Prf,
    pub rouge2: Prf,
    pub rouge_l: Prf,
}

/// Scores `candidate` against `reference`.
pub fn rouge(candidate: &str, reference: &str) -> RougeScores {
    let candidate = tokens(candidate);
    let reference = tokens(reference);
    RougeScores {
        rouge1: ngram_overlap(&candidate, &reference, 1),
        rouge2: ngram_overlap(&candidate, &reference, 2),
        rouge_l: lcs_scores(&candidate, &reference),
    }
}

/// rouge-score's tokenizer with stemming.
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|token| !token.is_empty())
        .map(|token| {
            if token.len() > 3 {
                porter_stemmer::stem(token)
            } else {
                token.to_string()
            }
        })
        .collect()
}

fn prf(overlap: usize, candidate_total: usize, reference_total: usize) -> Prf {
    let precision = if candidate_total == 0 {
        0.0
    } else {
        overlap as f64 / candidate_total as f64
    };
    let recall = if reference_total == 0 {
        0.0
    } else {
        overlap as f64 / reference_total as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

fn ngram_overlap(candidate: &[String], reference: &[String], n: usize) -> Prf {
    let candidate_counts = ngram_counts(candidate, n);
    let reference_counts = ngram_counts(reference, n);
    let overlap: usize = candidate_counts
        .iter()
        .map(|(gram, count)| (*count).min(reference_counts.get(gram).copied().unwrap_or(0)))
        .sum();
    prf(
        overlap,
        candidate.len().saturating_sub(n - 1),
        reference.len().saturating_sub(n - 1),
    )
}

fn ngram_counts(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_default() += 1;
    }
    counts
}

fn lcs_scores(candidate: &[String], reference: &[String]) -> Prf {
    let mut previous = vec![0usize; reference.len() + 1];
    let mut current = vec![0usize; reference.len() + 1];
    for token in candidate {
        for (j, other) in reference.iter().enumerate() {
            current[j + 1] = if token == other {
                previous[j] + 1
            } else {
                current[j].max(previous[j + 1])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    prf(previous[reference.len()], candidate.len(), reference.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_lowercase_split_and_stem() {
        assert_eq!(
            tokens("The cats' running-shoes, 2019!"),
            ["the", "cat", "run", "shoe", "2019"]
        );
    }

    #[test]
    fn hand_computed_scores() {
        let scores = rouge("the cat sat on the mat", "the cat lay on the mat");
        // Unigrams: 5 of 6 shared each way; bigrams: "the cat", "on the", "the mat" = 3 of 5.
        assert!((scores.rouge1.f1 - 5.0 / 6.0).abs() < 1e-9);
        assert!((scores.rouge2.f1 - 3.0 / 5.0).abs() < 1e-9);
        // LCS: the cat on the mat = 5.
        assert!((scores.rouge_l.f1 - 5.0 / 6.0).abs() < 1e-9);
        assert_eq!(rouge("", "anything").rouge1.f1, 0.0);
    }
}
