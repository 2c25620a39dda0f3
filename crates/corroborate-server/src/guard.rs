//! The checks every request passes before a route sees it (read-only methods, size limits),
//! and the security headers every response leaves with, error responses included.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{Failure, Flavor, ServerError};

/// The longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 2048;
/// The longest path accepted, in bytes (article ids are file names or JSON Lines ids).
pub const MAX_PATH_BYTES: usize = 2048;

/// Nothing may be loaded from anywhere but this server, nothing may run, and no other site
/// may frame the pages. The pages use no script and no inline style.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The middleware: refuses what this read-only server never serves, then adds the headers.
pub async fn guard(request: Request, next: Next) -> Response {
    let flavor = Flavor::of_path(request.uri().path());
    let mut response = match refusal(&request) {
        Some(error) => Failure { error, flavor }.into_response(),
        None => next.run(request).await,
    };
    add_security_headers(response.headers_mut());
    response
}

/// Why a request is refused before routing, if it is.
fn refusal(request: &Request) -> Option<ServerError> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return Some(ServerError::MethodNotAllowed {
            method: request.method().to_string(),
        });
    }
    let uri = request.uri();
    if uri.path().len() > MAX_PATH_BYTES {
        return Some(ServerError::UriTooLong {
            length: uri.path().len(),
            limit: MAX_PATH_BYTES,
        });
    }
    if let Some(query) = uri.query()
        && query.len() > MAX_QUERY_BYTES
    {
        return Some(ServerError::UriTooLong {
            length: query.len(),
            limit: MAX_QUERY_BYTES,
        });
    }
    // GET and HEAD carry no body here; a client sending one is refused before it is read.
    let headers = request.headers();
    if let Some(length) = headers.get(header::CONTENT_LENGTH)
        && length.as_bytes() != b"0"
    {
        return Some(ServerError::BodyNotAllowed {
            length: String::from_utf8_lossy(length.as_bytes()).into_owned(),
        });
    }
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return Some(ServerError::BodyNotAllowed {
            length: "chunked".into(),
        });
    }
    None
}

fn add_security_headers(headers: &mut HeaderMap) {
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        // The store grows while the server runs: pages are revalidated, not kept.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
}
