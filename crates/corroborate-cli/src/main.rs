//! The `corroborate` command: parses arguments and runs one subcommand.

mod commands;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Reads many news reports of the same events and tells what they agree on, where they
/// disagree, and who said what, with every statement traced to its passage.
#[derive(Parser)]
#[command(name = "corroborate", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Brief the inputs as one story: summary with citations, sources, removed page furniture.
    Brief(commands::brief::BriefArgs),
    /// Analyse each input: sentences, entity mentions, entities and quotes, as JSON Lines.
    Analyze(commands::analyze::AnalyzeArgs),
    /// Group a collection into stories, with the copies inside each; --explain says why.
    Stories(commands::stories::StoriesArgs),
    /// What was read from each input (HTML page, WARC record, feed item...), as JSON Lines.
    Extract(commands::extract::ExtractArgs),
    /// Add articles to the store (default corroborate.db): they join or open stories and
    /// the briefs of the stories they change are rebuilt.
    Ingest(commands::ingest::IngestArgs),
    /// Search the store: words, "phrases", entity:, outlet:, after:, before:, is:disputed.
    Search(commands::search::SearchArgs),
    /// Serve a store's stories, briefs, articles and search as web pages and a JSON API.
    Serve(commands::serve::ServeArgs),
    /// Measure quality on the evaluation corpora (ours and peers, one scorer).
    Eval(commands::eval::EvalArgs),
}

/// What a command reports back: whether some input was skipped (exit status 2).
pub struct Outcome {
    pub skipped_input: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => commands::brief::run(args),
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Stories(args) => commands::stories::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Search(args) => commands::search::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Eval(args) => commands::eval::run(args),
    };
    match result {
        Ok(outcome) if outcome.skipped_input => ExitCode::from(2),
        Ok(_) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader closing the pipe (`corroborate brief ... | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
