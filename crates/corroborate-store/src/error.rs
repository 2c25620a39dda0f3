//! What can go wrong with a store file, each error naming the file.

use std::path::PathBuf;

/// An error of the store; every variant names the database file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path} is not a corroborate database (it is {what})")]
    Foreign { path: PathBuf, what: String },
    #[error(
        "{path} was written by a newer corroborate (schema {found}, this build knows up to {known})"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path} is busy: another ingest is writing to it (waited {waited_ms} ms)")]
    Busy { path: PathBuf, waited_ms: u64 },
    #[error("{path}: {source}")]
    Sql {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: damaged record {what}")]
    Damaged { path: PathBuf, what: String },
}
