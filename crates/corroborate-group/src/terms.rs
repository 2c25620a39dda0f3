//! Content terms of a text: folded words, stemmed, without function words.
//!
//! Each distinct word form is folded and stemmed once; later occurrences are a hash lookup,
//! which keeps term extraction cheap on large collections.

use corroborate_model::text::{fold, words};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

/// Turns words into term ids, remembering every word form it has seen.
pub(crate) struct TermDictionary {
    stemmer: Stemmer,
    /// Word as written -> term id, or `None` for a function word.
    forms: HashMap<String, Option<u32>>,
    /// Stem (its 64-bit hash, see [`key_hash`]) -> term id.
    stems: HashMap<u64, u32>,
    /// Term id -> stem, for tests (a large collection does not hold every stem twice).
    #[cfg(test)]
    names: Vec<String>,
}

/// Word forms remembered at most; past that the memory is cleared and refilled (it only
/// saves folding and stemming a form again: ids come from the stems).
const MAX_FORMS: usize = 1 << 20;

impl TermDictionary {
    pub(crate) fn new() -> TermDictionary {
        TermDictionary {
            stemmer: Stemmer::create(Algorithm::English),
            forms: HashMap::default(),
            stems: HashMap::default(),
            #[cfg(test)]
            names: Vec::new(),
        }
    }

    /// Appends the term ids of the text's content words to `out`, in text order.
    pub(crate) fn terms_of(&mut self, text: &str, out: &mut Vec<u32>) {
        for (_, word) in words(text) {
            let id = match self.forms.get(word) {
                Some(id) => *id,
                None => {
                    let id = self.term_of_new_form(word);
                    if self.forms.len() >= MAX_FORMS {
                        self.forms.clear();
                    }
                    self.forms.insert(word.to_owned(), id);
                    id
                }
            };
            if let Some(id) = id {
                out.push(id);
            }
        }
    }

    /// Roughly how many bytes the dictionary holds, for measurements.
    pub(crate) fn memory(&self) -> usize {
        let text = |key: &String| key.len() + std::mem::size_of::<String>();
        self.forms
            .keys()
            .map(|key| text(key) + 8 + 1)
            .sum::<usize>()
            + self.stems.len() * (8 + 4 + 1)
    }

    /// The number of distinct terms seen so far.
    pub(crate) fn len(&self) -> usize {
        self.stems.len()
    }

    /// The stem a term id stands for.
    #[cfg(test)]
    pub(crate) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    fn term_of_new_form(&mut self, word: &str) -> Option<u32> {
        let folded = fold(word);
        let folded = folded
            .strip_suffix("'s")
            .or_else(|| folded.strip_suffix('\''))
            .unwrap_or(&folded);
        if is_stop_word(folded) {
            return None;
        }
        let stem = if folded.starts_with(|c: char| c.is_ascii_digit()) {
            // `14,512` and `14512` are one number; digits are never stemmed.
            folded.replace(',', "")
        } else {
            self.stemmer.stem(folded).into_owned()
        };
        let key = key_hash(&stem);
        if let Some(id) = self.stems.get(&key) {
            return Some(*id);
        }
        let id = u32::try_from(self.len()).expect("fewer than 4 billion terms");
        #[cfg(test)]
        self.names.push(stem.clone());
        self.stems.insert(key, id);
        Some(id)
    }
}

/// A fixed 64-bit hash of a stem or name key (SipHash with fixed keys: the same in every run
/// of one build). The dictionaries of a large collection keep these instead of the texts;
/// two keys sharing a hash are out of reach of any collection.
pub(crate) fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

/// True for a word that says nothing about what a story is about.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    folded.chars().count() < 2 || STOP_WORDS.binary_search(&folded).is_ok()
}

/// Function words, reporting verbs and news-page words shared by every story. Sorted for
/// binary search.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
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
    "however",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "new",
    "news",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "rather",
    "really",
    "reported",
    "reports",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut dictionary = TermDictionary::new();
        let mut ids = Vec::new();
        dictionary.terms_of(text, &mut ids);
        ids.iter()
            .map(|id| dictionary.name(*id).to_owned())
            .collect()
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn words_are_folded_and_stemmed_and_function_words_dropped() {
        assert_eq!(
            terms("The Earthquakes struck Indonesia\u{2019}s coast, killing 14,512."),
            ["earthquak", "struck", "indonesia", "coast", "kill", "14512"]
        );
    }

    #[test]
    fn one_stem_is_one_term() {
        let mut dictionary = TermDictionary::new();
        let mut ids = Vec::new();
        dictionary.terms_of("arrested arrests ARREST", &mut ids);
        assert_eq!(ids, [0, 0, 0]);
        assert_eq!(dictionary.len(), 1);
    }
}
