//! Turns input bytes into text, lossily when they are not UTF-8, with an offset map back.

use corroborate_model::{Diagnostic, OffsetMap, OffsetMapBuilder};

/// Decoded text, its map to the input bytes, and how many invalid bytes were replaced.
pub struct Decoded {
    pub text: String,
    pub map: OffsetMap,
    pub invalid_bytes: usize,
    pub first_invalid: Option<usize>,
}

/// True when the bytes look like a binary file: a NUL byte near the start, or mostly
/// control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|byte| byte.is_ascii_control() && !matches!(byte, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// Decodes an input's bytes: a UTF-8 byte-order mark is dropped (offsets still count it),
/// invalid UTF-8 is replaced and reported as a warning naming the input.
pub fn decode_input(bytes: &[u8], input: &str, diagnostics: &mut Vec<Diagnostic>) -> Decoded {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let decoded = decode_lossy(&bytes[bom..], bom);
    if decoded.invalid_bytes > 0 {
        diagnostics.push(Diagnostic::warning(
            input,
            format!(
                "invalid UTF-8 ({} bytes, the first at byte {}): decoded with replacement characters",
                decoded.invalid_bytes,
                decoded.first_invalid.unwrap_or_default()
            ),
        ));
    }
    decoded
}

/// Decodes `bytes` as UTF-8, replacing each invalid sequence by U+FFFD.
pub fn decode_lossy(bytes: &[u8], input_offset: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut builder = OffsetMapBuilder::new();
    let mut at = input_offset;
    let mut invalid_bytes = 0;
    let mut first_invalid = None;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        builder.copy(at, valid.len());
        at += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            first_invalid.get_or_insert(at);
            text.push('\u{FFFD}');
            builder.replace(at, invalid.len(), '\u{FFFD}'.len_utf8());
            at += invalid.len();
            invalid_bytes += invalid.len();
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

    #[test]
    fn invalid_byte_maps_back_to_itself() {
        let decoded = decode_lossy(b"ab\xffcd", 0);
        assert_eq!(decoded.text, "ab\u{FFFD}cd");
        assert_eq!(decoded.invalid_bytes, 1);
        assert_eq!(decoded.map.span_to_input(Span::new(5, 7)), Span::new(3, 5));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("Plain text, caf\u{e9}.\n".as_bytes()));
    }
}
