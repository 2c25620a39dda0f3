//! Splits a text into lines and measures the features the furniture rules look at.

use corroborate_model::text::{self, ends_like_sentence};

/// One line of an article's text with its features.
pub(crate) struct Line<'a> {
    /// Byte offset of the line's first byte.
    pub start: usize,
    /// Byte offset of the next line.
    pub next: usize,
    /// The line without surrounding whitespace.
    pub trimmed: &'a str,
    /// Byte offset of `trimmed` in the text.
    pub trimmed_start: usize,
    pub words: usize,
    pub sentence_end: bool,
    /// Starts with a list bullet (`•`, `-`, `*`, `·`, `▪`, `►`, `»`).
    pub bullet: bool,
    /// Folded text without bullet and surrounding punctuation, spaces collapsed: the key
    /// used to spot the same line elsewhere.
    pub key: String,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }
}

/// The lines of `text`, including blank ones.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, next) = match text[start..].find('\n') {
            Some(offset) => (start + offset, start + offset + 1),
            None => (text.len(), text.len()),
        };
        let content_end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        lines.push(measure(text, start, content_end, next));
        start = next;
    }
    lines
}

fn measure(text: &str, start: usize, end: usize, next: usize) -> Line<'_> {
    let raw = &text[start..end];
    let trimmed = raw.trim();
    let trimmed_start = start + (raw.len() - raw.trim_start().len());
    let bullet = trimmed.starts_with(['•', '*', '·', '▪', '►', '»', '‣', '◦'])
        || (trimmed.starts_with(['-', '–', '—']) && trimmed[1..].starts_with(' '))
        || trimmed.starts_with("- ");
    Line {
        start,
        next,
        trimmed,
        trimmed_start,
        words: text::count_words(trimmed),
        sentence_end: ends_like_sentence(trimmed),
        bullet,
        key: line_key(trimmed),
    }
}

/// Folds a line for comparison: lower case, unified punctuation, no bullet, no surrounding
/// punctuation, single spaces.
pub(crate) fn line_key(line: &str) -> String {
    let folded = text::fold(line);
    let core = folded.trim_matches(|c: char| !c.is_alphanumeric());
    let mut key = String::with_capacity(core.len());
    for part in core.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(part);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_and_features() {
        let text = "Head line\r\n\n• Related story\nShe said yes.";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].trimmed, "Head line");
        assert_eq!(lines[1].start, 11);
        assert!(lines[1].is_blank());
        assert!(lines[2].bullet);
        assert_eq!(lines[2].key, "related story");
        assert!(lines[3].sentence_end);
        assert_eq!(lines[3].next, text.len());
    }
}
