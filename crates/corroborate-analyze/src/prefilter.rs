//! Cheap tests that tell when a pattern cannot match a sentence, so the regex is not run.
//!
//! The patterns use Unicode word boundaries (`\b`), which the regex crate's fast engines
//! cannot follow past a non-ASCII byte: on a sentence with a curly quote or a dash the
//! search falls back to a slow engine over the whole sentence. Most sentences hold no word
//! a pattern needs, so a test for that word first saves the search. Every test here is a
//! necessary condition for a match (it may say yes when the pattern finds nothing, never no
//! when it would find something): results are the same with and without it.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// The text a pattern is run on in place of `text`: the same bytes where they are ASCII,
/// and every other character replaced by as many `\x01` bytes as it is long, when that
/// changes no match. The regex crate's fast engines read ASCII text only (see the module
/// notes); most non-ASCII characters in news are quotes and dashes, which a pattern of
/// words, digits, spaces and ASCII punctuation never matches and which are not word
/// characters either side of a `\b`. Replacing such a character by control bytes that the
/// pattern cannot match and that are not word characters keeps every match and its offsets,
/// and matched text holds only ASCII that stood in `text` already.
///
/// `text` itself is returned when it is ASCII, or when it holds a character the pattern may
/// read: a word character (`\w`: letters, marks, digits, connectors), white space (`\s`),
/// or one of `matched`, the non-ASCII characters the pattern names (`£`, `’`). The patterns
/// this serves match no `\x01`: they name no `.` and no negated class.
pub(crate) fn ascii_view<'a>(text: &'a str, matched: &[char]) -> Cow<'a, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut masked = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        masked.extend_from_slice(&rest.as_bytes()[..at]);
        let c = rest[at..].chars().next().expect("at is a char boundary");
        if c.is_whitespace()
            || matched.contains(&c)
            || regex_syntax::try_is_word_character(c).unwrap_or(true)
        {
            return Cow::Borrowed(text);
        }
        masked.resize(masked.len() + c.len_utf8(), 0x01);
        rest = &rest[at + c.len_utf8()..];
    }
    masked.extend_from_slice(rest.as_bytes());
    Cow::Owned(String::from_utf8(masked).expect("ASCII bytes are UTF-8"))
}

/// True when `text` may hold a decimal digit as the regex `\d` reads it (Unicode `Nd`):
/// an ASCII digit, or any non-ASCII numeric character.
pub(crate) fn may_have_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit) {
        return true;
    }
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric())
}

/// True when `text` holds a character that a case-insensitive regex treats as the same
/// letter as an ASCII one (`K` KELVIN SIGN for `k`, `ſ` LONG S for `s`): an ASCII-only
/// case-insensitive needle search cannot rule a match out then.
pub(crate) fn has_non_ascii_case_variant(text: &str) -> bool {
    !text.is_ascii() && text.contains(['\u{212A}', '\u{017F}'])
}

/// Literal words searched in one pass.
pub(crate) struct Needles {
    automaton: AhoCorasick,
    /// Case-insensitive: a text with a non-ASCII case variant of a letter always passes.
    ignore_case: bool,
    /// Only hits that start a word count (the pattern has `\b` before every word): a hit
    /// right after an ASCII letter, digit or `_` cannot start one.
    word_start: bool,
}

impl Needles {
    /// Needles of ASCII letters only: a hit then never starts inside another hit at a word
    /// start, so the leftmost non-overlapping hits find every word-start hit's position.
    pub(crate) fn new(words: &[&str], ignore_case: bool, word_start: bool) -> Needles {
        assert!(
            words
                .iter()
                .all(|word| word.bytes().all(|b| b.is_ascii_alphabetic())),
            "needles are ASCII words"
        );
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(ignore_case)
            .match_kind(MatchKind::LeftmostFirst)
            // A few dozen short words: a full DFA is small and the fastest to run.
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("needle words build an automaton");
        Needles {
            automaton,
            ignore_case,
            word_start,
        }
    }

    /// False only when no needle occurs in `text` where the pattern could use it.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        if self.ignore_case && has_non_ascii_case_variant(text) {
            return true;
        }
        if !self.word_start {
            return self.automaton.is_match(text);
        }
        let bytes = text.as_bytes();
        // A word-start occurrence cannot begin inside an earlier hit (the byte before it
        // would be a letter), so it is itself found as a hit or shares its start with one.
        self.automaton.find_iter(text).any(|hit| {
            let start = hit.start();
            start == 0 || {
                let before = bytes[start - 1];
                !(before.is_ascii_alphanumeric() || before == b'_')
            }
        })
    }
}

/// True when `text` may hold a year as `\b(1[89]\d\d|20\d\d)\b` reads it: `18`, `19` or
/// `20` before a third digit (ASCII, or any non-ASCII character, which may be a digit of
/// another script).
pub(crate) fn may_have_year(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        matches!((w[0], w[1]), (b'1', b'8' | b'9') | (b'2', b'0'))
            && (w[2].is_ascii_digit() || !w[2].is_ascii())
    })
}

/// True when `text` may hold an ISO date (`2021-07-02`): a `-` with a digit (or a non-ASCII
/// character) on each side.
pub(crate) fn may_have_iso_date(text: &str) -> bool {
    let maybe_digit = |b: u8| b.is_ascii_digit() || !b.is_ascii();
    text.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'-' && maybe_digit(w[0]) && maybe_digit(w[2]))
}

/// Byte offsets where a capitalised English month name or abbreviation may start, as the
/// date patterns write them (case-sensitive): every one starts with one of these.
fn month_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    const PREFIXES: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    text.as_bytes()
        .windows(3)
        .enumerate()
        .filter(|(_, window)| {
            matches!(
                window[0],
                b'A' | b'D' | b'F' | b'J' | b'M' | b'N' | b'O' | b'S'
            ) && PREFIXES.iter().any(|prefix| window == *prefix)
        })
        .map(|(at, _)| at)
}

/// True when `text` may hold a month name.
pub(crate) fn may_have_month(text: &str) -> bool {
    month_starts(text).next().is_some()
}

/// True when `text` may hold a month name with a figure beside it, as the day-and-month
/// and month-and-year patterns need: a digit after the name (past its letters, a `.` or
/// `,`, and white space: `May 3`, `Sept. 3`, `May, 2019`) or before it (past white space,
/// an `of`, and `st`/`nd`/`rd`/`th`: `3 May`, `3rd of May`).
pub(crate) fn may_have_month_with_figure(text: &str) -> bool {
    month_starts(text).any(|at| {
        let rest = text[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let rest = rest.strip_prefix(['.', ',']).unwrap_or(rest);
        if rest.trim_start().starts_with(char::is_numeric) {
            return true;
        }
        let head = text[..at].trim_end();
        let heads = [Some(head), head.strip_suffix("of").map(str::trim_end)];
        heads.into_iter().flatten().any(|head| {
            let ordinal = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|suffix| head.strip_suffix(suffix));
            head.ends_with(char::is_numeric)
                || ordinal.is_some_and(|h| h.ends_with(char::is_numeric))
        })
    })
}

/// Every match of `pattern` with its groups, as (group, start, end, text) rows.
#[cfg(test)]
pub(crate) fn all_captures(
    pattern: &regex::Regex,
    text: &str,
) -> Vec<(usize, usize, usize, String)> {
    pattern
        .captures_iter(text)
        .flat_map(|captures| {
            (0..captures.len())
                .filter_map(|group| {
                    let found = captures.get(group)?;
                    Some((
                        group,
                        found.start(),
                        found.end(),
                        found.as_str().to_string(),
                    ))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    #[test]
    fn the_ascii_view_masks_only_characters_no_pattern_reads() {
        assert_eq!(ascii_view("plain", &[]), "plain");
        assert!(matches!(ascii_view("plain", &[]), Cow::Borrowed(_)));
        assert_eq!(
            ascii_view("\u{201C}Won\u{2014}3\u{2026}\u{201D}", &[]),
            "\x01\x01\x01Won\x01\x01\x013\x01\x01\x01\x01\x01\x01"
        );
        // Word characters, spaces and the characters a pattern names are left as they are.
        for text in [
            "caf\u{e9} \u{201C}",
            "12\u{00A0}km \u{201C}",
            "e\u{0301} \u{201C}",
            "a\u{203F}b \u{201C}",
            "\u{0663} \u{201C}",
        ] {
            assert!(
                matches!(ascii_view(text, &[]), Cow::Borrowed(_)),
                "{text:?}"
            );
        }
        assert!(matches!(
            ascii_view("\u{00A3}5 \u{201C}", &['\u{00A3}']),
            Cow::Borrowed(_)
        ));
        assert_eq!(ascii_view("\u{00A3}5", &[]), "\x01\x015");
    }

    /// Pieces with the characters the view masks, keeps or must give up on.
    const VIEW_PIECES: &[&str] = &[
        "won", "Won", "in", "May", "2019", "3.5", "14,512", " ", "  ", "-", ",", ".", "'", "%",
        "per", "cent", "\u{201C}", "\u{201D}", "\u{2019}", "\u{2014}", "\u{2026}", "\u{00A0}",
        "\u{00E9}", "\u{0301}", "\u{00A3}", "\u{20AC}", "\u{0663}", "\u{212A}", "\x01", "s",
    ];

    proptest! {
        /// Patterns of the kinds the analysis runs (word boundaries, optional and repeated
        /// spaces, digits, case-insensitive words, classes naming a non-ASCII character) find
        /// the same matches, groups and texts in the view as in the text.
        #[test]
        fn the_view_keeps_every_match(indices in proptest::collection::vec(0..VIEW_PIECES.len(), 0..16)) {
            static PATTERNS: std::sync::LazyLock<Vec<(Regex, Vec<char>)>> = std::sync::LazyLock::new(|| {
                [
                    (r"\b(\d+)\b", vec![]),
                    (r"(?i)\b(won|in)\s+(may|\d{4})\b", vec![]),
                    (r"([\u{00A3}\u{20AC}]\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s?%|\s?per\s?cent\b)?", vec!['\u{00A3}', '\u{20AC}']),
                    (r"\bin\s+([A-Z][\w'\u{2019}-]*(?:\s+[A-Z][\w'\u{2019}-]*)*)", vec!['\u{2019}']),
                    (r"\b(?:(May),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:\s?,?\s+(\d{4})\b)?", vec![]),
                ]
                .into_iter()
                .map(|(pattern, matched)| (Regex::new(pattern).expect("valid"), matched))
                .collect()
            });
            let text: String = indices.iter().map(|&i| VIEW_PIECES[i]).collect();
            for (pattern, matched) in PATTERNS.iter() {
                let view = ascii_view(&text, matched);
                prop_assert_eq!(view.len(), text.len());
                prop_assert_eq!(
                    all_captures(pattern, &view),
                    all_captures(pattern, &text),
                    "{:?} on {:?}", pattern.as_str(), text
                );
            }
        }
    }

    #[test]
    fn digits_include_other_scripts() {
        assert!(may_have_digit("won 14 seats"));
        assert!(may_have_digit("won \u{0663} seats"), "Arabic-Indic three");
        assert!(!may_have_digit("won \u{201C}many\u{201D} seats"));
    }

    #[test]
    fn only_kelvin_and_long_s_fold_to_ascii_letters() {
        // The case-insensitive needles assume that no other non-ASCII character matches an
        // ASCII letter under `(?i)`: check every letter against every character.
        let letter = Regex::new("(?i)^[a-z]$").expect("valid");
        for code in 0x80..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if letter.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(
                    matches!(c, '\u{212A}' | '\u{017F}'),
                    "{c:?} matches an ASCII letter ignoring case"
                );
            }
        }
    }

    #[test]
    fn years_and_iso_dates() {
        assert!(may_have_year("in 1989,"));
        assert!(may_have_year("in 20\u{0663}\u{0663}"));
        assert!(!may_have_year("in 2 018 and 17"));
        assert!(may_have_iso_date("on 2021-07-02"));
        assert!(!may_have_iso_date("a well-known 2021 - 07"));
    }

    #[test]
    fn needles_at_word_starts() {
        let needles = Needles::new(&["ten", "one"], true, true);
        assert!(needles.may_match("Ten days"));
        assert!(needles.may_match("\u{201C}one day"));
        assert!(!needles.may_match("often someone"));
        assert!(
            needles.may_match("tenone one"),
            "a word start after a hit in a word"
        );
        assert!(needles.may_match("often \u{212A} someone"));
        let anywhere = Needles::new(&["night"], true, false);
        assert!(anywhere.may_match("toNight"));
        assert!(!anywhere.may_match("nigh"));
    }

    #[test]
    fn months_need_their_three_letters() {
        assert!(may_have_month("on 3 Sept."));
        assert!(
            may_have_month("Mayor"),
            "a necessary condition, not a match"
        );
        assert!(!may_have_month("on the third of march"));
        for text in [
            "on 3 Sept. last",
            "May, 2019",
            "the 3rd\u{00A0}of  March",
            "Dec.\n4",
        ] {
            assert!(may_have_month_with_figure(text), "{text}");
        }
        for text in ["in May", "Mayor Reyes", "3 of the Marches"] {
            assert!(!may_have_month_with_figure(text), "{text}");
        }
    }
}
