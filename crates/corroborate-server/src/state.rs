//! The store as the handlers share it: a small pool of read-only connections, each used by
//! one blocking task at a time.
//!
//! A rusqlite connection may move between threads but not be shared by them, and SQLite
//! calls block; so a request takes a connection out of the pool, runs its queries (and the
//! rendering, which is also CPU work) on tokio's blocking threads, and puts it back. A
//! semaphore caps how many connections exist; the pool grows to that cap on demand.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use corroborate_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::error::ServerError;
use crate::story_cache::{MIN_CACHED_BYTES, StoryCache};

/// JSON bytes of parsed briefs the server keeps (a brief of 500 sources is a few MB); each
/// entry holds the JSON, which `/api/stories/{id}` sends, and its parsed form.
const STORY_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The shared state of the server.
#[derive(Clone)]
pub struct AppState {
    pool: Arc<StorePool>,
    stories: Arc<StoryCache>,
}

struct StorePool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl AppState {
    /// Opens the store at `path` read-only, refusing a missing, foreign or too new file now
    /// rather than at the first request. At most `connections` (at least one) are opened.
    pub fn open(path: &Path, connections: usize) -> Result<AppState, StoreError> {
        let first = Store::open_read_only(path)?;
        Ok(AppState {
            pool: Arc::new(StorePool {
                path: path.to_path_buf(),
                idle: Mutex::new(vec![first]),
                permits: Semaphore::new(connections.max(1)),
            }),
            stories: Arc::new(StoryCache::new(STORY_CACHE_BYTES, MIN_CACHED_BYTES)),
        })
    }

    /// Caches the parsed briefs of stories whose brief has at least `min_bytes` bytes of
    /// JSON (by default only large ones, whose parsing costs more than a request).
    pub fn caching_briefs_from(self, min_bytes: usize) -> AppState {
        AppState {
            pool: self.pool,
            stories: Arc::new(StoryCache::new(STORY_CACHE_BYTES, min_bytes)),
        }
    }

    /// The parsed briefs of large stories shown lately.
    pub fn stories(&self) -> Arc<StoryCache> {
        Arc::clone(&self.stories)
    }

    /// The store file being served.
    pub fn path(&self) -> &Path {
        &self.pool.path
    }

    /// Runs `job` with a connection on a blocking thread. A connection whose SQLite call
    /// failed is dropped rather than put back, so a later request opens a fresh one.
    pub async fn read<T, F>(&self, job: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ServerError> + Send + 'static,
    {
        let _permit = self
            .pool
            .permits
            .acquire()
            .await
            .map_err(|_| ServerError::Worker {
                reason: "the connection pool is closed".into(),
            })?;
        let pool = Arc::clone(&self.pool);
        tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let result = job(&store);
            let suspect = matches!(
                result,
                Err(ServerError::Store(
                    StoreError::Sql { .. } | StoreError::Open { .. }
                ))
            );
            if !suspect {
                pool.give_back(store);
            }
            result
        })
        .await
        .map_err(|error| ServerError::Worker {
            reason: error.to_string(),
        })?
    }
}

impl StorePool {
    fn take(&self) -> Result<Store, ServerError> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path).map_err(ServerError::from_store),
        }
    }

    fn give_back(&self, store: Store) {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(store);
    }
}
