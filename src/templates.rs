//! Report templates: the text `incident new` writes and the section schema
//! `incident check` enforces, both from one YAML file in `templates/`.
//!
//! The built-in templates are embedded in the binary, so an installed
//! `incident` needs no repository around it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};
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
    lookup: Cached<Lookup>,
    /// The YAML the template was read from (what `templates show` prints).
    #[serde(skip)]
    pub source: String,
    /// The file it was read from; `None` for a built-in.
    #[serde(skip)]
    pub origin: Option<PathBuf>,
    /// Finds guidance lines in text; built on first use. The plain search
    /// that [`Template::guidance_occurrences`] is tested against.
    #[cfg(test)]
    #[serde(skip)]
    guidance_matcher: Cached<Option<aho_corasick::AhoCorasick>>,
    /// Finds every guidance line in a document; built on first use.
    #[serde(skip)]
    guidance_finder: Cached<GuidanceFinder>,
}

/// Finds every occurrence of the guidance lines in a text by a piece of
/// each line that seldom occurs by chance: the lines start with common
/// words ("Describe ", "and the "), which would stop a search of whole
/// lines at most lines of prose.
#[derive(Debug)]
struct GuidanceFinder {
    /// The lines, in the order `Template::find_guidance` prefers them.
    lines: Vec<String>,
    /// One piece of [`GuidanceFinder::ANCHOR`] bytes per distinct piece.
    anchors: Option<aho_corasick::AhoCorasick>,
    /// For each piece: the lines that hold it, with its offset in each.
    holders: Vec<Vec<(usize, usize)>>,
}

impl GuidanceFinder {
    /// The length of a piece: all pieces have one length, so no two of them
    /// start at one place.
    const ANCHOR: usize = 8;

    fn new(mut lines: Vec<String>) -> GuidanceFinder {
        lines.sort_unstable();
        lines.dedup();
        let mut pieces: Vec<&[u8]> = Vec::new();
        let mut holders: Vec<Vec<(usize, usize)>> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            let bytes = line.as_bytes();
            // Lines are 24 bytes or more (see `guidance_lines`).
            let Some(offset) = (0..=bytes.len().saturating_sub(Self::ANCHOR))
                .max_by_key(|&at| (rarity(&bytes[at..at + 4]), std::cmp::Reverse(at)))
                .filter(|_| bytes.len() >= Self::ANCHOR)
            else {
                continue;
            };
            let piece = &bytes[offset..offset + Self::ANCHOR];
            match pieces.iter().position(|p| *p == piece) {
                Some(at) => holders[at].push((index, offset)),
                None => {
                    pieces.push(piece);
                    holders.push(vec![(index, offset)]);
                }
            }
        }
        // Leftmost-first, which lets the search skip ahead with a SIMD
        // prefilter; a contiguous NFA, cheaper to build than a DFA.
        let anchors = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&pieces)
            .ok();
        GuidanceFinder {
            lines,
            anchors,
            holders,
        }
    }

    /// See [`Template::guidance_occurrences`].
    fn occurrences(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let Some(anchors) = &self.anchors else {
            return Vec::new();
        };
        // (start, line index) of every occurrence of every line.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut input = aho_corasick::Input::new(text);
        while let Some(m) = anchors.find(input.clone()) {
            for &(index, offset) in &self.holders[m.pattern().as_usize()] {
                let Some(start) = m.start().checked_sub(offset) else {
                    continue;
                };
                if text.as_bytes()[start..].starts_with(self.lines[index].as_bytes()) {
                    found.push((start, index));
                }
            }
            input.set_start(m.start() + 1);
        }
        // At each start, the line searched first.
        found.sort_unstable();
        found.dedup_by_key(|(start, _)| *start);
        found
            .into_iter()
            .map(|(start, index)| start..start + self.lines[index].len())
            .collect()
    }
}

/// How seldom four bytes start a run of prose by chance, roughly: spaces
/// and common lower-case letters are frequent, capitals, digits and
/// punctuation rare.
fn rarity(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|b| match b {
            b' ' => 0,
            b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'h' | b'r' => 1,
            b'a'..=b'z' => 2,
            _ => 3,
        })
        .sum()
}

/// A value derived from a template, built on first use. A clone starts
/// empty, so a template cloned and then edited does not keep stale data.
#[derive(Debug)]
struct Cached<T>(OnceLock<T>);

impl<T> Default for Cached<T> {
    fn default() -> Cached<T> {
        Cached(OnceLock::new())
    }
}

impl<T> Clone for Cached<T> {
    fn clone(&self) -> Cached<T> {
        Cached::default()
    }
}

/// The normalized names and aliases of a template's sections.
#[derive(Debug)]
struct Lookup {
    /// Normalized name or alias → section index, in schema order.
    keys: Vec<(String, usize)>,
    /// The first words of the keys, without repeats: a heading
    /// whose first word is none of them names no section.
    first_words: Vec<String>,
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

/// Every built-in template, in `templates list` order: its YAML (what
/// `templates show` prints) and the same as JSON, which `build.rs` writes
/// and start-up reads (parsing the YAML cost more than checking a small
/// report).
const BUILTIN_SOURCES: &[(&str, &str, &str)] = &[
    (
        "jwt-pizza",
        include_str!("../templates/jwt-pizza.yml"),
        include_str!(concat!(env!("OUT_DIR"), "/jwt-pizza.json")),
    ),
    (
        "google-sre",
        include_str!("../templates/google-sre.yml"),
        include_str!(concat!(env!("OUT_DIR"), "/google-sre.json")),
    ),
];

/// The variables every rendering has; `--set` cannot change them.
pub const PROVIDED_VARIABLES: &[&str] = &["date", "time", "datetime", "template"];

/// The functions and filters the body can call (not variables).
const FUNCTIONS: &[&str] = &["guidance"];

/// The built-in templates, parsed once.
pub fn builtins() -> &'static [Template] {
    static BUILTINS: OnceLock<Vec<Template>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .map(|(name, yaml, json)| match Template::from_json(json, yaml) {
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
    /// Parses a template's YAML.
    pub fn from_yaml(yaml: &str) -> Result<Template, serde_yaml_ng::Error> {
        let mut template: Template = serde_yaml_ng::from_str(yaml)?;
        template.source = yaml.to_string();
        Ok(template)
    }

    /// Reads a built-in template from the JSON `build.rs` made of its `yaml`.
    fn from_json(json: &str, yaml: &str) -> Result<Template, serde_json::Error> {
        let mut template: Template = serde_json::from_str(json)?;
        template.source = yaml.to_string();
        Ok(template)
    }

    /// Where the first line of template guidance (of this template or of a
    /// built-in) occurs in `text`, as a byte range. Only lines of 24 bytes
    /// or more count, so that short phrases do not match by chance. (The
    /// reference for [`Template::guidance_occurrences`], which the model
    /// uses: one search per document answers it for every block.)
    #[cfg(test)]
    pub fn find_guidance(&self, text: &str) -> Option<std::ops::Range<usize>> {
        if text.len() < 24 {
            // Shorter than every line that counts.
            return None;
        }
        self.guidance_matcher()?.find(text).map(|m| m.range())
    }

    /// Every place in `text` where a line of guidance starts, in order, with
    /// the line `Template::find_guidance` would pick there: of the lines
    /// that start at one place, one begins the others, and it is the one
    /// picked (the lines are searched in sorted order, so it comes first).
    /// So the first of these ranges that lies within a part of `text` is
    /// what `find_guidance` finds in that part: one search of a whole
    /// document answers for each of its blocks.
    pub fn guidance_occurrences(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        self.guidance_finder
            .0
            .get_or_init(|| {
                GuidanceFinder::new(
                    guidance_lines(self)
                        .chain(builtins().iter().flat_map(guidance_lines))
                        .map(str::to_string)
                        .collect(),
                )
            })
            .occurrences(text)
    }

    /// The multi-string search for the guidance lines, built on first use;
    /// `None` when there are no lines.
    #[cfg(test)]
    fn guidance_matcher(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.guidance_matcher
            .0
            .get_or_init(|| {
                let mut lines: Vec<&str> = guidance_lines(self)
                    .chain(builtins().iter().flat_map(guidance_lines))
                    .collect();
                lines.sort_unstable();
                lines.dedup();
                if lines.is_empty() {
                    return None;
                }
                // Leftmost-first, as the regex alternation of the escaped
                // lines it replaces, but a plain multi-string search. A
                // contiguous NFA: a DFA of the lines costs more to build than
                // a run's searches save.
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(&lines)
                    .ok()
            })
            .as_ref()
    }

    /// Reads and validates a template file. The error names the file.
    pub fn from_file(path: &Path) -> Result<Template, String> {
        let shown = path.display();
        let yaml = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "{shown}: cannot read the template: {}",
                crate::input::describe_io(&e)
            )
        })?;
        let mut template = Template::from_yaml(&yaml)
            .map_err(|e| format!("{shown}: not a valid template: {e}"))?;
        template.origin = Some(path.to_path_buf());
        template.validate().map_err(|e| format!("{shown}: {e}"))?;
        Ok(template)
    }

    /// Checks what serde cannot: a usable name, sections with sane levels
    /// and distinct names, and a body that renders.
    pub fn validate(&self) -> Result<(), String> {
        let name_ok = !self.name.is_empty()
            && self
                .name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !name_ok {
            return Err(format!(
                "the template name `{}` must be one word of letters, digits, `-`, `_` or `.`",
                self.name
            ));
        }
        if self.sections.is_empty() {
            return Err("the template has no sections".into());
        }
        let mut seen = BTreeSet::new();
        for section in &self.sections {
            if !(1..=6).contains(&section.level) {
                return Err(format!(
                    "section `{}` has level {}; a heading level is 1 to 6",
                    section.name, section.level
                ));
            }
            if !seen.insert(normalize_heading(&section.name)) {
                return Err(format!("section `{}` appears twice", section.name));
            }
        }
        let sample: BTreeMap<String, String> = self
            .variables()?
            .into_iter()
            .map(|v| (v, "example".to_string()))
            .collect();
        self.render(DateTime::<Utc>::UNIX_EPOCH, &sample).map(drop)
    }

    /// The variables the body uses that `--set` can fill (`severity`, …).
    pub fn variables(&self) -> Result<BTreeSet<String>, String> {
        let env = self.environment();
        let body = env
            .template_from_str(&self.body)
            .map_err(|e| describe(&self.name, &e))?;
        Ok(body
            .undeclared_variables(false)
            .into_iter()
            .filter(|v| {
                !PROVIDED_VARIABLES.contains(&v.as_str()) && !FUNCTIONS.contains(&v.as_str())
            })
            .collect())
    }

    /// Renders the report for an incident that started at `at`, with the
    /// `--set` values. A value the body does not use, or a variable the
    /// body needs and `values` lacks, is an error that names it.
    pub fn render(
        &self,
        at: DateTime<Utc>,
        values: &BTreeMap<String, String>,
    ) -> Result<String, String> {
        let known = self.variables()?;
        for key in values.keys() {
            if PROVIDED_VARIABLES.contains(&key.as_str()) {
                return Err(format!(
                    "`{key}` cannot be set: it comes from the incident's start time and the template"
                ));
            }
            if !known.contains(key) {
                return Err(format!(
                    "the template `{}` has no variable `{key}` (it has: {})",
                    self.name,
                    list_or_none(&known)
                ));
            }
        }
        let env = self.environment();
        let body = env
            .template_from_str(&self.body)
            .map_err(|e| describe(&self.name, &e))?;
        let mut context: BTreeMap<&str, String> = values
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        context.insert("date", at.format("%Y-%m-%d").to_string());
        context.insert("time", at.format("%H-%M-%S").to_string());
        context.insert("datetime", at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        context.insert("template", self.name.clone());
        body.render(&context).map_err(|e| {
            if e.kind() == ErrorKind::UndefinedError {
                let missing: BTreeSet<String> = known
                    .iter()
                    .filter(|k| !values.contains_key(*k))
                    .cloned()
                    .collect();
                format!(
                    "the template `{}` needs a value it was not given ({}); pass it with `--set NAME=VALUE`",
                    self.name,
                    list_or_none(&missing)
                )
            } else {
                describe(&self.name, &e)
            }
        })
    }

    /// The minijinja environment of this template: strict about undefined
    /// variables, block tags on their own lines leave no blank line, with
    /// `guidance()`, `yaml` and `yaml_list`.
    fn environment(&self) -> Environment<'static> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        // A line holding only a `{% tag %}` leaves nothing behind.
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        let guidance: Vec<(String, Option<String>)> = self
            .sections
            .iter()
            .map(|s| (s.name.clone(), s.guidance.clone()))
            .collect();
        env.add_function("guidance", move |name: &str| -> Result<String, Error> {
            match guidance.iter().find(|(section, _)| section == name) {
                Some((_, Some(text))) => Ok(callout(text)),
                Some((_, None)) => Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("section `{name}` has no guidance"),
                )),
                None => Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("guidance(\"{name}\") names no section of the template"),
                )),
            }
        });
        env.add_filter("yaml", |value: &str| yaml_string(value));
        env.add_filter("yaml_list", |value: &str| {
            let items: Vec<&str> = value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            format!(
                "[{}]",
                items
                    .iter()
                    .map(|s| yaml_string(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
        env
    }

    /// The index of the schema section that a heading's text names, if any.
    /// Matching ignores case, emphasis, numbering, a trailing colon and a
    /// trailing parenthetical (`3. Root Cause (RCA):` is Root cause).
    pub fn section_for(&self, heading: &str, extra_aliases: &[(String, String)]) -> Option<usize> {
        self.section_for_in(heading, extra_aliases, &mut String::new())
    }

    /// [`Template::section_for`], normalizing `heading` in `scratch`: for a
    /// caller that looks up many lines.
    pub fn section_for_in(
        &self,
        heading: &str,
        extra_aliases: &[(String, String)],
        scratch: &mut String,
    ) -> Option<usize> {
        // Headings are short; a long line is never a section name.
        if heading.len() > 80 {
            return None;
        }
        let Lookup { keys, first_words } = self.lookup.0.get_or_init(|| {
            let keys: Vec<(String, usize)> = self
                .sections
                .iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    std::iter::once(&s.name)
                        .chain(&s.aliases)
                        .map(move |n| (normalize_heading(n), i))
                })
                .collect();
            let mut first_words: Vec<String> = keys
                .iter()
                .map(|(k, _)| k.split(' ').next().unwrap_or("").to_string())
                .collect();
            first_words.sort_unstable();
            first_words.dedup();
            Lookup { keys, first_words }
        });
        // Without extra aliases, only the schema's keys can match: stop
        // reading the heading once its first word starts none of them.
        let complete = normalize_heading_while(heading, scratch, |first| {
            !extra_aliases.is_empty() || first_words.iter().any(|w| w == first)
        });
        let key = scratch.as_str();
        if !complete || key.is_empty() {
            return None;
        }
        let find = |key: &str| keys.iter().find(|(k, _)| k == key).map(|(_, i)| *i);
        find(key).or_else(|| {
            extra_aliases
                .iter()
                .find(|(alias, _)| normalize_heading(alias) == key)
                .and_then(|(_, section)| find(&normalize_heading(section)))
        })
    }
}

/// Reads every template (`*.yml`, `*.yaml`) in a folder, in name order.
/// Two files with the same template name are an error.
pub fn load_dir(dir: &Path) -> Result<Vec<Template>, String> {
    let shown = dir.display();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the templates folder {shown}: {}",
            crate::input::describe_io(&e)
        )
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|ext| ext == "yml" || ext == "yaml")
        })
        .collect();
    paths.sort();
    let mut templates: Vec<Template> = Vec::with_capacity(paths.len());
    for path in paths {
        let template = Template::from_file(&path)?;
        if let Some(other) = templates.iter().find(|t| t.name == template.name) {
            return Err(format!(
                "{}: the template name `{}` is already used by {}",
                path.display(),
                template.name,
                other.origin.as_deref().unwrap_or(Path::new("?")).display()
            ));
        }
        templates.push(template);
    }
    Ok(templates)
}

/// The lines of a template's guidance that are long enough to recognise.
pub fn guidance_lines(template: &Template) -> impl Iterator<Item = &str> {
    template
        .sections
        .iter()
        .filter_map(|s| s.guidance.as_deref())
        .flat_map(str::lines)
        .map(|l| l.trim().trim_start_matches('>').trim())
        .filter(|l| l.len() >= 24)
}

/// Guidance text as a `> [!NOTE]` callout, without a trailing newline.
fn callout(text: &str) -> String {
    let mut out = String::from("> [!NOTE]");
    for line in text.trim_end().lines() {
        out.push_str("\n>");
        if !line.trim().is_empty() {
            out.push(' ');
            out.push_str(line.trim_end());
        }
    }
    out
}

/// A value as a YAML scalar: a JSON string, which YAML reads as-is.
fn yaml_string(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

fn list_or_none(names: &BTreeSet<String>) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A minijinja error as one line that names the template.
fn describe(template: &str, err: &Error) -> String {
    let mut text = format!("the template `{template}` cannot be rendered: {err}");
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// Reduces a heading to a comparable key: lower case, words separated by
/// single spaces, without numbering, emphasis, trailing colon or parenthetical.
pub fn normalize_heading(text: &str) -> String {
    let mut key = String::new();
    normalize_heading_into(text, &mut key);
    key
}

/// [`normalize_heading`] into `key` (cleared first), so that a caller that
/// normalizes many lines reuses one buffer.
pub fn normalize_heading_into(text: &str, key: &mut String) {
    normalize_heading_while(text, key, |_| true);
}

/// [`normalize_heading_into`], but for an ASCII text it stops once the
/// key's first word is read if `wanted` refuses it (then the key holds only
/// that word, and the answer is false). True when the key is complete.
fn normalize_heading_while(text: &str, key: &mut String, wanted: impl Fn(&str) -> bool) -> bool {
    key.clear();
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
    key.reserve(text.len());
    // Words keep only letters, digits, `;` and `&`: a trailing colon goes
    // with the rest of the punctuation.
    if text.is_ascii() {
        push_ascii_words(text, key, wanted)
    } else {
        push_words(text, key);
        true
    }
}

/// [`normalize_heading`]'s words: split at white space, `-`, `_` and `/`,
/// trimmed to letters, digits, `;` and `&`, lower-cased, joined by single
/// spaces.
fn push_words(text: &str, key: &mut String) {
    for word in text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ';' && c != '&'))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            let start = key.len();
            key.push_str(word);
            key[start..].make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

/// [`normalize_heading`]'s words for an ASCII text, in one pass over its
/// bytes: split at white space, `-`, `_` and `/`, trimmed to letters,
/// digits, `;` and `&`, lower-cased, joined by single spaces. Stops after
/// the first word, answering false, if `wanted` refuses it; else true.
fn push_ascii_words(text: &str, key: &mut String, wanted: impl Fn(&str) -> bool) -> bool {
    // The kept bytes of the word being read: from its first to its last.
    let mut word: Option<(usize, usize)> = None;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii_alphanumeric() || matches!(b, b';' | b'&') {
            word = Some(word.map_or((at, at + 1), |(first, _)| (first, at + 1)));
        } else if matches!(
            b,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'_' | b'/'
        ) {
            if let Some((first, end)) = word.take() {
                let is_first = key.is_empty();
                push_ascii_word(&text[first..end], key);
                if is_first && !wanted(key) {
                    return false;
                }
            }
        }
    }
    if let Some((first, end)) = word {
        push_ascii_word(&text[first..end], key);
    }
    true
}

/// Appends an ASCII word to a key, lower-cased, after a space if the key
/// already has words.
fn push_ascii_word(word: &str, key: &mut String) {
    if !key.is_empty() {
        key.push(' ');
    }
    let start = key.len();
    key.push_str(word);
    key[start..].make_ascii_lowercase();
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

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2025-10-14T08:41:07Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn template(body: &str, guidance: Option<&str>) -> Template {
        let mut t = builtin(DEFAULT_TEMPLATE).unwrap().clone();
        t.body = body.to_string();
        t.sections[0].guidance = guidance.map(str::to_string);
        t
    }

    #[test]
    fn every_builtin_validates_and_renders_its_title() {
        assert!(builtins().len() >= 2);
        for t in builtins() {
            t.validate().unwrap_or_else(|e| panic!("{}: {e}", t.name));
            let text = t.render(at(), &BTreeMap::new()).unwrap();
            let title = text.lines().find(|l| l.starts_with("# ")).unwrap();
            assert_eq!(title, "# Incident: 2025-10-14 08-41-07", "{}", t.name);
            assert!(text.ends_with('\n'), "{}", t.name);
            assert_eq!(
                t.source,
                BUILTIN_SOURCES
                    .iter()
                    .find(|(n, _, _)| *n == t.name)
                    .unwrap()
                    .1
            );
        }
        assert!(builtin("google-sre").is_some());
    }

    #[test]
    fn builtins_read_from_json_are_what_their_yaml_says() {
        for (name, yaml, json) in BUILTIN_SOURCES {
            let from_yaml = Template::from_yaml(yaml).unwrap();
            let from_json = Template::from_json(json, yaml).unwrap();
            assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"), "{name}");
        }
    }

    #[test]
    fn every_required_section_has_guidance() {
        for t in builtins() {
            for s in t.sections.iter().filter(|s| s.required) {
                assert!(
                    s.guidance.is_some(),
                    "{}: {} has no guidance",
                    t.name,
                    s.name
                );
            }
        }
    }

    #[test]
    fn guidance_becomes_a_note_callout() {
        let t = template(
            "{{ guidance(\"Summary\") }}\n",
            Some("Write this.\n\nAnd that.\n"),
        );
        let text = t.render(at(), &BTreeMap::new()).unwrap();
        assert_eq!(text, "> [!NOTE]\n> Write this.\n>\n> And that.\n");
        let t = template("{{ guidance(\"Nope\") }}", Some("Write."));
        let err = t.render(at(), &BTreeMap::new()).unwrap_err();
        assert!(err.contains("names no section"), "{err}");
    }

    #[test]
    fn undefined_variables_are_errors() {
        let t = template("{{ date }} {{ owner }}\n", None);
        assert_eq!(
            t.variables().unwrap(),
            BTreeSet::from(["owner".to_string()])
        );
        let err = t.render(at(), &BTreeMap::new()).unwrap_err();
        assert!(err.contains("owner") && err.contains("--set"), "{err}");
        let values = BTreeMap::from([("owner".to_string(), "Ana".to_string())]);
        assert_eq!(t.render(at(), &values).unwrap(), "2025-10-14 Ana\n");
        let typo = BTreeMap::from([("ownr".to_string(), "Ana".to_string())]);
        let err = t.render(at(), &typo).unwrap_err();
        assert!(
            err.contains("no variable `ownr`") && err.contains("owner"),
            "{err}"
        );
        let provided = BTreeMap::from([("date".to_string(), "x".to_string())]);
        assert!(
            t.render(at(), &provided)
                .unwrap_err()
                .contains("cannot be set")
        );
    }

    #[test]
    fn yaml_filters_quote_values() {
        let t = template(
            "a: {{ severity | yaml }}\nb: {{ authors | yaml_list }}\n",
            None,
        );
        let values = BTreeMap::from([
            ("severity".to_string(), "x: \"y\" # z".to_string()),
            ("authors".to_string(), "Ana Ruiz, , Bo: Li".to_string()),
        ]);
        let text = t.render(at(), &values).unwrap();
        let parsed: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
        assert_eq!(parsed["a"].as_str(), Some("x: \"y\" # z"));
        assert_eq!(parsed["b"][1].as_str(), Some("Bo: Li"));
        assert_eq!(parsed["b"].as_sequence().unwrap().len(), 2);
    }

    #[test]
    fn validation_names_the_problem() {
        let mut t = template("x", None);
        t.name = "two words".into();
        assert!(t.validate().unwrap_err().contains("one word"));
        let mut t = template("x", None);
        t.sections[1].level = 7;
        assert!(t.validate().unwrap_err().contains("level 7"));
        let mut t = template("x", None);
        t.sections[1].name = "summary".into();
        assert!(t.validate().unwrap_err().contains("twice"));
        let t = template("{% if %}", None);
        assert!(t.validate().unwrap_err().contains("cannot be rendered"));
    }

    #[test]
    fn load_dir_reads_yml_files_and_names_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let yaml = |name: &str| {
            format!(
                "name: {name}\ndescription: d\nsections:\n  - name: Summary\n    guidance: Write it.\nbody: |\n  # Incident: {{{{ date }}}} {{{{ time }}}}\n"
            )
        };
        std::fs::write(dir.path().join("b.yml"), yaml("team-b")).unwrap();
        std::fs::write(dir.path().join("a.yaml"), yaml("team-a")).unwrap();
        std::fs::write(dir.path().join("notes.md"), "not a template").unwrap();
        let loaded = load_dir(dir.path()).unwrap();
        let names: Vec<&str> = loaded.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["team-a", "team-b"]);
        assert_eq!(
            loaded[0].origin.as_deref(),
            Some(dir.path().join("a.yaml").as_path())
        );
        assert_eq!(loaded[1].source, yaml("team-b"));

        std::fs::write(dir.path().join("c.yml"), yaml("team-a")).unwrap();
        let err = load_dir(dir.path()).unwrap_err();
        assert!(
            err.contains("c.yml") && err.contains("already used"),
            "{err}"
        );
        std::fs::write(dir.path().join("c.yml"), "name: [").unwrap();
        let err = load_dir(dir.path()).unwrap_err();
        assert!(
            err.contains("c.yml") && err.contains("not a valid template"),
            "{err}"
        );
        let err = load_dir(&dir.path().join("missing")).unwrap_err();
        assert!(err.contains("no such file"), "{err}");
    }

    #[test]
    fn guidance_lines_are_found_in_text() {
        let t = builtin(DEFAULT_TEMPLATE).unwrap();
        let line = "for whom, between which UTC times, how it was fixed, and the severity.";
        let text = format!("We wrote our own words. {line} More words.");
        let found = t.find_guidance(&text).unwrap();
        assert_eq!(&text[found], line);
        // Another built-in's guidance counts too; short lines never match.
        let sre = "Note the near misses: what made this incident smaller than it could";
        assert!(t.find_guidance(sre).is_some());
        assert!(t.find_guidance("the severity.").is_none());
        let own = template(
            "x",
            Some("Write the customer-facing story of this outage here.\n"),
        );
        assert!(
            own.find_guidance("> Write the customer-facing story of this outage here.")
                .is_some()
        );
        assert!(
            t.find_guidance("Write the customer-facing story of this outage here.")
                .is_none()
        );
    }

    #[test]
    fn guidance_occurrences_answer_for_every_part_of_a_text() {
        let t = builtin(DEFAULT_TEMPLATE).unwrap();
        let a = "for whom, between which UTC times, how it was fixed, and the severity.";
        let b = "Note the near misses: what made this incident smaller than it could";
        let text = format!("x {a}\n{b} y {a}");
        let found = t.guidance_occurrences(&text);
        for start in (0..text.len()).step_by(7) {
            for end in (start..=text.len()).step_by(5) {
                let first = found
                    .iter()
                    .filter(|m| m.start >= start && m.end <= end)
                    .map(|m| m.start - start..m.end - start)
                    .next();
                assert_eq!(first, t.find_guidance(&text[start..end]), "{start}..{end}");
            }
        }
    }

    #[test]
    fn ascii_headings_normalize_as_any_other() {
        for text in [
            "Root  Cause\u{b}Analysis",
            "**Action_Items**:",
            "Q&A / Follow-ups;",
            " -- ",
            "Who: (when?) what!",
            "a\tb\x0cc\rd",
        ] {
            let (mut ascii, mut general) = (String::new(), String::new());
            push_ascii_words(text, &mut ascii, |_| true);
            push_words(text, &mut general);
            assert_eq!(ascii, general, "{text:?}");
        }
        let pieces = [
            " ", "  ", "\t", "\u{b}", "\x0c", "\r\n", "-", "_", "/", "Root", "cause", "A", "z9",
            "3.", "(", ")", ":", ";", "&", "**", "*", "'", "!", "?", ",", "x", "Q&A", "--",
        ];
        for len in 0..9 {
            for text in crate::model::pattern::generated_exactly(&pieces, 400, len, len as u64) {
                let (mut ascii, mut general) = (String::new(), String::new());
                push_ascii_words(&text, &mut ascii, |_| true);
                push_words(&text, &mut general);
                assert_eq!(ascii, general, "{text:?}");
            }
        }
    }

    #[test]
    fn headings_stopped_at_their_first_word_match_as_read_whole() {
        let t = builtin(DEFAULT_TEMPLATE).unwrap();
        // Every heading read whole, then looked up among names and aliases.
        let whole = |h: &str| {
            let key = normalize_heading(h);
            if h.len() > 80 || key.is_empty() {
                return None;
            }
            t.sections.iter().position(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .any(|n| normalize_heading(n) == key)
            })
        };
        let pieces = [
            "Root", "cause", "Cause", "Timeline", "timeline", " (UTC)", "Action", "items",
            "Summary", "3. ", "**", " ", "-", "/", ":", "analysis", "Follow", "ups", "x", "é",
            "Impact", "(",
        ];
        for len in 0..6 {
            for h in crate::model::pattern::generated_exactly(&pieces, 500, len, 40 + len as u64) {
                assert_eq!(t.section_for(&h, &[]), whole(&h), "{h:?}");
            }
        }
        for section in &t.sections {
            for name in std::iter::once(&section.name).chain(&section.aliases) {
                assert_eq!(t.section_for(name, &[]), whole(name), "{name:?}");
                assert!(t.section_for(name, &[]).is_some(), "{name:?}");
            }
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
