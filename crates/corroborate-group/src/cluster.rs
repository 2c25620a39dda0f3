//! Online story clustering: articles are read in publication order, and each joins the
//! best-matching open story above a threshold or opens a new one.
//!
//! A story keeps the sums of its members' vectors: one of stemmed words weighted by TF-IDF,
//! one of entity names and numbers. An article's score against a story is its average
//! similarity with the story's members (a blend of the two vectors' dot products), less a
//! small penalty growing with the time gap; stories whose articles are all more than a window
//! older than the article are closed to it. Only stories that share one of the article's
//! strongest terms or names (found through an inverted index) are scored, so the cost per
//! article does not grow with the collection.

use rustc_hash::FxHashMap as HashMap;

use crate::features::{Features, Period, SparseVector};

/// How articles are clustered into stories. The defaults were tuned on the train and dev
/// topics of ECB+ (see `examples/ecbplus_scores.rs`).
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// An article joins the best story whose score reaches this when it is read; otherwise
    /// it opens one. Kept low: the online pass gathers, the second look separates.
    pub threshold: f32,
    /// Share of a similarity given to entity names and numbers (the rest is the words).
    pub entity_weight: f32,
    /// Weight of each occurrence of a number among the entity features.
    pub number_weight: f32,
    /// An article that shares no name with a story (only words and numbers) joins it only
    /// at this score: alike wording alone (two floods in two towns, two long reads on one
    /// theme) is not one event. Articles without names are held to `threshold` as before.
    pub unnamed_threshold: f32,
    /// Score taken off per window of time gap between an article and a story.
    pub time_penalty: f32,
    /// A story whose articles are all more than this many days older than an article is
    /// closed to it.
    pub window_days: u32,
    /// Extra occurrences given to the title's words.
    pub title_boost: f32,
    /// Extra occurrences given to the words of entity mentions.
    pub name_boost: f32,
    /// The second look splits a story in two parts when the parts are on average less alike
    /// than this ...
    pub split_threshold: f32,
    /// ... and less alike than this share of how alike each part is within.
    pub split_ratio: f32,
    /// The second look merges two stories whose articles are on average at least this alike.
    pub merge_threshold: f32,
    /// Words found in fewer articles of the collection are left out of the vectors.
    pub min_document_frequency: u32,
    /// How many of an article's strongest terms it is indexed under and looks stories up by
    /// (all its names are used too).
    pub index_terms: usize,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            threshold: 0.1,
            entity_weight: 0.3,
            unnamed_threshold: 0.3,
            number_weight: 2.0,
            time_penalty: 0.1,
            window_days: 7,
            title_boost: 1.0,
            name_boost: 1.0,
            split_threshold: 0.3,
            split_ratio: 0.7,
            merge_threshold: 0.24,
            min_document_frequency: 2,
            index_terms: 12,
        }
    }
}

/// What happened to an article when it was read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    /// No open story scored at or above the threshold: the article opened a story.
    Opened,
    /// The article joined the best-scoring open story.
    Joined,
    /// The article is a copy (exact or near duplicate) of an earlier-read article and
    /// follows it into its story.
    Copy { of: usize },
}

/// How well an article matches the other articles of its story.
#[derive(Clone, PartialEq, Debug)]
pub struct Match {
    /// The story, an index into `Grouping::stories`.
    pub story: usize,
    /// The blended average similarity with the story's other articles.
    pub score: f32,
    /// The average similarity of the word vectors.
    pub text_similarity: f32,
    /// The average similarity of the entity name and number vectors.
    pub entity_similarity: f32,
    /// The article's entity names that other articles of the story share, strongest first.
    pub shared_entities: Vec<String>,
    /// Days between the article's date and the nearest date of another article of the
    /// story; `None` when the article or all the others are undated.
    pub time_gap_days: Option<u64>,
}

/// Why an article is in its story.
#[derive(Clone, PartialEq, Debug)]
pub struct Decision {
    /// The article, an index into the input.
    pub article: usize,
    /// Its story, an index into `Grouping::stories`.
    pub story: usize,
    /// What happened when it was read.
    pub verdict: Verdict,
    /// When it was read, the score of the best open story: the one it joined, or the nearest
    /// one it did not reach. `None` when no open story shared a key with it, and for copies.
    pub read_score: Option<f32>,
    /// The second look separated it from articles of the story it was read into.
    pub split: bool,
    /// The second look merged the story it was read into with another.
    pub merged: bool,
    /// How it matches the rest of its story; `None` for a copy and for an article alone.
    pub fit: Option<Match>,
}

/// What the online pass found for one article.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading {
    pub verdict: Verdict,
    /// The online story it was read into.
    pub story: usize,
    pub score: Option<f32>,
}

/// Reads the articles in `order`; `copy_of[i]` names the earlier-read article that article
/// `i` is a copy of. Returns the online stories (members in reading order, stories in
/// opening order) and what happened to each article (in input order).
pub(crate) fn read_online(
    order: &[usize],
    copy_of: &[Option<usize>],
    features: &Features,
    config: &ClusterConfig,
) -> (Vec<Vec<usize>>, Vec<Reading>) {
    let mut state = State::new(features);
    let mut readings: Vec<Option<Reading>> = vec![None; copy_of.len()];
    for (step, &article) in order.iter().enumerate() {
        let reading = if let Some(original) = copy_of[article] {
            let story = readings[original].expect("originals are read first").story;
            state.add_copy(story, article, features.periods[article]);
            Reading {
                verdict: Verdict::Copy { of: original },
                story,
                score: None,
            }
        } else {
            match state.best_story(article, step, config) {
                Some((score, story, true)) => {
                    state.add(story, article, config);
                    Reading {
                        verdict: Verdict::Joined,
                        story,
                        score: Some(score),
                    }
                }
                nearest => Reading {
                    verdict: Verdict::Opened,
                    story: state.open(article, config),
                    score: nearest.map(|(score, _, _)| score),
                },
            }
        };
        readings[article] = Some(reading);
    }
    let stories = state
        .stories
        .into_iter()
        .map(|story| story.members)
        .collect();
    let readings = readings
        .into_iter()
        .map(|reading| reading.expect("every article is in the order"))
        .collect();
    (stories, readings)
}

/// Postings read per index key, at most, newest first: the most recent entries stand for a
/// key that many stories share, so the work per key is bounded whatever the collection.
const MAX_POSTINGS_SCAN: usize = 256;

/// Candidate stories scored in full per article, at most: the ones with the most key weight
/// in common with the article (a cheap bound on the dot products), so the scoring work per
/// article is bounded too.
const MAX_CANDIDATES: usize = 64;

/// Entries of the inverted index: a story and the first day of the article that put it
/// there (`i64::MAX` for an undated article). Postings are added in reading order, so every
/// list is sorted by day.
#[derive(Clone, Copy)]
struct Posting {
    story: u32,
    day: i64,
}

struct Story {
    members: Vec<usize>,
    /// Sums of the members' vectors.
    terms: HashMap<u32, f32>,
    entities: HashMap<u32, f32>,
    /// Members whose vectors are in the sums (copies are not).
    vectors: usize,
    period: Option<Period>,
}

struct State<'a> {
    features: &'a Features,
    stories: Vec<Story>,
    term_postings: Vec<Vec<Posting>>,
    entity_postings: Vec<Vec<Posting>>,
    /// For each story, the last step it was found as a candidate (dedupes the lookup).
    seen_at: Vec<usize>,
    /// For each story, the last key lookup that found it (a key counts once per story).
    seen_by_key: Vec<u64>,
    /// Key lookups so far.
    lookups: u64,
    /// For each story, the key weight it shares with the article being read.
    shared: Vec<f32>,
}

impl<'a> State<'a> {
    fn new(features: &'a Features) -> State<'a> {
        let n_terms = features
            .terms
            .iter()
            .flat_map(|vector| vector.iter().map(|(id, _)| *id as usize + 1))
            .max()
            .unwrap_or(0);
        State {
            features,
            stories: Vec::new(),
            term_postings: vec![Vec::new(); n_terms],
            entity_postings: vec![Vec::new(); features.entity_names.len()],
            seen_at: Vec::new(),
            seen_by_key: Vec::new(),
            lookups: 0,
            shared: Vec::new(),
        }
    }

    /// The best-scoring open story among those sharing a key with the article whose score
    /// reaches the article's bar for it (`true`), else the best-scoring one (`false`), with
    /// its score; ties go to the earlier-opened story.
    fn best_story(
        &mut self,
        article: usize,
        step: usize,
        config: &ClusterConfig,
    ) -> Option<(f32, usize, bool)> {
        let terms = &self.features.terms[article];
        let entities = &self.features.entities[article];
        let period = self.features.periods[article];
        let earliest = period.map(|period| period.first - i64::from(config.window_days));
        // Each key's postings within the window, newest first and at most
        // `MAX_POSTINGS_SCAN` of them, name candidate stories; a story gathers the article's
        // weight on each key it shares (once per key), a cheap stand-in for the score.
        let text_share = 1.0 - config.entity_weight;
        let mut keys: Vec<(bool, u32, f32)> = index_keys(terms, config.index_terms)
            .into_iter()
            .map(|id| {
                let weight = terms
                    .binary_search_by_key(&id, |(term, _)| *term)
                    .map_or(0.0, |at| terms[at].1);
                (false, id, text_share * weight)
            })
            .collect();
        keys.extend(
            entities
                .iter()
                .map(|(id, weight)| (true, *id, config.entity_weight * weight)),
        );
        let mut candidates: Vec<u32> = Vec::new();
        for (is_entity, id, weight) in keys {
            let postings = if is_entity {
                &mut self.entity_postings[id as usize]
            } else {
                &mut self.term_postings[id as usize]
            };
            let start = earliest.map_or(0, |earliest| {
                postings.partition_point(|posting| posting.day < earliest)
            });
            let in_window = postings.len() - start;
            if is_entity
                && self.features.entity_is_number[id as usize]
                && in_window > MAX_POSTINGS_SCAN
            {
                // A number that many articles of the window carry (a year, a small count)
                // names no story; it still counts in the score of the stories found.
                continue;
            }
            self.lookups += 1;
            for posting in postings[start..].iter().rev().take(MAX_POSTINGS_SCAN) {
                let story = posting.story as usize;
                if self.seen_by_key[story] == self.lookups {
                    continue;
                }
                self.seen_by_key[story] = self.lookups;
                if self.seen_at[story] != step + 1 {
                    self.seen_at[story] = step + 1;
                    self.shared[story] = 0.0;
                    candidates.push(posting.story);
                }
                self.shared[story] += weight;
            }
            // Postings older than the window are never read again by a dated article (they
            // come in date order); the newest few stay for the undated ones read last.
            let stale = start.min(postings.len().saturating_sub(MAX_POSTINGS_SCAN));
            if stale > 0 && stale * 2 >= postings.len() {
                postings.drain(..stale);
            }
        }
        if candidates.len() > MAX_CANDIDATES {
            let shared = &self.shared;
            let by_shared = |a: &u32, b: &u32| {
                shared[*b as usize]
                    .total_cmp(&shared[*a as usize])
                    .then(a.cmp(b))
            };
            candidates.select_nth_unstable_by(MAX_CANDIDATES - 1, by_shared);
            candidates.truncate(MAX_CANDIDATES);
        }
        candidates.sort_unstable();
        let mut best: Option<(f32, usize, bool)> = None;
        for story_id in candidates {
            let story = &self.stories[story_id as usize];
            let gap = match (period, story.period) {
                (Some(period), Some(story_period)) => Some(story_period.gap(period)),
                _ => None,
            };
            if gap.is_some_and(|gap| gap > u64::from(config.window_days)) {
                continue;
            }
            let n = story.vectors.max(1) as f32;
            let text = dot(terms, &story.terms) / n;
            let names = dot(entities, &story.entities) / n;
            let mut score = (1.0 - config.entity_weight) * text + config.entity_weight * names;
            if let Some(gap) = gap {
                score -= config.time_penalty * gap as f32 / config.window_days.max(1) as f32;
            }
            let passes = score >= self.bar(article, story_id as usize, config);
            if best.is_none_or(|(best_score, _, best_passes)| {
                (passes, score) > (best_passes, best_score)
            }) {
                best = Some((score, story_id as usize, passes));
            }
        }
        best
    }

    /// The score an article needs to join a story: the threshold, or the unnamed threshold
    /// when the article has names and the story has none of them.
    fn bar(&self, article: usize, story: usize, config: &ClusterConfig) -> f32 {
        let names = || {
            self.features.entities[article]
                .iter()
                .filter(|(id, _)| !self.features.entity_is_number[*id as usize])
        };
        let story_entities = &self.stories[story].entities;
        let has_names = self.features.has_names[article];
        let shares_name = names().any(|(id, _)| story_entities.contains_key(id));
        if has_names && !shares_name {
            config.unnamed_threshold.max(config.threshold)
        } else {
            config.threshold
        }
    }

    fn open(&mut self, article: usize, config: &ClusterConfig) -> usize {
        self.stories.push(Story {
            members: Vec::new(),
            terms: HashMap::default(),
            entities: HashMap::default(),
            vectors: 0,
            period: None,
        });
        self.seen_at.push(0);
        self.seen_by_key.push(0);
        self.shared.push(0.0);
        let story = self.stories.len() - 1;
        self.add(story, article, config);
        story
    }

    fn add(&mut self, story_id: usize, article: usize, config: &ClusterConfig) {
        let terms = &self.features.terms[article];
        let entities = &self.features.entities[article];
        let period = self.features.periods[article];
        let day = period.map_or(i64::MAX, |period| period.first);
        let posting = Posting {
            story: u32::try_from(story_id).expect("fewer than 4 billion stories"),
            day,
        };
        for id in index_keys(terms, config.index_terms) {
            self.term_postings[id as usize].push(posting);
        }
        for (id, _) in entities {
            self.entity_postings[*id as usize].push(posting);
        }
        let story = &mut self.stories[story_id];
        add_vector(&mut story.terms, terms);
        add_vector(&mut story.entities, entities);
        story.vectors += 1;
        self.add_copy(story_id, article, period);
    }

    /// Adds an article to a story's members and period, leaving its vectors as they are.
    fn add_copy(&mut self, story_id: usize, article: usize, period: Option<Period>) {
        let story = &mut self.stories[story_id];
        story.members.push(article);
        if let Some(period) = period {
            story.period = Some(story.period.map_or(period, |known| known.cover(period)));
        }
    }
}

/// The ids of the strongest terms of a vector (ties to the lower id), ascending.
pub(crate) fn index_keys(vector: &SparseVector, limit: usize) -> Vec<u32> {
    if vector.len() <= limit {
        return vector.iter().map(|(id, _)| *id).collect();
    }
    let mut by_weight: Vec<(f32, u32)> = vector.iter().map(|(id, w)| (*w, *id)).collect();
    by_weight.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut keys: Vec<u32> = by_weight[..limit].iter().map(|(_, id)| *id).collect();
    keys.sort_unstable();
    keys
}

fn dot(vector: &SparseVector, centroid: &HashMap<u32, f32>) -> f32 {
    vector
        .iter()
        .map(|(id, weight)| weight * centroid.get(id).copied().unwrap_or(0.0))
        .sum()
}

fn add_vector(sum: &mut HashMap<u32, f32>, vector: &SparseVector) {
    for (id, weight) in vector {
        *sum.entry(*id).or_insert(0.0) += weight;
    }
}
