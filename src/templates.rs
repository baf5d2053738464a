//! Report templates: the text `incident new` writes and the section schema
//! `incident check` enforces, both from one YAML file in `templates/`.
//!
//! The built-in templates are embedded in the binary, so an installed
//! `incident` needs no repository around it.

use std::sync::OnceLock;

use serde::Deserialize;

/// A template: its schema and its body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Template {
    /// The name `--template` and `.incident.yml` use (`jwt-pizza`).
    pub name: String,
    /// One line for `incident templates list`.
    pub description: String,
    /// The sections, in the order the report should have them.
    pub sections: Vec<SectionSpec>,
    /// The minijinja text that `incident new` renders.
    pub body: String,
    /// Normalized names and aliases → section index, built on first use.
    #[serde(skip)]
    lookup: OnceLock<Vec<(String, usize)>>,
}

/// One section of a template's schema.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SectionSpec {
    /// The canonical name (`Root cause`).
    pub name: String,
    /// Other headings that count as this section (`Root Cause Analysis`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether `missing-section` and `empty-section` apply.
    #[serde(default = "yes")]
    pub required: bool,
    /// The heading level the section belongs at.
    #[serde(default = "two")]
    pub level: u8,
    /// Guidance text that `new` writes under the heading; left in a report
    /// it is a `template-placeholder`.
    #[serde(default)]
    pub guidance: Option<String>,
}

fn yes() -> bool {
    true
}

fn two() -> u8 {
    2
}

/// The name of the template used when nothing else is chosen.
pub const DEFAULT_TEMPLATE: &str = "jwt-pizza";

/// The YAML of every built-in template, in `templates list` order.
const BUILTIN_SOURCES: &[(&str, &str)] =
    &[("jwt-pizza", include_str!("../templates/jwt-pizza.yml"))];

/// The built-in templates, parsed once.
pub fn builtins() -> &'static [Template] {
    static BUILTINS: OnceLock<Vec<Template>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .map(|(name, yaml)| match Template::from_yaml(yaml) {
                Ok(template) => template,
                // The built-ins are tested; a broken one is a bug in this crate.
                Err(err) => panic!("built-in template {name} is invalid: {err}"),
            })
            .collect()
    })
}

/// Finds a built-in template by name.
pub fn builtin(name: &str) -> Option<&'static Template> {
    builtins().iter().find(|t| t.name == name)
}

impl Template {
    /// Parses a template file.
    pub fn from_yaml(yaml: &str) -> Result<Template, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(yaml)
    }

    /// The index of the schema section that a heading's text names, if any.
    /// Matching ignores case, emphasis, numbering, a trailing colon and a
    /// trailing parenthetical (`3. Root Cause (RCA):` is Root cause).
    pub fn section_for(&self, heading: &str, extra_aliases: &[(String, String)]) -> Option<usize> {
        // Headings are short; a long line is never a section name.
        if heading.len() > 80 {
            return None;
        }
        let key = normalize_heading(heading);
        if key.is_empty() {
            return None;
        }
        let lookup = self.lookup.get_or_init(|| {
            self.sections
                .iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    std::iter::once(&s.name)
                        .chain(&s.aliases)
                        .map(move |n| (normalize_heading(n), i))
                })
                .collect()
        });
        lookup
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, i)| *i)
            .or_else(|| {
                extra_aliases
                    .iter()
                    .find(|(alias, _)| normalize_heading(alias) == key)
                    .and_then(|(_, section)| {
                        let section = normalize_heading(section);
                        lookup.iter().find(|(k, _)| *k == section).map(|(_, i)| *i)
                    })
            })
    }
}

/// Reduces a heading to a comparable key: lower case, words separated by
/// single spaces, without numbering, emphasis, trailing colon or parenthetical.
pub fn normalize_heading(text: &str) -> String {
    let mut text = text.trim();
    // A trailing parenthetical: "Timeline (UTC)".
    if text.ends_with(')') {
        if let Some(open) = text.rfind('(') {
            if open > 0 {
                text = &text[..open];
            }
        }
    }
    // Leading numbering: "3.", "3)", "III.", "Section 3:" is left alone.
    let text = text
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim_start();
    let mut key = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ';' && c != '&'))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key.trim_end_matches(':').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses() {
        assert!(!builtins().is_empty());
        for t in builtins() {
            assert!(!t.sections.is_empty(), "{} has no sections", t.name);
        }
    }

    #[test]
    fn headings_match_names_and_aliases() {
        let t = builtin(DEFAULT_TEMPLATE).unwrap();
        let idx = |h: &str| t.section_for(h, &[]).map(|i| t.sections[i].name.as_str());
        assert_eq!(idx("Root Cause"), Some("Root cause"));
        assert_eq!(idx("ROOT CAUSE ANALYSIS"), Some("Root cause"));
        assert_eq!(idx("3. Root cause:"), Some("Root cause"));
        assert_eq!(idx("Timeline (UTC)"), Some("Timeline"));
        assert_eq!(idx("**Action Items**"), Some("Action items"));
        assert_eq!(idx("Follow-ups"), Some("Action items"));
        assert_eq!(idx("Lessons learned"), None);
        let extra = [("What went wrong".to_string(), "Root cause".to_string())];
        assert_eq!(
            t.section_for("What went wrong", &extra)
                .map(|i| t.sections[i].name.as_str()),
            Some("Root cause")
        );
    }
}
