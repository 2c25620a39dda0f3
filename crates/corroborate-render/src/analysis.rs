//! The public JSON form of one analysed article (a line of `corroborate analyze`): every
//! offset is a byte offset into the input file as read.

use corroborate_model::{AnalyzedArticle, Span};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonAnalysis {
    pub input: String,
    pub id: String,
    pub published: Option<String>,
    pub sentences: Vec<JsonSpan>,
    pub mentions: Vec<JsonMention>,
    pub entities: Vec<JsonArticleEntity>,
    pub quotes: Vec<JsonQuote>,
    pub claims: Vec<JsonClaim>,
    /// The input's own fields the reader does not know (a JSON Lines article's `tags`,
    /// `section`, ...), passed through; absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<serde_json::Value>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonClaim {
    pub value: f64,
    pub display: String,
    pub property: String,
    /// The canonical name of the entity the figure belongs to.
    pub subject: Option<String>,
    pub scope: Option<String>,
    /// The place or stretch of time the figure's clause limits it to (`in Tarnby`, `over
    /// four nights`); absent from lines written before it was added.
    #[serde(default)]
    pub extent: Option<String>,
    pub qualifier: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonMention {
    pub text: String,
    pub name: String,
    pub title: Option<String>,
    pub kind: String,
    /// The canonical name of the entity the mention resolves to.
    pub entity: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonArticleEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: usize,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct JsonQuote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The quoted stretches, without an attribution that interrupts them.
    pub parts: Vec<JsonSpan>,
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
}

impl JsonAnalysis {
    pub fn from_article(article: &AnalyzedArticle) -> JsonAnalysis {
        let clean = &article.clean;
        let input_span = |span: Span| clean.input_span(span);
        let entity_name = |entity: Option<usize>| {
            entity
                .and_then(|e| article.entities.get(e))
                .map(|e| e.name.clone())
        };
        JsonAnalysis {
            input: clean.article.input.clone(),
            id: clean.article.id.to_string(),
            published: clean.article.published.map(|date| date.to_string()),
            sentences: article
                .sentences
                .iter()
                .map(|sentence| {
                    let span = input_span(sentence.span);
                    JsonSpan {
                        start: span.start(),
                        end: span.end(),
                    }
                })
                .collect(),
            mentions: article
                .mentions
                .iter()
                .map(|mention| {
                    let span = input_span(mention.span);
                    JsonMention {
                        text: clean.text[mention.span.range()].to_string(),
                        name: mention.name.clone(),
                        title: mention.title.clone(),
                        kind: mention.kind.as_str().to_string(),
                        entity: entity_name(mention.entity),
                        start: span.start(),
                        end: span.end(),
                    }
                })
                .collect(),
            entities: article
                .entities
                .iter()
                .map(|entity| JsonArticleEntity {
                    name: entity.name.clone(),
                    kind: entity.kind.as_str().to_string(),
                    aliases: entity.aliases.clone(),
                    roles: entity.roles.clone(),
                    mentions: entity.mentions.len(),
                })
                .collect(),
            quotes: article
                .quotes
                .iter()
                .map(|quote| {
                    let span = input_span(quote.span);
                    let speaker_span = quote
                        .speaker
                        .as_ref()
                        .map(|speaker| input_span(speaker.span));
                    let cue_span = quote.cue.map(input_span);
                    JsonQuote {
                        text: quote.text.clone(),
                        start: span.start(),
                        end: span.end(),
                        parts: quote
                            .parts
                            .iter()
                            .map(|part| {
                                let part = input_span(*part);
                                JsonSpan {
                                    start: part.start(),
                                    end: part.end(),
                                }
                            })
                            .collect(),
                        speaker: quote
                            .speaker
                            .as_ref()
                            .and_then(|speaker| speaker.name.clone()),
                        speaker_start: speaker_span.map(Span::start),
                        speaker_end: speaker_span.map(Span::end),
                        cue: quote.cue.map(|cue| clean.text[cue.range()].to_string()),
                        cue_start: cue_span.map(Span::start),
                        cue_end: cue_span.map(Span::end),
                    }
                })
                .collect(),
            claims: article
                .claims
                .iter()
                .map(|claim| {
                    let span = input_span(claim.span);
                    JsonClaim {
                        value: claim.value,
                        display: claim.display.clone(),
                        property: claim.property.clone(),
                        subject: entity_name(claim.subject),
                        scope: claim.scope.clone(),
                        extent: claim.extent.clone(),
                        qualifier: claim.qualifier.as_str().to_string(),
                        start: span.start(),
                        end: span.end(),
                    }
                })
                .collect(),
            extra: None,
        }
    }
}

/// One JSON line (with its newline) for an analysed article.
pub fn analysis_line(article: &AnalyzedArticle) -> String {
    analysis_line_with(article, None)
}

/// [`analysis_line`] carrying the input's unknown fields (`extra`, a JSON object text).
pub fn analysis_line_with(article: &AnalyzedArticle, extra: Option<&str>) -> String {
    let mut analysis = JsonAnalysis::from_article(article);
    analysis.extra = extra.and_then(|extra| serde_json::from_str(extra).ok());
    let mut line = serde_json::to_string(&analysis)
        .expect("an analysis of strings and numbers always serialises");
    line.push('\n');
    line
}
