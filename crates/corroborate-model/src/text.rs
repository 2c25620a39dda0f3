//! Text primitives every stage agrees on: word tokens and unicode folding for matching.
//!
//! Folding never changes what is displayed: stages keep the original characters and use
//! [`fold`] only to compare (curly and straight quotes, dashes, non-breaking spaces and
//! ellipses become one form each).

/// Appends the matching form of `c` to `out`: quotes, dashes, spaces and ellipses unified,
/// letters lower-cased.
pub fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => out.push('-'),
        '\u{2026}' => out.push_str("..."),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => {
            out.push(' ')
        }
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

/// The matching form of a text: lower case, one kind of quote, dash, space and ellipsis.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// True for characters that join two halves of one word: apostrophes inside `party's`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Word tokens with their byte offsets: runs of letters and digits, keeping an apostrophe
/// or a decimal point/thousands separator that sits between two word characters
/// (`party's`, `14,512`, `3.5`). Hyphens split words.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator returned by [`words`].
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.text[self.at..];
        let (skip, _) = rest.char_indices().find(|(_, c)| c.is_alphanumeric())?;
        let start = self.at + skip;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + offset + c.len_utf8();
                continue;
            }
            let joins_letters = is_apostrophe(c);
            let joins_digits = matches!(c, '.' | ',');
            let previous = self.text[..start + offset].chars().next_back();
            let next = chars.peek().map(|(_, next)| *next);
            let keeps = match (previous, next) {
                (Some(before), Some(after)) => {
                    (joins_letters && before.is_alphabetic() && after.is_alphabetic())
                        || (joins_digits && before.is_ascii_digit() && after.is_ascii_digit())
                }
                _ => false,
            };
            if !keeps {
                break;
            }
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// The number of word tokens in a text.
pub fn count_words(text: &str) -> usize {
    words(text).count()
}

/// True when a line of text ends like a sentence: `.`, `!`, `?`, `…` or `:`, possibly
/// followed by closing quotes or brackets.
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']')
    });
    trimmed.ends_with(['.', '!', '?', '\u{2026}', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_quotes_dashes_and_spaces() {
        assert_eq!(
            fold("\u{201C}Yes\u{201D} \u{2014} it\u{2019}s 5\u{00A0}km\u{2026}"),
            "\"yes\" - it's 5 km..."
        );
    }

    #[test]
    fn words_keep_apostrophes_and_numbers() {
        let found: Vec<&str> = words("The party\u{2019}s 14,512 votes, 3.5% by-election.")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            found,
            [
                "The",
                "party\u{2019}s",
                "14,512",
                "votes",
                "3.5",
                "by",
                "election"
            ]
        );
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_like_sentence("He won.\u{201D}"));
        assert!(ends_like_sentence("Why? "));
        assert!(!ends_like_sentence("Video unavailable"));
    }
}
