//! Expands inputs (files, directories, `-` for standard input) and reads each into an article.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use corroborate_model::{Article, Diagnostic};

use crate::IngestError;
use crate::decode::looks_binary;
use crate::html_page::{html_article, looks_like_html};
use crate::jsonl::read_jsonl;
use crate::plain_text::text_article;

/// Limits for reading inputs.
#[derive(Clone, Debug)]
pub struct IngestConfig {
    /// Inputs larger than this are skipped with a message rather than read.
    pub max_bytes: u64,
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        // Real articles are kilobytes; 16 MiB leaves room for long transcripts while keeping
        // a stray log or dump file from dominating a run.
        IngestConfig {
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// What a batch read produced: the usable articles, in input order, and a diagnostic for
/// every input skipped or repaired.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

impl IngestReport {
    /// True when at least one input was not used.
    pub fn skipped_any(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == corroborate_model::Severity::Skipped)
    }
}

/// Reads every input. A directory stands for its `.txt`, `.html` and `.htm` files and those
/// of its subdirectories, in name order; `-` reads one article from standard input. A file is read as an HTML page when its
/// name ends in `.html` or `.htm` or its bytes open like an HTML document, else as plain text. One bad input never stops the others.
pub fn ingest(inputs: &[String], config: &IngestConfig) -> IngestReport {
    let mut report = IngestReport::default();
    for input in inputs {
        if input == "-" {
            let bytes = read_limited(io::stdin().lock(), config.max_bytes, input);
            add_bytes(&mut report, "-", input, bytes);
            continue;
        }
        let path = Path::new(input);
        match fs::metadata(path) {
            Err(source) => skip(
                &mut report,
                IngestError::Read {
                    path: input.clone(),
                    source,
                },
            ),
            Ok(metadata) if metadata.is_dir() => add_directory(&mut report, input, config),
            Ok(metadata) => add_file(&mut report, path, input, metadata.len(), config),
        }
    }
    report
}

/// The file name endings a directory is searched for.
const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "jsonl", "ndjson"];

/// Directories deeper than this below an input are not read (a guard against link loops).
const MAX_DEPTH: usize = 32;

fn add_directory(report: &mut IngestReport, input: &str, config: &IngestConfig) {
    if collect_directory(report, Path::new(input), config, 0) == 0 {
        skip(
            report,
            IngestError::NoArticles {
                path: input.to_string(),
            },
        );
    }
}

/// Reads the articles of a directory and of its subdirectories (hidden ones aside), entries
/// in name order; returns how many article files it found.
fn collect_directory(
    report: &mut IngestReport,
    dir: &Path,
    config: &IngestConfig,
    depth: usize,
) -> usize {
    let shown_dir = dir.to_string_lossy().into_owned();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            skip(
                report,
                IngestError::Read {
                    path: shown_dir,
                    source,
                },
            );
            return 0;
        }
    };
    let mut found: Vec<(String, std::path::PathBuf, Option<u64>)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                let path = shown_dir.clone();
                skip(report, IngestError::Read { path, source });
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_article = path.extension().is_some_and(|extension| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        });
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(source) => {
                let path = path.to_string_lossy().into_owned();
                skip(report, IngestError::Read { path, source });
                continue;
            }
        };
        if metadata.is_dir() && depth < MAX_DEPTH {
            found.push((name, path, None));
        } else if is_article && metadata.is_file() {
            found.push((name, path, Some(metadata.len())));
        }
    }
    found.sort();
    let mut count = 0;
    for (_, path, len) in found {
        match len {
            Some(len) => {
                let shown = path.to_string_lossy().into_owned();
                add_file(report, &path, &shown, len, config);
                count += 1;
            }
            None => count += collect_directory(report, &path, config, depth + 1),
        }
    }
    count
}

fn add_file(report: &mut IngestReport, path: &Path, shown: &str, len: u64, config: &IngestConfig) {
    let is_jsonl = path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("jsonl") || extension.eq_ignore_ascii_case("ndjson")
    });
    if is_jsonl {
        return add_jsonl(report, path, shown, config);
    }
    if len > config.max_bytes {
        let error = IngestError::TooLarge {
            path: shown.to_string(),
            size: len,
            limit: config.max_bytes,
        };
        return skip(report, error);
    }
    let bytes = fs::File::open(path)
        .map_err(|source| IngestError::Read {
            path: shown.to_string(),
            source,
        })
        .and_then(|file| read_limited(file, config.max_bytes, shown));
    let id = path.file_name().map_or_else(
        || shown.to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    add_bytes(report, &id, shown, bytes);
}

/// A JSON Lines collection is streamed: the size limit applies to each line, not the file.
fn add_jsonl(report: &mut IngestReport, path: &Path, shown: &str, config: &IngestConfig) {
    let read_error = |source| IngestError::Read {
        path: shown.to_string(),
        source,
    };
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(source) => return skip(report, read_error(source)),
    };
    let before = report.articles.len();
    let reader = io::BufReader::with_capacity(1 << 16, file);
    let max_line = usize::try_from(config.max_bytes).unwrap_or(usize::MAX);
    let result = read_jsonl(
        reader,
        shown,
        max_line,
        &mut report.articles,
        &mut report.diagnostics,
    );
    if let Err(source) = result {
        return skip(report, read_error(source));
    }
    if report.articles.len() == before {
        skip(
            report,
            IngestError::NoArticles {
                path: shown.to_string(),
            },
        );
    }
}

fn add_bytes(
    report: &mut IngestReport,
    id: &str,
    shown: &str,
    bytes: Result<Vec<u8>, IngestError>,
) {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return skip(report, error),
    };
    if bytes.is_empty() {
        return skip(
            report,
            IngestError::Empty {
                path: shown.to_string(),
            },
        );
    }
    if looks_binary(&bytes) {
        return skip(
            report,
            IngestError::Binary {
                path: shown.to_string(),
            },
        );
    }
    let named_html = Path::new(shown).extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("html") || extension.eq_ignore_ascii_case("htm")
    });
    let is_html = named_html || looks_like_html(&bytes);
    let (article, diagnostics) = if is_html {
        html_article(id, shown, &bytes)
    } else {
        text_article(id, shown, &bytes)
    };
    report.diagnostics.extend(diagnostics);
    let path = shown.to_string();
    match article {
        Some(article) => report.articles.push(article),
        None if is_html => skip(report, IngestError::NoArticleText { path }),
        None => skip(report, IngestError::Empty { path }),
    }
}

/// Reads at most `max_bytes`; more than that is an error rather than a silent cut.
fn read_limited(reader: impl Read, max_bytes: u64, shown: &str) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Read {
            path: shown.to_string(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            path: shown.to_string(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

fn skip(report: &mut IngestReport, error: IngestError) {
    let path = error.path().to_string();
    report
        .diagnostics
        .push(Diagnostic::skipped(path, error.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Severity;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write test file");
        path.to_string_lossy().into_owned()
    }

    #[test]
    fn directory_means_its_txt_files_in_name_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "b.txt", b"Second.");
        write(dir.path(), "a.txt", b"First.");
        write(dir.path(), "notes.md", b"Not an article.");
        let report = ingest(
            &[dir.path().to_string_lossy().into_owned()],
            &IngestConfig::default(),
        );
        let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.txt"]);
        assert!(report.diagnostics.is_empty());
    }

    #[test]
    fn bad_inputs_are_skipped_and_named_while_the_rest_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let good = write(dir.path(), "good.txt", b"A usable article.");
        let empty = write(dir.path(), "empty.txt", b"");
        let binary = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00");
        let missing = dir
            .path()
            .join("missing.txt")
            .to_string_lossy()
            .into_owned();
        let no_articles = tempfile::tempdir().expect("temp dir");
        let no_articles = no_articles.path().to_string_lossy().into_owned();
        let inputs = [
            empty.clone(),
            binary.clone(),
            missing.clone(),
            no_articles.clone(),
            good,
        ];
        let report = ingest(&inputs, &IngestConfig::default());
        assert_eq!(report.articles.len(), 1);
        assert!(report.skipped_any());
        let messages: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(
            messages,
            [
                format!("{empty} is empty"),
                format!("{binary} is a binary file, not text"),
                format!("cannot read {missing}: no such file or directory"),
                format!("{no_articles} holds no articles"),
            ]
        );
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Skipped)
        );
    }

    #[test]
    fn subdirectories_are_read_in_name_order_and_hidden_ones_left_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("b-story")).expect("subdirectory");
        fs::create_dir(dir.path().join(".cache")).expect("hidden subdirectory");
        write(&dir.path().join("b-story"), "x.txt", b"Inside b.");
        write(&dir.path().join(".cache"), "y.txt", b"Hidden.");
        write(dir.path(), "a.txt", b"First.");
        write(dir.path(), "c.txt", b"Last.");
        fs::create_dir(dir.path().join("empty")).expect("empty subdirectory");
        let report = ingest(
            &[dir.path().to_string_lossy().into_owned()],
            &IngestConfig::default(),
        );
        let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "x.txt", "c.txt"]);
        assert!(report.diagnostics.is_empty());
    }

    #[test]
    fn html_pages_are_read_beside_text_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.txt", b"A plain report.");
        write(
            dir.path(),
            "b.html",
            b"<html><head><meta property=\"og:site_name\" content=\"Orrin Post\"></head><body>\
              <article><h1>Bridge opens</h1><p>The Orrin bridge opened to traffic on Tuesday \
              after four years of work, the county said.</p></article></body></html>",
        );
        write(
            dir.path(),
            "c.htm",
            b"<html><body><nav>Home</nav></body></html>",
        );
        let report = ingest(
            &[dir.path().to_string_lossy().into_owned()],
            &IngestConfig::default(),
        );
        let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.html"]);
        assert_eq!(report.articles[1].outlet.as_deref(), Some("Orrin Post"));
        assert!(report.articles[1].text.starts_with("The Orrin bridge"));
        assert_eq!(report.diagnostics.len(), 1);
        assert!(
            report.diagnostics[0]
                .message
                .ends_with("c.htm is an HTML page in which no article text was found"),
            "{}",
            report.diagnostics[0].message
        );
    }

    #[test]
    fn oversized_file_is_skipped_without_reading_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = write(dir.path(), "big.txt", &vec![b'a'; 2048]);
        let report = ingest(
            std::slice::from_ref(&big),
            &IngestConfig { max_bytes: 1024 },
        );
        assert!(report.articles.is_empty());
        assert_eq!(
            report.diagnostics[0].message,
            format!("{big} is too large (2048 bytes; the limit is 1024 bytes)")
        );
    }
}
