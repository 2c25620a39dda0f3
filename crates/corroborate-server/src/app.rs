//! The routes, the middleware around them, and serving them on a listener.

use std::future::Future;
use std::io;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{Uri, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

use crate::error::{Failure, Flavor, ServerError};
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

/// How long connections may take and how many are served at once.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// How long a client may take to send a request's head (and how long an idle
    /// kept-alive connection stays open): a client dribbling its headers a byte at a time
    /// is cut off.
    pub header_timeout: Duration,
    /// How long one connection may stay open at all: a client that reads its response a
    /// byte a minute holds a connection no longer than this. Browsers reconnect.
    pub lifetime: Duration,
    /// How long open connections get to finish after a shutdown or the end of their
    /// lifetime before they are closed.
    pub grace: Duration,
    /// Connections served at once; more wait in the listener's backlog.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            lifetime: Duration::from_secs(120),
            grace: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// Serves until `shutdown` completes, then lets open requests finish, with the default
/// [`ConnectionLimits`].
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    serve_with(listener, state, shutdown, ConnectionLimits::default()).await
}

/// Serves until `shutdown` completes, then lets open requests finish (for at most
/// `limits.grace`). Each connection is HTTP/1.1 with a header timeout and a lifetime
/// (`axum::serve` sets no timer, so it has neither).
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
    limits: ConnectionLimits,
) -> io::Result<()> {
    let app = router(state);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (closing, _) = watch::channel(());
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let slot = tokio::select! {
            () = &mut shutdown => break,
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        // Finished connections are reaped as new ones come, so the set stays small.
        while connections.try_join_next().is_some() {}
        let service = TowerToHyperService::new(app.clone());
        let mut closing = closing.subscribe();
        connections.spawn(async move {
            let _slot = slot;
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true);
            let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
            let lifetime = tokio::time::sleep(limits.lifetime);
            tokio::select! {
                _ = connection.as_mut() => return,
                _ = closing.changed() => {}
                () = lifetime => {}
            }
            // Finish the request under way, then close; a client too slow even for that
            // loses the connection.
            connection.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(limits.grace, connection).await;
        });
    }
    drop(closing);
    while connections.join_next().await.is_some() {}
    Ok(())
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
