//! Groups a collection of analysed articles into stories, and finds the copies among them.
//!
//! [`group`] sketches each article ([`Sketches`]: what grouping keeps of it, so a large
//! collection can be sketched a chunk at a time and its analyses dropped), then runs, in
//! order:
//! - [`near_dup`]: exact duplicates (the same words) and near duplicates (reprints with
//!   small edits) by MinHash and banded LSH, reported as copy groups; a copy follows its
//!   original into its story;
//! - `features`: what clustering compares: TF-IDF over stemmed words (`terms`) of the title
//!   and text, entity names and numbers, publication dates;
//! - `cluster`: online clustering in reading order with a time window, candidates from an
//!   inverted index ([`ClusterConfig`]);
//! - `refine`: a second look that splits stories holding two alike events and merges
//!   stories of one event that the single pass left apart;
//! - `explain`: one [`Decision`] per article: what happened when it was read, what the
//!   second look changed, and how it fits its story (score, shared entities, time gap).
//!
//! Articles are read in a fixed order that does not depend on the input order: dated
//! articles by date (earliest first), then undated ones; within one date, by article id,
//! then by a hash of the text, then by input position. So shuffling the input changes nothing but the
//! indices, and equal keys are the only ties.
//!
//! Grouping does no I/O and never fails: an article without words opens its own story.
//!
//! ```
//! use corroborate_group::{Signature, SIGNATURE_LEN};
//! let a = Signature::of_text("the quick brown fox jumps over the lazy dog", 5);
//! let b = Signature::of_text("The quick brown fox jumps over the lazy dog!", 5);
//! assert_eq!(a.similarity(&b), 1.0);
//! assert_eq!(a.values().len(), SIGNATURE_LEN);
//! ```

mod cluster;
mod explain;
mod features;
pub mod near_dup;
mod refine;
mod sketch;
mod terms;
#[cfg(test)]
mod tests;

use corroborate_model::AnalyzedArticle;

pub use cluster::{ClusterConfig, Decision, Match, Verdict};
pub use near_dup::{Copies, NearDupConfig, SIGNATURE_LEN, Signature, find_copies};
pub use sketch::Sketches;

use sketch::Sketch;

/// How a collection is grouped.
#[derive(Clone, Debug, Default)]
pub struct GroupConfig {
    pub near_dup: NearDupConfig,
    pub cluster: ClusterConfig,
}

/// The stories and copies of a collection; every index is a position in the input.
#[derive(Clone, Debug)]
pub struct Grouping {
    /// The stories: a partition of the input. Each story's articles ascending; stories in
    /// the order they were opened (by their earliest article in reading order).
    pub stories: Vec<Vec<usize>>,
    /// Copy groups (exact and near duplicates), each ascending, ordered by first index.
    /// A copy group always lies inside one story.
    pub copies: Vec<Vec<usize>>,
    /// The groups of articles with the same words, a refinement of `copies`.
    pub exact_duplicates: Vec<Vec<usize>>,
    /// One decision per article, in input order.
    pub decisions: Vec<Decision>,
    /// The order the articles were read in.
    pub order: Vec<usize>,
}

/// Groups articles into stories: copies first, then online clustering in reading order.
pub fn group(articles: &[AnalyzedArticle], config: &GroupConfig) -> Grouping {
    let mut sketches = Sketches::new(config);
    sketches.add(articles);
    sketches.group()
}

/// Groups sketched articles (see [`Sketches`]).
fn group_sketches(mut sketches: Sketches) -> Grouping {
    let config = sketches.config.clone();
    let order = reading_order(&sketches.articles);
    // The prints are moved out: nothing after copy detection reads them, and a large
    // collection does not hold them twice.
    let prints: Vec<_> = sketches
        .articles
        .iter_mut()
        .map(|sketch| sketch.print.take())
        .collect();
    let copies = near_dup::copies_of(&prints, &config.near_dup);
    drop(prints);

    // Each copy follows the first member of its group in reading order.
    let mut position = vec![0; sketches.len()];
    for (step, &article) in order.iter().enumerate() {
        position[article] = step;
    }
    let mut copy_of = vec![None; sketches.len()];
    for group in &copies.groups {
        let first = *group
            .iter()
            .min_by_key(|&&article| position[article])
            .expect("copy groups have members");
        for &article in group {
            if article != first {
                copy_of[article] = Some(first);
            }
        }
    }

    let features = features::extract(&mut sketches, &order, config.cluster.min_document_frequency);
    drop(sketches);
    let (online, readings) = cluster::read_online(&order, &copy_of, &features, &config.cluster);
    let mut stories = refine::refine(online, &copy_of, &position, &features, &config.cluster);
    for story in &mut stories {
        story.sort_unstable();
    }
    let decisions = explain::explain(&stories, &readings, &copy_of, &features, &config.cluster);
    Grouping {
        stories,
        copies: copies.groups,
        exact_duplicates: copies.exact,
        decisions,
        order,
    }
}

/// The reading order: dated articles by date, then undated ones; ties by id, then by a hash
/// of the text, then by position.
fn reading_order(articles: &[Sketch]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let (left, right) = (&articles[a], &articles[b]);
        let date_key = |sketch: &Sketch| {
            sketch
                .published
                .map(features::Period::of)
                .map(|period| (period.first, period.last))
        };
        let (left_date, right_date) = (date_key(left), date_key(right));
        left_date
            .is_none()
            .cmp(&right_date.is_none())
            .then(left_date.cmp(&right_date))
            .then_with(|| left.id.cmp(&right.id))
            .then(left.text_hash.cmp(&right.text_hash))
            .then(a.cmp(&b))
    });
    order
}
