//! Opening a store file: recognising it as ours, creating and migrating its schema.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::StoreError;

/// The schema this build writes. Each step of [`MIGRATIONS`] moves a file one version up.
pub const SCHEMA_VERSION: i64 = 3;

/// `PRAGMA application_id` of a corroborate store ("Corr"), so a foreign SQLite file is
/// told apart from an empty one.
const APPLICATION_ID: i64 = 0x436f_7272;

/// How long a writer waits for another writer before giving up.
pub(crate) const BUSY_WAIT: Duration = Duration::from_secs(10);

/// `MIGRATIONS[n]` takes a file from schema `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT,
    sources INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    brief TEXT NOT NULL
);
CREATE INDEX stories_by_date ON stories(last_published DESC, id DESC);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_first TEXT,
    published_last TEXT,
    text TEXT NOT NULL,
    origin TEXT NOT NULL,
    view TEXT NOT NULL DEFAULT '{"marks":[],"removed":[]}',
    story INTEGER REFERENCES stories(id)
);
CREATE INDEX articles_by_story ON articles(story, seq);
CREATE INDEX articles_by_date ON articles(published_first);
CREATE TABLE article_entities (
    article INTEGER NOT NULL REFERENCES articles(seq),
    name TEXT NOT NULL,
    canonical TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX article_entities_by_name ON article_entities(folded);
CREATE INDEX article_entities_by_article ON article_entities(article);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"#,
    // 2: a story's `revision` grows each time its brief is written, so a reader may keep a
    // parsed brief until it changes; revision 0 is a story opened by a committed batch whose
    // first brief is not written yet (readers do not see it). `pending_briefs` lists the
    // stories whose articles changed and whose brief an ingest run has yet to rebuild (a
    // run rebuilds each changed story once, when no later batch of the run can change it).
    r#"
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET revision = 1;
CREATE TABLE pending_briefs (story INTEGER PRIMARY KEY);
"#,
    // 3: briefs move to a table of their own. A brief is tens of KB to a few MB, and
    // `revision` was added after it, so reading a story's revision (every story list, every
    // search hit, the story cache's check) walked the brief's overflow pages: the story list
    // of a 100,000-article store read 1.2 GB a request. The stories table is built anew
    // rather than altered (DROP COLUMN would leave each small row on its own page).
    r#"
CREATE TABLE story_briefs (story INTEGER PRIMARY KEY, brief TEXT NOT NULL);
INSERT INTO story_briefs (story, brief) SELECT id, brief FROM stories;
CREATE TABLE stories_v3 (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT,
    sources INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
);
INSERT INTO stories_v3 SELECT id, title, first_published, last_published, sources,
    independent_sources, disputed, revision FROM stories;
DROP TABLE stories;
ALTER TABLE stories_v3 RENAME TO stories;
CREATE INDEX stories_by_date ON stories(last_published DESC, id DESC);
"#,
];

/// An open store file.
pub struct Store {
    pub(crate) connection: Connection,
    pub(crate) path: PathBuf,
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating it when missing and
    /// migrating an older schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let store = Store::connect(path, flags)?;
        store.prepare(true)?;
        Ok(store)
    }

    /// Opens an existing store for reading only (the web server's connections).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::InvalidPath(path.to_path_buf()),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let store = Store::connect(path, flags)?;
        store.prepare(false)?;
        // A reader keeps the hot pages (the text index, its document sizes, the story rows)
        // in a larger cache than SQLite's 2 MB and reads the file through a memory map: on
        // a 100,000-article store, ranking a query spent a seventh of its time in `pread`.
        // The store never shrinks its file (no VACUUM), which a memory map needs.
        store
            .connection
            .execute_batch("PRAGMA cache_size = -32768; PRAGMA mmap_size = 2147418112;")
            .map_err(|source| store.sql(source))?;
        Ok(store)
    }

    /// The file this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Store, StoreError> {
        let connection =
            Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        connection
            .busy_timeout(BUSY_WAIT)
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Store {
            connection,
            path: path.to_path_buf(),
        })
    }

    /// Recognises the file, then creates or migrates the schema when writing is allowed.
    fn prepare(&self, writable: bool) -> Result<(), StoreError> {
        let foreign = |what: &str| StoreError::Foreign {
            path: self.path.clone(),
            what: what.to_string(),
        };
        // The first read of a file that is not SQLite fails here.
        let application_id: i64 =
            match self
                .connection
                .query_row("PRAGMA application_id", [], |row| row.get(0))
            {
                Ok(id) => id,
                Err(rusqlite::Error::SqliteFailure(error, _))
                    if error.code == rusqlite::ErrorCode::NotADatabase =>
                {
                    return Err(foreign("not an SQLite database"));
                }
                Err(source) => return Err(self.sql(source)),
            };
        let tables: i64 = self
            .connection
            .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
            .map_err(|source| match source {
                rusqlite::Error::SqliteFailure(error, _)
                    if error.code == rusqlite::ErrorCode::NotADatabase =>
                {
                    foreign("not an SQLite database")
                }
                other => self.sql(other),
            })?;
        if application_id != APPLICATION_ID && (application_id != 0 || tables > 0) {
            return Err(foreign("an SQLite database of another program"));
        }
        let version: i64 = self
            .connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|source| self.sql(source))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if !writable {
            if version < SCHEMA_VERSION {
                return Err(foreign(&format!(
                    "a store of schema {version}; run `corroborate ingest` once to migrate it"
                )));
            }
            return Ok(());
        }
        // WAL lets readers go on while an ingest writes; NORMAL sync keeps every committed
        // batch through a killed process (only a power cut may lose the last batches).
        self.connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(|source| self.sql(source))?;
        if version < SCHEMA_VERSION {
            self.migrate(version)?;
        }
        Ok(())
    }

    fn migrate(&self, from: i64) -> Result<(), StoreError> {
        let mut script = String::from("BEGIN IMMEDIATE;\n");
        for step in &MIGRATIONS[usize::try_from(from).expect("versions are small")..] {
            script.push_str(step);
        }
        script.push_str(&format!(
            "PRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;"
        ));
        // A step may rebuild a table others refer to (3 replaces `stories`): foreign keys
        // are off while it runs, as SQLite's way of changing a table asks; rows are copied
        // with their ids, so every reference still holds.
        self.connection
            .execute_batch("PRAGMA foreign_keys = OFF")
            .map_err(|source| self.sql(source))?;
        let migrated = self.connection.execute_batch(&script).map_err(|source| {
            let _ = self.connection.execute_batch("ROLLBACK");
            self.sql(source)
        });
        self.connection
            .execute_batch("PRAGMA foreign_keys = ON")
            .map_err(|source| self.sql(source))?;
        migrated
    }

    pub(crate) fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_the_schema_and_reopens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.db");
        drop(Store::open(&path).expect("created"));
        let store = Store::open_read_only(&path).expect("reopened");
        let version: i64 = store
            .connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
    }

    #[test]
    fn a_schema_2_file_is_migrated_with_its_briefs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old.db");
        let old = Connection::open(&path).expect("open");
        let mut script = String::from("BEGIN;");
        script.push_str(MIGRATIONS[0]);
        script.push_str(MIGRATIONS[1]);
        script.push_str(&format!(
            "INSERT INTO stories (id, title, sources, independent_sources, disputed, brief, revision)
                 VALUES (4, 'Lanterns in Orrowby', 2, 2, 0, '{{\"schema\":\"x\"}}', 3);
             INSERT INTO articles (seq, id, content_hash, input, text, origin, story)
                 VALUES (1, 'a1', 'h1', 'a1.txt', 'Lanterns lit.', '[]', 4);
             INSERT INTO articles_fts (rowid, title, text) VALUES (1, NULL, 'Lanterns lit.');
             PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 2; COMMIT;"
        ));
        old.execute_batch(&script).expect("a schema 2 store");
        drop(old);
        assert!(
            Store::open_read_only(&path).is_err(),
            "readers wait for a migration"
        );
        let store = Store::open(&path).expect("migrated");
        let story = store.story(4).expect("read").expect("the story");
        assert_eq!(story.brief_json, "{\"schema\":\"x\"}");
        assert_eq!(story.revision, 3);
        assert_eq!(store.story_revision(4).expect("read"), Some(3));
        let columns: Vec<String> = store
            .connection
            .prepare("SELECT name FROM pragma_table_info('stories')")
            .expect("columns")
            .query_map([], |row| row.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("names");
        assert!(!columns.contains(&"brief".to_string()), "{columns:?}");
        let broken: i64 = store
            .connection
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })
            .expect("foreign key check");
        assert_eq!(broken, 0);
        let problems = store.integrity().expect("integrity");
        assert!(problems.is_empty(), "{problems:?}");
        let found = store
            .search(&crate::SearchQuery::parse("lantern"), 5, 0)
            .expect("search");
        assert_eq!(
            found.hits[0].story_title.as_deref(),
            Some("Lanterns in Orrowby")
        );
    }

    #[test]
    fn a_text_file_is_refused_with_its_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "these are my notes, not a database\n".repeat(200)).expect("write");
        let error = Store::open(&path).err().expect("refused");
        let message = error.to_string();
        assert!(message.contains("notes.db"), "{message}");
        assert!(message.contains("not an SQLite database"), "{message}");
        // The file is left as it was.
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .starts_with("these are")
        );
    }

    #[test]
    fn another_programs_database_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("other.db");
        let other = Connection::open(&path).expect("open");
        other
            .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("other schema");
        drop(other);
        let message = Store::open(&path).err().expect("refused").to_string();
        assert!(message.contains("another program"), "{message}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("news.db");
        let store = Store::open(&path).expect("created");
        store
            .connection
            .execute_batch("PRAGMA user_version = 99")
            .expect("bump");
        drop(store);
        let message = Store::open(&path).err().expect("refused").to_string();
        assert!(message.contains("schema 99"), "{message}");
    }

    #[test]
    fn a_missing_file_is_not_created_for_reading() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("absent.db");
        assert!(Store::open_read_only(&path).is_err());
        assert!(!path.exists());
    }
}
