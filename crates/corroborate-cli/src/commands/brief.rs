//! `corroborate brief PATH...`: treats the inputs as one story and renders its brief.

use std::path::PathBuf;

use clap::Args;
use corroborate::pipeline::{PipelineConfig, brief_inputs};
use corroborate::render::{Format, RenderOptions, render};

use super::output::{print_diagnostics, use_color, write_output};
use crate::Outcome;

#[derive(Args)]
pub struct BriefArgs {
    /// Inputs (.txt, .html, .jsonl, .warc, .rss, .atom, feeds in .xml/.json, each optionally
    /// .gz), directories of them, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// Output format: text, markdown, json or html.
    #[arg(long, default_value = "text")]
    pub format: Format,
    /// Write the brief to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Summary length budget in words.
    #[arg(long, default_value_t = 120)]
    pub words: usize,
}

pub fn run(args: BriefArgs) -> anyhow::Result<Outcome> {
    let mut config = PipelineConfig::default();
    config.reconcile.summary.words = args.words;
    let run = brief_inputs(&args.inputs, &config);
    print_diagnostics(&run.diagnostics);
    if run.story.articles.is_empty() {
        anyhow::bail!("no usable articles among the inputs");
    }
    let options = RenderOptions {
        color: use_color(args.output.as_deref()),
    };
    let rendered = render(&run.brief, args.format, options);
    write_output(args.output.as_deref(), rendered.as_bytes())?;
    Ok(Outcome {
        skipped_input: run.skipped_any(),
    })
}
