//! One module a subcommand, plus the output helpers they share.

pub mod analyze;
pub mod brief;
pub mod eval;
pub mod extract;
pub mod ingest;
mod output;
pub mod search;
pub mod serve;
pub mod stories;
