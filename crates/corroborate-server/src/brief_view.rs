//! A stored brief read back for the story page: the public JSON structs of
//! `corroborate-render`, plus the sections newer briefs carry (`timeline`, `additions`),
//! read leniently so briefs written before or after them both show.

use corroborate_render::{JsonBrief, JsonEvidence};
use serde::Deserialize;
use serde_json::Value;

/// A brief as the story page shows it.
#[derive(Debug)]
pub struct BriefView {
    pub brief: JsonBrief,
    pub timeline: Vec<TimelineEntry>,
    pub additions: Vec<Addition>,
}

/// One dated event of the story (`JsonTimelineEntry` on main: `date` is `2024-03-15`,
/// `2024-03` or `2024` by `precision`, or the words of a date that could not be placed when
/// `precision` is `relative`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TimelineEntry {
    pub date: Option<String>,
    pub precision: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// What one source alone reports.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Addition {
    pub source: String,
    pub items: Vec<AdditionItem>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdditionItem {
    pub text: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub source: String,
    pub start: usize,
    pub end: usize,
}

impl BriefView {
    /// Reads a stored brief; `None` when it is not a brief at all.
    pub fn parse(json: &str) -> Option<BriefView> {
        // Briefs written by this version read straight into the public structs; building a
        // `Value` first costs several times more on a brief of hundreds of sources.
        if let Ok(mut brief) = serde_json::from_str::<JsonBrief>(json) {
            let timeline = std::mem::take(&mut brief.timeline)
                .into_iter()
                .map(|entry| TimelineEntry {
                    date: Some(entry.date),
                    precision: Some(entry.precision),
                    text: entry.text,
                    sources: entry.sources,
                    evidence: entry.evidence.into_iter().map(Evidence::from).collect(),
                })
                .collect();
            let additions = std::mem::take(&mut brief.additions)
                .into_iter()
                .map(|addition| Addition {
                    source: addition.source,
                    items: addition
                        .items
                        .into_iter()
                        .map(|item| AdditionItem {
                            text: item.text,
                            evidence: item.evidence.into_iter().map(Evidence::from).collect(),
                        })
                        .collect(),
                })
                .collect();
            return Some(BriefView {
                brief,
                timeline,
                additions,
            });
        }
        let mut value: Value = serde_json::from_str(json).ok()?;
        let object = value.as_object_mut()?;
        let timeline = object
            .get("timeline")
            .and_then(|section| Vec::<TimelineEntry>::deserialize(section).ok())
            .unwrap_or_default();
        let additions = object
            .get("additions")
            .and_then(|section| Vec::<Addition>::deserialize(section).ok())
            .unwrap_or_default();
        // Briefs written before these sections existed lack them; the public struct may
        // require them, so they are given as empty.
        for key in ["timeline", "additions"] {
            object
                .entry(key)
                .or_insert_with(|| Value::Array(Vec::new()));
        }
        let brief = JsonBrief::deserialize(&value).ok()?;
        Some(BriefView {
            brief,
            timeline,
            additions,
        })
    }
}

impl From<JsonEvidence> for Evidence {
    fn from(span: JsonEvidence) -> Self {
        Evidence {
            source: span.source,
            start: span.start,
            end: span.end,
        }
    }
}

/// How a timeline date reads: the date as given, `undated` without one.
pub fn date_text(entry: &TimelineEntry) -> String {
    match (&entry.date, entry.precision.as_deref()) {
        (Some(date), Some("relative")) => format!("\u{201c}{date}\u{201d}"),
        (Some(date), _) => date.clone(),
        (None, _) => "undated".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BARE: &str = r#"{"schema":"corroborate/brief/v1","title":"T","sources":[],"summary":[],
        "entities":[],"quotes":[],"facts":[],"copies":[],"removed":[]}"#;

    #[test]
    fn a_brief_without_the_newer_sections_reads() {
        let view = BriefView::parse(BARE).expect("brief");
        assert_eq!(view.brief.title, "T");
        assert!(view.timeline.is_empty() && view.additions.is_empty());
    }

    #[test]
    fn timeline_and_additions_are_read_when_present() {
        let json = BARE.replacen(
            "\"removed\":[]",
            r#""removed":[],"timeline":[{"date":"2024-03-15","precision":"day",
               "text":"The count ended.","sources":["S1"],"evidence":[{"source":"S1","start":3,"end":9}]}],
               "additions":[{"source":"S2","items":[{"text":"Only here.","evidence":[]}]}]"#,
            1,
        );
        let view = BriefView::parse(&json).expect("brief");
        assert_eq!(date_text(&view.timeline[0]), "2024-03-15");
        assert_eq!(view.timeline[0].evidence[0].end, 9);
        assert_eq!(view.additions[0].items[0].text, "Only here.");
    }

    #[test]
    fn not_a_brief_is_none() {
        assert!(BriefView::parse("[1,2]").is_none());
        assert!(BriefView::parse("{\"title\": 3}").is_none());
        assert!(BriefView::parse("").is_none());
    }
}
