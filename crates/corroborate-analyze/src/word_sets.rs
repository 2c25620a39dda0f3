//! Word lists as hash sets, built once, so a rule asks about a word in constant time.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A set of words built from one or more lists on first use.
pub(crate) struct WordSet {
    words: LazyLock<HashSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(build: fn() -> HashSet<&'static str>) -> WordSet {
        WordSet {
            words: LazyLock::new(build),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Membership of the word in lower case, allocating only when it has capitals.
    pub(crate) fn contains_lowercase(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            self.words.contains(word.to_lowercase().as_str())
        } else {
            self.words.contains(word)
        }
    }
}
