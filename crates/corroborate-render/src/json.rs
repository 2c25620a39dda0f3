//! The public JSON form of a brief. These structs are the wire format: internal types may
//! change without changing them.

use corroborate_model::{Brief, Evidence, SourceId};
use serde::{Deserialize, Serialize};

/// The schema name written into every JSON brief.
pub const BRIEF_SCHEMA: &str = "corroborate/brief/v1";

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonBrief {
    pub schema: String,
    pub title: String,
    pub sources: Vec<JsonSource>,
    pub summary: Vec<JsonSummarySentence>,
    pub entities: Vec<JsonEntity>,
    pub quotes: Vec<JsonQuote>,
    pub facts: Vec<JsonFact>,
    pub copies: Vec<JsonCopyGroup>,
    pub additions: Vec<JsonAddition>,
    pub timeline: Vec<JsonTimelineEntry>,
    pub removed: Vec<JsonRemoved>,
}

/// What one source tells that no other does.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonAddition {
    pub source: String,
    pub items: Vec<JsonAdditionItem>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonAdditionItem {
    pub text: String,
    pub evidence: Vec<JsonEvidence>,
}

/// One dated event: `date` is `2024-03-15`, `2024-03` or `2024` by `precision` (`day`,
/// `month`, `year`), or the words of a date that could not be placed (`relative`).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonTimelineEntry {
    pub date: String,
    pub precision: String,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<JsonEvidence>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonFact {
    pub id: String,
    pub subject: Option<String>,
    pub subject_entity: Option<String>,
    pub property: String,
    pub scope: Option<String>,
    pub status: String,
    pub values: Vec<JsonFactValue>,
    pub checks: Vec<JsonCheck>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonFactValue {
    pub value: f64,
    pub display: String,
    pub qualifier: String,
    pub sources: Vec<String>,
    pub independent_sources: usize,
    pub consistent: Option<bool>,
    pub evidence: Vec<JsonEvidence>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonCheck {
    pub rule: String,
    pub holds: bool,
    pub explanation: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonCopyGroup {
    pub sources: Vec<String>,
    pub overlap: f64,
    pub shared: Vec<JsonShared>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonShared {
    pub text: String,
    pub evidence: Vec<JsonEvidence>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub sources: Vec<String>,
    pub mentions: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonQuote {
    pub id: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
    pub variants: Vec<JsonQuoteVariant>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonQuoteVariant {
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<JsonEvidence>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonSource {
    pub id: String,
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub published_precision: Option<String>,
    pub words: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonSummarySentence {
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<JsonEvidence>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonEvidence {
    pub source: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonRemoved {
    pub source: String,
    pub text: String,
    pub reason: String,
    pub start: usize,
    pub end: usize,
}

impl JsonBrief {
    pub fn from_brief(brief: &Brief) -> JsonBrief {
        JsonBrief {
            schema: BRIEF_SCHEMA.to_string(),
            title: brief.title.clone(),
            sources: brief
                .sources
                .iter()
                .map(|source| JsonSource {
                    id: source.id.to_string(),
                    input: source.input.clone(),
                    title: source.title.clone(),
                    outlet: source.outlet.clone(),
                    published: source.published.map(|date| date.to_string()),
                    published_precision: source
                        .published
                        .map(|date| date.precision().as_str().to_string()),
                    words: source.words,
                })
                .collect(),
            summary: brief
                .summary
                .iter()
                .map(|sentence| JsonSummarySentence {
                    text: sentence.text.clone(),
                    sources: sentence.sources.iter().map(ToString::to_string).collect(),
                    evidence: sentence.evidence.iter().map(json_evidence).collect(),
                })
                .collect(),
            entities: brief
                .entities
                .iter()
                .map(|entity| JsonEntity {
                    id: entity.id.to_string(),
                    name: entity.name.clone(),
                    kind: entity.kind.as_str().to_string(),
                    aliases: entity.aliases.clone(),
                    roles: entity.roles.clone(),
                    sources: ids(&entity.sources),
                    mentions: entity.mentions,
                })
                .collect(),
            quotes: brief
                .quotes
                .iter()
                .map(|quote| JsonQuote {
                    id: quote.id.to_string(),
                    speaker: quote.speaker.clone(),
                    speaker_entity: quote.speaker_entity.map(|id| id.to_string()),
                    text: quote.text.clone(),
                    sources: ids(&quote.sources),
                    variants: quote
                        .variants
                        .iter()
                        .map(|variant| JsonQuoteVariant {
                            text: variant.text.clone(),
                            sources: ids(&variant.sources),
                            evidence: variant.evidence.iter().map(json_evidence).collect(),
                        })
                        .collect(),
                })
                .collect(),
            facts: brief
                .facts
                .iter()
                .map(|fact| JsonFact {
                    id: fact.id.to_string(),
                    subject: fact.subject.clone(),
                    subject_entity: fact.subject_entity.map(|id| id.to_string()),
                    property: fact.property.clone(),
                    scope: fact.scope.clone(),
                    status: fact.status.as_str().to_string(),
                    values: fact
                        .values
                        .iter()
                        .map(|value| JsonFactValue {
                            value: value.value,
                            display: value.display.clone(),
                            qualifier: value.qualifier.as_str().to_string(),
                            sources: ids(&value.sources),
                            independent_sources: value.independent_sources,
                            consistent: value.consistent,
                            evidence: value.evidence.iter().map(json_evidence).collect(),
                        })
                        .collect(),
                    checks: fact
                        .checks
                        .iter()
                        .map(|check| JsonCheck {
                            rule: check.rule.clone(),
                            holds: check.holds,
                            explanation: check.explanation.clone(),
                        })
                        .collect(),
                })
                .collect(),
            copies: brief
                .copies
                .iter()
                .map(|group| JsonCopyGroup {
                    sources: ids(&group.sources),
                    overlap: group.overlap,
                    shared: group
                        .shared
                        .iter()
                        .map(|passage| JsonShared {
                            text: passage.text.clone(),
                            evidence: passage.evidence.iter().map(json_evidence).collect(),
                        })
                        .collect(),
                })
                .collect(),
            additions: brief
                .additions
                .iter()
                .map(|addition| JsonAddition {
                    source: addition.source.to_string(),
                    items: addition
                        .items
                        .iter()
                        .map(|item| JsonAdditionItem {
                            text: item.text.clone(),
                            evidence: item.evidence.iter().map(json_evidence).collect(),
                        })
                        .collect(),
                })
                .collect(),
            timeline: brief
                .timeline
                .iter()
                .map(|entry| JsonTimelineEntry {
                    date: entry.when.to_string(),
                    precision: entry.when.precision().as_str().to_string(),
                    text: entry.text.clone(),
                    sources: ids(&entry.sources),
                    evidence: entry.evidence.iter().map(json_evidence).collect(),
                })
                .collect(),
            removed: brief
                .removed
                .iter()
                .map(|item| JsonRemoved {
                    source: item.source.to_string(),
                    text: item.text.clone(),
                    reason: item.reason.as_str().to_string(),
                    start: item.span.start(),
                    end: item.span.end(),
                })
                .collect(),
        }
    }
}

fn ids(sources: &[SourceId]) -> Vec<String> {
    sources.iter().map(ToString::to_string).collect()
}

fn json_evidence(evidence: &Evidence) -> JsonEvidence {
    JsonEvidence {
        source: evidence.source.to_string(),
        start: evidence.span.start(),
        end: evidence.span.end(),
    }
}

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = serde_json::to_string_pretty(&JsonBrief::from_brief(brief))
        .expect("a brief of strings and numbers always serialises");
    out.push('\n');
    out
}
