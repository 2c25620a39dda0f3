//! Sentence similarity across a story: stemmed content words weighted by TF-IDF, compared
//! by cosine through an inverted index so only sentences that share words are compared.

use std::collections::HashMap;

use corroborate_model::text::{fold, words};
use corroborate_model::{Span, Story};
use rust_stemmers::{Algorithm, Stemmer};

/// Where a sentence sits in the story.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SentenceRef {
    pub article: usize,
    /// Index within the article's sentences.
    pub position: usize,
    pub span: Span,
    pub headline: bool,
    pub words: usize,
}

/// Term vectors of every sentence of a story.
pub(crate) struct SentenceIndex {
    pub sentences: Vec<SentenceRef>,
    /// Unit-length sparse vectors, term ids ascending.
    vectors: Vec<Vec<(u32, f32)>>,
    postings: Vec<Vec<(u32, f32)>>,
    stemmer: Stemmer,
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
}

impl SentenceIndex {
    pub fn new(story: &Story) -> SentenceIndex {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut terms: HashMap<String, u32> = HashMap::new();
        let mut sentences = Vec::new();
        let mut counts: Vec<Vec<(u32, f32)>> = Vec::new();
        // Each distinct written word is folded and stemmed once for the whole story.
        let mut word_terms: rustc_hash::FxHashMap<&str, Option<u32>> =
            rustc_hash::FxHashMap::default();
        for (article_index, article) in story.articles.iter().enumerate() {
            for (position, sentence) in article.sentences.iter().enumerate() {
                let text = article.text(sentence.span);
                let mut bag: Vec<u32> = Vec::new();
                let mut word_count = 0;
                for (_, word) in words(text) {
                    word_count += 1;
                    let term = *word_terms.entry(word).or_insert_with(|| {
                        content_term(word, &stemmer).map(|term| {
                            let next_id = terms.len() as u32;
                            *terms.entry(term).or_insert(next_id)
                        })
                    });
                    bag.extend(term);
                }
                sentences.push(SentenceRef {
                    article: article_index,
                    position,
                    span: sentence.span,
                    headline: sentence.headline,
                    words: word_count,
                });
                counts.push(term_counts(bag));
            }
        }
        let mut document_frequency = vec![0u32; terms.len()];
        for bag in &counts {
            for (term, _) in bag {
                document_frequency[*term as usize] += 1;
            }
        }
        let n = counts.len() as f32;
        let idf: Vec<f32> = document_frequency
            .iter()
            .map(|df| ((n + 1.0) / (*df as f32 + 1.0)).ln() + 1.0)
            .collect();
        let vectors: Vec<Vec<(u32, f32)>> =
            counts.into_iter().map(|bag| weigh(bag, &idf)).collect();
        let mut postings = vec![Vec::new(); terms.len()];
        for (sentence, vector) in vectors.iter().enumerate() {
            for (term, weight) in vector {
                postings[*term as usize].push((sentence as u32, *weight));
            }
        }
        SentenceIndex {
            sentences,
            vectors,
            postings,
            stemmer,
            terms,
            idf,
        }
    }

    /// Cosine similarity of sentence `index` with every sentence that shares a term with it,
    /// written into `scores` (which must hold one slot per sentence and be all zero); returns
    /// the indices it touched so the caller can reset them.
    pub fn similarities(&self, index: usize, scores: &mut [f32]) -> Vec<u32> {
        let mut touched = Vec::new();
        for (term, weight) in &self.vectors[index] {
            for (other, other_weight) in &self.postings[*term as usize] {
                let slot = &mut scores[*other as usize];
                if *slot == 0.0 {
                    touched.push(*other);
                }
                *slot += weight * other_weight;
            }
        }
        touched
    }

    /// Cosine similarity of two sentences.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        dot(&self.vectors[a], &self.vectors[b])
    }

    /// The vector of an arbitrary text, in this story's term space (unknown words ignored).
    pub fn vector_of(&self, text: &str) -> Vec<(u32, f32)> {
        let bag: Vec<u32> = content_terms(text, &self.stemmer)
            .filter_map(|term| self.terms.get(&term).copied())
            .collect();
        weigh(term_counts(bag), &self.idf)
    }
}

/// Dot product of two sparse vectors with ascending term ids.
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn term_counts(mut bag: Vec<u32>) -> Vec<(u32, f32)> {
    bag.sort_unstable();
    let mut counts: Vec<(u32, f32)> = Vec::new();
    for term in bag {
        match counts.last_mut() {
            Some((last, count)) if *last == term => *count += 1.0,
            _ => counts.push((term, 1.0)),
        }
    }
    counts
}

fn weigh(counts: Vec<(u32, f32)>, idf: &[f32]) -> Vec<(u32, f32)> {
    let mut vector: Vec<(u32, f32)> = counts
        .into_iter()
        .map(|(term, count)| (term, (1.0 + count.ln()) * idf[term as usize]))
        .collect();
    let norm = vector
        .iter()
        .map(|(_, weight)| weight * weight)
        .sum::<f32>()
        .sqrt();
    if norm > 0.0 {
        for (_, weight) in &mut vector {
            *weight /= norm;
        }
    }
    vector
}

/// Stemmed, folded content words of a text (stop words dropped, numbers kept).
fn content_terms<'a>(text: &'a str, stemmer: &'a Stemmer) -> impl Iterator<Item = String> + 'a {
    words(text).filter_map(move |(_, word)| content_term(word, stemmer))
}

/// The term a word stands for: folded and stemmed, `None` for a stop word.
fn content_term(word: &str, stemmer: &Stemmer) -> Option<String> {
    let folded = fold(word);
    let folded = folded.strip_suffix("'s").unwrap_or(&folded);
    if STOP_WORDS.binary_search(&folded).is_ok() {
        return None;
    }
    if folded.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Some(folded.replace(',', ""));
    }
    Some(stemmer.stem(folded).into_owned())
}

/// Function words that say nothing about content. Sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn terms_are_stemmed_and_numbers_kept_whole() {
        let stemmer = Stemmer::create(Algorithm::English);
        let terms: Vec<String> = content_terms(
            "The voters voted: 14,512 votes in Kelso\u{2019}s poll",
            &stemmer,
        )
        .collect();
        assert_eq!(terms, ["voter", "vote", "14512", "vote", "kelso", "poll"]);
    }
}
