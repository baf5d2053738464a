//! `incident explain RULE`, `incident explain FAMILY` (the family's rules)
//! and `incident explain --list`.

use std::io::{self, Write};

use crate::cli::{Code, ExplainArgs, Failure};
use crate::rules::{self, Family, RULES, Rule};

pub fn run(args: &ExplainArgs) -> Result<Code, Failure> {
    let mut out = io::stdout().lock();
    let id = args.rule.as_deref().unwrap_or_default();
    // `--list`, or a family name: one line per rule.
    let family = Family::from_name(id);
    if args.list || family.is_some() {
        let listed: Vec<&Rule> = RULES
            .iter()
            .copied()
            .filter(|r| family.is_none_or(|f| r.family == f))
            .collect();
        let width = listed.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for rule in listed {
            writeln!(
                out,
                "{:width$}  {:9}  {:7}  {}{}",
                rule.id,
                rule.family.as_str(),
                rule.default_severity.as_str(),
                rule.summary,
                if rule.fix == rules::FixAvailability::Never {
                    ""
                } else {
                    " (fixable)"
                },
            )?;
        }
        return Ok(Code::Clean);
    }
    let Some(rule) = rules::find(id) else {
        let close: Vec<&str> = RULES
            .iter()
            .map(|r| r.id)
            .filter(|r| r.contains(id) || id.contains(r))
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", close.join(", "))
        };
        return Err(Failure::Usage(format!(
            "unknown rule `{id}`{hint}; `incident explain --list` lists them"
        )));
    };
    writeln!(out, "# {}\n", rule.id)?;
    writeln!(
        out,
        "Family: {}. Default severity: {}. Fix: {}.\n",
        rule.family.as_str(),
        rule.default_severity,
        rule.fix.as_str()
    )?;
    write!(out, "{}", rule.doc())?;
    Ok(Code::Clean)
}
