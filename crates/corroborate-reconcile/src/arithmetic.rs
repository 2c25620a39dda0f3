//! Arithmetic a sentence states about its own figures, checked: a percentage against the
//! count and total it is given with (`12 of the 40 schools, or 30%`), a change against its
//! two figures (`rose from 200 to 250, up 25%`, `doubled from 40 to 80`), and parts against
//! the total they are listed with (`3 were killed and 9 hurt, 12 casualties in all`; `of the
//! 60 seats, 35 went to the Field Party and 25 to Labour`).
//!
//! A check fires only when the wording ties the figures together in one clause; figures
//! that merely share a sentence are left alone, since a wrong check is worse than none.

use std::sync::LazyLock;

use corroborate_model::{BriefFact, Claim, Evidence, FactCheck, Qualifier, SourceId, Story};
use regex::Regex;

/// A figure in digits, with an optional scale word (`1,200`, `4.5`, `2 million`).
const NUMBER: &str =
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(million|billion|bn|m|thousand)\b)?";
const PERCENT: &str = r"(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)";

/// `12 of the 40 schools (30%)`, `12 out of 40 schools, or 30 per cent`, `9 of 20 electors
/// voted, a turnout of 45%`.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{NUMBER}\s+(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?{NUMBER}(?:\s+[a-z][a-z-]*){{0,3}}\s*(?:\(|,\s*(?:or\s+|about\s+|some\s+|an?\s+[a-z]+\s+of\s+)?){PERCENT}"
    ))
    .expect("share pattern is valid")
});

/// `rose from 200 to 250` with `by 25%` or `, up 25%` right after, or `doubled from 40 to 80`.
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<verb>rose|risen|increased|grew|grown|climbed|jumped|fell|fallen|dropped|declined|decreased|doubled|tripled|trebled|halved)\s+(?:by\s+{PERCENT}\s+)?from\s+[£$€]?{NUMBER}\s+to\s+[£$€]?{NUMBER}(?:\s*(?:,\s*(?:up|down|an?\s+(?:increase|rise|fall|drop)\s+of)\s+|\s+or\s+){PERCENT})?"
    ))
    .expect("change pattern is valid")
});

/// Adds the sentence checks of every article to the facts holding the checked figures.
pub(crate) fn check_sentences(story: &Story, facts: &mut [BriefFact]) {
    for (article_index, article) in story.articles.iter().enumerate() {
        let source = SourceId::from_index(article_index);
        let text = article.clean.text.as_str();
        for sentence in &article.sentences {
            let Some(sentence_text) = text.get(sentence.span.range()) else {
                continue;
            };
            for found in share_checks(sentence_text)
                .into_iter()
                .chain(change_checks(sentence_text))
            {
                let start = sentence.span.start() + found.figure.0;
                let end = sentence.span.start() + found.figure.1;
                let Some(claim) = article
                    .claims
                    .iter()
                    .find(|claim| claim.span.start() < end && start < claim.span.end())
                else {
                    continue;
                };
                let evidence = Evidence {
                    source,
                    span: article.clean.input_span(claim.span),
                };
                attach(facts, &evidence, found.check);
            }
            let claims: Vec<Figure> = article
                .claims
                .iter()
                .filter(|claim| sentence.span.start() <= claim.span.start())
                .filter(|claim| claim.span.end() <= sentence.span.end())
                .map(|claim| Figure::of(claim, sentence.span.start()))
                .collect();
            if claims.is_empty() {
                continue;
            }
            let figures = with_bare_figures(sentence_text, claims);
            for found in total_checks(sentence_text, &figures) {
                let Some(claim) = figures[found.total].claim else {
                    continue;
                };
                let evidence = Evidence {
                    source,
                    span: article.clean.input_span(claim.span),
                };
                attach_total(facts, &evidence, &found);
            }
        }
    }
}

/// A check and the byte range (in the sentence) of the figure it is about.
struct Found {
    figure: (usize, usize),
    check: FactCheck,
}

fn attach(facts: &mut [BriefFact], evidence: &Evidence, check: FactCheck) {
    for fact in facts.iter_mut() {
        if let Some(value) = fact
            .values
            .iter_mut()
            .find(|value| value.evidence.contains(evidence))
        {
            value.consistent = Some(value.consistent.unwrap_or(true) && check.holds);
            fact.comparable = true;
            if !fact.checks.contains(&check) {
                fact.checks.push(check);
            }
            return;
        }
    }
}

/// A stated total and the parts listed with it, found in one sentence.
struct TotalFound {
    /// Index of the total among the sentence's figures.
    total: usize,
    parts_sum: f64,
    /// `in all`, `a total of`: the parts are the whole total. `of the 60 seats, ...`: the
    /// parts are some of the whole, so they may sum to less.
    exhaustive: bool,
    check: FactCheck,
}

/// Marks the value stating the total, and any other value of its fact that says how many
/// in all (another outlet's total), by whether it fits the parts.
fn attach_total(facts: &mut [BriefFact], evidence: &Evidence, found: &TotalFound) {
    let Some(fact) = facts
        .iter_mut()
        .find(|fact| fact.values.iter().any(|v| v.evidence.contains(evidence)))
    else {
        return;
    };
    for value in &mut fact.values {
        let stating = value.evidence.contains(evidence);
        if !stating && value.qualifier != Qualifier::Exact {
            continue;
        }
        let holds = total_fits(found.parts_sum, value.value, found.exhaustive);
        value.consistent = Some(value.consistent.unwrap_or(true) && holds);
    }
    fact.comparable = true;
    if !fact.checks.contains(&found.check) {
        fact.checks.push(found.check.clone());
    }
}

fn total_fits(parts_sum: f64, total: f64, exhaustive: bool) -> bool {
    let slack = 1e-9 * total.abs().max(parts_sum.abs()).max(1.0);
    if exhaustive {
        (parts_sum - total).abs() <= slack
    } else {
        parts_sum <= total + slack
    }
}

/// A figure of one sentence, as the total check reads it: a claim, or a bare figure the
/// claims leave out because no noun follows it (`35 went to the Field Party and 20 to
/// Labour`), which may be a part but never the checked total.
struct Figure<'a> {
    claim: Option<&'a Claim>,
    value: f64,
    /// Byte range in the sentence.
    start: usize,
    end: usize,
    /// What the figure is measured in: parts add up only in the total's unit. None for
    /// figures never added up (ranks, ages, hedged figures).
    unit: Option<String>,
}

impl<'a> Figure<'a> {
    /// Exact counts, percentages and sums of money have a unit; ranks, ages and hedged
    /// figures are not added up.
    fn of(claim: &'a Claim, sentence_start: usize) -> Figure<'a> {
        let property = claim.property.trim_start_matches("quoted ");
        let summable = claim.qualifier == Qualifier::Exact
            && claim.value.is_finite()
            && claim.value >= 0.0
            && !matches!(property, "rank" | "age" | "magnitude");
        let unit = if !summable {
            None
        } else if claim.display.contains('%') || property.starts_with("percent") {
            Some("percent".to_string())
        } else if property.starts_with("money") {
            let symbol: String = claim
                .display
                .chars()
                .take_while(|c| !c.is_ascii_digit())
                .collect();
            Some(format!("money {}", symbol.trim()))
        } else {
            Some("count".to_string())
        };
        Figure {
            claim: Some(claim),
            value: claim.value,
            start: claim.span.start() - sentence_start,
            end: claim.span.end() - sentence_start,
            unit,
        }
    }
}

/// Digits in a sentence (ASCII classes, so the search stays on the fast engine).
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)")
        .expect("bare number pattern is valid")
});

/// The sentence's claims with the digit figures that are no claim added in order: exact
/// counts, percentages or money by the signs around them; years, times, hedged figures and
/// figures inside words (`G20`) get no unit, so they are never added up and break a list.
fn with_bare_figures<'a>(sentence: &str, claims: Vec<Figure<'a>>) -> Vec<Figure<'a>> {
    let mut figures = claims;
    for found in BARE_NUMBER.find_iter(sentence) {
        let (start, end) = (found.start(), found.end());
        if figures.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        let before = &sentence[..start];
        let after = &sentence[end..];
        let Ok(value) = found.as_str().replace(',', "").parse::<f64>() else {
            continue;
        };
        let glued = before.ends_with(|c: char| c.is_alphanumeric() || c == '.' || c == '-')
            || after.starts_with(|c: char| c.is_alphanumeric() || c == ':' || c == '/')
            || (after.starts_with(['.', ','])
                && after[1..].starts_with(|c: char| c.is_ascii_digit()));
        let year = !found.as_str().contains([',', '.']) && (1000.0..3000.0).contains(&value);
        let last_word = before
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        let hedged = matches!(
            last_word.as_str(),
            "about"
                | "around"
                | "nearly"
                | "almost"
                | "some"
                | "roughly"
                | "over"
                | "than"
                | "to"
                | "approximately"
                | "least"
                | "most"
                | "under"
                | "estimated"
        );
        let currency = before.ends_with(['£', '$', '€']);
        let after_trimmed = after.trim_start();
        let percent = after_trimmed.starts_with('%')
            || after_trimmed.starts_with("per cent")
            || after_trimmed.starts_with("percent");
        let unit = if glued || year || hedged || !value.is_finite() {
            None
        } else if percent {
            Some("percent".to_string())
        } else if currency {
            Some(format!(
                "money {}",
                before.chars().next_back().unwrap_or(' ')
            ))
        } else {
            Some("count".to_string())
        };
        figures.push(Figure {
            claim: None,
            value,
            start,
            end,
            unit,
        });
    }
    figures.sort_by_key(|figure| figure.start);
    figures
}

/// `, 12 casualties in all`, `, a total of 12`: the words between the last part and the
/// total: the last part's own few words, then a comma, colon, dash or bracket, then maybe a
/// total word.
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<own>(?:\s*[\w'-]+){0,4})\s*(?:,|:|\(|—|–|\s-)\s*(?P<word>(?:(?:for|with)\s+)?(?:(?:a|the)\s+)?(?:(?:combined|grand)\s+)?total\s+of|totall?ing|in\s+all,?|in\s+total,?|altogether,?|all\s+told,?)?\s*$")
        .expect("total gap pattern is valid")
});
/// `12 casualties in all.`: a total word after the total's own noun, closing the clause.
static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:[a-z-]+\s+){0,2}?(?:in\s+all|in\s+total|altogether|all\s+told|combined)\s*(?:[,.;:)!?]|—|–|$)")
        .expect("total word pattern is valid")
});
/// `a total of 12 casualties.`: the total's own noun, then the clause ends (`a total of 30
/// officers took part` makes the total the subject of another statement).
static TOTAL_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s+[a-z'-]+){0,2}\s*(?:[,.;:)!?]|—|–|$)")
        .expect("total end pattern is valid")
});
/// Two parts listed side by side: the first part's own words (`were killed`, `went to the
/// Field Party`), then `and`, `plus` or a comma, then the next figure (or `another`, or the
/// next part's own verb: `killed 3 people and injured 9 others`).
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<own>(?:\s*[\w'-]+){0,5}?)\s*(?P<conj>,\s*and|,|\band|\bplus)\s+(?:another\s+|a\s+further\s+|further\s+|[a-z]+(?:ed|ing)\s+)?$")
        .expect("coordination pattern is valid")
});
/// `Of the 60 seats, ...` opening the sentence.
static OF_THE_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:out\s+)?of\s+(?:(?:the|all|these|those)\s+)?$")
        .expect("whole pattern is valid")
});
/// `seats, ` between the whole and its first part.
static WHOLE_TO_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*[\w'-]+){0,4}\s*,\s*$").expect("whole gap pattern is valid")
});
/// Words in a part's own phrase that make the figures something other than a list of parts:
/// a subset (`including`, `of whom`), alternatives, a rate or a running total.
const NOT_A_LIST: &[&str] = &[
    "of",
    "including",
    "among",
    "whom",
    "which",
    "or",
    "between",
    "than",
    "per",
    "each",
    "every",
    "bringing",
    "raising",
    "taking",
    "up",
    "down",
];

/// How two neighbouring figures are joined, when they are two parts of one list.
#[derive(PartialEq, Clone, Copy)]
enum Join {
    Comma,
    And,
}

/// Parts listed with the total they add up to, in one sentence, checked. Fires only on the
/// plain shapes of a sum: parts in one unit listed as `A, B and C` (each with at most its own
/// few words), then the total set off by a comma, dash, colon or bracket with an explicit
/// total word (`in all`, `in total`, `altogether`, `a total of`, `combined`); or a sentence
/// opening `Of the N ...,` followed by such a list (the parts may then sum to less than the
/// whole). When a list before a total is longer than two, a tail of it that makes the total
/// is read as the parts (`in 3 towns, 12 dead and 30 hurt, 42 in all`), and if none does the
/// parts are unclear and nothing is checked.
fn total_checks(sentence: &str, figures: &[Figure]) -> Vec<TotalFound> {
    let mut found = Vec::new();
    let gap = |a: &Figure, b: &Figure| sentence.get(a.end..b.start).unwrap_or("");
    let denies = |own: &str| {
        own.split(|c: char| !c.is_alphanumeric())
            .any(|word| NOT_A_LIST.contains(&word.to_lowercase().as_str()))
    };
    let join = |a: usize, b: usize| -> Option<Join> {
        if figures[a].unit.is_none() || figures[a].unit != figures[b].unit {
            return None;
        }
        let captures = COORDINATED.captures(gap(&figures[a], &figures[b]))?;
        if denies(&captures["own"]) {
            return None;
        }
        Some(if captures["conj"].trim() == "," {
            Join::Comma
        } else {
            Join::And
        })
    };
    // `between 3 and 5` is a range; `in 2 towns and 4 villages` counts places, not parts of
    // a toll.
    let after_a_preposition = |index: usize| {
        let before = sentence.get(..figures[index].start).unwrap_or("");
        before.split_whitespace().next_back().is_some_and(|word| {
            matches!(
                word.to_lowercase().as_str(),
                "between"
                    | "from"
                    | "in"
                    | "across"
                    | "at"
                    | "on"
                    | "over"
                    | "within"
                    | "to"
                    | "by"
                    | "for"
                    | "with"
                    | "into"
            )
        })
    };
    for (total_index, total) in figures.iter().enumerate() {
        if total.claim.is_none() {
            continue;
        }
        // `A, B and C, N in all`: the list ends with `and`, commas before it.
        if total_index >= 2 {
            let last = total_index - 1;
            let explicit = TOTAL_BEFORE
                .captures(gap(&figures[last], total))
                .filter(|captures| !denies(&captures["own"]))
                .is_some_and(|captures| {
                    let after = sentence.get(total.end..).unwrap_or("");
                    (captures.name("word").is_some() && TOTAL_END.is_match(after))
                        || TOTAL_AFTER.is_match(after)
                });
            if explicit
                && total.unit.is_some()
                && figures[last].unit == total.unit
                && join(last - 1, last) == Some(Join::And)
            {
                let mut run = vec![last - 1, last];
                while run[0] > 0 && join(run[0] - 1, run[0]) == Some(Join::Comma) {
                    run.insert(0, run[0] - 1);
                }
                let tail = (0..=run.len() - 2).find(|&from| {
                    let sum: f64 = run[from..].iter().map(|&i| figures[i].value).sum();
                    total_fits(sum, total.value, true)
                });
                let from = match tail {
                    Some(from) => Some(from),
                    None if run.len() == 2 => Some(0),
                    None => None,
                };
                if let Some(from) = from.filter(|&from| !after_a_preposition(run[from])) {
                    let parts = &run[from..];
                    let sum = parts.iter().map(|&i| figures[i].value).sum();
                    found.push(total_found(figures, parts, total_index, sum, true));
                    continue;
                }
            }
        }
        // `Of the N things, A, B and C`.
        let opening = sentence.get(..total.start).unwrap_or("");
        let Some(first) = figures.get(total_index + 1) else {
            continue;
        };
        if !OF_THE_WHOLE.is_match(opening)
            || total.unit.is_none()
            || first.unit != total.unit
            || !WHOLE_TO_PARTS.is_match(gap(total, first))
        {
            continue;
        }
        let mut run = vec![total_index + 1];
        let mut closed = false;
        while let Some(next) = Some(run[run.len() - 1] + 1).filter(|&n| n < figures.len()) {
            match join(next - 1, next) {
                Some(Join::Comma) => run.push(next),
                Some(Join::And) => {
                    run.push(next);
                    closed = true;
                    break;
                }
                None => break,
            }
        }
        if closed {
            let sum = run.iter().map(|&i| figures[i].value).sum();
            found.push(total_found(figures, &run, total_index, sum, false));
        }
    }
    found
}

fn total_found(
    figures: &[Figure],
    parts: &[usize],
    total_index: usize,
    sum: f64,
    exhaustive: bool,
) -> TotalFound {
    let total = figures[total_index].value;
    let holds = total_fits(sum, total, exhaustive);
    let terms: Vec<String> = parts.iter().map(|&i| number(figures[i].value)).collect();
    let (rule, verdict) = if exhaustive {
        (
            "parts sum to the stated total",
            if holds {
                format!("the stated total of {}", number(total))
            } else {
                format!("not the stated total of {}", number(total))
            },
        )
    } else {
        (
            "parts of a stated whole sum to at most the whole",
            if holds {
                format!("within the stated whole of {}", number(total))
            } else {
                format!("more than the stated whole of {}", number(total))
            },
        )
    };
    TotalFound {
        total: total_index,
        parts_sum: sum,
        exhaustive,
        check: FactCheck {
            rule: rule.to_string(),
            holds,
            explanation: format!("{} = {}, {verdict}", terms.join(" + "), number(sum)),
        },
    }
}

/// A number as written, scaled by its word.
fn parse_number(digits: &str, scale: Option<&str>) -> Option<f64> {
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let factor = match scale.map(str::to_lowercase).as_deref() {
        Some("million" | "m") => 1e6,
        Some("billion" | "bn") => 1e9,
        Some("thousand") => 1e3,
        _ => 1.0,
    };
    Some(value * factor)
}

/// How far a stated percentage may be from the computed one: one unit of its last digit
/// (`41.7` may stand for 41.65 to 41.75, or be truncated), and at least half a point.
fn tolerance(stated: &str) -> f64 {
    let decimals = stated.split('.').nth(1).map_or(0, str::len);
    (10f64.powi(-(decimals as i32))).max(0.5)
}

/// Whether `needle` (lower-case ASCII) occurs in `text`, ignoring ASCII case.
fn contains_ignoring_case(text: &str, needle: &[u8]) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

fn share_checks(sentence: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // Cheap necessary conditions first: the pattern's Unicode word boundaries make the
    // regex search slow, and most sentences hold no percentage.
    if !sentence.contains('%') && !contains_ignoring_case(sentence, b"cent") {
        return found;
    }
    for captures in SHARE.captures_iter(sentence) {
        let (Some(part), Some(whole), Some(percent)) = (
            captures
                .get(1)
                .and_then(|m| parse_number(m.as_str(), captures.get(2).map(|s| s.as_str()))),
            captures
                .get(3)
                .and_then(|m| parse_number(m.as_str(), captures.get(4).map(|s| s.as_str()))),
            captures.get(5),
        ) else {
            continue;
        };
        let Ok(stated) = percent.as_str().parse::<f64>() else {
            continue;
        };
        if whole <= 0.0 || part < 0.0 || part > whole || !stated.is_finite() {
            continue;
        }
        let computed = part / whole * 100.0;
        let holds = (computed - stated).abs() <= tolerance(percent.as_str());
        let check = FactCheck {
            rule: "percentage = count / total".to_string(),
            holds,
            explanation: format!(
                "{} of {} is {:.1}%, {} the stated {}%",
                number(part),
                number(whole),
                computed,
                if holds { "as" } else { "not" },
                percent.as_str()
            ),
        };
        found.push(Found {
            figure: (percent.start(), percent.end()),
            check,
        });
    }
    found
}

fn change_checks(sentence: &str) -> Vec<Found> {
    let mut found = Vec::new();
    if !contains_ignoring_case(sentence, b"from") {
        return found;
    }
    for captures in CHANGE.captures_iter(sentence) {
        let verb = captures["verb"].to_lowercase();
        let whole = captures.get(0).expect("a match has a whole");
        // `more than doubled`, `nearly halved`: hedged, so not checked.
        let hedged = sentence[..whole.start()]
            .trim_end()
            .to_lowercase()
            .rsplit(' ')
            .next()
            .is_some_and(|word| {
                matches!(
                    word,
                    "than" | "nearly" | "almost" | "about" | "roughly" | "around" | "over"
                )
            });
        let (Some(from), Some(to)) = (
            captures
                .get(3)
                .and_then(|m| parse_number(m.as_str(), captures.get(4).map(|s| s.as_str()))),
            captures
                .get(5)
                .and_then(|m| parse_number(m.as_str(), captures.get(6).map(|s| s.as_str()))),
        ) else {
            continue;
        };
        if hedged || from <= 0.0 || !from.is_finite() || !to.is_finite() {
            continue;
        }
        let percent = captures.get(2).or(captures.get(7));
        let factor = match verb.as_str() {
            "doubled" => Some(2.0),
            "tripled" | "trebled" => Some(3.0),
            "halved" => Some(0.5),
            _ => None,
        };
        if let Some(factor) = factor {
            let ratio = to / from;
            // `doubled` is read loosely in news: within a tenth of the factor.
            let holds = (ratio - factor).abs() <= 0.1 * factor;
            let figure = captures.get(5).expect("the second figure matched");
            found.push(Found {
                figure: (figure.start(), figure.end()),
                check: FactCheck {
                    rule: format!("{verb}: second figure = {factor} x first"),
                    holds,
                    explanation: format!(
                        "{} to {} is {:.2} times, {} {verb} implies",
                        number(from),
                        number(to),
                        ratio,
                        if holds { "as" } else { "not what" }
                    ),
                },
            });
        } else if let Some(percent) = percent {
            let Ok(stated) = percent.as_str().parse::<f64>() else {
                continue;
            };
            let computed = ((to - from) / from * 100.0).abs();
            let holds = (computed - stated).abs() <= tolerance(percent.as_str());
            found.push(Found {
                figure: (percent.start(), percent.end()),
                check: FactCheck {
                    rule: "change % = (new - old) / old".to_string(),
                    holds,
                    explanation: format!(
                        "{} to {} is a change of {:.1}%, {} the stated {}%",
                        number(from),
                        number(to),
                        computed,
                        if holds { "as" } else { "not" },
                        percent.as_str()
                    ),
                },
            });
        }
    }
    found
}

fn number(value: f64) -> String {
    crate::facts::number(value)
}

#[cfg(test)]
mod tests {
    use super::{Figure, change_checks, share_checks, total_checks};
    use corroborate_model::{Claim, Qualifier, Span};

    /// The sentence's digit runs as exact claims, `%` marking percentages, a currency
    /// sign money, and `~` before a figure an approximate one (the sign is dropped).
    fn totals(sentence: &str) -> Vec<(bool, String)> {
        let mut claims = Vec::new();
        let bytes = sentence.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at].is_ascii_digit() {
                let start = at;
                while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b',') {
                    at += 1;
                }
                let digits = sentence[start..at].trim_end_matches(',');
                let end = start + digits.len();
                let percent = sentence[end..].starts_with('%');
                let end = if percent { end + 1 } else { end };
                let money = start > 0 && sentence[..start].ends_with('£');
                let approximate = sentence[..start].ends_with('~');
                claims.push(Claim {
                    span: Span::new(start, end),
                    value: digits.replace(',', "").parse().expect("digits"),
                    display: digits.to_string(),
                    property: if percent {
                        "percent".to_string()
                    } else if money {
                        "money".to_string()
                    } else {
                        "people".to_string()
                    },
                    subject: None,
                    scope: None,
                    extent: None,
                    qualifier: if approximate {
                        Qualifier::Approximate
                    } else {
                        Qualifier::Exact
                    },
                });
                at = end.max(start + 1);
            } else {
                at += 1;
            }
        }
        let figures: Vec<Figure> = claims.iter().map(|claim| Figure::of(claim, 0)).collect();
        total_checks(sentence, &figures)
            .into_iter()
            .map(|found| (found.check.holds, found.check.explanation))
            .collect()
    }

    #[test]
    fn parts_listed_with_a_total_word_are_summed() {
        assert_eq!(
            totals("Officials said 3 were killed and 9 injured, 12 casualties in all."),
            [(true, "3 + 9 = 12, the stated total of 12".to_string())]
        );
        assert_eq!(
            totals("Police held 4 men, 2 women and 1 boy, a total of 7 arrests."),
            [(true, "4 + 2 + 1 = 7, the stated total of 7".to_string())]
        );
        assert_eq!(
            totals("The storm killed 3 people and injured 9, a total of 15 casualties."),
            [(false, "3 + 9 = 12, not the stated total of 15".to_string())]
        );
        assert_eq!(
            totals("The storm killed 3 people and injured 9 others, a total of 12."),
            [(true, "3 + 9 = 12, the stated total of 12".to_string())]
        );
        assert_eq!(
            totals("It hit 2 towns, where 3 died and 9 were hurt: 12 altogether."),
            [(true, "3 + 9 = 12, the stated total of 12".to_string())]
        );
        assert_eq!(
            totals("The fund paid 40% to schools and 35% to clinics, 75% combined."),
            [(true, "40 + 35 = 75, the stated total of 75".to_string())]
        );
        assert_eq!(
            totals("Of the 1,200 ballots, 700 were for Ada Marr and 450 for Tom Hale."),
            [(
                true,
                "700 + 450 = 1,150, within the stated whole of 1,200".to_string()
            )]
        );
        assert_eq!(
            totals("Of the 60 seats, 35 went to the Field Party and 30 to Labour."),
            [(
                false,
                "35 + 30 = 65, more than the stated whole of 60".to_string()
            )]
        );
    }

    #[test]
    fn figures_not_clearly_parts_of_the_total_are_left_alone() {
        for sentence in [
            "Officials said 3 were killed and 9 injured; 12 homes burned.",
            "Police held 4 men and seized 2 guns; 6 in all were found.",
            "Police held 4 men and 2 women, 30 officers in all took part in 3 raids.",
            "The storm killed 5, including 2 children, 12 casualties in all.",
            "Two more died and 3 were hurt on Monday, bringing the total to 40.",
            "Between 3 and 5 died, 12 casualties in all.",
            "Repairs cost £3 and 9 homes were lost, 12 in all.",
            "About ~3 died and 9 were hurt, 12 in all.",
            "3 died and 9 were hurt in 2 towns and 4 villages, 12 in all.",
            // A list longer than two none of whose tails makes the total: which figures are
            // the parts is unclear.
            "It had 2 towns, 3 died and 9 were hurt, 15 in all.",
            "Police held 4 men, 2 women and 1 boy, a total of 8 arrests.",
            "In the 60 seats, 35 went to the Field Party and 30 to Labour.",
            "Of the 60 seats, 35 went to the Field Party.",
        ] {
            assert!(
                totals(sentence).is_empty(),
                "{sentence}: {:?}",
                totals(sentence)
            );
        }
    }

    fn shown(found: Vec<super::Found>) -> Vec<(bool, String)> {
        found
            .into_iter()
            .map(|found| (found.check.holds, found.check.explanation))
            .collect()
    }

    #[test]
    fn a_percentage_matches_its_count_and_total() {
        assert_eq!(
            shown(share_checks(
                "Of the schools, 12 of the 40 schools (30%) closed."
            )),
            [(true, "12 of 40 is 30.0%, as the stated 30%".to_string())]
        );
        assert_eq!(
            shown(share_checks(
                "Some 33,340 of 79,955 electors voted, or 41.7 per cent."
            )),
            [(
                true,
                "33,340 of 79,955 is 41.7%, as the stated 41.7%".to_string()
            )]
        );
        assert_eq!(
            shown(share_checks("They won 12 out of 40 seats, or 45%.")),
            [(false, "12 of 40 is 30.0%, not the stated 45%".to_string())]
        );
    }

    #[test]
    fn figures_merely_sharing_a_sentence_are_not_checked() {
        assert!(share_checks("Turnout was 41.7%; 12 of 40 wards counted early.").is_empty());
        assert!(share_checks("Prices rose 4% in 12 of the months since 2020.").is_empty());
        assert!(change_checks("Sales rose 25% and staff went from 200 to 180.").is_empty());
    }

    #[test]
    fn a_change_matches_its_two_figures() {
        assert_eq!(
            shown(change_checks(
                "Fares rose from 200 to 250, up 25%, last year."
            )),
            [(
                true,
                "200 to 250 is a change of 25.0%, as the stated 25%".to_string()
            )]
        );
        assert_eq!(
            shown(change_checks("Membership fell by 10% from 1,000 to 800.")),
            [(
                false,
                "1,000 to 800 is a change of 20.0%, not the stated 10%".to_string()
            )]
        );
        assert_eq!(
            shown(change_checks("The fleet doubled from 40 to 80 buses.")),
            [(
                true,
                "40 to 80 is 2.00 times, as doubled implies".to_string()
            )]
        );
        assert_eq!(
            shown(change_checks("The fleet doubled from 40 to 60 buses.")),
            [(
                false,
                "40 to 60 is 1.50 times, not what doubled implies".to_string()
            )]
        );
        // Hedged: `more than doubled` is not checked.
        assert!(change_checks("It more than doubled from 40 to 95.").is_empty());
    }

    #[test]
    fn zero_negative_and_huge_figures_never_panic() {
        for sentence in [
            "It rose from 0 to 50, up 100%.",
            "It doubled from 0 to 0.",
            "Some 5 of 0 people (10%) left.",
            "Some 0 of 0 people (0%) left.",
            "It fell from 99999999999999999999999999999999 to 1, down 100%.",
            "Some 1 of 99999999999999999999999999999999999999 (0%) left.",
            "It rose from 1e400 to 5, up 3%.",
        ] {
            let _ = share_checks(sentence);
            let _ = change_checks(sentence);
        }
    }
}
