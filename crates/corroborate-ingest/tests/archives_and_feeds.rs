//! WARC archives and feeds read through `ingest`: which records and items become articles,
//! what they say about themselves, where their offsets point, and bad archives named.
//!
//! The fixtures in `tests/data/` are invented (outlets, people, the harbour, the crane).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use corroborate_ingest::{IngestConfig, IngestReport, ingest, ingest_bytes};
use corroborate_model::{Severity, Span};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn read(paths: &[&Path], config: &IngestConfig) -> IngestReport {
    let inputs: Vec<String> = paths
        .iter()
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    ingest(&inputs, config)
}

fn messages(report: &IngestReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|diagnostic| format!("{}: {}", diagnostic.input, diagnostic.message))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("compress in memory");
    encoder.finish().expect("compress in memory")
}

/// The fixture's records, each with its closing blank lines, split where a record opens.
fn fixture_records() -> Vec<Vec<u8>> {
    let warc = fs::read(data("quillon-crawl.warc")).expect("the WARC fixture");
    let mut starts: Vec<usize> = (0..warc.len())
        .filter(|&at| warc[at..].starts_with(b"WARC/1.1\r\nWARC-Type"))
        .collect();
    starts.push(warc.len());
    starts
        .windows(2)
        .map(|pair| warc[pair[0]..pair[1]].to_vec())
        .collect()
}

/// A `.warc.gz` as crawlers write it: one gzip member a record.
fn gzip_per_record(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|record| gzip(record)).collect()
}

#[test]
fn response_records_with_html_become_articles_and_the_rest_is_counted() {
    let path = data("quillon-crawl.warc");
    let report = read(&[&path], &IngestConfig::default());
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://quillon-herald.example/2024/03/11/crane-falls",
            "https://brackwater-post.example/news/quillon-crane"
        ]
    );
    let shown = path.to_string_lossy();
    assert_eq!(
        messages(&report),
        [format!(
            "{shown}: 2 records read as articles, 6 skipped \
             (warcinfo 1, request 2, metadata 1, non-200 1, non-HTML 1)"
        )]
    );
    assert_eq!(report.diagnostics[0].severity, Severity::Warning);
    let herald = &report.articles[0];
    assert_eq!(herald.input, format!("{shown}#record-3"));
    assert_eq!(
        herald.title.as_deref(),
        Some("Crane falls at Quillon harbour")
    );
    assert_eq!(herald.outlet.as_deref(), Some("Quillon Herald"));
    assert_eq!(
        herald.published.map(|date| date.to_string()).as_deref(),
        Some("2024-03-11")
    );
    assert!(herald.text.starts_with("A container crane collapsed"));
    assert!(!herald.text.contains("Home"), "{}", herald.text);
    let details = &report.details[0];
    assert_eq!(details.authors, ["Maren Oduya"]);
    assert_eq!(details.language.as_deref(), Some("en"));
    assert_eq!(
        details.url.as_deref(),
        Some("https://quillon-herald.example/2024/03/11/crane-falls")
    );
    assert_eq!(report.details.len(), report.articles.len());
}

#[test]
fn offsets_of_a_record_point_into_its_http_body() {
    let warc = fs::read(data("quillon-crawl.warc")).expect("the WARC fixture");
    let report = read(&[&data("quillon-crawl.warc")], &IngestConfig::default());
    let herald = &report.articles[0];
    let body_start = warc
        .windows(15)
        .position(|window| window == b"<!DOCTYPE html>")
        .expect("page A in the fixture");
    let body = &warc[body_start..];
    let second = herald
        .text
        .find("The 60-metre crane")
        .expect("second paragraph");
    let span = herald.origin.span_to_input(Span::new(second, second + 18));
    assert!(
        body[span.range()].starts_with(b"The 60-metre crane fell"),
        "{}",
        String::from_utf8_lossy(&body[span.range()])
    );
    for article in &report.articles {
        assert_eq!(article.origin.output_len(), article.text.len());
    }
}

#[test]
fn a_chunked_windows_1252_page_is_decoded_by_its_http_charset() {
    let report = read(&[&data("quillon-crawl.warc")], &IngestConfig::default());
    let post = &report.articles[1];
    assert_eq!(post.outlet.as_deref(), Some("Brackwater Post"));
    assert!(post.text.contains("the caf\u{e9} owner"), "{}", post.text);
    assert!(
        post.text
            .contains("\u{201c}Every crane on the quay is being inspected,\u{201d}"),
        "{}",
        post.text
    );
    // The crawl date bounds the publication date but is not one.
    assert_eq!(post.published, None);
}

#[test]
fn a_gzipped_archive_reads_the_same_and_a_truncated_member_keeps_what_came_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = fixture_records();
    assert_eq!(records.len(), 8);
    let whole = dir.path().join("crawl.warc.gz");
    fs::write(&whole, gzip_per_record(&records)).expect("write archive");
    let report = read(&[&whole], &IngestConfig::default());
    assert_eq!(report.articles.len(), 2, "{:?}", messages(&report));
    assert!(!report.skipped_any());

    // Cut inside the member of record 6 (the second page).
    let before: Vec<u8> = gzip_per_record(&records[..5]);
    let sixth = gzip(&records[5]);
    let mut cut = before.clone();
    cut.extend_from_slice(&sixth[..sixth.len() / 2]);
    let truncated = dir.path().join("cut.warc.gz");
    fs::write(&truncated, &cut).expect("write archive");
    let report = read(&[&truncated], &IngestConfig::default());
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["https://quillon-herald.example/2024/03/11/crane-falls"]
    );
    let shown = truncated.to_string_lossy();
    let messages = messages(&report);
    assert!(
        messages[0].starts_with(&format!("{shown}#record-6: cannot read {shown}#record-6: ")),
        "{messages:?}"
    );
    assert!(report.skipped_any());
    assert_eq!(
        messages[1],
        format!(
            "{shown}: 1 record read as an article, 4 skipped (warcinfo 1, request 2, metadata 1)"
        )
    );
}

/// The fixture with record `index` (from 0) given a Content-Length `delta` bytes off.
fn with_lying_length(index: usize, delta: i64) -> Vec<u8> {
    let mut records = fixture_records();
    let record = String::from_utf8_lossy(&records[index]).into_owned();
    let at = record.find("Content-Length: ").expect("a length") + "Content-Length: ".len();
    let end = at + record[at..].find('\r').expect("end of the line");
    let length: i64 = record[at..end].parse().expect("a number");
    let mut bytes = records[index][..at].to_vec();
    bytes.extend_from_slice((length + delta).to_string().as_bytes());
    bytes.extend_from_slice(&records[index][end..]);
    records[index] = bytes;
    records.concat()
}

#[test]
fn a_record_whose_length_is_too_short_is_named_and_reading_goes_on() {
    let bytes = with_lying_length(2, -100);
    let report = ingest_bytes("lying.warc", &bytes, &IngestConfig::default());
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["https://brackwater-post.example/news/quillon-crane"]);
    assert_eq!(
        messages(&report)[0],
        "lying.warc#record-3: its Content-Length (938 bytes) does not end where the record \
         does; the record is skipped"
    );
}

#[test]
fn a_record_whose_length_runs_past_the_end_is_cut_short_and_earlier_records_kept() {
    let bytes = with_lying_length(5, 10_000);
    let report = ingest_bytes("lying.warc", &bytes, &IngestConfig::default());
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["https://quillon-herald.example/2024/03/11/crane-falls"]
    );
    assert!(
        messages(&report)[0].starts_with(
            "lying.warc#record-6: lying.warc#record-6 is cut short: its Content-Length is \
             10706 bytes but the file ends"
        ),
        "{:?}",
        messages(&report)
    );
}

#[test]
fn a_record_whose_length_swallows_the_next_record_loses_only_those_two() {
    // Record 3's length runs 200 bytes into the metadata record: both are lost, the rest read.
    let bytes = with_lying_length(2, 200);
    let report = ingest_bytes("lying.warc", &bytes, &IngestConfig::default());
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["https://brackwater-post.example/news/quillon-crane"]);
    assert!(messages(&report)[0].starts_with("lying.warc#record-3: its Content-Length"));
}

#[test]
fn the_size_limit_applies_to_each_record() {
    let report = read(
        &[&data("quillon-crawl.warc")],
        &IngestConfig { max_bytes: 800 },
    );
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["https://brackwater-post.example/news/quillon-crane"]);
    let shown = data("quillon-crawl.warc").to_string_lossy().into_owned();
    assert_eq!(
        messages(&report)[0],
        format!(
            "{shown}#record-3: {shown}#record-3 is too large (1038 bytes; the limit is 800 bytes)"
        )
    );
    assert!(
        messages(&report)[1].contains(
            "1 record read as an article, 7 skipped (warcinfo 1, request 2, too large 1,"
        ),
        "{:?}",
        messages(&report)
    );
}

#[test]
fn garbage_before_the_first_record_is_named_and_the_records_after_read() {
    let mut bytes = b"this is not a record\r\n\r\n".to_vec();
    bytes.extend_from_slice(&fs::read(data("quillon-crawl.warc")).expect("fixture"));
    let report = ingest_bytes("junk.warc", &bytes, &IngestConfig::default());
    assert_eq!(report.articles.len(), 2);
    assert_eq!(
        messages(&report)[0],
        "junk.warc#record-1: does not open with a WARC/ version line; skipped up to the next record"
    );
}

#[test]
fn rss_items_become_articles_with_full_text_or_a_marked_teaser() {
    let path = data("tarrow-wire.rss");
    let report = read(&[&path], &IngestConfig::default());
    let shown = path.to_string_lossy();
    assert_eq!(report.articles.len(), 2, "{:?}", messages(&report));
    let full = &report.articles[0];
    assert_eq!(
        full.id.as_str(),
        "https://tarrow-wire.example/2024/03/11/quillon-crane"
    );
    assert_eq!(full.input, format!("{shown}#item-1"));
    assert_eq!(full.outlet.as_deref(), Some("Tarrow Valley Wire"));
    assert_eq!(
        full.title.as_deref(),
        Some("Two hurt as crane collapses at Quillon harbour")
    );
    assert_eq!(
        full.published.map(|date| date.to_string()).as_deref(),
        Some("2024-03-11")
    );
    assert!(
        full.text
            .starts_with("A container crane collapsed at Quillon harbour")
    );
    assert!(
        full.text.contains("Hospital with leg injuries.\n\n"),
        "{}",
        full.text
    );
    assert!(full.text.contains("\u{201c}We are inspecting every crane"));
    assert_eq!(report.details[0].authors, ["Ilse Varga"]);
    // feed-rs gives language tags in lower case (they are case-insensitive).
    assert_eq!(report.details[0].language.as_deref(), Some("en-gb"));
    assert!(!report.details[0].teaser);
    assert_eq!(report.details[0].modified, None);

    let teaser = &report.articles[1];
    assert_eq!(
        teaser.text,
        "Berth four at Quillon harbour will reopen on Friday after the crane collapse, the port \
         authority said."
    );
    assert!(report.details[1].teaser);
    // The fragment is `<p>Berth four ...`: the paragraph starts after the tag.
    assert_eq!(teaser.origin.span_to_input(Span::new(0, 5)).start(), 3);
    assert_eq!(
        messages(&report),
        [format!(
            "{shown}: 2 of 2 items read as articles; 1 only a teaser (the feed holds a \
             description, not the article)"
        )]
    );
    assert!(!report.skipped_any());
}

#[test]
fn atom_entries_keep_their_dates_apart_and_html_titles_become_text() {
    let report = read(&[&data("tarrow-wire.atom")], &IngestConfig::default());
    assert!(report.diagnostics.is_empty(), "{:?}", messages(&report));
    let entry = &report.articles[0];
    assert_eq!(entry.title.as_deref(), Some("Quillon crane: what we know"));
    assert_eq!(
        entry.text,
        "The crane that fell at Quillon harbour was 60 metres tall, the port authority said.\n\n\
         It had been inspected in January."
    );
    assert_eq!(
        entry.published.map(|date| date.to_string()).as_deref(),
        Some("2024-03-11")
    );
    let details = &report.details[0];
    assert_eq!(
        details.modified.map(|date| date.to_string()).as_deref(),
        Some("2024-03-12")
    );
    assert_eq!(
        details.url.as_deref(),
        Some("https://tarrow-wire.example/2024/03/11/what-we-know")
    );
}

#[test]
fn a_json_feed_is_read_by_its_opening() {
    let feed = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "Orrin Post",
        "items": [{"id": "1", "url": "https://orrin.example/bridge", "title": "Bridge opens",
        "content_text": "The Orrin bridge opened on Tuesday.\n\nTolls start in May.",
        "date_published": "2021-07-02T09:00:00Z", "authors": [{"name": "Tomas Brandt"}]}]}"#;
    let report = ingest_bytes("feed.json", feed, &IngestConfig::default());
    assert!(report.diagnostics.is_empty(), "{:?}", messages(&report));
    let article = &report.articles[0];
    assert_eq!(article.outlet.as_deref(), Some("Orrin Post"));
    assert_eq!(
        article.text,
        "The Orrin bridge opened on Tuesday.\n\nTolls start in May."
    );
    assert_eq!(report.details[0].authors, ["Tomas Brandt"]);
    // The same bytes under an unhelpful name are still sniffed as a feed.
    let report = ingest_bytes("download", feed, &IngestConfig::default());
    assert_eq!(report.articles.len(), 1);
}

#[test]
fn a_directory_reads_archives_and_feeds_and_leaves_other_xml_and_json_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(data("quillon-crawl.warc"), dir.path().join("a.warc")).expect("copy");
    fs::copy(data("tarrow-wire.rss"), dir.path().join("b.xml")).expect("copy");
    fs::write(dir.path().join("c.json"), br#"{"theme": "dark"}"#).expect("write");
    fs::write(
        dir.path().join("d.xml"),
        b"<?xml version=\"1.0\"?><config/>",
    )
    .expect("write");
    let report = read(&[dir.path()], &IngestConfig::default());
    assert_eq!(report.articles.len(), 4, "{:?}", messages(&report));
    assert!(!report.skipped_any(), "{:?}", messages(&report));
}

#[test]
fn a_feed_that_cannot_be_parsed_is_named_and_the_others_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.rss");
    fs::write(&broken, b"no feed here").expect("write");
    let report = read(
        &[&broken, &data("tarrow-wire.atom")],
        &IngestConfig::default(),
    );
    assert_eq!(report.articles.len(), 1);
    let message = &messages(&report)[0];
    assert!(
        message.contains("broken.rss is not a feed that can be read: "),
        "{message}"
    );
    assert!(report.skipped_any());
}
