//! `corroborate search QUERY [--db FILE] [--format text|json]`: finds articles in the store
//! by words and phrases, entity, outlet, date range, and stories with disputed facts.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use corroborate::store::{SearchQuery, SearchResults, SnippetPart, Store};

use super::output::write_output;
use crate::Outcome;

#[derive(Clone, Copy, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words and "phrases"; filters entity:NAME, outlet:NAME, after:DATE, before:DATE,
    /// is:disputed; -word excludes.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = "corroborate.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SearchFormat,
    /// Results to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Results to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

pub fn run(args: SearchArgs) -> anyhow::Result<Outcome> {
    let store = Store::open_read_only(&args.db)?;
    let query = SearchQuery::parse(&args.query.join(" "));
    let results = store.search(&query, args.limit, args.offset)?;
    let rendered = match args.format {
        SearchFormat::Text => text(&results),
        SearchFormat::Json => format!("{}\n", serde_json::to_string_pretty(&results)?),
    };
    write_output(None, rendered.as_bytes())?;
    Ok(Outcome {
        skipped_input: false,
    })
}

fn text(results: &SearchResults) -> String {
    let mut out = String::new();
    for problem in &results.problems {
        let _ = writeln!(out, "note: {problem}");
    }
    let more = if results.more { "more than " } else { "" };
    let _ = writeln!(out, "{more}{} matching articles", results.total);
    for hit in &results.hits {
        let _ = writeln!(
            out,
            "\n{}  {}{}",
            hit.article,
            hit.outlet.as_deref().unwrap_or("unknown outlet"),
            hit.published
                .as_deref()
                .map(|date| format!(", {date}"))
                .unwrap_or_default()
        );
        if let Some(title) = &hit.title {
            let _ = writeln!(out, "  {title}");
        }
        if let Some(story) = hit.story {
            let disputed = if hit.disputed > 0 {
                format!(" ({} disputed facts)", hit.disputed)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  story {story}: {}{disputed}",
                hit.story_title.as_deref().unwrap_or("")
            );
        }
        let snippet = SnippetPart::bracketed(&hit.snippet);
        let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "  {snippet}");
    }
    out
}
