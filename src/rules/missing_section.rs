use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that every required section of the report's template is present.
    /// A heading counts when it names the section or one of its aliases, in
    /// any case ("Root Cause Analysis" is Root cause, "Follow-ups" is Action
    /// items). Extra sections that the template does not have are fine.
    ///
    /// ## Why is this bad?
    /// Each section answers a question a reviewer will ask: what happened,
    /// who noticed, how bad it was, why, and what will change. A report
    /// without one leaves that question open.
    ///
    /// ## Example
    /// ```markdown
    /// ## Root cause
    /// A bad deploy.
    ///
    /// ## Action items
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Root cause
    /// A bad deploy.
    ///
    /// ## Resolution
    /// We rolled the deploy back at 10:42 UTC.
    ///
    /// ## Prevention
    /// ...
    ///
    /// ## Action items
    /// ```
    pub(crate) static MISSING_SECTION = {
        id: "missing-section",
        family: Structure,
        severity: Error,
        fix: Never,
        summary: "Each required section of the template is present (aliases count)",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let specs = &report.template.sections;
    for (index, spec) in specs.iter().enumerate() {
        if !spec.required || report.sections.iter().any(|s| s.spec == Some(index)) {
            continue;
        }
        // Point at the place the section belongs: before the next section of
        // the template that is present, else after the last one.
        let next = report
            .sections
            .iter()
            .filter(|s| s.spec.is_some_and(|i| i > index))
            .min_by_key(|s| s.spec);
        let hashes = "#".repeat(usize::from(spec.level));
        let (span, help) = match next {
            Some(next) => (
                next.heading_span.clone(),
                format!(
                    "add a `{hashes} {}` section before `{}`",
                    spec.name,
                    report.doc.text(&next.heading_span)
                ),
            ),
            None => {
                let end = report.doc.source.trim_end().len();
                let at = report.doc.line_span(end.saturating_sub(1));
                (
                    at,
                    format!(
                        "add a `{hashes} {}` section at the end of the report",
                        spec.name
                    ),
                )
            }
        };
        let aliases = if spec.aliases.is_empty() {
            String::new()
        } else {
            format!(
                " (or {})",
                spec.aliases
                    .iter()
                    .take(3)
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push(
            MISSING_SECTION
                .diagnostic(
                    span,
                    format!("the report has no `{}` section{aliases}", spec.name),
                )
                .with_help(help),
        );
    }
}
