//! `corroborate ingest PATH... [--db FILE]`: adds articles to the store, grouping them into
//! its stories and rebuilding the briefs of the stories they change.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use corroborate::library::{LibraryConfig, ingest_into_store};
use corroborate::pipeline::PipelineConfig;
use corroborate::store::Store;

use super::output::{Progress, print_diagnostics};
use crate::Outcome;

#[derive(Args)]
pub struct IngestArgs {
    /// Article files (.txt, .html, .jsonl, .gz of those), directories of them, or -.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// The store file (created when missing).
    #[arg(long, value_name = "FILE", default_value = "corroborate.db")]
    pub db: PathBuf,
    /// New articles committed per transaction.
    #[arg(long, default_value_t = 5000, value_name = "N")]
    pub chunk: usize,
    /// Summary length budget in words for the briefs.
    #[arg(long, default_value_t = 120)]
    pub words: usize,
    /// Print how long each stage took, and how many analyses were made and reused, on
    /// standard error.
    #[arg(long)]
    pub timings: bool,
}

pub fn run(args: IngestArgs) -> anyhow::Result<Outcome> {
    let mut config = PipelineConfig::default();
    config.reconcile.summary.words = args.words;
    let library = LibraryConfig {
        chunk: args.chunk.max(1),
        ..LibraryConfig::default()
    };
    let mut store = Store::open(&args.db)?;
    let bar = Progress::on_terminal();
    let report = ingest_into_store(
        &mut store,
        &args.inputs,
        &config,
        &library,
        &mut |done, total| bar.update(done, total),
    )?;
    bar.finish();
    print_diagnostics(&report.diagnostics);
    if args.timings {
        let timings = &report.timings;
        eprintln!(
            "timings: read {:.2} s, load {:.2} s, analyse {:.2} s, group {:.2} s, briefs {:.2} s, write {:.2} s; {} analysed, {} reused",
            timings.read.as_secs_f64(),
            timings.load.as_secs_f64(),
            timings.analyse.as_secs_f64(),
            timings.group.as_secs_f64(),
            timings.briefs.as_secs_f64(),
            timings.write.as_secs_f64(),
            report.analysed,
            report.analyses_reused,
        );
    }
    let stories = store.story_count()?;
    let articles = store.article_count()?;
    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "{}: {} read, {} added, {} already stored; stories: {} opened, {} updated, {} merged away; the store holds {articles} articles in {stories} stories",
        args.db.display(),
        report.read,
        report.added,
        report.already_stored,
        report.stories_opened,
        report.stories_updated,
        report.stories_removed,
    )?;
    Ok(Outcome {
        skipped_input: report
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == corroborate::model::Severity::Skipped),
    })
}
