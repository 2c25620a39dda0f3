//! Properties every reader of outside input keeps on hostile bytes, run as proptests so
//! stable `cargo test` covers what the fuzz targets in `fuzz/` explore: no panic, the
//! articles before a fault kept, every offset inside its input, a clear message at the
//! size limit. The same properties, one input at a time, are the fuzz targets.

use std::fs;
use std::io::Write;
use std::path::Path;

use corroborate_ingest::{IngestConfig, IngestReport, ingest_bytes};
use corroborate_model::{Severity, Span};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .expect("a fixture")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress in memory");
    encoder.finish().expect("compress in memory")
}

/// The fixture's records, split where each opens.
fn fixture_records() -> Vec<Vec<u8>> {
    let warc = fixture("quillon-crawl.warc");
    let mut starts: Vec<usize> = (0..warc.len())
        .filter(|&at| warc[at..].starts_with(b"WARC/1.1\r\nWARC-Type"))
        .collect();
    starts.push(warc.len());
    starts
        .windows(2)
        .map(|pair| warc[pair[0]..pair[1]].to_vec())
        .collect()
}

fn ids(report: &IngestReport) -> Vec<String> {
    report
        .articles
        .iter()
        .map(|article| article.id.as_str().to_string())
        .collect()
}

/// What every report must hold, whatever the input.
fn check_report(report: &IngestReport) {
    assert_eq!(report.articles.len(), report.details.len());
    for article in &report.articles {
        assert!(!article.text.trim().is_empty());
        assert_eq!(article.origin.output_len(), article.text.len());
        let whole = article
            .origin
            .span_to_input(Span::new(0, article.text.len()));
        assert!(whole.start() <= whole.end());
    }
    for diagnostic in &report.diagnostics {
        assert!(!diagnostic.message.is_empty());
        assert!(!diagnostic.input.is_empty());
    }
}

const NAMES: [&str; 9] = [
    "x.html",
    "x.warc",
    "x.warc.gz",
    "x.rss",
    "x.atom",
    "x.json",
    "x.jsonl",
    "x.txt",
    "x",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_under_any_name_give_a_report(
        name_index in 0..NAMES.len(),
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let report = ingest_bytes(NAMES[name_index], &bytes, &IngestConfig::default());
        check_report(&report);
    }

    #[test]
    fn mangled_archives_and_feeds_give_a_report(
        which in 0..3usize,
        cut in 0.0..1.0f64,
        flips in proptest::collection::vec((0.0..1.0f64, any::<u8>()), 0..8),
    ) {
        let (name, mut bytes) = match which {
            0 => ("x.warc", fixture("quillon-crawl.warc")),
            1 => ("x.rss", fixture("tarrow-wire.rss")),
            _ => ("x.atom", fixture("tarrow-wire.atom")),
        };
        for (at, byte) in flips {
            let index = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[index] = byte;
        }
        bytes.truncate((bytes.len() as f64 * cut) as usize);
        check_report(&ingest_bytes(name, &bytes, &IngestConfig::default()));
    }

    #[test]
    fn a_truncated_gzip_archive_keeps_the_records_before_the_cut(cut in 0.0..1.0f64) {
        let records = fixture_records();
        let whole: Vec<u8> = records.iter().flat_map(|record| gzip(record)).collect();
        let full_ids = ids(&ingest_bytes("x.warc.gz", &whole, &IngestConfig::default()));
        let cut_at = (whole.len() as f64 * cut) as usize;
        let report = ingest_bytes("x.warc.gz", &whole[..cut_at], &IngestConfig::default());
        check_report(&report);
        let read = ids(&report);
        prop_assert!(full_ids.starts_with(&read), "{read:?}");
    }

    #[test]
    fn a_lying_content_length_is_named_and_earlier_records_kept(
        record_index in 0..8usize,
        new_length in 0..6000u64,
    ) {
        let mut records = fixture_records();
        let record = String::from_utf8_lossy(&records[record_index]).into_owned();
        let at = record.find("Content-Length: ").expect("a length") + "Content-Length: ".len();
        let end = at + record[at..].find('\r').expect("end of line");
        let mut bytes = records[record_index][..at].to_vec();
        bytes.extend_from_slice(new_length.to_string().as_bytes());
        bytes.extend_from_slice(&records[record_index][end..]);
        records[record_index] = bytes;
        let report = ingest_bytes("x.warc", &records.concat(), &IngestConfig::default());
        check_report(&report);
        if record_index > 2 {
            // The Herald's page is record 3 (index 2): before the lie, so it is kept.
            let read = ids(&report);
            prop_assert_eq!(
                read.first().map(String::as_str),
                Some("https://quillon-herald.example/2024/03/11/crane-falls")
            );
        }
    }

    #[test]
    fn invalid_bytes_under_a_declared_charset_are_replaced_not_fatal(
        charset_index in 0..8usize,
        junk in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let charset = ["shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "big5", "euc-kr",
            "windows-1252", "utf-8"][charset_index];
        let mut page = format!(
            "<html><head><meta charset=\"{charset}\"></head><body><article>\
             <p>The Orrin bridge opened to traffic on Tuesday after four years of work.</p><p>"
        )
        .into_bytes();
        page.extend_from_slice(&junk);
        page.extend_from_slice(b" the county said on Monday evening.</p></article></body></html>");
        let report = ingest_bytes("x.html", &page, &IngestConfig::default());
        check_report(&report);
        for article in &report.articles {
            let whole = article.origin.span_to_input(Span::new(0, article.text.len()));
            prop_assert!(whole.end() <= page.len());
        }
    }
}

#[test]
fn ten_thousand_nested_elements_in_a_record_and_a_feed_item() {
    let page = format!(
        "<html><body>{}<p>The ferry stops in March, the council said on Monday.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://tarnby.example/ferry\r\n\
         Content-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    );
    let report = ingest_bytes("deep.warc", warc.as_bytes(), &IngestConfig::default());
    check_report(&report);
    assert_eq!(report.articles.len(), 1, "{:?}", report.diagnostics);
    let escaped = page.replace('<', "&lt;").replace('>', "&gt;");
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>Tarnby Gazette</title><item><title>Ferry</title>\
         <description>{escaped}</description></item></channel></rss>"
    );
    let report = ingest_bytes("deep.rss", feed.as_bytes(), &IngestConfig::default());
    check_report(&report);
    assert_eq!(
        report.articles[0].text,
        "The ferry stops in March, the council said on Monday."
    );
}

#[test]
fn a_page_over_the_size_limit_is_refused_with_a_clear_message() {
    // The limit is set small rather than writing 100 MB: the path is the same.
    let config = IngestConfig {
        max_bytes: 64 * 1024,
    };
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        "<p>The ferry stops in March, the council said on Monday.</p>".repeat(4000)
    );
    let report = ingest_bytes("big.html", page.as_bytes(), &config);
    assert!(report.articles.is_empty());
    assert_eq!(report.diagnostics[0].severity, Severity::Skipped);
    assert_eq!(
        report.diagnostics[0].message,
        format!(
            "big.html is too large ({} bytes; the limit is 65536 bytes)",
            page.len()
        )
    );
    // Compressed, the expanded size is what counts.
    let report = ingest_bytes("big.html.gz", &gzip(page.as_bytes()), &config);
    assert!(report.articles.is_empty());
    assert!(
        report.diagnostics[0]
            .message
            .starts_with("big.html.gz is too large")
    );
}
