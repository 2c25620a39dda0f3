//! Numeric claims: figures in digits or words, percentages, money and ranks, each with what
//! it counts (the noun after it or the verb around it), whose it is, the occasion that
//! scopes it and how it is hedged. Dates, times, years, phone numbers and list markers are
//! not claims.

use std::sync::LazyLock;

use corroborate_model::calendar::{MONTH_NAMES, WEEKDAY_NAMES};
use corroborate_model::{
    ArticleEntity, Claim, EntityKind, PublishedDate, Qualifier, Quote, Sentence, Span,
};
use regex::Regex;

use crate::mentions::Found;
use crate::prefilter::{Needles, ascii_view, may_have_digit, may_have_month, may_have_year};

/// Properties that belong to a person or an organisation, so they get a subject.
const SUBJECT_PROPERTIES: &[&str] = &[
    "votes",
    "majority",
    "age",
    "percent of the vote",
    "rank",
    "seats",
];

pub(crate) fn find_claims(
    text: &str,
    sentences: &[Sentence],
    found: &[Found],
    entities: &[ArticleEntity],
    quotes: &[Quote],
    published: Option<PublishedDate>,
) -> Vec<Claim> {
    let counts_votes = text.contains(" votes") || text.contains(" vote ");
    let mut claims = Vec::new();
    // Where each sentence's stretch starts: a sentence cut off by the splitter (`Snr.` /
    // `Comr.` / `Agus Rianto told ...`) is read with the pieces before it.
    let mut stretch_start: Vec<usize> = Vec::with_capacity(sentences.len());
    for (index, sentence) in sentences.iter().enumerate() {
        let glued = index > 0 && stretch_start[index - 1] + 3 > index && {
            let previous = &text[sentences[index - 1].span.range()];
            let opening = text[sentence.span.range()].trim_start();
            is_fragment(previous)
                || is_fragment(opening)
                || opening.starts_with(char::is_lowercase)
                // A figure cut at its decimal point: `... magnitude 6.` / `4 quake ...`.
                || (opening.starts_with(|c: char| c.is_ascii_digit())
                    && previous
                        .trim_end()
                        .trim_end_matches('.')
                        .trim_end()
                        .ends_with(|c: char| c.is_ascii_digit()))
        };
        stretch_start.push(if glued {
            stretch_start[index - 1]
        } else {
            index
        });
    }
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence_text = &text[sentence.span.range()];
        let figures = figures(sentence_text);
        if figures.is_empty() {
            continue;
        }
        let first = stretch_start[index];
        let stretch = &text[sentences[first].span.start()..sentence.span.end()];
        // The stretch before this one: the sentence a continuation (`It killed 612 people.`)
        // or a place reference (`the regency`) points back to.
        let before_stretch = first.checked_sub(1).map(|last| {
            &text[sentences[stretch_start[last]].span.start()..sentences[last].span.end()]
        });
        let scope = scope_of(stretch, published).or_else(|| {
            before_stretch
                .filter(|_| continues_previous(&text[sentences[first].span.range()]))
                .and_then(|before| scope_of(before, published))
        });
        for figure in figures {
            let span = figure.span.shift(sentence.span.start());
            let before = &text[sentence.span.start()..span.start()];
            let after = &text[span.end()..sentence.span.end()];
            let Some(mut property) = property_of(&figure, before, after, counts_votes) else {
                continue;
            };
            let quoted = quotes
                .iter()
                .any(|quote| quote.parts.iter().any(|part| part.contains_span(span)));
            let subject = if property == "age" && !quoted {
                age_subject(text, sentence.span, span, after, found)
            } else if SUBJECT_PROPERTIES.contains(&property.as_str()) && !quoted {
                subject_of(text, sentence.span, span, &property, after, found, entities)
            } else {
                None
            };
            if quoted {
                property = format!("quoted {property}");
            }
            // `a majority of 151 needed`, `needs 326 seats`: a requirement, not what happened.
            if is_requirement(before, after) {
                property = format!("{property} needed");
            }
            // `then-15-year-old`, `then 15`: a figure of an earlier time than the report's.
            let scope = if marked_earlier(before) {
                Some("at the time".to_string())
            } else {
                scope.clone()
            };
            let extent = extent_of(sentence_text, figure.span)
                .or_else(|| before_stretch.and_then(|before| place_referred_back(stretch, before)));
            claims.push(Claim {
                span,
                value: figure.value,
                display: text[span.range()].to_string(),
                property,
                subject,
                scope,
                extent,
                qualifier: match qualifier_of(before) {
                    Qualifier::Exact if after.trim_start().starts_with("or more") => {
                        Qualifier::AtLeast
                    }
                    Qualifier::Exact
                        if after.trim_start().starts_with("or less")
                            || after.trim_start().starts_with("or fewer") =>
                    {
                        Qualifier::AtMost
                    }
                    qualifier => qualifier,
                },
            });
        }
    }
    claims
}

/// A figure found in a sentence, with its kind.
struct Figure {
    span: Span,
    value: f64,
    kind: FigureKind,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum FigureKind {
    Count,
    Percent,
    Money,
    Rank,
}

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<currency>[£$€]\s?)?
        (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<suffix>\s?%|\s?per\s?cent\b|\s?percent\b|\s?(?:bn|billion|m|million|k|thousand)\b|st\b|nd\b|rd\b|th\b)?",
    )
    .expect("figure pattern is valid")
});

static WORD_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a\s+dozen|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)(?:(?:\s+and\s+|[\s-]+)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million))*)\b")
        .expect("number word pattern is valid")
});

static ORDINAL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:came|finished|placed|was|ranked|in)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b")
        .expect("ordinal pattern is valid")
});

/// Words one of which starts every match of [`WORD_NUMBERS`] (any case) or
/// [`ORDINAL_WORDS`].
static WORD_NUMBER_NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    let words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen";
    Needles::new(&words.split(' ').collect::<Vec<_>>(), true, true)
});
static ORDINAL_NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    let words = "first second third fourth fifth sixth seventh eighth ninth tenth last";
    Needles::new(&words.split(' ').collect::<Vec<_>>(), false, true)
});

/// Time zones that make a number a clock time.
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "ist", "edt", "est", "pdt", "pst", "cdt", "cst", "et", "pt", "cet",
    "cest", "local",
];

fn next_word_of(text: &str) -> &str {
    text.trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn figures(sentence: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    // Each pattern runs only on sentences holding what it needs (see `prefilter`).
    // The patterns run on the sentence's ASCII view (see `prefilter`); only the currency
    // signs are non-ASCII characters they name.
    let view = std::cell::LazyCell::new(|| ascii_view(sentence, &['£', '€']));
    let digits = if may_have_digit(sentence) { &view } else { "" };
    for found in DIGITS.captures_iter(digits) {
        let whole = found.get(0).expect("a match has a whole");
        let number = found
            .name("number")
            .expect("the number group always matches");
        let (start, end) = (whole.start(), whole.end());
        let before = &sentence[..start];
        let after = &sentence[end..];
        // Glued to letters or other digits: an identifier (`B52`, `COVID-19`), not a figure.
        if before.ends_with(|c: char| {
            c.is_alphanumeric() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '/' | ':' | '.')
        }) || after.starts_with(|c: char| c.is_alphabetic() || c == ':' || c == '/')
        {
            continue;
        }
        let digits = number.as_str().replace(',', "");
        let Ok(mut value) = digits.parse::<f64>() else {
            continue;
        };
        let suffix = found
            .name("suffix")
            .map(|s| s.as_str().trim().to_lowercase())
            .unwrap_or_default();
        let lower_after = after.trim_start().to_lowercase();
        // Times (`3.12am`, `3 a.m.`), dates (`March 15`, `15 March`), years and list markers.
        if lower_after.starts_with("am")
            || lower_after.starts_with("pm")
            || lower_after.starts_with("a.m")
            || lower_after.starts_with("p.m")
            || lower_after.starts_with("o'clock")
            || lower_after.starts_with("o’clock")
        {
            continue;
        }
        let previous_word = before
            .trim_end()
            .trim_end_matches('.')
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        // Clock times with a zone (`1023 GMT`), numbers with a leading zero (`06`, `0440`)
        // and model numbers after a name (`USB 3 port`, `Patriot 125`) are not figures.
        if TIME_ZONES.contains(&next_word_of(&lower_after))
            || (digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
        {
            continue;
        }
        let previous_token = before
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let after_name = previous_token
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            && previous_token.chars().all(|c| c.is_alphanumeric())
            && !before
                .trim_end()
                .ends_with(|c: char| c.is_ascii_punctuation())
            && before.trim_end().len() > previous_token.len()
            && found.name("suffix").is_none()
            && found.name("currency").is_none()
            && !digits.contains(',')
            && !MONTHS.contains(&previous_word.as_str());
        if after_name {
            continue;
        }
        let next_word = lower_after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_string();
        if MONTHS.contains(&previous_word.as_str()) || MONTHS.contains(&next_word.as_str()) {
            continue;
        }
        // A house number: `at 24 Kell Street`, `12 Orchard Road`.
        if is_street_number(after) {
            continue;
        }
        let is_year = suffix.is_empty()
            && found.name("currency").is_none()
            && digits.len() == 4
            && !digits.contains('.')
            && (1800.0..=2100.0).contains(&value);
        if is_year {
            continue;
        }
        if before.trim().is_empty() && (after.starts_with('.') || after.starts_with(')')) {
            continue;
        }
        let kind = if found.name("currency").is_some() {
            FigureKind::Money
        } else if suffix == "%" || suffix.starts_with("per") {
            FigureKind::Percent
        } else if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
            FigureKind::Rank
        } else {
            FigureKind::Count
        };
        value *= match suffix.as_str() {
            "bn" | "billion" => 1e9,
            "m" | "million" => 1e6,
            "k" | "thousand" => 1e3,
            _ => 1.0,
        };
        figures.push(Figure {
            span: Span::new(start, end),
            value,
            kind,
        });
    }
    let words = if WORD_NUMBER_NEEDLES.may_match(sentence) {
        &view
    } else {
        ""
    };
    for found in WORD_NUMBERS.find_iter(words) {
        let after = sentence[found.end()..].trim_start();
        let next_word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        // `one of them`, `one, who ...`: a number word counts only when a noun follows it.
        let counts_something = next_word.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                next_word,
                "of" | "who"
                    | "which"
                    | "that"
                    | "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "more"
                    | "another"
                    | "day"
                    | "time"
                    | "way"
                    | "thing"
                    // `one must`, `one can`: the pronoun, not a count.
                    | "must"
                    | "can"
                    | "could"
                    | "should"
                    | "would"
                    | "might"
                    // `the early nineteen-seventies`: a decade, not a count.
                    | "twenties"
                    | "thirties"
                    | "forties"
                    | "fifties"
                    | "sixties"
                    | "seventies"
                    | "eighties"
                    | "nineties"
            );
        // `$400 million` where the digits were not taken (`sub-$400`): the word is the
        // scale of a figure written in digits, not a figure of its own.
        let scales_digits = sentence[..found.start()]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        // `several dozen`, `a few hundred`: a scale word after a vague count is no figure.
        let vague = matches!(
            found.as_str().to_lowercase().as_str(),
            "dozen" | "hundred" | "thousand" | "million"
        ) && matches!(
            sentence[..found.start()]
                .split_whitespace()
                .next_back()
                .map(str::to_lowercase)
                .as_deref(),
            Some("several" | "few" | "many")
        );
        if !counts_something
            || scales_digits
            || vague
            || figures
                .iter()
                .any(|f| f.span.start() < found.end() && found.start() < f.span.end())
        {
            continue;
        }
        if let Some(value) = words_value(found.as_str()) {
            figures.push(Figure {
                span: Span::new(found.start(), found.end()),
                value,
                kind: FigureKind::Count,
            });
        }
    }
    let ordinals = if ORDINAL_NEEDLES.may_match(sentence) {
        &view
    } else {
        ""
    };
    for found in ORDINAL_WORDS.captures_iter(ordinals) {
        let word = found.get(1).expect("the ordinal group always matches");
        let value = ORDINALS
            .iter()
            .position(|o| *o == word.as_str())
            .map_or(-1.0, |i| (i + 1) as f64);
        figures.push(Figure {
            span: Span::new(word.start(), word.end()),
            value,
            kind: FigureKind::Rank,
        });
    }
    figures.sort_by_key(|figure| figure.span);
    figures
}

/// True when the figure is followed by a capitalised name ending in a street word.
fn is_street_number(after: &str) -> bool {
    const STREET_WORDS: &[&str] = &[
        "Street",
        "St",
        "Road",
        "Rd",
        "Avenue",
        "Ave",
        "Lane",
        "Drive",
        "Boulevard",
        "Way",
        "Place",
        "Terrace",
        "Court",
        "Crescent",
        "Close",
    ];
    let words: Vec<&str> = after
        .split_whitespace()
        .take(4)
        .map(|word| word.trim_end_matches([',', '.', ';']))
        .collect();
    words
        .iter()
        .take_while(|word| word.starts_with(char::is_uppercase))
        .skip(1)
        .any(|word| STREET_WORDS.contains(word))
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// The value of number words (`fourteen`, `eight thousand`, `a dozen`, `twenty-five`).
fn words_value(words: &str) -> Option<f64> {
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    for word in words
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
    {
        let small = match word {
            "" | "and" | "a" => continue,
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" | "dozen" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            "hundred" => {
                current = current.max(1.0) * 100.0;
                continue;
            }
            "thousand" | "million" => {
                let scale = if word == "thousand" { 1e3 } else { 1e6 };
                total += current.max(1.0) * scale;
                current = 0.0;
                continue;
            }
            _ => return None,
        };
        current += small;
    }
    let value = total + current;
    (value > 0.0).then_some(value)
}

/// What a figure counts, from its kind, the noun after it or the words before it.
fn property_of(figure: &Figure, before: &str, after: &str, counts_votes: bool) -> Option<String> {
    let before_lower = before.to_lowercase();
    let before_words: Vec<&str> = before_lower.split_whitespace().collect();
    let last = |n: usize| {
        before_words
            .iter()
            .rev()
            .take(n)
            .copied()
            .collect::<Vec<_>>()
    };
    let after_lower = after.to_lowercase();
    let after_words: Vec<&str> = after_lower
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    match figure.kind {
        FigureKind::Money => {
            // `£500 deposits`, `$2m in damages`: the noun says what the money is.
            let noun = after_words
                .first()
                .map(|w| w.trim_end_matches([',', '.', ';', ':']))
                .filter(|w| {
                    !w.is_empty()
                        && w.chars().all(char::is_alphabetic)
                        && !STOP_AFTER.contains(w)
                        && !matches!(*w, "a" | "an")
                });
            return Some(noun.map_or_else(|| "money".to_string(), |noun| format!("money {noun}")));
        }
        FigureKind::Rank => return Some("rank".to_string()),
        FigureKind::Percent => {
            if before_lower.contains("turnout") || after_lower.starts_with(" turnout") {
                return Some("percent turnout".to_string());
            }
            let sentence_lower = format!("{before_lower}{after_lower}");
            if sentence_lower.contains("of the vote")
                || sentence_lower.contains("share of the vote")
            {
                return Some("percent of the vote".to_string());
            }
            // `a swing of 11.5 per cent`: the noun before `of` says what the share is.
            if let [of, noun, ..] = last(2).as_slice()
                && *of == "of"
                && noun.chars().all(char::is_alphabetic)
                && !STOP_AFTER.contains(noun)
            {
                return Some(format!("percent {noun}"));
            }
            return Some("percent".to_string());
        }
        FigureKind::Count => {}
    }
    // `a majority of 3,604`, `won by 402`, `majority was 3,604`.
    let recent = last(3);
    if recent.iter().any(|w| w.starts_with("majority"))
        || (recent.first() == Some(&"by")
            && recent.iter().any(|w| {
                matches!(
                    *w,
                    "won" | "win" | "wins" | "lost" | "beat" | "beaten" | "held"
                )
            }))
    {
        return Some("majority".to_string());
    }
    if recent.iter().any(|w| w.starts_with("turnout")) {
        return Some("turnout".to_string());
    }
    // The counted noun: lower-case words right after the figure, before a function word.
    // A hyphen joining the figure to its noun (`6.1-magnitude`, `40 - year - old`) goes.
    let mut after_words = after_words;
    while let Some(first) = after_words.first_mut() {
        let stripped = first.trim_start_matches(['-', '\u{2013}']);
        if stripped.is_empty() {
            after_words.remove(0);
        } else {
            *first = stripped;
            break;
        }
    }
    if after_words
        .first()
        .is_some_and(|w| w.starts_with("year-old") || w.starts_with("years-old"))
        || (after_words.first().is_some_and(|w| w.starts_with("year"))
            && after_words
                .iter()
                .skip(1)
                .take(2)
                .any(|w| w.trim_start_matches('-').starts_with("old")))
    {
        return Some("age".to_string());
    }
    let mut noun: Vec<&str> = Vec::new();
    for word in &after_words {
        let clean = word.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201D}']);
        if clean.is_empty()
            || !clean.chars().all(|c| c.is_alphabetic() || c == '-')
            || STOP_AFTER.contains(&clean)
        {
            break;
        }
        noun.push(clean);
        // A plural ends the phrase (`schools closed`, `postal votes were`).
        let plural =
            (clean.ends_with('s') && !clean.ends_with("ss")) || IRREGULAR_PLURALS.contains(&clean);
        if clean.len() != word.len() || noun.len() == 2 || plural {
            break;
        }
    }
    // `420 passengers and crew`, `135 homes and other buildings`: the figure counts the
    // whole population named, not only its first noun.
    let joined = joined_population(&after_lower, &noun);
    if let Some(head) = noun.last() {
        if head.starts_with("vote") {
            return Some("votes".to_string());
        }
        if matches!(*head, "years" | "year")
            && after_lower
                .trim_start()
                .trim_start_matches(['-', ' '])
                .split(['-', ' '])
                .nth(1)
                == Some("old")
        {
            return Some("age".to_string());
        }
        // `killing 12 people`, `12 people were hurt`: a bare population counted by what
        // happened to it is a toll, comparable across reports.
        if joined.is_none()
            && noun.len() == 1
            && matches!(*head, "people" | "persons")
            && let Some(outcome) = casualty_outcome(&before_words, &after_lower, head)
        {
            return Some(format!("people {outcome}"));
        }
        return Some(match joined {
            Some(more) => format!("{} {more}", noun.join(" ")),
            None => noun.join(" "),
        });
    }
    // `took 8,100`, `polled 2,318`, `third on 4,152`: votes in a story that counts votes.
    if counts_votes
        && recent.iter().any(|w| {
            matches!(
                w.trim_end_matches(','),
                "polled" | "took" | "won" | "got" | "received" | "secured" | "on" | "with"
            )
        })
    {
        return Some("votes".to_string());
    }
    // `Niamh Calloway, 34,`: an age in apposition.
    let name_before = before
        .trim_end()
        .strip_suffix(',')
        .and_then(|rest| rest.rsplit(char::is_whitespace).next())
        .is_some_and(|word| word.starts_with(char::is_uppercase));
    if name_before && after.trim_start().starts_with([',', '.']) && figure.value < 120.0 {
        return Some("age".to_string());
    }
    if recent.first() == Some(&"aged") {
        return Some("age".to_string());
    }
    None
}

/// What happened to a counted population, from the verb or adjective right after its noun
/// (`people were killed`, `people dead`, `people have been injured`) or the verb right before
/// the figure and its hedge (`killing at least 12 people`, `injured 12 people`).
fn casualty_outcome(before_words: &[&str], after_lower: &str, head: &str) -> Option<&'static str> {
    let outcome = |word: &str| -> Option<&'static str> {
        let word = word.trim_end_matches([',', '.', ';', ':']);
        Some(match word {
            "killed" | "dead" | "died" | "die" | "killing" | "kill" | "kills" | "perished" => {
                "killed"
            }
            "injured" | "injuring" | "injures" | "injure" | "wounded" | "wounding" | "hurt"
            | "hospitalised" | "hospitalized" => "injured",
            "missing" => "missing",
            "arrested" | "arresting" | "arrests" | "arrest" | "detained" | "detaining" => {
                "arrested"
            }
            "evacuated" | "evacuating" | "evacuate" => "evacuated",
            _ => return None,
        })
    };
    let after = after_lower
        .find(head)
        .map_or("", |at| &after_lower[at + head.len()..]);
    let first_word_after = after
        .split_whitespace()
        .find(|word| {
            !matches!(
                *word,
                "were"
                    | "was"
                    | "have"
                    | "had"
                    | "has"
                    | "been"
                    | "are"
                    | "is"
                    | "being"
                    | "reportedly"
                    | "also"
                    | "all"
                    | "now"
                    | "later"
            )
        })
        // The word must follow in the same clause, not after a comma.
        .filter(|_| !after.trim_start().starts_with([',', ';', ':']));
    if let Some(found) = first_word_after.and_then(outcome) {
        return Some(found);
    }
    let hedges = [
        "at",
        "least",
        "more",
        "than",
        "about",
        "some",
        "nearly",
        "over",
        "around",
        "almost",
        "up",
        "to",
        "an",
        "estimated",
        "roughly",
        "approximately",
        "another",
        "a",
        "further",
    ];
    let verb = before_words
        .iter()
        .rev()
        .find(|word| !hedges.contains(word))?;
    // `killing` and `injuring` read as verbs before the figure; `dead` or `missing` before a
    // figure (`the missing 12 people`) do not.
    match outcome(verb)? {
        found if !matches!(*verb, "dead" | "missing") => Some(found),
        _ => None,
    }
}

/// `and crew`, `and other buildings` right after a counted plural noun: the second group
/// of one population (`passengers and crew`), as words to append to the property.
fn joined_population(after_lower: &str, noun: &[&str]) -> Option<String> {
    let head = noun.last()?;
    let plural = (head.ends_with('s') && !head.ends_with("ss")) || IRREGULAR_PLURALS.contains(head);
    if !plural {
        return None;
    }
    let at = after_lower.find(head)? + head.len();
    let mut words = after_lower[at..].split_whitespace();
    let conjunction = words.next().filter(|w| matches!(*w, "and" | "or"))?;
    let mut word = words.next()?;
    let mut other = "";
    if matches!(word, "other" | "some" | "their" | "its") {
        other = word;
        word = words.next()?;
    }
    let bare = word.trim_end_matches([',', '.', ';', ':']);
    let is_plural_noun = !bare.is_empty()
        && bare.chars().all(char::is_alphabetic)
        && !STOP_AFTER.contains(&bare)
        && !bare.ends_with("ed")
        && ((bare.ends_with('s') && !bare.ends_with("ss") && !bare.ends_with("us"))
            || IRREGULAR_PLURALS.contains(&bare));
    if !is_plural_noun {
        return None;
    }
    Some(
        [conjunction, other, bare]
            .iter()
            .filter(|w| !w.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Plurals without an `s`, which end a counted noun phrase as regular plurals do.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "staff",
    "children",
    "men",
    "women",
    "police",
    "crew",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "feet",
    "teeth",
    "mice",
    "geese",
    "data",
    "media",
    "criteria",
    "phenomena",
];

const STOP_AFTER: &[&str] = &[
    "of", "in", "at", "for", "to", "from", "on", "by", "with", "was", "were", "is", "are", "had",
    "have", "has", "and", "or", "the", "a", "an", "that", "who", "which", "than", "as", "per",
    "said", "says", "more", "less", "over", "under", "after", "before", "since", "when", "during",
    "while", "into", "across", "through", "until", "because", "but", "then", "ago", "later",
    "earlier", "each", "every", "apiece", "alone", "so", "too", "now", "this", "last",
];

/// `about`, `nearly`, `more than`, `at least`, `up to`, `fewer than` right before a figure.
fn qualifier_of(before: &str) -> Qualifier {
    let lower = before.trim_end().to_lowercase();
    let ends = |phrases: &[&str]| phrases.iter().any(|phrase| lower.ends_with(phrase));
    if ends(&["as many as", "as much as"]) {
        return Qualifier::AtMost;
    }
    // `35 to 40`, `six to eight`: the upper end of a range is approximate.
    if lower.ends_with(" to")
        && lower
            .trim_end_matches(" to")
            .ends_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
    {
        let previous = lower
            .trim_end_matches(" to")
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        if previous.chars().next().is_some_and(|c| c.is_ascii_digit())
            || words_value(previous).is_some()
        {
            return Qualifier::Approximate;
        }
    }
    if ends(&[
        "more than",
        "at least",
        "over",
        "upwards of",
        "in excess of",
        "no fewer than",
        "no less than",
    ]) {
        Qualifier::AtLeast
    } else if ends(&[
        "fewer than",
        "less than",
        "up to",
        "under",
        "at most",
        "no more than",
        "below",
    ]) {
        Qualifier::AtMost
    } else if ends(&[
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "approximately",
        "probably",
        "an estimated",
        "estimated",
        "circa",
        "more or less",
        "close to",
    ]) {
        Qualifier::Approximate
    } else {
        Qualifier::Exact
    }
}

/// What sets a sentence's figures on another occasion than the report's: a year other than
/// the publication's (`a majority of 9,781 at the 2019 general election`), `previous`/`last`
/// (`last year's toll`), a time counted back (`four years ago`), or a month named alone (`in
/// February`: news name the days of the week they report by weekday, so a month alone, other
/// than the publication's, is an earlier occasion).
fn scope_of(sentence: &str, published: Option<PublishedDate>) -> Option<String> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d)\b").expect("year pattern is valid"));
    static AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a\s+few|few|many)\s+(?:years|year|decades|decade|months|month)\s+ago\b",
        )
        .expect("ago pattern is valid")
    });
    static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:in|since|during)\s+(?:early|late|mid-?)?\s*(january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s*(\d{1,2}\b|,\s*\d{4}|\d{4}))?",
        )
        .expect("month pattern is valid")
    });
    let published_year = published.map(PublishedDate::year);
    let view = ascii_view(
        if may_have_year(sentence) {
            sentence
        } else {
            ""
        },
        &[],
    );
    for found in YEAR.find_iter(&view) {
        let year: i32 = found.as_str().parse().ok()?;
        if Some(year) != published_year {
            return Some(found.as_str().to_string());
        }
    }
    let lower = sentence.to_lowercase();
    let phrase = [
        "last year",
        "previous election",
        "last election",
        "the previous",
        "a year ago",
        "last month",
    ]
    .iter()
    .find(|phrase| lower.contains(*phrase));
    if let Some(phrase) = phrase {
        return Some(phrase.to_string());
    }
    if lower.contains(" ago")
        && let Some(found) = AGO.find(&ascii_view(&lower, &[]))
    {
        return Some(
            found
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if may_have_month(sentence) {
        let view = ascii_view(&lower, &[]);
        for found in MONTH_ALONE.captures_iter(&view) {
            // A day or a year beside the month is a date the other rules read.
            if found.get(2).is_some() {
                continue;
            }
            let month = found.get(1).expect("the month group always matches");
            let number = MONTHS
                .iter()
                .position(|name| *name == month.as_str())
                .map(|index| index as u8 + 1);
            if published.and_then(PublishedDate::month) != number {
                return Some(format!("in {}", month.as_str()));
            }
        }
    }
    None
}

/// A piece too short to be a sentence of its own (`Comr.`): what the splitter cut at an
/// abbreviation.
fn is_fragment(sentence: &str) -> bool {
    sentence.split_whitespace().count() <= 2
}

/// Whether a sentence carries on from the one before it with `It` (`It killed 612 people.`),
/// so that the occasion the previous sentence names is its own.
fn continues_previous(sentence: &str) -> bool {
    sentence
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|word| word == "It")
}

/// The clause of a sentence holding `figure`: the sentence cut at semicolons and dashes.
fn clause_around(sentence: &str, figure: Span) -> (usize, usize) {
    let is_cut = |c: char| matches!(c, ';' | '\u{2014}');
    let start = sentence[..figure.start()]
        .rfind(is_cut)
        .map_or(0, |i| i + is_cut_len(&sentence[i..]));
    let end = sentence[figure.end()..]
        .find(is_cut)
        .map_or(sentence.len(), |i| figure.end() + i);
    (start, end)
}

fn is_cut_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// Place phrases: `in Tarnby`, `across northern Veldt`, `in the district`.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?i:in|across|throughout|near)\s+(?:the\s+)?
        (?:(?:whole|entire|neighbouring|neighboring|nearby|northern|southern|eastern|western|central)\s+)?
        (?:
            (?P<name>[A-Z][\w'\u{2019}-]*(?:\s+[A-Z][\w'\u{2019}-]*)*
              # A list of places is a wider extent than its first: `in Tarnby, Orley and
              # other towns`.
              (?:(?:\s*,\s*[A-Z][\w'\u{2019}-]*(?:\s+[A-Z][\w'\u{2019}-]*)*)*
                 \s*,?\s+and\s+(?:other\s+(?:[a-z]+\s+)?[a-z]+|[A-Z][\w'\u{2019}-]*(?:\s+[A-Z][\w'\u{2019}-]*)*))?)
          | (?P<noun>district|region|province|city|town|village|area|county|state|country|capital|neighbou?rhood|island|valley|prefecture|municipality|regency)\b
        )",
    )
    .expect("place pattern is valid")
});

/// The kinds of place smaller than a story's region that a sentence refers back to.
const PLACE_UNITS: &[&str] = &[
    "district",
    "county",
    "regency",
    "prefecture",
    "municipality",
    "village",
    "town",
];

/// A named place with the kind of place after it (`Sorong regency`, `Bener district`), which
/// a later sentence may refer back to with `the regency`.
static NAMED_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s+(?P<noun>district|county|regency|prefecture|municipality|village|town)\b",
    )
    .expect("named place pattern is valid")
});

/// A place kind after `the` (`the regency police`), referring back to a named place.
static PLACE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bthe\s+(?P<noun>district|county|regency|prefecture|municipality|village|town)\b",
    )
    .expect("place reference pattern is valid")
});

/// Stretches of time: `over four nights`, `in the past 24 hours`, `in the first half`,
/// `since the storm`, `on Tuesday night`.
static TIME_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:
            (?:over|in|during|within|for|across)\s+(?:the\s+)?(?:first|past|last|previous|next|final|following)?\s*
              (?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+few|few|consecutive)\s+
              (?:consecutive\s+)?(?:nights|days|hours|weeks|months|years|minutes|seasons|rounds|games|matches)
          | in\s+the\s+(?:first|second|third|fourth|final|last|opening|closing)\s+[a-z]+
          | since\s+(?:the\s+)?[a-z]+
          | (?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:night|evening|morning|afternoon)
          | (?:on\s+)?(?:one|a\s+single)\s+(?:night|day|evening)
          # An occasion named by its day: `over the course of Saturday's protests`.
          | (?:during|over\s+the\s+course\s+of|throughout|at|in|after|since)\s+(?:the\s+)?
              (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last\s+night)
              \s?['\u{2019}]s\s+[a-z]+
        )\b",
    )
    .expect("time span pattern is valid")
});

/// Words that open a capitalised phrase after `in` without naming a place (besides month
/// and weekday names).
const NOT_PLACES: &[&str] = &[
    "English", "The", "A", "An", "All", "Total", "Addition", "Fact",
];

/// The part of the whole a figure covers, as its clause says: a place or a stretch of time
/// (the nearest such phrase after the figure in its clause, else the nearest before it).
fn extent_of(sentence: &str, figure: Span) -> Option<String> {
    let (start, end) = clause_around(sentence, figure);
    let clause = &sentence[start..end];
    let at = figure.start() - start;
    let figure_end = figure.end() - start;
    let mut found: Vec<(usize, String)> = Vec::new();
    // A phrase holding the figure itself (`in 54 games`) is what the figure counts.
    let mut keep = |from: usize, to: usize, phrase: &str| {
        if to <= at || from >= figure_end {
            found.push((from, phrase.to_string()));
        }
    };
    // The patterns run on the clause's ASCII view (see `prefilter`).
    for place in PLACE.captures_iter(&ascii_view(clause, &['\u{2019}'])) {
        let whole = place.get(0).expect("a match has a whole");
        if let Some(name) = place.name("name") {
            let first = name.as_str().split_whitespace().next().unwrap_or_default();
            if NOT_PLACES.contains(&first)
                || MONTH_NAMES.contains(&first)
                || WEEKDAY_NAMES.contains(&first)
            {
                continue;
            }
        }
        keep(whole.start(), whole.end(), whole.as_str());
    }
    for span in TIME_SPAN.find_iter(&ascii_view(clause, &['\u{2019}'])) {
        keep(span.start(), span.end(), span.as_str());
    }
    let after = found
        .iter()
        .filter(|(offset, _)| *offset >= at)
        .min_by_key(|(offset, _)| *offset);
    let before = found
        .iter()
        .filter(|(offset, _)| *offset < at)
        .max_by_key(|(offset, _)| *offset);
    after.or(before).map(|(_, phrase)| {
        phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
}

/// The place a sentence limits its figures to by referring back to the sentence before:
/// `the regency` after `... in Sorong regency.` names that regency. Without a named place of
/// that kind in the sentence before, nothing (a bare `the province` is usually the story's
/// own).
fn place_referred_back(sentence: &str, before: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    if !PLACE_UNITS.iter().any(|noun| lower.contains(noun)) {
        return None;
    }
    let view = ascii_view(sentence, &[]);
    let referred = PLACE_REFERENCE.captures(&view)?;
    let noun = referred
        .name("noun")
        .expect("the noun group always matches")
        .as_str()
        .to_lowercase();
    let before_view = ascii_view(before, &[]);
    NAMED_PLACE
        .captures_iter(&before_view)
        .filter(|named| named["noun"].eq_ignore_ascii_case(&noun))
        .last()
        .map(|named| format!("in {} {noun}", named["name"].to_lowercase()))
}

/// True when the words around a figure make it a requirement: `needed`, `required` or
/// `necessary` right after it (within its noun phrase), or a verb of needing right before.
fn is_requirement(before: &str, after: &str) -> bool {
    let after_words: Vec<String> = after
        .split_whitespace()
        .take(4)
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .collect();
    let needed_after = after_words
        .iter()
        .take_while(|word| !matches!(word.as_str(), "and" | "but" | "which" | "that" | ""))
        .any(|word| matches!(word.as_str(), "needed" | "required" | "necessary"));
    let before_words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .collect();
    let needs_before = before_words.iter().any(|word| {
        matches!(
            word.as_str(),
            "need" | "needs" | "needed" | "require" | "requires" | "required"
        )
    });
    needed_after || needs_before
}

/// True when the figure is marked as belonging to an earlier time: `then-15-year-old`,
/// `the then 15`.
fn marked_earlier(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    lower.ends_with("then-") || lower.ends_with("then -") || lower.ends_with(" then")
}

/// Whose age it is: the name right after `N-year-old`, or the name before `, N,`;
/// otherwise nobody (an age is never guessed from a person further away).
fn age_subject(
    text: &str,
    sentence: Span,
    figure: Span,
    after: &str,
    found: &[Found],
) -> Option<usize> {
    let lower_after = after.to_lowercase();
    if lower_after
        .trim_start_matches(['-', ' '])
        .starts_with("year")
    {
        let old_at = lower_after.find("old")? + 3;
        let from = figure.end() + old_at;
        let limit = (from + 40).min(sentence.end());
        return found
            .iter()
            .find(|f| {
                f.mention.span.start() >= from
                    && f.mention.span.start() <= limit
                    && f.mention.kind == EntityKind::Person
            })
            .filter(|f| {
                // `the 10-year-old's death and Timmons' arrest`: the N-year-old is a person
                // of its own, so the age is not the later name's.
                let between = &text[from..f.mention.span.start()];
                between.split_whitespace().count() <= 3
                    && !between.contains(['\'', '\u{2019}', ','])
                    && !between.split_whitespace().any(|word| word == "and")
            })
            .and_then(|f| f.mention.entity);
    }
    let before = text[sentence.start()..figure.start()]
        .trim_end()
        .strip_suffix(',')?;
    let name_end = sentence.start() + before.trim_end().len();
    found
        .iter()
        .find(|f| f.mention.span.end() == name_end)
        .and_then(|f| f.mention.entity)
}

/// Whose figure it is: a possessive right before it, a person right after `for`, or the
/// nearest person or organisation before it in the sentence (a pronoun taken back to its
/// person).
fn subject_of(
    text: &str,
    sentence: Span,
    figure: Span,
    property: &str,
    after: &str,
    found: &[Found],
    entities: &[ArticleEntity],
) -> Option<usize> {
    let is_agent = |f: &Found| {
        let kind = f
            .mention
            .entity
            .and_then(|e| entities.get(e))
            .map_or(f.mention.kind, |e| e.kind);
        matches!(kind, EntityKind::Person | EntityKind::Organization)
            || (kind == EntityKind::Other && f.name_words.len() >= 2)
    };
    // `11,269 for the Union Party's Marcus Whitlow`.
    if let Some(rest) = after.trim_start().strip_prefix("for ") {
        let from = figure.end() + (after.len() - after.trim_start().len()) + 4;
        let limit = from + rest.find([',', '.', ';']).unwrap_or(rest.len());
        if let Some(person) = found.iter().rev().find(|f| {
            f.mention.span.start() >= from && f.mention.span.end() <= limit && is_agent(f)
        }) {
            return person.mention.entity;
        }
    }
    let before: Vec<&Found> = found
        .iter()
        .filter(|f| {
            f.mention.span.start() >= sentence.start()
                && f.mention.span.end() <= figure.start()
                && is_agent(f)
        })
        .collect();
    let person_like = |f: &&&Found| {
        let kind = f
            .mention
            .entity
            .and_then(|e| entities.get(e))
            .map_or(f.mention.kind, |e| e.kind);
        kind == EntityKind::Person || (kind == EntityKind::Other && f.name_words.len() >= 2)
    };
    // A majority is the winner's: the sentence's first person, not the runner-up named last.
    let chosen = if property == "majority" {
        before.iter().find(person_like)
    } else {
        before.iter().rev().find(person_like)
    };
    if let Some(person) = chosen.or(before.last()) {
        return person.mention.entity;
    }
    // `She won 14,873`, `Her majority of 3,604`: a pronoun opening the sentence stands for
    // the last person before it.
    let opener = text[sentence.range()]
        .split_whitespace()
        .next()
        .unwrap_or_default();
    if matches!(opener, "He" | "She" | "They" | "His" | "Her" | "Their") {
        return found
            .iter()
            .rev()
            .filter(|f| f.mention.span.end() <= sentence.start())
            .find(|f| {
                f.mention
                    .entity
                    .and_then(|e| entities.get(e))
                    .is_some_and(|e| e.kind == EntityKind::Person)
            })
            .and_then(|f| f.mention.entity);
    }
    None
}

#[cfg(test)]
mod tests {
    use corroborate_model::{Article, ArticleId, CleanText, OffsetMap, PublishedDate};
    use expect_test::{Expect, expect};

    use crate::{AnalyzeConfig, analyze};

    fn check(text: &str, expect: Expect) {
        let article = Article {
            id: ArticleId::new("t.txt"),
            input: "t.txt".into(),
            title: None,
            outlet: None,
            published: PublishedDate::parse("2024-03-15"),
            text: text.into(),
            origin: OffsetMap::identity(text.len()),
        };
        let clean = CleanText {
            article,
            text: text.into(),
            map: OffsetMap::identity(text.len()),
            removed: vec![],
        };
        let analyzed = analyze(&clean, &AnalyzeConfig::default());
        let rows: Vec<String> = analyzed
            .claims
            .iter()
            .map(|claim| {
                let subject = claim
                    .subject
                    .map_or("-".to_string(), |e| analyzed.entities[e].name.clone());
                let scope = claim.scope.clone().unwrap_or("-".into());
                format!(
                    "{} = {} | {} | {subject} | {scope} | {}",
                    claim.display,
                    claim.value,
                    claim.property,
                    claim.qualifier.as_str()
                )
            })
            .collect();
        let shown = if rows.is_empty() {
            String::new()
        } else {
            rows.join("\n") + "\n"
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn counts_with_separators_decimals_and_nouns() {
        check(
            "Ms Ada Marr won 14,512 votes. Turnout was 41.7%, and 117 ballot papers were rejected.",
            expect![[r#"
                14,512 = 14512 | votes | Ada Marr | - | exact
                41.7% = 41.7 | percent turnout | - | - | exact
                117 = 117 | ballot papers | - | - | exact
            "#]],
        );
    }

    #[test]
    fn majority_from_the_verb_and_votes_from_polled() {
        check(
            "Ms Ada Marr won by 402 votes. Mr Tom Hale polled 8,100 and Mr Ned Voss took 950 votes.",
            expect![[r#"
                402 = 402 | majority | Ada Marr | - | exact
                8,100 = 8100 | votes | Tom Hale | - | exact
                950 = 950 | votes | Ned Voss | - | exact
            "#]],
        );
    }

    #[test]
    fn number_words_money_and_ranks() {
        check(
            "Fourteen schools closed. The repairs cost £2.4 million and the council paid $30 refunds. Mr Ned Voss came third.",
            expect![[r#"
                Fourteen = 14 | schools | - | - | exact
                £2.4 million = 2400000 | money | - | - | exact
                $30 = 30 | money refunds | - | - | exact
                third = 3 | rank | Ned Voss | - | exact
            "#]],
        );
    }

    #[test]
    fn a_scale_word_after_a_vague_count_is_no_figure() {
        check(
            "Several dozen people were hurt, a few hundred fled and a dozen stayed. One must wait, as in the early nineteen-seventies.",
            expect![[r#"
                a dozen = 12 | stayed | - | - | exact
            "#]],
        );
    }

    #[test]
    fn qualifiers_hedge_figures() {
        check(
            "About 900 people came, more than 8,000 ballots arrived, and up to 40 staff helped.",
            expect![[r#"
                900 = 900 | people | - | - | approximate
                8,000 = 8000 | ballots | - | - | lower bound
                40 = 40 | staff | - | - | upper bound
            "#]],
        );
    }

    #[test]
    fn dates_times_and_years_are_not_claims() {
        check(
            "On March 15 at 3.12am, after the 2019 vote and 14:32 updates, 1. nothing else.",
            expect![""],
        );
    }

    #[test]
    fn another_year_scopes_the_figure_and_quotes_mark_it() {
        check(
            "At the 2019 general election Mr Ian Toll held the seat with a majority of 9,781. \u{201C}They took 5,000 votes from us,\u{201D} said Mr Tom Hale.",
            expect![[r#"
                9,781 = 9781 | majority | Ian Toll | 2019 | exact
                5,000 = 5000 | quoted votes | - | - | exact
            "#]],
        );
    }

    #[test]
    fn ages_in_apposition() {
        check(
            "Ada Marr, 34, won. Her mother Ruth Marr, aged 68, watched.",
            expect![[r#"
                34 = 34 | age | Ada Marr | - | exact
                68 = 68 | age | - | - | exact
            "#]],
        );
    }

    #[test]
    fn a_requirement_is_its_own_property() {
        check(
            "The Union Party holds a majority of 160, and a majority of 151 votes needed is within reach. The bill requires 200 signatures.",
            expect![[r#"
                160 = 160 | majority | Union Party | - | exact
                151 = 151 | majority needed | Union Party | - | exact
                200 = 200 | signatures needed | - | - | exact
            "#]],
        );
    }

    #[test]
    fn an_age_of_an_earlier_time_is_scoped_and_a_neighbour_keeps_its_own() {
        check(
            "Counsel said the then-15-year-old Ada Marr was at the scene. The 10-year-old's death and Ada Marr's arrest shocked the town. The 16-year-old Ada Marr denies it. The then- 15-year-old Ned Voss ran.",
            expect![[r#"
                10 = 10 | age | - | - | exact
                16 = 16 | age | Ada Marr | - | exact
                15 = 15 | age | - | at the time | exact
            "#]],
        );
    }

    #[test]
    fn a_population_joined_by_and_is_counted_whole() {
        check(
            "The ferry carried 420 passengers and crew. Some 135 homes and other buildings fell, and 12 cars and injured drivers were seen.",
            expect![[r#"
                420 = 420 | passengers and crew | - | - | exact
                135 = 135 | homes and other buildings | - | - | approximate
                12 = 12 | cars | - | - | exact
            "#]],
        );
    }

    #[test]
    fn scale_words_after_glued_digits_and_house_numbers_are_not_figures() {
        check(
            "The firm was valued at a sub-$400 million price. The bodies were found at 24 Kell Street in Orley.",
            expect![""],
        );
    }

    #[test]
    fn a_time_counted_back_or_a_month_alone_scopes_the_figure() {
        // Published 15 March 2024: February is an earlier occasion, March is the report's.
        check(
            "The flood four years ago killed 310 people. A storm in February killed 12 people. Nine people died in March. Since January 3 some 20 homes were lost.",
            expect![[r#"
                four = 4 | years | - | four years ago | exact
                310 = 310 | people killed | - | four years ago | exact
                12 = 12 | people killed | - | in february | exact
                Nine = 9 | people killed | - | - | exact
                20 = 20 | homes | - | - | approximate
            "#]],
        );
    }

    #[test]
    fn a_sentence_carrying_on_takes_the_occasion_before_it() {
        check(
            "The last big quake to hit Varno was in 2011. It killed 640 people. Rescuers said 14 people were killed on Sunday.",
            expect![[r#"
                640 = 640 | people killed | - | 2011 | exact
                14 = 14 | people killed | - | - | exact
            "#]],
        );
    }

    #[test]
    fn a_figure_cut_at_its_decimal_point_keeps_the_occasion_before_the_cut() {
        check(
            "In February a quake measuring 6 . 4 hit Varno , killing 612 people .",
            expect![[r#"
                4 = 4 | hit varno | - | in february | exact
                612 = 612 | people killed | - | in february | exact
            "#]],
        );
    }

    fn extents(text: &str) -> Vec<Option<String>> {
        let article = Article {
            id: ArticleId::new("t.txt"),
            input: "t.txt".into(),
            title: None,
            outlet: None,
            published: None,
            text: text.into(),
            origin: OffsetMap::identity(text.len()),
        };
        let clean = CleanText {
            article,
            text: text.into(),
            map: OffsetMap::identity(text.len()),
            removed: vec![],
        };
        analyze(&clean, &AnalyzeConfig::default())
            .claims
            .into_iter()
            .map(|claim| claim.extent)
            .collect()
    }

    #[test]
    fn a_place_in_the_clause_limits_the_figure() {
        assert_eq!(
            extents(
                "Ten houses were damaged in Tarnby, the district capital. More than 300 houses were damaged across the province. An airstrike in Old Quay left three wounded; 55 people were wounded at the school."
            ),
            vec![
                Some("in tarnby".to_string()),
                Some("across the province".to_string()),
                Some("in old quay".to_string()),
                None,
            ]
        );
    }

    #[test]
    fn a_stretch_of_time_limits_the_figure_and_months_are_not_places() {
        assert_eq!(
            extents(
                "Over 50 arrests were made over four nights of protest. There were 46 arrests on Tuesday night. In the first hour 12 calls came in. Some 40 people left in March."
            ),
            vec![
                Some("over four nights".to_string()),
                // `four` itself: the phrase holding it is what it counts.
                None,
                Some("on tuesday night".to_string()),
                Some("in the first hour".to_string()),
                None,
            ]
        );
    }

    #[test]
    fn an_occasion_named_by_its_day_limits_the_figure() {
        assert_eq!(
            extents(
                "Police made 86 arrests over the course of Saturday\u{2019}s protests. Another 14 people were arrested during Sunday 's march. More than 200 people have been arrested."
            ),
            vec![
                Some("over the course of saturday\u{2019}s protests".to_string()),
                Some("during sunday 's march".to_string()),
                None,
            ]
        );
    }

    #[test]
    fn a_list_of_places_is_wider_than_its_first() {
        assert_eq!(
            extents(
                "The wave left 9,000 people dead in Varno, Kessa, Tull and other countries. Some 6,000 died in Varno."
            ),
            vec![
                Some("in varno, kessa, tull and other countries".to_string()),
                Some("in varno".to_string()),
            ]
        );
    }

    #[test]
    fn a_place_kind_refers_back_to_the_place_named_before() {
        assert_eq!(
            extents(
                "The tremor was also felt in Orbec regency. The regency police said it damaged 18 houses. The province said 1,200 houses were damaged."
            ),
            vec![Some("in orbec regency".to_string()), None]
        );
    }

    #[test]
    fn a_sentence_cut_at_an_abbreviation_is_read_whole() {
        assert_eq!(
            extents(
                "The tremor was also felt in Orbec regency. The regency police spokesman Snr. Comr. Ana Belo told the Orbec Post the quakes had damaged 18 houses ."
            ),
            vec![Some("in orbec regency".to_string())]
        );
    }

    #[test]
    fn a_phrase_holding_the_figure_is_not_its_extent() {
        assert_eq!(
            extents("He scored 43 runs in 54 games."),
            vec![Some("in 54 games".to_string()), None]
        );
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;
    use crate::prefilter::all_captures;
    use proptest::prelude::*;

    /// Pieces that the figure patterns and their gates react to, and some that fool them.
    const PIECES: &[&str] = &[
        "one",
        "someone",
        "Ten",
        "often",
        "twenty",
        "six",
        "\u{017F}ix",
        "\u{212A}",
        "a",
        "dozen",
        "and",
        "-",
        "came",
        "was",
        "first",
        "last",
        "thirst",
        "3",
        "\u{0663}",
        "$",
        " ",
        "\u{00A0}",
        "\u{201C}",
        ",",
        "in",
        "\u{00E9}",
        "\u{00A3}",
        "\u{2019}",
        "\u{2014}",
        "Tarn",
        "nights",
        "per cent",
    ];

    proptest! {
        /// A gate that says no means the pattern finds nothing: results never depend on
        /// the gates.
        #[test]
        fn gates_never_hide_a_match(indices in proptest::collection::vec(0..PIECES.len(), 0..12)) {
            let sentence: String = indices.iter().map(|&i| PIECES[i]).collect();
            let s = sentence.as_str();
            prop_assert!(may_have_digit(s) || !DIGITS.is_match(s), "{s:?}");
            prop_assert!(WORD_NUMBER_NEEDLES.may_match(s) || !WORD_NUMBERS.is_match(s), "{s:?}");
            prop_assert!(ORDINAL_NEEDLES.may_match(s) || !ORDINAL_WORDS.is_match(s), "{s:?}");
        }

        /// The patterns find the same matches in a sentence's ASCII view as in the sentence.
        #[test]
        fn the_ascii_view_keeps_every_match(indices in proptest::collection::vec(0..PIECES.len(), 0..12)) {
            let sentence: String = indices.iter().map(|&i| PIECES[i]).collect();
            for (pattern, matched) in [
                (&DIGITS, &['\u{00A3}', '\u{20AC}'][..]),
                (&WORD_NUMBERS, &[]),
                (&ORDINAL_WORDS, &[]),
                (&PLACE, &['\u{2019}']),
                (&TIME_SPAN, &[]),
            ] {
                prop_assert_eq!(
                    all_captures(pattern, &ascii_view(&sentence, matched)),
                    all_captures(pattern, &sentence),
                    "{:?}", sentence
                );
            }
        }
    }
}
