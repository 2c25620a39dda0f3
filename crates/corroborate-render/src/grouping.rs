//! Orders what every rendering shows the same way: quotes grouped by speaker.

use corroborate_model::{
    Brief, BriefFact, BriefQuote, CopyGroup, FactCheck, FactStatus, FactValue, Qualifier, SourceId,
    When,
};

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

/// The facts a reading rendering shows: disputed ones, then those several sources agree on
/// (single-source figures stay in the JSON).
pub(crate) fn shown_facts(brief: &Brief) -> Vec<&BriefFact> {
    brief
        .facts
        .iter()
        .filter(|fact| fact.comparable && fact.status != FactStatus::SingleSource)
        .collect()
}

/// `Niamh Calloway: votes`, `majority (2019)`.
pub(crate) fn fact_label(fact: &BriefFact) -> String {
    let mut label = match &fact.subject {
        Some(subject) => format!("{subject}: {}", fact.property),
        None => fact.property.clone(),
    };
    if let Some(scope) = &fact.scope {
        label.push_str(&format!(" ({scope})"));
    }
    label
}

/// `14,873 (4 sources, 3 independent; consistent with the checks)`.
pub(crate) fn value_note(value: &FactValue) -> String {
    let mut note = format!(
        "{}, {} independent",
        count_sources(value.sources.len()),
        value.independent_sources
    );
    if value.qualifier != Qualifier::Exact {
        note.push_str(&format!(", {}", value.qualifier.as_str()));
    }
    match value.consistent {
        Some(true) => note.push_str("; fits the checks"),
        Some(false) => note.push_str("; contradicted by the checks"),
        None => {}
    }
    note
}

/// `S2 and S3 print the same copy (53% of the shorter text)`.
pub(crate) fn copy_note(group: &CopyGroup) -> String {
    let ids: Vec<String> = group.sources.iter().map(ToString::to_string).collect();
    format!(
        "{} carry the same copy ({:.0}% of the shorter text shared); they count once as independent support",
        ids.join(", "),
        group.overlap * 100.0
    )
}

/// A check's verdict (`holds`/`fails`) and its explanation; an explanation this rendering
/// has already given reads `as explained above`.
pub(crate) fn check_words<'a>(
    check: &'a FactCheck,
    explained: &mut Vec<&'a str>,
) -> (&'static str, &'a str) {
    let verdict = if check.holds { "holds" } else { "fails" };
    if explained.contains(&check.explanation.as_str()) {
        return (verdict, "as explained above");
    }
    explained.push(&check.explanation);
    (verdict, &check.explanation)
}

/// `S2 (meridian-press-wire.txt)`: a source as the additions section names it, by its
/// outlet when known, else its input.
pub(crate) fn source_name(brief: &Brief, source: SourceId) -> String {
    let name = brief
        .sources
        .iter()
        .find(|known| known.id == source)
        .map(|known| {
            known.outlet.clone().unwrap_or_else(|| {
                known
                    .input
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or(&known.input)
                    .to_string()
            })
        })
        .unwrap_or_default();
    format!("{source} ({name})")
}

/// A timeline date as a reader sees it: `2024-03-15`, or `Tuesday (date unknown)`.
pub(crate) fn timeline_date(when: &When) -> String {
    match when {
        When::Date(date) => date.to_string(),
        When::Relative {
            label,
            around: None,
        } => format!("{label} (date unknown)"),
        When::Relative { label, .. } => label.clone(),
    }
}
