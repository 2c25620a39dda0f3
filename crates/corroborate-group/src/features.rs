//! What clustering compares: each article's TF-IDF vector of stemmed words (title and
//! entity mentions counted again), its weighted entity names and numbers, and its
//! publication period as day numbers.
//!
//! Term and entity ids are given in the order the articles are read (the clustering order),
//! and inverse document frequencies are counted over the whole collection, so the features
//! of an article do not depend on the order of the input.

use corroborate_model::calendar::day_number;
use corroborate_model::text::fold;
use corroborate_model::{EntityKind, PublishedDate};

use crate::sketch::Sketches;

/// A sparse vector: ids ascending, unit length (or empty).
pub(crate) type SparseVector = Vec<(u32, f32)>;

/// The features of every article, indexed like the input.
pub(crate) struct Features {
    pub terms: Vec<SparseVector>,
    /// Entity names and numbers, weighted by salience and inverse document frequency.
    pub entities: Vec<SparseVector>,
    /// Entity id -> the name shown in explanations (its first spelling in reading order).
    pub entity_names: Vec<String>,
    /// Entity id -> true for a number rather than a name.
    pub entity_is_number: Vec<bool>,
    /// Article -> true when it names anyone or anything, even a name no other article has
    /// (such names are left out of `entities`, which keeps what two articles can share).
    pub has_names: Vec<bool>,
    pub periods: Vec<Option<Period>>,
}

/// The days a publication date covers (day numbers since 1970-01-01, both ends included).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Period {
    pub first: i64,
    pub last: i64,
}

impl Period {
    pub(crate) fn of(date: PublishedDate) -> Period {
        let year = i64::from(date.year());
        match (date.month(), date.day()) {
            (Some(month), Some(day)) => {
                let day = day_number(year, u32::from(month), u32::from(day));
                Period {
                    first: day,
                    last: day,
                }
            }
            (Some(month), None) => {
                let first = day_number(year, u32::from(month), 1);
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, u32::from(month) + 1)
                };
                Period {
                    first,
                    last: day_number(next_year, next_month, 1) - 1,
                }
            }
            _ => Period {
                first: day_number(year, 1, 1),
                last: day_number(year + 1, 1, 1) - 1,
            },
        }
    }

    /// Days between the two periods; 0 when they overlap.
    pub(crate) fn gap(self, other: Period) -> u64 {
        if self.last < other.first {
            (other.first - self.last) as u64
        } else if other.last < self.first {
            (self.first - other.last) as u64
        } else {
            0
        }
    }

    pub(crate) fn cover(self, other: Period) -> Period {
        Period {
            first: self.first.min(other.first),
            last: self.last.max(other.last),
        }
    }
}

/// Builds the features of the sketched articles, reading them in `order`: term and entity
/// ids are given in the order the articles are read (the provisional ids of the sketches
/// are mapped to them), so the features do not depend on the input order.
pub(crate) fn extract(
    sketches: &mut Sketches,
    order: &[usize],
    min_document_frequency: u32,
) -> Features {
    // The sketches' counts are moved out as they are read: a large collection does not hold
    // them twice.
    let spellings = &sketches.spellings;
    let provisional_is_number = &sketches.entity_is_number;
    let articles = &mut sketches.articles;
    let mut term_ids: Vec<u32> = Vec::new();
    let mut entity_ids: Vec<u32> = vec![u32::MAX; provisional_is_number.len()];
    let mut entity_names: Vec<String> = Vec::new();
    let mut entity_is_number: Vec<bool> = Vec::new();
    let mut n_terms = 0u32;
    let mut term_counts: Vec<Vec<(u32, f32)>> = vec![Vec::new(); articles.len()];
    let mut entity_counts: Vec<Vec<(u32, f32)>> = vec![Vec::new(); articles.len()];
    for &index in order {
        let sketch = &mut articles[index];
        let mut counts = std::mem::take(&mut sketch.terms);
        for (provisional, _) in &mut counts {
            let at = *provisional as usize;
            if term_ids.len() <= at {
                term_ids.resize(at + 1, u32::MAX);
            }
            if term_ids[at] == u32::MAX {
                term_ids[at] = n_terms;
                n_terms += 1;
            }
            *provisional = term_ids[at];
        }
        counts.sort_unstable_by_key(|(id, _)| *id);
        term_counts[index] = counts;

        let mut entities: Vec<(u32, f32)> = Vec::with_capacity(sketch.entities.len());
        for &(provisional, weight, spelling) in &std::mem::take(&mut sketch.entities) {
            let provisional = provisional as usize;
            if entity_ids[provisional] == u32::MAX {
                entity_ids[provisional] =
                    u32::try_from(entity_names.len()).expect("fewer than 4 billion names");
                entity_names.push(spellings[spelling as usize].clone());
                entity_is_number.push(provisional_is_number[provisional]);
            }
            entities.push((entity_ids[provisional], weight));
        }
        entities.sort_unstable_by_key(|(id, _)| *id);
        entity_counts[index] = entities;
    }
    let has_names = articles.iter().map(|sketch| sketch.has_names).collect();
    let periods = articles
        .iter()
        .map(|sketch| sketch.published.map(Period::of))
        .collect();

    let terms = weigh_all(term_counts, n_terms as usize, min_document_frequency);
    let entities = weigh_all(entity_counts, entity_names.len(), 2);
    Features {
        terms,
        entities,
        entity_names,
        entity_is_number,
        has_names,
        periods,
    }
}

/// The matching form of an entity name: folded words joined by one space.
pub(crate) fn entity_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    for (_, word) in corroborate_model::text::words(&folded) {
        let word = word.strip_suffix("'s").unwrap_or(word);
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// Places and people tell events apart best; `Other` names are often headline words.
pub(crate) fn kind_weight(kind: EntityKind) -> f32 {
    match kind {
        EntityKind::Person | EntityKind::Place => 1.0,
        EntityKind::Organization => 0.8,
        EntityKind::Other => 0.5,
    }
}

/// Weights (already sublinear in the counts) times smoothed inverse document frequency,
/// unit length; each bag is weighed in place.
fn weigh_all(
    mut counts: Vec<Vec<(u32, f32)>>,
    n_ids: usize,
    min_document_frequency: u32,
) -> Vec<SparseVector> {
    let mut document_frequency = vec![0u32; n_ids];
    for bag in &counts {
        for (id, _) in bag {
            document_frequency[*id as usize] += 1;
        }
    }
    let n = counts.len() as f32;
    let idf: Vec<f32> = document_frequency
        .iter()
        .map(|df| ((n + 1.0) / (*df as f32 + 1.0)).ln() + 1.0)
        .collect();
    for vector in &mut counts {
        vector.retain(|(id, _)| document_frequency[*id as usize] >= min_document_frequency);
        for (id, weight) in vector.iter_mut() {
            *weight *= idf[*id as usize];
        }
        vector.shrink_to_fit();
        normalise(vector);
    }
    counts
}

fn normalise(vector: &mut SparseVector) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, weight) in vector.iter_mut() {
            *weight /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        Period::of(PublishedDate::parse(text).expect("valid date"))
    }

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1969, 12, 31), -1);
    }

    #[test]
    fn a_month_covers_its_days_and_gaps_count_between_periods() {
        let february = period("2024-02");
        assert_eq!(february.last - february.first, 28);
        assert_eq!(period("2024-02-10").gap(february), 0);
        assert_eq!(period("2024-03-05").gap(february), 5);
        assert_eq!(february.gap(period("2024-03-05")), 5);
        assert_eq!(period("2023").gap(period("2024-01-01")), 1);
    }

    #[test]
    fn entity_keys_ignore_case_and_possessives() {
        assert_eq!(entity_key("Warren Jeffs's"), "warren jeffs");
        assert_eq!(entity_key("B.C."), "b c");
    }
}
