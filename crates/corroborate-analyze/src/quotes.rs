//! Direct quotations: quote marks paired (curly, straight, British single quotes, quotes
//! running over paragraphs), the speech cue and the speaker found around them, pronoun
//! speakers resolved to the nearest compatible person, scare quotes and titles left out.

use std::cell::RefCell;

use corroborate_model::text::is_apostrophe;
use corroborate_model::{ArticleEntity, EntityKind, Gender, Quote, Sentence, Span, Speaker};

use crate::mentions::{Found, after_last, pronoun_gender};
use crate::word_sets::WordSet;

/// Quoted text of at most this many words with no speech cue is a scare quote or a title.
const MAX_SCARE_QUOTE_WORDS: usize = 3;
/// A short quote belongs to a cue before it only when at most this many words separate
/// them (`called him a "loser"`, `said he was "outraged"`).
const MAX_CUE_DISTANCE_WORDS: usize = 12;

/// True for a speech verb or the start of a speech phrase (`said`, `told`, `according`).
pub(crate) fn is_speech_cue(word: &str) -> bool {
    is_cue(word)
}

/// Every direct quotation of `text`, in text order.
pub(crate) fn find_quotes(
    text: &str,
    sentences: &[Sentence],
    found: &[Found],
    entities: &[ArticleEntity],
) -> Vec<Quote> {
    let marked = quoted_spans(text);
    let context = Context {
        text,
        sentences,
        found,
        entities,
        quoted: &marked,
        previous_speaker: RefCell::new(None),
    };
    let mut quotes: Vec<(Quote, Option<Span>)> = Vec::new();
    let mut previous_speaker: Option<(Speaker, usize)> = None;
    for quoted in &marked {
        let attribution = context.attribution(quoted);
        let words = quoted.inner_text(text).split_whitespace().count();
        let looks_like_title =
            context.title_cue_before(quoted) || is_title_case(quoted.inner_text(text));
        let has_speaker = attribution.as_ref().is_some_and(|a| a.speaker.is_some());
        // A short quotation is speech only when a speaker follows it directly (`"Never,"
        // she said`); otherwise it is a scare quote, a coinage or a title.
        let directly_attributed = attribution.as_ref().is_some_and(|a| {
            a.speaker.is_some()
                && (a.direct
                    || context.words_between(a.nearest_cue_end, quoted.open)
                        <= MAX_CUE_DISTANCE_WORDS)
        });
        let short = words <= MAX_SCARE_QUOTE_WORDS;
        let attributed_after = attribution
            .as_ref()
            .is_some_and(|a| a.direct && a.cue.start() >= quoted.close);
        // `“We won,” she said. “We are back.”`: a short second part continuing the same
        // speaker in the same paragraph is speech, whatever its length.
        let continues_speaker = attribution.is_none()
            && previous_speaker
                .as_ref()
                .is_some_and(|(speaker, paragraph_end)| {
                    quoted.open < *paragraph_end
                        && context.continues(*paragraph_end, quoted, speaker)
                });
        if (short && !directly_attributed && !continues_speaker)
            || (!has_speaker && looks_like_title)
            || (looks_like_title && !directly_attributed && context.names_a_work(quoted))
            || (context.title_cue_before(quoted) && !attributed_after)
            || context.so_called(quoted)
        {
            continue;
        }
        let (speaker, cue) = match attribution {
            Some(Attribution { speaker, cue, .. }) => (speaker, Some(cue)),
            // A fragment inside a sentence with no cue belongs to the sentence's subject.
            None if let Some(subject) = context.subject_of_own_sentence(quoted) => {
                (Some(subject), None)
            }
            // `Ann Lee agreed. “…”`: a quote right after a sentence ending in a speech verb.
            None if let Some(speaker) = context.cue_sentence_before(quoted) => {
                (Some(speaker), None)
            }
            // A quote opening a paragraph right after the same speaker's quote continues it.
            // (A fragment inside a later paragraph's sentence belongs to that sentence.)
            None => match &previous_speaker {
                Some((speaker, paragraph_end))
                    if (quoted.open < *paragraph_end || context.opens_sentence(quoted))
                        && context.continues(*paragraph_end, quoted, speaker) =>
                {
                    (Some(speaker.clone()), None)
                }
                _ => (context.subject_of_sentence_before(quoted), None),
            },
        };
        let speaker = speaker.or_else(|| context.subject_of_own_sentence(quoted));
        if let Some(speaker) = &speaker {
            previous_speaker = Some((speaker.clone(), paragraph_end(text, quoted.close)));
            context.previous_speaker.replace(previous_speaker.clone());
        }
        let quote = Quote {
            span: quoted.inner,
            text: quote_text(quoted.inner_text(text)),
            parts: vec![quoted.inner],
            speaker,
            cue,
        };
        quotes.push((quote, cue));
    }
    merge_fragments(text, sentences, quotes)
}

/// A quoted passage: where its marks are and what they enclose.
#[derive(Clone, Copy, Debug)]
struct Quoted {
    /// Offset of the opening mark.
    open: usize,
    /// Offset just after the closing mark (or the paragraph end when the quote is unclosed).
    close: usize,
    /// The words inside the marks.
    inner: Span,
    /// The opening mark starts its paragraph.
    opens_paragraph: bool,
}

impl Quoted {
    fn inner_text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.inner.range()]
    }
}

/// Pairs quote marks into top-level quoted spans. A double quote left open at the end of a
/// paragraph continues when the next paragraph opens with a quote mark (news style for a
/// quotation over several paragraphs) and ends with its paragraph otherwise.
fn quoted_spans(text: &str) -> Vec<Quoted> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // (mark offset, content start, opens paragraph)
    let mut single: Option<(usize, usize, bool)> = None;
    let mut chars = text.char_indices().peekable();
    let mut previous = '\n';
    let mut paragraph_start = true;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map_or('\n', |(_, next)| *next);
        if c == '\n' {
            let blank_follows = text[at + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
                || paragraph_breaks_on_lines(text);
            if blank_follows || next == '\n' {
                if let Some((mark, start, first)) = open.take() {
                    let reopened = next_paragraph_opens_quote(text, at);
                    if reopened {
                        open = Some((mark, start, first));
                    } else {
                        spans.push(quoted(text, mark, start, at, at, first));
                    }
                }
                single = None;
                paragraph_start = true;
            }
            previous = c;
            continue;
        }
        let at_paragraph_start = paragraph_start;
        if !c.is_whitespace() {
            paragraph_start = false;
        }
        // Two apostrophes stand for a double quote in some archives (`''Yes,'' he said`).
        let (c, mark_len) = if c == '\'' && next == '\'' {
            chars.next();
            ('"', 2)
        } else {
            (c, c.len_utf8())
        };
        let next = if mark_len == 2 {
            chars.peek().map_or('\n', |(_, next)| *next)
        } else {
            next
        };
        match c {
            '\u{201C}' | '"' if open.is_none() => {
                open = Some((at, at + mark_len, at_paragraph_start));
                single = None;
            }
            '\u{201C}' | '"' if at_paragraph_start => {
                // The reopening mark of a continued quotation: part of the same quote.
            }
            // A left mark typed where a right one belongs (`here,“ said Lee`): after the
            // quoted words and before a space or punctuation it can only close.
            '\u{201C}' if !previous.is_whitespace() && !next.is_alphanumeric() => {
                if let Some((mark, start, first)) = open.take() {
                    spans.push(quoted(text, mark, start, at, at + mark_len, first));
                }
            }
            // A right mark typed where a left one belongs (`said, ”We won.”`): after a space
            // and before a word, with no quotation open, it can only open.
            '\u{201D}'
                if open.is_none()
                    && (previous.is_whitespace() || at_paragraph_start)
                    && next.is_alphanumeric() =>
            {
                open = Some((at, at + mark_len, at_paragraph_start));
                single = None;
            }
            '\u{201D}' | '"' => {
                if let Some((mark, start, first)) = open.take() {
                    spans.push(quoted(text, mark, start, at, at + mark_len, first));
                }
            }
            '\u{2018}' | '\''
                if open.is_none()
                    && single.is_none()
                    && !previous.is_alphanumeric()
                    && next.is_alphabetic() =>
            {
                single = Some((at, at + c.len_utf8(), at_paragraph_start));
            }
            '\u{2019}' | '\''
                if open.is_none() && !next.is_alphanumeric() && !previous.is_whitespace() =>
            {
                // `’` between letters is an apostrophe (`party’s`); only a mark followed by a
                // non-letter can close a single-quoted span.
                if let Some((mark, start, first)) = single.take() {
                    spans.push(quoted(text, mark, start, at, at + c.len_utf8(), first));
                }
            }
            _ => {}
        }
        previous = c;
    }
    if let Some((mark, start, first)) = open {
        spans.push(quoted(text, mark, start, text.len(), text.len(), first));
    }
    spans.retain(|span| !span.inner.is_empty());
    spans
}

/// In text without blank lines every line is a paragraph.
fn paragraph_breaks_on_lines(text: &str) -> bool {
    !text.contains("\n\n")
}

fn next_paragraph_opens_quote(text: &str, newline: usize) -> bool {
    let rest = text[newline..].trim_start();
    rest.starts_with(['\u{201C}', '"']) || rest.starts_with("''")
}

fn quoted(
    text: &str,
    mark: usize,
    start: usize,
    end: usize,
    close: usize,
    opens_paragraph: bool,
) -> Quoted {
    let raw = &text[start..end];
    let leading = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let inner_start = start + leading;
    Quoted {
        open: mark,
        close,
        inner: Span::new(inner_start, inner_start + trimmed.len()),
        opens_paragraph,
    }
}

fn paragraph_end(text: &str, at: usize) -> usize {
    let breaks_on_lines = paragraph_breaks_on_lines(text);
    let mut search = at;
    loop {
        match text[search..].find('\n') {
            None => return text.len(),
            Some(offset) => {
                let newline = search + offset;
                if breaks_on_lines
                    || text[newline + 1..]
                        .trim_start_matches([' ', '\t', '\r'])
                        .starts_with('\n')
                {
                    return newline;
                }
                search = newline + 1;
            }
        }
    }
}

/// The cue and speaker of a quote.
struct Attribution {
    speaker: Option<Speaker>,
    cue: Span,
    /// The attribution follows the quote (`"...," she said`), as speech is reported.
    direct: bool,
    /// Where the speech verb nearest the quote ends (for a cue before the quote, the main
    /// clause's cue may be further away).
    nearest_cue_end: usize,
}

struct Context<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    found: &'a [Found],
    entities: &'a [ArticleEntity],
    quoted: &'a [Quoted],
    /// The speaker of the last attributed quote and the end of its paragraph, for a pronoun
    /// no person in the sentences before resolves (`“…,” the host said. … But he asked`).
    previous_speaker: RefCell<Option<(Speaker, usize)>>,
}

impl Context<'_> {
    /// Looks for the speech cue after the quote in its sentence, then before it in its
    /// sentence, then in a short sentence right after it (`He added.`).
    fn attribution(&self, quoted: &Quoted) -> Option<Attribution> {
        let sentence_end = self.sentence_end_after(quoted.close);
        let sentence_start = self.sentence_start_before(quoted.open);
        let rest = self.text[quoted.close..sentence_end].trim();
        // The quote ends its sentence inside its marks (`…over.”`, `…now!”`); a full stop
        // after the marks (`‘Salt on the Wire’.`) closes the writer's sentence instead.
        let closes_inside = self.text[quoted.inner.end()..quoted.close]
            .starts_with(['.', '!', '?', '\u{2026}'])
            || self.text[..quoted.inner.end()].ends_with(['.', '!', '?', '\u{2026}']);
        let quote_ends_sentence = rest.is_empty() && closes_inside;
        // When the quote ends its sentence, the attribution may still follow in the same
        // paragraph (`“Not us!” Murphy, the head of the fund, tweeted.`).
        let after_end = if quote_ends_sentence {
            let paragraph = paragraph_end(self.text, quoted.close);
            let mut end = quoted.close;
            for (count, (offset, word)) in
                corroborate_model::text::words(&self.text[quoted.close..paragraph]).enumerate()
            {
                end = quoted.close + offset + word.len();
                if count >= 12 {
                    break;
                }
            }
            end.max(sentence_end).min(paragraph.max(sentence_end))
        } else {
            sentence_end
        };
        // A paragraph opening with the quote after a paragraph ending in a colon (`Cruz
        // called them on it:`) is introduced by that sentence.
        let lead_start =
            if quoted.opens_paragraph && self.text[..quoted.open].trim_end().ends_with(':') {
                self.sentence_start_before(self.text[..quoted.open].trim_end().len() - 1)
            } else {
                sentence_start
            };
        // The quote's own sentence first, then a cue in the sentence after (`Baker said the
        // probe is “ongoing.” He said…`: the next sentence's `He said` reports other words).
        // A quote opening its sentence looks for its cue after it (`“No,” she said`); a
        // fragment inside a sentence belongs to the cue before it (`Lee said the plan was “a
        // mess” while Ross says…`) when that cue has a speaker.
        let opens_sentence = self.text[sentence_start..quoted.open]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
        let mut before = None;
        if !opens_sentence {
            // `Lee weighed in, telling the Courier, “…,” she said`: a tag right after the
            // quotation's closing comma is its own attribution.
            if let Some(tag) = self.tag_after(quoted, sentence_end) {
                return Some(tag);
            }
            before = self.cue_before(lead_start, quoted.open);
            // `Ross cannot say that “…,” Lee added`: a cue after a modal yields to a cue right
            // after the quotation.
            let hypothetical = before.as_ref().is_some_and(|a| self.after_modal(a.cue));
            if before.as_ref().is_some_and(|a| a.speaker.is_some()) && !hypothetical {
                return before;
            }
            if hypothetical
                && let Some(attribution) = self.cue_after(quoted.close, sentence_end)
                && attribution.direct
            {
                return Some(attribution);
            }
            if before.as_ref().is_some_and(|a| a.speaker.is_some()) {
                return before;
            }
        }
        if let Some(attribution) = self.cue_after(quoted.close, sentence_end) {
            return Some(attribution);
        }
        if opens_sentence {
            before = self.cue_before(lead_start, quoted.open);
            if before.as_ref().is_some_and(|a| a.speaker.is_some()) {
                return before;
            }
        }
        if after_end > sentence_end
            && let Some(attribution) = self.cue_after(quoted.close, after_end)
        {
            return Some(attribution);
        }
        before
            .or_else(|| self.colon_introduction(lead_start, quoted.open))
            .or_else(|| self.subject_after_quote(quoted, sentence_end))
    }

    /// `“…,” she said`, `“…,” said Lee`: a speech verb within the first three words after a
    /// quotation closed by a comma, with its speaker.
    fn tag_after(&self, quoted: &Quoted, sentence_end: usize) -> Option<Attribution> {
        let inner = quoted.inner_text(self.text);
        let mark_gap = &self.text[quoted.inner.end()..quoted.close];
        if !(inner.ends_with(',') || mark_gap.starts_with(',')) {
            return None;
        }
        let attribution = self.cue_after(quoted.close, sentence_end)?;
        let near = self.words_between(quoted.close, attribution.cue.start()) <= 2;
        (near && attribution.direct && attribution.speaker.is_some()).then_some(attribution)
    }

    /// `“Let me talk,” Marsh shot back.`: a quotation closed by a comma, question or
    /// exclamation mark and followed by a name or a subject pronoun and a verb is that
    /// person's speech even when the verb is not a known speech verb.
    fn subject_after_quote(&self, quoted: &Quoted, sentence_end: usize) -> Option<Attribution> {
        // Inside a sentence (`While Lee calls it “a fine plan,” Ross frowns`) the name after
        // the quotation starts the main clause; it did not speak the words.
        if !self.opens_sentence(quoted) {
            return None;
        }
        let inner = quoted.inner_text(self.text);
        let mark_gap = &self.text[quoted.inner.end()..quoted.close];
        if !(inner.ends_with([',', '?', '!']) || mark_gap.starts_with(',')) {
            return None;
        }
        let end = sentence_end.max(quoted.close);
        let rest = &self.text[quoted.close..end];
        let start = quoted.close + (rest.len() - rest.trim_start_matches([' ', ',']).len());
        let words = word_spans(self.text, start, end);
        let first = *words.first()?;
        let (speaker, subject_end) = if let Some(found) = self
            .found
            .iter()
            .find(|f| f.mention.span.start() == first.start())
        {
            let kind = found
                .mention
                .entity
                .and_then(|e| self.entities.get(e))
                .map_or(found.mention.kind, |e| e.kind);
            if !matches!(kind, EntityKind::Person | EntityKind::Other) {
                return None;
            }
            (self.speaker_of_mention(found), found.mention.span.end())
        } else {
            let first_text = &self.text[first.range()];
            let gender = pronoun_gender(first_text).filter(|_| is_subject_pronoun(first_text))?;
            (self.resolve_pronoun(first, gender)?, first.end())
        };
        // The verb: the next word, in lower case, right after the subject.
        let verb = words.iter().find(|w| w.start() >= subject_end)?;
        let gap = &self.text[subject_end..verb.start()];
        if !gap.trim().is_empty() || !self.text[verb.range()].starts_with(char::is_lowercase) {
            return None;
        }
        Some(Attribution {
            speaker: Some(speaker),
            cue: *verb,
            direct: true,
            nearest_cue_end: verb.end(),
        })
    }

    /// `Moore thanked him for “stepping up.”`: a quotation inside a sentence with no speech
    /// cue is attributed to the sentence's subject, when that is a named person or body (or a
    /// pronoun for one) opening its clause. A quote that opens its sentence gets none.
    fn subject_of_own_sentence(&self, quoted: &Quoted) -> Option<Speaker> {
        let sentence_start = self.sentence_start_before(quoted.open);
        if self.text[sentence_start..quoted.open].trim().is_empty() {
            return None;
        }
        let from = self.after_fronted_phrase(sentence_start, quoted.open);
        let words = word_spans(self.text, from, quoted.open);
        let first = *words.first()?;
        let first_text = &self.text[first.range()];
        if let Some(gender) = pronoun_gender(first_text).filter(|_| is_subject_pronoun(first_text))
        {
            return self.resolve_pronoun(first, gender);
        }
        let found = self
            .found
            .iter()
            .filter(|f| f.mention.span.start() >= from && f.mention.span.end() <= quoted.open)
            .find(|f| {
                matches!(
                    f.mention.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Other
                ) && !self.inside_quote(f.mention.span.start())
                    && !self.is_audience(f)
                    // A possessive opening the clause names the speaker (`Marsh’s reply was
                    // that…`); elsewhere it is not the subject.
                    && (!self.is_object(f) || f.mention.span.start() == first.start())
            });
        let Some(found) = found else {
            // `The ad targets a “rigged economy”`: a description opening the clause.
            return self.subject_phrase(from, quoted.open);
        };
        if self.words_between(from, found.mention.span.start()) > 5 {
            return self.subject_phrase(from, quoted.open);
        }
        Some(self.speaker_of_mention(self.person_after_modifier(found, quoted.open)))
    }

    fn opens_sentence(&self, quoted: &Quoted) -> bool {
        let sentence_start = self.sentence_start_before(quoted.open);
        self.text[sentence_start..quoted.open]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
    }

    /// `Ann Lee agreed. “…”`, `Lee added:` `“…”`: a quote opening its sentence right after a
    /// short sentence (in the same paragraph, or the paragraph before) that ends with a
    /// speech verb gets that verb's subject.
    fn cue_sentence_before(&self, quoted: &Quoted) -> Option<Speaker> {
        let sentence_start = self.sentence_start_before(quoted.open);
        if !self.text[sentence_start..quoted.open]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
        {
            return None;
        }
        let before = self
            .sentences
            .iter()
            .rev()
            .find(|s| s.span.end() <= quoted.open)?;
        let between = &self.text[before.span.end()..quoted.open];
        if between.matches('\n').count() > 2 || self.inside_quote(before.span.start()) {
            return None;
        }
        let sentence = self.text[before.span.range()].trim_end();
        if !sentence.ends_with(['.', ':']) {
            return None;
        }
        let words = word_spans(self.text, before.span.start(), before.span.end());
        // The cue ends the sentence, or only a short phrase of place or time follows it
        // (`Lee said in a statement.`, `Lee told reporters on Monday.`).
        let cue_index = words.iter().rposition(|w| self.is_cue_at(*w))?;
        let cue = words[cue_index];
        let tail = &words[cue_index + 1..];
        let short_tail = tail.is_empty()
            || (tail.len() <= 4
                && TAIL_OPENERS.contains(&self.text[tail[0].range()].to_lowercase().as_str()));
        if words.len() > 20 || !short_tail || self.inside_quote(cue.start()) {
            return None;
        }
        self.speaker_in(before.span.start(), cue.start())
    }

    /// Skips a dateline (`KELBY, Dunmore (Agency) –`, `KELBY —`): a place in capitals or a
    /// place with an agency in brackets, then a dash.
    fn after_dateline(&self, from: usize, to: usize) -> usize {
        let stretch = &self.text[from..to];
        let Some((dash_at, dash)) = stretch
            .char_indices()
            .take(60)
            .find(|(_, c)| matches!(c, '\u{2014}' | '\u{2013}' | '-'))
        else {
            return from;
        };
        let head = stretch[..dash_at].trim();
        let spaced = stretch[..dash_at].ends_with(' ');
        let capitals = head.chars().any(char::is_alphabetic)
            && !head.chars().any(char::is_lowercase)
            && head.split_whitespace().count() <= 4;
        let agency = head.ends_with(')') && head.contains('(');
        if spaced && (capitals || agency) {
            from + dash_at + dash.len_utf8()
        } else {
            from
        }
    }

    /// Skips a fronted adverbial set off by a comma (`When Wallace died in 1998, President
    /// Quist said`, `On Twitter, Bush called…`): the subject follows it.
    fn after_fronted_phrase(&self, from: usize, to: usize) -> usize {
        let from = self.after_dateline(from, to);
        let stretch = &self.text[from..to];
        let first_word = stretch
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !FRONTED_OPENERS.contains(&first_word.as_str()) {
            return from;
        }
        // The phrase is short; a comma further on closes something else.
        match stretch.find(',') {
            Some(comma)
                if stretch[..comma].split_whitespace().count() <= 12
                    && !stretch[comma + 1..].trim().is_empty() =>
            {
                from + comma + 1
            }
            _ => from,
        }
    }

    /// `Sanders delivered a retort: “...”`: a sentence that introduces the quote with a colon
    /// gives it to its subject.
    fn colon_introduction(&self, from: usize, to: usize) -> Option<Attribution> {
        let lead = self.text[from..to].trim_end();
        let colon = lead.strip_suffix(':')?;
        let colon_at = from + colon.len();
        // Only a named subject or a pronoun; `The sign on the pier read:` names no speaker.
        // A name labelling the quotation (`HEADLINE – Ann Lee:`, `Ann Lee:`) is its speaker;
        // in a sentence, the clause's subject is, not the last name before the colon (`Bush
        // explained it to the weekly Kelby Post:`).
        let label_start = from + after_last(colon, &['-', '\u{2013}', '\u{2014}']);
        let label_words = word_spans(self.text, label_start, colon_at);
        let is_label = !label_words.is_empty()
            && label_words.len() <= 8
            && label_words.iter().all(|w| {
                let word = &self.text[w.range()];
                word.starts_with(char::is_uppercase) || word == "and"
            });
        let label = self
            .found
            .iter()
            .find(|f| f.mention.span.start() >= label_start && f.mention.span.end() <= colon_at)
            .filter(|_| is_label)
            .map(|f| self.speaker_of_mention(f));
        let speaker = label
            .or_else(|| self.main_subject(from, colon_at))
            .filter(|speaker| {
                speaker.entity.is_some()
                    || pronoun_gender(&self.text[speaker.span.range()]).is_some()
            })?;
        let cue = Span::new(colon_at, colon_at + 1);
        Some(Attribution {
            speaker: Some(speaker),
            cue,
            direct: false,
            nearest_cue_end: cue.end(),
        })
    }

    /// `, she said`, `," said Sir Edward`, `, Marsh told reporters`, `, according to Marsh`.
    fn cue_after(&self, from: usize, to: usize) -> Option<Attribution> {
        let after = &self.text[from..to];
        let skipped = after.len()
            - after
                .trim_start_matches(|c: char| {
                    c.is_whitespace()
                        || matches!(
                            c,
                            ',' | '.' | ';' | '!' | '?' | '-' | '\u{2014}' | '\u{2013}'
                        )
                })
                .len();
        let start = from + skipped;
        let words = word_spans(self.text, start, to);
        let first = words.first()?;
        let first_text = &self.text[first.range()];
        // `Lee accuses Ross of “stalling” and Kay says …`: a conjunction after the quotation
        // opens another clause, whose cue reports other words.
        // (`“…” and “…,” Lee said`: a second quotation joined by `and` shares the cue.)
        if matches!(first_text, "and" | "but" | "while" | "whereas" | "or")
            && !self.text[first.end()..]
                .trim_start()
                .starts_with(['"', '\u{201C}'])
        {
            return None;
        }
        // Inverted: `said Sir Edward` (`according to` is handled below as a phrase). Only a
        // plain speech verb inverts; `compared to what rivals do` names no speaker.
        if is_cue(first_text)
            && CUE_VERBS.contains(&first_text.to_lowercase().as_str())
            && !first_text.eq_ignore_ascii_case("according")
        {
            let speaker = self.speaker_at(first.end(), to)?;
            return Some(Attribution {
                speaker: Some(speaker),
                cue: *first,
                direct: true,
                nearest_cue_end: first.end(),
            });
        }
        if first_text.eq_ignore_ascii_case("according")
            && words.get(1).is_some_and(|w| &self.text[w.range()] == "to")
        {
            let cue = Span::new(first.start(), words[1].end());
            return Some(Attribution {
                speaker: self.speaker_at(cue.end(), to),
                cue,
                direct: true,
                nearest_cue_end: cue.end(),
            });
        }
        // `she said`, `Marsh told reporters`, `the spokesman said`: the speaker comes first.
        // `…,” Kay Moss, director of the Harbour Institute at Dunmore College, said`: a name
        // and an apposition between commas may hold the cue further off.
        let opens_with_apposition = self
            .found
            .iter()
            .find(|f| f.mention.span.start() == first.start())
            .is_some_and(|f| self.text[f.mention.span.end()..].starts_with(','));
        let reach = if opens_with_apposition { 32 } else { 14 };
        let cue_index = words
            .iter()
            .take(reach)
            .position(|w| self.is_cue_at(*w))
            .filter(|&index| {
                index < 14 || self.text[..words[index].start()].trim_end().ends_with(',')
            })?;
        if cue_index == 0 {
            return None;
        }
        let cue = words[cue_index];
        // `…,” for Clinton, said Kunin`: no subject before the verb, the name follows it.
        let speaker = self
            .speaker_in(start, cue.start())
            .or_else(|| self.named_speaker_at(cue.end(), to))?;
        Some(Attribution {
            speaker: Some(speaker),
            cue,
            direct: true,
            nearest_cue_end: cue.end(),
        })
    }

    /// `Marsh said: "...`, `Marsh told reporters that "...`, `According to Marsh, "...`.
    fn cue_before(&self, from: usize, to: usize) -> Option<Attribution> {
        let words = word_spans(self.text, from, to);
        // A cue inside a fronted clause (`After Brown criticized him, Lee shot back, “…”`)
        // belongs to that clause, not to the quotation.
        // `As Lee observed, …` is the exception: that clause is the attribution.
        let opens_with_as = self.text[from..to]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("as"));
        let main_clause = if opens_with_as {
            from
        } else {
            self.after_fronted_phrase(from, to)
        };
        let is_cue_candidate = |w: &Span| {
            self.is_cue_at(*w)
                && !self.inside_quote(w.start())
                && (main_clause == from || w.start() >= main_clause)
        };
        // `Obama said he expected that voters will say “no”`: a cue after a modal reports
        // words not yet spoken; the quotation belongs to a cue that reports speech, when the
        // sentence has one.
        let any_actual = words
            .iter()
            .any(|w| is_cue_candidate(w) && !self.after_modal(*w));
        let is_candidate = |w: &Span| is_cue_candidate(w) && !(any_actual && self.after_modal(*w));
        // The cue nearest the quote, outside other quotations; when its subject cannot be
        // found (an embedded `that voters will say`), the cue of the clause around it.
        let nearest = words.iter().rposition(is_candidate)?;
        let nearest_cue_end = words[nearest].end();
        let mut first_attempt = None;
        for cue_index in (0..=nearest)
            .rev()
            .filter(|&index| is_candidate(&words[index]))
        {
            let attribution = self.attribution_for_cue_before(&words, cue_index, from, to);
            if attribution.speaker.is_some() {
                return Some(Attribution {
                    nearest_cue_end,
                    ..attribution
                });
            }
            first_attempt.get_or_insert(attribution);
        }
        first_attempt
    }

    fn attribution_for_cue_before(
        &self,
        words: &[Span],
        cue_index: usize,
        from: usize,
        to: usize,
    ) -> Attribution {
        let cue = words[cue_index];
        let cue_text = &self.text[cue.range()];
        if cue_text.eq_ignore_ascii_case("according") {
            let cue = Span::new(
                cue.start(),
                words.get(cue_index + 1).map_or(cue.end(), |w| w.end()),
            );
            let speaker_end = self.text[cue.end()..to]
                .find(',')
                .map_or(to, |at| cue.end() + at);
            return Attribution {
                speaker: self.speaker_at(cue.end(), speaker_end),
                cue,
                direct: false,
                nearest_cue_end: cue.end(),
            };
        }
        let mut clause_start = from + after_last(&self.text[from..cue.start()], &[';', '\u{2014}']);
        // `Trump went after Bush, calling him ...`: a participle's subject is the clause's,
        // unless a name stands right before it (`with Gorka noting`).
        let participle = CUE_PARTICIPLES.contains(&cue_text.to_lowercase().as_str());
        // `The mayor noted that he grew up here, and added: “…”`: a verb joined to the main
        // verb by `and` has no subject of its own; it shares the main clause's.
        let coordinated = self.coordinated_after_comma(&words[..cue_index]);
        // `Lee said she expected that voters will say …`: a clause opened by `that` is the
        // embedded verb's own; its subject is looked for there only. A participle or a
        // coordinated verb after a comma belongs to the main clause, not to the `that` clause
        // (`Lee argued that the plan fails, saying …`).
        if !participle
            && !coordinated
            && let Some(that) = words[..cue_index]
                .iter()
                .rev()
                .find(|w| w.start() >= clause_start && &self.text[w.range()] == "that")
        {
            clause_start = that.end();
        }
        // `Law said, noting that …`: a participle right after a speech verb and a comma
        // shares that verb's subject.
        let after_cue = participle
            && cue_index > 0
            && self.is_cue_at(words[cue_index - 1])
            && self.text[words[cue_index - 1].end()..cue.start()].trim() == ",";
        let speaker = if after_cue {
            self.subject_next_to_cue(clause_start, words[cue_index - 1].start())
                .or_else(|| self.main_subject(clause_start, cue.start()))
        } else if coordinated {
            self.main_subject(clause_start, cue.start())
        } else if participle {
            self.found
                .iter()
                .find(|f| {
                    f.mention.span.start() >= clause_start
                        && f.mention.span.end() <= cue.start()
                        && self.text[f.mention.span.end()..cue.start()]
                            .split_whitespace()
                            .all(|w| w.ends_with("ly") && w.chars().all(char::is_alphabetic))
                        && !self.inside_quote(f.mention.span.start())
                })
                .map(|found| self.speaker_of_mention(found))
                .or_else(|| self.main_subject(clause_start, cue.start()))
        } else {
            self.speaker_in(clause_start, cue.start())
        }
        .or_else(|| self.named_speaker_at(cue.end(), to));
        Attribution {
            speaker,
            cue,
            direct: false,
            nearest_cue_end: cue.end(),
        }
    }

    /// True when the last of `before` is `and` or `but` (an adverb aside): the verb that
    /// follows is coordinated with the main verb (`…, and added`, `… and insisted`).
    fn coordinated_after_comma(&self, before: &[Span]) -> bool {
        let mut index = before.len();
        while index > 0 {
            index -= 1;
            let word = &self.text[before[index].range()];
            if word.ends_with("ly") || matches!(word, "also" | "then" | "later") {
                continue;
            }
            return matches!(word, "and" | "but");
        }
        false
    }

    /// The subject opening a clause: a description that opens it and is followed by its verb
    /// (`The mayor noted…`), else its first mention or pronoun.
    fn main_subject(&self, from: usize, to: usize) -> Option<Speaker> {
        let from = self.after_fronted_phrase(from, to);
        // `The aide to Mayor Lee said` names the aide; `One operative at Kelby Tower` is
        // still a description.
        if let Some(phrase) = self.subject_phrase(from, to)
            && !self.found.iter().any(|f| {
                phrase.span.contains_span(f.mention.span) && f.mention.kind == EntityKind::Person
            })
        {
            return Some(phrase);
        }
        self.first_subject(from, to)
    }

    /// A named speaker right after an inverted cue (`said Kunin`), never a description.
    fn named_speaker_at(&self, from: usize, to: usize) -> Option<Speaker> {
        let start = from + (self.text[from..to].len() - self.text[from..to].trim_start().len());
        let found = self
            .found
            .iter()
            .find(|f| f.mention.span.start() == start)?;
        Some(self.speaker_of_mention(found))
    }

    /// The speaker named right at `from` (after an inverted cue): a mention or a role phrase.
    fn speaker_at(&self, from: usize, to: usize) -> Option<Speaker> {
        let rest = &self.text[from..to];
        let start = from + (rest.len() - rest.trim_start().len());
        // The speaker may follow a few modifiers: `said former Gov. Jim Hodges`.
        let clause_end = self.text[start..to]
            .find([',', '.', ';', ':'])
            .map_or(to, |at| start + at);
        let nearby = self.found.iter().find(|f| {
            f.mention.span.start() >= start
                && f.mention.span.start() < clause_end
                && self.words_between(start, f.mention.span.start()) <= 3
                && self.text[start..f.mention.span.start()]
                    .chars()
                    .all(|c| !c.is_uppercase() || c.is_whitespace())
        });
        if let Some(found) = nearby {
            return Some(self.speaker_of_mention(found));
        }
        let words = word_spans(self.text, start, to);
        let first = words.first()?;
        if let Some(gender) = pronoun_gender(&self.text[first.range()]) {
            return self.resolve_pronoun(*first, gender);
        }
        // A description: `a spokesman for the council`.
        let end = words
            .iter()
            .take(6)
            .take_while(|w| !self.text[w.range()].ends_with(','))
            .last()
            .map_or(first.end(), |w| w.end());
        let phrase = self.text[start..end].trim_end_matches([',', '.']);
        let is_description = phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the" | "one"));
        is_description.then(|| Speaker {
            span: Span::new(start, start + phrase.len()),
            name: Some(phrase.to_string()),
            entity: None,
        })
    }

    /// The speaker in a stretch before a cue: the last mention or pronoun in it, or a
    /// description (`A council spokeswoman`).
    fn speaker_in(&self, from: usize, to: usize) -> Option<Speaker> {
        self.relative_subject(from, to)
            .or_else(|| self.subject_next_to_cue(from, to))
            .or_else(|| self.first_subject(from, to))
    }

    /// `Lee, who has long argued that …`, `the council’s report, which notes`: a relative
    /// pronoun is the cue's subject. The speaker's words are the pronoun, its name the noun
    /// phrase the pronoun follows. Between the pronoun and the cue only lower-case words
    /// (auxiliaries, adverbs, a short aside between commas) may stand.
    fn relative_subject(&self, from: usize, to: usize) -> Option<Speaker> {
        let words = word_spans(self.text, from, to);
        let index = words
            .iter()
            .rposition(|w| matches!(&self.text[w.range()], "who" | "which"))?;
        let relative = words[index];
        let between = &words[index + 1..];
        let gap = &self.text[relative.end()..to];
        // `Lee, who has not endorsed anyone, told reporters`: a relative clause closed by a
        // comma before the verb is an aside; the verb's subject is the name before it. A
        // passive (`which was shared`) has no speaker as its subject.
        let closed = !gap.trim_start().starts_with(',') && gap.trim_end().ends_with(',');
        let passive = between.last().is_some_and(|w| {
            matches!(
                &self.text[w.range()],
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        });
        if closed
            || passive
            || between.len() > 6
            || between.iter().any(|w| {
                let word = &self.text[w.range()];
                pronoun_gender(word).is_some() || matches!(word, "i" | "we" | "you" | "it")
            })
            || gap.contains(['"', '\u{201C}', '\u{201D}', ';', ':', '(', ')'])
            || between.iter().any(|w| {
                !self.text[w.range()].starts_with(char::is_lowercase) || self.is_cue_at(*w)
            })
        {
            return None;
        }
        // The antecedent ends right before the pronoun, past a comma or a dash.
        let antecedent_end = self.text[from..relative.start()]
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '\u{2013}')
            })
            .len()
            + from;
        let antecedent = self.antecedent_ending_at(from, antecedent_end)?;
        Some(Speaker {
            span: relative,
            name: antecedent.name,
            entity: antecedent.entity,
        })
    }

    /// The noun phrase ending at `end`: a mention (its entity's name), else a description
    /// from a determiner (`the party’s report`).
    fn antecedent_ending_at(&self, from: usize, end: usize) -> Option<Speaker> {
        if let Some(found) = self
            .found
            .iter()
            .find(|f| f.mention.span.end() == end && f.mention.span.start() >= from)
        {
            return Some(self.speaker_of_mention(found));
        }
        let words = word_spans(self.text, from, end);
        let last = *words.last()?;
        if last.end() != end {
            return None;
        }
        for start_index in (words.len().saturating_sub(6)..words.len()).rev() {
            let word = words[start_index];
            if self.text[word.end()..last.end()].contains([',', ';', ':', '.', '(', ')'])
                && start_index + 1 < words.len()
            {
                return None;
            }
            if let Some(speaker) = self.description_from(word, last) {
                return Some(speaker);
            }
        }
        None
    }

    /// The subject standing right before the cue (`Trump said`, `Aides say`, `the
    /// employee first said`), after skipping an apposition or relative clause between commas
    /// (`Sexton, a creative writing professor, said`).
    fn subject_next_to_cue(&self, from: usize, to: usize) -> Option<Speaker> {
        let mut end = to;
        // `Sen. Ann Lee (D-Kelby) said`: a bracket between subject and verb is skipped.
        let trimmed = self.text[from..end].trim_end();
        if trimmed.ends_with(')')
            && let Some(open) = trimmed.rfind('(')
        {
            end = from + open;
        }
        let stretch = self.text[from..end].trim_end();
        if let Some(before_comma) = stretch.strip_suffix(',') {
            let opening = before_comma.rfind(',')?;
            let inner = before_comma[opening + 1..].trim_start();
            let inner_first = inner
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let parenthetical = APPOSITION_OPENERS.contains(&inner_first.as_str())
                || inner.split_whitespace().count() <= 12;
            if !parenthetical {
                return None;
            }
            end = from + opening;
        }
        let words = word_spans(self.text, from, end);
        // At most one adverb between subject and verb (`Marsh also said`).
        let last = words.len().checked_sub(1)?;
        for gap in 0..=1.min(last) {
            let word = words[last - gap];
            let word_text = &self.text[word.range()];
            if let Some(found) = self
                .found
                .iter()
                .find(|f| f.mention.span.end() == word.end() && f.mention.span.start() >= from)
            {
                if self.is_object(found)
                    || self.is_audience(found)
                    || self.inside_quote(found.mention.span.start())
                {
                    return None;
                }
                return Some(self.speaker_of_mention(self.person_after_modifier(found, end)));
            }
            if let Some(gender) =
                pronoun_gender(word_text).filter(|_| is_subject_pronoun(word_text))
            {
                return self.resolve_pronoun(word, gender);
            }
            // `“…,” I confessed`: the writer speaking; the pronoun names no one in the text.
            if matches!(word_text, "I" | "We" | "we") && !self.inside_quote(word.start()) {
                return Some(Speaker {
                    span: word,
                    name: None,
                    entity: None,
                });
            }
            // `it said`, `what it calls`: `it` right before the verb is a body speaking.
            if gap == 0
                && matches!(word_text, "it" | "It")
                && word_spans(self.text, to, self.text.len().min(to + 40))
                    .first()
                    .is_some_and(|verb| self.is_cue_at(*verb))
            {
                return self.resolve_it(word);
            }
            if let Some(description) =
                self.description_ending_at(from, words[..=last - gap].as_ref())
            {
                return Some(description);
            }
            // `Small, who attended the rally, said`: a lone capitalised word opening the
            // clause as the verb's subject is a name, even one the article never marks.
            if gap == 0
                && words.len() == 1
                && word_text.starts_with(char::is_uppercase)
                && word_text.chars().all(char::is_alphabetic)
                && !matches!(
                    word_text,
                    "It" | "This" | "That" | "There" | "Here" | "Which"
                )
            {
                return Some(Speaker {
                    span: word,
                    name: Some(word_text.to_string()),
                    entity: None,
                });
            }
            if !word_text.ends_with("ly")
                && !matches!(
                    word_text,
                    "also" | "then" | "later" | "first" | "again" | "once" | "still" | "now"
                )
            {
                return None;
            }
        }
        None
    }

    /// A noun phrase naming a speaker without a name, ending at the last of `words`:
    /// `an intelligence source`, `the employee`, `Aides`, `one operative`.
    fn description_ending_at(&self, from: usize, words: &[Span]) -> Option<Speaker> {
        let last = *words.last()?;
        let head = self.text[last.range()].to_lowercase();
        if STOP_HEADS.contains(&head.as_str()) || !head.chars().all(char::is_alphabetic) {
            return None;
        }
        // Walk back to a determiner within five words, without crossing punctuation.
        for start_index in (words.len().saturating_sub(5)..words.len()).rev() {
            let word = words[start_index];
            let between = &self.text[word.end().min(last.end())..last.start().max(word.end())];
            if between.contains([',', ';', ':', '.', '(', ')', '"', '\u{201C}', '\u{201D}']) {
                return None;
            }
            if let Some(speaker) = self.description_from(word, last) {
                return Some(speaker);
            }
        }
        // A bare plural at the clause start: `Aides say`, `Officials said`.
        let single = words.len() == 1 || self.text[from..last.start()].trim().is_empty();
        (single && head.ends_with('s') && head.len() > 3).then(|| Speaker {
            span: last,
            name: Some(self.text[last.range()].to_string()),
            entity: None,
        })
    }

    /// The subject as the first mention of the clause.
    fn first_subject(&self, from: usize, to: usize) -> Option<Speaker> {
        let from = self.after_fronted_phrase(from, to);
        // The subject: the first mention of the clause that is not a possessive or the
        // object of a preposition (`Marsh, speaking to BBC News, said`).
        let mention = self
            .found
            .iter()
            .filter(|f| f.mention.span.start() >= from && f.mention.span.end() <= to)
            .filter(|f| !self.inside_quote(f.mention.span.start()))
            .filter(|f| {
                matches!(
                    f.mention.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Other
                )
            })
            .find(|f| !self.is_audience(f) && !self.is_object(f))
            .map(|subject| self.person_after_modifier(subject, to));
        let words = word_spans(self.text, from, to);
        // A pronoun inside a quotation is the speaker's word, not the clause's subject.
        let pronoun = words
            .iter()
            .filter(|w| !self.inside_quote(w.start()))
            .find_map(|w| {
                pronoun_gender(&self.text[w.range()])
                    .filter(|_| is_subject_pronoun(&self.text[w.range()]))
                    .map(|gender| (*w, gender))
            });
        match (mention, pronoun) {
            (Some(found), Some((pronoun_span, gender)))
                if pronoun_span.start() < found.mention.span.start() =>
            {
                self.resolve_pronoun(pronoun_span, gender)
            }
            (Some(found), _) => Some(self.speaker_of_mention(found)),
            (None, Some((pronoun_span, gender))) => self.resolve_pronoun(pronoun_span, gender),
            (None, None) => {
                if let Some(subject) = self.subject_phrase(from, to) {
                    return Some(subject);
                }
                // A description as the subject: the words before the cue, from a determiner.
                let phrase = self.text[from..to].trim();
                let first = phrase.split_whitespace().next()?.to_lowercase();
                let words = phrase.split_whitespace().count();
                if matches!(first.as_str(), "a" | "an" | "the" | "one") && (2..=6).contains(&words)
                {
                    let start = from + self.text[from..to].find(phrase).unwrap_or(0);
                    return Some(Speaker {
                        span: Span::new(start, start + phrase.len()),
                        name: Some(phrase.to_string()),
                        entity: None,
                    });
                }
                None
            }
        }
    }

    /// A description opening the clause as its subject (`His office put out…`, `The ad
    /// targets…`, `The council voted…`): a determiner and at most four more words, ending
    /// before the first word that reads as the verb (an auxiliary, a past form, a speech
    /// verb, or an `-s` form before a determiner). `None` unless a verb is found.
    fn subject_phrase(&self, from: usize, to: usize) -> Option<Speaker> {
        let words = word_spans(self.text, from, to);
        let first = *words.first()?;
        let determiner = self.text[first.range()].to_lowercase();
        if !DESCRIPTION_DETERMINERS.contains(&determiner.as_str())
            || !self.text[from..first.start()].trim().is_empty()
        {
            return None;
        }
        for (index, word) in words.iter().enumerate().skip(1).take(5) {
            let between = &self.text[words[index - 1].end()..word.start()];
            if between.trim().chars().any(|c| !matches!(c, '-')) {
                return None;
            }
            let word_text = &self.text[word.range()];
            // A phrase with a preposition (`the sign on the pier`) is left alone: where it
            // ends cannot be read without a parser.
            if OBJECT_PREPOSITIONS.contains(&word_text) {
                return None;
            }
            let next_is_determiner = words.get(index + 1).is_some_and(|next| {
                let next = self.text[next.range()].to_lowercase();
                DESCRIPTION_DETERMINERS.contains(&next.as_str()) || next == "that"
            });
            let verb = word_text.starts_with(char::is_lowercase)
                && (PHRASE_VERBS.contains(&word_text)
                    || (word_text.len() > 4 && word_text.ends_with("ed"))
                    || self.is_cue_at(*word)
                    || (word_text.ends_with('s')
                        && !word_text.ends_with("ss")
                        && next_is_determiner));
            if verb {
                if index < 2 {
                    return None;
                }
                let span = Span::new(first.start(), words[index - 1].end());
                let head = self.text[words[index - 1].range()].to_lowercase();
                if matches!(
                    head.as_str(),
                    "it" | "this" | "that" | "which" | "who" | "what"
                ) {
                    return None;
                }
                return Some(Speaker {
                    span,
                    name: Some(self.text[span.range()].to_string()),
                    entity: None,
                });
            }
        }
        None
    }

    /// `Union Party chairman Clive Ostrander said`: an organisation naming the person's
    /// affiliation right before them is a modifier; the person is the subject.
    fn person_after_modifier<'f>(&'f self, subject: &'f Found, to: usize) -> &'f Found {
        if subject.mention.kind == EntityKind::Person {
            return subject;
        }
        let next = self.found.iter().find(|f| {
            f.mention.span.start() > subject.mention.span.end() && f.mention.span.end() <= to
        });
        match next {
            Some(person) if person.mention.kind == EntityKind::Person => {
                let between = &self.text[subject.mention.span.end()..person.mention.span.start()];
                let close =
                    between.split_whitespace().count() <= 3 && !between.contains([',', ';', '.']);
                if close { person } else { subject }
            }
            _ => subject,
        }
    }

    /// A possessive (`Kelsworth’s`) or a mention after a preposition is not a subject.
    fn is_object(&self, found: &Found) -> bool {
        let after = &self.text[found.mention.span.end()..];
        if after.starts_with(['\'', '\u{2019}']) {
            return true;
        }
        // The word right before (skipping an article), only when nothing but spaces
        // separates them: a preposition across a quote mark or a comma does not govern it.
        let mut before = self.text[..found.mention.span.start()].trim_end();
        for _ in 0..2 {
            if !before.ends_with(|c: char| c.is_alphabetic()) {
                return false;
            }
            let word_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(0, |(at, c)| at + c.len_utf8());
            let word = before[word_start..].to_lowercase();
            if !matches!(word.as_str(), "the" | "a" | "an") {
                return OBJECT_PREPOSITIONS.contains(&word.as_str());
            }
            before = before[..word_start].trim_end();
        }
        false
    }

    /// A mention right after `told` is who was told, not who spoke.
    fn is_audience(&self, found: &Found) -> bool {
        let before = self.text[..found.mention.span.start()].trim_end();
        before.ends_with(" told")
            || before.ends_with(" tells")
            || before.ends_with(" to")
            || before.ends_with(" with")
    }

    fn speaker_of_mention(&self, found: &Found) -> Speaker {
        let name = found
            .mention
            .entity
            .and_then(|entity| self.entities.get(entity))
            .map_or_else(|| found.mention.name.clone(), |entity| entity.name.clone());
        Speaker {
            span: found.mention.span,
            name: Some(name),
            entity: found.mention.entity,
        }
    }

    /// A pronoun speaker resolved to the nearest earlier person of a compatible gender that
    /// is not inside a quotation and was not spoken to.
    /// With no one fitting, the speaker is the pronoun with no name: a pronoun alone is not
    /// a speaker's name.
    fn resolve_pronoun(&self, pronoun: Span, gender: Option<Gender>) -> Option<Speaker> {
        let Some(referent) = self.referent(pronoun, gender, 0) else {
            // `“The river is rising!” he yelled.` with no one named: the pronoun still names
            // the speaker's words, with no name.
            return self.previous_speaker_for(pronoun, gender).or(Some(Speaker {
                span: pronoun,
                name: None,
                entity: None,
            }));
        };
        let resolved = self.speaker_of_mention(referent);
        Some(Speaker {
            span: pronoun,
            name: resolved.name,
            entity: resolved.entity,
        })
    }

    /// `it` as a speaker: the nearest organisation named before it in its sentence or the
    /// three before (not inside a quotation, not an object), else the previous quote's
    /// speaker when that is not a person.
    fn resolve_it(&self, pronoun: Span) -> Option<Speaker> {
        let sentence_index = self
            .sentences
            .iter()
            .rposition(|s| s.span.start() <= pronoun.start())
            .unwrap_or(0);
        let window_start = self
            .sentences
            .get(sentence_index.saturating_sub(3))
            .map_or(0, |s| s.span.start());
        let organisation = self
            .found
            .iter()
            .filter(|f| {
                f.mention.span.start() >= window_start && f.mention.span.end() <= pronoun.start()
            })
            .filter(|f| {
                let kind = f
                    .mention
                    .entity
                    .and_then(|e| self.entities.get(e))
                    .map_or(f.mention.kind, |e| e.kind);
                kind == EntityKind::Organization
                    && !self.inside_quote(f.mention.span.start())
                    && !self.is_object(f)
            })
            .last();
        match organisation {
            Some(found) => {
                let resolved = self.speaker_of_mention(found);
                Some(Speaker {
                    span: pronoun,
                    name: resolved.name,
                    entity: resolved.entity,
                })
            }
            None => self.previous_speaker_for(pronoun, None).or(Some(Speaker {
                span: pronoun,
                name: None,
                entity: None,
            })),
        }
    }

    /// A pronoun no named person resolves refers to the speaker of the quote before it when
    /// that quote's paragraph is this one or the one before and the speaker's known gender
    /// (if any) agrees: a description (`the host`) or a person named further back.
    fn previous_speaker_for(&self, pronoun: Span, gender: Option<Gender>) -> Option<Speaker> {
        let previous = self.previous_speaker.borrow();
        let (speaker, paragraph_end_at) = previous.as_ref()?;
        let next_paragraph_end =
            paragraph_end(self.text, (*paragraph_end_at + 1).min(self.text.len()));
        if pronoun.start() > next_paragraph_end || speaker.span.start() >= pronoun.start() {
            return None;
        }
        let speaker_gender = speaker
            .entity
            .and_then(|e| self.entities.get(e))
            .and_then(|e| e.gender)
            .or_else(|| pronoun_gender(&self.text[speaker.span.range()]).flatten());
        let plural_speaker = self.text[speaker.span.range()].eq_ignore_ascii_case("they");
        let agrees = match gender {
            Some(wanted) => speaker_gender.is_none_or(|g| g == wanted) && !plural_speaker,
            // `they` for a body or a group, never for one named person.
            None => {
                speaker_gender.is_none()
                    && speaker
                        .entity
                        .and_then(|e| self.entities.get(e))
                        .is_none_or(|e| e.kind != EntityKind::Person)
            }
        };
        agrees.then(|| Speaker {
            span: pronoun,
            name: speaker.name.clone(),
            entity: speaker.entity,
        })
    }

    /// The person a pronoun refers to: going back sentence by sentence, the first compatible
    /// person of the sentence (its subject rather than an object); a same-gender subject
    /// pronoun met first passes the search on to its own referent.
    fn referent(&self, pronoun: Span, gender: Option<Gender>, depth: usize) -> Option<&Found> {
        let compatible = |f: &&Found| {
            let entity = f.mention.entity.and_then(|e| self.entities.get(e));
            let kind = entity.map_or(f.mention.kind, |e| e.kind);
            let entity_gender = entity.and_then(|e| e.gender).or(f.gender);
            let usable = !self.inside_quote(f.mention.span.start())
                && !self.is_audience(f)
                && !self.is_object(f);
            // A plain name of two words or more may be a person's even without a title.
            let maybe_person = kind == EntityKind::Person
                || (kind == EntityKind::Other && f.name_words.len() >= 2);
            usable
                && match gender {
                    Some(wanted) => maybe_person && entity_gender.is_none_or(|g| g == wanted),
                    None => maybe_person || kind == EntityKind::Organization,
                }
        };
        let sentence_index = self
            .sentences
            .iter()
            .rposition(|s| s.span.start() <= pronoun.start())
            .unwrap_or(0);
        for index in (sentence_index.saturating_sub(4)..=sentence_index).rev() {
            let Some(sentence) = self.sentences.get(index) else {
                continue;
            };
            let limit = if index == sentence_index {
                pronoun.start()
            } else {
                sentence.span.end()
            };
            let candidate = self
                .found
                .iter()
                .filter(|f| {
                    f.mention.span.start() >= sentence.span.start() && f.mention.span.end() <= limit
                })
                .find(compatible);
            // An earlier pronoun of the same gender leading the sentence carries the referent.
            let leading_pronoun = word_spans(self.text, sentence.span.start(), limit)
                .into_iter()
                .take(2)
                .find(|w| {
                    is_subject_pronoun(&self.text[w.range()])
                        && pronoun_gender(&self.text[w.range()]) == Some(gender)
                        && w.start() < pronoun.start()
                });
            match (candidate, leading_pronoun) {
                (Some(found), Some(lead))
                    if lead.start() < found.mention.span.start() && depth < 4 =>
                {
                    return self.referent(lead, gender, depth + 1);
                }
                (Some(found), _) => return Some(found),
                (None, Some(lead)) if depth < 4 => return self.referent(lead, gender, depth + 1),
                _ => {}
            }
        }
        None
    }

    /// The description `word ..= last` as a speaker named by its own words, when `word` is
    /// a determiner that opens descriptions (`the`, `his`, `a`).
    fn description_from(&self, word: Span, last: Span) -> Option<Speaker> {
        let first = self.text[word.range()].to_lowercase();
        if !DESCRIPTION_DETERMINERS.contains(&first.as_str()) {
            return None;
        }
        let span = Span::new(word.start(), last.end());
        Some(Speaker {
            span,
            name: Some(self.text[span.range()].to_string()),
            entity: None,
        })
    }

    fn words_between(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        self.text[from..to].split_whitespace().count()
    }

    /// A speech verb standing as a word of its own (not the `called` of `so-called`).
    /// A capitalised cue word right after another capitalised word is part of a name
    /// (`the United States has`), except in a headline's title case (`Marsh Says…`).
    fn is_cue_at(&self, word: Span) -> bool {
        let word_text = &self.text[word.range()];
        let part_of_name = word_text.starts_with(char::is_uppercase)
            && self.follows_capitalised_word(word)
            && !self.in_headline(word.start());
        // `As Lee put it:` reports words as surely as `said`.
        let put_it =
            matches!(word_text, "put" | "puts") && self.text[word.end()..].starts_with(" it");
        (is_cue(word_text) || put_it)
            && !self.text[..word.start()].ends_with(['-', '\u{2010}', '\u{2011}'])
            && !self.after_determiner(word)
            && !part_of_name
    }

    /// `will say`, `would not say`: a verb after a modal auxiliary.
    fn after_modal(&self, word: Span) -> bool {
        let before = self.text[..word.start()].trim_end();
        let mut words = before.rsplit(|c: char| !c.is_alphabetic());
        let mut previous = words.next().unwrap_or_default();
        if matches!(previous, "not" | "never") {
            previous = words.find(|w| !w.is_empty()).unwrap_or_default();
        }
        MODALS.contains(&previous.to_lowercase().as_str())
    }

    /// `the states`, `his remarks`, `her calls`: a cue word after a determiner is a noun.
    fn after_determiner(&self, word: Span) -> bool {
        let before = self.text[..word.start()].trim_end_matches(' ');
        let previous = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        before.len() < word.start()
            && matches!(
                previous.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "these"
                    | "those"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "many"
                    | "all"
                    | "some"
                    | "several"
                    | "whose"
            )
    }

    fn follows_capitalised_word(&self, word: Span) -> bool {
        let before = &self.text[..word.start()];
        let Some(gap) = before.strip_suffix(' ') else {
            return false;
        };
        gap.split(|c: char| !c.is_alphanumeric() && c != '.')
            .next_back()
            .is_some_and(|previous| previous.starts_with(char::is_uppercase))
    }

    fn in_headline(&self, at: usize) -> bool {
        self.sentences
            .iter()
            .any(|s| s.headline && s.span.start() <= at && at < s.span.end())
    }

    fn inside_quote(&self, at: usize) -> bool {
        self.quoted.iter().any(|q| q.open < at && at < q.close)
    }

    /// `CNBC’s “Squawk Box”`, `on “Morning Joe”`: a title after a possessive or `on`.
    fn names_a_work(&self, quoted: &Quoted) -> bool {
        let before = self.text[..quoted.open].trim_end();
        before.ends_with("'s")
            || before.ends_with("\u{2019}s")
            || before.ends_with(" on")
            || before.ends_with(" in")
    }

    /// `a so-called 'local difficulty'`: the writer's distance, not someone's words.
    fn so_called(&self, quoted: &Quoted) -> bool {
        let before = self.text[..quoted.open].trim_end();
        let tail_start = before.char_indices().rev().nth(10).map_or(0, |(at, _)| at);
        let before = before[tail_start..].to_lowercase();
        before.ends_with("so-called") || before.ends_with("so called")
    }

    /// `the song "..."`, `a film called "..."`: the quote names a work.
    fn title_cue_before(&self, quoted: &Quoted) -> bool {
        let before = self.text[..quoted.open].trim_end();
        let last_words: Vec<String> = before
            .rsplit(char::is_whitespace)
            .take(2)
            .map(|w| w.to_lowercase())
            .collect();
        last_words.iter().any(|w| {
            TITLE_CUES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        })
    }

    fn sentence_end_after(&self, at: usize) -> usize {
        self.sentences
            .iter()
            .find(|s| s.span.end() >= at)
            .map_or(self.text.len(), |s| s.span.end().max(at))
    }

    fn sentence_start_before(&self, at: usize) -> usize {
        self.sentences
            .iter()
            .rev()
            .find(|s| s.span.start() <= at)
            .map_or(0, |s| s.span.start())
    }

    /// A quote with no cue continues the previous speaker's when it is in the same or the
    /// next paragraph and no other person is named between them.
    fn continues(&self, previous_paragraph_end: usize, quoted: &Quoted, speaker: &Speaker) -> bool {
        let next_paragraph_end =
            paragraph_end(self.text, (previous_paragraph_end + 1).min(self.text.len()));
        if quoted.open > next_paragraph_end {
            return false;
        }
        let previous_close = self
            .quoted
            .iter()
            .filter(|q| q.close <= quoted.open)
            .map(|q| q.close)
            .max()
            .unwrap_or(0);
        // Another person named in between takes the floor; the speaker named again does not.
        !self.found.iter().any(|f| {
            f.mention.span.start() >= previous_close
                && f.mention.span.end() <= quoted.open
                && f.mention.kind == EntityKind::Person
                && self.speaker_of_mention(f).name != speaker.name
        })
    }

    /// A quote opening its paragraph with no cue belongs to the person the sentence before
    /// it is about (`Ms Calloway praised her rivals. “I want to thank…`), when that sentence
    /// opens with the person.
    fn subject_of_sentence_before(&self, quoted: &Quoted) -> Option<Speaker> {
        // A quote opening its paragraph, or opening a sentence right after the sentence
        // about the person in the same paragraph (`Ann Lee praised the crew. “They…”`).
        if !quoted.opens_paragraph && !self.opens_sentence(quoted) {
            return None;
        }
        let before = self
            .sentences
            .iter()
            .rev()
            .find(|s| s.span.end() <= quoted.open)?;
        let sentence = &self.text[before.span.range()];
        if !sentence.trim_end().ends_with(['.', ':']) || self.inside_quote(before.span.start()) {
            return None;
        }
        let subject = self
            .found
            .iter()
            .find(|f| before.span.contains_span(f.mention.span))
            .filter(|f| {
                f.mention.kind == EntityKind::Person
                    || f.mention
                        .entity
                        .and_then(|e| self.entities.get(e))
                        .is_some_and(|e| e.kind == EntityKind::Person)
            })?;
        // The person must be the subject: within the sentence's first few words.
        let words_before = self.text[before.span.start()..subject.mention.span.start()]
            .split_whitespace()
            .count();
        (words_before <= 8).then(|| self.speaker_of_mention(subject))
    }
}

/// Quotes of one sentence that share their cue are fragments of one quotation.
fn merge_fragments(
    text: &str,
    sentences: &[Sentence],
    quotes: Vec<(Quote, Option<Span>)>,
) -> Vec<Quote> {
    let sentence_of = |at: usize| {
        sentences
            .iter()
            .position(|s| s.span.start() <= at && at < s.span.end().max(s.span.start() + 1))
    };
    let mut merged: Vec<Quote> = Vec::new();
    let mut last_key: Option<(Option<usize>, Span, bool)> = None;
    for (quote, cue) in quotes {
        // Fragments are one quotation only on the same side of their cue: in
        // `"Shameful," said Ann Lee, who waited in an "extraordinary line"` they are two.
        let key = cue.map(|cue| {
            (
                sentence_of(quote.span.start()),
                cue,
                quote.span.start() < cue.start(),
            )
        });
        let fragment_of_last = matches!((key, last_key), (Some(key), Some(last)) if key == last);
        // `"A," she said. "B."`: an interrupted quotation is one quotation when the second
        // part has no cue of its own, the same speaker and the same paragraph.
        let continues_last = cue.is_none()
            && merged.last().is_some_and(|previous| {
                previous.speaker.is_some()
                    && previous.speaker.as_ref().map(|s| &s.name)
                        == quote.speaker.as_ref().map(|s| &s.name)
                    && !text[previous.span.end()..quote.span.start()].contains('\n')
            });
        if (fragment_of_last || continues_last)
            && let Some(previous) = merged.last_mut()
        {
            // The words left out between parts are marked, except after a full stop.
            let joiner = if !fragment_of_last && previous.text.ends_with(['.', '!', '?']) {
                " "
            } else {
                " \u{2026} "
            };
            previous.span = previous.span.cover(quote.span);
            previous.text = format!("{}{joiner}{}", previous.text, quote.text);
            previous.parts.extend(quote.parts);
            continue;
        }
        last_key = key;
        merged.push(quote);
    }
    merged
}

/// The quoted words on one line: paragraphs joined, the mark that reopens a continued
/// paragraph dropped, spacing normalised.
fn quote_text(inner: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for (index, line) in inner.lines().enumerate() {
        let line = line.trim();
        let line = if index == 0 {
            line
        } else {
            line.trim_start_matches(['\u{201C}', '"'])
                .trim_start_matches("''")
        };
        if !line.is_empty() {
            parts.push(line);
        }
    }
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Word spans (letters, digits, apostrophes) between two offsets.
fn word_spans(text: &str, from: usize, to: usize) -> Vec<Span> {
    // Callers step over quote marks by bytes; a bound inside a character moves off it
    // (forward at the start, back at the end) rather than cutting the character.
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to <= from {
        return Vec::new();
    }
    corroborate_model::text::words(&text[from..to])
        .map(|(offset, word)| Span::new(from + offset, from + offset + word.len()))
        .collect()
}

/// Words that open an apposition or relative clause between commas.
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "which", "whose", "his", "her", "their", "its", "now", "then", "also",
    "once", "formerly", "speaking", "chief", "former",
];

/// Words opening a fronted adverbial phrase or clause, which the subject follows after a
/// comma.
const FRONTED_OPENERS: &[&str] = &[
    "when",
    "after",
    "before",
    "as",
    "if",
    "although",
    "though",
    "while",
    "since",
    "because",
    "once",
    "until",
    "in",
    "on",
    "at",
    "during",
    "despite",
    "with",
    "without",
    "for",
    "from",
    "speaking",
    "addressing",
    "asked",
    "later",
    "earlier",
    "instead",
    "meanwhile",
    "however",
    "today",
    "yesterday",
    "last",
    "over",
    "following",
    "amid",
    "unlike",
    "given",
];

/// Words that open a description of a speaker (`an aide`, `one official`, `this source`).
const DESCRIPTION_DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "this", "another", "some", "several", "many", "two", "three", "most",
    "both", "other", "his", "her", "their", "its",
];

/// Heads that do not name speakers (`the statement` aside, these are grammar, not people).
const STOP_HEADS: &[&str] = &[
    "statement",
    "statements",
    "report",
    "document",
    "letter",
    "release",
    "post",
    "tweet",
    "video",
    "ad",
    "advert",
    "book",
    "article",
    "interview",
    "speech",
    "email",
    "memo",
    "transcript",
    "it",
    "this",
    "that",
    "which",
    "who",
    "what",
    "there",
    "here",
    "and",
    "but",
    "or",
    "said",
    "says",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "also",
    "then",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
];

/// Words opening a short phrase of place or time that may follow a sentence's final cue.
const TAIL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "via",
    "through",
    "by",
    "from",
    "this",
    "last",
    "yesterday",
    "today",
    "earlier",
    "later",
    "recently",
    "reporters",
];

/// Modal auxiliaries: a speech verb after one reports no words actually spoken.
const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "should", "can", "must", "shall",
];

/// Verbs that end a subject phrase (`His office put out`, `The group has been`).
const PHRASE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "did",
    "does", "do", "may", "might", "must", "should", "put", "made", "took", "gave", "went", "came",
    "sent", "ran", "read", "reads", "wants", "calls",
];

/// Words after which a mention is an object, not a subject.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "of", "for", "with", "to", "from", "than", "at", "in", "on", "by", "about", "against", "over",
    "under", "like",
];

fn is_cue(word: &str) -> bool {
    CUE_SET.contains_lowercase(word)
}

/// Every speech cue word, for one lookup a word.
static CUE_SET: WordSet = WordSet::new(|| {
    CUE_VERBS
        .iter()
        .chain(CUE_PARTICIPLES)
        .chain(REPORTING_VERBS)
        .copied()
        .collect()
});

/// Verbs that report speech less directly; a quotation they introduce is still attributed.
const REPORTING_VERBS: &[&str] = &[
    "answers",
    "answered",
    "started",
    "began",
    "reads",
    "posted",
    "noted",
    "wondered",
    "recounted",
    "defended",
    "criticized",
    "criticised",
    "accused",
    "cheered",
    "chanted",
    "beamed",
    "touted",
    "dismissed",
    "denied",
    "referred",
    "mocked",
    "slammed",
    "attacked",
    "praised",
    "rejected",
    "questioned",
    "hinted",
    "highlighted",
    "concluded",
    "concludes",
    "apologized",
    "apologised",
    "retweeted",
    "characterized",
    "characterised",
    "likened",
    "compared",
    "hit",
    "lambasted",
    "ridiculed",
    "derided",
    "decried",
    "denounced",
    "welcomed",
    "pleaded",
    "begged",
    "implored",
    "reiterated",
    "repeated",
    "affirmed",
    "assured",
    "reassured",
    "advised",
    "informed",
    "cited",
    "quoted",
    "invoked",
    "echoed",
    "summed",
    "offered",
    "pitched",
    "proclaimed",
    "professed",
    "confessed",
    "confesses",
    // Present forms, as news and headlines report in the present (`Lee accuses Ross of…`).
    "accuses",
    "criticizes",
    "criticises",
    "mocks",
    "slams",
    "praises",
    "touts",
    "dismisses",
    "denies",
    "defends",
    "decries",
    "denounces",
    "derides",
    "ridicules",
    "lambastes",
    "likens",
    "welcomes",
    "reiterates",
    "cites",
    "invokes",
    "echoes",
    "proclaims",
];

/// `he said, adding that ...`: a participle opens a new attribution of its own.
const CUE_PARTICIPLES: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "arguing",
    "warning",
    "claiming",
    "insisting",
    "writing",
    "asking",
    "telling",
    "declaring",
    "explaining",
    "stating",
    "tweeting",
    "replying",
    "responding",
    "joking",
    "quipping",
    "calling",
    "describing",
    "vowing",
    "promising",
    "acknowledging",
    "admitting",
];

fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "He" | "she" | "She" | "they" | "They")
}

fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 6
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && !is_apostrophe(c));
            w.is_empty()
                || w.starts_with(char::is_uppercase)
                || matches!(w, "of" | "the" | "a" | "an" | "and" | "to" | "in" | "on")
        })
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        && !text.trim_end().ends_with(['.', '!', '?', ','])
}

const CUE_VERBS: &[&str] = &[
    // Base forms, for plural subjects (`The two councillors argue that`).
    "argue",
    "claim",
    "insist",
    "warn",
    "write",
    "tell",
    "note",
    "explain",
    "ask",
    "contend",
    "maintain",
    "agree",
    "suggest",
    "predict",
    "complain",
    "acknowledge",
    "admit",
    "vow",
    "declare",
    "recall",
    "concede",
    "caution",
    "stress",
    "urge",
    "reply",
    "respond",
    "announce",
    "confirm",
    "allege",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "declared",
    "declares",
    "claimed",
    "claims",
    "vowed",
    "vows",
    "joked",
    "jokes",
    "hailed",
    "hails",
    "insisted",
    "insists",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "warned",
    "warns",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "asked",
    "asks",
    "according",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "replied",
    "replies",
    "responded",
    "responds",
    "stated",
    "states",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "recalled",
    "recalls",
    "continued",
    "continues",
    "complained",
    "complains",
    "cautioned",
    "cautions",
    "conceded",
    "concedes",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "urged",
    "urges",
    "remarked",
    "remarks",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "observed",
    "observes",
    "quipped",
    "demanded",
    "demands",
    "shouted",
    "cried",
    "boasted",
    "boasts",
    "lamented",
    "laments",
    "posted",
    "mused",
    "countered",
    "retorted",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "charged",
    "alleged",
    "thundered",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "threatened",
    "agreed",
    "agrees",
    "described",
    "describes",
    "called",
    "calls",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "wondered",
    "exclaimed",
    "whispered",
    "testified",
    "reported",
    "reports",
    "blasted",
    "conceded",
    "pointed",
    "revealed",
    "reveals",
    "disclosed",
    "announced",
    "commented",
    "comments",
    "shared",
    "texted",
    "emailed",
    "screamed",
    "yelled",
    "snapped",
    "barked",
];

const TITLE_CUES: &[&str] = &[
    "song",
    "single",
    "film",
    "movie",
    "book",
    "album",
    "novel",
    "play",
    "show",
    "series",
    "titled",
    "entitled",
    "dubbed",
    "named",
    "so-called",
    "hashtag",
    "slogan",
    "headline",
    "poem",
    "musical",
    "documentary",
    "podcast",
    "programme",
    "program",
    "anthem",
    "track",
    "exhibition",
];

#[cfg(test)]
mod tests {
    use super::word_spans;

    #[test]
    fn word_spans_never_cut_a_character() {
        // The bounds fall inside the three-byte apostrophe and inside the é.
        let text = "Nora’s café said";
        let apostrophe = text.find('’').expect("apostrophe");
        let accent = text.find('é').expect("accent");
        let words: Vec<&str> = word_spans(text, apostrophe + 1, accent + 1)
            .iter()
            .map(|span| &text[span.start()..span.end()])
            .collect();
        assert_eq!(words, ["s", "caf"]);
        assert!(word_spans(text, apostrophe + 1, apostrophe + 2).is_empty());
    }
}
