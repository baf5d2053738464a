//! `.incident.yml`: which template, rule severities, section aliases, and
//! which files to check. Found by walking up from the current directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::{self, Rule};
use crate::templates::{self, Template};

/// The configuration file's name.
pub const FILE_NAME: &str = ".incident.yml";

/// The contents of `.incident.yml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// The default template for reports that do not record theirs.
    pub template: Option<String>,
    /// A folder of extra template files (`*.yml`), relative to the config file.
    pub templates_dir: Option<PathBuf>,
    /// Rule id → `error`, `warning`, `info` or `off`.
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

impl Config {
    /// Finds `.incident.yml` in `dir` or the nearest folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| err(format!("cannot read the configuration: {e}")))?;
        let config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            serde_yaml_ng::from_str(&text).map_err(|e| err(e.to_string()))?
        };
        for id in config.rules.keys() {
            if rules::find(id).is_none() {
                return Err(err(format!(
                    "unknown rule `{id}` under `rules` (see `incident explain --list`)"
                )));
            }
        }
        Ok(config)
    }
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
        settings
            .rules
            .retain_mut(|(rule, severity)| match config.rules.get(rule.id) {
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
            });
        if let Some(template) = &config.template {
            settings.default_template.clone_from(template);
        }
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
