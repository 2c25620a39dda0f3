//! A second look at the online stories: a story whose articles fall into two parts that are
//! clearly less alike than each part is within is split, then stories whose articles are
//! alike on average are merged.
//!
//! Reading in one pass cannot undo an early mistake: when the first articles of two alike
//! events arrive together, they open one story, and the story then draws both events; and an
//! article read before its story has taken shape may open a story of its own. Both looks work
//! on sums of the members' vectors, so the average similarity of two groups of articles costs
//! one sparse dot product, and the work stays linear in the size of each story.
//!
//! Every list of articles here is kept in reading order, so sums are added in one order
//! whatever the order of the input.

use rustc_hash::FxHashMap as HashMap;

use crate::cluster::{ClusterConfig, index_keys};
use crate::features::{Features, Period, SparseVector};

/// Splits, then merges, the stories (each in reading order); returns them in reading order
/// of their first article. `position` is each article's place in the reading order; copies
/// follow their originals.
pub(crate) fn refine(
    stories: Vec<Vec<usize>>,
    copy_of: &[Option<usize>],
    position: &[usize],
    features: &Features,
    config: &ClusterConfig,
) -> Vec<Vec<usize>> {
    let split = split_stories(stories, copy_of, features, config);
    let mut merged = merge_stories(split, copy_of, position, features, config);
    merged.sort_by_key(|story| story.first().map(|article| position[*article]));
    merged
}

/// Bisects stories until no bisection finds two parts that are both less alike than
/// `split_threshold` and less alike than `split_ratio` times their own cohesion.
fn split_stories(
    stories: Vec<Vec<usize>>,
    copy_of: &[Option<usize>],
    features: &Features,
    config: &ClusterConfig,
) -> Vec<Vec<usize>> {
    let mut done = Vec::new();
    let mut pending: Vec<Vec<usize>> = stories;
    pending.reverse();
    while let Some(story) = pending.pop() {
        let originals: Vec<usize> = story
            .iter()
            .copied()
            .filter(|article| copy_of[*article].is_none())
            .collect();
        let Some(first_part) = bisect(&originals, features, config) else {
            done.push(story);
            continue;
        };
        let in_first = |article: usize| {
            let original = copy_of[article].unwrap_or(article);
            first_part.binary_search(&original).is_ok()
        };
        let (left, right): (Vec<usize>, Vec<usize>) =
            story.iter().partition(|article| in_first(**article));
        pending.push(right);
        pending.push(left);
    }
    done
}

/// Merges stories whose articles are on average at least `merge_threshold` alike and whose
/// dates are within the window, the most alike pairs first, until no pair is left.
/// Candidate pairs share one of the strongest terms of their articles.
fn merge_stories(
    stories: Vec<Vec<usize>>,
    copy_of: &[Option<usize>],
    position: &[usize],
    features: &Features,
    config: &ClusterConfig,
) -> Vec<Vec<usize>> {
    let mut stories: Vec<Option<Vec<usize>>> = stories.into_iter().map(Some).collect();
    for _ in 0..MAX_MERGE_ROUNDS {
        let mut sums: Vec<Option<Sum>> = vec![None; stories.len()];
        let mut periods: Vec<Option<Period>> = vec![None; stories.len()];
        let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
        for (index, story) in stories.iter().enumerate() {
            let Some(story) = story else { continue };
            let mut sum = Sum::default();
            let mut keys: Vec<u32> = Vec::new();
            for &article in story {
                if let Some(period) = features.periods[article] {
                    periods[index] =
                        Some(periods[index].map_or(period, |known| known.cover(period)));
                }
                if copy_of[article].is_none() {
                    sum.add(article, features, config.entity_weight);
                    keys.extend(index_keys(&features.terms[article], config.index_terms));
                }
            }
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                postings.entry(key).or_default().push(index);
            }
            sums[index] = Some(sum).filter(|sum| sum.count > 0);
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for list in postings.values() {
            // A term that many stories share says nothing about which two belong together,
            // and pairing all of them would cost the square of their number.
            if list.len() > MAX_MERGE_POSTINGS {
                continue;
            }
            for (at, &first) in list.iter().enumerate() {
                pairs.extend(list[at + 1..].iter().map(|&second| (first, second)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut scored: Vec<(f32, usize, usize)> = pairs
            .into_iter()
            .filter_map(|(first, second)| {
                let (Some(a), Some(b)) = (&sums[first], &sums[second]) else {
                    return None;
                };
                if let (Some(one), Some(other)) = (periods[first], periods[second])
                    && one.gap(other) > u64::from(config.window_days)
                {
                    return None;
                }
                let cross = a.cross(b, config.entity_weight);
                (cross >= config.merge_threshold).then_some((cross, first, second))
            })
            .collect();
        if scored.is_empty() {
            break;
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut touched = vec![false; stories.len()];
        for (_, first, second) in scored {
            if touched[first] || touched[second] {
                continue;
            }
            touched[first] = true;
            touched[second] = true;
            let mut merged = stories[first].take().expect("a live story");
            merged.extend(stories[second].take().expect("a live story"));
            merged.sort_unstable_by_key(|article| position[*article]);
            stories[first] = Some(merged);
        }
    }
    stories.into_iter().flatten().collect()
}

/// Stories sharing one key, at most, for the key to propose merges.
const MAX_MERGE_POSTINGS: usize = 64;

/// Rounds of merging, at most (each round merges every story at most once).
const MAX_MERGE_ROUNDS: usize = 5;

/// Rounds of reassignment in one bisection, at most.
const MAX_BISECT_ROUNDS: usize = 10;

/// Sums of the members' vectors, in the order the members were added.
#[derive(Clone, Default)]
struct Sum {
    terms: HashMap<u32, f32>,
    entities: HashMap<u32, f32>,
    /// The sum of each member's blended self-similarity (1 for a member with both vectors).
    own: f32,
    count: usize,
}

impl Sum {
    fn add(&mut self, article: usize, features: &Features, weight: f32) {
        for (id, weight) in &features.terms[article] {
            *self.terms.entry(*id).or_insert(0.0) += weight;
        }
        for (id, weight) in &features.entities[article] {
            *self.entities.entry(*id).or_insert(0.0) += weight;
        }
        self.own += self_similarity(article, features, weight);
        self.count += 1;
    }

    /// The average blended similarity of an article with the members (itself excluded
    /// when `contains` says it is one of them).
    fn similarity(&self, article: usize, contains: bool, features: &Features, weight: f32) -> f32 {
        let others = self.count - usize::from(contains);
        if others == 0 {
            return f32::NEG_INFINITY;
        }
        let text = dot_map(&features.terms[article], &self.terms);
        let names = dot_map(&features.entities[article], &self.entities);
        let own = if contains {
            self_similarity(article, features, weight)
        } else {
            0.0
        };
        ((1.0 - weight) * text + weight * names - own) / others as f32
    }

    /// The average blended similarity of a member of one sum with a member of the other.
    fn cross(&self, other: &Sum, weight: f32) -> f32 {
        let text = dot_maps(&self.terms, &other.terms);
        let names = dot_maps(&self.entities, &other.entities);
        ((1.0 - weight) * text + weight * names) / (self.count * other.count) as f32
    }

    /// The average blended similarity of two different members; `None` for fewer than two.
    fn cohesion(&self, weight: f32) -> Option<f32> {
        if self.count < 2 {
            return None;
        }
        let text = dot_maps(&self.terms, &self.terms);
        let names = dot_maps(&self.entities, &self.entities);
        let pairs = (self.count * (self.count - 1)) as f32;
        Some(((1.0 - weight) * text + weight * names - self.own) / pairs)
    }
}

/// Finds two parts of a story (bisecting 2-means on average similarity) and returns the
/// first part, ascending, when the story should be split there.
fn bisect(members: &[usize], features: &Features, config: &ClusterConfig) -> Option<Vec<usize>> {
    if members.len() < 2 {
        return None;
    }
    let weight = config.entity_weight;
    let mut total = Sum::default();
    for &article in members {
        total.add(article, features, weight);
    }
    // Seeds: the article least like the rest, then the article least like that one; ties
    // go to the earlier-read article.
    let least_like = |sum: &Sum, contains: bool, skip: Option<usize>| {
        let mut best: Option<(f32, usize)> = None;
        for &article in members {
            if Some(article) == skip {
                continue;
            }
            let similarity = sum.similarity(article, contains, features, weight);
            if best.is_none_or(|(lowest, _)| similarity < lowest) {
                best = Some((similarity, article));
            }
        }
        best.map(|(_, article)| article)
    };
    let first_seed = least_like(&total, true, None)?;
    let mut seed = Sum::default();
    seed.add(first_seed, features, weight);
    let second_seed = least_like(&seed, false, Some(first_seed))?;

    let mut in_first: Vec<bool> = members.iter().map(|a| *a == first_seed).collect();
    let mut in_second: Vec<bool> = members.iter().map(|a| *a == second_seed).collect();
    let mut sums = [Sum::default(), Sum::default()];
    sums[0].add(first_seed, features, weight);
    sums[1].add(second_seed, features, weight);
    for _ in 0..MAX_BISECT_ROUNDS {
        let next: Vec<bool> = members
            .iter()
            .enumerate()
            .map(|(slot, &article)| {
                let to_first = sums[0].similarity(article, in_first[slot], features, weight);
                let to_second = sums[1].similarity(article, in_second[slot], features, weight);
                to_first >= to_second
            })
            .collect();
        if next.iter().all(|side| *side) || next.iter().all(|side| !*side) {
            return None;
        }
        let changed = next != in_first;
        in_first = next;
        in_second = in_first.iter().map(|side| !side).collect();
        sums = [Sum::default(), Sum::default()];
        for (slot, &article) in members.iter().enumerate() {
            let side = usize::from(in_second[slot]);
            sums[side].add(article, features, weight);
        }
        if !changed {
            break;
        }
    }
    let cross = sums[0].cross(&sums[1], weight);
    let cohesion = match (sums[0].cohesion(weight), sums[1].cohesion(weight)) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => f32::INFINITY,
    };
    if cross >= config.split_threshold || cross >= config.split_ratio * cohesion {
        return None;
    }
    let mut first: Vec<usize> = members
        .iter()
        .zip(&in_first)
        .filter(|(_, side)| **side)
        .map(|(article, _)| *article)
        .collect();
    first.sort_unstable();
    Some(first)
}

fn self_similarity(article: usize, features: &Features, weight: f32) -> f32 {
    let norm2 = |vector: &SparseVector| vector.iter().map(|(_, w)| w * w).sum::<f32>();
    (1.0 - weight) * norm2(&features.terms[article]) + weight * norm2(&features.entities[article])
}

fn dot_map(vector: &SparseVector, map: &HashMap<u32, f32>) -> f32 {
    vector
        .iter()
        .map(|(id, weight)| weight * map.get(id).copied().unwrap_or(0.0))
        .sum()
}

/// The dot product of two sparse maps, summed in ascending id order so the result does not
/// depend on the maps' insertion history.
fn dot_maps(a: &HashMap<u32, f32>, b: &HashMap<u32, f32>) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut entries: Vec<(u32, f32)> = small.iter().map(|(id, w)| (*id, *w)).collect();
    entries.sort_unstable_by_key(|(id, _)| *id);
    entries
        .into_iter()
        .map(|(id, weight)| weight * large.get(&id).copied().unwrap_or(0.0))
        .sum()
}
