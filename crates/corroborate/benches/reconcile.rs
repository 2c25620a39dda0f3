//! Reconciling one story of 200 articles (summary, entities, quotes, facts, copies) on one
//! core. The articles are PolNeAR's real political news (or the demo corpus repeated when
//! the shared corpora are absent), analysed before timing starts.
//!
//! Two measurements of the same work: wall-clock time, and the CPU time of the calling
//! thread (`reconcile-cpu`), which stays meaningful on a shared, loaded machine.

use std::fs;
use std::path::Path;

use corroborate::ingest::text_article;
use corroborate::model::{Article, Story};
use corroborate::pipeline::{PipelineConfig, analyze_articles};
use corroborate::reconcile::{ReconcileConfig, reconcile};
use corroborate_eval::{polnear_documents, shared_corpus_dir};
use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::ThreadCpuTime;

const STORY_ARTICLES: usize = 200;

fn articles() -> Vec<Article> {
    let texts: Vec<(String, Vec<u8>)> = match shared_corpus_dir() {
        Some(dir) => polnear_documents(&dir.join("polnear/train.jsonl"))
            .expect("PolNeAR train parses")
            .into_iter()
            .take(STORY_ARTICLES)
            .map(|document| (document.id, document.text.into_bytes()))
            .collect(),
        None => {
            eprintln!("../shared/corpus is absent: benchmarking the demo corpus repeated");
            let story =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kelsworth-by-election");
            let files: Vec<_> = fs::read_dir(story)
                .expect("demo story")
                .map(|entry| entry.expect("entry").path())
                .collect();
            (0..STORY_ARTICLES)
                .map(|i| {
                    let path = &files[i % files.len()];
                    (format!("{i}.txt"), fs::read(path).expect("readable"))
                })
                .collect()
        }
    };
    texts
        .iter()
        .filter_map(|(id, bytes)| text_article(id, id, bytes).0)
        .collect()
}

fn wall_time(criterion: &mut Criterion) {
    measure(criterion, "reconcile");
}

fn cpu_time(criterion: &mut Criterion<ThreadCpuTime>) {
    measure(criterion, "reconcile-cpu");
}

fn measure<M: Measurement>(criterion: &mut Criterion<M>, name: &str) {
    let articles = articles();
    let (analyzed, _) = analyze_articles(&articles, &PipelineConfig::default());
    let story = Story { articles: analyzed };
    let config = ReconcileConfig::default();
    let mut group = criterion.benchmark_group(name);
    group.throughput(Throughput::Elements(story.articles.len() as u64));
    group.sample_size(10);
    group.bench_function(
        format!("one story of {} articles", story.articles.len()),
        |bencher| {
            bencher.iter(|| {
                let brief = reconcile(&story, &config);
                assert!(
                    !brief.summary.is_empty() && !brief.facts.is_empty(),
                    "a brief with a summary and facts"
                );
                brief.facts.len()
            })
        },
    );
    group.finish();
}

criterion_group!(wall, wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);
