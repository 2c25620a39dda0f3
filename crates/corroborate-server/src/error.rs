//! What a request can fail with, and the one table mapping each failure to an HTTP status.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use corroborate_store::StoreError;

/// Why a request was not answered with what it asked for.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("no page at {path}")]
    NoRoute { path: String },
    #[error("no story {id}")]
    StoryNotFound { id: String },
    #[error("no article {id:?}")]
    ArticleNotFound { id: String },
    #[error("bad parameter {name}: {reason}")]
    BadParameter { name: &'static str, reason: String },
    #[error("method {method} is not allowed: this server is read-only (GET and HEAD only)")]
    MethodNotAllowed { method: String },
    #[error("the request target is {length} bytes long; at most {limit} are accepted")]
    UriTooLong { length: usize, limit: usize },
    #[error("requests carry no body here ({length} bytes sent)")]
    BodyNotAllowed { length: String },
    #[error("the store is busy: {0}")]
    Busy(StoreError),
    #[error("the store could not be read: {0}")]
    Store(StoreError),
    #[error("a worker failed: {reason}")]
    Worker { reason: String },
}

impl ServerError {
    /// The one table from failures to statuses.
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::NoRoute { .. }
            | ServerError::StoryNotFound { .. }
            | ServerError::ArticleNotFound { .. } => StatusCode::NOT_FOUND,
            ServerError::BadParameter { .. } => StatusCode::BAD_REQUEST,
            ServerError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ServerError::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            ServerError::BodyNotAllowed { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServerError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ServerError::Store(_) | ServerError::Worker { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the client is told. Server-side failures get a plain sentence: the details
    /// (file paths, SQLite messages) go to the server's log, not to the network.
    pub fn public_message(&self) -> String {
        match self {
            ServerError::Busy(_) => "the store is busy; try again in a moment".to_string(),
            ServerError::Store(_) => "the store could not be read".to_string(),
            ServerError::Worker { .. } => "the request could not be completed".to_string(),
            other => other.to_string(),
        }
    }

    /// A store error as a request failure.
    pub fn from_store(error: StoreError) -> ServerError {
        match error {
            StoreError::Busy { .. } => ServerError::Busy(error),
            other => ServerError::Store(other),
        }
    }
}

impl From<StoreError> for ServerError {
    fn from(error: StoreError) -> ServerError {
        ServerError::from_store(error)
    }
}

/// How a failure is shown: an HTML page for the pages, a JSON object under `/api/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Page,
    Api,
}

impl Flavor {
    /// The flavour of the responses under `path`.
    pub fn of_path(path: &str) -> Flavor {
        if path == "/api" || path.starts_with("/api/") {
            Flavor::Api
        } else {
            Flavor::Page
        }
    }
}

/// A failure on its way to the client, in the flavour of the route that failed.
#[derive(Debug)]
pub struct Failure {
    pub error: ServerError,
    pub flavor: Flavor,
}

impl Failure {
    pub fn page(error: ServerError) -> Failure {
        Failure {
            error,
            flavor: Flavor::Page,
        }
    }

    pub fn api(error: ServerError) -> Failure {
        Failure {
            error,
            flavor: Flavor::Api,
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let status = self.error.status();
        if status.is_server_error() {
            eprintln!("corroborate serve: {}", self.error);
        }
        let message = self.error.public_message();
        let mut response = match self.flavor {
            Flavor::Api => {
                let body = serde_json::json!({ "error": message, "status": status.as_u16() });
                (status, axum::Json(body)).into_response()
            }
            Flavor::Page => (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                crate::pages::error_page(status, &message),
            )
                .into_response(),
        };
        if let ServerError::MethodNotAllowed { .. } = self.error {
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        }
        if let ServerError::Busy(_) = self.error {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}
