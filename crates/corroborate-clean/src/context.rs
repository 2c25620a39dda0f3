//! What cleaning one article needs to know about the others in the same run: which short
//! lines recur across articles, and which words the story uses.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use corroborate_model::Article;
use corroborate_model::text::fold;

use corroborate_model::text::{count_words, ends_like_sentence};

use crate::hyphenation::has_line_end_hyphen;
use crate::lines::line_key;

/// Lines longer than this are reporting, not furniture, so they are not counted.
pub(crate) const MAX_FURNITURE_WORDS: usize = 12;
/// No line of [`MAX_FURNITURE_WORDS`] words is longer than this.
const MAX_FURNITURE_BYTES: usize = 400;

/// Facts about the whole batch that cleaning an article consults.
///
/// Lines and words are kept as 64-bit hashes of their keys with a count, not as text, so
/// the context of a million articles stays a few tens of megabytes (a false match of two
/// keys is out of reach of any collection).
#[derive(Debug, Default)]
pub struct CleanContext {
    /// For each short line key, how many articles contain it.
    line_articles: HashMap<u64, u32>,
    /// Folded word forms of the story (with hyphenated compounds kept whole) and their
    /// counts; built only when some article has a word broken at a line end.
    vocabulary: HashMap<u64, u32>,
    /// Some article has a word broken at a line end.
    needs_vocabulary: bool,
}

impl CleanContext {
    /// Measures the batch. Cost is one pass over every article's lines (two when some
    /// article has a word broken at a line end).
    pub fn new(articles: &[Article]) -> CleanContext {
        let mut context = CleanContext::default();
        for article in articles {
            context.add_lines(article);
        }
        if context.needs_vocabulary() {
            for article in articles {
                context.add_vocabulary(article);
            }
        }
        context
    }

    /// Counts an article's short lines (the first pass of [`CleanContext::new`], for a
    /// batch read as a stream).
    pub fn add_lines(&mut self, article: &Article) {
        let mut seen: HashSet<u64> = HashSet::default();
        for line in article.text.lines() {
            // Cheap tests first: most lines are sentences, which are never counted.
            let trimmed = line.trim();
            if trimmed.is_empty()
                || ends_like_sentence(trimmed)
                || trimmed.len() > MAX_FURNITURE_BYTES
            {
                continue;
            }
            if count_words(trimmed) > MAX_FURNITURE_WORDS {
                continue;
            }
            let key = key_hash(&line_key(trimmed));
            if seen.insert(key) {
                *self.line_articles.entry(key).or_default() += 1;
            }
        }
        self.needs_vocabulary |= has_line_end_hyphen(&article.text);
    }

    /// True when, after every article's lines were added, the words must be counted too
    /// (some article has a word broken at a line end): a second pass of
    /// [`CleanContext::add_vocabulary`] over the batch.
    pub fn needs_vocabulary(&self) -> bool {
        self.needs_vocabulary
    }

    /// Counts an article's words (the second pass, see [`CleanContext::needs_vocabulary`]).
    pub fn add_vocabulary(&mut self, article: &Article) {
        count_vocabulary(&article.text, &mut self.vocabulary);
    }

    /// How many short line keys and words are counted, for measurements.
    pub fn len(&self) -> usize {
        self.line_articles.len() + self.vocabulary.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many articles of the batch contain a line with this key.
    pub(crate) fn articles_with_line(&self, key: &str) -> u32 {
        self.line_articles.get(&key_hash(key)).copied().unwrap_or(0)
    }

    /// How often the story uses this folded word form.
    pub(crate) fn word_count(&self, folded_word: &str) -> u32 {
        self.vocabulary
            .get(&key_hash(folded_word))
            .copied()
            .unwrap_or(0)
    }
}

/// A fixed 64-bit hash of a line key or word (SipHash with fixed keys: the same in every
/// run of one build).
fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

/// Counts whitespace-separated tokens, trimmed of punctuation, with possessive endings
/// dropped, so `by-election`, `election` and `Westminster's` count as written.
fn count_vocabulary(text: &str, vocabulary: &mut HashMap<u64, u32>) {
    for token in text.split_whitespace() {
        let folded = fold(token);
        let word = vocabulary_form(&folded);
        // A fragment ending in a hyphen is half of a broken word, not a word of the story.
        if word.is_empty() || folded.trim_end_matches(['"', '\'', ')']).ends_with('-') {
            continue;
        }
        *vocabulary.entry(key_hash(word)).or_default() += 1;
    }
}

/// The form a folded token is counted under: no surrounding punctuation, no `'s`.
pub(crate) fn vocabulary_form(folded: &str) -> &str {
    let core = folded.trim_matches(|c: char| !c.is_alphanumeric());
    core.strip_suffix("'s").unwrap_or(core)
}
