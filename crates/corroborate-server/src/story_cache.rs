//! Parsed briefs of the large stories shown lately, by story id and revision, so a story of
//! hundreds of sources is not parsed again (megabytes of JSON) for every page of it.
//!
//! An entry is only used while the stored story has the revision it was read at: ingest
//! writes a rebuilt brief under a higher revision, so the next request reads and parses
//! the new one. Entries are dropped least recently used first once the cached briefs'
//! JSON passes a byte budget.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use axum::body::Bytes;
use corroborate_store::StorySummary;

use crate::brief_view::BriefView;

/// A story as its pages read it: the summary row, the parsed brief, and the article each
/// brief source is.
pub struct LoadedStory {
    pub summary: StorySummary,
    pub view: BriefView,
    pub articles: BTreeMap<String, String>,
    /// The brief JSON as stored, which `/api/stories/{id}` sends.
    pub json: Bytes,
    /// The story page, once rendered (it depends on nothing but the above).
    pub page: OnceLock<String>,
}

/// Briefs smaller than this are parsed on every request (it costs less than a
/// millisecond) and not cached, so the cache holds few entries.
pub const MIN_CACHED_BYTES: usize = 32 * 1024;

/// The cache; shared by every request (its lock is held only to look up or insert).
pub struct StoryCache {
    budget: usize,
    min_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<i64, Entry>,
    bytes: usize,
    clock: u64,
}

struct Entry {
    revision: i64,
    bytes: usize,
    used: u64,
    story: Arc<LoadedStory>,
}

impl StoryCache {
    /// A cache holding parsed briefs of at least `min_bytes` bytes of JSON each
    /// ([`MIN_CACHED_BYTES`] serves), up to `budget` bytes in all.
    pub fn new(budget: usize, min_bytes: usize) -> StoryCache {
        StoryCache {
            budget,
            min_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// True when a brief of `bytes` bytes of JSON would be kept.
    pub fn keeps(&self, bytes: usize) -> bool {
        bytes >= self.min_bytes && bytes <= self.budget
    }

    /// The story read at `revision`, when cached.
    pub fn get(&self, id: i64, revision: i64) -> Option<Arc<LoadedStory>> {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.clock += 1;
        let clock = inner.clock;
        let entry = inner.entries.get_mut(&id)?;
        if entry.revision != revision {
            return None;
        }
        entry.used = clock;
        Some(Arc::clone(&entry.story))
    }

    /// Keeps a story read at `revision` from a brief of `bytes` bytes (replacing an older
    /// revision), then drops the least recently used entries over the budget.
    pub fn insert(&self, id: i64, revision: i64, bytes: usize, story: Arc<LoadedStory>) {
        if !self.keeps(bytes) {
            return;
        }
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.clock += 1;
        let used = inner.clock;
        if let Some(old) = inner.entries.insert(
            id,
            Entry {
                revision,
                bytes,
                used,
                story,
            },
        ) {
            inner.bytes -= old.bytes;
        }
        inner.bytes += bytes;
        while inner.bytes > self.budget {
            let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(id, entry)| (entry.used, **id))
                .map(|(id, _)| *id)
            else {
                break;
            };
            if let Some(dropped) = inner.entries.remove(&oldest) {
                inner.bytes -= dropped.bytes;
            }
        }
    }

    /// How many stories are cached.
    pub fn len(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(title: &str) -> Arc<LoadedStory> {
        let json = format!(
            r#"{{"schema":"corroborate/brief/v1","title":"{title}","sources":[],"summary":[],
            "entities":[],"quotes":[],"facts":[],"copies":[],"removed":[]}}"#
        );
        Arc::new(LoadedStory {
            summary: StorySummary {
                id: 1,
                title: title.to_string(),
                first_published: None,
                last_published: None,
                sources: 0,
                independent_sources: 0,
                disputed: 0,
                articles: Vec::new(),
            },
            view: BriefView::parse(&json).expect("brief"),
            articles: BTreeMap::new(),
            json: Bytes::from(json),
            page: OnceLock::new(),
        })
    }

    #[test]
    fn an_entry_serves_only_its_revision() {
        let cache = StoryCache::new(1 << 20, MIN_CACHED_BYTES);
        cache.insert(7, 3, MIN_CACHED_BYTES, story("Ferry resumes"));
        assert!(cache.get(7, 3).is_some());
        assert!(cache.get(7, 4).is_none(), "a rebuilt brief is read again");
        cache.insert(7, 4, MIN_CACHED_BYTES, story("Ferry resumes in May"));
        assert_eq!(
            cache.get(7, 4).expect("new revision").view.brief.title,
            "Ferry resumes in May"
        );
        assert!(cache.get(7, 3).is_none());
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn small_briefs_are_not_kept_and_the_budget_drops_the_least_recently_used() {
        let cache = StoryCache::new(3 * MIN_CACHED_BYTES, MIN_CACHED_BYTES);
        cache.insert(1, 1, MIN_CACHED_BYTES - 1, story("small"));
        assert!(cache.is_empty());
        for id in 1..=3 {
            cache.insert(id, 1, MIN_CACHED_BYTES, story("big"));
        }
        assert!(cache.get(1, 1).is_some(), "story 1 is now the most recent");
        cache.insert(4, 1, MIN_CACHED_BYTES, story("big"));
        assert_eq!(cache.len(), 3);
        assert!(
            cache.get(2, 1).is_none(),
            "story 2 was the least recently used"
        );
        assert!(cache.get(1, 1).is_some() && cache.get(4, 1).is_some());
    }
}
