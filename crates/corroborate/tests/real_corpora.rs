//! Briefs of real news from `../shared/corpus`: every NeuS cluster, every ECB+ sub-event
//! and every PolNeAR dev article, written to temporary files and briefed as the command
//! would. No panic, every summary sentence cited, every offset (summary, timeline, additions)
//! pointing at its passage.
//! Skipped, with the reason printed, when the shared corpora are absent.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use corroborate::pipeline::{PipelineConfig, brief_inputs};
use corroborate_eval::{
    CorpusDocument, ecbplus_documents, neus_clusters, polnear_documents, shared_corpus_dir,
};

/// Writes each group of documents to files and briefs it; returns (groups, summary sentences).
fn brief_groups(name: &str, documents: Vec<CorpusDocument>) -> (usize, usize) {
    let mut groups: BTreeMap<String, Vec<CorpusDocument>> = BTreeMap::new();
    for document in documents {
        groups
            .entry(document.group.clone())
            .or_default()
            .push(document);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let config = PipelineConfig::default();
    let mut sentences = 0;
    for (group, documents) in &groups {
        let mut paths = Vec::new();
        let mut inputs = Vec::new();
        for (index, document) in documents.iter().enumerate() {
            let path = dir.path().join(format!("{}-{index}.txt", sanitize(group)));
            fs::write(&path, &document.text).expect("write temp article");
            paths.push(path.to_string_lossy().into_owned());
            inputs.push(document.text.as_bytes().to_vec());
        }
        let run = brief_inputs(&paths, &config);
        let skipped: Vec<String> = run.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            !run.skipped_any(),
            "{name} {group}: inputs skipped: {skipped:?}"
        );
        assert!(
            !run.brief.summary.is_empty(),
            "{name} {group}: empty summary"
        );
        common::assert_traceable(&run.brief, &inputs, &format!("{name} {group}"));
        sentences += run.brief.summary.len();
    }
    (groups.len(), sentences)
}

fn sanitize(group: &str) -> String {
    group
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn corpus_file(relative: &str) -> Option<std::path::PathBuf> {
    let Some(dir) = shared_corpus_dir() else {
        eprintln!("skipped: ../shared/corpus is absent, so {relative} cannot be briefed");
        return None;
    };
    let path = dir.join(relative);
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    }
    Some(path)
}

#[test]
fn every_neus_cluster_is_briefed_with_traceable_citations() {
    let Some(path) = corpus_file("neus/clusters.jsonl") else {
        return;
    };
    let documents = neus_clusters(Path::new(&path)).expect("NeuS parses");
    let (groups, sentences) = brief_groups("neus", documents);
    assert_eq!(groups, 307);
    assert!(sentences >= groups);
}

#[test]
fn every_ecbplus_sub_event_is_briefed_with_traceable_citations() {
    let Some(path) = corpus_file("ecbplus/ecbplus.jsonl") else {
        return;
    };
    let documents = ecbplus_documents(Path::new(&path)).expect("ECB+ parses");
    assert_eq!(documents.len(), 982);
    let (groups, _) = brief_groups("ecbplus", documents);
    assert_eq!(groups, 86);
}

#[test]
fn every_polnear_train_article_is_briefed_with_traceable_citations() {
    let Some(path) = corpus_file("polnear/train.jsonl") else {
        return;
    };
    let documents = polnear_documents(Path::new(&path)).expect("PolNeAR parses");
    assert_eq!(documents.len(), 840);
    brief_groups("polnear-train", documents);
}

#[test]
fn every_polnear_dev_article_is_briefed_with_traceable_citations() {
    let Some(path) = corpus_file("polnear/dev.jsonl") else {
        return;
    };
    let documents = polnear_documents(Path::new(&path)).expect("PolNeAR parses");
    assert_eq!(documents.len(), 84);
    let (groups, _) = brief_groups("polnear", documents);
    assert_eq!(groups, 84);
}
