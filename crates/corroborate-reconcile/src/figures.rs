//! The exact figures each sentence of a story states, compared across sources, so the
//! summary neither states a figure most sources give otherwise nor cites a source whose
//! sentence gives a different figure as support for it.
//!
//! A figure is keyed by what it counts (the claim's property, under the one name facts give
//! its wordings: `24 dead` and `killing 24 people` meet), whose it is (the subject's
//! surname, so `Calloway` and `Niamh Calloway` in two outlets meet) and its scope; only
//! exact figures take part (`about 400` and `402` do not disagree).

use std::collections::HashMap;

use corroborate_model::{Qualifier, Story};

use crate::similarity::SentenceIndex;

/// What a figure is of.
type Key = (String, Option<String>, Option<String>);

pub(crate) struct SentenceFigures {
    /// Per sentence of the index: its exact figures as (key id, value).
    figures: Vec<Vec<(usize, f64)>>,
    /// Per article: the values it gives for each figure, anywhere in its text.
    by_article: Vec<HashMap<usize, Vec<u64>>>,
    /// Per sentence: a figure of it is given otherwise by more sources than give it so.
    outvoted: Vec<bool>,
}

impl SentenceFigures {
    pub fn new(story: &Story, index: &SentenceIndex) -> SentenceFigures {
        let mut keys: HashMap<Key, usize> = HashMap::new();
        let mut figures: Vec<Vec<(usize, f64)>> = Vec::with_capacity(index.sentences.len());
        for sentence in &index.sentences {
            let article = &story.articles[sentence.article];
            let claims = &article.claims;
            let first = claims.partition_point(|claim| claim.span.start() < sentence.span.start());
            let mut found = Vec::new();
            for claim in claims[first..]
                .iter()
                .take_while(|claim| claim.span.start() < sentence.span.end())
            {
                if claim.qualifier != Qualifier::Exact || !claim.value.is_finite() {
                    continue;
                }
                let subject = claim.subject.and_then(|entity| {
                    let name = &article.entities.get(entity)?.name;
                    Some(name.split_whitespace().last()?.to_lowercase())
                });
                let key = (
                    crate::facts::canonical_property(&claim.property),
                    subject,
                    claim.scope.clone(),
                );
                let next = keys.len();
                let id = *keys.entry(key).or_insert(next);
                found.push((id, claim.value));
            }
            figures.push(found);
        }
        // Sources giving each value of each figure.
        let mut sources: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        let mut by_article: Vec<HashMap<usize, Vec<u64>>> =
            vec![HashMap::new(); story.articles.len()];
        for (sentence, found) in figures.iter().enumerate() {
            let article = index.sentences[sentence].article;
            for &(key, value) in found {
                let values = by_article[article].entry(key).or_default();
                if !values.contains(&value.to_bits()) {
                    values.push(value.to_bits());
                }
                let holders = sources.entry((key, value.to_bits())).or_default();
                if !holders.contains(&article) {
                    holders.push(article);
                }
            }
        }
        let mut most: HashMap<usize, usize> = HashMap::new();
        for (&(key, _), holders) in &sources {
            let best = most.entry(key).or_default();
            *best = (*best).max(holders.len());
        }
        let outvoted = figures
            .iter()
            .map(|found| {
                found
                    .iter()
                    .any(|&(key, value)| sources[&(key, value.to_bits())].len() < most[&key])
            })
            .collect();
        SentenceFigures {
            figures,
            by_article,
            outvoted,
        }
    }

    /// True when the two sentences give different exact values for one figure.
    pub fn disagree(&self, a: usize, b: usize) -> bool {
        self.figures[a].iter().any(|&(key, value)| {
            self.figures[b]
                .iter()
                .any(|&(other_key, other)| other_key == key && other != value)
        })
    }

    /// True when the article gives one of the sentence's figures, anywhere in its text, only
    /// otherwise: a sentence of it alike in words does not support the sentence's figure.
    pub fn article_disagrees(&self, sentence: usize, article: usize) -> bool {
        self.figures[sentence].iter().any(|&(key, value)| {
            self.by_article[article]
                .get(&key)
                .is_some_and(|values| !values.contains(&value.to_bits()))
        })
    }

    /// True when the sentence gives a figure that more sources give otherwise.
    pub fn outvoted(&self, sentence: usize) -> bool {
        self.outvoted[sentence]
    }
}
