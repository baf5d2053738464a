//! `incident explain RULE` and `incident explain --list`.

use std::io::{self, Write};

use crate::cli::{Code, ExplainArgs, Failure};
use crate::rules::{self, RULES};

pub fn run(args: &ExplainArgs) -> Result<Code, Failure> {
    let mut out = io::stdout().lock();
    if args.list {
        let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for rule in RULES {
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
    let id = args.rule.as_deref().unwrap_or_default();
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
