//! Articles per second through cleaning and analysis (sentences, mentions, entities,
//! quotes, claims, dates) on PolNeAR's real political news (or the demo corpus when the
//! shared corpora are absent), one article at a time on the calling thread: one core, no
//! thread pool.
//!
//! Two measurements of the same work: wall-clock time, and the CPU time of the calling
//! thread (`analyze-cpu`), which stays meaningful on a shared, loaded machine where the
//! wall clock also counts the time other processes ran. The CPU time is read from
//! `/proc/thread-self/stat` (10 ms ticks; one iteration runs for seconds).
use std::fs;
use std::path::Path;

use corroborate::analyze::{AnalyzeConfig, analyze};
use corroborate::clean::{CleanConfig, CleanContext, clean};
use corroborate::ingest::text_article;
use corroborate::model::Article;
use corroborate_eval::{polnear_documents, shared_corpus_dir};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::ThreadCpuTime;

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

/// Cleans and analyses each article alone (its own cleaning context, as a single input has),
/// returning the number of quotes found so the work cannot be optimised away.
fn clean_and_analyze_each(articles: &[Article]) -> usize {
    let (clean_config, analyze_config) = (CleanConfig::default(), AnalyzeConfig::default());
    let mut quotes = 0;
    for article in articles {
        let context = CleanContext::new(std::slice::from_ref(article));
        let (clean_text, _) = clean(article, &context, &clean_config);
        quotes += analyze(&clean_text, &analyze_config).quotes.len();
    }
    assert!(quotes > 0, "the corpus must yield quotes");
    quotes
}

fn wall_time(criterion: &mut Criterion) {
    let (name, articles) = articles();
    let mut group = criterion.benchmark_group("analyze");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("clean+analyze one by one ({name})"), |bencher| {
        bencher.iter(|| clean_and_analyze_each(&articles))
    });
    group.finish();
}

fn cpu_time(criterion: &mut Criterion<ThreadCpuTime>) {
    let (name, articles) = articles();
    let mut group = criterion.benchmark_group("analyze-cpu");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("clean+analyze one by one ({name})"), |bencher| {
        bencher.iter(|| clean_and_analyze_each(&articles))
    });
    group.finish();
}

criterion_group!(wall, wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);
