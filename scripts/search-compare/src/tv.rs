//! tantivy: title and text through the `en_stem` analyzer (Snowball English) with positions,
//! the article id stored, the publication day as an indexed fast field.

use std::ops::Bound;
use std::path::Path;
use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, QueryParser, RangeQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::{Article, BATCH, Build, Found, Kind, Piece, Query, Result, Search, TOP, disk_size};

/// The indexing memory budget, shared by the writer's threads.
const WRITER_BYTES: usize = 100_000_000;

struct Fields {
    id: Field,
    title: Field,
    text: Field,
    day: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("title", words.clone()),
        text: builder.add_text_field("text", words),
        day: builder.add_u64_field("published", INDEXED | FAST),
    };
    (builder.build(), fields)
}

pub fn build(path: &Path, articles: &[Article]) -> Result<Build> {
    if path.exists() {
        std::fs::remove_dir_all(path)?;
    }
    std::fs::create_dir_all(path)?;
    let started = Instant::now();
    let (schema, fields) = schema();
    let index = Index::create_in_dir(path, schema)?;
    let mut writer: IndexWriter = index.writer(WRITER_BYTES)?;
    for batch in articles.chunks(BATCH) {
        for article in batch {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.id, &article.id);
            doc.add_text(fields.title, &article.title);
            doc.add_text(fields.text, &article.text);
            if let Some(day) = article.day {
                doc.add_u64(fields.day, u64::from(day));
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
    }
    // Background merges belong to the build: wait for them, then drop the merged-away files.
    writer.wait_merging_threads()?;
    let writer: IndexWriter = index.writer(WRITER_BYTES)?;
    writer.garbage_collect_files().wait()?;
    drop(writer);
    let seconds = started.elapsed().as_secs_f64();
    let segments = index.searchable_segment_ids()?.len();
    let bytes = disk_size(path)?;
    Ok(Build {
        seconds,
        bytes,
        index_bytes: bytes,
        notes: format!(
            "a folder with the ids only (the text stays in the store); {segments} segments after the merges"
        ),
    })
}

pub struct Opened {
    reader: IndexReader,
    parser: QueryParser,
    fields: Fields,
}

pub fn open(path: &Path) -> Result<Opened> {
    let index = Index::open_in_dir(path)?;
    let (_, fields) = schema();
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let mut parser = QueryParser::for_index(&index, vec![fields.title, fields.text]);
    parser.set_conjunction_by_default();
    Ok(Opened {
        reader,
        parser,
        fields,
    })
}

impl Opened {
    pub fn searcher(&self) -> Tantivy<'_> {
        Tantivy {
            opened: self,
            searcher: self.reader.searcher(),
        }
    }
}

pub struct Tantivy<'a> {
    opened: &'a Opened,
    searcher: tantivy::Searcher,
}

/// The query in tantivy's language: words, and phrases in double quotes; all must occur.
pub fn expression(query: &Query) -> String {
    query
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Word(word) => word.clone(),
            Piece::Phrase(a, b) => format!("\"{a} {b}\""),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Search for Tantivy<'_> {
    fn run(&mut self, query: &Query) -> Result<Option<Found>> {
        if query.kind == Kind::StoreShape {
            // No stored text to cut snippets from.
            return Ok(None);
        }
        let mut parsed = self.opened.parser.parse_query(&expression(query))?;
        if let Some((first, last)) = query.days {
            let field = self.opened.fields.day;
            let range = RangeQuery::new(
                Bound::Included(Term::from_field_u64(field, u64::from(first))),
                Bound::Included(Term::from_field_u64(field, u64::from(last))),
            );
            parsed = Box::new(BooleanQuery::new(vec![
                (Occur::Must, parsed),
                (Occur::Must, Box::new(range)),
            ]));
        }
        let (total, best) = self
            .searcher
            .search(&parsed, &(Count, TopDocs::with_limit(TOP).order_by_score()))?;
        let mut top = Vec::with_capacity(best.len());
        for (score, address) in best {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            let id = doc
                .get_first(self.opened.fields.id)
                .and_then(|value| value.as_str())
                .unwrap_or_default()
                .to_string();
            top.push((id, score));
        }
        Ok(Some(Found { total, top }))
    }
}
