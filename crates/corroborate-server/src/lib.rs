//! The web UI and read-only JSON API over a corroborate store: the story list, each story's
//! brief with citations opening the cited passages, articles with their quotes, figures and
//! names marked, and search.
//!
//! Pages are rendered on the server and work without JavaScript; one stylesheet is served
//! from memory; every response carries a strict Content-Security-Policy. Nothing is ever
//! written: articles are added with `corroborate ingest`.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use corroborate_server::{AppState, serve};
//! let state = AppState::open("corroborate.db".as_ref(), 4).expect("a store");
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(listener, state, std::future::pending()).await
//! # }
//! ```

mod api;
mod app;
mod brief_view;
mod error;
mod guard;
mod links;
mod listener;
mod pages;
mod params;
mod state;
mod story_cache;

pub use api::{DEFAULT_LIMIT, OPENAPI};
pub use app::{STYLESHEET, router, serve, serve_with_limits};
pub use error::{Failure, Flavor, ServerError};
pub use guard::{CONTENT_SECURITY_POLICY, MAX_PATH_BYTES, MAX_QUERY_BYTES};
pub use links::encode_component;
pub use listener::ConnectionLimits;
pub use params::MAX_LIMIT;
pub use state::AppState;

/// The address `corroborate serve` listens on unless told otherwise: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
