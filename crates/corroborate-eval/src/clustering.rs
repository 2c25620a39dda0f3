//! B-cubed precision, recall and F1 of a clustering against gold labels.
//!
//! For each item, precision is the share of its predicted cluster that has its gold label,
//! recall the share of its gold class that is in its predicted cluster; both are averaged
//! over items and F1 is their harmonic mean (Bagga and Baldwin 1998; Amigó et al. 2009).

use std::collections::HashMap;
use std::hash::Hash;

/// B-cubed figures of one clustering.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// The number of items scored.
    pub items: usize,
}

/// Scores predicted cluster labels against gold labels, item by item (`predicted[i]` and
/// `gold[i]` label item `i`). An empty input scores 0.
pub fn bcubed<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> BCubed {
    assert_eq!(
        predicted.len(),
        gold.len(),
        "one predicted and one gold label per item"
    );
    let items = predicted.len();
    if items == 0 {
        return BCubed::default();
    }
    let mut cluster_sizes: HashMap<&P, usize> = HashMap::new();
    let mut class_sizes: HashMap<&G, usize> = HashMap::new();
    let mut overlaps: HashMap<(&P, &G), usize> = HashMap::new();
    for (cluster, class) in predicted.iter().zip(gold) {
        *cluster_sizes.entry(cluster).or_default() += 1;
        *class_sizes.entry(class).or_default() += 1;
        *overlaps.entry((cluster, class)).or_default() += 1;
    }
    // Each of the `overlap` items of a (cluster, class) cell has precision overlap/|cluster|
    // and recall overlap/|class|.
    let (mut precision, mut recall) = (0.0, 0.0);
    for ((cluster, class), overlap) in &overlaps {
        let overlap = *overlap as f64;
        precision += overlap * overlap / cluster_sizes[cluster] as f64;
        recall += overlap * overlap / class_sizes[class] as f64;
    }
    precision /= items as f64;
    recall /= items as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
        items,
    }
}

/// The cluster label of each of `items` items from a partition given as groups of item
/// indices (items in no group get a label of their own).
pub fn partition_labels(groups: &[Vec<usize>], items: usize) -> Vec<usize> {
    let mut labels: Vec<usize> = (groups.len()..groups.len() + items).collect();
    for (label, group) in groups.iter().enumerate() {
        for &item in group {
            labels[item] = label;
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn the_gold_partition_scores_one() {
        let scores = bcubed(&[7, 7, 3, 3, 3], &["a", "a", "b", "b", "b"]);
        assert_eq!(
            (scores.precision, scores.recall, scores.f1),
            (1.0, 1.0, 1.0)
        );
        assert_eq!(scores.items, 5);
    }

    #[test]
    fn one_cluster_of_everything_has_full_recall() {
        // Gold {a,a,b,b,b}: precision (2*2/5 + 3*3/5)/5 = 13/25.
        let scores = bcubed(&[0; 5], &["a", "a", "b", "b", "b"]);
        assert!(close(scores.precision, 13.0 / 25.0));
        assert!(close(scores.recall, 1.0));
        assert!(close(scores.f1, 2.0 * 0.52 / 1.52));
    }

    #[test]
    fn singletons_have_full_precision() {
        // Recall (2*1/2 + 3*1/3)/5 = 2/5.
        let scores = bcubed(&[0, 1, 2, 3, 4], &["a", "a", "b", "b", "b"]);
        assert!(close(scores.precision, 1.0));
        assert!(close(scores.recall, 0.4));
    }

    #[test]
    fn a_hand_computed_mixed_case() {
        // Clusters {1,2,3} {4,5}; gold {1,2} {3,4,5}.
        // Precision: items 1,2: 2/3; item 3: 1/3; items 4,5: 1  -> (2/3+2/3+1/3+1+1)/5 = 11/15.
        // Recall: items 1,2: 1; item 3: 1/3; items 4,5: 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15.
        let scores = bcubed(&['x', 'x', 'x', 'y', 'y'], &[1, 1, 2, 2, 2]);
        assert!(close(scores.precision, 11.0 / 15.0));
        assert!(close(scores.recall, 11.0 / 15.0));
        assert!(close(scores.f1, 11.0 / 15.0));
    }

    #[test]
    fn an_empty_input_scores_zero() {
        let scores = bcubed::<u8, u8>(&[], &[]);
        assert_eq!(scores, BCubed::default());
    }

    #[test]
    fn partitions_become_labels() {
        assert_eq!(partition_labels(&[vec![2, 0], vec![1]], 4), [0, 1, 0, 5]);
    }
}
