//! `corroborate analyze PATH...`: one JSON line per article with its sentences, mentions,
//! entities and quotes, every offset a byte offset into the input file.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use corroborate::ingest::ingest;
use corroborate::pipeline::{PipelineConfig, analyze_articles};
use corroborate::render::analysis_line_with;

use super::output::{print_diagnostics, write_output};
use crate::Outcome;

#[derive(Clone, Copy, ValueEnum)]
pub enum AnalyzeFormat {
    Json,
}

#[derive(Args)]
pub struct AnalyzeArgs {
    /// Inputs (.txt, .html, .jsonl, .warc, .rss, .atom, feeds in .xml/.json, each optionally
    /// .gz), directories of them, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// Output format (JSON Lines: one object per article).
    #[arg(long, value_enum, default_value = "json")]
    pub format: AnalyzeFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<Outcome> {
    let config = PipelineConfig::default();
    let report = ingest(&args.inputs, &config.ingest);
    let (analyzed, diagnostics) = analyze_articles(&report.articles, &config);
    print_diagnostics(&report.diagnostics);
    print_diagnostics(&diagnostics);
    if analyzed.is_empty() {
        anyhow::bail!("no usable articles among the inputs");
    }
    let AnalyzeFormat::Json = args.format;
    // Unknown input fields (JSON Lines) pass through, by input (`FILE:LINE` is unique).
    let extra: std::collections::HashMap<&str, &str> = report
        .articles_with_details()
        .filter_map(|(article, details)| Some((article.input.as_str(), details.extra.as_deref()?)))
        .collect();
    let lines: String = analyzed
        .iter()
        .map(|article| {
            analysis_line_with(
                article,
                extra.get(article.clean.article.input.as_str()).copied(),
            )
        })
        .collect();
    write_output(args.output.as_deref(), lines.as_bytes())?;
    Ok(Outcome {
        skipped_input: report.skipped_any(),
    })
}
