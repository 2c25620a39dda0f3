//! SQLite FTS5, set up and queried the way `crates/corroborate-store` does it: an articles
//! table, an external-content FTS5 table over title and text with the store's tokenizer,
//! WAL with `synchronous = NORMAL`, and queries joining the two, ordered by bm25.

use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, OpenFlags, params};

use crate::{Article, BATCH, Build, Found, Kind, Piece, Query, Result, Search, TOP, disk_size};

const SCHEMA: &str = r#"
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text TEXT NOT NULL
);
CREATE INDEX articles_by_date ON articles(published);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"#;

pub fn build(path: &Path, articles: &[Article]) -> Result<Build> {
    for stale in ["", "-wal", "-shm"] {
        let file = format!("{}{stale}", path.display());
        if Path::new(&file).exists() {
            std::fs::remove_file(&file)?;
        }
    }
    let started = Instant::now();
    let mut connection = Connection::open(path)?;
    connection.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
    connection.execute_batch(SCHEMA)?;
    for batch in articles.chunks(BATCH) {
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut article_row = transaction.prepare_cached(
                "INSERT INTO articles (id, title, outlet, published, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut fts_row = transaction.prepare_cached(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            )?;
            for article in batch {
                article_row.execute(params![
                    article.id,
                    article.title,
                    article.outlet,
                    article.day.map(crate::iso),
                    article.text
                ])?;
                let seq = transaction.last_insert_rowid();
                fts_row.execute(params![seq, article.title, article.text])?;
            }
        }
        transaction.commit()?;
    }
    // Fold the WAL into the file so that its size is the whole store.
    connection.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    let seconds = started.elapsed().as_secs_f64();
    let index_bytes: i64 = connection.query_row(
        "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'",
        [],
        |row| row.get(0),
    )?;
    let segments: i64 = connection
        .query_row("SELECT count(*) FROM articles_fts_idx", [], |row| {
            row.get(0)
        })
        .unwrap_or(-1);
    drop(connection);
    Ok(Build {
        seconds,
        bytes: disk_size(path)?,
        index_bytes: u64::try_from(index_bytes).unwrap_or(0),
        notes: format!(
            "one file with the articles' text; {segments} rows in the FTS5 %_idx table (not optimised, as after an ingest)"
        ),
    })
}

/// How the searcher asks SQLite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// As `corroborate-store`'s `search` does: the articles table joined to the FTS5 table
    /// for the count and for the best 20 by bm25.
    Store,
    /// The same answer from the FTS5 table alone (count, best 20 by `rank`, which is bm25),
    /// ids looked up by rowid; only a date filter needs the articles table.
    Lean,
    /// A different answer: the newest 20 matches by rowid (ingest order, no bm25) and a
    /// count that stops at 1,001.
    Newest,
}

pub struct Fts {
    connection: Connection,
    mode: Mode,
}

pub fn open(path: &Path, mode: Mode) -> Result<Fts> {
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    Ok(Fts { connection, mode })
}

/// The FTS5 expression the store builds: every piece quoted, joined by AND.
pub fn expression(query: &Query) -> String {
    query
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Word(word) => format!("\"{}\"", word.replace('"', "\"\"")),
            Piece::Phrase(a, b) => {
                format!("\"{} {}\"", a.replace('"', "\"\""), b.replace('"', "\"\""))
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Above this many matches the newest-first searcher stops counting.
pub const COUNT_CAP: usize = 1_000;

impl Search for Fts {
    fn run(&mut self, query: &Query) -> Result<Option<Found>> {
        if query.kind == Kind::StoreShape && self.mode != Mode::Store {
            return Ok(None);
        }
        let matching = expression(query);
        let (first, last) = match query.days {
            Some((first, last)) => (crate::iso(first), crate::iso(last)),
            None => (String::new(), String::new()),
        };
        let dated = query.days.is_some();
        let filter = if dated {
            " AND a.published >= ?2 AND a.published <= ?3"
        } else {
            " AND ?2 = ?3"
        };
        let joined = "articles a JOIN articles_fts ON articles_fts.rowid = a.seq \
                      WHERE articles_fts MATCH ?1";
        // The store's search also asks for a snippet of each hit.
        let snippet = if query.kind == Kind::StoreShape {
            ", snippet(articles_fts, 1, '[', ']', '…', 24)"
        } else {
            ", ''"
        };
        let (count_sql, top_sql) = match (self.mode, dated) {
            (Mode::Store, _) | (Mode::Lean, true) => (
                format!("SELECT count(*) FROM {joined}{filter}"),
                format!(
                    "SELECT a.id, bm25(articles_fts){snippet} FROM {joined}{filter} \
                     ORDER BY bm25(articles_fts), a.seq LIMIT {TOP}"
                ),
            ),
            (Mode::Lean, false) => (
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1 AND ?2 = ?3"
                    .to_string(),
                format!(
                    "SELECT (SELECT id FROM articles WHERE seq = f.rowid), f.rank, '' \
                     FROM articles_fts f WHERE articles_fts MATCH ?1 AND ?2 = ?3 \
                     ORDER BY f.rank LIMIT {TOP}"
                ),
            ),
            (Mode::Newest, false) => (
                format!(
                    "SELECT count(*) FROM (SELECT 1 FROM articles_fts \
                     WHERE articles_fts MATCH ?1 AND ?2 = ?3 LIMIT {})",
                    COUNT_CAP + 1
                ),
                format!(
                    "SELECT (SELECT id FROM articles WHERE seq = f.rowid), 0.0, '' \
                     FROM articles_fts f WHERE articles_fts MATCH ?1 AND ?2 = ?3 \
                     ORDER BY f.rowid DESC LIMIT {TOP}"
                ),
            ),
            (Mode::Newest, true) => (
                format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {joined}{filter} LIMIT {})",
                    COUNT_CAP + 1
                ),
                format!(
                    "SELECT a.id, 0.0, '' FROM {joined}{filter} \
                     ORDER BY articles_fts.rowid DESC LIMIT {TOP}"
                ),
            ),
        };
        let total: i64 = self
            .connection
            .prepare_cached(&count_sql)?
            .query_row(params![matching, first, last], |row| row.get(0))?;
        let mut statement = self.connection.prepare_cached(&top_sql)?;
        let top = statement
            .query_map(params![matching, first, last], |row| {
                let id: String = row.get(0)?;
                let score: f64 = row.get(1)?;
                let snippet: String = row.get(2)?;
                std::hint::black_box(snippet);
                // bm25() is negative, lower is better; shown positive like tantivy's.
                Ok((id, -score as f32))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(Found {
            total: usize::try_from(total).unwrap_or(0),
            top,
        }))
    }
}
