//! JSON-LD as pages embed it: scripts repaired (comments, CDATA, trailing commas), items
//! flattened out of arrays and `@graph`, references by `@id` resolved.

use serde_json::Value;

use super::dom::squash_whitespace;

/// The JSON-LD items of a page, flattened (arrays and `@graph` lists opened).
pub(crate) struct JsonLd {
    items: Vec<Value>,
}

impl JsonLd {
    pub(crate) fn parse(scripts: &[String]) -> JsonLd {
        let mut items = Vec::new();
        for script in scripts {
            // Pages wrap JSON-LD in comments or CDATA and leave raw line breaks in strings;
            // both are repaired before parsing, and a script that still fails is ignored.
            let cleaned: String = script
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .replace("//<![CDATA[", "")
                .replace("//]]>", "")
                .chars()
                .map(|character| {
                    if character.is_control() {
                        ' '
                    } else {
                        character
                    }
                })
                .collect();
            let parsed = serde_json::from_str::<Value>(cleaned.trim())
                .or_else(|_| serde_json::from_str::<Value>(&drop_trailing_commas(&cleaned)));
            if let Ok(value) = parsed {
                flatten(value, &mut items, 0);
            }
        }
        JsonLd { items }
    }

    /// The item describing the article: an `Article` type, else a `WebPage`.
    pub(crate) fn article(&self) -> Option<&Value> {
        self.items
            .iter()
            .find(|item| has_type(item, is_article_type))
            .or_else(|| {
                self.items
                    .iter()
                    .find(|item| has_type(item, |kind| kind.ends_with("WebPage")))
            })
    }

    /// An item referred to by `{"@id": ...}`, or the value itself when it is not a reference.
    pub(crate) fn resolve<'v>(&'v self, value: &'v Value) -> &'v Value {
        if let Some(object) = value.as_object()
            && object.len() == 1
            && let Some(id) = object.get("@id").and_then(Value::as_str)
        {
            return self
                .items
                .iter()
                .find(|item| item.get("@id").and_then(Value::as_str) == Some(id))
                .unwrap_or(value);
        }
        value
    }

    pub(crate) fn publisher_name(&self, article: &Value) -> Option<String> {
        let publisher = self.resolve(article.get("publisher")?);
        let publisher = match publisher {
            Value::Array(list) => self.resolve(list.first()?),
            other => other,
        };
        let name = match publisher {
            Value::String(name) => name.as_str(),
            other => other.get("name")?.as_str()?,
        };
        Some(squash_whitespace(name)).filter(|name| !name.is_empty())
    }
}

/// Removes commas that close a list or an object (`[1, 2, ]`), which hand-written JSON-LD
/// often has and JSON forbids; strings are left alone.
fn drop_trailing_commas(json: &str) -> String {
    let mut repaired = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma: Option<usize> = None;
    for character in json.chars() {
        if in_string {
            repaired.push(character);
            if escaped {
                escaped = false;
            } else if character == '\\' {
                escaped = true;
            } else if character == '"' {
                in_string = false;
            }
            continue;
        }
        match character {
            ']' | '}' => {
                if let Some(at) = pending_comma.take() {
                    repaired.remove(at);
                }
            }
            ',' => {
                pending_comma = Some(repaired.len());
                repaired.push(character);
                continue;
            }
            '"' => in_string = true,
            _ => {}
        }
        if !character.is_whitespace() {
            pending_comma = None;
        }
        repaired.push(character);
    }
    repaired
}

fn flatten(value: Value, items: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(list) => {
            for item in list {
                flatten(item, items, depth + 1);
            }
        }
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten(graph, items, depth + 1);
            }
            if let Some(main_entity) = object.get("mainEntity")
                && main_entity.is_object()
            {
                items.push(main_entity.clone());
            }
            if !object.is_empty() {
                items.push(Value::Object(object));
            }
        }
        _ => {}
    }
}

pub(crate) fn has_type(item: &Value, test: impl Fn(&str) -> bool) -> bool {
    match item.get("@type") {
        Some(Value::String(kind)) => test(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(test),
        _ => false,
    }
}

fn is_article_type(kind: &str) -> bool {
    kind.ends_with("Article")
        || matches!(
            kind,
            "BlogPosting" | "LiveBlogPosting" | "SocialMediaPosting" | "Report" | "Review"
        )
}

pub(crate) fn string_field<'v>(item: &'v Value, key: &str) -> Option<&'v str> {
    match item.get(key)? {
        Value::String(text) => Some(text.as_str()),
        Value::Array(list) => list.first()?.as_str(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_commas_are_repaired() {
        assert_eq!(
            drop_trailing_commas(r#"{"a": [1, 2, ], "b": "x, ]", }"#),
            r#"{"a": [1, 2 ], "b": "x, ]" }"#
        );
    }
}
