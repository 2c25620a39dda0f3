//! Decides whether a word broken by a hyphen at a line end is one word (`constitu-` /
//! `ency`) or a real compound (`by-` / `election`).

use corroborate_model::text::fold;

use crate::context::{CleanContext, vocabulary_form};

/// Word starts that form hyphenated compounds in English, so a break after them is more
/// likely a compound than a broken word when the story gives no evidence either way.
const COMPOUND_FIRST_PARTS: &[&str] = &[
    "all", "anti", "by", "co", "cross", "ex", "far", "first", "full", "half", "high", "left",
    "long", "low", "mid", "multi", "non", "one", "part", "post", "pre", "pro", "right", "second",
    "self", "short", "so", "third", "two", "three", "vice", "well", "wide", "year",
];

/// Word endings that are never words on their own, so a break before them is a broken word.
const SUFFIX_FRAGMENTS: &[&str] = &[
    "ment", "ments", "tion", "tions", "sion", "sions", "ing", "ings", "ed", "ly", "ness", "ity",
    "ities", "ance", "ances", "ence", "ences", "ency", "ancy", "able", "ible", "ous", "ive",
    "ives", "ist", "ists", "ism", "ful", "less", "ship", "ure", "ures", "al", "ally", "ical",
    "ation", "ations", "ies", "ied", "ise", "ize", "ised", "ized", "ter", "ters", "ter's",
];

/// True when some line of `text` ends with a letter followed by a hyphen.
pub(crate) fn has_line_end_hyphen(text: &str) -> bool {
    text.lines()
        .any(|line| broken_word_start(line.trim_end()).is_some())
}

/// The letters before a line-final hyphen (`constitu` in `the constitu-`), if the line
/// ends like that. Dashes used as punctuation (` -`, `--`) do not count.
pub(crate) fn broken_word_start(line: &str) -> Option<&str> {
    let before = line.strip_suffix('-')?;
    let letters_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(index, _)| index)?;
    Some(&before[letters_start..])
}

/// The word that starts a line, if it starts with a lower-case letter.
pub(crate) fn continuation_word(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    let end = line
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || corroborate_model::text::is_apostrophe(*c)))
        .map_or(line.len(), |(index, _)| index);
    Some(&line[..end])
}

/// Whether `left-` at a line end followed by `right` on the next line is one word.
///
/// Evidence, strongest first: the story writes the joined word elsewhere; it writes the
/// hyphenated compound elsewhere; the second part is a suffix that is never a word; the
/// first part is a usual compound starter; both halves are words the story uses alone.
/// With no evidence the break is taken as a typesetting break, the commoner case.
pub(crate) fn should_join(left: &str, right: &str, context: &CleanContext) -> bool {
    // One letter before the hyphen is a compound or an initial (`U-turn`, `X-ray`,
    // `e-mail`), never a word split by typesetting; deciding it from the vocabulary would
    // also make the result depend on furniture lines that cleaning removes.
    if left.chars().count() == 1 {
        return false;
    }
    let left = fold(left);
    let right = fold(right);
    let right_form = vocabulary_form(&right);
    let joined = format!("{left}{right_form}");
    let hyphenated = format!("{left}-{right_form}");
    let joined_count = context.word_count(&joined);
    let hyphenated_count = context.word_count(&hyphenated);
    if joined_count > 0 || hyphenated_count > 0 {
        return joined_count >= hyphenated_count;
    }
    if SUFFIX_FRAGMENTS.contains(&right.as_str()) || SUFFIX_FRAGMENTS.contains(&right_form) {
        return true;
    }
    if COMPOUND_FIRST_PARTS.contains(&left.as_str()) {
        return false;
    }
    let both_are_words = context.word_count(&left) > 0 && context.word_count(right_form) > 0;
    !both_are_words
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_ingest_free::article;

    /// Builds articles without the ingest crate (stages do not depend on each other).
    mod corroborate_ingest_free {
        use corroborate_model::{Article, ArticleId, OffsetMap};

        pub fn article(text: &str) -> Article {
            Article {
                id: ArticleId::new("t.txt"),
                input: "t.txt".into(),
                title: None,
                outlet: None,
                published: None,
                text: text.to_string(),
                origin: OffsetMap::identity(text.len()),
            }
        }
    }

    fn context_of(text: &str) -> CleanContext {
        CleanContext::new(&[article(text)])
    }

    #[test]
    fn word_seen_whole_elsewhere_is_joined() {
        let context = context_of("The constitu-\nency voted. The constituency is small.");
        assert!(should_join("constitu", "ency", &context));
    }

    #[test]
    fn compound_seen_elsewhere_keeps_its_hyphen() {
        let context = context_of("A by-\nelection was held. The by-election was close.");
        assert!(!should_join("by", "election", &context));
    }

    #[test]
    fn suffix_fragment_is_joined_without_evidence() {
        let context = context_of("An announce-\nment came.");
        assert!(should_join("announce", "ment", &context));
    }

    #[test]
    fn two_words_of_the_story_stay_a_compound() {
        let context = context_of("A left-\nwinger spoke. He is on the left. The winger won.");
        assert!(!should_join("left", "winger", &context));
        let context = context_of("A gold-\nsmith spoke. Gold is dear. A smith works.");
        assert!(!should_join("gold", "smith", &context));
    }

    #[test]
    fn one_letter_before_the_hyphen_keeps_it() {
        let context = context_of("The o in the name was silent. An election was held.");
        assert!(!should_join("O", "election", &context));
        assert!(!should_join("U", "turn", &context));
    }

    #[test]
    fn line_end_hyphen_needs_a_letter_before_it() {
        assert_eq!(broken_word_start("the constitu-"), Some("constitu"));
        assert_eq!(broken_word_start("a pause -"), None);
        assert_eq!(broken_word_start("wait--"), None);
        assert_eq!(continuation_word("ster's vote"), Some("ster's"));
        assert_eq!(continuation_word("Street"), None);
    }
}
