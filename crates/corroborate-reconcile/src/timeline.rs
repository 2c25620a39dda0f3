//! The story's timeline: the dated events of every source, one entry per distinct event,
//! each citing every source that reports an equivalent event on the same date.
//!
//! An event is the clause carrying a date (the sentence, cut at `;` and, between two
//! different dates, at the last comma between them). Quoted words are the speaker's, dated
//! from when they spoke, so dates inside quotations are left out, as are clauses that are
//! little more than the date (a timestamp, a bare day). Two events are the same when their
//! dates are equal and their clauses are alike by the summary's sentence similarity; an
//! undated source's `on Tuesday` joins a dated Tuesday event it matches.

use corroborate_model::calendar;
use corroborate_model::{
    AnalyzedArticle, DateMention, Evidence, PublishedDate, SourceId, Span, Story, TimelineEntry,
    When,
};

use crate::similarity::{SentenceIndex, dot};

/// Clauses this similar (cosine of their term vectors) on one date report the same event.
/// Lower than the summary's same-content threshold: the shared date already says much.
const SAME_EVENT: f32 = 0.3;
/// An undated source's weekday joins a dated event only when its clause is this alike: the
/// weekday alone does not say which week.
const SAME_EVENT_UNDATED: f32 = 0.5;
/// A clause needs this many words besides its date expressions to carry an event.
const MIN_EVENT_WORDS: usize = 4;

/// One dated clause of one article.
struct Event {
    article: usize,
    clause: Span,
    when: When,
    vector: Vec<(u32, f32)>,
}

pub(crate) fn story_timeline(story: &Story, index: &SentenceIndex) -> Vec<TimelineEntry> {
    let mut events: Vec<Event> = Vec::new();
    for (article_index, article) in story.articles.iter().enumerate() {
        for (clause, when) in dated_clauses(article) {
            let vector = index.vector_of(article.text(clause));
            events.push(Event {
                article: article_index,
                clause,
                when,
                vector,
            });
        }
    }
    // Dated events first so that undated weekdays can join them; then in story order.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&e| (events[e].when.sort_date().is_none(), events[e].article));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for event in order {
        let found = groups.iter().position(|group| {
            let threshold = if events[group[0]].when == events[event].when {
                SAME_EVENT
            } else {
                SAME_EVENT_UNDATED
            };
            same_date(&events[group[0]].when, &events[event].when)
                && group
                    .iter()
                    .any(|&member| dot(&events[member].vector, &events[event].vector) >= threshold)
        });
        match found {
            Some(group) => groups[group].push(event),
            None => groups.push(vec![event]),
        }
    }
    let mut entries: Vec<(Option<PublishedDate>, (usize, usize), TimelineEntry)> = groups
        .into_iter()
        .map(|mut group| {
            group.sort_by_key(|&e| (events[e].article, events[e].clause));
            // The entry is told in the words of its first dated source.
            let first = group
                .iter()
                .map(|&e| &events[e])
                .find(|event| matches!(event.when, When::Date(_)))
                .unwrap_or(&events[group[0]]);
            let mut sources: Vec<SourceId> = Vec::new();
            let mut evidence: Vec<Evidence> = Vec::new();
            for &member in &group {
                let event = &events[member];
                let source = SourceId::from_index(event.article);
                if sources.contains(&source) {
                    continue;
                }
                sources.push(source);
                evidence.push(Evidence {
                    source,
                    span: story.articles[event.article].clean.input_span(event.clause),
                });
            }
            let text = story.articles[first.article].text(first.clause);
            let when = first.when.clone();
            (
                when.sort_date(),
                (first.article, first.clause.start()),
                TimelineEntry {
                    when,
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    sources,
                    evidence,
                },
            )
        })
        .collect();
    // By date (undated last), then by where the event is first told.
    entries.sort_by_key(|entry| (entry.0.is_none(), entry.0, entry.1));
    entries.into_iter().map(|(_, _, entry)| entry).collect()
}

/// True when two dates can name one event: equal, or an undated weekday and a day that
/// falls on it.
fn same_date(a: &When, b: &When) -> bool {
    if a == b {
        return true;
    }
    match (a, b) {
        (
            When::Date(date),
            When::Relative {
                label,
                around: None,
            },
        )
        | (
            When::Relative {
                label,
                around: None,
            },
            When::Date(date),
        ) => weekday_name(*date).is_some_and(|name| name == label),
        _ => false,
    }
}

/// The weekday of a date known to the day.
fn weekday_name(date: PublishedDate) -> Option<&'static str> {
    let days = calendar::day_number(
        i64::from(date.year()),
        u32::from(date.month()?),
        u32::from(date.day()?),
    );
    Some(calendar::WEEKDAY_NAMES[calendar::weekday(days)])
}

/// Each clause of the article that carries an event with its date, in text order.
fn dated_clauses(article: &AnalyzedArticle) -> Vec<(Span, When)> {
    let mut out: Vec<(Span, When)> = Vec::new();
    let mut at = 0;
    while at < article.dates.len() {
        let sentence = article.dates[at].sentence;
        let mut end = at;
        while end < article.dates.len() && article.dates[end].sentence == sentence {
            end += 1;
        }
        let mentions: Vec<&DateMention> = article.dates[at..end]
            .iter()
            .filter(|mention| !inside_a_quotation(article, mention.span))
            .collect();
        at = end;
        let info = article.sentences[sentence];
        if info.headline || mentions.is_empty() {
            continue;
        }
        let cuts = clause_cuts(article, info.span, &mentions);
        for mention in &mentions {
            let clause = cuts
                .iter()
                .copied()
                .find(|clause| clause.contains_span(mention.span))
                .unwrap_or(info.span);
            let clause = without_dateline(article, clause);
            let words_besides = corroborate_model::text::count_words(article.text(clause))
                - mentions
                    .iter()
                    .filter(|other| clause.contains_span(other.span))
                    .map(|other| corroborate_model::text::count_words(article.text(other.span)))
                    .sum::<usize>();
            if words_besides < MIN_EVENT_WORDS {
                continue;
            }
            if !out
                .iter()
                .any(|(span, when)| *span == clause && *when == mention.when)
            {
                out.push((clause, mention.when.clone()));
            }
        }
    }
    out
}

/// The sentence cut into clauses: at every `;`, and between two mentions of different
/// dates at the last comma between them.
fn clause_cuts(article: &AnalyzedArticle, sentence: Span, mentions: &[&DateMention]) -> Vec<Span> {
    let text = article.text(sentence);
    let mut cut_points: Vec<usize> = text
        .match_indices(';')
        .map(|(offset, _)| sentence.start() + offset + 1)
        .collect();
    for pair in mentions.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        if left.when == right.when
            || cut_points
                .iter()
                .any(|&cut| cut > left.span.end() && cut <= right.span.start())
        {
            continue;
        }
        let between = &article.clean.text[left.span.end()..right.span.start()];
        if let Some(comma) = between.rfind(',') {
            cut_points.push(left.span.end() + comma + 1);
        }
    }
    cut_points.sort_unstable();
    let mut clauses = Vec::new();
    let mut start = sentence.start();
    for cut in cut_points
        .into_iter()
        .chain(std::iter::once(sentence.end()))
    {
        clauses.push(trimmed(article, Span::new(start, cut.max(start))));
        start = cut;
    }
    clauses
}

/// The span without surrounding whitespace and a trailing `,` or `;`.
fn trimmed(article: &AnalyzedArticle, span: Span) -> Span {
    let text = article.text(span);
    let start = span.start() + (text.len() - text.trim_start().len());
    let trimmed = text.trim().trim_end_matches([',', ';']).trim_end();
    Span::new(start, start + trimmed.len())
}

/// Drops a dateline (`KELSWORTH, England, March 15 (MPA) -- `) opening the clause.
fn without_dateline(article: &AnalyzedArticle, clause: Span) -> Span {
    let text = article.text(clause);
    for dash in [" -- ", " \u{2014} ", " \u{2013} "] {
        if let Some(at) = text.find(dash)
            && at <= 80
        {
            let head = &text[..at];
            let place = head
                .split_whitespace()
                .all(|word| word.starts_with(|c: char| !c.is_lowercase()));
            if place {
                return trimmed(
                    article,
                    Span::new(clause.start() + at + dash.len(), clause.end()),
                );
            }
        }
    }
    clause
}

fn inside_a_quotation(article: &AnalyzedArticle, span: Span) -> bool {
    article
        .quotes
        .iter()
        .any(|quote| quote.parts.iter().any(|part| part.contains_span(span)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_names_follow_the_calendar() {
        let date = |text: &str| PublishedDate::parse(text).expect("valid");
        assert_eq!(weekday_name(date("2024-03-15")), Some("Friday"));
        assert_eq!(weekday_name(date("2024-04-02")), Some("Tuesday"));
        assert_eq!(weekday_name(date("2000-02-29")), Some("Tuesday"));
        assert_eq!(weekday_name(date("2024-03")), None);
    }
}
