//! Writing a batch: new articles, rebuilt stories and their members, committed whole.

use std::collections::BTreeSet;

use corroborate_model::{OffsetMap, PublishedDate};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::records::{NewArticle, StoredArticle, StoryWrite};
use crate::schema::BUSY_WAIT;
use crate::{Store, StoreError};

/// One batch of changes, holding the store's write lock until [`Writer::commit`]. Dropping
/// it without committing leaves the store as it was (so does a killed process).
pub struct Writer<'store> {
    transaction: Transaction<'store>,
    path: &'store std::path::Path,
}

impl Store {
    /// Starts a batch. Waits for another writer up to ten seconds, then fails clearly.
    pub fn writer(&mut self) -> Result<Writer<'_>, StoreError> {
        let path = self.path.as_path();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|source| match source {
                rusqlite::Error::SqliteFailure(error, _)
                    if matches!(
                        error.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) =>
                {
                    StoreError::Busy {
                        path: path.to_path_buf(),
                        waited_ms: u64::try_from(BUSY_WAIT.as_millis()).unwrap_or(u64::MAX),
                    }
                }
                other => StoreError::Sql {
                    path: path.to_path_buf(),
                    source: other,
                },
            })?;
        Ok(Writer { transaction, path })
    }
}

impl Writer<'_> {
    /// True when an article with this content hash is stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool, StoreError> {
        self.exists("SELECT 1 FROM articles WHERE content_hash = ?1", hash)
    }

    /// True when an article with this id is stored.
    pub fn contains_id(&self, id: &str) -> Result<bool, StoreError> {
        self.exists("SELECT 1 FROM articles WHERE id = ?1", id)
    }

    /// Adds an article (not yet in any story) and indexes its text; returns its `seq`.
    pub fn insert_article(&self, article: &NewArticle) -> Result<i64, StoreError> {
        let (first, last) = date_bounds(article.published);
        let origin =
            serde_json::to_string(&article.origin.pieces()).expect("pieces of numbers serialise");
        self.transaction
            .execute(
                "INSERT INTO articles (id, content_hash, input, title, outlet, published,
                     published_first, published_last, text, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    article.id,
                    article.hash,
                    article.input,
                    article.title,
                    article.outlet,
                    article.published.map(|date| date.to_string()),
                    first,
                    last,
                    article.text,
                    origin,
                ],
            )
            .map_err(|source| self.sql(source))?;
        let seq = self.transaction.last_insert_rowid();
        self.transaction
            .execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                params![seq, article.title, article.text],
            )
            .map_err(|source| self.sql(source))?;
        Ok(seq)
    }

    /// Every stored article of every story that has a member published between `first`
    /// and `last` (ISO days, inclusive), and, when `undated` is set, of the stories of the
    /// `undated_cap` most recently added undated articles. Whole stories, in ingest order,
    /// so a story is always regrouped with all its members.
    pub fn neighbourhood(
        &self,
        window: Option<(&str, &str)>,
        undated: bool,
        undated_cap: usize,
    ) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stories: BTreeSet<i64> = BTreeSet::new();
        if let Some((first, last)) = window {
            let mut statement = self
                .transaction
                .prepare_cached(
                    "SELECT DISTINCT story FROM articles
                     WHERE published_last >= ?1 AND published_first <= ?2 AND story IS NOT NULL",
                )
                .map_err(|source| self.sql(source))?;
            let rows = statement
                .query_map(params![first, last], |row| row.get::<_, i64>(0))
                .map_err(|source| self.sql(source))?;
            for story in rows {
                stories.insert(story.map_err(|source| self.sql(source))?);
            }
        }
        if undated {
            let mut statement = self
                .transaction
                .prepare_cached(
                    "SELECT DISTINCT story FROM (SELECT story FROM articles
                     WHERE published IS NULL AND story IS NOT NULL ORDER BY seq DESC LIMIT ?1)",
                )
                .map_err(|source| self.sql(source))?;
            let cap = i64::try_from(undated_cap).unwrap_or(i64::MAX);
            let rows = statement
                .query_map(params![cap], |row| row.get::<_, i64>(0))
                .map_err(|source| self.sql(source))?;
            for story in rows {
                stories.insert(story.map_err(|source| self.sql(source))?);
            }
        }
        let mut articles = Vec::new();
        for story in stories {
            articles.append(&mut self.story_members(story)?);
        }
        articles.sort_by_key(|article| article.seq);
        Ok(articles)
    }

    /// An id no story has had (ids are never reused, so links to a merged story stay dead
    /// rather than pointing at another one).
    pub fn next_story_id(&self) -> Result<i64, StoreError> {
        let highest: Option<i64> = self
            .transaction
            .query_row("SELECT max(id) FROM stories", [], |row| row.get(0))
            .map_err(|source| self.sql(source))?;
        let retired: Option<i64> = self
            .transaction
            .query_row(
                "SELECT max(story) FROM articles WHERE story IS NOT NULL",
                [],
                |row| row.get(0),
            )
            .map_err(|source| self.sql(source))?;
        Ok(highest.max(retired).unwrap_or(0) + 1)
    }

    /// Points articles (by `seq`) at a story whose brief is rebuilt later in the run: the
    /// story is marked pending until [`Writer::write_story`] writes its brief. A new story
    /// gets a row of revision 0, which readers do not see until its brief is written.
    pub fn assign_story(&self, story: i64, seqs: &[i64]) -> Result<(), StoreError> {
        self.transaction
            .prepare_cached(
                "INSERT OR IGNORE INTO stories (id, title, sources, independent_sources,
                     disputed, revision)
                 VALUES (?1, '', 0, 0, 0, 0)",
            )
            .map_err(|source| self.sql(source))?
            .execute(params![story])
            .map_err(|source| self.sql(source))?;
        let mut update = self
            .transaction
            .prepare_cached("UPDATE articles SET story = ?1 WHERE seq = ?2")
            .map_err(|source| self.sql(source))?;
        for seq in seqs {
            update
                .execute(params![story, seq])
                .map_err(|source| self.sql(source))?;
        }
        self.transaction
            .prepare_cached("INSERT OR IGNORE INTO pending_briefs (story) VALUES (?1)")
            .map_err(|source| self.sql(source))?
            .execute(params![story])
            .map_err(|source| self.sql(source))?;
        Ok(())
    }

    /// The stories whose briefs are pending and that have no article published on or
    /// after `cutoff` (an ISO day) and no undated article, so a batch of articles dated
    /// after the cutoff cannot reach them; every pending story when `cutoff` is `None`.
    pub fn settled_pending(&self, cutoff: Option<&str>) -> Result<Vec<i64>, StoreError> {
        let sql = match cutoff {
            Some(_) => {
                "SELECT story FROM pending_briefs AS pending WHERE NOT EXISTS (
                     SELECT 1 FROM articles WHERE articles.story = pending.story
                     AND (published_last >= ?1 OR published IS NULL))
                 ORDER BY story"
            }
            None => "SELECT story FROM pending_briefs ORDER BY story",
        };
        let mut statement = self
            .transaction
            .prepare_cached(sql)
            .map_err(|source| self.sql(source))?;
        let story = |row: &rusqlite::Row<'_>| row.get::<_, i64>(0);
        let rows: rusqlite::Result<Vec<i64>> = match cutoff {
            Some(cutoff) => statement
                .query_map(params![cutoff], story)
                .and_then(Iterator::collect),
            None => statement.query_map([], story).and_then(Iterator::collect),
        };
        rows.map_err(|source| self.sql(source))
    }

    /// A story's articles, in ingest order.
    pub fn story_members(&self, story: i64) -> Result<Vec<StoredArticle>, StoreError> {
        let mut statement = self
            .transaction
            .prepare_cached(&format!(
                "SELECT {} FROM articles WHERE story = ?1 ORDER BY seq",
                crate::read::ARTICLE_COLUMNS
            ))
            .map_err(|source| self.sql(source))?;
        let rows = statement
            .query_map(params![story], crate::read::article_row)
            .map_err(|source| self.sql(source))?;
        let mut articles = Vec::new();
        for row in rows {
            let row = row.map_err(|source| self.sql(source))?;
            articles.push(crate::read::finish_article(row, self.path)?);
        }
        Ok(articles)
    }

    /// Writes a story (replacing one with the same id, one revision up), points its members
    /// at it, stores their refreshed views and entity names, and clears its pending mark.
    pub fn write_story(&self, story: &StoryWrite) -> Result<(), StoreError> {
        self.transaction
            .prepare_cached(
                "INSERT OR REPLACE INTO stories (id, title, first_published, last_published,
                     sources, independent_sources, disputed, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                     coalesce((SELECT revision FROM stories WHERE id = ?1), 0) + 1)",
            )
            .map_err(|source| self.sql(source))?
            .execute(params![
                story.id,
                story.title,
                story.first_published,
                story.last_published,
                story.sources as i64,
                story.independent_sources as i64,
                story.disputed as i64,
            ])
            .map_err(|source| self.sql(source))?;
        self.transaction
            .prepare_cached("INSERT OR REPLACE INTO story_briefs (story, brief) VALUES (?1, ?2)")
            .map_err(|source| self.sql(source))?
            .execute(params![story.id, story.brief_json])
            .map_err(|source| self.sql(source))?;
        self.transaction
            .prepare_cached("DELETE FROM pending_briefs WHERE story = ?1")
            .map_err(|source| self.sql(source))?
            .execute(params![story.id])
            .map_err(|source| self.sql(source))?;
        let mut update = self
            .transaction
            .prepare_cached("UPDATE articles SET story = ?1, view = ?2 WHERE seq = ?3")
            .map_err(|source| self.sql(source))?;
        let mut forget = self
            .transaction
            .prepare_cached("DELETE FROM article_entities WHERE article = ?1")
            .map_err(|source| self.sql(source))?;
        let mut remember = self
            .transaction
            .prepare_cached(
                "INSERT INTO article_entities (article, name, canonical, folded) VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(|source| self.sql(source))?;
        for member in &story.members {
            let (seq, view, names) = (&member.seq, &member.view, &member.names);
            let view = serde_json::to_string(view).expect("views serialise");
            update
                .execute(params![story.id, view, seq])
                .map_err(|source| self.sql(source))?;
            forget
                .execute(params![seq])
                .map_err(|source| self.sql(source))?;
            let mut seen = BTreeSet::new();
            for (name, canonical) in names {
                let folded = crate::search::fold_name(name);
                if folded.is_empty() || !seen.insert((folded.clone(), canonical.clone())) {
                    continue;
                }
                remember
                    .execute(params![seq, name, canonical, folded])
                    .map_err(|source| self.sql(source))?;
            }
        }
        Ok(())
    }

    /// Removes a story that lost all its members to others.
    pub fn delete_story(&self, id: i64) -> Result<(), StoreError> {
        self.transaction
            .execute("DELETE FROM stories WHERE id = ?1", params![id])
            .map_err(|source| self.sql(source))?;
        self.transaction
            .execute("DELETE FROM story_briefs WHERE story = ?1", params![id])
            .map_err(|source| self.sql(source))?;
        self.transaction
            .execute("DELETE FROM pending_briefs WHERE story = ?1", params![id])
            .map_err(|source| self.sql(source))?;
        Ok(())
    }

    /// Makes the batch durable and visible.
    pub fn commit(self) -> Result<(), StoreError> {
        let path = self.path.to_path_buf();
        self.transaction
            .commit()
            .map_err(|source| StoreError::Sql { path, source })
    }

    fn exists(&self, sql: &str, value: &str) -> Result<bool, StoreError> {
        self.transaction
            .query_row(sql, params![value], |_| Ok(()))
            .optional()
            .map(|found| found.is_some())
            .map_err(|source| self.sql(source))
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.to_path_buf(),
            source,
        }
    }
}

/// The first and last ISO day a publication date may mean (`2021-07` is 07-01 to 07-31).
pub(crate) fn date_bounds(date: Option<PublishedDate>) -> (Option<String>, Option<String>) {
    let Some(date) = date else {
        return (None, None);
    };
    let year = date.year();
    match (date.month(), date.day()) {
        (Some(month), Some(day)) => {
            let day = format!("{year:04}-{month:02}-{day:02}");
            (Some(day.clone()), Some(day))
        }
        (Some(month), None) => (
            Some(format!("{year:04}-{month:02}-01")),
            Some(format!("{year:04}-{month:02}-31")),
        ),
        _ => (
            Some(format!("{year:04}-01-01")),
            Some(format!("{year:04}-12-31")),
        ),
    }
}

/// Rebuilds a stored offset map; `None` for a damaged one.
pub(crate) fn parse_origin(text: &str) -> Option<OffsetMap> {
    let pieces: Vec<(usize, usize, usize, usize, bool)> = serde_json::from_str(text).ok()?;
    OffsetMap::from_pieces(&pieces)
}
