//! WARC archives (`.warc`, `.warc.gz`): each `response` record holding an HTML page with
//! status 200 becomes an article; every other record is skipped and counted.
//!
//! The archive is streamed a record at a time, so the size limit applies to each record,
//! not the file. A record is framed by its `Content-Length`; when the bytes after the block
//! are not the blank lines that must end it, the length lied: that record is reported and
//! reading goes on from the next line that opens a record (`WARC/...`). A file that ends
//! inside a record, or a gzip member that is cut short, ends the file with a diagnostic
//! naming the record; the records before it are kept.
//!
//! Each article is named `FILE#record-N` (N counts records from 1) and its offsets are byte
//! offsets into that record's HTTP body after transfer and content decoding: the page as
//! the server sent it. Its id is the record's `WARC-Target-URI`.

use std::io::{self, BufRead, Read};

use corroborate_model::{Diagnostic, PublishedDate};

use crate::IngestError;
use crate::charset::charset_parameter;
use crate::html_page::{PageSource, html_article_with};
use crate::http_response::{BodyError, HttpResponse};
use crate::sniff::looks_like_html;
use crate::sources::Collect;

/// A header line longer than this is not a WARC header (a guard against reading a whole
/// binary file as one line).
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// A record header block with more lines than this is not a WARC header.
const MAX_HEADER_LINES: usize = 1024;

/// Reads every record of a WARC stream. `shown` names the file in messages; `max_record_bytes`
/// bounds each record's block and its decoded page.
pub(crate) fn read_warc(
    mut reader: impl BufRead,
    shown: &str,
    max_record_bytes: u64,
    report: &mut dyn Collect,
) {
    let mut tally = Tally::default();
    // A version line already read while looking for the next record.
    let mut carried: Option<Vec<u8>> = None;
    for number in 1.. {
        let at = format!("{shown}#record-{number}");
        let read_error = |source: io::Error| IngestError::Read {
            path: at.clone(),
            source,
        };
        let header = match read_header(&mut reader, carried.take()) {
            Ok(Some(header)) => header,
            Ok(None) => break,
            Err(HeaderError::Io(source)) => {
                report.skip(read_error(source));
                break;
            }
            Err(HeaderError::Bad(message)) => {
                tally.skip("unreadable");
                report.diagnostic(Diagnostic::skipped(&at, message));
                match resync(&mut reader) {
                    Ok(Some(line)) => {
                        carried = Some(line);
                        continue;
                    }
                    Ok(None) => break,
                    Err(source) => {
                        report.skip(read_error(source));
                        break;
                    }
                }
            }
        };
        let length = header.content_length;
        let block = if length > max_record_bytes {
            match io::copy(&mut (&mut reader).take(length), &mut io::sink()) {
                Err(source) => {
                    report.skip(read_error(source));
                    break;
                }
                Ok(copied) if copied < length => {
                    report.skip(cut_short(&at, length, copied));
                    break;
                }
                Ok(_) => None,
            }
        } else {
            let mut block = Vec::new();
            match (&mut reader).take(length).read_to_end(&mut block) {
                Err(source) => {
                    report.skip(read_error(source));
                    break;
                }
                Ok(_) if (block.len() as u64) < length => {
                    report.skip(cut_short(&at, length, block.len() as u64));
                    break;
                }
                Ok(_) => Some(block),
            }
        };
        match read_line(&mut reader) {
            Err(source) => {
                report.skip(read_error(source));
                break;
            }
            Ok(line) if is_blank(&line) => {}
            // No blank lines before the next record: tolerated, the length was right.
            Ok(line) if line.starts_with(b"WARC/") => carried = Some(line),
            Ok(_) => {
                tally.skip("unreadable");
                report.diagnostic(Diagnostic::skipped(
                    &at,
                    format!(
                        "its Content-Length ({length} bytes) does not end where the record does; \
                         the record is skipped"
                    ),
                ));
                match resync(&mut reader) {
                    Ok(line) => carried = line,
                    Err(source) => {
                        report.skip(read_error(source));
                        break;
                    }
                }
                if carried.is_none() {
                    break;
                }
                continue;
            }
        }
        let Some(block) = block else {
            tally.skip("too large");
            report.skip(IngestError::TooLarge {
                path: at,
                size: length,
                limit: max_record_bytes,
            });
            continue;
        };
        read_record(&header, &block, &at, max_record_bytes, &mut tally, report);
    }
    report.diagnostic(tally.summary(shown));
}

/// What became of the records of one file.
#[derive(Default)]
struct Tally {
    articles: usize,
    /// Why records were skipped, in the order each reason first came up.
    skipped: Vec<(String, usize)>,
}

impl Tally {
    fn skip(&mut self, reason: &str) {
        match self.skipped.iter_mut().find(|(known, _)| known == reason) {
            Some((_, count)) => *count += 1,
            None => self.skipped.push((reason.to_string(), 1)),
        }
    }

    /// One line for the file: a warning when some record was read, else the file is skipped.
    fn summary(&self, shown: &str) -> Diagnostic {
        let n_skipped: usize = self.skipped.iter().map(|(_, count)| count).sum();
        let reasons: Vec<String> = self
            .skipped
            .iter()
            .map(|(reason, count)| format!("{reason} {count}"))
            .collect();
        let skipped = if n_skipped == 0 {
            "none skipped".to_string()
        } else {
            format!("{n_skipped} skipped ({})", reasons.join(", "))
        };
        if self.articles == 0 {
            return Diagnostic::skipped(shown, format!("no record read as an article, {skipped}"));
        }
        let read = if self.articles == 1 {
            "1 record read as an article".to_string()
        } else {
            format!("{} records read as articles", self.articles)
        };
        Diagnostic::warning(shown, format!("{read}, {skipped}"))
    }
}

/// Turns one complete record into an article, or counts why it is not one.
fn read_record(
    header: &RecordHeader,
    block: &[u8],
    at: &str,
    max_record_bytes: u64,
    tally: &mut Tally,
    report: &mut dyn Collect,
) {
    let record_type = header.get("warc-type").unwrap_or("").to_ascii_lowercase();
    if record_type != "response" {
        let reason = match record_type.as_str() {
            "warcinfo" | "request" | "metadata" | "resource" | "revisit" | "conversion"
            | "continuation" => record_type.as_str(),
            "" => "no WARC-Type",
            _ => "unknown type",
        };
        return tally.skip(reason);
    }
    let Some(response) = HttpResponse::parse(block) else {
        return tally.skip("not HTTP");
    };
    if response.status != 200 {
        return tally.skip("non-200");
    }
    let is_html = match response.media_type().as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        Some(_) => false,
        None => looks_like_html(response.body),
    };
    if !is_html {
        return tally.skip("non-HTML");
    }
    let max_body = usize::try_from(max_record_bytes).unwrap_or(usize::MAX);
    let body = match response.decoded_body(max_body) {
        Ok(body) => body,
        Err(error) => {
            let message = match error {
                BodyError::UnknownCoding(coding) => {
                    format!("its body is encoded as {coding:?}, which is not read; skipped")
                }
                BodyError::Corrupt => "its HTTP body is corrupt; skipped".to_string(),
                BodyError::TooLarge => format!(
                    "its decoded body is larger than the limit of {max_record_bytes} bytes; skipped"
                ),
            };
            report.diagnostic(Diagnostic::skipped(at, message));
            return tally.skip("unreadable body");
        }
    };
    let url = header
        .get("warc-target-uri")
        .map(|uri| uri.trim_start_matches('<').trim_end_matches('>'))
        .filter(|uri| !uri.is_empty());
    let retrieved = header
        .get("warc-date")
        .and_then(|date| date.get(..10))
        .and_then(PublishedDate::parse);
    let content_type = response.header("content-type");
    let source = PageSource {
        url,
        charset: content_type.and_then(charset_parameter),
        retrieved,
    };
    let (article, diagnostics) = html_article_with(url.unwrap_or(at), at, &body, &source);
    diagnostics
        .into_iter()
        .for_each(|diagnostic| report.diagnostic(diagnostic));
    match article {
        Some((article, details)) => {
            tally.articles += 1;
            report.push(article, details);
        }
        None => tally.skip("no article text"),
    }
}

/// The named fields of one record header.
struct RecordHeader {
    /// Lower-case names, trimmed values, in order.
    fields: Vec<(String, String)>,
    content_length: u64,
}

impl RecordHeader {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

enum HeaderError {
    Io(io::Error),
    /// Not a record header; the message says why.
    Bad(String),
}

/// Reads the header block of the next record: blank lines are passed over, then a version
/// line, named fields, and a blank line. `None` at the end of the stream.
fn read_header(
    reader: &mut impl BufRead,
    carried: Option<Vec<u8>>,
) -> Result<Option<RecordHeader>, HeaderError> {
    let version = match carried {
        Some(line) => line,
        None => loop {
            let line = read_line(reader).map_err(HeaderError::Io)?;
            if line.is_empty() {
                return Ok(None);
            }
            if !is_blank(&line) {
                break line;
            }
        },
    };
    if !version.starts_with(b"WARC/") {
        return Err(HeaderError::Bad(
            "does not open with a WARC/ version line; skipped up to the next record".into(),
        ));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        let line = read_line(reader).map_err(HeaderError::Io)?;
        if line.is_empty() {
            return Err(HeaderError::Io(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file ends inside a record header",
            )));
        }
        if is_blank(&line) {
            break;
        }
        if fields.len() >= MAX_HEADER_LINES {
            return Err(HeaderError::Bad(format!(
                "has more than {MAX_HEADER_LINES} header lines; skipped up to the next record"
            )));
        }
        let line = String::from_utf8_lossy(&line);
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let content_length = fields
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse::<u64>().ok());
    match content_length {
        Some(content_length) => Ok(Some(RecordHeader {
            fields,
            content_length,
        })),
        None => Err(HeaderError::Bad(
            "has no valid Content-Length; skipped up to the next record".into(),
        )),
    }
}

/// Passes over lines until one opens a record; returns it, or `None` at the end.
fn resync(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    loop {
        let line = read_line(reader)?;
        if line.is_empty() {
            return Ok(None);
        }
        if line.starts_with(b"WARC/") {
            return Ok(Some(line));
        }
    }
}

/// One line with its line break, at most [`MAX_HEADER_LINE`] bytes (a longer line comes
/// back in pieces); empty at the end of the stream.
fn read_line(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut line = Vec::new();
    reader.take(MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
    Ok(line)
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\r\n" || line == b"\n"
}

fn cut_short(at: &str, length: u64, got: u64) -> IngestError {
    IngestError::CutShort {
        path: at.to_string(),
        expected: length,
        got,
    }
}
