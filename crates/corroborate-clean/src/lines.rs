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
    /// used to spot the same line elsewhere. Empty for lines longer than
    /// [`MAX_KEYED_WORDS`], which are compared as written.
    pub key: String,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }

    /// What two lines must share to be the same line: the folded key of a short line, the
    /// exact text of a longer one.
    pub fn comparison_text(&self) -> &str {
        if self.key.is_empty() {
            self.trimmed
        } else {
            &self.key
        }
    }
}

/// Lines longer than this are compared as written, not folded: furniture recurring in
/// other articles is short, and a long paragraph repeats verbatim.
pub(crate) const MAX_KEYED_WORDS: usize = 25;

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
    let words = text::count_words(trimmed);
    let bullet = trimmed.starts_with(['•', '*', '·', '▪', '►', '»', '‣', '◦'])
        || trimmed
            .strip_prefix(['-', '–', '—'])
            .is_some_and(|rest| rest.starts_with(' '));
    Line {
        start,
        next,
        trimmed,
        trimmed_start,
        words,
        sentence_end: ends_like_sentence(trimmed),
        bullet,
        key: if words <= MAX_KEYED_WORDS {
            line_key(trimmed)
        } else {
            String::new()
        },
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
        let text = "Head line\r\n\n• Related story\nShe said yes.\n\u{2014} Staff reporter";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 5);
        assert!(lines[4].bullet, "a dash and a space open a list item");
        assert_eq!(lines[0].trimmed, "Head line");
        assert_eq!(lines[1].start, 11);
        assert!(lines[1].is_blank());
        assert!(lines[2].bullet);
        assert_eq!(lines[2].key, "related story");
        assert!(lines[3].sentence_end);
        assert_eq!(lines[4].next, text.len());
    }
}
