//! Story entities: the article entities of every source merged under one name.
//!
//! Entities merge when their full names agree (folded), or when a one-word name is the
//! surname or first name of exactly one person of the story. The story entity is named by
//! the fullest form any source uses; the other forms become aliases.

use std::collections::BTreeSet;

use corroborate_model::text::fold;
use corroborate_model::{BriefEntity, EntityId, EntityKind, SourceId, Story};
use rustc_hash::FxHashMap;

/// The story entities and, for each article, the story entity of each article entity.
pub(crate) struct StoryEntities {
    pub entities: Vec<BriefEntity>,
    /// `of[article][article_entity]` is the index into `entities`.
    pub of: Vec<Vec<usize>>,
}

struct Draft {
    names: Vec<String>,
    kinds: Vec<EntityKind>,
    aliases: BTreeSet<String>,
    roles: Vec<String>,
    sources: BTreeSet<SourceId>,
    mentions: usize,
    first_seen: (usize, usize),
}

pub(crate) fn story_entities(story: &Story) -> StoryEntities {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut of: Vec<Vec<usize>> = Vec::with_capacity(story.articles.len());
    // Multi-word names first, so that one-word names can find their person.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (article_index, article) in story.articles.iter().enumerate() {
        of.push(vec![usize::MAX; article.entities.len()]);
        for entity_index in 0..article.entities.len() {
            order.push((article_index, entity_index));
        }
    }
    order.sort_by_key(|&(a, e)| (word_count(&story.articles[a].entities[e].name) < 2, a, e));
    // Drafts by folded full name, and by the first and last word of their longer names.
    let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_name_part: FxHashMap<String, BTreeSet<usize>> = FxHashMap::default();
    for (article_index, entity_index) in order {
        let entity = &story.articles[article_index].entities[entity_index];
        let key = fold(&entity.name);
        let words: Vec<&str> = entity.name.split_whitespace().collect();
        let same_name = by_name.get(&key).and_then(|drafts_with_name| {
            drafts_with_name
                .iter()
                .copied()
                .find(|&d| compatible(&drafts[d], entity.kind))
        });
        let by_part = || {
            if words.len() != 1 {
                return None;
            }
            let owners: Vec<usize> = by_name_part
                .get(&fold(words[0]))?
                .iter()
                .copied()
                .filter(|&d| {
                    drafts[d]
                        .kinds
                        .iter()
                        .any(|kind| matches!(kind, EntityKind::Person | EntityKind::Other))
                })
                .collect();
            (owners.len() == 1).then(|| owners[0])
        };
        let index = same_name.or_else(by_part).unwrap_or_else(|| {
            drafts.push(Draft {
                names: Vec::new(),
                kinds: Vec::new(),
                aliases: BTreeSet::new(),
                roles: Vec::new(),
                sources: BTreeSet::new(),
                mentions: 0,
                first_seen: (article_index, entity.mentions.first().copied().unwrap_or(0)),
            });
            drafts.len() - 1
        });
        let names = by_name.entry(key).or_default();
        if !names.contains(&index) {
            names.push(index);
        }
        if words.len() >= 2 {
            for part in [words[0], words[words.len() - 1]] {
                by_name_part.entry(fold(part)).or_default().insert(index);
            }
        }
        let draft = &mut drafts[index];
        draft.names.push(entity.name.clone());
        draft.kinds.push(entity.kind);
        draft.aliases.extend(entity.aliases.iter().cloned());
        for role in &entity.roles {
            if !draft.roles.contains(role) {
                draft.roles.push(role.clone());
            }
        }
        draft.sources.insert(SourceId::from_index(article_index));
        draft.mentions += entity.mentions.len();
        draft.first_seen = draft
            .first_seen
            .min((article_index, entity.mentions.first().copied().unwrap_or(0)));
        of[article_index][entity_index] = index;
    }
    // Most mentioned first; ties by first appearance, so the order is stable.
    let mut ranked: Vec<usize> = (0..drafts.len()).collect();
    ranked.sort_by_key(|&d| (std::cmp::Reverse(drafts[d].mentions), drafts[d].first_seen));
    let mut position = vec![0; drafts.len()];
    for (rank, &draft) in ranked.iter().enumerate() {
        position[draft] = rank;
    }
    let entities = ranked
        .iter()
        .enumerate()
        .map(|(rank, &d)| finish(&drafts[d], EntityId::from_index(rank)))
        .collect();
    for article in &mut of {
        for slot in article.iter_mut() {
            *slot = position[*slot];
        }
    }
    StoryEntities { entities, of }
}

fn compatible(draft: &Draft, kind: EntityKind) -> bool {
    kind == EntityKind::Other
        || draft
            .kinds
            .iter()
            .any(|k| *k == kind || *k == EntityKind::Other)
}

fn word_count(name: &str) -> usize {
    name.split_whitespace().count()
}

fn finish(draft: &Draft, id: EntityId) -> BriefEntity {
    // The fullest name: most words, then the most used, then the alphabetically first.
    let name = draft
        .names
        .iter()
        .max_by(|a, b| {
            let count = |name: &String| draft.names.iter().filter(|other| *other == name).count();
            word_count(a)
                .cmp(&word_count(b))
                .then(count(a).cmp(&count(b)))
                .then(b.cmp(a))
        })
        .cloned()
        .unwrap_or_default();
    let kind = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ]
    .into_iter()
    .max_by_key(|kind| {
        (
            draft.kinds.iter().filter(|k| *k == kind).count(),
            std::cmp::Reverse(*kind),
        )
    })
    .filter(|kind| draft.kinds.contains(kind))
    .unwrap_or(EntityKind::Other);
    let mut aliases: BTreeSet<String> = draft.aliases.clone();
    aliases.extend(draft.names.iter().cloned());
    aliases.remove(&name);
    BriefEntity {
        id,
        name,
        kind,
        aliases: aliases.into_iter().collect(),
        roles: draft.roles.clone(),
        sources: draft.sources.iter().copied().collect(),
        mentions: draft.mentions,
    }
}
