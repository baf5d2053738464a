//! `incident templates list|show`, and finding the template `new` uses.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::check::load_config;
use crate::cli::{Code, Failure, TemplatesCommand};
use crate::config::Settings;
use crate::templates::{self, Template};

pub fn run(command: &TemplatesCommand) -> Result<Code, Failure> {
    let settings = project_settings()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match command {
        TemplatesCommand::List => {
            let all = available(&settings);
            let width = all.iter().map(|t| t.name.len()).max().unwrap_or(0);
            for t in all {
                let mut notes = Vec::new();
                if t.name == settings.default_template {
                    notes.push("default".to_string());
                }
                if let Some(path) = &t.origin {
                    let cwd = std::env::current_dir().unwrap_or_default();
                    let path = path.strip_prefix(&cwd).unwrap_or(path);
                    notes.push(crate::input::display_path(path));
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", notes.join(", "))
                };
                writeln!(out, "{:width$}  {}{notes}", t.name, t.description.trim())?;
            }
        }
        TemplatesCommand::Show { name } => {
            let template = choose(&settings, Some(name))?;
            out.write_all(template.source.as_bytes())?;
            if !template.source.ends_with('\n') {
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(Code::Clean)
}

/// The settings of the nearest `.incident.yml`, with the project's
/// templates (loaded from its `templates_dir` by the configuration).
pub(super) fn project_settings() -> Result<Settings, Failure> {
    Ok(Settings::from_config(&load_config(None)?))
}

/// Every template, the project's first; a project template hides the
/// built-in of the same name.
fn available(settings: &Settings) -> Vec<&Template> {
    let mut all: Vec<&Template> = settings.templates.iter().collect();
    all.extend(
        templates::builtins()
            .iter()
            .filter(|b| settings.templates.iter().all(|t| t.name != b.name)),
    );
    all
}

/// The template `wanted` names (a name or a file), else the default one.
/// An unknown name is an error that lists the known ones.
pub(super) fn choose<'s>(
    settings: &'s Settings,
    wanted: Option<&str>,
) -> Result<Cow<'s, Template>, Failure> {
    let wanted = wanted.unwrap_or(&settings.default_template);
    if let Some(template) = settings.template(wanted) {
        return Ok(Cow::Borrowed(template));
    }
    let path = Path::new(wanted);
    let looks_like_path = wanted.contains(['/', '\\'])
        || path
            .extension()
            .is_some_and(|ext| ext == "yml" || ext == "yaml")
        || path.is_file();
    if looks_like_path {
        return Template::from_file(path)
            .map(Cow::Owned)
            .map_err(Failure::Usage);
    }
    let names: Vec<&str> = available(settings)
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    Err(Failure::Usage(format!(
        "unknown template `{wanted}`; the templates are: {} (or give the path of a template file)",
        names.join(", ")
    )))
}
