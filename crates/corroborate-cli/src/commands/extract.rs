//! `corroborate extract PATH...`: what ingest read from each input, one JSON object a line
//! (every HTML page, WARC record and feed item; plain text and JSON Lines too).
//!
//! The JSON structs here are the wire format of this command, kept apart from the ingest
//! types so a refactor there cannot change the output by accident.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use corroborate::ingest::{ArticleDetails, ingest};
use corroborate::model::Article;
use corroborate::pipeline::PipelineConfig;
use serde::Serialize;

use super::output::{print_diagnostics, write_output};
use crate::Outcome;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Json,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Inputs (.txt, .html, .jsonl, .warc, .rss, .atom, feeds in .xml/.json, each optionally
    /// .gz), directories of them, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<String>,
    /// Output format (JSON Lines: one object per article).
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExtractFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// One extracted article; a field the input does not give is null.
#[derive(Serialize)]
struct JsonExtract<'a> {
    /// Where the text came from: the file, `FILE:LINE`, `FILE#record-N` or `FILE#item-N`.
    input: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    published: Option<String>,
    modified: Option<String>,
    authors: Option<&'a [String]>,
    text: &'a str,
    /// The input's fields the reader does not know (JSON Lines), passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<serde_json::Value>,
}

impl<'a> JsonExtract<'a> {
    fn new(article: &'a Article, details: &'a ArticleDetails) -> JsonExtract<'a> {
        JsonExtract {
            input: &article.input,
            title: article.title.as_deref(),
            outlet: article.outlet.as_deref(),
            url: details.url.as_deref(),
            language: details.language.as_deref(),
            published: article.published.map(|date| date.to_string()),
            modified: details.modified.map(|date| date.to_string()),
            authors: (!details.authors.is_empty()).then_some(details.authors.as_slice()),
            text: &article.text,
            extra: details
                .extra
                .as_deref()
                .and_then(|extra| serde_json::from_str(extra).ok()),
        }
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let config = PipelineConfig::default();
    let report = ingest(&args.inputs, &config.ingest);
    print_diagnostics(&report.diagnostics);
    if report.articles.is_empty() {
        anyhow::bail!("no usable articles among the inputs");
    }
    let ExtractFormat::Json = args.format;
    let mut lines = String::new();
    for (article, details) in report.articles_with_details() {
        lines.push_str(&serde_json::to_string(&JsonExtract::new(article, details))?);
        lines.push('\n');
    }
    write_output(args.output.as_deref(), lines.as_bytes())?;
    Ok(Outcome {
        skipped_input: report.skipped_any(),
    })
}
