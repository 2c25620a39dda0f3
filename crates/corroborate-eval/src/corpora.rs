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

/// One ClaimDiff pair: two outlets' one-sentence claims on one story, and whether claim B
/// weakens or contradicts claim A (in either order, for the `weak` files).
#[derive(Clone, Debug)]
pub struct ClaimPair {
    pub id: String,
    pub topic: String,
    pub claim_a: String,
    pub claim_b: String,
    pub relation: bool,
}

#[derive(Deserialize)]
struct ClaimDiffFile {
    data: Vec<ClaimDiffItem>,
}

#[derive(Deserialize)]
struct ClaimDiffItem {
    pair_id: String,
    topic: String,
    claim_a: String,
    claim_b: String,
    relation: u8,
}

/// The pairs of a ClaimDiff file, each once: a pair and its `_rev` (the same two claims in
/// the other order) are one pair, labelled 1 when either order is; the first order seen is
/// kept, pairs in file order.
pub fn claimdiff_pairs(path: &Path) -> Result<Vec<ClaimPair>, CorpusError> {
    let text = fs::read_to_string(path).map_err(|source| CorpusError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let file: ClaimDiffFile = serde_json::from_str(&text).map_err(|source| CorpusError::Parse {
        path: path.display().to_string(),
        line: source.line(),
        source,
    })?;
    let mut pairs: Vec<ClaimPair> = Vec::new();
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    for item in file.data {
        let id = item
            .pair_id
            .strip_suffix("_rev")
            .unwrap_or(&item.pair_id)
            .to_string();
        match index_of.get(&id) {
            Some(&index) => pairs[index].relation |= item.relation == 1,
            None => {
                index_of.insert(id.clone(), pairs.len());
                pairs.push(ClaimPair {
                    id,
                    topic: item.topic,
                    claim_a: item.claim_a,
                    claim_b: item.claim_b,
                    relation: item.relation == 1,
                });
            }
        }
    }
    Ok(pairs)
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

/// FNC-1 bodies grouped into stories: bodies joined by a headline they are related to
/// (stance other than `unrelated`) are reports on one claim. `dir` holds the competition
/// test CSV files; bodies related to no headline are left out.
pub fn fnc1_stories(dir: &Path) -> Result<Vec<CorpusDocument>, CorpusError> {
    let read = |name: &str| {
        let path = dir.join(name);
        fs::read_to_string(&path).map_err(|source| CorpusError::Read {
            path: path.display().to_string(),
            source,
        })
    };
    let bodies: BTreeMap<String, String> = csv_rows(&read("competition_test_bodies.csv")?)
        .into_iter()
        .skip(1)
        .filter_map(|row| match row.as_slice() {
            [id, body] => Some((id.clone(), body.clone())),
            _ => None,
        })
        .collect();
    let mut by_headline: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in csv_rows(&read("competition_test_stances.csv")?)
        .into_iter()
        .skip(1)
    {
        if let [headline, body, stance] = row.as_slice()
            && stance != "unrelated"
        {
            by_headline
                .entry(headline.clone())
                .or_default()
                .push(body.clone());
        }
    }
    // Union-find over body ids: a headline joins the bodies related to it.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    fn root(parent: &mut BTreeMap<String, String>, id: &str) -> String {
        let mut current = id.to_string();
        while let Some(next) = parent.get(&current).filter(|next| **next != current) {
            current = next.clone();
        }
        current
    }
    for related in by_headline.values() {
        for body in related {
            parent.entry(body.clone()).or_insert_with(|| body.clone());
        }
        let first = root(&mut parent, &related[0]);
        for body in &related[1..] {
            let other = root(&mut parent, body);
            if other != first {
                parent.insert(other, first.clone());
            }
        }
    }
    let ids: Vec<String> = parent.keys().cloned().collect();
    let mut documents = Vec::new();
    for id in ids {
        let group = root(&mut parent, &id);
        if let Some(text) = bodies.get(&id) {
            documents.push(CorpusDocument {
                id: format!("fnc1-{id}"),
                group: format!("fnc1-{group}"),
                text: text.clone(),
            });
        }
    }
    Ok(documents)
}

/// Rows of a CSV text (quoted fields may hold commas, newlines and doubled quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
