//! Why an input could not be used, naming the input in every case.

use std::io;

/// An input that was skipped.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {}", io_message(source))]
    Read { path: String, source: io::Error },
    #[error("{path} is a binary file, not text")]
    Binary { path: String },
    #[error("{path} is empty")]
    Empty { path: String },
    #[error("{path} is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path} holds no articles")]
    NoArticles { path: String },
    #[error("{path} is an HTML page in which no article text was found")]
    NoArticleText { path: String },
    #[error(
        "{path} is cut short: its Content-Length is {expected} bytes but the file ends {got} bytes into it"
    )]
    CutShort {
        path: String,
        expected: u64,
        got: u64,
    },
    #[error("{path} is not a feed that can be read: {reason}")]
    NotAFeed { path: String, reason: String },
}

impl IngestError {
    /// The input the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Read { path, .. }
            | IngestError::Binary { path }
            | IngestError::Empty { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::NoArticles { path }
            | IngestError::NoArticleText { path }
            | IngestError::CutShort { path, .. }
            | IngestError::NotAFeed { path, .. } => path,
        }
    }
}

/// `io::Error`'s message in the project's style: lower case, no OS error number.
fn io_message(error: &io::Error) -> String {
    let message = match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => error.to_string(),
    };
    message.to_lowercase()
}
