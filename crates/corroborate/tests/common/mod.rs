//! Checks shared by the pipeline tests: every statement of a brief points at real bytes.

use corroborate::model::{Brief, SourceId, Span};

/// Collapses whitespace and drops a hyphen that ends a line inside a word, so a summary
/// sentence can be compared with the input bytes its evidence points at whether the cleaner
/// joined the broken word (`constitu-` / `ency`) or kept the compound (`by-` / `election`).
pub fn normalise(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = collapsed.chars().collect();
    let mut out = String::with_capacity(collapsed.len());
    let mut index = 0;
    while index < chars.len() {
        let broken = chars[index] == '-'
            && index > 0
            && chars[index - 1].is_alphabetic()
            && chars.get(index + 1) == Some(&' ')
            && chars.get(index + 2).is_some_and(|c| c.is_lowercase());
        if broken {
            index += 2;
            continue;
        }
        out.push(chars[index]);
        index += 1;
    }
    out
}

/// The bytes of `span` with the furniture removed from inside it (a sentence of
/// hard-wrapped text can run across a removed caption line).
fn without_removed(brief: &Brief, source: SourceId, span: Span, bytes: &[u8]) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut at = span.start();
    let mut removals: Vec<Span> = brief
        .removed
        .iter()
        .filter(|item| item.source == source && span.contains_span(item.span))
        .map(|item| item.span)
        .collect();
    removals.sort();
    for removal in removals {
        kept.extend_from_slice(&bytes[at..removal.start()]);
        at = removal.end();
    }
    kept.extend_from_slice(&bytes[at..span.end()]);
    kept
}

/// Asserts that every summary sentence and removal of `brief` points inside its source's
/// input bytes, and that each summary sentence is the text at one of its evidence spans.
pub fn assert_traceable(brief: &Brief, inputs: &[Vec<u8>], case: &str) {
    assert_eq!(
        brief.sources.len(),
        inputs.len(),
        "{case}: one source per input"
    );
    for sentence in &brief.summary {
        assert!(
            !sentence.sources.is_empty(),
            "{case}: summary sentence without a source: {}",
            sentence.text
        );
        assert_eq!(
            sentence.sources.len(),
            sentence.evidence.len(),
            "{case}: one evidence per cited source"
        );
        let mut verbatim = false;
        for evidence in &sentence.evidence {
            let bytes = &inputs[evidence.source.index()];
            assert!(
                evidence.span.end() <= bytes.len(),
                "{case}: evidence {:?} outside {}",
                evidence.span,
                evidence.source
            );
            let passage = &bytes[evidence.span.range()];
            if std::str::from_utf8(bytes).is_ok() {
                assert!(
                    std::str::from_utf8(passage).is_ok(),
                    "{case}: evidence {:?} cuts a character",
                    evidence.span
                );
            }
            let kept = without_removed(brief, evidence.source, evidence.span, bytes);
            verbatim |= normalise(&String::from_utf8_lossy(&kept)) == normalise(&sentence.text);
        }
        assert!(
            verbatim,
            "{case}: no evidence span holds the summary sentence {:?}",
            sentence.text
        );
    }
    for item in &brief.removed {
        let bytes = &inputs[item.source.index()];
        let removed = String::from_utf8_lossy(&bytes[item.span.range()]);
        assert_eq!(
            removed, item.text,
            "{case}: removed span does not hold the removed text"
        );
    }
}
