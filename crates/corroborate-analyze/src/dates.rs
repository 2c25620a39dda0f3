//! Date expressions in an article's sentences, resolved against its publication date.
//!
//! Absolute dates (`2 July 2021`, `July 2, 2021`, `2021-07-02`, `July 2`, `in May`,
//! `in 2019`) and relative ones (`on Friday`, `yesterday`, `this morning`, `last month`,
//! `next week`, `last year`, `five years ago`) become calendar dates when the article's
//! publication date is known to the precision they need, and stay relative otherwise.
//!
//! The rules, because news rarely says which Friday it means:
//! - *Tense.* The nearest tense marker left of the expression in its clause decides
//!   (`will`, `would`, `may`, `expected`, `due`, `later`…, or a request such as `asked
//!   parents to` point forward; `was`, `had`, `did`… point back). Without one the clause is
//!   read as past, which is how news is written.
//! - *Weekdays* (`on Friday`): past, the most recent such day on or before publication (a
//!   report published on a Friday saying "on Friday" means that day); future, the first such
//!   day on or after it. `last Friday` is strictly before, `next Friday` strictly after.
//! - *A month, with or without a day, and no year*: the year of publication; for a past
//!   clause the year before when that would put the date after publication, for a future
//!   clause the year after when it would put it before. A weekday written with the date
//!   (`Saturday 13 April`) picks, among the neighbouring years, the one whose calendar agrees.
//! - *Not dates*: `May` not after a word of time (`in`, `since`, `until`…) is a name (`Theresa
//!   May`, `may`), as is a month followed by `'s`; a four-digit figure is a year only after a
//!   word of time or as a modifier (`the 2019 election`, `Tallis's 2019 campaign`), never
//!   with a thousands separator, a currency sign, a percentage or a range (`2,019 votes`,
//!   `2024–25`); durations (`in five years`), ages and times of day are not dates.
//! - A date that only opens a dateline (`KELSWORTH, March 15 (MPA) --`) is when the report
//!   was filed, not an event, and is skipped.

use std::borrow::Cow;
use std::cell::LazyCell;
use std::sync::LazyLock;

use corroborate_model::calendar;
use corroborate_model::{DateMention, PublishedDate, Sentence, Span, When};
use regex::Regex;

use crate::prefilter::{
    Needles, ascii_view, may_have_digit, may_have_iso_date, may_have_month,
    may_have_month_with_figure, may_have_year,
};

/// Finds the date expressions of every sentence, in text order.
pub(crate) fn find_dates(
    text: &str,
    sentences: &[Sentence],
    published: Option<PublishedDate>,
) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence_text = &text[sentence.span.range()];
        for found in expressions(sentence_text) {
            if opens_dateline(sentence_text, found.span) {
                continue;
            }
            let tense = tense_at(sentence_text, found.span.start());
            let Some(when) = resolve(&found.kind, &found.label, tense, published) else {
                continue;
            };
            mentions.push(DateMention {
                span: found.span.shift(sentence.span.start()),
                sentence: index,
                when,
            });
        }
    }
    mentions
}

/// Which way a clause points in time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
}

/// How a relative expression counts from publication.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Offset {
    /// `on Friday`: decided by the tense.
    Plain,
    /// `last Friday`, `last March`.
    Last,
    /// `next Friday`, `next May`.
    Next,
    /// `this Friday`, `this May`.
    This,
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// A date with every part written (`2021-07-02`, `2 July 2021`).
    Full(PublishedDate),
    /// A day of a month with no year, maybe with its weekday (`Saturday 13 April`).
    MonthDay {
        month: u8,
        day: u8,
        weekday: Option<u8>,
    },
    /// A month with no year (`in May`, `last March`).
    Month { month: u8, offset: Offset },
    /// A weekday (`on Friday`, `last Friday`).
    Weekday { weekday: u8, offset: Offset },
    /// Days from publication (`yesterday` is -1, `tonight` 0).
    Days(i64),
    /// Months from publication (`last month` is -1).
    Months(i32),
    /// Years from publication (`five years ago` is -5).
    Years(i32),
    /// Weeks from publication (`next week` is 1).
    Weeks(i64),
}

impl Kind {
    /// Which of two overlapping readings wins: the one naming the calendar most fully.
    fn rank(&self) -> u8 {
        match self {
            Kind::Full(_) | Kind::MonthDay { .. } => 0,
            Kind::Month { .. } => 1,
            _ => 2,
        }
    }
}

struct Found {
    span: Span,
    kind: Kind,
    /// How a reader sees it when it cannot be resolved.
    label: String,
}

const MONTHS: [&str; 12] = calendar::MONTH_NAMES;
const WEEKDAYS: [&str; 7] = calendar::WEEKDAY_NAMES;

/// Months that are also given names or words: alone, they need a word of time before them.
const NAME_MONTHS: [&str; 4] = ["April", "May", "June", "August"];

/// Words after which a bare month or a year is a time (`in May`, `since 2010`).
const TIME_WORDS: &[&str] = &[
    "in", "since", "until", "till", "from", "during", "before", "after", "early", "late", "mid",
    "between", "through", "around", "circa", "of", "last", "next", "this", "by",
];

/// Words after which a four-digit figure modifies a noun as a year (`the 2019 election`).
const DETERMINERS: &[&str] = &[
    "the", "a", "his", "her", "its", "their", "our", "this", "that",
];

const MONTH_PATTERN: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAY_PATTERN: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("ISO date pattern is valid")
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:({WEEKDAY_PATTERN}),?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\b(?:\s?,?\s+(\d{{4}})\b)?"
    ))
    .expect("day-month pattern is valid")
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:({WEEKDAY_PATTERN}),?\s+)?({MONTH_PATTERN})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?,?\s+(\d{{4}})\b)?"
    ))
    .expect("month-day pattern is valid")
});

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})\b")
        .expect("month-year pattern is valid")
});

static BARE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")
        .expect("month pattern is valid")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d)\b").expect("year pattern is valid"));

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(on|last|next|this|early on|late on|later on|by|until|since|from)\s+)?({WEEKDAY_PATTERN})\b(?:\s+(?:morning|afternoon|evening|night)\b)?"
    ))
    .expect("weekday pattern is valid")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(yesterday|today|tonight|tomorrow)|(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)|(last|next|this|earlier this|later this)\s+(week|month|year)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\d{1,3})\s+(day|week|month|year|decade)s?\s+ago)\b",
    )
    .expect("relative pattern is valid")
});

/// Words one of which starts a word in every match of [`RELATIVE`], in any case: each
/// reading opens with a day word or `this`/`last`/`next` (`earlier this`), or ends in `ago`.
static RELATIVE_NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    Needles::new(
        &[
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "this",
            "last",
            "next",
            "ago",
        ],
        true,
        true,
    )
});

/// Every match of [`WEEKDAY`] holds one of its names as written.
static WEEKDAY_NEEDLES: LazyLock<Needles> = LazyLock::new(|| Needles::new(&WEEKDAYS, false, true));

/// The sentence (its ASCII view, built on first use) when a pattern may match it, else the
/// empty text, which no pattern here matches.
fn gate<'a>(
    may_match: bool,
    view: &'a LazyCell<Cow<'a, str>, impl FnOnce() -> Cow<'a, str>>,
) -> &'a str {
    if may_match { view } else { "" }
}

/// The date expressions of one sentence, longest first where they overlap.
fn expressions(sentence: &str) -> Vec<Found> {
    let mut candidates: Vec<Found> = Vec::new();
    // Each pattern runs only on sentences holding what it needs (see `prefilter`).
    let month = may_have_month(sentence);
    let digit = may_have_digit(sentence);
    let iso = digit && may_have_iso_date(sentence);
    // The patterns name no non-ASCII character: they run on the ASCII view when there is one.
    let view = LazyCell::new(|| ascii_view(sentence, &[]));
    let view = &view;
    for captures in ISO.captures_iter(gate(iso, view)) {
        let whole = captures.get(0).expect("a match has a whole");
        let number = |i: usize| captures[i].parse::<u32>().unwrap_or(0);
        let date = PublishedDate::new(
            number(1) as i32,
            Some(number(2) as u8),
            Some(number(3) as u8),
        );
        if let Some(date) = date {
            candidates.push(found(
                whole.start(),
                whole.end(),
                Kind::Full(date),
                whole.as_str(),
            ));
        }
    }
    let month_digit = gate(month && digit && may_have_month_with_figure(sentence), view);
    for captures in DAY_MONTH.captures_iter(month_digit) {
        let whole = captures.get(0).expect("a match has a whole");
        let day = captures[2].parse::<u8>().unwrap_or(0);
        let month = month_number(&captures[3]);
        let weekday = captures.get(1).map(|w| weekday_number(w.as_str()));
        let year = captures.get(4).map(|y| y.as_str());
        if let Some(found) = day_date(whole, month, day, weekday, year) {
            candidates.push(found);
        }
    }
    for captures in MONTH_DAY.captures_iter(month_digit) {
        let whole = captures.get(0).expect("a match has a whole");
        let month = month_number(&captures[2]);
        let day = captures[3].parse::<u8>().unwrap_or(0);
        let weekday = captures.get(1).map(|w| weekday_number(w.as_str()));
        let year = captures.get(4).map(|y| y.as_str());
        // `March 1,500`, `May 3.5`, `June 4:30`: a figure after a month, not its day.
        let rest = &sentence[captures.get(3).expect("day group").end()..];
        if year.is_none() && starts_with_figure_tail(rest) {
            continue;
        }
        if let Some(found) = day_date(whole, month, day, weekday, year) {
            candidates.push(found);
        }
    }
    for captures in MONTH_YEAR.captures_iter(month_digit) {
        let whole = captures.get(0).expect("a match has a whole");
        let year: i32 = captures[2].parse().unwrap_or(0);
        let month = month_number(&captures[1]);
        if !is_plain_number(sentence, captures.get(2).expect("year group").range()) {
            continue;
        }
        if let Some(date) = PublishedDate::new(year, Some(month), None) {
            candidates.push(found(
                whole.start(),
                whole.end(),
                Kind::Full(date),
                whole.as_str(),
            ));
        }
    }
    for name in BARE_MONTH.find_iter(gate(month, view)) {
        let (before, previous) = previous_word(sentence, name.start());
        let previous_lower = previous.to_lowercase();
        let after = &sentence[name.end()..];
        if after.starts_with("'s") || after.starts_with("\u{2019}s") {
            continue;
        }
        let is_time_word = TIME_WORDS.contains(&previous_lower.as_str());
        // `by May` reads as an agent as often as a deadline; `mid-May` is a time.
        let is_time_word =
            (is_time_word && previous_lower != "by") || sentence[..name.start()].ends_with("mid-");
        if !is_time_word {
            continue;
        }
        // `in May Ellis said`: a month doubling as a name followed by a name is the name.
        if NAME_MONTHS.contains(&name.as_str())
            && next_word(after).starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        let offset = match previous_lower.as_str() {
            "last" => Offset::Last,
            "next" => Offset::Next,
            "this" => Offset::This,
            _ => Offset::Plain,
        };
        let start = if offset == Offset::Plain {
            name.start()
        } else {
            before
        };
        candidates.push(found(
            start,
            name.end(),
            Kind::Month {
                month: month_number(name.as_str()),
                offset,
            },
            &sentence[start..name.end()],
        ));
    }
    for year in YEAR.find_iter(gate(may_have_year(sentence), view)) {
        if !is_plain_number(sentence, year.range()) {
            continue;
        }
        let (_, previous) = previous_word(sentence, year.start());
        let previous_lower = previous.to_lowercase();
        let next = next_word(&sentence[year.end()..]);
        let after_time_word = TIME_WORDS.contains(&previous_lower.as_str());
        let possessive = previous.ends_with("'s") || previous.ends_with("\u{2019}s");
        // `the 2019 election`: a year modifying a noun; `the 2019 votes` is a count.
        let modifier = (DETERMINERS.contains(&previous_lower.as_str()) || possessive)
            && next.starts_with(|c: char| c.is_alphabetic())
            && !next.ends_with('s');
        if !(after_time_word || modifier) {
            continue;
        }
        let value: i32 = year.as_str().parse().unwrap_or(0);
        let date = PublishedDate::new(value, None, None).expect("a year is always a date");
        candidates.push(found(
            year.start(),
            year.end(),
            Kind::Full(date),
            year.as_str(),
        ));
    }
    let weekday = WEEKDAY_NEEDLES.may_match(sentence);
    for captures in WEEKDAY.captures_iter(gate(weekday, view)) {
        let whole = captures.get(0).expect("a match has a whole");
        let name = captures.get(2).expect("weekday group");
        let offset = match captures.get(1).map(|m| m.as_str()) {
            Some("last") => Offset::Last,
            Some("next") => Offset::Next,
            Some("this") => Offset::This,
            _ => Offset::Plain,
        };
        let label = match offset {
            Offset::Last => format!("last {}", name.as_str()),
            Offset::Next => format!("next {}", name.as_str()),
            _ => name.as_str().to_string(),
        };
        candidates.push(Found {
            span: Span::new(whole.start(), whole.end()),
            kind: Kind::Weekday {
                weekday: weekday_number(name.as_str()),
                offset,
            },
            label,
        });
    }
    let relative = RELATIVE_NEEDLES.may_match(sentence);
    for captures in RELATIVE.captures_iter(gate(relative, view)) {
        let whole = captures.get(0).expect("a match has a whole");
        // `Bright Tomorrow Road`: a capital inside a sentence makes the word part of a name.
        let opens_sentence = sentence[..whole.start()]
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'' | '(')
            })
            .is_empty();
        if whole.as_str().starts_with(char::is_uppercase) && !opens_sentence {
            continue;
        }
        let lower = whole.as_str().to_lowercase();
        let kind = if let Some(word) = captures.get(1) {
            match word.as_str().to_lowercase().as_str() {
                "yesterday" => Kind::Days(-1),
                "tomorrow" => Kind::Days(1),
                _ => Kind::Days(0),
            }
        } else if let Some(word) = captures.get(2) {
            let night = captures[3].eq_ignore_ascii_case("night");
            match word.as_str().to_lowercase().as_str() {
                "yesterday" => Kind::Days(-1),
                "tomorrow" => Kind::Days(1),
                // `last night` in a report is the evening before it.
                "last" if night => Kind::Days(-1),
                "last" => continue,
                _ => Kind::Days(0),
            }
        } else if let Some(word) = captures.get(4) {
            let step = match word.as_str().to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            match captures[5].to_lowercase().as_str() {
                "week" => Kind::Weeks(step),
                "month" => Kind::Months(step as i32),
                _ => Kind::Years(step as i32),
            }
        } else {
            let count = count_value(&captures[6]);
            match captures[7].to_lowercase().as_str() {
                "day" => Kind::Days(-(count as i64)),
                "week" => Kind::Weeks(-(count as i64)),
                "month" => Kind::Months(-count),
                "decade" => Kind::Years(-10 * count),
                _ => Kind::Years(-count),
            }
        };
        candidates.push(Found {
            span: Span::new(whole.start(), whole.end()),
            kind,
            label: lower,
        });
    }
    // Calendar dates before months before relative words, longer before shorter: an
    // expression overlapping a kept one is part of it (`until Saturday 13 April`).
    candidates.sort_by(|a, b| {
        a.kind
            .rank()
            .cmp(&b.kind.rank())
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start().cmp(&b.span.start()))
    });
    let mut kept: Vec<Found> = Vec::new();
    for candidate in candidates {
        let overlaps = kept.iter().any(|other| {
            candidate.span.start() < other.span.end() && other.span.start() < candidate.span.end()
        });
        if !overlaps {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|found| found.span);
    kept
}

fn found(start: usize, end: usize, kind: Kind, label: &str) -> Found {
    Found {
        span: Span::new(start, end),
        kind,
        label: label.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A day of a month, with its year when written; `None` for days that do not exist.
fn day_date(
    whole: regex::Match<'_>,
    month: u8,
    day: u8,
    weekday: Option<u8>,
    year: Option<&str>,
) -> Option<Found> {
    let label = format!("{day} {}", MONTHS[usize::from(month) - 1]);
    let kind = match year {
        Some(year) => {
            let year: i32 = year.parse().ok()?;
            Kind::Full(PublishedDate::new(year, Some(month), Some(day))?)
        }
        None => {
            // 29 February exists in some years; any other impossible day is not a date.
            PublishedDate::new(2024, Some(month), Some(day))?;
            Kind::MonthDay {
                month,
                day,
                weekday,
            }
        }
    };
    Some(Found {
        span: Span::new(whole.start(), whole.end()),
        kind,
        label,
    })
}

fn month_number(name: &str) -> u8 {
    let prefix: String = name.chars().take(3).collect();
    MONTHS
        .iter()
        .position(|month| month.starts_with(&prefix))
        .map_or(1, |index| index as u8 + 1)
}

/// Monday is 0.
fn weekday_number(name: &str) -> u8 {
    WEEKDAYS
        .iter()
        .position(|weekday| *weekday == name)
        .map_or(0, |index| index as u8)
}

fn count_value(word: &str) -> i32 {
    match word.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        digits => digits.parse().unwrap_or(0),
    }
}

/// True when the text right after a number continues it as a figure (`,500`, `.5`, `:30`,
/// `%`) rather than ending it.
fn starts_with_figure_tail(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(',' | '.' | ':') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some('%') => true,
        _ => false,
    }
}

/// True when the digits at `range` stand alone: no thousands separator or decimal point
/// joining them to other digits, no currency sign, percentage, unit or range.
fn is_plain_number(sentence: &str, range: std::ops::Range<usize>) -> bool {
    let before = sentence[..range.start].chars().next_back();
    let before_two: Vec<char> = sentence[..range.start].chars().rev().take(2).collect();
    if matches!(before, Some('£' | '$' | '€' | '#')) {
        return false;
    }
    if before_two.len() == 2 && matches!(before_two[0], ',' | '.') && before_two[1].is_ascii_digit()
    {
        return false;
    }
    let rest = &sentence[range.end..];
    if starts_with_figure_tail(rest) {
        return false;
    }
    let mut chars = rest.chars();
    if let Some('-' | '\u{2013}' | '/') = chars.next()
        && chars.next().is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let next = next_word(rest).to_lowercase();
    !matches!(
        next.as_str(),
        "per" | "percent" | "am" | "pm" | "gmt" | "hours"
    )
}

/// The byte offset where the word before `at` starts, and that word (punctuation trimmed).
fn previous_word(sentence: &str, at: usize) -> (usize, &str) {
    let head = sentence[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '-')
        .map_or(0, |(index, c)| index + c.len_utf8());
    let word =
        head[start..].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
    (start, word)
}

fn next_word(rest: &str) -> &str {
    rest.trim_start()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .next()
        .unwrap_or_default()
}

/// True for a date that opens a dateline (`KELSWORTH, England, March 15 (MPA) --`).
fn opens_dateline(sentence: &str, span: Span) -> bool {
    if span.start() > 80 {
        return false;
    }
    let mut rest = sentence[span.end()..].trim_start();
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        rest = rest[close + 1..].trim_start();
    }
    let dash = rest.starts_with("--")
        || rest.starts_with('\u{2014}')
        || rest.starts_with('\u{2013}')
        || rest.starts_with("- ");
    // Only capitalised words (the place) may stand before it.
    let head_is_place = sentence[..span.start()]
        .split_whitespace()
        .all(|word| word.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
    dash && head_is_place
}

/// Words that point a clause forward.
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "may",
    "might",
    "expected",
    "expects",
    "due",
    "scheduled",
    "plans",
    "planned",
    "planning",
    "later",
    "next",
    "upcoming",
    "tomorrow",
    "set",
    "going",
    "intends",
    "hopes",
    "aims",
];

/// Words that point a clause back.
const PAST_WORDS: &[&str] = &["was", "were", "had", "did", "has", "have", "been", "ago"];

/// Requests point forward once followed by `to` (`asked parents to check…`).
const REQUEST_WORDS: &[&str] = &[
    "asked", "urged", "advised", "told", "ordered", "called", "warned",
];

/// The tense of the clause holding an expression starting at `at`: the nearest marker to its
/// left up to a `;` or the sentence start, past when none.
fn tense_at(sentence: &str, at: usize) -> Tense {
    let head = &sentence[..at];
    let clause_start = head.rfind(';').map_or(0, |index| index + 1);
    let mut seen_to = false;
    for word in head[clause_start..].split_whitespace().rev() {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .to_lowercase();
        if word.ends_with("'ll") || word.ends_with("\u{2019}ll") {
            return Tense::Future;
        }
        if FUTURE_WORDS.contains(&word.as_str()) {
            return Tense::Future;
        }
        if PAST_WORDS.contains(&word.as_str()) {
            return Tense::Past;
        }
        if word == "to" {
            seen_to = true;
        }
        if seen_to && REQUEST_WORDS.contains(&word.as_str()) {
            return Tense::Future;
        }
    }
    Tense::Past
}

/// The calendar date (or relative label) of an expression.
fn resolve(
    kind: &Kind,
    label: &str,
    tense: Tense,
    published: Option<PublishedDate>,
) -> Option<When> {
    let relative = |label: &str| When::Relative {
        label: label.to_string(),
        around: None,
    };
    let published_day = published.and_then(day_number);
    match *kind {
        Kind::Full(date) => Some(When::Date(date)),
        Kind::MonthDay {
            month,
            day,
            weekday,
        } => {
            let Some(published) = published else {
                return Some(relative(&format!(
                    "{day} {}",
                    MONTHS[usize::from(month) - 1]
                )));
            };
            let year = year_for(published, month, Some(day), tense);
            let year = match weekday {
                // The year whose calendar agrees with the weekday written beside the date.
                Some(weekday) => [year, year - 1, year + 1]
                    .into_iter()
                    .find(|candidate| {
                        PublishedDate::new(*candidate, Some(month), Some(day))
                            .and_then(day_number)
                            .is_some_and(|days| weekday_of(days) == weekday)
                    })
                    .unwrap_or(year),
                None => year,
            };
            PublishedDate::new(year, Some(month), Some(day)).map(When::Date)
        }
        Kind::Month { month, offset } => {
            let Some(published) = published else {
                let label = match offset {
                    Offset::Last => format!("last {}", MONTHS[usize::from(month) - 1]),
                    Offset::Next => format!("next {}", MONTHS[usize::from(month) - 1]),
                    _ => MONTHS[usize::from(month) - 1].to_string(),
                };
                return Some(relative(&label));
            };
            let year = match (offset, published.month()) {
                (Offset::This, _) | (_, None) => published.year(),
                (Offset::Last, Some(now)) if month >= now => published.year() - 1,
                (Offset::Next, Some(now)) if month <= now => published.year() + 1,
                (Offset::Last | Offset::Next, Some(_)) => published.year(),
                (Offset::Plain, _) => year_for(published, month, None, tense),
            };
            PublishedDate::new(year, Some(month), None).map(When::Date)
        }
        Kind::Weekday { weekday, offset } => {
            let Some(today) = published_day else {
                let label = match offset {
                    Offset::Last => format!("last {}", WEEKDAYS[usize::from(weekday)]),
                    Offset::Next => format!("next {}", WEEKDAYS[usize::from(weekday)]),
                    _ => WEEKDAYS[usize::from(weekday)].to_string(),
                };
                return Some(relative(&label));
            };
            let back = i64::from((weekday_of(today) + 7 - weekday) % 7);
            let forward = i64::from((weekday + 7 - weekday_of(today)) % 7);
            let days = match (offset, tense) {
                (Offset::Last, _) => today - if back == 0 { 7 } else { back },
                (Offset::Next, _) => today + if forward == 0 { 7 } else { forward },
                (Offset::This, _) | (Offset::Plain, Tense::Future) => today + forward,
                (Offset::Plain, Tense::Past) => today - back,
            };
            Some(When::Date(date_of(days)))
        }
        Kind::Days(offset) => match published_day {
            Some(today) => Some(When::Date(date_of(today + offset))),
            None => Some(relative(label)),
        },
        Kind::Weeks(offset) => match published_day {
            Some(today) => {
                let monday = today - i64::from(weekday_of(today)) + 7 * offset;
                let date = date_of(monday);
                Some(When::Relative {
                    label: format!("week of {date}"),
                    around: Some(date),
                })
            }
            None => Some(relative(label)),
        },
        Kind::Months(offset) => match published.filter(|date| date.month().is_some()) {
            Some(date) => {
                let index = date.year() * 12 + i32::from(date.month().unwrap_or(1)) - 1 + offset;
                PublishedDate::new(
                    index.div_euclid(12),
                    Some(index.rem_euclid(12) as u8 + 1),
                    None,
                )
                .map(When::Date)
            }
            None => Some(relative(label)),
        },
        Kind::Years(offset) => match published {
            Some(date) => PublishedDate::new(date.year() + offset, None, None).map(When::Date),
            None => Some(relative(label)),
        },
    }
}

/// The year of a month (and day) written without one: the publication's, moved back a year
/// when a past date would fall after publication, forward when a future one would fall
/// before it. Parts of the publication date that are unknown compare as equal.
fn year_for(published: PublishedDate, month: u8, day: Option<u8>, tense: Tense) -> i32 {
    let year = published.year();
    let Some(now_month) = published.month() else {
        return year;
    };
    let order = month.cmp(&now_month).then(match (day, published.day()) {
        (Some(day), Some(now_day)) => day.cmp(&now_day),
        _ => std::cmp::Ordering::Equal,
    });
    match (tense, order) {
        (Tense::Past, std::cmp::Ordering::Greater) => year - 1,
        (Tense::Future, std::cmp::Ordering::Less) => year + 1,
        _ => year,
    }
}

/// Days since 1970-01-01 of a date known to the day.
fn day_number(date: PublishedDate) -> Option<i64> {
    Some(calendar::day_number(
        i64::from(date.year()),
        u32::from(date.month()?),
        u32::from(date.day()?),
    ))
}

/// The date of a day number (inverse of [`day_number`]).
fn date_of(days: i64) -> PublishedDate {
    let (year, month, day) = calendar::civil_date(days);
    PublishedDate::new(
        i32::try_from(year).expect("news dates fit in i32"),
        Some(u8::try_from(month).expect("months are small")),
        Some(u8::try_from(day).expect("days are small")),
    )
    .expect("civil dates are real dates")
}

/// Monday is 0 (1970-01-01 was a Thursday).
fn weekday_of(days: i64) -> u8 {
    u8::try_from(calendar::weekday(days)).expect("0 to 6")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;
    use expect_test::{Expect, expect};

    /// One line per date found: the expression, what it resolves to, and its precision.
    fn check(text: &str, published: Option<&str>, expect: Expect) {
        let published = published.map(|date| PublishedDate::parse(date).expect("test date"));
        let sentences = split_sentences(text);
        let rows: Vec<String> = find_dates(text, &sentences, published)
            .iter()
            .map(|mention| {
                format!(
                    "{} => {} ({})",
                    &text[mention.span.range()],
                    mention.when,
                    mention.when.precision().as_str()
                )
            })
            .collect();
        expect.assert_eq(&rows.join("\n"));
    }

    #[test]
    fn absolute_dates_in_every_written_form() {
        check(
            "It opened on 2 July 2021. It closed on July 2 , 2021. The filing is dated 2021-07-02. Talks began in May 2019.",
            Some("2024-03-15"),
            expect![[r#"
                2 July 2021 => 2021-07-02 (day)
                July 2 , 2021 => 2021-07-02 (day)
                2021-07-02 => 2021-07-02 (day)
                May 2019 => 2019-05 (month)"#]],
        );
    }

    #[test]
    fn weekday_is_the_last_such_day_for_the_past_and_the_next_for_the_future() {
        // 2024-03-15 is a Friday.
        check(
            "The count ended on Friday. Voters went to the polls on Thursday. She will take her seat on Monday. He is expected to visit on Saturday. They met last Friday and meet again next Friday.",
            Some("2024-03-15"),
            expect![[r#"
                on Friday => 2024-03-15 (day)
                on Thursday => 2024-03-14 (day)
                on Monday => 2024-03-18 (day)
                on Saturday => 2024-03-16 (day)
                last Friday => 2024-03-08 (day)
                next Friday => 2024-03-22 (day)"#]],
        );
    }

    #[test]
    fn a_request_points_forward() {
        check(
            "The council asked parents to check websites before Wednesday's run.",
            Some("2024-04-02"),
            expect![[r#"Wednesday => 2024-04-03 (day)"#]],
        );
    }

    #[test]
    fn month_without_year_is_the_publication_year_unless_that_is_after_publication() {
        check(
            "The MP stood down in late January. The plant shut on 20 December. The vote is due on 13 April.",
            Some("2024-03-15"),
            expect![[r#"
                January => 2024-01 (month)
                20 December => 2023-12-20 (day)
                13 April => 2024-04-13 (day)"#]],
        );
    }

    #[test]
    fn a_weekday_beside_the_date_picks_the_year() {
        // 13 April is a Saturday in 2024, not in 2023.
        check(
            "The exhibition was postponed until Saturday 13 April.",
            Some("2024-04-03"),
            expect![[r#"Saturday 13 April => 2024-04-13 (day)"#]],
        );
    }

    #[test]
    fn last_year_ago_and_months_count_from_publication() {
        check(
            "Profits fell last year. The mine closed five years ago. Prices rose last month. The pier burned a decade ago. Talks resume next week. It rained yesterday and this morning.",
            Some("2024-03-15"),
            expect![[r#"
                last year => 2023 (year)
                five years ago => 2019 (year)
                last month => 2024-02 (month)
                a decade ago => 2014 (year)
                next week => week of 2024-03-18 (relative)
                yesterday => 2024-03-14 (day)
                this morning => 2024-03-15 (day)"#]],
        );
    }

    #[test]
    fn a_capitalised_relative_word_inside_a_sentence_is_a_name() {
        check(
            "She walked on to Bright Tomorrow Road. Yesterday the count ended.",
            Some("2024-03-15"),
            expect![[r#"Yesterday => 2024-03-14 (day)"#]],
        );
    }

    #[test]
    fn an_undated_article_keeps_dates_relative() {
        check(
            "Schools shut on Tuesday. The mine closed five years ago. It reopened on 4 May and again in June. The pier was built in 1957.",
            None,
            expect![[r#"
                on Tuesday => Tuesday (relative)
                five years ago => five years ago (relative)
                4 May => 4 May (relative)
                June => June (relative)
                1957 => 1957 (year)"#]],
        );
    }

    #[test]
    fn a_month_precision_publication_resolves_months_not_weekdays() {
        check(
            "The seat was won on Friday. Prices rose last month.",
            Some("2024-03"),
            expect![[r#"
                on Friday => Friday (relative)
                last month => 2024-02 (month)"#]],
        );
    }

    #[test]
    fn may_as_a_name_or_a_verb_is_not_a_date() {
        check(
            "Theresa May spoke. May said it may rain. In May's view the deal failed. It was signed in May.",
            Some("2024-08-01"),
            expect![[r#"May => 2024-05 (month)"#]],
        );
    }

    #[test]
    fn figures_that_look_like_years_are_not_years() {
        check(
            "She won 2,019 votes. Another 2019 votes were void. It cost £2019. The 2024\u{2013}25 budget grew 2010%. He left in 2019.",
            Some("2024-03-15"),
            expect![[r#"2019 => 2019 (year)"#]],
        );
    }

    #[test]
    fn years_as_modifiers_are_years() {
        check(
            "At the 2019 general election Tallis's 2010 campaign was recalled; the seat was held since 1992.",
            Some("2024-03-15"),
            expect![[r#"
                2019 => 2019 (year)
                2010 => 2010 (year)
                1992 => 1992 (year)"#]],
        );
    }

    #[test]
    fn ages_durations_and_times_are_not_dates() {
        check(
            "Rowntree, 79, waited forty minutes at 5.40am. It was the third burst in five years. The pipe is 67 years old. The count ran to 3 a.m.",
            Some("2024-03-15"),
            expect![[r#""#]],
        );
    }

    #[test]
    fn a_dateline_is_not_an_event_date() {
        check(
            "KELSWORTH, England, March 15 (MPA) -- The opposition won early on Friday.",
            Some("2024-03-15"),
            expect![[r#"early on Friday => 2024-03-15 (day)"#]],
        );
    }

    #[test]
    fn a_no_break_space_before_a_year_is_a_space() {
        check(
            "The study ran in\u{a0}2019 and the top 0.1\u{a0}percent in\u{a0}May.",
            Some("2024-03-15"),
            expect![[r#"
                2019 => 2019 (year)
                May => 2023-05 (month)"#]],
        );
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2024-03-15",
            "1899-12-31",
            "2100-03-01",
        ] {
            let date = PublishedDate::parse(text).expect("valid");
            let days = day_number(date).expect("a day");
            assert_eq!(date_of(days), date, "{text}");
        }
        let friday = PublishedDate::parse("2024-03-15").expect("valid");
        assert_eq!(weekday_of(day_number(friday).expect("a day")), 4);
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;
    use crate::prefilter::all_captures;
    use proptest::prelude::*;

    /// Pieces that the date patterns and their gates react to, and some that fool them.
    const PIECES: &[&str] = &[
        "May",
        "Mayor",
        "Sept.",
        "March",
        "Friday",
        "Monday",
        "day",
        "today",
        "Tonight",
        "last",
        "this",
        "earlier",
        "week",
        "years",
        "ago",
        "night",
        "3",
        "13th",
        "of",
        "the",
        "2019",
        "1988",
        "20\u{0663}\u{0663}",
        "2021-07-02",
        "-",
        ",",
        ".",
        " ",
        "  ",
        "\u{00A0}",
        "\u{201C}",
        "\u{2019}s",
        "\u{212A}",
        "\u{017F}",
        "\u{00E9}",
        "\n",
        "five",
        "in",
    ];

    proptest! {
        /// A gate that says no means the pattern finds nothing: results never depend on
        /// the gates.
        #[test]
        fn gates_never_hide_a_match(indices in proptest::collection::vec(0..PIECES.len(), 0..14)) {
            let sentence: String = indices.iter().map(|&i| PIECES[i]).collect();
            let s = sentence.as_str();
            let month = may_have_month(s);
            let digit = may_have_digit(s);
            let month_digit = month && digit && may_have_month_with_figure(s);
            prop_assert!(digit && may_have_iso_date(s) || !ISO.is_match(s), "{s:?}");
            prop_assert!(month_digit || !DAY_MONTH.is_match(s), "{s:?}");
            prop_assert!(month_digit || !MONTH_DAY.is_match(s), "{s:?}");
            prop_assert!(month_digit || !MONTH_YEAR.is_match(s), "{s:?}");
            prop_assert!(month || !BARE_MONTH.is_match(s), "{s:?}");
            prop_assert!(may_have_year(s) || !YEAR.is_match(s), "{s:?}");
            prop_assert!(WEEKDAY_NEEDLES.may_match(s) || !WEEKDAY.is_match(s), "{s:?}");
            prop_assert!(RELATIVE_NEEDLES.may_match(s) || !RELATIVE.is_match(s), "{s:?}");
        }

        /// The patterns find the same matches in a sentence's ASCII view as in the sentence.
        #[test]
        fn the_ascii_view_keeps_every_match(indices in proptest::collection::vec(0..PIECES.len(), 0..14)) {
            let sentence: String = indices.iter().map(|&i| PIECES[i]).collect();
            let view = ascii_view(&sentence, &[]);
            for pattern in [&ISO, &DAY_MONTH, &MONTH_DAY, &MONTH_YEAR, &BARE_MONTH, &YEAR, &WEEKDAY, &RELATIVE] {
                prop_assert_eq!(
                    all_captures(pattern, &view),
                    all_captures(pattern, &sentence),
                    "{:?}", sentence
                );
            }
        }
    }
}
