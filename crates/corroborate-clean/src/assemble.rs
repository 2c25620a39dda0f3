//! Builds the cleaned text from the kept lines, joining broken words, and records removals.

use corroborate_model::{Article, CleanText, Diagnostic, OffsetMapBuilder, Removal, Span};

use crate::CleanContext;
use crate::furniture::classify;
use crate::hyphenation::{broken_word_start, continuation_word, should_join};
use crate::lines::{Line, split_lines};

/// What cleaning does.
#[derive(Clone, Debug)]
pub struct CleanConfig {
    /// Remove page furniture lines (each removal is reported).
    pub remove_furniture: bool,
    /// Join words broken by a hyphen at a line end.
    pub join_broken_words: bool,
}

impl Default for CleanConfig {
    fn default() -> CleanConfig {
        CleanConfig {
            remove_furniture: true,
            join_broken_words: true,
        }
    }
}

/// Cleans one article. `context` describes the whole batch (see [`CleanContext::new`]).
///
/// The cleaned text is the input with furniture lines (and their line breaks) removed and
/// broken words joined; every other byte is kept as written, so the offset map is exact.
pub fn clean(
    article: &Article,
    context: &CleanContext,
    config: &CleanConfig,
) -> (CleanText, Vec<Diagnostic>) {
    let text = article.text.as_str();
    let lines = split_lines(text);
    let reasons = if config.remove_furniture {
        classify(&lines, context)
    } else {
        vec![None; lines.len()]
    };
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMapBuilder::new();
    let mut removed = Vec::new();
    // After a broken word is joined, the line (index) where copying resumes and the offset
    // it resumes at; the blank lines in between are dropped with the line break.
    let mut resume: Option<(usize, usize)> = None;
    for (index, line) in lines.iter().enumerate() {
        if let Some(reason) = reasons[index] {
            let span = Span::new(line.trimmed_start, line.trimmed_start + line.trimmed.len());
            removed.push(Removal {
                span: article.origin.span_to_input(span),
                text: line.trimmed.to_string(),
                reason,
            });
            continue;
        }
        let start = match resume {
            Some((resume_line, _)) if index < resume_line => continue,
            Some((_, offset)) => {
                resume = None;
                offset
            }
            None => line.start,
        };
        let join = config
            .join_broken_words
            .then(|| joined_continuation(&lines, &reasons, index, context))
            .flatten();
        match join {
            Some((hyphen_at, next_line, next_start)) => {
                push(&mut out, &mut map, text, start, hyphen_at);
                resume = Some((next_line, next_start));
            }
            None => push(&mut out, &mut map, text, start, line.next),
        }
    }
    let map = article.origin.compose(&map.finish());
    let mut diagnostics = Vec::new();
    if out.trim().is_empty() {
        diagnostics.push(Diagnostic::warning(
            &article.input,
            "no reporting text left after cleaning",
        ));
    }
    (
        CleanText {
            article: article.clone(),
            text: out,
            map,
            removed,
        },
        diagnostics,
    )
}

/// When line `index` ends with a word broken by a hyphen that continues on the next kept
/// line, returns the hyphen's offset, the continuing line's index and where its text starts.
fn joined_continuation(
    lines: &[Line<'_>],
    reasons: &[Option<corroborate_model::RemovalReason>],
    index: usize,
    context: &CleanContext,
) -> Option<(usize, usize, usize)> {
    let line = &lines[index];
    let left = broken_word_start(line.trimmed)?;
    let next_index =
        (index + 1..lines.len()).find(|&at| reasons[at].is_none() && !lines[at].is_blank())?;
    let next = &lines[next_index];
    let right = continuation_word(next.trimmed)?;
    if !should_join(left, right, context) {
        return None;
    }
    let hyphen_at = line.trimmed_start + line.trimmed.len() - 1;
    Some((hyphen_at, next_index, next.trimmed_start))
}

fn push(out: &mut String, map: &mut OffsetMapBuilder, text: &str, start: usize, end: usize) {
    map.copy(start, end - start);
    out.push_str(&text[start..end]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{ArticleId, OffsetMap};

    fn article(text: &str) -> Article {
        Article {
            id: ArticleId::new("t.txt"),
            input: "t.txt".into(),
            title: None,
            outlet: None,
            published: None,
            text: text.to_string(),
            origin: OffsetMap::shifted(5, text.len()),
        }
    }

    fn clean_one(text: &str) -> CleanText {
        let article = article(text);
        let context = CleanContext::new(std::slice::from_ref(&article));
        clean(&article, &context, &CleanConfig::default()).0
    }

    #[test]
    fn broken_word_is_joined_across_a_blank_line() {
        let clean = clean_one("Votes in Westmin-\n\nster's lobby. Westminster is quiet.\n");
        assert_eq!(
            clean.text,
            "Votes in Westminster's lobby. Westminster is quiet.\n"
        );
        // "ster's" maps back to its own input bytes, after the blank line (input starts at 5).
        let at = clean.text.find("ster's").expect("joined");
        assert_eq!(
            clean.input_span(Span::new(at, at + 6)),
            Span::new(5 + 19, 5 + 25)
        );
    }

    #[test]
    fn real_compound_keeps_its_hyphen_and_line_break() {
        let text = "The by-\nelection was called. A by-election is rare.\n";
        assert_eq!(clean_one(text).text, text);
    }

    #[test]
    fn removed_lines_are_reported_with_input_offsets() {
        let clean = clean_one("Headline\nVideo unavailable\nBody text here.\n");
        assert_eq!(clean.text, "Headline\nBody text here.\n");
        assert_eq!(clean.removed.len(), 1);
        assert_eq!(clean.removed[0].span, Span::new(5 + 9, 5 + 26));
        assert_eq!(clean.removed[0].text, "Video unavailable");
        let at = clean.text.find("Body").expect("kept");
        assert_eq!(
            clean.input_span(Span::new(at, at + 4)),
            Span::new(5 + 27, 5 + 31)
        );
    }

    #[test]
    fn cleaning_twice_changes_nothing() {
        let text = "Bridge reopens\nAdvertisement\nThe bridge reo-\npened on Monday.\nRead more\n• Other story here\n\nIt cost 4.5 million.\n";
        let once = clean_one(text);
        let twice = clean_one(&once.text);
        assert_eq!(twice.text, once.text);
        assert!(twice.removed.is_empty());
    }
}
