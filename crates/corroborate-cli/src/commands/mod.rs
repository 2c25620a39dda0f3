//! One module a subcommand, plus the output helpers they share.

pub mod analyze;
pub mod brief;
pub mod eval;
mod output;
pub mod serve;
pub mod stories;
