//! Articles per second through cleaning and analysis (sentences, mentions, entities,
//! quotes) on PolNeAR's real political news (or the demo corpus when the shared corpora are
//! absent). One core: criterion runs the closure on the calling thread.

use std::fs;
use std::path::Path;

use corroborate::ingest::text_article;
use corroborate::model::Article;
use corroborate::pipeline::{PipelineConfig, analyze_articles};
use corroborate_eval::{polnear_documents, shared_corpus_dir};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn articles() -> (String, Vec<Article>) {
    let texts: Vec<(String, Vec<u8>)> = match shared_corpus_dir() {
        Some(dir) => {
            let mut documents =
                polnear_documents(&dir.join("polnear/train.jsonl")).expect("PolNeAR train parses");
            documents.extend(
                polnear_documents(&dir.join("polnear/dev.jsonl")).expect("PolNeAR dev parses"),
            );
            documents
                .into_iter()
                .map(|document| (document.id, document.text.into_bytes()))
                .collect()
        }
        None => {
            eprintln!("../shared/corpus is absent: benchmarking the demo corpus instead");
            let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
            let mut texts = Vec::new();
            for story in fs::read_dir(examples).expect("demo corpus") {
                let story = story.expect("entry").path();
                if story.is_dir() {
                    for file in fs::read_dir(story).expect("story folder") {
                        let path = file.expect("entry").path();
                        texts.push((
                            path.display().to_string(),
                            fs::read(&path).expect("readable"),
                        ));
                    }
                }
            }
            texts
        }
    };
    let name = format!("{} articles", texts.len());
    let articles = texts
        .iter()
        .filter_map(|(id, bytes)| text_article(id, id, bytes).0)
        .collect();
    (name, articles)
}

fn analyze(criterion: &mut Criterion) {
    let (name, articles) = articles();
    let config = PipelineConfig::default();
    let mut group = criterion.benchmark_group("analyze");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("clean+analyze one by one ({name})"), |bencher| {
        bencher.iter(|| {
            let mut quotes = 0;
            for article in &articles {
                let (analyzed, _) = analyze_articles(std::slice::from_ref(article), &config);
                quotes += analyzed[0].quotes.len();
            }
            assert!(quotes > 0, "the corpus must yield quotes");
            quotes
        })
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
