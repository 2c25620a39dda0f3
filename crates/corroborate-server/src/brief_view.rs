//! A stored brief read back for the story page: the public JSON structs of
//! `corroborate-render`, plus the sections newer briefs carry (`timeline`, `additions`),
//! read leniently so briefs written before or after them both show.

use corroborate_render::JsonBrief;
use serde::Deserialize;
use serde_json::Value;

/// A brief as the story page shows it.
#[derive(Debug)]
pub struct BriefView {
    pub brief: JsonBrief,
    pub timeline: Vec<TimelineEntry>,
    pub additions: Vec<Addition>,
}

/// One dated event of the story.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TimelineEntry {
    /// The date as the brief gives it: a string, or an object whose fields name it.
    pub when: Value,
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

/// How a timeline date reads: the string itself, or the first of the usual naming fields
/// of an object (`display`, `text`, `date`, `value`), else the compact JSON.
pub fn when_text(when: &Value) -> String {
    match when {
        Value::String(text) => text.clone(),
        Value::Null => "undated".to_string(),
        Value::Object(fields) => ["display", "text", "date", "value", "expression"]
            .iter()
            .find_map(|key| fields.get(*key).and_then(Value::as_str))
            .map_or_else(|| when.to_string(), str::to_string),
        other => other.to_string(),
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
            r#""removed":[],"timeline":[{"when":{"display":"15 March 2024","precision":"day"},
               "text":"The count ended.","sources":["S1"],"evidence":[{"source":"S1","start":3,"end":9}]}],
               "additions":[{"source":"S2","items":[{"text":"Only here.","evidence":[]}]}]"#,
            1,
        );
        let view = BriefView::parse(&json).expect("brief");
        assert_eq!(when_text(&view.timeline[0].when), "15 March 2024");
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
