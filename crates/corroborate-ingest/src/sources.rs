//! Expands inputs (files, directories, `-` for standard input) and reads each into an article.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use corroborate_model::{Article, Diagnostic};

use crate::IngestError;
use crate::decode::looks_binary;
use crate::html_page::{html_article, looks_like_html, unsupported_format};
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
            add_bytes(&mut report, "-", input, Kind::Other, bytes);
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

/// What a file name says about its content.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Text,
    Html,
    Jsonl,
    /// Not an article name: read when named explicitly, as HTML if it looks like it, else text.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct FileKind {
    kind: Kind,
    /// The name ends in `.gz`: the content is gzip-compressed.
    gzip: bool,
}

/// `.txt`, `.html`/`.htm`, `.jsonl`/`.ndjson`, each optionally followed by `.gz`.
fn file_kind(path: &Path) -> FileKind {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (name.as_str(), false),
    };
    let kind = match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("txt") => Kind::Text,
        Some("html" | "htm") => Kind::Html,
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        _ => Kind::Other,
    };
    FileKind { kind, gzip }
}

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
        let is_article = file_kind(&path).kind != Kind::Other;
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
    let kind = file_kind(path);
    if kind.kind == Kind::Jsonl {
        return add_jsonl(report, path, shown, kind, config);
    }
    // A compressed file's size says nothing of its content; the read limit applies instead.
    if len > config.max_bytes && !kind.gzip {
        let error = IngestError::TooLarge {
            path: shown.to_string(),
            size: len,
            limit: config.max_bytes,
        };
        return skip(report, error);
    }
    let bytes =
        open(path, shown, kind).and_then(|reader| read_limited(reader, config.max_bytes, shown));
    let id = path.file_name().map_or_else(
        || shown.to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    add_bytes(report, &id, shown, kind.kind, bytes);
}

/// Opens a file, decompressing it as it is read when its name ends in `.gz`.
fn open(path: &Path, shown: &str, kind: FileKind) -> Result<Box<dyn Read>, IngestError> {
    let file = fs::File::open(path).map_err(|source| IngestError::Read {
        path: shown.to_string(),
        source,
    })?;
    Ok(if kind.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(file)))
    } else {
        Box::new(file)
    })
}

/// A JSON Lines collection is streamed: the size limit applies to each line, not the file.
fn add_jsonl(
    report: &mut IngestReport,
    path: &Path,
    shown: &str,
    kind: FileKind,
    config: &IngestConfig,
) {
    let read_error = |source| IngestError::Read {
        path: shown.to_string(),
        source,
    };
    let file = match open(path, shown, kind) {
        Ok(file) => file,
        Err(error) => return skip(report, error),
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
    kind: Kind,
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
    if let Some(what) = unsupported_format(&bytes) {
        let path = shown.to_string();
        return skip(report, IngestError::Unsupported { path, what });
    }
    let is_html = kind == Kind::Html || looks_like_html(&bytes);
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

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).expect("compress in memory");
        encoder.finish().expect("compress in memory")
    }

    #[test]
    fn gzip_compressed_inputs_are_read_and_a_corrupt_one_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "a.html.gz",
            &gzip(b"<html><body><article><h1>Dam repaired</h1><p>Work on the Ferrow dam \
                ended on Friday, two weeks early, the water board said.</p></article></body></html>"),
        );
        write(
            dir.path(),
            "b.jsonl.gz",
            &gzip(b"{\"id\": \"j1\", \"text\": \"The dam reopened to walkers.\"}\n"),
        );
        let corrupt = write(dir.path(), "c.txt.gz", b"\x1f\x8b\x08\x00 not really gzip");
        write(dir.path(), "d.gz", &gzip(b"No kind in the name."));
        let report = ingest(
            &[dir.path().to_string_lossy().into_owned()],
            &IngestConfig::default(),
        );
        let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.html.gz", "j1"]);
        assert!(
            report.articles[0]
                .text
                .starts_with("Work on the Ferrow dam")
        );
        assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
        assert!(
            report.diagnostics[0]
                .message
                .starts_with(&format!("cannot read {corrupt}")),
            "{}",
            report.diagnostics[0].message
        );
    }

    #[test]
    fn a_compressed_input_expanding_past_the_limit_is_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bomb = write(dir.path(), "bomb.txt.gz", &gzip(&vec![b'a'; 100_000]));
        let report = ingest(
            std::slice::from_ref(&bomb),
            &IngestConfig { max_bytes: 1024 },
        );
        assert!(report.articles.is_empty());
        assert!(
            report.diagnostics[0].message.contains("is too large"),
            "{}",
            report.diagnostics[0].message
        );
    }

    #[test]
    fn a_feed_or_archive_is_named_as_not_read_yet() {
        let dir = tempfile::tempdir().expect("temp dir");
        let feed = write(
            dir.path(),
            "news.xml",
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>",
        );
        let good = write(dir.path(), "a.txt", b"A usable article.");
        let report = ingest(&[feed.clone(), good], &IngestConfig::default());
        assert_eq!(report.articles.len(), 1);
        assert_eq!(
            report.diagnostics[0].message,
            format!("{feed} is an RSS or Atom feed, which corroborate does not read yet")
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
