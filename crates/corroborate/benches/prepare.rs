//! Throughput of the per-article front of the pipeline (ingest from bytes, clean, split
//! sentences) on the real corpora in `../shared/corpus`, or on the demo corpus when they are
//! absent. One core: criterion runs the closure on the calling thread.

use std::fs;
use std::path::Path;

use corroborate::analyze::split_sentences;
use corroborate::clean::{CleanConfig, CleanContext, clean};
use corroborate::ingest::text_article;
use corroborate_eval::{
    CorpusDocument, CorpusError, ecbplus_documents, neus_clusters, polnear_documents,
    shared_corpus_dir,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

type CorpusReader = fn(&Path) -> Result<Vec<CorpusDocument>, CorpusError>;

/// The benchmark corpus: every document of NeuS, ECB+ and PolNeAR (train and dev).
fn corpus() -> (String, Vec<Vec<u8>>) {
    if let Some(dir) = shared_corpus_dir() {
        let mut texts = Vec::new();
        let readers: [(&str, CorpusReader); 4] = [
            ("neus/clusters.jsonl", neus_clusters),
            ("ecbplus/ecbplus.jsonl", ecbplus_documents),
            ("polnear/train.jsonl", polnear_documents),
            ("polnear/dev.jsonl", polnear_documents),
        ];
        for (file, read) in readers {
            let documents = read(&dir.join(file)).expect("corpus parses");
            texts.extend(
                documents
                    .into_iter()
                    .map(|document| document.text.into_bytes()),
            );
        }
        return ("real corpora".to_string(), texts);
    }
    eprintln!("../shared/corpus is absent: benchmarking the demo corpus instead");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut texts = Vec::new();
    for story in fs::read_dir(examples).expect("demo corpus") {
        let story = story.expect("entry").path();
        if story.is_dir() {
            for file in fs::read_dir(story).expect("story folder") {
                texts.push(fs::read(file.expect("entry").path()).expect("readable"));
            }
        }
    }
    ("demo corpus".to_string(), texts)
}

fn prepare(criterion: &mut Criterion) {
    let (name, texts) = corpus();
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let mut group = criterion.benchmark_group("prepare");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(
        format!("ingest+clean+sentences ({name}, {} docs)", texts.len()),
        |bencher| {
            bencher.iter(|| {
                let articles: Vec<_> = texts
                    .iter()
                    .filter_map(|bytes| text_article("bench.txt", "bench.txt", bytes).0)
                    .collect();
                let context = CleanContext::new(&articles);
                let mut sentences = 0;
                for article in &articles {
                    let (cleaned, _) = clean(article, &context, &CleanConfig::default());
                    sentences += split_sentences(&cleaned.text).len();
                }
                assert!(
                    sentences > articles.len(),
                    "the corpus must yield sentences"
                );
                sentences
            })
        },
    );
    group.finish();
}

criterion_group!(benches, prepare);
criterion_main!(benches);
