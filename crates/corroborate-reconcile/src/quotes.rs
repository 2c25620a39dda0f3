//! Quotes across the story: the same quotation in several outlets (trimmed, punctuated or
//! worded a little differently) is one entry with each wording and its sources; similar
//! words from different speakers stay apart.

use corroborate_model::text::{fold, folded_hash, words};
use corroborate_model::{
    BriefEntity, BriefQuote, Evidence, QuoteId, QuoteVariant, SourceId, Story,
};

use crate::entities::StoryEntities;

/// Two wordings are one quotation when this share of the shorter one's words is in the longer.
const SAME_QUOTE_CONTAINMENT: f32 = 0.75;

/// One quote of one article, ready to be grouped.
struct Instance {
    source: SourceId,
    speaker_entity: Option<usize>,
    speaker_name: Option<String>,
    text: String,
    /// Folded word hashes, sorted and without repeats, for set comparisons.
    words: Vec<u64>,
    evidence: Evidence,
}

pub(crate) fn story_quotes(story: &Story, entities: &StoryEntities) -> Vec<BriefQuote> {
    let mut instances = Vec::new();
    for (article_index, article) in story.articles.iter().enumerate() {
        for quote in &article.quotes {
            let speaker_entity = quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.entity)
                .map(|entity| entities.of[article_index][entity]);
            let speaker_name = match speaker_entity {
                Some(entity) => Some(entities.entities[entity].name.clone()),
                None => quote
                    .speaker
                    .as_ref()
                    .and_then(|speaker| speaker.name.clone()),
            };
            instances.push(Instance {
                source: SourceId::from_index(article_index),
                speaker_entity,
                speaker_name,
                text: quote.text.clone(),
                words: word_set(&quote.text),
                evidence: Evidence {
                    source: SourceId::from_index(article_index),
                    span: article.clean.input_span(quote.span),
                },
            });
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for index in 0..instances.len() {
        let found = groups.iter().position(|group| {
            let first = &instances[group[0]];
            same_speaker(first, &instances[index])
                && group
                    .iter()
                    .any(|&member| same_words(&instances[member].words, &instances[index].words))
        });
        match found {
            Some(group) => groups[group].push(index),
            None => groups.push(vec![index]),
        }
    }
    // Quotes carried by most sources first; ties in order of first appearance.
    groups.sort_by_key(|group| {
        (
            std::cmp::Reverse(distinct_sources(&instances, group).len()),
            group[0],
        )
    });
    groups
        .iter()
        .enumerate()
        .map(|(rank, group)| {
            brief_quote(
                &instances,
                group,
                &entities.entities,
                QuoteId::from_index(rank),
            )
        })
        .collect()
}

/// Same entity, or same written name, or one side unknown (a quote printed without a
/// speaker by one outlet is still the quote another outlet attributes).
fn same_speaker(a: &Instance, b: &Instance) -> bool {
    match (a.speaker_entity, b.speaker_entity) {
        (Some(x), Some(y)) => x == y,
        _ => match (&a.speaker_name, &b.speaker_name) {
            (Some(x), Some(y)) => fold(x) == fold(y),
            _ => true,
        },
    }
}

fn same_words(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let shared = short
        .iter()
        .filter(|word| long.binary_search(word).is_ok())
        .count();
    // Similar words are not the same quotation when one is much longer: a leader's slogan
    // inside an MP's longer sentence stays the MP's (the speaker check decides that case).
    shared as f32 / short.len() as f32 >= SAME_QUOTE_CONTAINMENT
}

fn distinct_sources(instances: &[Instance], group: &[usize]) -> Vec<SourceId> {
    let mut sources: Vec<SourceId> = group.iter().map(|&i| instances[i].source).collect();
    sources.sort();
    sources.dedup();
    sources
}

fn brief_quote(
    instances: &[Instance],
    group: &[usize],
    entities: &[BriefEntity],
    id: QuoteId,
) -> BriefQuote {
    let mut variants: Vec<QuoteVariant> = Vec::new();
    for &index in group {
        let instance = &instances[index];
        let key = variant_key(&instance.text);
        match variants
            .iter_mut()
            .find(|variant| variant_key(&variant.text) == key)
        {
            Some(variant) => {
                if !variant.sources.contains(&instance.source) {
                    variant.sources.push(instance.source);
                }
                variant.evidence.push(instance.evidence);
            }
            None => variants.push(QuoteVariant {
                text: instance.text.clone(),
                sources: vec![instance.source],
                evidence: vec![instance.evidence],
            }),
        }
    }
    for variant in &mut variants {
        variant.sources.sort();
        variant.evidence.sort();
    }
    let text = variants
        .iter()
        .map(|variant| variant.text.clone())
        .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
        .unwrap_or_default();
    let speaker_entity = group.iter().find_map(|&i| instances[i].speaker_entity);
    let speaker = match speaker_entity {
        Some(entity) => Some(entities[entity].name.clone()),
        None => group
            .iter()
            .find_map(|&i| instances[i].speaker_name.clone()),
    };
    BriefQuote {
        id,
        speaker,
        speaker_entity: speaker_entity.map(|entity| entities[entity].id),
        text,
        sources: distinct_sources(instances, group),
        variants,
    }
}

/// The folded words of a text as a sorted set of hashes.
fn word_set(text: &str) -> Vec<u64> {
    let mut hashes: Vec<u64> = words(text).map(|(_, word)| folded_hash(word)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Wordings that differ only in case, quote style, dashes or spacing are one variant.
fn variant_key(text: &str) -> String {
    words(text)
        .map(|(_, word)| fold(word))
        .collect::<Vec<_>>()
        .join(" ")
}
