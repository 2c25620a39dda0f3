//! What grouping keeps of each analysed article: its id and date, its text's print for copy
//! detection, and its counted terms, names and numbers, so a large collection can be
//! analysed a chunk at a time and grouped without holding every analysis.
//!
//! Term and entity ids here are provisional (given in the order the articles are added);
//! `features` gives the final ones in reading order, so nothing depends on the input order
//! or on how the collection was cut into chunks.

use std::borrow::Borrow;

use corroborate_model::{AnalyzedArticle, ArticleId, PublishedDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::features::{entity_key, kind_weight};
use crate::near_dup::TextPrint;
use crate::terms::{TermDictionary, key_hash};
use crate::{GroupConfig, Grouping};

/// Sketches of a collection's articles, added in input order; [`Sketches::group`] groups
/// them exactly as [`crate::group`] groups the analysed articles.
pub struct Sketches {
    pub(crate) config: GroupConfig,
    dictionary: TermDictionary,
    /// Entity key (its hash, see [`key_hash`]) -> provisional id.
    entity_ids: HashMap<u64, u32>,
    /// Provisional entity id -> true for a number.
    pub(crate) entity_is_number: Vec<bool>,
    /// Spellings of entity names and numbers, each once: the hash of the spelling -> the
    /// ids of the spellings with that hash (one, short of a collision).
    spelling_ids: HashMap<u64, SpellingIds>,
    pub(crate) spellings: Vec<String>,
    pub(crate) articles: Vec<Sketch>,
}

/// One article's sketch.
pub(crate) struct Sketch {
    pub id: ArticleId,
    pub published: Option<PublishedDate>,
    /// Orders articles of one date and id (the text itself is not kept).
    pub text_hash: u64,
    pub print: Option<TextPrint>,
    /// Provisional term ids in the order the article first uses them, with their weights
    /// (sublinear in the counts, before inverse document frequency).
    pub terms: Vec<(u32, f32)>,
    /// Provisional entity ids in the order the article first names them, with their weights
    /// (before inverse document frequency) and the spelling of their first occurrence.
    pub entities: Vec<(u32, f32, u32)>,
    /// The article names anyone or anything.
    pub has_names: bool,
}

impl Sketches {
    pub fn new(config: &GroupConfig) -> Sketches {
        Sketches {
            config: config.clone(),
            dictionary: TermDictionary::new(),
            entity_ids: HashMap::default(),
            entity_is_number: Vec::new(),
            spelling_ids: HashMap::default(),
            spellings: Vec::new(),
            articles: Vec::new(),
        }
    }

    /// The number of articles added.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Roughly how many bytes the sketches hold (the articles' sketches, then the shared
    /// dictionaries of terms and names), for measurements.
    pub fn memory(&self) -> (usize, usize) {
        let articles = self.articles.capacity() * std::mem::size_of::<Sketch>()
            + self
                .articles
                .iter()
                .map(|sketch| {
                    sketch.id.as_str().len()
                        + sketch.terms.capacity() * std::mem::size_of::<(u32, f32)>()
                        + sketch.entities.capacity() * std::mem::size_of::<(u32, f32, u32)>()
                })
                .sum::<usize>();
        // A hash map entry: a 64-bit key, the value, a control byte.
        let shared = self.entity_ids.len() * (8 + 4 + 1)
            + self.spelling_ids.len() * (8 + std::mem::size_of::<SpellingIds>() + 1)
            + self
                .spellings
                .iter()
                .map(|spelling| spelling.len() + std::mem::size_of::<String>())
                .sum::<usize>()
            + self.dictionary.memory();
        (articles, shared)
    }

    /// Adds articles (the next ones of the input). Prints are made in parallel, terms in
    /// order (the dictionary is shared).
    pub fn add<A: Borrow<AnalyzedArticle> + Sync>(&mut self, articles: &[A]) {
        let near_dup = &self.config.near_dup;
        let prints: Vec<(Option<TextPrint>, u64)> = articles
            .par_iter()
            .map(|article| {
                let text = article.borrow().clean.text.as_str();
                (TextPrint::of(text, near_dup), text_hash(text))
            })
            .collect();
        for (article, (print, text_hash)) in articles.iter().zip(prints) {
            let sketch = self.sketch(article.borrow(), print, text_hash);
            self.articles.push(sketch);
        }
    }

    /// Groups the articles added.
    pub fn group(self) -> Grouping {
        crate::group_sketches(self)
    }

    fn sketch(
        &mut self,
        article: &AnalyzedArticle,
        print: Option<TextPrint>,
        text_hash: u64,
    ) -> Sketch {
        let (title_boost, name_boost, number_weight) = {
            let cluster = &self.config.cluster;
            (
                cluster.title_boost,
                cluster.name_boost,
                cluster.number_weight,
            )
        };
        let mut ids = Vec::new();
        let mut first_seen: Vec<u32> = Vec::new();
        self.dictionary.terms_of(&article.clean.text, &mut ids);
        first_seen.extend(&ids);
        let mut counts = count(&ids, 1.0);
        if let Some(title) = article.title() {
            ids.clear();
            self.dictionary.terms_of(title, &mut ids);
            first_seen.extend(&ids);
            let title_counts = count(&ids, title_boost);
            counts = add(&counts, &title_counts);
        }
        if name_boost > 0.0 {
            ids.clear();
            for mention in &article.mentions {
                self.dictionary
                    .terms_of(article.text(mention.span), &mut ids);
            }
            first_seen.extend(&ids);
            let name_counts = count(&ids, name_boost);
            counts = add(&counts, &name_counts);
        }
        // The weights in order of first use (how `features` gives ids in reading order).
        let mut terms = Vec::with_capacity(counts.len());
        let mut taken = vec![false; counts.len()];
        for id in first_seen {
            if let Ok(at) = counts.binary_search_by_key(&id, |(term, _)| *term)
                && !taken[at]
            {
                taken[at] = true;
                terms.push((id, 1.0 + counts[at].1.ln()));
            }
        }

        let mut has_names = false;
        let mut entities: Vec<(u32, f32, u32)> = Vec::new();
        let mut at_of: HashMap<u32, usize> = HashMap::default();
        let mut push =
            |entities: &mut Vec<(u32, f32, u32)>, id: u32, weight: f32, spelling| match at_of
                .get(&id)
            {
                Some(&at) => entities[at].1 += weight,
                None => {
                    at_of.insert(id, entities.len());
                    entities.push((id, weight, spelling));
                }
            };
        for entity in &article.entities {
            let key = entity_key(&entity.name);
            if key.is_empty() {
                continue;
            }
            has_names = true;
            let id = self.entity_id(key, false);
            let spelling = self.spelling_id(&entity.name);
            let mentions = entity.mentions.len().max(1) as f32;
            push(
                &mut entities,
                id,
                kind_weight(entity.kind) * (1.0 + mentions.ln()),
                spelling,
            );
        }
        if number_weight > 0.0 {
            // Numbers (scores, tolls, sums, ages, years) tell alike events apart as names do.
            for (_, word) in corroborate_model::text::words(&article.clean.text) {
                if !word.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let id = self.entity_id(format!("#{}", word.replace(',', "")), true);
                let spelling = self.spelling_id(word);
                push(&mut entities, id, number_weight, spelling);
            }
        }
        entities.shrink_to_fit();
        Sketch {
            id: article.clean.article.id.clone(),
            published: article.clean.article.published,
            text_hash,
            print,
            terms,
            entities,
            has_names,
        }
    }

    fn entity_id(&mut self, key: String, is_number: bool) -> u32 {
        let next_id =
            u32::try_from(self.entity_is_number.len()).expect("fewer than 4 billion names");
        let id = *self.entity_ids.entry(key_hash(&key)).or_insert(next_id);
        if id == next_id {
            self.entity_is_number.push(is_number);
        }
        id
    }

    fn spelling_id(&mut self, spelling: &str) -> u32 {
        let key = key_hash(spelling);
        if let Some(ids) = self.spelling_ids.get(&key) {
            let same = |&&id: &&u32| self.spellings[id as usize] == spelling;
            let found = match ids {
                SpellingIds::One(id) => std::slice::from_ref(id).iter().find(same),
                SpellingIds::Many(ids) => ids.iter().find(same),
            };
            if let Some(id) = found {
                return *id;
            }
        }
        let id = u32::try_from(self.spellings.len()).expect("fewer than 4 billion spellings");
        self.spellings.push(spelling.to_owned());
        match self.spelling_ids.get_mut(&key) {
            None => {
                self.spelling_ids.insert(key, SpellingIds::One(id));
            }
            Some(SpellingIds::One(first)) => {
                let first = *first;
                self.spelling_ids
                    .insert(key, SpellingIds::Many(vec![first, id]));
            }
            Some(SpellingIds::Many(ids)) => ids.push(id),
        }
        id
    }
}

/// The spellings sharing one hash: almost always one.
enum SpellingIds {
    One(u32),
    Many(Vec<u32>),
}

/// A hash of the text (FNV-1a), to order articles of one date and id.
fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
    })
}

fn count(ids: &[u32], each: f32) -> Vec<(u32, f32)> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut counts: Vec<(u32, f32)> = Vec::new();
    for id in sorted {
        match counts.last_mut() {
            Some((last, total)) if *last == id => *total += each,
            _ => counts.push((id, each)),
        }
    }
    counts
}

fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => unreachable!("the loop condition holds one side"),
        }
    }
    out
}
