//! Reading what was committed: the story list, one story, one article.

use std::path::Path;

use corroborate_model::PublishedDate;
use rusqlite::{OptionalExtension, Row, params};

use crate::records::{ArticleRecord, ArticleView, StoredArticle, StoryRecord, StorySummary};
use crate::write::parse_origin;
use crate::{Store, StoreError};

pub(crate) const ARTICLE_COLUMNS: &str =
    "seq, id, input, title, outlet, published, text, origin, story";

/// An article row before its offset map is checked.
pub(crate) struct ArticleRow {
    seq: i64,
    id: String,
    input: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    text: String,
    origin: String,
    story: Option<i64>,
}

pub(crate) fn article_row(row: &Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        seq: row.get(0)?,
        id: row.get(1)?,
        input: row.get(2)?,
        title: row.get(3)?,
        outlet: row.get(4)?,
        published: row.get(5)?,
        text: row.get(6)?,
        origin: row.get(7)?,
        story: row.get(8)?,
    })
}

pub(crate) fn finish_article(row: ArticleRow, path: &Path) -> Result<StoredArticle, StoreError> {
    let origin = parse_origin(&row.origin).ok_or_else(|| StoreError::Damaged {
        path: path.to_path_buf(),
        what: format!("offset map of article {}", row.id),
    })?;
    Ok(StoredArticle {
        seq: row.seq,
        id: row.id,
        input: row.input,
        title: row.title,
        outlet: row.outlet,
        published: row.published.as_deref().and_then(PublishedDate::parse),
        text: row.text,
        origin,
        story: row.story,
    })
}

impl Store {
    /// The number of stories.
    pub fn story_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM stories WHERE revision > 0")
    }

    /// The number of articles.
    pub fn article_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM articles")
    }

    /// Stories, newest first (by their last publication date; undated ones last, as SQLite
    /// sorts NULL below every date), then by id, newest first: the order of the
    /// `stories_by_date` index, so a page reads only its rows.
    pub fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT id, title, first_published, last_published, sources,
                        independent_sources, disputed
                 FROM stories WHERE revision > 0
                 ORDER BY last_published DESC, id DESC
                 LIMIT ?1 OFFSET ?2",
            )
            .map_err(|source| self.sql(source))?;
        let rows = statement
            .query_map(params![as_i64(limit), as_i64(offset)], summary_row)
            .map_err(|source| self.sql(source))?;
        let mut stories = Vec::new();
        for row in rows {
            let mut story = row.map_err(|source| self.sql(source))?;
            story.articles = self.story_article_ids(story.id)?;
            stories.push(story);
        }
        Ok(stories)
    }

    /// One story with its brief.
    pub fn story(&self, id: i64) -> Result<Option<StoryRecord>, StoreError> {
        let found = self
            .connection
            .prepare_cached(
                "SELECT s.id, s.title, s.first_published, s.last_published, s.sources,
                        s.independent_sources, s.disputed, b.brief, s.revision
                 FROM stories s JOIN story_briefs b ON b.story = s.id
                 WHERE s.id = ?1 AND s.revision > 0",
            )
            .map_err(|source| self.sql(source))?
            .query_row(params![id], |row| {
                Ok((
                    summary_row(row)?,
                    row.get::<_, String>(7)?,
                    row.get::<_, i64>(8)?,
                ))
            })
            .optional()
            .map_err(|source| self.sql(source))?;
        let Some((mut summary, brief_json, revision)) = found else {
            return Ok(None);
        };
        summary.articles = self.story_article_ids(summary.id)?;
        Ok(Some(StoryRecord {
            summary,
            revision,
            brief_json,
        }))
    }

    /// One article with its view, by the id given at ingest.
    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>, StoreError> {
        let found = self
            .connection
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS}, view FROM articles WHERE id = ?1"
            ))
            .map_err(|source| self.sql(source))?
            .query_row(params![id], |row| {
                Ok((article_row(row)?, row.get::<_, String>(9)?))
            })
            .optional()
            .map_err(|source| self.sql(source))?;
        let Some((row, view)) = found else {
            return Ok(None);
        };
        let article = finish_article(row, &self.path)?;
        let view: ArticleView = serde_json::from_str(&view).map_err(|_| StoreError::Damaged {
            path: self.path.clone(),
            what: format!("view of article {}", article.id),
        })?;
        Ok(Some(ArticleRecord { article, view }))
    }

    /// A story's revision, which grows each time its brief is rewritten (`None` for no
    /// such story): a reader holding a parsed brief of the same revision holds this brief.
    pub fn story_revision(&self, id: i64) -> Result<Option<i64>, StoreError> {
        self.connection
            .prepare_cached("SELECT revision FROM stories WHERE id = ?1 AND revision > 0")
            .map_err(|source| self.sql(source))?
            .query_row(params![id], |row| row.get(0))
            .optional()
            .map_err(|source| self.sql(source))
    }

    /// Checks the file and the invariants the store keeps: SQLite's own integrity check, every
    /// article in exactly one existing story, every story with an article, the text index
    /// matching the articles. Returns the problems found (none for a sound store).
    pub fn integrity(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let verdict: String = self
            .connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(|source| self.sql(source))?;
        if verdict != "ok" {
            problems.push(format!("sqlite integrity check: {verdict}"));
        }
        let checks = [
            (
                "SELECT count(*) FROM articles WHERE story IS NULL OR story NOT IN (SELECT id FROM stories)",
                "articles in no story",
            ),
            (
                "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story FROM articles WHERE story IS NOT NULL)",
                "stories without articles",
            ),
            (
                "SELECT count(*) FROM stories WHERE revision = 0 AND id NOT IN (SELECT story FROM pending_briefs)",
                "stories without a brief and none pending",
            ),
            (
                "SELECT count(*) FROM stories WHERE revision > 0 AND id NOT IN (SELECT story FROM story_briefs)",
                "stories whose brief is missing",
            ),
        ];
        for (sql, what) in checks {
            let count = self.count(sql)?;
            if count > 0 {
                problems.push(format!("{count} {what}"));
            }
        }
        if let Err(source) = self.connection.execute_batch(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
        ) {
            problems.push(format!("text index: {source}"));
        }
        Ok(problems)
    }

    /// The ids of a story's articles, in ingest order.
    pub fn story_article_ids(&self, story: i64) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id FROM articles WHERE story = ?1 ORDER BY seq")
            .map_err(|source| self.sql(source))?;
        let rows = statement
            .query_map(params![story], |row| row.get::<_, String>(0))
            .map_err(|source| self.sql(source))?;
        rows.collect::<Result<_, _>>()
            .map_err(|source| self.sql(source))
    }

    fn count(&self, sql: &str) -> Result<usize, StoreError> {
        let count: i64 = self
            .connection
            .query_row(sql, [], |row| row.get(0))
            .map_err(|source| self.sql(source))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }
}

fn summary_row(row: &Row<'_>) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        title: row.get(1)?,
        first_published: row.get(2)?,
        last_published: row.get(3)?,
        sources: as_usize(row.get(4)?),
        independent_sources: as_usize(row.get(5)?),
        disputed: as_usize(row.get(6)?),
        articles: Vec::new(),
    })
}

pub(crate) fn as_i64(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(crate) fn as_usize(value: i64) -> usize {
    usize::try_from(value).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoryWrite};

    #[test]
    fn the_story_list_is_newest_first_with_undated_stories_last() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("news.db")).expect("store");
        let mut store = store;
        let writer = store.writer().expect("writer");
        for (id, last) in [
            (1, Some("2024-03-02")),
            (2, None),
            (3, Some("2024-05-01")),
            (4, None),
            (5, Some("2024-03-02")),
        ] {
            writer
                .write_story(&StoryWrite {
                    id,
                    title: format!("Story {id}"),
                    first_published: last.map(str::to_string),
                    last_published: last.map(str::to_string),
                    sources: 1,
                    independent_sources: 1,
                    disputed: 0,
                    brief_json: "{}".into(),
                    members: Vec::new(),
                })
                .expect("story");
        }
        writer.commit().expect("commit");
        let ids: Vec<i64> = store
            .stories(10, 0)
            .expect("list")
            .iter()
            .map(|story| story.id)
            .collect();
        assert_eq!(ids, vec![3, 5, 1, 4, 2]);
        let second_page: Vec<i64> = store
            .stories(2, 2)
            .expect("list")
            .iter()
            .map(|story| story.id)
            .collect();
        assert_eq!(second_page, vec![1, 4]);
        assert_eq!(store.story_count().expect("count"), 5);
    }
}
