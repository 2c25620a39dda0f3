//! Text primitives every stage agrees on: word tokens and unicode folding for matching.
//!
//! Folding never changes what is displayed: stages keep the original characters and use
//! [`fold`] only to compare (curly and straight quotes, dashes, non-breaking spaces and
//! ellipses become one form each).

/// Appends the matching form of `c` to `out`: quotes, dashes, spaces and ellipses unified,
/// letters lower-cased.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => {
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
        c => out.extend(c.to_lowercase()),
    }
}

/// A hash of the matching form of a text, computed without building it: equal for texts
/// whose [`fold`] is equal.
pub fn folded_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = FoldHasher(0xcbf2_9ce4_8422_2325);
    let mut buffer = String::new();
    for c in text.chars() {
        if c.is_ascii() && c != '`' {
            hasher.write_u8(c.to_ascii_lowercase() as u8);
        } else {
            buffer.clear();
            push_folded(c, &mut buffer);
            hasher.write(buffer.as_bytes());
        }
    }
    hasher.finish()
}

/// FNV-1a: small, deterministic across runs and platforms.
struct FoldHasher(u64);

impl std::hash::Hasher for FoldHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
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
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        // Skip to the next word character; ASCII bytes are tested without decoding.
        let start = loop {
            let byte = *bytes.get(at)?;
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break at;
                }
                at += 1;
                continue;
            }
            let c = self.text[at..]
                .chars()
                .next()
                .expect("at is a char boundary");
            if c.is_alphanumeric() {
                break at;
            }
            at += c.len_utf8();
        };
        let text = self.text;
        let mut end = start;
        loop {
            // Runs of ASCII letters and digits need no decoding.
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            let Some(c) = text[end..].chars().next() else {
                break;
            };
            if c.is_alphanumeric() {
                end += c.len_utf8();
                continue;
            }
            // A joiner stays inside the word only between two word characters of its kind.
            let previous = text[..end].chars().next_back().unwrap_or('\0');
            let next = text[end + c.len_utf8()..].chars().next().unwrap_or('\0');
            let keeps = (is_apostrophe(c) && previous.is_alphabetic() && next.is_alphabetic())
                || (matches!(c, '.' | ',') && previous.is_ascii_digit() && next.is_ascii_digit());
            if !keeps {
                break;
            }
            end += c.len_utf8();
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// The number of word tokens in a text, as [`words`] would count them, without building
/// the tokens. ASCII is classified byte by byte; other characters are decoded.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        return count_ascii_words(bytes);
    }
    let mut count = 0;
    // The two characters before the current one, for the joiner rule of [`words`].
    let (mut previous, mut before_previous) = ('\0', '\0');
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let c = if byte < 0x80 {
            at += 1;
            byte as char
        } else {
            let c = text[at..].chars().next().expect("at is a char boundary");
            at += c.len_utf8();
            c
        };
        let word_char = if byte < 0x80 {
            byte.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if word_char && !is_word_char(previous) {
            let joined =
                (is_apostrophe(previous) && before_previous.is_alphabetic() && c.is_alphabetic())
                    || (matches!(previous, '.' | ',')
                        && before_previous.is_ascii_digit()
                        && c.is_ascii_digit());
            count += usize::from(!joined);
        }
        before_previous = previous;
        previous = c;
    }
    count
}

/// [`count_words`] for ASCII text: the same rules on bytes, with no decoding.
fn count_ascii_words(bytes: &[u8]) -> usize {
    let mut count = 0;
    let (mut previous, mut before_previous) = (b' ', b' ');
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() && !previous.is_ascii_alphanumeric() {
            let joined = (previous == b'\''
                && before_previous.is_ascii_alphabetic()
                && byte.is_ascii_alphabetic())
                || (matches!(previous, b'.' | b',')
                    && before_previous.is_ascii_digit()
                    && byte.is_ascii_digit());
            count += usize::from(!joined);
        }
        before_previous = previous;
        previous = byte;
    }
    count
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// True when a line of text ends like a sentence: `.`, `!`, `?`, `…` or `:`, possibly
/// followed by closing quotes or brackets.
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        // A closing quote is sometimes typed as an opening one (`…percent.\u{201C}`).
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{201C}' | ')' | ']'
            )
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
    fn count_words_agrees_with_words() {
        for text in [
            "The party\u{2019}s 14,512 votes, 3.5% by-election.",
            "a.b 1.2.3 it's 'quoted' x",
            "",
            "\u{201C}Caf\u{e9}\u{201D} -- ok",
            "x' 'y ,5 5, 'tis o'clock",
        ] {
            assert_eq!(count_words(text), words(text).count(), "{text}");
        }
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_like_sentence("He won.\u{201D}"));
        assert!(ends_like_sentence("Why? "));
        assert!(!ends_like_sentence("Video unavailable"));
    }
}
