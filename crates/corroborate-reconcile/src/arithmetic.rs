//! Arithmetic a sentence states about its own figures, checked: a percentage against the
//! count and total it is given with (`12 of the 40 schools, or 30%`), and a change against
//! its two figures (`rose from 200 to 250, up 25%`, `doubled from 40 to 80`).
//!
//! A check fires only when the wording ties the figures together in one clause; figures
//! that merely share a sentence are left alone, since a wrong check is worse than none.

use std::sync::LazyLock;

use corroborate_model::{BriefFact, Evidence, FactCheck, SourceId, Story};
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

fn share_checks(sentence: &str) -> Vec<Found> {
    let mut found = Vec::new();
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
    use super::{change_checks, share_checks};

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
