//! Inline suppression comments in a report:
//!
//! ```markdown
//! <!-- incident-disable RULE[,RULE] -->   …   <!-- incident-enable RULE -->
//! <!-- incident-disable-next-line RULE -->
//! ```
//!
//! A name is a rule id or a family (`time`); no name means every rule. A
//! finding is suppressed when the last `disable`/`enable` comment before it
//! that names its rule is a `disable` (so `incident-disable` at the top of a
//! file covers the whole file, and `incident-enable time` ends an
//! `incident-disable time` or an `incident-disable timeline-order`), or when
//! it starts on the line right after a `disable-next-line` that names it.
//!
//! A suppression that suppresses nothing is reported as `unused-suppression`,
//! but only for rules that ran: `--select time` does not make the structure
//! suppressions in a report "unused".

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Span};
use crate::rules::{self, Family};

/// What a suppression comment names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// No names: every rule.
    All,
    Rule(&'static str),
    Family(Family),
    /// A name that is neither a rule id nor a family.
    Unknown(String),
}

impl Target {
    fn parse(name: &str) -> Target {
        if let Some(rule) = rules::find(name) {
            Target::Rule(rule.id)
        } else if let Some(family) = Family::from_name(name) {
            Target::Family(family)
        } else {
            Target::Unknown(name.to_string())
        }
    }

    fn covers(&self, rule: &str) -> bool {
        match self {
            Target::All => true,
            Target::Rule(id) => *id == rule,
            Target::Family(family) => rules::find(rule).is_some_and(|r| r.family == *family),
            Target::Unknown(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    DisableNextLine,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Disable => "incident-disable",
            Kind::Enable => "incident-enable",
            Kind::DisableNextLine => "incident-disable-next-line",
        }
    }
}

/// One suppression comment.
#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The whole comment.
    span: Span,
    /// Each name with its byte range (the comment's range for `All`).
    targets: Vec<(Target, Span)>,
    /// For `disable-next-line`: the 0-based line it applies to.
    next_line: usize,
}

/// The suppression comments of a document, in order.
fn directives(doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    for comment in &doc.comments {
        let body = doc.text(&comment.body);
        // Longest keyword first: `incident-disable` is a prefix of the next-line form.
        let Some((kind, rest)) = [Kind::DisableNextLine, Kind::Disable, Kind::Enable]
            .into_iter()
            .find_map(|kind| {
                let rest = body.strip_prefix(kind.keyword())?;
                (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some((kind, rest))
            })
        else {
            continue;
        };
        let rest_start = comment.body.start + (body.len() - rest.len());
        let mut targets = Vec::new();
        let mut at = 0;
        for piece in rest.split([',', ' ', '\t', '\n', '\r']) {
            let start = rest_start + at;
            at += piece.len() + 1;
            if !piece.is_empty() {
                targets.push((Target::parse(piece), start..start + piece.len()));
            }
        }
        if targets.is_empty() {
            targets.push((Target::All, comment.span.clone()));
        }
        out.push(Directive {
            kind,
            span: comment.span.clone(),
            targets,
            next_line: doc.lines.line_of(comment.span.end.saturating_sub(1)) + 1,
        });
    }
    out
}

/// Removes the suppressed findings from `diagnostics` and adds an
/// `unused-suppression` finding for each suppression that removed nothing.
/// `not_a_report` says that only `not-a-report` ran on this file.
pub fn apply(
    doc: &Document,
    settings: &Settings,
    not_a_report: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let directives = directives(doc);
    if directives.is_empty() {
        return;
    }
    // used[d][t]: whether target t of directive d suppressed something.
    let mut used: Vec<Vec<bool>> = directives
        .iter()
        .map(|d| vec![false; d.targets.len()])
        .collect();
    diagnostics.retain(|diag| {
        let offset = diag.span.start;
        let line = doc.lines.line_of(offset);
        let mut by: Option<(usize, usize)> = None;
        for (i, d) in directives.iter().enumerate() {
            if d.span.start > offset {
                break;
            }
            let Some(t) = d.targets.iter().position(|(t, _)| t.covers(diag.rule)) else {
                continue;
            };
            match d.kind {
                Kind::Disable => by = Some((i, t)),
                Kind::Enable => by = None,
                Kind::DisableNextLine => {}
            }
        }
        if by.is_none() {
            by = directives.iter().enumerate().find_map(|(i, d)| {
                let t = d.targets.iter().position(|(t, _)| t.covers(diag.rule))?;
                (d.kind == Kind::DisableNextLine && d.next_line == line).then_some((i, t))
            });
        }
        match by {
            Some((i, t)) => {
                used[i][t] = true;
                false
            }
            None => true,
        }
    });

    let Some(severity) = settings
        .rules
        .iter()
        .find(|(r, _)| r.id == rules::unused_suppression_id())
        .map(|(_, s)| *s)
    else {
        return;
    };
    let ran = |target: &Target| -> bool {
        let ran_rule = |id: &str| {
            (!not_a_report || rules::runs_on_non_reports(id))
                && settings.rules.iter().any(|(r, _)| r.id == id)
        };
        match target {
            Target::All => settings
                .rules
                .iter()
                .any(|(r, _)| r.id != rules::unused_suppression_id() && ran_rule(r.id)),
            Target::Rule(id) => ran_rule(id),
            Target::Family(family) => rules::RULES
                .iter()
                .any(|r| r.family == *family && ran_rule(r.id)),
            Target::Unknown(_) => true,
        }
    };
    for (d, used) in directives.iter().zip(&used) {
        if d.kind == Kind::Enable {
            continue;
        }
        for ((target, span), used) in d.targets.iter().zip(used) {
            if *used || !ran(target) {
                continue;
            }
            diagnostics.push(unused(d.kind, target, span.clone(), severity));
        }
    }
}

fn unused(kind: Kind, target: &Target, span: Span, severity: Severity) -> Diagnostic {
    let keyword = kind.keyword();
    match target {
        Target::Unknown(name) => Diagnostic::new(
            rules::unused_suppression_id(),
            severity,
            span,
            format!("`{keyword} {name}` names no rule or family, so it suppresses nothing"),
        )
        .with_help(
            "use a rule id from `incident explain --list` or a family: structure, time, impact, actions, content",
        ),
        Target::All => Diagnostic::new(
            rules::unused_suppression_id(),
            severity,
            span,
            format!("`{keyword}` suppresses nothing here"),
        )
        .with_help("remove the comment"),
        Target::Rule(name) => unused_named(keyword, name, span, severity),
        Target::Family(family) => unused_named(keyword, family.as_str(), span, severity),
    }
}

fn unused_named(keyword: &str, name: &str, span: Span, severity: Severity) -> Diagnostic {
    let place = if keyword == Kind::DisableNextLine.keyword() {
        "on the next line"
    } else {
        "here"
    };
    Diagnostic::new(
        rules::unused_suppression_id(),
        severity,
        span,
        format!("`{keyword} {name}` suppresses nothing: no `{name}` finding {place}"),
    )
    .with_help(format!("remove `{name}` from the comment"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, found: &[(&'static str, usize)]) -> Vec<(&'static str, usize)> {
        run_with(text, found, &Settings::default(), false)
    }

    fn run_with(
        text: &str,
        found: &[(&'static str, usize)],
        settings: &Settings,
        not_a_report: bool,
    ) -> Vec<(&'static str, usize)> {
        let doc = Document::parse(text.to_string());
        let mut diags: Vec<Diagnostic> = found
            .iter()
            .map(|&(rule, line)| {
                let start = doc
                    .line_span(
                        text.match_indices('\n')
                            .nth(line.wrapping_sub(2))
                            .map_or(0, |(i, _)| i + 1),
                    )
                    .start;
                Diagnostic::new(rule, Severity::Error, start..start + 1, "x")
            })
            .collect();
        apply(&doc, settings, not_a_report, &mut diags);
        diags
            .iter()
            .map(|d| (d.rule, doc.lines.line_of(d.span.start) + 1))
            .collect()
    }

    #[test]
    fn disable_until_enable() {
        let text = "a\n<!-- incident-disable timeline-order -->\nb\n<!-- incident-enable timeline-order -->\nc\n";
        assert_eq!(
            run(
                text,
                &[
                    ("timeline-order", 1),
                    ("timeline-order", 3),
                    ("timeline-order", 5)
                ]
            ),
            [("timeline-order", 1), ("timeline-order", 5)]
        );
    }

    #[test]
    fn families_and_all() {
        let text = "<!-- incident-disable -->\na\n<!-- incident-enable time -->\nb\n";
        assert_eq!(
            run(
                text,
                &[
                    ("timeline-order", 2),
                    ("missing-section", 4),
                    ("timeline-utc", 4)
                ]
            ),
            [("timeline-utc", 4)]
        );
    }

    #[test]
    fn next_line_only() {
        let text = "<!-- incident-disable-next-line secret-leak, timeline-order -->\na\nb\n";
        assert_eq!(
            run(
                text,
                &[
                    ("secret-leak", 2),
                    ("secret-leak", 3),
                    ("timeline-order", 2)
                ]
            ),
            [("secret-leak", 3)]
        );
    }

    #[test]
    fn unused_and_unknown_names_are_reported() {
        let text = "<!-- incident-disable-next-line secret-leak,no-such-rule -->\na\n";
        assert_eq!(
            run(text, &[]),
            [("unused-suppression", 1), ("unused-suppression", 1)]
        );
        // Other comments are not suppressions.
        assert_eq!(
            run(
                "<!-- incident-disabled x -->\n<!-- incident-template: jwt-pizza -->\n",
                &[]
            ),
            []
        );
    }

    #[test]
    fn unused_only_for_rules_that_ran() {
        let text = "<!-- incident-disable -->\n<!-- incident-disable title-format -->\n<!-- incident-disable nope -->\na\n";
        let mut only = Settings::default();
        only.rules.retain(|(r, _)| r.id == "unused-suppression");
        // Nothing else ran: only the name that is no rule is reported.
        assert_eq!(
            run_with(text, &[], &only, false),
            [("unused-suppression", 3)]
        );
        // On a file that is not a report only not-a-report ran.
        assert_eq!(
            run_with(text, &[], &Settings::default(), true),
            [("unused-suppression", 1), ("unused-suppression", 3)]
        );
        // Turned off, nothing is reported.
        let mut off = Settings::default();
        off.rules.retain(|(r, _)| r.id != "unused-suppression");
        assert_eq!(run_with(text, &[], &off, false), []);
    }
}
