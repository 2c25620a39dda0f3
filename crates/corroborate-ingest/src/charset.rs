//! Decodes an HTML page by the character encoding it declares (byte-order mark, the HTTP
//! `Content-Type`, `<meta charset>` or `http-equiv`), with an offset map back to its bytes.
//!
//! The order is the one browsers follow: a byte-order mark wins, then the transport's
//! declaration, then the page's own `<meta>`; a page that declares nothing is UTF-8. Bytes
//! that are invalid under the chosen encoding become U+FFFD and are reported once as a
//! warning naming the input; decoding never fails.

use corroborate_model::{Diagnostic, OffsetMapBuilder};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::decode::{Decoded, decode_lossy};

/// How far into a page a `<meta>` charset declaration is looked for. Browsers look at the
/// first 1024 bytes; real pages put long scripts and styles first, so a little more is read.
const META_SCAN_BYTES: usize = 4096;

/// Decodes the bytes of an HTML page. `transport_charset` is the `charset` parameter of the
/// HTTP `Content-Type` the page was served with, when known. Offsets of the map count every
/// byte of `bytes`, the byte-order mark included.
pub(crate) fn decode_html(
    bytes: &[u8],
    transport_charset: Option<&str>,
    input: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decoded {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, bom_len),
        None => (
            declared_encoding(bytes, transport_charset, input, diagnostics),
            0,
        ),
    };
    let decoded = if encoding == UTF_8 {
        decode_lossy(&bytes[skip..], skip)
    } else {
        decode_with(encoding, &bytes[skip..], skip)
    };
    if decoded.invalid_bytes > 0 {
        diagnostics.push(Diagnostic::warning(
            input,
            format!(
                "invalid {} ({} bytes, the first at byte {}): decoded with replacement characters",
                encoding.name(),
                decoded.invalid_bytes,
                decoded.first_invalid.unwrap_or_default()
            ),
        ));
    }
    decoded
}

/// The `charset` parameter of a MIME type such as `text/html; charset="iso-8859-1"`.
pub(crate) fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|ch| ch == '"' || ch == '\''))
            .filter(|value| !value.is_empty())
    })
}

/// The encoding the transport or the page declares, UTF-8 when neither does. A label no
/// encoding answers to is reported and passed over.
fn declared_encoding(
    bytes: &[u8],
    transport_charset: Option<&str>,
    input: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> &'static Encoding {
    let declarations = [
        (transport_charset.map(str::as_bytes), "HTTP header"),
        (meta_charset(bytes), "<meta> tag"),
    ];
    for (label, from) in declarations {
        let Some(label) = label else { continue };
        match Encoding::for_label(label) {
            // A page cannot declare UTF-16 in its own ASCII bytes, and x-user-defined is
            // windows-1252 for text purposes (both as browsers do).
            Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => return UTF_8,
            Some(encoding) if encoding == X_USER_DEFINED => return WINDOWS_1252,
            Some(encoding) => return encoding,
            None => diagnostics.push(Diagnostic::warning(
                input,
                format!(
                    "unknown character encoding {:?} in the {from}: ignored",
                    String::from_utf8_lossy(label)
                ),
            )),
        }
    }
    UTF_8
}

/// The label of the first `<meta charset=...>` or `<meta http-equiv content="...;
/// charset=...">` near the start of the page.
fn meta_charset(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let mut from = 0;
    while let Some(found) = find_ignore_case(&head[from..], b"<meta") {
        let tag_start = from + found + b"<meta".len();
        let tag_end = head[tag_start..]
            .iter()
            .position(|&byte| byte == b'>')
            .map_or(head.len(), |end| tag_start + end);
        let tag = &head[tag_start..tag_end];
        if let Some(at) = find_ignore_case(tag, b"charset") {
            let rest = trim_start(&tag[at + b"charset".len()..]);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|&byte| {
                        matches!(byte, b'"' | b'\'' | b';' | b'/' | b'>')
                            || byte.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if end > 0 {
                    return Some(&rest[..end]);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// Decodes bytes in a legacy encoding. Each decoded character maps to the bytes it came
/// from (ASCII as a verbatim copy), so offsets stay exact at character grain. The decoder is
/// fed one byte at a time to learn those boundaries; encodings of one byte a character take
/// a faster path.
fn decode_with(encoding: &'static Encoding, bytes: &[u8], offset: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut builder = OffsetMapBuilder::new();
    let mut invalid_bytes = 0;
    let mut first_invalid = None;
    if encoding.is_single_byte() {
        let (decoded, _) = encoding.decode_without_bom_handling(bytes);
        // One character per byte, so the characters and bytes pair up in order.
        for (at, (ch, &byte)) in (offset..).zip(decoded.chars().zip(bytes)) {
            if ch == '\u{FFFD}' {
                invalid_bytes += 1;
                first_invalid.get_or_insert(at);
            }
            if ch.is_ascii() && ch as u32 == u32::from(byte) {
                builder.copy(at, 1);
            } else {
                builder.replace(at, 1, ch.len_utf8());
            }
            text.push(ch);
        }
    } else {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut pending_start = offset;
        let last_index = bytes.len().saturating_sub(1);
        let one_byte_room = decoder.max_utf8_buffer_length(1).unwrap_or(16).max(16);
        for (index, byte) in bytes.iter().enumerate() {
            text.reserve(one_byte_room);
            let before = text.len();
            let (_, _, replaced) = decoder.decode_to_string(
                std::slice::from_ref(byte),
                &mut text,
                index == last_index,
            );
            let at = offset + index + 1;
            if replaced {
                invalid_bytes += at - pending_start;
                first_invalid.get_or_insert(pending_start);
            }
            let written = text.len() - before;
            if written == 0 {
                continue;
            }
            if written == 1 && at - pending_start == 1 && text.as_bytes()[before] == *byte {
                builder.copy(pending_start, 1);
            } else {
                builder.replace(pending_start, at - pending_start, written);
            }
            pending_start = at;
        }
    }
    Decoded {
        text,
        map: builder.finish(),
        invalid_bytes,
        first_invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Span;

    fn decode(bytes: &[u8], transport: Option<&str>) -> (Decoded, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let decoded = decode_html(bytes, transport, "page.html", &mut diagnostics);
        (decoded, diagnostics)
    }

    #[test]
    fn meta_charset_windows_1252_is_honoured_with_exact_offsets() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>Caf\xe9 \x93open\x94</body></html>";
        let (decoded, diagnostics) = decode(page, None);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(decoded.text.contains("Caf\u{e9} \u{201c}open\u{201d}"));
        let e_acute = decoded.text.find('\u{e9}').expect("decoded e acute");
        let span = decoded.map.span_to_input(Span::new(e_acute, e_acute + 2));
        assert_eq!(&page[span.range()], b"\xe9");
        let body = decoded.text.find("Caf").expect("body text");
        let span = decoded.map.span_to_input(Span::new(body, body + 3));
        assert_eq!(&page[span.range()], b"Caf");
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Gr\xfc\xdfe</p>";
        let (decoded, _) = decode(page, None);
        assert!(decoded.text.contains("Gr\u{fc}\u{df}e"), "{}", decoded.text);
    }

    #[test]
    fn the_transport_charset_wins_over_the_meta_tag() {
        let page = b"<meta charset=\"utf-8\"><p>na\xefve</p>";
        let (decoded, diagnostics) = decode(page, Some("iso-8859-1"));
        assert!(decoded.text.contains("na\u{ef}ve"));
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn shift_jis_maps_each_character_to_its_two_bytes() {
        // "日本" in Shift_JIS after an ASCII run.
        let page = b"<meta charset=shift_jis><p>Tokyo \x93\xfa\x96\x7b</p>";
        let (decoded, diagnostics) = decode(page, None);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let at = decoded.text.find('\u{65e5}').expect("decoded kanji");
        assert_eq!(
            decoded.map.span_to_input(Span::new(at, at + 3)),
            Span::new(at, at + 2)
        );
        assert_eq!(
            decoded.map.span_to_input(Span::new(at + 3, at + 6)),
            Span::new(at + 2, at + 4)
        );
        assert_eq!(decoded.map.output_len(), decoded.text.len());
    }

    #[test]
    fn invalid_bytes_under_a_declared_charset_are_replaced_with_one_warning() {
        let page = b"<meta charset=shift_jis><p>bad \x85\xff here</p>";
        let (decoded, diagnostics) = decode(page, None);
        assert!(decoded.text.contains('\u{FFFD}'));
        assert!(decoded.text.contains("here</p>"));
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].message.starts_with("invalid Shift_JIS ("),
            "{}",
            diagnostics[0].message
        );
    }

    #[test]
    fn byte_order_mark_wins_and_unknown_labels_are_reported() {
        let (decoded, _) = decode(b"\xff\xfeh\x00i\x00", Some("windows-1252"));
        assert_eq!(decoded.text, "hi");
        assert_eq!(decoded.map.span_to_input(Span::new(1, 2)), Span::new(4, 6));
        let (decoded, diagnostics) = decode(b"<meta charset=klingon><p>caf\xc3\xa9</p>", None);
        assert!(decoded.text.contains("caf\u{e9}"));
        assert_eq!(
            diagnostics[0].message,
            "unknown character encoding \"klingon\" in the <meta> tag: ignored"
        );
    }

    #[test]
    fn charset_parameter_of_a_content_type() {
        assert_eq!(
            charset_parameter("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_parameter("text/html;charset=utf-8"), Some("utf-8"));
        assert_eq!(charset_parameter("text/html"), None);
        assert_eq!(charset_parameter("text/html; charset="), None);
    }
}
