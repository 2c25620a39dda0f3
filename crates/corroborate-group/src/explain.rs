//! Why each article is in its final story: what happened when it was read, what the second
//! look changed, and how it matches the story's other articles (average similarity, shared
//! entity names, time gap).

use rustc_hash::FxHashMap as HashMap;

use crate::cluster::{ClusterConfig, Decision, Match, Reading};
use crate::features::{Features, Period, SparseVector};

/// One decision per article (in input order) for the final `stories`.
pub(crate) fn explain(
    stories: &[Vec<usize>],
    readings: &[Reading],
    copy_of: &[Option<usize>],
    features: &Features,
    config: &ClusterConfig,
) -> Vec<Decision> {
    let mut story_of = vec![0; readings.len()];
    for (story, members) in stories.iter().enumerate() {
        for &article in members {
            story_of[article] = story;
        }
    }
    // A story read online that ends in several final stories was split; a final story
    // holding articles of several online stories was merged.
    let mut finals_of_online: HashMap<usize, usize> = HashMap::default();
    let mut split_online: Vec<bool> = Vec::new();
    let mut merged_final = vec![false; stories.len()];
    let mut online_of_final: Vec<Option<usize>> = vec![None; stories.len()];
    for (article, reading) in readings.iter().enumerate() {
        let online = reading.story;
        if online >= split_online.len() {
            split_online.resize(online + 1, false);
        }
        let final_story = story_of[article];
        match finals_of_online.insert(online, final_story) {
            Some(previous) if previous != final_story => split_online[online] = true,
            _ => {}
        }
        match online_of_final[final_story] {
            Some(previous) if previous != online => merged_final[final_story] = true,
            None => online_of_final[final_story] = Some(online),
            _ => {}
        }
    }

    let mut fits: Vec<Option<Match>> = vec![None; readings.len()];
    for (story, members) in stories.iter().enumerate() {
        let originals: Vec<usize> = members
            .iter()
            .copied()
            .filter(|article| copy_of[*article].is_none())
            .collect();
        for (article, fit) in story_fits(story, &originals, features, config) {
            fits[article] = Some(fit);
        }
    }

    readings
        .iter()
        .enumerate()
        .map(|(article, reading)| Decision {
            article,
            story: story_of[article],
            verdict: reading.verdict,
            read_score: reading.score,
            split: split_online[reading.story],
            merged: merged_final[story_of[article]],
            fit: fits[article].take(),
        })
        .collect()
}

/// How each original article of a story matches the story's other originals.
fn story_fits(
    story: usize,
    members: &[usize],
    features: &Features,
    config: &ClusterConfig,
) -> Vec<(usize, Match)> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut terms: HashMap<u32, f32> = HashMap::default();
    let mut entities: HashMap<u32, f32> = HashMap::default();
    let mut holders: HashMap<u32, u32> = HashMap::default();
    for &article in members {
        for (id, weight) in &features.terms[article] {
            *terms.entry(*id).or_insert(0.0) += weight;
        }
        for (id, weight) in &features.entities[article] {
            *entities.entry(*id).or_insert(0.0) += weight;
            *holders.entry(*id).or_insert(0) += 1;
        }
    }
    let gaps = nearest_gaps(members, &features.periods);
    let others = (members.len() - 1) as f32;
    members
        .iter()
        .zip(gaps)
        .map(|(&article, gap)| {
            let own_terms = &features.terms[article];
            let own_entities = &features.entities[article];
            let text = (dot_map(own_terms, &terms) - norm2(own_terms)) / others;
            let names = (dot_map(own_entities, &entities) - norm2(own_entities)) / others;
            let mut shared: Vec<(f32, u32)> = own_entities
                .iter()
                .filter(|(id, _)| !features.entity_is_number[*id as usize])
                .filter(|(id, _)| holders[id] > 1)
                .map(|(id, weight)| (*weight, *id))
                .collect();
            shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let fit = Match {
                story,
                score: (1.0 - config.entity_weight) * text + config.entity_weight * names,
                text_similarity: text,
                entity_similarity: names,
                shared_entities: shared
                    .into_iter()
                    .map(|(_, id)| features.entity_names[id as usize].clone())
                    .collect(),
                time_gap_days: gap,
            };
            (article, fit)
        })
        .collect()
}

/// For each member, the gap in days to the nearest period of another dated member.
fn nearest_gaps(members: &[usize], periods: &[Option<Period>]) -> Vec<Option<u64>> {
    let mut dated: Vec<(Period, usize)> = members
        .iter()
        .enumerate()
        .filter_map(|(slot, article)| periods[*article].map(|period| (period, slot)))
        .collect();
    dated.sort_unstable();
    let mut gaps = vec![None; members.len()];
    // Earlier-starting periods reach furthest with their latest end; later-starting ones
    // come nearest with the next start.
    let mut latest_end: Option<i64> = None;
    for (rank, (period, slot)) in dated.iter().enumerate() {
        let before = latest_end.map(|end| (period.first - end).max(0) as u64);
        let after = dated
            .get(rank + 1)
            .map(|(next, _)| (next.first - period.last).max(0) as u64);
        gaps[*slot] = match (before, after) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (gap, None) | (None, gap) => gap,
        };
        latest_end = Some(latest_end.map_or(period.last, |end| end.max(period.last)));
    }
    gaps
}

fn dot_map(vector: &SparseVector, map: &HashMap<u32, f32>) -> f32 {
    vector
        .iter()
        .map(|(id, weight)| weight * map.get(id).copied().unwrap_or(0.0))
        .sum()
}

fn norm2(vector: &SparseVector) -> f32 {
    vector.iter().map(|(_, weight)| weight * weight).sum()
}
