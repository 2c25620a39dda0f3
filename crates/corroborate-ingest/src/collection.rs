//! A collection read as a stream: each article is handed on as it is read, with a
//! [`Locator`] to read it again on its own, so a collection of any size need not be held.
//!
//! [`Collection::read`] expands the inputs and reads them once; [`Collection::read_again`]
//! reads the same files again in the same order; [`Collection::reread`] reads chosen
//! articles again (a JSON Lines line by seeking to it, another file by reading it through).
//! The files must not change between the readings. Standard input cannot be read twice, so
//! its articles are the one thing held.

use std::fs;
use std::io::{self, Seek, SeekFrom};
use std::path::PathBuf;

use corroborate_model::{Article, Diagnostic};

use crate::jsonl::reread_jsonl_line;
use crate::sources::{Collect, FileKind, Input, Kind, LineStart, add_reader, open, read_inputs};
use crate::{ArticleDetails, IngestConfig};

/// Where an article of a [`Collection`] was read: its file, its place among the file's
/// articles, and for a JSON Lines article its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locator {
    source: u32,
    item: u32,
    line: Option<LineStart>,
}

/// The files a collection was read from, in reading order, to read them again.
#[derive(Debug)]
pub struct Collection {
    config: IngestConfig,
    sources: Vec<Source>,
}

/// What [`Collection::read`] calls with each article, in input order.
pub type OnArticle<'a> = dyn FnMut(Article, ArticleDetails, Locator) + 'a;

#[derive(Debug)]
enum Source {
    File {
        path: PathBuf,
        shown: String,
        id: String,
        kind: FileKind,
    },
    /// Standard input, which cannot be read again: its articles as read.
    Held(Vec<(Article, ArticleDetails)>),
}

impl Collection {
    /// Reads every input as [`crate::ingest`] does, handing each article on with its
    /// locator instead of keeping it; returns the collection and every diagnostic, in
    /// input order.
    pub fn read(
        inputs: &[String],
        config: &IngestConfig,
        on_article: &mut OnArticle<'_>,
    ) -> (Collection, Vec<Diagnostic>) {
        let mut stream = FirstReading {
            sources: Vec::new(),
            items: 0,
            count: 0,
            diagnostics: Vec::new(),
            on_article,
        };
        read_inputs(inputs, config, &mut stream);
        let collection = Collection {
            config: config.clone(),
            sources: stream.sources,
        };
        (collection, stream.diagnostics)
    }

    /// Reads the collection again: the same articles, in the same order, with the same
    /// locators, as long as the files did not change. Messages are not repeated.
    pub fn read_again(&self, on_article: &mut OnArticle<'_>) {
        for (index, source) in self.sources.iter().enumerate() {
            let source_index = u32::try_from(index).unwrap_or(u32::MAX);
            match source {
                Source::Held(items) => {
                    for (item, (article, details)) in items.iter().enumerate() {
                        let locator = Locator {
                            source: source_index,
                            item: u32::try_from(item).unwrap_or(u32::MAX),
                            line: None,
                        };
                        on_article(article.clone(), details.clone(), locator);
                    }
                }
                Source::File {
                    path,
                    shown,
                    id,
                    kind,
                } => {
                    let Ok(reader) = open(path, shown, *kind) else {
                        continue;
                    };
                    let mut replay = Replay {
                        source: source_index,
                        items: 0,
                        on_article: &mut *on_article,
                    };
                    add_reader(&mut replay, id, shown, *kind, reader, &self.config);
                }
            }
        }
    }

    /// Reads the articles at `locators` again; `None` for one that is no longer there (its
    /// file changed or went away). Each file is opened once; a JSON Lines file that is not
    /// compressed is read only at the lines asked for.
    pub fn reread(&self, locators: &[Locator]) -> Vec<Option<(Article, ArticleDetails)>> {
        let mut found: Vec<Option<(Article, ArticleDetails)>> = vec![None; locators.len()];
        let mut asked: Vec<usize> = (0..locators.len()).collect();
        asked.sort_by_key(|&at| (locators[at].source, locators[at].item));
        for same_source in asked.chunk_by(|&a, &b| locators[a].source == locators[b].source) {
            let source_index = locators[same_source[0]].source;
            let Some(source) = self.sources.get(source_index as usize) else {
                continue;
            };
            match source {
                Source::Held(items) => {
                    for &at in same_source {
                        found[at] = items.get(locators[at].item as usize).cloned();
                    }
                }
                Source::File {
                    path,
                    shown,
                    id,
                    kind,
                } => {
                    let by_line = kind.kind == Kind::Jsonl
                        && !kind.gzip
                        && same_source.iter().all(|&at| locators[at].line.is_some());
                    if by_line {
                        let max_line = usize::try_from(self.config.max_bytes).unwrap_or(usize::MAX);
                        let _ =
                            reread_lines(path, shown, max_line, locators, same_source, &mut found);
                        continue;
                    }
                    let Ok(reader) = open(path, shown, *kind) else {
                        continue;
                    };
                    let mut pick = Pick {
                        wanted: same_source
                            .iter()
                            .map(|&at| (locators[at].item, at))
                            .collect(),
                        next: 0,
                        items: 0,
                        found: &mut found,
                    };
                    add_reader(&mut pick, id, shown, *kind, reader, &self.config);
                }
            }
        }
        found
    }
}

/// Reads the asked lines of a JSON Lines file, seeking to each.
fn reread_lines(
    path: &std::path::Path,
    shown: &str,
    max_line: usize,
    locators: &[Locator],
    asked: &[usize],
    found: &mut [Option<(Article, ArticleDetails)>],
) -> io::Result<()> {
    // A small buffer: each read is one article's line.
    let mut reader = io::BufReader::with_capacity(1 << 14, fs::File::open(path)?);
    for &at in asked {
        let Some(line) = locators[at].line else {
            continue;
        };
        reader.seek(SeekFrom::Start(line.offset))?;
        found[at] = reread_jsonl_line(&mut reader, shown, max_line, line)?;
    }
    Ok(())
}

/// The first reading: records the files and hands each article on.
struct FirstReading<'a, 'b> {
    sources: Vec<Source>,
    /// Articles read from the current source.
    items: u32,
    count: usize,
    diagnostics: Vec<Diagnostic>,
    on_article: &'a mut OnArticle<'b>,
}

impl Collect for FirstReading<'_, '_> {
    fn begin(&mut self, input: Input) {
        self.items = 0;
        self.sources.push(match input {
            Input::Stdin => Source::Held(Vec::new()),
            Input::File {
                path,
                shown,
                id,
                kind,
            } => Source::File {
                path,
                shown,
                id,
                kind,
            },
        });
    }

    fn push_at(&mut self, article: Article, details: ArticleDetails, line: Option<LineStart>) {
        if self.sources.is_empty() {
            // Every reading announces its input first; an article from nowhere is held.
            self.sources.push(Source::Held(Vec::new()));
        }
        let source = u32::try_from(self.sources.len() - 1).unwrap_or(u32::MAX);
        if let Some(Source::Held(items)) = self.sources.last_mut() {
            items.push((article.clone(), details.clone()));
        }
        let locator = Locator {
            source,
            item: self.items,
            line,
        };
        self.items = self.items.saturating_add(1);
        self.count += 1;
        (self.on_article)(article, details, locator);
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn count(&self) -> usize {
        self.count
    }
}

/// A later reading of one file: hands its articles on, drops its messages.
struct Replay<'a, 'b> {
    source: u32,
    items: u32,
    on_article: &'a mut OnArticle<'b>,
}

impl Collect for Replay<'_, '_> {
    fn push_at(&mut self, article: Article, details: ArticleDetails, line: Option<LineStart>) {
        let locator = Locator {
            source: self.source,
            item: self.items,
            line,
        };
        self.items = self.items.saturating_add(1);
        (self.on_article)(article, details, locator);
    }

    fn diagnostic(&mut self, _diagnostic: Diagnostic) {}

    fn count(&self) -> usize {
        self.items as usize
    }
}

/// A later reading of one file that keeps only the asked articles.
struct Pick<'a> {
    /// (item, slot in `found`), ascending by item.
    wanted: Vec<(u32, usize)>,
    next: usize,
    items: u32,
    found: &'a mut [Option<(Article, ArticleDetails)>],
}

impl Collect for Pick<'_> {
    fn push_at(&mut self, article: Article, details: ArticleDetails, _line: Option<LineStart>) {
        while let Some(&(item, slot)) = self.wanted.get(self.next) {
            if item != self.items {
                break;
            }
            self.found[slot] = Some((article.clone(), details.clone()));
            self.next += 1;
        }
        self.items = self.items.saturating_add(1);
    }

    fn diagnostic(&mut self, _diagnostic: Diagnostic) {}

    fn count(&self) -> usize {
        self.items as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).expect("compress in memory");
        encoder.finish().expect("compress in memory")
    }

    /// A directory of every kind a collection mixes, with bad lines among the good ones.
    fn mixed_directory() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, bytes: &[u8]| {
            fs::write(dir.path().join(name), bytes).expect("write test file");
        };
        write("a.txt", b"The Orrin bridge reopened on Monday.");
        write(
            "b.jsonl",
            b"{\"id\": \"j1\", \"text\": \"The dam at Ferrow held.\"}\nnot json\n\n\
              {\"id\": \"j2\", \"text\": \"Caf\\u00e9 owners in Ferrow cheered.\", \"tags\": [1]}\n\
              {\"id\": \"j3\"}\n{\"id\": \"j4\", \"text\": \"Walkers returned.\"}\n",
        );
        write(
            "c.jsonl.gz",
            &gzip(b"{\"id\": \"g1\", \"text\": \"Boats left Quillmere.\"}\n{\"id\": \"g2\", \"text\": \"Boats came back.\"}\n"),
        );
        write(
            "d.html",
            b"<html><body><article><h1>Mill closes</h1><p>The Tarrow mill closed on Friday \
              after ninety years, its owners said.</p></article></body></html>",
        );
        dir
    }

    fn read_all(inputs: &[String]) -> (Collection, Vec<(Article, ArticleDetails, Locator)>) {
        let mut read = Vec::new();
        let (collection, _) = Collection::read(inputs, &IngestConfig::default(), &mut |a, d, l| {
            read.push((a, d, l))
        });
        (collection, read)
    }

    #[test]
    fn a_stream_reads_what_a_batch_reads_with_the_same_messages() {
        let dir = mixed_directory();
        let inputs = [dir.path().to_string_lossy().into_owned()];
        let batch = ingest(&inputs, &IngestConfig::default());
        let mut read = Vec::new();
        let (_, diagnostics) = Collection::read(
            &inputs,
            &IngestConfig::default(),
            &mut |article, details, _| read.push((article, details)),
        );
        let batched: Vec<(Article, ArticleDetails)> =
            batch.articles.into_iter().zip(batch.details).collect();
        // Articles have no equality: their full debug forms are compared.
        assert_eq!(format!("{read:?}"), format!("{batched:?}"));
        assert_eq!(read.len(), 7);
        assert_eq!(diagnostics, batch.diagnostics);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    }

    #[test]
    fn read_again_and_reread_give_the_same_articles() {
        let dir = mixed_directory();
        let inputs = [dir.path().to_string_lossy().into_owned()];
        let (collection, first) = read_all(&inputs);
        let mut again = Vec::new();
        collection.read_again(&mut |a, d, l| again.push((a, d, l)));
        assert_eq!(format!("{again:?}"), format!("{first:?}"));
        // Asked in any order, repeated, across files: each comes back as first read.
        let asked = [5, 0, 3, 3, 6, 1, 4, 2];
        let locators: Vec<Locator> = asked.iter().map(|&at| first[at].2).collect();
        let reread = collection.reread(&locators);
        for (&at, found) in asked.iter().zip(reread) {
            let (article, details) = found.expect("the file did not change");
            assert_eq!(
                format!("{:?}", (&article, &details)),
                format!("{:?}", (&first[at].0, &first[at].1))
            );
        }
    }

    #[test]
    fn a_line_changed_since_the_first_reading_is_not_found() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.jsonl");
        fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n",
        )
        .expect("write test file");
        let (collection, first) = read_all(&[path.to_string_lossy().into_owned()]);
        fs::write(&path, "{\"id\": \"a\", \"text\": \"One.\"}\n").expect("write test file");
        let reread = collection.reread(&[first[1].2, first[0].2]);
        assert!(reread[0].is_none());
        assert_eq!(
            reread[1].as_ref().map(|(article, _)| &article.id),
            Some(&first[0].0.id)
        );
    }
}
