//! Splits cleaned text into sentences: abbreviations, initials, numbers, quotes that close
//! sentences, quoted speech kept whole, headlines without a final period, and hard-wrapped
//! paragraphs whose line breaks are not sentence breaks.

use corroborate_model::calendar::{MONTH_NAMES, WEEKDAY_NAMES};
use corroborate_model::text::ends_like_sentence;
use corroborate_model::{Sentence, Span};

/// Titles and abbreviations after which a period never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "sens", "gov", "govs", "rev", "revd", "rep",
    "reps", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pte", "st", "ste",
    "mt", "ft", "hon", "pres", "supt", "det", "insp", "cllr", "fr", "sr", "jr", "messrs", "mme",
    "mlle", "esq", "vs", "v", "cf", "al", "approx", "dept", "est", "ca", "viz", "nr",
];

/// Abbreviations that do not end a sentence when a number follows (`Nov. 12`, `No. 10`).
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "p", "pp", "vol", "fig", "art", "sec", "ch", "para", "tel", "ext", "rt",
];

/// Words that start sentences; after an abbreviation with inner periods (`U.S.`, `a.m.`) a
/// sentence break is taken only before one of these.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Officials",
    "Police",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Some",
    "Many",
];

/// Verbs that attribute speech: `"Why now?" Vitter demanded.` is one sentence.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "demanded",
    "wrote",
    "writes",
    "replied",
    "replies",
    "continued",
    "explained",
    "insisted",
    "noted",
    "argued",
    "declared",
    "shouted",
    "yelled",
    "tweeted",
    "warned",
    "claimed",
    "recalled",
    "joked",
    "acknowledged",
    "admitted",
    "vowed",
    "wondered",
    "exclaimed",
    "cried",
    "quipped",
    "snapped",
];

/// The sentences of `text`, in order, without surrounding whitespace.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let hard_wrapped = is_hard_wrapped(text);
    for block in blocks(text, hard_wrapped) {
        split_block(text, block, &mut sentences);
    }
    sentences
}

/// Paragraph-like blocks: text between blank lines, and between lines when a line break
/// ends a sentence (always in text with one paragraph a line; in hard-wrapped text only
/// after closing punctuation or a short line).
fn blocks(text: &str, hard_wrapped: bool) -> Vec<Span> {
    let wrap_width = if hard_wrapped {
        typical_line_width(text)
    } else {
        0
    };
    let mut blocks = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |offset| line_start + offset);
        let line = &text[line_start..line_end];
        let next = (line_end + 1).min(text.len());
        if line.trim().is_empty() {
            if let Some(start) = block_start.take() {
                blocks.push(Span::new(start, line_start));
            }
        } else {
            block_start.get_or_insert(line_start);
            let breaks_here = !hard_wrapped
                || ends_like_sentence(line)
                || line.trim_end().chars().count() * 10 < wrap_width * 7;
            if breaks_here && line_end < text.len() {
                let start = block_start.take().expect("set above");
                blocks.push(Span::new(start, line_end));
            }
        }
        line_start = if line_end < text.len() {
            next
        } else {
            text.len()
        };
    }
    if let Some(start) = block_start {
        blocks.push(Span::new(start, text.len()));
    }
    blocks
}

/// Hard-wrapped text has lines of a bounded width that mostly end mid-sentence.
fn is_hard_wrapped(text: &str) -> bool {
    let mut followed = 0;
    let mut mid_sentence = 0;
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if let Some(before) = previous
            && !line.trim().is_empty()
            && !before.trim().is_empty()
        {
            followed += 1;
            mid_sentence += usize::from(!ends_like_sentence(before));
        }
        previous = Some(line);
    }
    followed >= 3 && mid_sentence * 2 > followed && typical_line_width(text) <= 120
}

/// The width of a full line: the median width of lines that continue into a next line
/// (the last line of a paragraph is shorter, a line with a joined broken word longer).
fn typical_line_width(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut widths: Vec<usize> = lines
        .windows(2)
        .filter(|pair| !pair[0].trim().is_empty() && !pair[1].trim().is_empty())
        .map(|pair| pair[0].trim_end().chars().count())
        .collect();
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied().unwrap_or(0)
}

/// Splits one block at sentence-final punctuation. Candidates are found byte by byte
/// (`.`, `!`, `?` and the first byte of `…`), so plain letters cost one comparison each.
fn split_block(text: &str, block: Span, sentences: &mut Vec<Sentence>) {
    let body = &text[block.range()];
    let bytes = body.as_bytes();
    let mut sentence_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let c = match bytes[at] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if body[at..].starts_with('\u{2026}') => '\u{2026}',
            _ => {
                at += 1;
                continue;
            }
        };
        let offset = at;
        // Take the whole run of closing punctuation, quotes and brackets.
        let mut end = offset + c.len_utf8();
        while let Some(next) = body[end..].chars().next() {
            let closing = matches!(
                next,
                '.' | '!' | '?' | '\u{2026}' | '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']'
            );
            if !closing {
                break;
            }
            end += next.len_utf8();
        }
        at = end;
        if is_sentence_break(body, offset, c, end) {
            push_sentence(
                text,
                block.start() + sentence_start,
                block.start() + end,
                sentences,
            );
            sentence_start = end;
        }
    }
    push_sentence(text, block.start() + sentence_start, block.end(), sentences);
}

/// Whether the punctuation `c` at `offset` (its closing run ending at `end`) ends a sentence.
fn is_sentence_break(body: &str, offset: usize, c: char, end: usize) -> bool {
    let after = &body[end..];
    let Some(first_after) = after.chars().next() else {
        return true;
    };
    if !first_after.is_whitespace() {
        return false;
    }
    let next_word = after.trim_start();
    let Some(next_char) = next_word.chars().next() else {
        return true;
    };
    let starts_sentence = next_char.is_uppercase()
        || next_char.is_ascii_digit()
        || matches!(
            next_char,
            '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[' | '\u{2014}' | '-'
        );
    if !starts_sentence {
        return false;
    }
    let closes_quote = body[offset..end].contains(['"', '\u{201D}', '\u{2019}', '\'']);
    if closes_quote && c != '.' && attribution_follows(next_word) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let token = token_before(body, offset);
    let lower = token.to_ascii_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if next_char.is_ascii_digit() && BEFORE_NUMBERS.contains(&lower.as_str()) {
        return false;
    }
    // An initial: a single capital letter (`J. R. Smith`).
    let mut token_chars = token.chars();
    if let (Some(only), None) = (token_chars.next(), token_chars.next())
        && only.is_uppercase()
    {
        return false;
    }
    // An abbreviation with inner periods (`U.S.`, `a.m.`): break only before a usual opener.
    if token.contains('.') && token.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        let next_token: String = next_word
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // A clock time is followed by its day (`3 a.m. Friday`), its zone (`GMT`) or lower
        // case words (`local time`); a name after it starts the next sentence
        // (`shortly after 3 a.m. Declan Forsey polled ...`).
        if matches!(lower.as_str(), "a.m" | "p.m") {
            let calendar = WEEKDAY_NAMES
                .iter()
                .chain(&MONTH_NAMES)
                .any(|name| name.eq_ignore_ascii_case(&next_token));
            let zone = next_token.len() > 1 && next_token.chars().all(|c| c.is_ascii_uppercase());
            return next_token.starts_with(char::is_uppercase) && !calendar && !zone;
        }
        return SENTENCE_STARTERS.contains(&next_token.as_str());
    }
    true
}

/// True when the text after a closing quote is a speaker and a speech verb
/// (`Vitter demanded`, `Sen. Ann Lee asked`), which ends the quoting sentence.
fn attribution_follows(next_text: &str) -> bool {
    let mut words = next_text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .take(5);
    for (capitalised, word) in words.by_ref().enumerate() {
        let bare = word.trim_end_matches(['.', ',', ';', ':']);
        if SPEECH_VERBS.contains(&bare) {
            return capitalised > 0;
        }
        if !bare.starts_with(char::is_uppercase) || capitalised == 4 {
            return false;
        }
    }
    false
}

/// The word right before `offset`, including inner periods (`U.S` in `U.S.`).
fn token_before(body: &str, offset: usize) -> &str {
    let before = &body[..offset];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(offset, |(index, _)| index);
    before[start..].trim_start_matches('.')
}

fn push_sentence(text: &str, start: usize, end: usize, sentences: &mut Vec<Sentence>) {
    let raw = &text[start..end];
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let trimmed_start = start + (raw.len() - raw.trim_start().len());
    let span = Span::new(trimmed_start, trimmed_start + trimmed.len());
    let headline = !ends_like_sentence(trimmed) && !trimmed.contains('\n');
    sentences.push(Sentence { span, headline });
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    fn check(text: &str, expect: Expect) {
        let rows: Vec<String> = split_sentences(text)
            .iter()
            .map(|sentence| {
                let marker = if sentence.headline { "H" } else { "S" };
                format!(
                    "{marker} {}",
                    text[sentence.span.range()].replace('\n', "⏎")
                )
            })
            .collect();
        expect.assert_eq(&(rows.join("\n") + "\n"));
    }

    #[test]
    fn titles_and_abbreviations_do_not_split() {
        check(
            "Mr. Hale met Dr. Amis and Sen. Ford at St. Anne's. Gov. Lyle and Rev. Obi came too. They left.",
            expect![[r#"
                S Mr. Hale met Dr. Amis and Sen. Ford at St. Anne's.
                S Gov. Lyle and Rev. Obi came too.
                S They left.
            "#]],
        );
    }

    #[test]
    fn initials_and_dotted_abbreviations() {
        check(
            "J. R. Brandt moved to the U.S. in May. He returned to the U.K. The move cost him. Talks began at 3 a.m. on Monday. Polls shut at 10 p.m. Thursday and counting began at 11 p.m. GMT. Results came after 4 a.m. Ivo Dunmere of the Field Party conceded.",
            expect![[r#"
                S J. R. Brandt moved to the U.S. in May.
                S He returned to the U.K.
                S The move cost him.
                S Talks began at 3 a.m. on Monday.
                S Polls shut at 10 p.m. Thursday and counting began at 11 p.m. GMT.
                S Results came after 4 a.m.
                S Ivo Dunmere of the Field Party conceded.
            "#]],
        );
    }

    #[test]
    fn numbers_and_dates_do_not_split() {
        check(
            "Turnout was 41.7% and she won 14,512 votes. The count ended on Nov. 12 at No. 10 Hill St. Nobody objected.",
            expect![[r#"
                S Turnout was 41.7% and she won 14,512 votes.
                S The count ended on Nov. 12 at No. 10 Hill St. Nobody objected.
            "#]],
        );
    }

    #[test]
    fn quotes_end_sentences_and_hold_sentences() {
        check(
            "She said: \u{201C}We won. We are back.\u{201D} Then she left. \"Is it over?\" he asked. \"Yes.\" The hall emptied. \u{201C}Why now?\u{201D} Sen. Ann Vitter demanded. \"No!\" It ended.",
            expect![[r#"
                S She said: “We won.
                S We are back.”
                S Then she left.
                S "Is it over?" he asked.
                S "Yes."
                S The hall emptied.
                S “Why now?” Sen. Ann Vitter demanded.
                S "No!"
                S It ended.
            "#]],
        );
    }

    #[test]
    fn headline_and_paragraph_lines() {
        check(
            "Okafor holds the seat\n\nThe count ended at dawn. It was close\nA second paragraph starts here.",
            expect![[r#"
                H Okafor holds the seat
                S The count ended at dawn.
                H It was close
                S A second paragraph starts here.
            "#]],
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined_into_sentences() {
        check(
            "Vote result\n\nThe opposition won the seat early on Friday, taking a constituency\nthat the governing party had held since 1992. Turnout fell to a low of\n38 per cent, officials said, and the count ran until well after three\nin the morning at the leisure centre.\n",
            expect![[r#"
                H Vote result
                S The opposition won the seat early on Friday, taking a constituency⏎that the governing party had held since 1992.
                S Turnout fell to a low of⏎38 per cent, officials said, and the count ran until well after three⏎in the morning at the leisure centre.
            "#]],
        );
    }

    #[test]
    fn multi_paragraph_quote_splits_normally() {
        check(
            "\u{201C}We start today. There is work to do.\n\n\u{201C}We will not rest,\u{201D} she said.",
            expect![[r#"
                S “We start today.
                S There is work to do.
                S “We will not rest,” she said.
            "#]],
        );
    }
}
