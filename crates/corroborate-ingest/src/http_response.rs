//! The HTTP response stored in a WARC `response` record: status, headers, and the body with
//! its transfer and content codings undone.

use std::io::Read;

/// A parsed HTTP response; the body is still in the record's bytes.
pub(crate) struct HttpResponse<'a> {
    pub status: u16,
    /// Header names in lower case, values trimmed, in order.
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
}

/// Why a response's body could not be turned into the page bytes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// A coding this reader does not undo (`br`, `compress`).
    UnknownCoding(String),
    /// The body is not what its coding says (a bad chunk size, corrupt gzip).
    Corrupt,
    /// Decoded, the body is larger than the limit.
    TooLarge,
}

impl<'a> HttpResponse<'a> {
    /// Parses a status line and a header block ending in a blank line (CRLF or bare LF).
    /// `None` when the bytes are not an HTTP response.
    pub fn parse(block: &'a [u8]) -> Option<HttpResponse<'a>> {
        let head_end = find(block, b"\r\n\r\n")
            .map(|at| (at, at + 4))
            .into_iter()
            .chain(find(block, b"\n\n").map(|at| (at, at + 2)))
            .min_by_key(|&(at, _)| at);
        let (head, body) = match head_end {
            Some((at, body_start)) => (&block[..at], &block[body_start..]),
            // Headers with no body at all.
            None => (block, &block[block.len()..]),
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status_line = lines.next()?;
        let mut parts = status_line.split_whitespace();
        if !parts.next()?.starts_with("HTTP/") {
            return None;
        }
        let status = parts.next()?.parse().ok()?;
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                // An obsolete folded continuation of the previous header.
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        Some(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// The first value of a header, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
    }

    /// The media type of `Content-Type`, lower case, without parameters.
    pub fn media_type(&self) -> Option<String> {
        let value = self.header("content-type")?;
        let media_type = value.split(';').next().unwrap_or(value).trim();
        (!media_type.is_empty()).then(|| media_type.to_ascii_lowercase())
    }

    /// The body as the server meant it: chunks joined, gzip or deflate undone, at most
    /// `max_bytes` long.
    pub fn decoded_body(&self, max_bytes: usize) -> Result<Vec<u8>, BodyError> {
        let mut body = self.body.to_vec();
        for coding in self.codings("transfer-encoding") {
            body = match coding.as_str() {
                "chunked" => dechunk(&body, max_bytes)?,
                _ => decompress(&coding, &body, max_bytes)?,
            };
        }
        for coding in self.codings("content-encoding") {
            body = decompress(&coding, &body, max_bytes)?;
        }
        if body.len() > max_bytes {
            return Err(BodyError::TooLarge);
        }
        Ok(body)
    }

    /// The codings a header lists, in the order they were applied, `identity` left out.
    fn codings(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(header, _)| header == name)
            .flat_map(|(_, value)| value.split(','))
            .map(|coding| coding.trim().to_ascii_lowercase())
            .filter(|coding| !coding.is_empty() && coding != "identity")
            .collect()
    }
}

/// Joins the chunks of a `Transfer-Encoding: chunked` body. Chunk extensions and trailers
/// are ignored; a missing final chunk is tolerated (many crawlers cut the connection).
fn dechunk(body: &[u8], max_bytes: usize) -> Result<Vec<u8>, BodyError> {
    let mut joined = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(line_end) = rest.iter().position(|&byte| byte == b'\n') else {
            return if rest.iter().all(u8::is_ascii_whitespace) {
                Ok(joined)
            } else {
                Err(BodyError::Corrupt)
            };
        };
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| BodyError::Corrupt)?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Ok(joined);
        }
        if size > rest.len() {
            return Err(BodyError::Corrupt);
        }
        if joined.len() + size > max_bytes {
            return Err(BodyError::TooLarge);
        }
        joined.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

fn decompress(coding: &str, body: &[u8], max_bytes: usize) -> Result<Vec<u8>, BodyError> {
    let limit = max_bytes as u64 + 1;
    let mut out = Vec::new();
    let result = match coding {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body)
            .take(limit)
            .read_to_end(&mut out),
        // Servers send both zlib-wrapped and raw deflate under this name.
        "deflate" => match flate2::read::ZlibDecoder::new(body)
            .take(limit)
            .read_to_end(&mut out)
        {
            Ok(len) => Ok(len),
            Err(_) => {
                out.clear();
                flate2::read::DeflateDecoder::new(body)
                    .take(limit)
                    .read_to_end(&mut out)
            }
        },
        other => return Err(BodyError::UnknownCoding(other.to_string())),
    };
    result.map_err(|_| BodyError::Corrupt)?;
    if out.len() > max_bytes {
        return Err(BodyError::TooLarge);
    }
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers_and_body_are_split() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\
            X-Long: one\r\n two\r\n\r\n<html>page</html>";
        let response = HttpResponse::parse(block).expect("an HTTP response");
        assert_eq!(response.status, 200);
        assert_eq!(response.media_type().as_deref(), Some("text/html"));
        assert_eq!(response.header("x-long"), Some("one two"));
        assert_eq!(response.body, b"<html>page</html>");
        assert!(HttpResponse::parse(b"GET / HTTP/1.1\r\n\r\n").is_none());
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(b"<p>Hello</p>")
            .expect("compress in memory");
        let gzipped = encoder.finish().expect("compress in memory");
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n{:x}\r\n",
            gzipped.len()
        )
        .into_bytes();
        block.extend_from_slice(&gzipped);
        block.extend_from_slice(b"\r\n0\r\n\r\n");
        let response = HttpResponse::parse(&block).expect("an HTTP response");
        assert_eq!(
            response.decoded_body(1024).as_deref(),
            Ok(&b"<p>Hello</p>"[..])
        );
        assert_eq!(response.decoded_body(4), Err(BodyError::TooLarge));
    }

    #[test]
    fn bad_chunks_and_unknown_codings_are_errors_not_panics() {
        let response =
            HttpResponse::parse(b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nzz\nabc")
                .expect("an HTTP response");
        assert_eq!(response.decoded_body(1024), Err(BodyError::Corrupt));
        let response =
            HttpResponse::parse(b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nffff\nabc")
                .expect("an HTTP response");
        assert_eq!(response.decoded_body(1024), Err(BodyError::Corrupt));
        let response = HttpResponse::parse(b"HTTP/1.1 200 OK\nContent-Encoding: br\n\nxyz")
            .expect("an HTTP response");
        assert_eq!(
            response.decoded_body(1024),
            Err(BodyError::UnknownCoding("br".into()))
        );
    }
}
