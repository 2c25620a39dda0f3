//! The routes, the middleware around them, and serving them on a listener.

use std::future::Future;
use std::io;

use axum::Router;
use axum::http::{Uri, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;

use crate::error::{Failure, Flavor, ServerError};
use crate::listener::{ConnectionLimits, LimitedListener};
use crate::state::AppState;
use crate::{api, guard, pages};

/// The stylesheet of every page, served from memory.
pub const STYLESHEET: &str = include_str!("../assets/style.css");

/// Every route. Static files come from memory under fixed names, so no request names a
/// file on disk; the article routes take the rest of the path as the (decoded) id.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::story_list))
        .route("/stories/{id}", get(pages::story))
        .route("/stories/{id}/{section}", get(pages::story_section))
        .route("/articles", get(pages::article_by_query))
        .route("/articles/{*id}", get(pages::article))
        .route("/search", get(pages::search))
        .route("/static/style.css", get(stylesheet))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/articles", get(api::article_by_query))
        .route("/api/articles/{*id}", get(api::article))
        .route("/api/search", get(api::search))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(no_route)
        .layer(middleware::from_fn(guard::guard))
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets open requests finish, with the default
/// [`ConnectionLimits`].
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    serve_with_limits(listener, state, shutdown, ConnectionLimits::default()).await
}

/// Serves as [`serve`] does, with the given limits on connections.
pub async fn serve_with_limits(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
    limits: ConnectionLimits,
) -> io::Result<()> {
    axum::serve(LimitedListener::new(listener, limits), router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn no_route(uri: Uri) -> Failure {
    let path = uri.path().to_string();
    Failure {
        flavor: Flavor::of_path(&path),
        error: ServerError::NoRoute { path },
    }
}
