//! Copies: sources that share substantial passages (an agency story printed by several
//! outlets, pooled reporting). Word 8-grams are compared pairwise; sources whose shared
//! 8-grams make up enough of the shorter one form a group, counted once for support.

use std::collections::BTreeSet;

use corroborate_model::text::{folded_hash, words};
use corroborate_model::{CopyGroup, Evidence, SharedPassage, SourceId, Story};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;

/// Words per shingle: long enough that two independent reports rarely share one.
const SHINGLE_WORDS: usize = 8;
/// Share of the shorter text's shingles found in the other that makes two texts copies.
const COPY_OVERLAP: f64 = 0.2;
/// Share of a sentence's shingles found in the other copy that makes it a shared passage.
const SHARED_SENTENCE: f64 = 0.6;
/// A shingle in more articles than this is a stock phrase, not evidence of copying.
const MAX_SHINGLE_ARTICLES: usize = 50;
/// Shared passages shown per copy group.
const MAX_SHARED: usize = 3;

/// The copy groups and, for each article, the index of its independence group (articles
/// outside every copy group have one of their own).
pub(crate) struct Copies {
    pub groups: Vec<CopyGroup>,
    pub independence: Vec<usize>,
}

pub(crate) fn find_copies(story: &Story) -> Copies {
    let texts: Vec<&str> = story
        .articles
        .iter()
        .map(|article| article.clean.text.as_str())
        .collect();
    let clusters = copy_clusters(&texts);
    let mut groups = Vec::new();
    for (members, overlap) in &clusters.groups {
        groups.push(CopyGroup {
            sources: members.iter().map(|m| SourceId::from_index(*m)).collect(),
            overlap: (overlap * 100.0).round() / 100.0,
            shared: shared_passages(story, members, &clusters.shingles),
        });
    }
    Copies {
        groups,
        independence: clusters.independence,
    }
}

/// Groups of texts (indices ascending, groups by first index) that share substantial
/// passages: the copy groups a brief counts once for independent support.
pub fn copy_groups(texts: &[&str]) -> Vec<Vec<usize>> {
    copy_clusters(texts)
        .groups
        .into_iter()
        .map(|(members, _)| members)
        .collect()
}

struct Clusters {
    shingles: Vec<FxHashSet<u64>>,
    /// Each group with its best pairwise overlap.
    groups: Vec<(Vec<usize>, f64)>,
    independence: Vec<usize>,
}

fn copy_clusters(texts: &[&str]) -> Clusters {
    let shingles: Vec<FxHashSet<u64>> = texts.iter().map(|text| shingle_set(text)).collect();
    let n = texts.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut best_overlap = vec![0.0f64; n];
    // Only pairs that share a shingle are compared: an inverted index finds them, and most
    // shingles of independent reporting belong to one article only.
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (article, set) in shingles.iter().enumerate() {
        for shingle in set {
            postings.entry(*shingle).or_default().push(article as u32);
        }
    }
    let mut shared_counts: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for articles in postings.values() {
        if articles.len() < 2 || articles.len() > MAX_SHINGLE_ARTICLES {
            continue;
        }
        for (i, a) in articles.iter().enumerate() {
            for b in &articles[i + 1..] {
                *shared_counts.entry((*a.min(b), *a.max(b))).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((u32, u32), usize)> = shared_counts.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), count) in pairs {
        let (a, b) = (a as usize, b as usize);
        let smaller = shingles[a].len().min(shingles[b].len()).max(1);
        let overlap = count as f64 / smaller as f64;
        if overlap >= COPY_OVERLAP {
            union(&mut parent, a, b);
            best_overlap[a] = best_overlap[a].max(overlap);
            best_overlap[b] = best_overlap[b].max(overlap);
        }
    }
    let roots: Vec<usize> = (0..n).map(|a| find(&mut parent, a)).collect();
    let mut independence = vec![0; n];
    let mut seen_roots: Vec<usize> = Vec::new();
    for a in 0..n {
        let group = seen_roots
            .iter()
            .position(|root| *root == roots[a])
            .unwrap_or_else(|| {
                seen_roots.push(roots[a]);
                seen_roots.len() - 1
            });
        independence[a] = group;
    }
    let mut groups = Vec::new();
    for root in &seen_roots {
        let members: Vec<usize> = (0..n).filter(|a| roots[*a] == *root).collect();
        if members.len() < 2 {
            continue;
        }
        let overlap = members.iter().map(|m| best_overlap[*m]).fold(0.0, f64::max);
        groups.push((members, overlap));
    }
    Clusters {
        shingles,
        groups,
        independence,
    }
}

/// Sentences of the first member whose shingles mostly appear in another member.
fn shared_passages(
    story: &Story,
    members: &[usize],
    shingles: &[FxHashSet<u64>],
) -> Vec<SharedPassage> {
    let first = members[0];
    let article = &story.articles[first];
    let mut shared = Vec::new();
    for sentence in &article.sentences {
        let text = article.text(sentence.span);
        let own = shingle_set(text);
        if own.is_empty() {
            continue;
        }
        let mut evidence = BTreeSet::new();
        for &other in &members[1..] {
            let inside = own.iter().filter(|s| shingles[other].contains(s)).count();
            if inside as f64 / own.len() as f64 >= SHARED_SENTENCE {
                evidence.insert(Evidence {
                    source: SourceId::from_index(other),
                    span: matching_sentence(story, other, &own),
                });
            }
        }
        if evidence.is_empty() {
            continue;
        }
        evidence.insert(Evidence {
            source: SourceId::from_index(first),
            span: article.clean.input_span(sentence.span),
        });
        shared.push(SharedPassage {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            evidence: evidence.into_iter().collect(),
        });
        if shared.len() == MAX_SHARED {
            break;
        }
    }
    shared
}

/// The input span of the sentence of `article` sharing most shingles with `shingles`.
fn matching_sentence(
    story: &Story,
    article: usize,
    shingles: &FxHashSet<u64>,
) -> corroborate_model::Span {
    let article = &story.articles[article];
    let best = article
        .sentences
        .iter()
        .max_by_key(|sentence| {
            shingle_set(article.text(sentence.span))
                .iter()
                .filter(|s| shingles.contains(s))
                .count()
        })
        .map(|sentence| sentence.span)
        .unwrap_or_default();
    article.clean.input_span(best)
}

fn shingle_set(text: &str) -> FxHashSet<u64> {
    let hashes: Vec<u64> = words(text).map(|(_, word)| folded_hash(word)).collect();
    hashes
        .windows(SHINGLE_WORDS)
        .map(|window| {
            let mut hasher = FxHasher::default();
            for hash in window {
                hasher.write_u64(*hash);
            }
            hasher.finish()
        })
        .collect()
}

fn find(parent: &mut [usize], a: usize) -> usize {
    let mut root = a;
    while parent[root] != root {
        root = parent[root];
    }
    parent[a] = root;
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
