//! Reads the shared evaluation corpora into documents grouped the way each corpus groups them.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One document of a corpus, with the group it belongs to (a story, a sub-event).
#[derive(Clone, Debug)]
pub struct CorpusDocument {
    pub id: String,
    pub group: String,
    pub text: String,
}

/// A corpus file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}:{line}: malformed corpus record: {source}")]
    Parse {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
}

/// `../shared/corpus` seen from the workspace root, when present (or `$CORROBORATE_CORPUS`).
pub fn shared_corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CORROBORATE_CORPUS") {
        return Some(PathBuf::from(dir)).filter(|dir| dir.is_dir());
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = workspace.join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

#[derive(Deserialize)]
struct NeusCluster {
    id: String,
    articles: Vec<String>,
}

/// NeuS clusters: three articles each, grouped by cluster id.
pub fn neus_clusters(path: &Path) -> Result<Vec<CorpusDocument>, CorpusError> {
    let mut documents = Vec::new();
    for_each_record(path, |cluster: NeusCluster| {
        for (index, text) in cluster.articles.into_iter().enumerate() {
            documents.push(CorpusDocument {
                id: format!("{}-{index}", cluster.id),
                group: cluster.id.clone(),
                text,
            });
        }
    })?;
    Ok(documents)
}

#[derive(Deserialize)]
struct NeusReference {
    id: String,
    reference: String,
}

/// NeuS reference summaries by cluster id.
pub fn neus_references(path: &Path) -> Result<BTreeMap<String, String>, CorpusError> {
    let mut references = BTreeMap::new();
    for_each_record(path, |cluster: NeusReference| {
        references.insert(cluster.id, cluster.reference);
    })?;
    Ok(references)
}

/// Published systems' summaries of NeuS clusters: cluster id -> system -> summary.
pub fn neus_peer_summaries(
    path: &Path,
) -> Result<BTreeMap<String, BTreeMap<String, String>>, CorpusError> {
    let mut peers = BTreeMap::new();
    for_each_record(path, |record: BTreeMap<String, serde_json::Value>| {
        let Some(id) = record
            .get("id")
            .and_then(|id| id.as_str())
            .map(str::to_string)
        else {
            return;
        };
        let systems: BTreeMap<String, String> = record
            .iter()
            .filter(|(key, _)| key.as_str() != "id")
            .filter_map(|(key, value)| value.as_str().map(|text| (key.clone(), text.to_string())))
            .collect();
        peers.insert(id, systems);
    })?;
    Ok(peers)
}

#[derive(Deserialize)]
struct EcbDocument {
    doc_id: String,
    subtopic: String,
    sentences: Vec<String>,
}

/// ECB+ documents grouped by sub-event. The tokenised sentences are joined with spaces and
/// the URL line that opens `ecbplus` documents is dropped.
pub fn ecbplus_documents(path: &Path) -> Result<Vec<CorpusDocument>, CorpusError> {
    let mut documents = Vec::new();
    for_each_record(path, |document: EcbDocument| {
        let sentences: Vec<&str> = document
            .sentences
            .iter()
            .map(String::as_str)
            .filter(|sentence| !sentence.starts_with("http"))
            .collect();
        documents.push(CorpusDocument {
            id: document.doc_id,
            group: document.subtopic,
            text: sentences.join("\n"),
        });
    })?;
    Ok(documents)
}

#[derive(Deserialize)]
struct PolnearDocument {
    id: String,
    text: String,
}

/// PolNeAR articles, once each (the corpus repeats an article per annotator).
pub fn polnear_documents(path: &Path) -> Result<Vec<CorpusDocument>, CorpusError> {
    let mut documents: Vec<CorpusDocument> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for_each_record(path, |document: PolnearDocument| {
        if seen.insert(document.id.clone()) {
            documents.push(CorpusDocument {
                id: document.id.clone(),
                group: document.id,
                text: document.text,
            });
        }
    })?;
    Ok(documents)
}

pub(crate) fn for_each_record<T: for<'de> Deserialize<'de>>(
    path: &Path,
    mut each: impl FnMut(T),
) -> Result<(), CorpusError> {
    let shown = path.display().to_string();
    let file = fs::File::open(path).map_err(|source| CorpusError::Read {
        path: shown.clone(),
        source,
    })?;
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| CorpusError::Read {
            path: shown.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|source| CorpusError::Parse {
            path: shown.clone(),
            line: number + 1,
            source,
        })?;
        each(record);
    }
    Ok(())
}
