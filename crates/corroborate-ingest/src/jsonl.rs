//! JSON Lines collections: one article a line, `{"id": ..., "text": ..., "title": ...,
//! "published": ..., "outlet": ..., "url": ..., "language": ..., "modified": ...,
//! "authors": ...}`, streamed so a file of any size is read a line at a time. A bad line is
//! reported with its file and line number and skipped. Fields the reader does not know are
//! kept, as written, in [`ArticleDetails::extra`] and passed through by the commands that
//! print articles.

use std::io::{self, BufRead};

use corroborate_model::{
    Article, ArticleId, Diagnostic, OffsetMap, OffsetMapBuilder, PublishedDate,
};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::details::ArticleDetails;
use crate::sources::{Collect, LineStart};

/// One line as read. `text` stays raw so its place in the line is known; other fields are
/// optional, and unknown ones are read separately (see [`extra_fields`]).
#[derive(Deserialize)]
struct Line<'a> {
    id: Option<Id>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(borrow)]
    url: Option<&'a RawValue>,
    #[serde(borrow)]
    language: Option<&'a RawValue>,
    #[serde(borrow)]
    modified: Option<&'a RawValue>,
    #[serde(borrow)]
    authors: Option<&'a RawValue>,
}

/// The fields read into the article or its details.
const KNOWN_FIELDS: [&str; 9] = [
    "id",
    "text",
    "title",
    "published",
    "outlet",
    "url",
    "language",
    "modified",
    "authors",
];

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

/// What reading one line of a file gave.
enum LineRead {
    /// A whole line is in the buffer (without its line break).
    Line,
    /// The line was longer than the limit; its bytes were dropped as they were read.
    TooLong(u64),
    End,
}

/// Reads every line of a JSON Lines stream into articles. `shown` names the file in
/// messages and in each article's input (`FILE:LINE`); offsets are byte offsets into the file.
pub(crate) fn read_jsonl(
    reader: impl BufRead,
    shown: &str,
    max_line_bytes: usize,
    collect: &mut dyn Collect,
) -> io::Result<()> {
    let mut reader = reader;
    let mut buffer = Vec::new();
    let mut line_start: u64 = 0;
    for number in 1u32.. {
        let read = read_line(&mut reader, &mut buffer, max_line_bytes)?;
        let consumed = match read {
            LineRead::End => return Ok(()),
            LineRead::TooLong(len) => {
                collect.diagnostic(Diagnostic::skipped(
                    format!("{shown}:{number}"),
                    format!("line of {len} bytes is over the limit of {max_line_bytes} bytes"),
                ));
                line_start += len;
                continue;
            }
            LineRead::Line => buffer.len() as u64,
        };
        let start = LineStart {
            offset: line_start,
            number,
        };
        line_start += consumed;
        match buffer_article(&buffer, shown, start) {
            Ok(None) => {}
            Ok(Some((article, details))) => collect.push_at(article, details, Some(start)),
            Err(diagnostic) => collect.diagnostic(diagnostic),
        }
    }
    Ok(())
}

/// Reads again the one line that starts at `start` (the reader is at its first byte), as
/// [`read_jsonl`] read it: the same article, or `None` when the line is no longer one.
pub(crate) fn reread_jsonl_line(
    reader: &mut impl BufRead,
    shown: &str,
    max_line_bytes: usize,
    start: LineStart,
) -> io::Result<Option<(Article, ArticleDetails)>> {
    let mut buffer = Vec::new();
    Ok(match read_line(reader, &mut buffer, max_line_bytes)? {
        LineRead::Line => buffer_article(&buffer, shown, start).ok().flatten(),
        LineRead::End | LineRead::TooLong(_) => None,
    })
}

/// The article of one line as read (line break included); `None` for a blank line.
fn buffer_article(
    buffer: &[u8],
    shown: &str,
    start: LineStart,
) -> Result<Option<(Article, ArticleDetails)>, Diagnostic> {
    let line = trim_line_break(buffer);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let at = format!("{shown}:{}", start.number);
    let offset = usize::try_from(start.offset).unwrap_or(usize::MAX);
    match std::str::from_utf8(line) {
        Err(error) => Err(Diagnostic::skipped(
            &at,
            format!("not UTF-8 (at byte {} of the line)", error.valid_up_to()),
        )),
        Ok(line) => match line_article(line, offset, &at) {
            Ok(read) => Ok(Some(read)),
            Err(message) => Err(Diagnostic::skipped(&at, message)),
        },
    }
}

fn trim_line_break(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Reads one line into `buffer` (line break included), keeping at most `limit` bytes: a
/// longer line is consumed without being kept.
fn read_line(
    reader: &mut impl BufRead,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    buffer.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let (take, done) = match available.iter().position(|&byte| byte == b'\n') {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        if !too_long && buffer.len() + take > limit.saturating_add(2) {
            too_long = true;
            buffer.clear();
        }
        if !too_long {
            buffer.extend_from_slice(&available[..take]);
        }
        total += take as u64;
        reader.consume(take);
        if done {
            break;
        }
    }
    Ok(match (total, too_long) {
        (0, _) => LineRead::End,
        (len, true) => LineRead::TooLong(len),
        _ => LineRead::Line,
    })
}

/// One line's article and details; `start` is the line's byte offset in the file.
fn line_article(line: &str, start: usize, at: &str) -> Result<(Article, ArticleDetails), String> {
    let parsed: Line = serde_json::from_str(line).map_err(|error| {
        if error.is_data() {
            format!("not an article object: {error}")
        } else {
            format!("not JSON: {error}")
        }
    })?;
    let id = match parsed.id {
        Some(Id::Text(id)) if !id.trim().is_empty() => id,
        Some(Id::Number(number)) => number.to_string(),
        _ => return Err("no \"id\" (a non-empty string or a number)".to_string()),
    };
    let raw = parsed.text.ok_or_else(|| "no \"text\"".to_string())?.get();
    let text: String =
        serde_json::from_str(raw).map_err(|_| "\"text\" is not a string".to_string())?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".to_string());
    }
    // The raw value is a slice of the line: its offset places the text in the file. Plain
    // runs are the text byte for byte; each escape (`\n`, `\"`, `\u00e9`, a surrogate
    // pair) maps to its own bytes, so every span points at the exact passage.
    let value_start = start + (raw.as_ptr() as usize - line.as_ptr() as usize) + 1;
    let value_len = raw.len() - 2;
    let origin = if value_len == text.len() {
        OffsetMap::shifted(value_start, text.len())
    } else {
        escaped_string_map(&raw[1..raw.len() - 1], value_start, &text)
    };
    let published = parsed.published.as_deref().and_then(parse_published);
    let article = Article {
        id: ArticleId::new(id),
        input: at.to_string(),
        title: parsed.title.filter(|title| !title.trim().is_empty()),
        outlet: parsed.outlet.filter(|outlet| !outlet.trim().is_empty()),
        published,
        text,
        origin,
    };
    // A known field of an unexpected type (a numeric `url`) is not lost: it is passed
    // through with the unknown ones.
    let mut misread: Vec<&str> = Vec::new();
    let mut text_field = |name: &'static str, raw: Option<&RawValue>| {
        let raw = raw?;
        match serde_json::from_str::<Option<String>>(raw.get()) {
            Ok(value) => value.filter(|value| !value.trim().is_empty()),
            Err(_) => {
                misread.push(name);
                None
            }
        }
    };
    let url = text_field("url", parsed.url);
    let language = text_field("language", parsed.language);
    let modified = text_field("modified", parsed.modified);
    let authors = match parsed.authors {
        None => Vec::new(),
        Some(raw) => match serde_json::from_str::<Authors>(raw.get()) {
            Ok(Authors::One(name)) => vec![name],
            Ok(Authors::Many(names)) => names,
            Err(_) => {
                misread.push("authors");
                Vec::new()
            }
        },
    };
    let details = ArticleDetails {
        url,
        language,
        modified: modified.as_deref().and_then(parse_published),
        authors: authors
            .into_iter()
            .filter(|name| !name.trim().is_empty())
            .collect(),
        teaser: false,
        extra: extra_fields(line, &misread),
    };
    Ok((article, details))
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Authors {
    One(String),
    Many(Vec<String>),
}

/// The line's fields other than the known ones (and the known ones in `misread`), as one
/// JSON object with the keys in order and each value as written; `None` when there are
/// none. A key given twice keeps its last value, as JSON readers do.
fn extra_fields(line: &str, misread: &[&str]) -> Option<String> {
    let fields: std::collections::BTreeMap<String, &RawValue> = serde_json::from_str(line).ok()?;
    let mut out = String::new();
    for (key, value) in fields
        .iter()
        .filter(|(key, _)| !KNOWN_FIELDS.contains(&key.as_str()) || misread.contains(&key.as_str()))
    {
        out.push(if out.is_empty() { '{' } else { ',' });
        out.push_str(&serde_json::to_string(key).ok()?);
        out.push(':');
        out.push_str(value.get());
    }
    (!out.is_empty()).then(|| out + "}")
}

/// The map from a decoded JSON string to its escaped form starting at `at` in the input.
/// `raw` is the string's content between the quotes, already known to decode to `text`;
/// should the walk disagree with the decoder, the whole value is one replacement.
fn escaped_string_map(raw: &str, at: usize, text: &str) -> OffsetMap {
    let bytes = raw.as_bytes();
    let mut builder = OffsetMapBuilder::new();
    let mut index = 0;
    let mut decoded = 0;
    while index < bytes.len() {
        if bytes[index] != b'\\' {
            let run_end = bytes[index..]
                .iter()
                .position(|&byte| byte == b'\\')
                .map_or(bytes.len(), |offset| index + offset);
            builder.copy(at + index, run_end - index);
            decoded += run_end - index;
            index = run_end;
            continue;
        }
        let (escape_len, char_len) = match bytes.get(index + 1) {
            Some(b'u') => {
                let unit = |from: usize| {
                    raw.get(from..from + 4)
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                };
                match unit(index + 2) {
                    Some(high @ 0xD800..=0xDBFF)
                        if bytes.get(index + 6) == Some(&b'\\')
                            && bytes.get(index + 7) == Some(&b'u') =>
                    {
                        let low = unit(index + 8).unwrap_or(0);
                        let code =
                            0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                        (12, char::from_u32(code).map_or(3, char::len_utf8))
                    }
                    Some(code) => (6, char::from_u32(code).map_or(3, char::len_utf8)),
                    None => (2, 1),
                }
            }
            _ => (2, 1),
        };
        builder.replace(at + index, escape_len.min(bytes.len() - index), char_len);
        decoded += char_len;
        index += escape_len;
    }
    if decoded != text.len() {
        let mut whole = OffsetMapBuilder::new();
        whole.replace(at, raw.len(), text.len());
        return whole.finish();
    }
    builder.finish()
}

/// `2021-07-04`, `2021-07`, `2021`, or a timestamp starting with a date
/// (`2021-07-04T09:30:00Z`).
fn parse_published(value: &str) -> Option<PublishedDate> {
    let value = value.trim();
    PublishedDate::parse(value).or_else(|| value.get(..10).and_then(PublishedDate::parse))
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Span;

    fn read(input: &str, limit: usize) -> (Vec<Article>, Vec<Diagnostic>) {
        let (articles, _, diagnostics) = read_with_details(input, limit);
        (articles, diagnostics)
    }

    fn read_with_details(
        input: &str,
        limit: usize,
    ) -> (Vec<Article>, Vec<ArticleDetails>, Vec<Diagnostic>) {
        let mut report = crate::IngestReport::default();
        read_jsonl(input.as_bytes(), "c.jsonl", limit, &mut report).expect("reading from memory");
        assert_eq!(report.articles.len(), report.details.len());
        (report.articles, report.details, report.diagnostics)
    }

    #[test]
    fn unknown_fields_are_kept_as_written_and_known_ones_read() {
        let input = concat!(
            r#"{"id": "a1", "text": "The ferry ran late.", "url": "https://orrin.example/ferry", "language": "en", "authors": ["Tamsin Vell", ""], "modified": "2031-02-03T10:00:00Z", "tags": ["ferry", "harbour"], "section": "Local", "score": 0.75, "nested": {"a": [1, {"b": null}]}}"#,
            "\n",
            r#"{"id": "a2", "text": "Plain.", "authors": "Bryn Alder"}"#,
            "\n",
            r#"{"id": "a3", "text": "Odd types.", "url": 42, "language": null}"#,
            "\n",
        );
        let (articles, details, diagnostics) = read_with_details(input, 1 << 20);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(articles.len(), 3);
        assert_eq!(
            details[0].url.as_deref(),
            Some("https://orrin.example/ferry")
        );
        assert_eq!(details[0].language.as_deref(), Some("en"));
        assert_eq!(details[0].authors, vec!["Tamsin Vell".to_string()]);
        assert_eq!(
            details[0].modified.map(|date| date.to_string()).as_deref(),
            Some("2031-02-03")
        );
        // Keys in order, values exactly as written (spaces inside values included).
        assert_eq!(
            details[0].extra.as_deref(),
            Some(
                r#"{"nested":{"a": [1, {"b": null}]},"score":0.75,"section":"Local","tags":["ferry", "harbour"]}"#
            )
        );
        let extra: serde_json::Value =
            serde_json::from_str(details[0].extra.as_deref().unwrap()).expect("valid JSON");
        assert_eq!(extra["tags"][1], "harbour");
        assert_eq!(details[1].authors, vec!["Bryn Alder".to_string()]);
        assert_eq!(details[1].extra, None);
        // A known field of the wrong type is not read, and not lost either.
        assert_eq!(details[2].url, None);
        assert_eq!(details[2].extra.as_deref(), Some(r#"{"url":42}"#));
    }

    #[test]
    fn good_lines_become_articles_and_bad_ones_are_named_by_line() {
        let input = concat!(
            r#"{"id": "a1", "text": "The bridge opened on Tuesday.", "title": "Bridge opens", "published": "2021-07-04T09:30:00Z", "outlet": "Orrin Post", "tags": ["x"]}"#,
            "\n",
            "not json\n",
            "\n",
            r#"{"id": "a2", "title": "No text"}"#,
            "\n",
            r#"{"id": 7, "text": "Line two says \"hello\" to the council."}"#,
            "\r\n",
            r#"{"text": "No id here."}"#,
            "\n",
            r#"[1, 2]"#,
        );
        let (articles, diagnostics) = read(input, 1 << 20);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "7"]);
        assert_eq!(articles[0].title.as_deref(), Some("Bridge opens"));
        assert_eq!(articles[0].outlet.as_deref(), Some("Orrin Post"));
        assert_eq!(
            articles[0].published.map(|d| d.to_string()).as_deref(),
            Some("2021-07-04")
        );
        assert_eq!(articles[0].input, "c.jsonl:1");
        assert_eq!(articles[1].text, "Line two says \"hello\" to the council.");
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 4, "{shown:?}");
        assert!(shown[0].contains("c.jsonl:2: not JSON"), "{}", shown[0]);
        assert!(shown[1].contains("c.jsonl:4: no \"text\""), "{}", shown[1]);
        assert!(shown[2].contains("c.jsonl:6: no \"id\""), "{}", shown[2]);
        assert!(
            shown[3].contains("c.jsonl:7: not an article object"),
            "{}",
            shown[3]
        );
    }

    #[test]
    fn text_offsets_point_into_the_file() {
        let input = "{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"b\", \"text\": \"Caf\\u00e9 \\\"Nord\\\" shut.\"}\n";
        let (articles, _) = read(input, 1 << 20);
        let first = articles[0].origin.span_to_input(Span::new(0, 6));
        assert_eq!(&input[first.range()], "First.");
        let second = &articles[1];
        assert_eq!(second.text, "Café \"Nord\" shut.");
        let span = second.origin.span_to_input(Span::new(0, second.text.len()));
        assert_eq!(&input[span.range()], "Caf\\u00e9 \\\"Nord\\\" shut.");
        // A word after escapes maps to exactly its bytes; an escaped character to its escape.
        let at = second.text.find("shut").expect("word");
        let word = second.origin.span_to_input(Span::new(at, at + 4));
        assert_eq!(&input[word.range()], "shut");
        let e = second.origin.span_to_input(Span::new(3, 5));
        assert_eq!(&input[e.range()], "\\u00e9");
    }

    #[test]
    fn lines_and_astral_characters_map_to_their_escapes() {
        let input = "{\"id\": 1, \"text\": \"Line one.\\nLine \\ud83d\\ude00 two.\"}\n";
        let (articles, _) = read(input, 1 << 20);
        let article = &articles[0];
        assert_eq!(article.text, "Line one.\nLine \u{1F600} two.");
        let at = article.text.find("two").expect("word");
        let two = article.origin.span_to_input(Span::new(at, at + 3));
        assert_eq!(&input[two.range()], "two");
        let at = article.text.find('\u{1F600}').expect("emoji");
        let emoji = article.origin.span_to_input(Span::new(at, at + 4));
        assert_eq!(&input[emoji.range()], "\\ud83d\\ude00");
    }

    #[test]
    fn an_overlong_line_is_skipped_and_the_next_read() {
        let long = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n", "a".repeat(5000));
        let input = format!("{long}{{\"id\": \"small\", \"text\": \"Short.\"}}\n");
        let (articles, diagnostics) = read(&input, 1000);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id.as_str(), "small");
        let span = articles[0].origin.span_to_input(Span::new(0, 6));
        assert_eq!(&input[span.range()], "Short.");
        assert_eq!(diagnostics.len(), 1);
        let expected = format!("c.jsonl:1: line of {} bytes is over the limit", long.len());
        assert!(
            diagnostics[0].to_string().contains(&expected),
            "{}",
            diagnostics[0]
        );
    }

    #[test]
    fn invalid_utf8_in_a_line_skips_that_line_only() {
        let mut input = b"{\"id\": \"a\", \"text\": \"caf\xff\"}\n".to_vec();
        input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"Fine.\"}\n");
        let mut report = crate::IngestReport::default();
        read_jsonl(&input[..], "c.jsonl", 1 << 20, &mut report).expect("reading from memory");
        assert_eq!(report.articles.len(), 1);
        assert!(
            report.diagnostics[0]
                .to_string()
                .contains("c.jsonl:1: not UTF-8")
        );
    }
}
