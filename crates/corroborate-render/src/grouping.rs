//! Orders what every rendering shows the same way: quotes grouped by speaker.

use corroborate_model::{Brief, BriefQuote};

/// Quotes grouped by speaker, speakers in order of their most carried quote; quotes with no
/// known speaker come last under `None`.
pub(crate) fn quotes_by_speaker(brief: &Brief) -> Vec<(Option<&str>, Vec<&BriefQuote>)> {
    let mut groups: Vec<(Option<&str>, Vec<&BriefQuote>)> = Vec::new();
    for quote in &brief.quotes {
        let speaker = quote.speaker.as_deref();
        match groups.iter_mut().find(|(name, _)| *name == speaker) {
            Some((_, quotes)) => quotes.push(quote),
            None => groups.push((speaker, vec![quote])),
        }
    }
    groups.sort_by_key(|(speaker, _)| speaker.is_none());
    groups
}

/// "1 source" / "3 sources".
pub(crate) fn count_sources(count: usize) -> String {
    if count == 1 {
        "1 source".to_string()
    } else {
        format!("{count} sources")
    }
}
