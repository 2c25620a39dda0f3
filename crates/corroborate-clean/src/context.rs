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
#[derive(Debug, Default)]
pub struct CleanContext {
    /// For each short line key, how many articles contain it.
    line_articles: HashMap<String, u32>,
    /// Folded word forms of the story (with hyphenated compounds kept whole) and their
    /// counts; built only when some article has a word broken at a line end.
    vocabulary: HashMap<String, u32>,
}

impl CleanContext {
    /// Measures the batch. Cost is one pass over every article's lines.
    pub fn new(articles: &[Article]) -> CleanContext {
        let mut line_articles: HashMap<String, u32> = HashMap::default();
        let mut needs_vocabulary = false;
        for article in articles {
            let mut seen: HashSet<String> = HashSet::default();
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
                let key = line_key(trimmed);
                if !seen.contains(&key) {
                    seen.insert(key.clone());
                    *line_articles.entry(key).or_default() += 1;
                }
            }
            needs_vocabulary |= has_line_end_hyphen(&article.text);
        }
        let mut vocabulary = HashMap::default();
        if needs_vocabulary {
            for article in articles {
                count_vocabulary(&article.text, &mut vocabulary);
            }
        }
        CleanContext {
            line_articles,
            vocabulary,
        }
    }

    /// How many articles of the batch contain a line with this key.
    pub(crate) fn articles_with_line(&self, key: &str) -> u32 {
        self.line_articles.get(key).copied().unwrap_or(0)
    }

    /// How often the story uses this folded word form.
    pub(crate) fn word_count(&self, folded_word: &str) -> u32 {
        self.vocabulary.get(folded_word).copied().unwrap_or(0)
    }
}

/// Counts whitespace-separated tokens, trimmed of punctuation, with possessive endings
/// dropped, so `by-election`, `election` and `Westminster's` count as written.
fn count_vocabulary(text: &str, vocabulary: &mut HashMap<String, u32>) {
    for token in text.split_whitespace() {
        let folded = fold(token);
        let word = vocabulary_form(&folded);
        // A fragment ending in a hyphen is half of a broken word, not a word of the story.
        if word.is_empty() || folded.trim_end_matches(['"', '\'', ')']).ends_with('-') {
            continue;
        }
        *vocabulary.entry(word.to_string()).or_default() += 1;
    }
}

/// The form a folded token is counted under: no surrounding punctuation, no `'s`.
pub(crate) fn vocabulary_form(folded: &str) -> &str {
    let core = folded.trim_matches(|c: char| !c.is_alphanumeric());
    core.strip_suffix("'s").unwrap_or(core)
}
