//! Expands inputs (files, directories, `-` for standard input) and reads each into articles.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use corroborate_model::{Article, Diagnostic};

use crate::decode::looks_binary;
use crate::feed::read_feed;
use crate::html_page::html_article_with;
use crate::jsonl::read_jsonl;
use crate::plain_text::text_article;
use crate::sniff::{Container, looks_like_html, sniff_container};
use crate::warc::read_warc;
use crate::{ArticleDetails, IngestError};

/// Limits for reading inputs.
#[derive(Clone, Debug)]
pub struct IngestConfig {
    /// Inputs larger than this are skipped with a message rather than read. Collections read
    /// as streams apply it to each part instead: a JSON Lines line, a WARC record.
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

/// What a batch read produced: the usable articles, in input order, the details each input
/// gave about them, and a diagnostic for every input skipped or repaired.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub articles: Vec<Article>,
    /// `details[i]` belongs to `articles[i]`; the two always have the same length.
    pub details: Vec<ArticleDetails>,
    pub diagnostics: Vec<Diagnostic>,
}

impl IngestReport {
    /// True when at least one input was not used.
    pub fn skipped_any(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == corroborate_model::Severity::Skipped)
    }

    /// Each article with its details, in input order.
    pub fn articles_with_details(&self) -> impl Iterator<Item = (&Article, &ArticleDetails)> {
        self.articles.iter().zip(&self.details)
    }
}

/// Where a JSON Lines article's line starts: its byte offset in the file and its number
/// (from 1), so the line can be read again on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineStart {
    pub offset: u64,
    pub number: u32,
}

/// Where the readers put what they read: a batch ([`IngestReport`]) keeps it all, a stream
/// ([`crate::Collection`]) hands each article on as it is read.
pub(crate) trait Collect {
    /// A file (or standard input) is about to be read; what follows comes from it.
    fn begin(&mut self, _input: Input) {}
    /// An article; `line` places a JSON Lines article's line in its file.
    fn push_at(&mut self, article: Article, details: ArticleDetails, line: Option<LineStart>);
    fn diagnostic(&mut self, diagnostic: Diagnostic);
    /// How many articles were pushed so far.
    fn count(&self) -> usize;

    fn push(&mut self, article: Article, details: ArticleDetails) {
        self.push_at(article, details, None);
    }

    fn skip(&mut self, error: IngestError) {
        let path = error.path().to_string();
        self.diagnostic(Diagnostic::skipped(path, error.to_string()));
    }
}

impl Collect for IngestReport {
    fn push_at(&mut self, article: Article, details: ArticleDetails, _line: Option<LineStart>) {
        self.articles.push(article);
        self.details.push(details);
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn count(&self) -> usize {
        self.articles.len()
    }
}

/// One file being read, as [`Collect::begin`] announces it.
#[derive(Clone, Debug)]
pub(crate) enum Input {
    /// Standard input: it cannot be read twice.
    Stdin,
    File {
        path: PathBuf,
        shown: String,
        id: String,
        kind: FileKind,
    },
}

/// Reads every input. A directory stands for its article files (`.txt`, `.html`/`.htm`,
/// `.jsonl`/`.ndjson`, `.warc`, `.rss`/`.atom`, `.xml`/`.json` that open like a feed, each
/// optionally `.gz`) and those of its subdirectories, in name order; `-` reads standard
/// input. A file is read by its name, else by its opening (a WARC version line, a feed, an
/// HTML document), else as plain text. One bad input never stops the others.
pub fn ingest(inputs: &[String], config: &IngestConfig) -> IngestReport {
    let mut report = IngestReport::default();
    read_inputs(inputs, config, &mut report);
    report
}

/// Reads every input into `collect` (see [`ingest`]).
pub(crate) fn read_inputs(inputs: &[String], config: &IngestConfig, collect: &mut dyn Collect) {
    for input in inputs {
        if input == "-" {
            collect.begin(Input::Stdin);
            add_reader(
                collect,
                "-",
                "-",
                STDIN_KIND,
                Box::new(io::stdin().lock()),
                config,
            );
            continue;
        }
        let path = Path::new(input);
        match fs::metadata(path) {
            Err(source) => collect.skip(IngestError::Read {
                path: input.clone(),
                source,
            }),
            Ok(metadata) if metadata.is_dir() => add_directory(collect, input, config),
            Ok(metadata) => add_file(collect, path, input, metadata.len(), config),
        }
    }
}

/// Standard input is read by its opening.
const STDIN_KIND: FileKind = FileKind {
    kind: Kind::Other,
    gzip: false,
};

/// Reads one input held in memory as [`ingest`] reads a file of that name: the name's
/// extension (and `.gz`) chooses the reader, else the opening does.
///
/// ```
/// use corroborate_ingest::{IngestConfig, ingest_bytes};
/// let report = ingest_bytes("a.txt", b"The dam reopened to walkers.", &IngestConfig::default());
/// assert_eq!(report.articles[0].text, "The dam reopened to walkers.");
/// ```
pub fn ingest_bytes(name: &str, bytes: &[u8], config: &IngestConfig) -> IngestReport {
    let mut report = IngestReport::default();
    let kind = file_kind(Path::new(name));
    let streamed = matches!(kind.kind, Kind::Jsonl | Kind::Warc);
    if bytes.len() as u64 > config.max_bytes && !kind.gzip && !streamed {
        report.skip(IngestError::TooLarge {
            path: name.to_string(),
            size: bytes.len() as u64,
            limit: config.max_bytes,
        });
        return report;
    }
    let reader: Box<dyn Read + '_> = if kind.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(bytes))
    } else {
        Box::new(bytes)
    };
    let id = Path::new(name).file_name().map_or_else(
        || name.to_string(),
        |file| file.to_string_lossy().into_owned(),
    );
    add_reader(&mut report, &id, name, kind, reader, config);
    report
}

/// What a file name says about its content.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
    /// `.xml` or `.json`: a feed when it opens like one, else not an article name.
    MaybeFeed,
    /// Not an article name: read when named explicitly, by its opening.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FileKind {
    pub kind: Kind,
    /// The name ends in `.gz`: the content is gzip-compressed.
    pub gzip: bool,
}

/// The kind from the extension, optionally followed by `.gz`.
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
        Some("warc") => Kind::Warc,
        Some("rss" | "atom") => Kind::Feed,
        Some("xml" | "json") => Kind::MaybeFeed,
        _ => Kind::Other,
    };
    FileKind { kind, gzip }
}

/// Directories deeper than this below an input are not read (a guard against link loops).
const MAX_DEPTH: usize = 32;

fn add_directory(report: &mut dyn Collect, input: &str, config: &IngestConfig) {
    if collect_directory(report, Path::new(input), config, 0) == 0 {
        report.skip(IngestError::NoArticles {
            path: input.to_string(),
        });
    }
}

/// Reads the articles of a directory and of its subdirectories (hidden ones aside), entries
/// in name order; returns how many article files it found.
fn collect_directory(
    report: &mut dyn Collect,
    dir: &Path,
    config: &IngestConfig,
    depth: usize,
) -> usize {
    let shown_dir = dir.to_string_lossy().into_owned();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            report.skip(IngestError::Read {
                path: shown_dir,
                source,
            });
            return 0;
        }
    };
    let mut found: Vec<(String, std::path::PathBuf, Option<u64>)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                let path = shown_dir.clone();
                report.skip(IngestError::Read { path, source });
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(source) => {
                let path = path.to_string_lossy().into_owned();
                report.skip(IngestError::Read { path, source });
                continue;
            }
        };
        if metadata.is_dir() && depth < MAX_DEPTH {
            found.push((name, path, None));
        } else if metadata.is_file() && is_article_file(&path) {
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

/// Whether a file in a directory is read: an article name, or an `.xml`/`.json` file that
/// opens like a feed (other XML and JSON files are left alone, like any other file).
fn is_article_file(path: &Path) -> bool {
    let kind = file_kind(path);
    match kind.kind {
        Kind::Other => false,
        Kind::MaybeFeed => {
            let mut opening = Vec::new();
            open(path, &path.to_string_lossy(), kind)
                .and_then(|reader| {
                    reader
                        .take(1024)
                        .read_to_end(&mut opening)
                        .map_err(|source| IngestError::Read {
                            path: String::new(),
                            source,
                        })
                })
                .is_ok_and(|_| sniff_container(&opening) == Some(Container::Feed))
        }
        _ => true,
    }
}

fn add_file(report: &mut dyn Collect, path: &Path, shown: &str, len: u64, config: &IngestConfig) {
    let kind = file_kind(path);
    // A compressed file's size says nothing of its content; the read limit applies instead.
    // Streamed collections apply the limit to each line or record.
    let streamed = matches!(kind.kind, Kind::Jsonl | Kind::Warc);
    if len > config.max_bytes && !kind.gzip && !streamed {
        return report.skip(IngestError::TooLarge {
            path: shown.to_string(),
            size: len,
            limit: config.max_bytes,
        });
    }
    let reader = match open(path, shown, kind) {
        Ok(reader) => reader,
        Err(error) => return report.skip(error),
    };
    let id = path.file_name().map_or_else(
        || shown.to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    report.begin(Input::File {
        path: path.to_path_buf(),
        shown: shown.to_string(),
        id: id.clone(),
        kind,
    });
    add_reader(report, &id, shown, kind, reader, config);
}

/// Opens a file, decompressing it as it is read when its name ends in `.gz`.
pub(crate) fn open(path: &Path, shown: &str, kind: FileKind) -> Result<Box<dyn Read>, IngestError> {
    let file = fs::File::open(path).map_err(|source| IngestError::Read {
        path: shown.to_string(),
        source,
    })?;
    let file = io::BufReader::with_capacity(1 << 16, file);
    Ok(if kind.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    })
}

/// Reads one opened input with the reader its kind calls for.
pub(crate) fn add_reader(
    report: &mut dyn Collect,
    id: &str,
    shown: &str,
    kind: FileKind,
    reader: Box<dyn Read + '_>,
    config: &IngestConfig,
) {
    match kind.kind {
        Kind::Jsonl => add_jsonl(report, shown, reader, config),
        Kind::Warc => {
            let reader = io::BufReader::with_capacity(1 << 16, reader);
            read_warc(reader, shown, config.max_bytes, report);
        }
        _ => {
            let bytes = read_limited(reader, config.max_bytes, shown);
            add_bytes(report, id, shown, kind.kind, bytes, config);
        }
    }
}

/// A JSON Lines collection is streamed: the size limit applies to each line, not the file.
fn add_jsonl(
    report: &mut dyn Collect,
    shown: &str,
    reader: Box<dyn Read + '_>,
    config: &IngestConfig,
) {
    let before = report.count();
    let reader = io::BufReader::with_capacity(1 << 16, reader);
    let max_line = usize::try_from(config.max_bytes).unwrap_or(usize::MAX);
    let result = read_jsonl(reader, shown, max_line, report);
    if let Err(source) = result {
        return report.skip(IngestError::Read {
            path: shown.to_string(),
            source,
        });
    }
    if report.count() == before {
        report.skip(IngestError::NoArticles {
            path: shown.to_string(),
        });
    }
}

fn add_bytes(
    report: &mut dyn Collect,
    id: &str,
    shown: &str,
    kind: Kind,
    bytes: Result<Vec<u8>, IngestError>,
    config: &IngestConfig,
) {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return report.skip(error),
    };
    if bytes.is_empty() {
        return report.skip(IngestError::Empty {
            path: shown.to_string(),
        });
    }
    // Before the binary test: WARC archives hold images and other binary records.
    match (kind, sniff_container(&bytes)) {
        (_, Some(Container::Warc)) => {
            return read_warc(&bytes[..], shown, config.max_bytes, report);
        }
        (Kind::Feed, _) | (_, Some(Container::Feed)) => return add_feed(report, shown, &bytes),
        _ => {}
    }
    if looks_binary(&bytes) {
        return report.skip(IngestError::Binary {
            path: shown.to_string(),
        });
    }
    let path = shown.to_string();
    if kind == Kind::Html || looks_like_html(&bytes) {
        let (article, diagnostics) = html_article_with(id, shown, &bytes, &Default::default());
        diagnostics
            .into_iter()
            .for_each(|diagnostic| report.diagnostic(diagnostic));
        match article {
            Some((article, details)) => report.push(article, details),
            None => report.skip(IngestError::NoArticleText { path }),
        }
    } else {
        let (article, diagnostics) = text_article(id, shown, &bytes);
        diagnostics
            .into_iter()
            .for_each(|diagnostic| report.diagnostic(diagnostic));
        match article {
            Some(article) => report.push(article, ArticleDetails::default()),
            None => report.skip(IngestError::Empty { path }),
        }
    }
}

fn add_feed(report: &mut dyn Collect, shown: &str, bytes: &[u8]) {
    let mut diagnostics = Vec::new();
    let items = read_feed(bytes, shown, &mut diagnostics);
    diagnostics
        .into_iter()
        .for_each(|diagnostic| report.diagnostic(diagnostic));
    match items {
        Err(error) => report.skip(error),
        Ok(items) if items.is_empty() => report.skip(IngestError::NoArticles {
            path: shown.to_string(),
        }),
        Ok(items) => {
            for (article, details) in items {
                report.push(article, details);
            }
        }
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
