//! Facts: the story's claims grouped by subject, property and scope, each value with its
//! sources and independent support, the fact agreed or disputed, and arithmetic checks
//! telling which of differing values fits the rest of the reporting.
//!
//! Every claim of every article lands in exactly one value of one fact: disagreement is
//! kept as data, never dropped.

use std::collections::BTreeMap;

use corroborate_model::{
    BriefEntity, BriefFact, Evidence, FactCheck, FactId, FactStatus, FactValue, Qualifier,
    SourceId, Story,
};

use crate::entities::StoryEntities;

/// Properties too general to compare: two different durations or sums in one story are
/// usually two different things, so each value is a fact of its own, never a dispute.
const GENERIC: &[&str] = &[
    "money",
    "percent",
    "times",
    "hours",
    "years",
    "minutes",
    "days",
    "weeks",
    "months",
    "decades",
    "people",
    "per",
    "seconds",
    "miles",
    "mile",
    "kilometers",
    "kilometres",
    "km",
    "feet",
    "foot",
    "metres",
    "meters",
    "yards",
    "inches",
    "pounds",
    "kilograms",
    "kg",
    "tons",
    "tonnes",
    "degrees",
    "rank",
    "year",
    "day",
    "week",
    "month",
    "hour",
    "minute",
    "second",
];

/// Figures of the event itself, which outlets report without naming a subject and may
/// dispute: tolls, counts of the arrested, the size of a quake, a majority.
/// Names are after `canonical_property`.
const EVENT_PROPERTIES: &[&str] = &[
    "deaths",
    "injured",
    "casualties",
    "victims",
    "arrests",
    "missing",
    "magnitude",
    "majority",
    "percent turnout",
    "turnout",
    "evacuated",
    "homes",
    "houses",
    "buildings",
    "passengers",
    "hostages",
    "survivors",
];

/// Properties with one value per occasion whoever is named next to them.
const SUBJECTLESS: &[&str] = &["majority", "percent turnout", "turnout"];
/// An approximate figure agrees with an exact one within this share of the larger.
const APPROXIMATE_TOLERANCE: f64 = 0.1;

/// One claim of one article.
struct Stated {
    source: SourceId,
    value: f64,
    display: String,
    qualifier: Qualifier,
    /// The place or stretch of time the claim's clause limits it to (`Claim::extent`).
    extent: Option<String>,
    evidence: Evidence,
}

type Key = (Option<usize>, String, Option<String>);

pub(crate) fn story_facts(
    story: &Story,
    entities: &StoryEntities,
    independence: &[usize],
) -> Vec<BriefFact> {
    let mut grouped: BTreeMap<Key, Vec<Stated>> = BTreeMap::new();
    for (article_index, article) in story.articles.iter().enumerate() {
        for claim in &article.claims {
            let subject = if SUBJECTLESS.contains(&claim.property.as_str()) {
                None
            } else {
                claim
                    .subject
                    .map(|entity| entities.of[article_index][entity])
            };
            let scope = claim.scope.clone();
            let key = (subject, canonical_property(&claim.property), scope);
            grouped.entry(key).or_default().push(Stated {
                source: SourceId::from_index(article_index),
                value: claim.value,
                display: claim.display.clone(),
                qualifier: claim.qualifier,
                extent: claim.extent.clone(),
                evidence: Evidence {
                    source: SourceId::from_index(article_index),
                    span: article.clean.input_span(claim.span),
                },
            });
        }
    }
    let published: Vec<Option<i64>> = story
        .articles
        .iter()
        .map(|article| day_of(article.clean.article.published))
        .collect();
    let mut facts: Vec<BriefFact> = Vec::new();
    for ((subject, property, scope), stated) in grouped {
        let context = FactContext {
            property: &property,
            subject,
            published: &published,
            entities: &entities.entities,
            independence,
        };
        if subject.is_none() && disputable(&property, subject) {
            for (extent, group) in set_apart_extents(stated) {
                let scope = match (&scope, extent) {
                    (Some(scope), Some(extent)) => Some(format!("{scope}, {extent}")),
                    (None, extent) => extent,
                    (scope, None) => scope.clone(),
                };
                push_facts(&mut facts, &context, scope, group);
            }
        } else {
            push_facts(&mut facts, &context, scope, stated);
        }
    }
    check_majorities(&mut facts);
    check_shares(&mut facts);
    crate::arithmetic::check_sentences(story, &mut facts);
    // Disputed first, then agreed, then single-source; within each, most sources first.
    facts.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then(source_count(b).cmp(&source_count(a)))
            .then(a.property.cmp(&b.property))
            .then(a.subject.cmp(&b.subject))
            .then(a.scope.cmp(&b.scope))
    });
    for (index, fact) in facts.iter_mut().enumerate() {
        fact.id = FactId::from_index(index);
    }
    facts
}

/// What deciding one group's facts reads besides its claims.
struct FactContext<'a> {
    property: &'a str,
    subject: Option<usize>,
    published: &'a [Option<i64>],
    entities: &'a [BriefEntity],
    independence: &'a [usize],
}

/// The facts of claims alike in subject, property and scope: one fact, agreed or disputed,
/// when the figure can be disputed and its values all fit or two sources contradict each
/// other; otherwise one fact per set of values that fit together.
fn push_facts(
    facts: &mut Vec<BriefFact>,
    context: &FactContext,
    scope: Option<String>,
    stated: Vec<Stated>,
) {
    let (property, subject) = (context.property, context.subject);
    if disputable(property, subject) {
        let all_compatible = stated.iter().enumerate().all(|(i, a)| {
            stated[i + 1..].iter().all(|b| {
                compatible_values(a.value, a.qualifier, b.value, b.qualifier)
                    || aged_between(property, a, b, context.published)
            })
        });
        let conflict = in_conflict(property, subject.is_some(), &stated, context.published);
        if all_compatible || conflict {
            facts.push(fact(
                subject,
                property.to_string(),
                scope,
                stated,
                conflict,
                context.entities,
                context.independence,
            ));
            return;
        }
    }
    // Unlike values of a figure that cannot be disputed are different things: each set
    // of compatible values is a fact of its own (`about 300` and `312` stay together).
    for cluster in compatible_clusters(stated) {
        facts.push(fact(
            subject,
            property.to_string(),
            scope.clone(),
            cluster,
            false,
            context.entities,
            context.independence,
        ));
    }
}

/// An event's figure limited to a place or a stretch of time (`13 killed in Kessa`) whose
/// values fit no value stated without that limit counts something else than the rest (one
/// of two bombings, one district of a quake): its claims are set apart as a fact of their
/// own, scoped by the limit, so that a dispute lists only values of one count. Returns the
/// groups, the rest first (no extent of its own), each set-apart group with its extent.
fn set_apart_extents(stated: Vec<Stated>) -> Vec<(Option<String>, Vec<Stated>)> {
    let mut extents: Vec<&Option<String>> = stated.iter().map(|claim| &claim.extent).collect();
    extents.sort();
    extents.dedup();
    if extents.len() < 2 {
        return vec![(None, stated)];
    }
    // Two bounds the same way (`at least 10`, `more than a dozen`) always fit together and
    // say nothing of being one count.
    let fits = |a: &Stated, b: &Stated| {
        compatible_values(a.value, a.qualifier, b.value, b.qualifier)
            && !(a.qualifier == b.qualifier
                && matches!(a.qualifier, Qualifier::AtLeast | Qualifier::AtMost)
                && a.value != b.value)
    };
    let apart: Vec<Option<String>> = extents
        .iter()
        .filter(|extent| {
            extent.is_some()
                && stated
                    .iter()
                    .filter(|claim| claim.extent == ***extent)
                    .all(|claim| {
                        stated
                            .iter()
                            .filter(|other| other.extent != claim.extent)
                            .all(|other| !fits(claim, other))
                    })
        })
        .map(|extent| (*extent).clone())
        .collect();
    // Each group keeps the claims in reading order.
    let mut groups: Vec<(Option<String>, Vec<Stated>)> = std::iter::once(None)
        .chain(apart.iter().cloned())
        .map(|extent| (extent, Vec::new()))
        .collect();
    for claim in stated {
        let group = apart
            .iter()
            .position(|extent| *extent == claim.extent)
            .map_or(0, |index| index + 1);
        groups[group].1.push(claim);
    }
    groups.retain(|(_, group)| !group.is_empty());
    groups
}

/// One name for the ways reports word the same toll (`24 dead`, `killing 24 people`, `24
/// deaths`), so that they are one fact.
pub(crate) fn canonical_property(property: &str) -> String {
    match property {
        "dead" | "killed" | "people killed" | "people dead" | "fatalities" => "deaths",
        "people injured" | "wounded" | "people wounded" | "injuries" => "injured",
        "arrested" | "people arrested" => "arrests",
        "people missing" => "missing",
        "people evacuated" => "evacuated",
        other => other,
    }
    .to_string()
}

fn source_count(fact: &BriefFact) -> usize {
    let mut sources: Vec<SourceId> = fact
        .values
        .iter()
        .flat_map(|value| value.sources.iter().copied())
        .collect();
    sources.sort();
    sources.dedup();
    sources.len()
}

fn fact(
    subject: Option<usize>,
    property: String,
    scope: Option<String>,
    stated: Vec<Stated>,
    disputed: bool,
    entities: &[BriefEntity],
    independence: &[usize],
) -> BriefFact {
    let mut values: Vec<FactValue> = Vec::new();
    for claim in stated {
        let existing = values
            .iter_mut()
            .find(|value| value.value == claim.value && value.qualifier == claim.qualifier);
        match existing {
            Some(value) => {
                if !value.sources.contains(&claim.source) {
                    value.sources.push(claim.source);
                }
                value.evidence.push(claim.evidence);
            }
            None => values.push(FactValue {
                value: claim.value,
                display: claim.display,
                qualifier: claim.qualifier,
                sources: vec![claim.source],
                independent_sources: 0,
                consistent: None,
                evidence: vec![claim.evidence],
            }),
        }
    }
    for value in &mut values {
        value.sources.sort();
        value.evidence.sort();
        let mut groups: Vec<usize> = value
            .sources
            .iter()
            .map(|source| independence[source.index()])
            .collect();
        groups.sort();
        groups.dedup();
        value.independent_sources = groups.len();
    }
    // Most supported value first.
    values.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.value.total_cmp(&b.value))
    });
    let all_sources: usize = {
        let mut sources: Vec<SourceId> = values
            .iter()
            .flat_map(|value| value.sources.iter().copied())
            .collect();
        sources.sort();
        sources.dedup();
        sources.len()
    };
    let status = if all_sources < 2 {
        FactStatus::SingleSource
    } else if disputed {
        FactStatus::Disputed
    } else {
        FactStatus::Agreed
    };
    let property_name = property.clone();
    BriefFact {
        id: FactId::from_index(0),
        subject: subject.map(|entity| entities[entity].name.clone()),
        subject_entity: subject.map(|entity| entities[entity].id),
        property,
        scope,
        status,
        values,
        checks: Vec::new(),
        comparable: !is_generic(&property_name),
    }
}

fn is_generic(property: &str) -> bool {
    GENERIC.contains(&property)
        || property.starts_with("quoted ")
        || property.starts_with("money")
        || !property.starts_with(|c: char| c.is_alphabetic())
        // `miles north`, `day stay`: a unit heading the phrase; `percent of the vote` is a
        // share of something named, so it stays specific.
        || (!property.starts_with("percent ")
            && property.split_whitespace().next().is_some_and(|word| GENERIC.contains(&word)))
}

/// Whether differing values of this fact are a dispute: for figures of the event itself,
/// or figures that belong to a named subject. Other figures with different values are
/// different things (two players' yards, two distances) and stay separate facts.
fn disputable(property: &str, subject: Option<usize>) -> bool {
    !is_generic(property) && (subject.is_some() || EVENT_PROPERTIES.contains(&property))
}

/// Whether two sources really contradict each other on a disputable figure: two claims with
/// incompatible values, stated by different sources none of which states both values (a
/// source giving two figures for one property is counting two things), limited to the same
/// extent when the figure is the event's rather than a person's (`10 houses in Tarnby` and
/// `300 houses across the province` count different things), and for an age, more than a year apart unless both reports are dated within a
/// month of each other (a birthday can fall between reports).
fn in_conflict(
    property: &str,
    has_subject: bool,
    stated: &[Stated],
    published: &[Option<i64>],
) -> bool {
    // A source states a value when it gives that number, however hedged (`12 were killed`
    // states the `at least 12` of another source).
    let sources_of = |value: f64| -> Vec<SourceId> {
        let mut sources: Vec<SourceId> = stated
            .iter()
            .filter(|s| s.value == value)
            .map(|s| s.source)
            .collect();
        sources.sort();
        sources.dedup();
        sources
    };
    stated.iter().enumerate().any(|(i, a)| {
        stated[i + 1..].iter().any(|b| {
            // A person's age or votes do not depend on where the clause is set.
            if (!has_subject && a.extent != b.extent)
                || compatible_values(a.value, a.qualifier, b.value, b.qualifier)
                || aged_between(property, a, b, published)
            {
                return false;
            }
            let a_sources = sources_of(a.value);
            let b_sources = sources_of(b.value);
            !a_sources.iter().any(|source| b_sources.contains(source))
        })
    })
}

/// Ages a year apart in reports not known to be within a month of each other: the person
/// may have had a birthday in between, so the two ages are no contradiction.
fn aged_between(property: &str, a: &Stated, b: &Stated, published: &[Option<i64>]) -> bool {
    if property != "age" || (a.value - b.value).abs() > 1.0 {
        return false;
    }
    let dates = (published[a.source.index()], published[b.source.index()]);
    !matches!(dates, (Some(x), Some(y)) if (x - y).abs() <= 31)
}

/// A publication date as a day number, when it is known to the day.
fn day_of(date: Option<corroborate_model::PublishedDate>) -> Option<i64> {
    let date = date?;
    Some(corroborate_model::calendar::day_number(
        i64::from(date.year()),
        u32::from(date.month()?),
        u32::from(date.day()?),
    ))
}

/// Claims split into groups whose values can all be true together.
fn compatible_clusters(stated: Vec<Stated>) -> Vec<Vec<Stated>> {
    let mut clusters: Vec<Vec<Stated>> = Vec::new();
    for claim in stated {
        let found = clusters.iter().position(|cluster| {
            cluster.iter().all(|member| {
                compatible_values(member.value, member.qualifier, claim.value, claim.qualifier)
            })
        });
        match found {
            Some(index) => clusters[index].push(claim),
            None => clusters.push(vec![claim]),
        }
    }
    clusters
}

/// Whether two stated values can both be true, given how each is hedged. A bound decides
/// first whichever side states it (`at least 70` and `about 100` fit together in either
/// order); two unbounded values fit when equal, or within the tolerance when either is
/// approximate.
fn compatible_values(a: f64, a_qualifier: Qualifier, b: f64, b_qualifier: Qualifier) -> bool {
    let slack = |y: f64, y_qualifier: Qualifier| {
        if y_qualifier == Qualifier::Approximate {
            APPROXIMATE_TOLERANCE * y.abs()
        } else {
            0.0
        }
    };
    let bound = |x: f64, x_qualifier: Qualifier, y: f64, y_qualifier: Qualifier| match x_qualifier {
        Qualifier::AtLeast => {
            Some(y + slack(y, y_qualifier) >= x || y_qualifier == Qualifier::AtLeast)
        }
        Qualifier::AtMost => {
            Some(y - slack(y, y_qualifier) <= x || y_qualifier == Qualifier::AtMost)
        }
        Qualifier::Exact | Qualifier::Approximate => None,
    };
    bound(a, a_qualifier, b, b_qualifier)
        .or_else(|| bound(b, b_qualifier, a, a_qualifier))
        .unwrap_or_else(|| {
            if a_qualifier == Qualifier::Approximate || b_qualifier == Qualifier::Approximate {
                (a - b).abs() <= APPROXIMATE_TOLERANCE * a.abs().max(b.abs())
            } else {
                a == b
            }
        })
}

/// majority = winner's votes - runner-up's votes, for each occasion (scope) with a majority
/// and at least two vote counts. Values of the facts involved are marked consistent or not.
fn check_majorities(facts: &mut [BriefFact]) {
    let scopes: Vec<Option<String>> = facts
        .iter()
        .filter(|f| f.property == "majority")
        .map(|f| f.scope.clone())
        .collect();
    for scope in scopes {
        let Some(majority) = facts
            .iter()
            .position(|f| f.property == "majority" && f.scope == scope)
        else {
            continue;
        };
        let mut candidates = subjects_facts(facts, "votes", &scope);
        if candidates.len() < 2 {
            continue;
        }
        // Winner and runner-up by their best-supported vote counts.
        candidates.sort_by(|&a, &b| {
            facts[b].values[0]
                .value
                .total_cmp(&facts[a].values[0].value)
        });
        let (winner, runner_up) = (candidates[0], candidates[1]);
        let majorities: Vec<(f64, Vec<SourceId>)> = facts[majority]
            .values
            .iter()
            .map(|v| (v.value, v.sources.clone()))
            .collect();
        let runner_values: Vec<f64> = facts[runner_up].values.iter().map(|v| v.value).collect();
        let winner_values: Vec<f64> = facts[winner].values.iter().map(|v| v.value).collect();
        let fits = |w: f64, r: f64, m: f64| (w - r - m).abs() < 0.5;
        for value in &mut facts[winner].values {
            value.consistent = Some(
                runner_values
                    .iter()
                    .any(|r| majorities.iter().any(|(m, _)| fits(value.value, *r, *m))),
            );
        }
        for value in &mut facts[runner_up].values {
            value.consistent = Some(
                winner_values
                    .iter()
                    .any(|w| majorities.iter().any(|(m, _)| fits(*w, value.value, *m))),
            );
        }
        for value in &mut facts[majority].values {
            value.consistent = Some(
                winner_values
                    .iter()
                    .any(|w| runner_values.iter().any(|r| fits(*w, *r, value.value))),
            );
        }
        let winner_name = facts[winner].subject.clone().unwrap_or_default();
        let runner_name = facts[runner_up].subject.clone().unwrap_or_default();
        let (m, m_sources) = &majorities[0];
        let mut lines = Vec::new();
        let mut holds = false;
        for w in &facts[winner].values {
            let r = facts[runner_up].values[0].value;
            let difference = w.value - r;
            let ok = fits(w.value, r, *m);
            holds |= ok && w.sources.len() == facts[winner].values[0].sources.len();
            let verdict = if ok {
                format!(
                    "= {}, the majority reported by {}",
                    number(*m),
                    list(m_sources)
                )
            } else {
                format!(
                    "= {}, not the reported majority of {}",
                    number(difference),
                    number(*m)
                )
            };
            lines.push(format!(
                "{} - {} {verdict} ({} as reported by {})",
                number(w.value),
                number(r),
                w.display,
                list(&w.sources)
            ));
        }
        let check = FactCheck {
            rule: "majority = winner votes - runner-up votes".to_string(),
            holds,
            explanation: format!(
                "winner {winner_name}, runner-up {runner_name}: {}",
                lines.join("; ")
            ),
        };
        for index in [winner, runner_up, majority] {
            facts[index].checks.push(check.clone());
        }
    }
}

/// Shares of one whole (each candidate's percent of the vote on one occasion) add up to
/// at most 100%.
fn check_shares(facts: &mut [BriefFact]) {
    let scopes: Vec<Option<String>> = {
        let mut scopes: Vec<Option<String>> = facts
            .iter()
            .filter(|f| f.property == "percent of the vote")
            .map(|f| f.scope.clone())
            .collect();
        scopes.sort();
        scopes.dedup();
        scopes
    };
    for scope in scopes {
        let members = subjects_facts(facts, "percent of the vote", &scope);
        if members.len() < 2 {
            continue;
        }
        let total: f64 = members.iter().map(|&i| facts[i].values[0].value).sum();
        let holds = total <= 100.5;
        let parts: Vec<String> = members
            .iter()
            .map(|&i| {
                format!(
                    "{} {}%",
                    facts[i].subject.clone().unwrap_or_default(),
                    facts[i].values[0].value
                )
            })
            .collect();
        let check = FactCheck {
            rule: "shares of one vote sum to at most 100%".to_string(),
            holds,
            explanation: format!("{} = {:.1}%", parts.join(" + "), total),
        };
        for index in members {
            facts[index].checks.push(check.clone());
        }
    }
}

/// The facts of one property and scope that belong to a subject (a candidate's votes).
fn subjects_facts(facts: &[BriefFact], property: &str, scope: &Option<String>) -> Vec<usize> {
    (0..facts.len())
        .filter(|&i| {
            facts[i].property == property && facts[i].scope == *scope && facts[i].subject.is_some()
        })
        .collect()
}

pub(crate) fn number(value: f64) -> String {
    if value.fract() != 0.0 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

fn list(sources: &[SourceId]) -> String {
    sources
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
