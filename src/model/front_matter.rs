//! Optional YAML front matter (`---` … `---`) at the top of a report.

use chrono::{DateTime, Utc};
use serde_yaml_ng::Value;

use crate::document::{Document, Span};

/// What the front matter states. Every field is optional; problems found
/// while reading it are kept in `errors` for the rules to report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct FrontMatter {
    /// The whole block, if there is one.
    pub span: Option<Span>,
    pub severity: Option<String>,
    pub status: Option<String>,
    pub authors: Vec<String>,
    /// The template the report was made from (`template: google-sre`).
    pub template: Option<String>,
    pub started: Option<DateTime<Utc>>,
    pub detected: Option<DateTime<Utc>>,
    pub mitigated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    /// Values that could not be read: (key, what is wrong).
    pub errors: Vec<(String, String)>,
}

impl FrontMatter {
    pub fn read(doc: &Document) -> FrontMatter {
        let Some(block) = &doc.front_matter else {
            return FrontMatter::default();
        };
        let mut fm = FrontMatter {
            span: Some(block.span.clone()),
            ..FrontMatter::default()
        };
        let yaml = doc.text(&block.yaml_span);
        let map = match serde_yaml_ng::from_str::<Value>(yaml) {
            Ok(Value::Mapping(map)) => map,
            Ok(Value::Null) => return fm,
            Ok(_) => {
                fm.errors.push((
                    String::new(),
                    "front matter is not a mapping of keys to values".into(),
                ));
                return fm;
            }
            Err(err) => {
                fm.errors.push((
                    String::new(),
                    format!("front matter is not valid YAML: {err}"),
                ));
                return fm;
            }
        };
        for (key, value) in &map {
            let Some(key) = key.as_str() else { continue };
            let text = scalar(value);
            match key {
                "severity" => fm.severity = text,
                "status" => fm.status = text,
                "template" => fm.template = text,
                "authors" | "author" => {
                    fm.authors = match value {
                        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
                        _ => text.into_iter().collect(),
                    }
                }
                "started" | "detected" | "mitigated" | "resolved" => {
                    let parsed = text.as_deref().map(parse_utc);
                    let slot = match key {
                        "started" => &mut fm.started,
                        "detected" => &mut fm.detected,
                        "mitigated" => &mut fm.mitigated,
                        _ => &mut fm.resolved,
                    };
                    match parsed {
                        Some(Ok(at)) => *slot = Some(at),
                        Some(Err(problem)) => fm.errors.push((key.to_string(), problem)),
                        None => {}
                    }
                }
                _ => {}
            }
        }
        fm
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses an ISO 8601 date-time with `Z` or an offset and converts it to UTC.
fn parse_utc(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|dt| dt.with_timezone(&Utc))
        .map_err(|_| {
            format!("`{text}` is not an ISO 8601 date-time with a zone (e.g. 2025-10-14T08:41:00Z)")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_errors() {
        let doc = Document::parse(
            "---\nseverity: SEV-2\nauthors: [Ana, Bo]\nstarted: 2025-10-14T08:41:00Z\nresolved: yesterday\n---\n# x\n"
                .to_string(),
        );
        let fm = FrontMatter::read(&doc);
        assert_eq!(fm.severity.as_deref(), Some("SEV-2"));
        assert_eq!(fm.authors, ["Ana", "Bo"]);
        assert_eq!(
            fm.started.unwrap().to_rfc3339(),
            "2025-10-14T08:41:00+00:00"
        );
        assert_eq!(fm.errors.len(), 1);
        assert_eq!(fm.errors[0].0, "resolved");
    }
}
