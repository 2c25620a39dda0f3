//! Sub-event B-cubed figures of story grouping on ECB+.
//!
//! - no argument: the default configuration on the train, dev and test topics and on all
//!   982 articles pooled;
//! - `--tune`: a grid over the thresholds scored on the train and dev topics only (the test
//!   topics are never read), best last;
//! - `--errors`: the train and dev stories that mix sub-events or share one.
//!
//! `cargo run --release -p corroborate-group --example ecbplus_scores [-- --tune|--errors]`

#[path = "../tests/support/ecbplus.rs"]
mod ecbplus;

use std::collections::BTreeMap;

use corroborate_group::GroupConfig;
use ecbplus::{EvalSet, split_of};

fn main() {
    let documents = match ecbplus::documents() {
        Ok(documents) => documents,
        Err(reason) => {
            eprintln!("skipped: {reason}");
            return;
        }
    };
    let train = EvalSet::new("train", &documents, |topic| split_of(topic) == "train");
    let dev = EvalSet::new("dev", &documents, |topic| split_of(topic) == "dev");
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "--tune" => tune(&[&train, &dev]),
        "--errors" => {
            errors(&train);
            errors(&dev);
        }
        _ => {
            let test = EvalSet::new("test", &documents, |topic| split_of(topic) == "test");
            let all = EvalSet::new("all", &documents, |_| true);
            for set in [&train, &dev, &test, &all] {
                let (scores, grouping) = set.score(&GroupConfig::default());
                println!(
                    "{:<6} {:>4} articles {:>3} stories  P {:.3}  R {:.3}  F1 {:.3}",
                    set.name,
                    scores.items,
                    grouping.stories.len(),
                    scores.precision,
                    scores.recall,
                    scores.f1
                );
            }
        }
    }
}

/// Scores a grid of configurations on the given sets; prints each, then the best by mean F1.
fn tune(sets: &[&EvalSet]) {
    let mut best = (0.0, String::new());
    for entity_weight in [0.2, 0.3, 0.4] {
        for threshold in [0.1, 0.15] {
            for split_ratio in [0.6, 0.7, 0.8] {
                for split_threshold in [0.26, 0.3, 0.34] {
                    for merge_threshold in [0.2, 0.24, 0.28] {
                        let mut config = GroupConfig::default();
                        let cluster = &mut config.cluster;
                        cluster.entity_weight = entity_weight;
                        cluster.threshold = threshold;
                        cluster.split_ratio = split_ratio;
                        cluster.split_threshold = split_threshold;
                        cluster.merge_threshold = merge_threshold;
                        let scores: Vec<f64> =
                            sets.iter().map(|set| set.score(&config).0.f1).collect();
                        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                        let line = format!(
                            "entities {entity_weight:.1} threshold {threshold:.2} split \
                             {split_threshold:.2}/{split_ratio:.1} merge {merge_threshold:.2}: \
                             F1 {scores:.3?} mean {mean:.4}"
                        );
                        println!("{line}");
                        if mean > best.0 {
                            best = (mean, line);
                        }
                    }
                }
            }
        }
    }
    println!("best: {}", best.1);
}

/// Prints the stories that mix sub-events, and those holding part of a split sub-event.
fn errors(set: &EvalSet) {
    let (scores, grouping) = set.score(&GroupConfig::default());
    println!("{}: F1 {:.3}", set.name, scores.f1);
    let mut stories_of_label: BTreeMap<&str, usize> = BTreeMap::new();
    let summaries: Vec<BTreeMap<&str, usize>> = grouping
        .stories
        .iter()
        .map(|story| {
            let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
            for &article in story {
                *labels.entry(set.gold[article].as_str()).or_default() += 1;
            }
            for label in labels.keys() {
                *stories_of_label.entry(label).or_default() += 1;
            }
            labels
        })
        .collect();
    for (number, labels) in summaries.iter().enumerate() {
        let wrong = labels.len() > 1 || labels.keys().any(|label| stories_of_label[label] > 1);
        if wrong {
            let parts: Vec<String> = labels
                .iter()
                .map(|(label, count)| format!("{label}:{count}"))
                .collect();
            println!("  story {number:>3}: {}", parts.join(" "));
        }
    }
}
