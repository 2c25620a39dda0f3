//! Snippets: the passage of an article's text around the words a search matched, found in
//! Rust from the stored text rather than by FTS5's `snippet()`.
//!
//! FTS5's `snippet()` tokenizes and stems the whole text of every hit (about 150 µs for a
//! 5 KB article, so 7 ms for a page of 50 hits); here only the words that could match are
//! stemmed. A word matches a query word when both have the same stem, as FTS5's
//! `porter unicode61 remove_diacritics 2` tokenizer makes them: tokens are runs of letters
//! and digits, lower-cased and without diacritics, stemmed by `porter.rs` (FTS5's own
//! stemmer, ported). Porter only rewrites a word's ending, so a token whose first character
//! differs from every query stem's is skipped unstemmed. A test compares the words marked
//! here with FTS5's `highlight()` on the same text.

use crate::porter;
use crate::search::SnippetPart;

/// Tokens in a snippet window, as FTS5's `snippet(..., 24)` was asked for.
pub(crate) const SNIPPET_TOKENS: usize = 24;

/// Tokens of context kept before the first matched word of the window.
const LEAD_TOKENS: usize = 4;

/// The query's words, each term a sequence of stems (one for a word, several for a phrase).
#[derive(Clone, Debug, Default)]
pub(crate) struct SnippetTerms {
    terms: Vec<Vec<Vec<u8>>>,
    /// The first character of each stem, to skip tokens that cannot match.
    first_bytes: Vec<u8>,
}

impl SnippetTerms {
    /// The stems of the positive terms of a query (words or phrases as written).
    pub(crate) fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> SnippetTerms {
        let mut out = SnippetTerms::default();
        for term in terms {
            let stems: Vec<Vec<u8>> = token_spans(term)
                .map(|(start, end)| stem(&fold_token(&term[start..end])))
                .collect();
            if stems.is_empty() {
                continue;
            }
            for stem in &stems {
                if let Some(&first) = stem.first()
                    && !out.first_bytes.contains(&first)
                {
                    out.first_bytes.push(first);
                }
            }
            out.terms.push(stems);
        }
        out
    }

    /// The window of [`SNIPPET_TOKENS`] tokens of `text` with the matches marked, `…` where
    /// it cuts the text: the first window holding every query term, else the one holding
    /// the most terms (then the most matches, then the earliest); without a match, the
    /// opening of the text. A window opens at the start of its first match's sentence when
    /// that is near, else a few tokens before the match.
    pub(crate) fn snippet(&self, text: &str) -> Vec<SnippetPart> {
        let scan = self.scan(text, true);
        let (first, last) = scan.window;
        let mut parts = Vec::new();
        if first >= last {
            return parts;
        }
        let spans = &scan.spans;
        let mut cursor = if first == 0 { 0 } else { spans[first].0 };
        let window_end = spans[last - 1].1;
        if first > 0 {
            push(&mut parts, "…".to_string(), false);
        }
        for &(at, length, _) in &scan.matches {
            if at < first || at + length > last {
                continue;
            }
            let (hit_start, hit_end) = (spans[at].0, spans[at + length - 1].1);
            if hit_start < cursor {
                // Overlaps a match already marked (two terms sharing words).
                continue;
            }
            push(&mut parts, text[cursor..hit_start].to_string(), false);
            push(&mut parts, text[hit_start..hit_end].to_string(), true);
            cursor = hit_end;
        }
        let more_text = if scan.complete {
            last < spans.len()
        } else {
            text[window_end..].chars().any(char::is_alphanumeric)
        };
        if more_text {
            push(&mut parts, text[cursor..window_end].to_string(), false);
            push(&mut parts, "…".to_string(), false);
        } else {
            // The window reaches the end: keep the closing punctuation.
            push(&mut parts, text[cursor..].to_string(), false);
        }
        parts
    }

    /// Byte ranges of every match in `text`, in order.
    #[cfg(test)]
    fn marks(&self, text: &str) -> Vec<(usize, usize)> {
        let scan = self.scan(text, false);
        scan.matches
            .iter()
            .map(|&(at, length, _)| (scan.spans[at].0, scan.spans[at + length - 1].1))
            .collect()
    }

    /// Reads the tokens of `text` and its matches, and picks the window; with `stop_early`,
    /// reading stops at the end of the first window holding every term.
    fn scan(&self, text: &str, stop_early: bool) -> Scan {
        let mut scan = Scan {
            spans: Vec::with_capacity(text.len() / 5),
            matches: Vec::new(),
            window: (0, 0),
            complete: true,
        };
        let mut sentence_starts: Vec<usize> = Vec::new();
        let mut stems: Vec<Option<Vec<u8>>> = Vec::with_capacity(text.len() / 5);
        // Windows (start, matches counted from) not yet judged, in match order.
        let mut judged = 0;
        let mut best: Option<((usize, usize), usize)> = None;
        let n_terms = self.terms.len();
        for (start, end, opens_sentence) in tokens_with_sentences(text) {
            let index = scan.spans.len();
            if opens_sentence {
                sentence_starts.push(index);
            }
            scan.spans.push((start, end));
            let token = &text[start..end];
            let first = text.as_bytes()[start];
            let could_match = if first < 0x80 {
                self.first_bytes.contains(&first.to_ascii_lowercase())
            } else {
                folded_first_byte(token).is_some_and(|first| self.first_bytes.contains(&first))
            };
            stems.push(could_match.then(|| stem(&fold_token(token))));
            if could_match {
                // Matches ending at this token.
                for (term_index, term) in self.terms.iter().enumerate() {
                    let length = term.len();
                    if length > index + 1 {
                        continue;
                    }
                    let at = index + 1 - length;
                    let fits = term
                        .iter()
                        .zip(&stems[at..])
                        .all(|(wanted, found)| found.as_deref() == Some(wanted.as_slice()));
                    if fits {
                        scan.matches.push((at, length, term_index));
                    }
                }
            }
            // Judge the windows that the tokens read so far fill.
            while judged < scan.matches.len() {
                let opens = window_start(scan.matches[judged].0, &sentence_starts);
                if opens + SNIPPET_TOKENS > index + 1 {
                    break;
                }
                let score = score(&scan.matches, opens, opens + SNIPPET_TOKENS, n_terms);
                if best.is_none_or(|(best_score, _)| score > best_score) {
                    best = Some((score, opens));
                }
                judged += 1;
                if stop_early && score.0 == n_terms {
                    scan.matches.sort_unstable();
                    scan.complete = false;
                    scan.window = (opens, opens + SNIPPET_TOKENS);
                    return scan;
                }
            }
        }
        // The text ended: the windows left are shifted back to hold SNIPPET_TOKENS tokens.
        let n_tokens = scan.spans.len();
        for &(at, _, _) in &scan.matches[judged..] {
            let opens =
                window_start(at, &sentence_starts).min(n_tokens.saturating_sub(SNIPPET_TOKENS));
            let score = score(
                &scan.matches,
                opens,
                (opens + SNIPPET_TOKENS).min(n_tokens),
                n_terms,
            );
            if best.is_none_or(|(best_score, _)| score > best_score) {
                best = Some((score, opens));
            }
        }
        scan.matches.sort_unstable();
        let first = best.map_or(0, |(_, first)| first);
        scan.window = (first, (first + SNIPPET_TOKENS).min(n_tokens));
        scan
    }
}

/// What reading a text for a snippet found.
struct Scan {
    /// Byte ranges of the tokens read.
    spans: Vec<(usize, usize)>,
    /// Matches: first token, token count, term.
    matches: Vec<(usize, usize, usize)>,
    /// The window, as a token range.
    window: (usize, usize),
    /// True when every token of the text was read.
    complete: bool,
}

/// Sentences opening at most this many tokens before a match open its window.
const SENTENCE_LEAD: usize = 8;

/// The first token of the window of a match at token `at`: the start of its sentence when
/// near, else [`LEAD_TOKENS`] before it.
fn window_start(at: usize, sentence_starts: &[usize]) -> usize {
    let sentence = sentence_starts
        .iter()
        .rev()
        .find(|start| **start <= at)
        .copied()
        .unwrap_or(0);
    if at - sentence <= SENTENCE_LEAD {
        sentence
    } else {
        at - LEAD_TOKENS
    }
}

/// (different terms, matches) inside the token range `[first, last)`.
fn score(
    matches: &[(usize, usize, usize)],
    first: usize,
    last: usize,
    n_terms: usize,
) -> (usize, usize) {
    let mut seen = vec![false; n_terms];
    let mut count = 0;
    for &(at, length, term) in matches {
        if at >= first && at + length <= last {
            seen[term] = true;
            count += 1;
        }
    }
    (seen.iter().filter(|seen| **seen).count(), count)
}

fn push(parts: &mut Vec<SnippetPart>, text: String, hit: bool) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.hit == hit && !hit => last.text.push_str(&text),
        _ => parts.push(SnippetPart { text, hit }),
    }
}

/// Tokens as FTS5's unicode61 tokenizer makes them: byte ranges of the runs of letters and
/// digits.
fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    tokens_with_sentences(text).map(|(start, end, _)| (start, end))
}

/// The tokens of [`token_spans`], each with whether it opens a sentence (the first token,
/// or one after `.`, `!`, `?` or a line break). ASCII bytes are judged without decoding.
fn tokens_with_sentences(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut sentence_ended = true;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let byte = bytes[at];
            if byte < 0x80 {
                if !byte.is_ascii_alphanumeric() {
                    sentence_ended |= matches!(byte, b'.' | b'!' | b'?' | b'\n');
                    at += 1;
                    continue;
                }
            } else {
                let c = text[at..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    at += c.len_utf8();
                    continue;
                }
            }
            let start = at;
            while at < bytes.len() {
                let byte = bytes[at];
                if byte < 0x80 {
                    if !byte.is_ascii_alphanumeric() {
                        break;
                    }
                    at += 1;
                } else {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    if !c.is_alphanumeric() {
                        break;
                    }
                    at += c.len_utf8();
                }
            }
            let opens_sentence = std::mem::replace(&mut sentence_ended, false);
            return Some((start, at, opens_sentence));
        }
        None
    })
}

/// A token lower-cased and without diacritics.
fn fold_token(token: &str) -> String {
    let mut folded = String::with_capacity(token.len());
    for c in token.chars() {
        push_token_char(c, &mut folded);
    }
    folded
}

/// The first byte of a token as folded.
fn folded_first_byte(token: &str) -> Option<u8> {
    let first = token.chars().next()?;
    if first.is_ascii() {
        Some(first.to_ascii_lowercase() as u8)
    } else {
        let folded = first.to_lowercase().next().map(without_diacritic)?;
        let mut buffer = [0; 4];
        Some(folded.encode_utf8(&mut buffer).as_bytes()[0])
    }
}

fn push_token_char(c: char, token: &mut String) {
    if c.is_ascii() {
        token.push(c.to_ascii_lowercase());
    } else {
        for lower in c.to_lowercase() {
            token.push(without_diacritic(lower));
        }
    }
}

/// A Latin letter without its diacritic (what `remove_diacritics` does for the common
/// letters); other characters unchanged.
fn without_diacritic(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

fn stem(folded: &str) -> Vec<u8> {
    porter::stem(folded.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(terms: &[&str], text: &str) -> String {
        SnippetPart::bracketed(&SnippetTerms::new(terms.iter().copied()).snippet(text))
    }

    #[test]
    fn stems_match_other_forms_of_a_word() {
        assert_eq!(
            marked(&["flooding"], "The river floods the lower town."),
            "The river [floods] the lower town."
        );
    }

    #[test]
    fn a_phrase_is_marked_whole_and_only_in_order() {
        assert_eq!(
            marked(
                &["harbour wall"],
                "A wall by the harbour. The harbour walls held."
            ),
            "A wall by the harbour. The [harbour walls] held."
        );
    }

    #[test]
    fn the_window_prefers_more_different_terms_and_cuts_with_ellipses() {
        let filler = "one two three four five six seven eight nine ten eleven twelve ";
        let text = format!(
            "Ferry news. {filler}{filler}The ferry left late. {filler}{filler}The ferry from Quillmoor left late. {filler}{filler}"
        );
        let snippet = marked(&["ferry", "quillmoor"], &text);
        assert!(snippet.starts_with('…'), "{snippet}");
        assert!(snippet.ends_with('…'), "{snippet}");
        assert!(snippet.contains("[ferry] from [Quillmoor]"), "{snippet}");
    }

    #[test]
    fn a_window_opens_at_the_sentence_of_its_match() {
        let text = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu. Later \
            the ferry from Quillmoor left on a grey morning with few aboard and a tired crew \
            after a long night of storms at sea, and the harbour was closed.";
        let snippet = marked(&["ferry"], text);
        assert!(snippet.starts_with("…Later the [ferry] from"), "{snippet}");
        assert!(snippet.ends_with('…'), "{snippet}");
    }

    #[test]
    fn diacritics_and_case_are_ignored() {
        assert_eq!(marked(&["Zoe"], "ZOË spoke first."), "[ZOË] spoke first.");
    }

    #[test]
    fn without_a_match_the_text_opens_the_snippet() {
        let text = "Alpha beta gamma. ".repeat(20);
        let snippet = marked(&["omega"], &text);
        assert!(snippet.starts_with("Alpha beta"), "{snippet}");
        assert!(snippet.ends_with('…'), "{snippet}");
        assert!(!snippet.contains('['));
    }

    #[test]
    fn the_words_marked_are_those_fts5_highlights() {
        // Invented text with many English suffixes; the query words are matched through
        // their stems, so the marks must be FTS5's own.
        let text = "The relational archivists were generalizing; hopefully the sensational \
            conditional rulings happened. Running runners ran, and the agreed agreement was \
            agreeable. Happiness, happy, happier. Controllers controlled controlling. \
            Electrical electricity electrically. Formalities formally formalized. Probate \
            probation probing. Sized sizing sizes. Feud feuding. Hopping hoped hoping. \
            Flies flying flied. Generously generous generosity. Rate ratings rational.";
        let connection = rusqlite::Connection::open_in_memory().expect("sqlite");
        connection
            .execute_batch(
                "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2');",
            )
            .expect("table");
        connection
            .execute("INSERT INTO t (body) VALUES (?1)", [text])
            .expect("insert");
        for (start, end) in token_spans(text) {
            let word = fold_token(&text[start..end]);
            let expression = format!("\"{word}\"");
            let highlighted: String = connection
                .query_row(
                    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1",
                    [&expression],
                    |row| row.get(0),
                )
                .expect("fts5 finds every word of the text");
            let fts5_marks: Vec<&str> = highlighted
                .split('[')
                .skip(1)
                .filter_map(|rest| rest.split(']').next())
                .collect();
            let our_marks: Vec<String> = SnippetTerms::new([word.as_str()])
                .marks(text)
                .into_iter()
                .map(|(start, end)| text[start..end].to_string())
                .collect();
            assert_eq!(fts5_marks, our_marks, "query word {word}");
        }
    }
}
