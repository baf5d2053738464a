//! `.incident.yml`: which template, rule severities, section aliases, and
//! which files to check. Found by walking up from the current directory.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::{self, Family, Rule};
use crate::templates::{self, Template};

/// The configuration file's name.
pub const FILE_NAME: &str = ".incident.yml";

/// The contents of `.incident.yml`.
///
/// ```yaml
/// template: jwt-pizza          # for reports that do not record theirs
/// templates_dir: templates     # extra *.yml templates, relative to this file
/// rules:
///   section-order: off         # error | warning | info | off
///   action-item-tracking: warning
/// aliases:
///   Root cause: [What went wrong]
/// include: ["incidentReports/**"]
/// exclude: ["**/drafts/**", "README.md"]
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// The default template for reports that do not record theirs.
    pub template: Option<String>,
    /// A folder of extra template files (`*.yml`), relative to the config file.
    pub templates_dir: Option<PathBuf>,
    /// Rule id or family → `error`, `warning`, `info` or `off`; a rule's
    /// own entry wins over its family's.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Extra headings that count as a section: section name → aliases.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Globs of files to check (default: every `*.md`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The templates read from `templates_dir`.
    #[serde(skip)]
    pub loaded_templates: Vec<Template>,
    /// `include` and `exclude`, compiled.
    #[serde(skip)]
    pub files: FileFilter,
}

/// A rule's level in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Info,
    Off,
}

/// A configuration problem, with the file it is in.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

/// Which of the files found in folders are checked: `include` and
/// `exclude` globs, matched against the path relative to the folder of the
/// configuration file, and against the file name alone. They narrow the
/// `*.md` files a folder walk finds; files named on the command line are
/// always checked.
#[derive(Debug, Clone, Default)]
pub struct FileFilter {
    /// The folder the globs are relative to (absolute).
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl FileFilter {
    fn new(base: PathBuf, include: &[String], exclude: &[String]) -> Result<FileFilter, String> {
        let build =
            |globs: &[String], key: &str| -> Result<Option<GlobSet>, String> {
                if globs.is_empty() {
                    return Ok(None);
                }
                let mut set = GlobSetBuilder::new();
                for glob in globs {
                    let glob = glob.trim_start_matches("./");
                    set.add(Glob::new(glob).map_err(|e| {
                        format!("`{key}`: `{glob}` is not a valid glob: {}", e.kind())
                    })?);
                }
                set.build().map(Some).map_err(|e| format!("`{key}`: {e}"))
            };
        Ok(FileFilter {
            base,
            include: build(include, "include")?,
            exclude: build(exclude, "exclude")?,
        })
    }

    /// Whether a file found in a folder is checked.
    pub fn selects(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let absolute = normalize(&std::env::current_dir().unwrap_or_default().join(path));
        let relative = absolute.strip_prefix(&self.base).unwrap_or(path);
        let name = Path::new(path.file_name().unwrap_or_default());
        let matches =
            |set: &GlobSet| set.is_match(relative) || set.is_match(name) || set.is_match(path);
        self.include.as_ref().is_none_or(matches) && !self.exclude.as_ref().is_some_and(matches)
    }
}

/// Removes `.` and `..` components without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl Config {
    /// Finds `.incident.yml` in `dir` or the nearest folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Reads and validates a configuration file: unknown keys, unknown rule
    /// ids, bad values, unknown templates and sections, bad globs and broken
    /// template files are errors that name the key and the file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            err(format!(
                "cannot read the configuration: {}",
                crate::input::describe_io(&e)
            ))
        })?;
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            serde_yaml_ng::from_str(&text).map_err(|e| err(describe_yaml(&e)))?
        };
        for id in config.rules.keys() {
            if rules::find(id).is_none() && Family::from_name(id).is_none() {
                let hint = rules::RULES
                    .iter()
                    .map(|r| r.id)
                    .find(|known| edit_distance(known, id) <= 2)
                    .map(|known| format!("did you mean `{known}`? "))
                    .unwrap_or_default();
                return Err(err(format!(
                    "unknown rule `{id}` under `rules` ({hint}see `incident explain --list`; \
                     families: structure, time, impact, actions, content)"
                )));
            }
        }
        let base = normalize(
            &std::env::current_dir()
                .unwrap_or_default()
                .join(path.parent().unwrap_or(Path::new(""))),
        );
        if let Some(dir) = &config.templates_dir {
            config.loaded_templates = load_templates(&base.join(dir)).map_err(err)?;
        }
        let known = |name: &str| {
            config.loaded_templates.iter().any(|t| t.name == name)
                || templates::builtin(name).is_some()
        };
        let names = || {
            let mut names: Vec<&str> = templates::builtins()
                .iter()
                .chain(&config.loaded_templates)
                .map(|t| t.name.as_str())
                .collect();
            names.dedup();
            names.join(", ")
        };
        if let Some(name) = &config.template {
            if !known(name) {
                return Err(err(format!(
                    "unknown template `{name}` under `template` (templates: {})",
                    names()
                )));
            }
        }
        for (section, aliases) in &config.aliases {
            let key = templates::normalize_heading(section);
            let all = templates::builtins().iter().chain(&config.loaded_templates);
            if key.is_empty()
                || !all
                    .flat_map(|t| &t.sections)
                    .any(|s| templates::normalize_heading(&s.name) == key)
            {
                return Err(err(format!(
                    "unknown section `{section}` under `aliases`: aliases name one of the template's sections (`Root cause: [What went wrong]`)"
                )));
            }
            if let Some(bad) = aliases
                .iter()
                .find(|a| templates::normalize_heading(a).is_empty())
            {
                return Err(err(format!(
                    "empty alias `{bad}` under `aliases.{section}`"
                )));
            }
        }
        config.files = FileFilter::new(base, &config.include, &config.exclude).map_err(err)?;
        Ok(config)
    }

    /// Whether a file found in a folder is checked (`include`/`exclude`).
    pub fn selects(&self, path: &Path) -> bool {
        self.files.selects(path)
    }
}

/// The Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A YAML error in one line: where, and what.
fn describe_yaml(e: &serde_yaml_ng::Error) -> String {
    let text = e.to_string();
    match e.location() {
        Some(loc) if !text.contains(" at line ") => {
            format!("line {}: {text}", loc.line())
        }
        _ => text,
    }
}

/// Reads the templates folder; errors name the key and the template file.
fn load_templates(dir: &Path) -> Result<Vec<Template>, String> {
    templates::load_dir(dir).map_err(|e| format!("`templates_dir`: {e}"))
}

/// Everything a check needs besides the files: the result of the
/// configuration and the command line together.
#[derive(Debug)]
#[non_exhaustive]
pub struct Settings {
    /// The rules that run, with their effective severity.
    pub rules: Vec<(&'static Rule, Severity)>,
    /// Templates from the project's templates folder (built-ins are always there).
    pub templates: Vec<Template>,
    /// The template for reports that do not record theirs.
    pub default_template: String,
    /// Extra (alias, section name) pairs.
    pub aliases: Vec<(String, String)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rules: rules::RULES
                .iter()
                .map(|r| (*r, r.default_severity))
                .collect(),
            templates: Vec::new(),
            default_template: templates::DEFAULT_TEMPLATE.to_string(),
            aliases: Vec::new(),
        }
    }
}

impl Settings {
    /// Settings from a configuration.
    pub fn from_config(config: &Config) -> Settings {
        let mut settings = Settings::default();
        settings.rules.retain_mut(|(rule, severity)| {
            match config
                .rules
                .get(rule.id)
                .or_else(|| config.rules.get(rule.family.as_str()))
            {
                Some(RuleLevel::Off) => false,
                Some(RuleLevel::Error) => {
                    *severity = Severity::Error;
                    true
                }
                Some(RuleLevel::Warning) => {
                    *severity = Severity::Warning;
                    true
                }
                Some(RuleLevel::Info) => {
                    *severity = Severity::Info;
                    true
                }
                None => true,
            }
        });
        if let Some(template) = &config.template {
            settings.default_template.clone_from(template);
        }
        settings.templates.clone_from(&config.loaded_templates);
        settings.aliases = config
            .aliases
            .iter()
            .flat_map(|(section, aliases)| {
                aliases.iter().map(move |a| (a.clone(), section.clone()))
            })
            .collect();
        settings
    }

    /// A template by name: the project's first, then the built-ins.
    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates
            .iter()
            .find(|t| t.name == name)
            .or_else(|| templates::builtin(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("section-order", "section-ordr"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn a_rule_entry_wins_over_its_family() {
        let config: Config =
            serde_yaml_ng::from_str("rules:\n  time: off\n  timeline-order: info\n").unwrap();
        let settings = Settings::from_config(&config);
        let level = |id: &str| {
            settings
                .rules
                .iter()
                .find(|(r, _)| r.id == id)
                .map(|(_, s)| *s)
        };
        assert_eq!(level("timeline-order"), Some(Severity::Info));
        assert_eq!(level("timeline-utc"), None);
        assert_eq!(level("title-format"), Some(Severity::Error));
    }
}
