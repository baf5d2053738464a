use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that the report states the incident's severity: `SEV-1` …
    /// `SEV-5` (or `Sev 2`, `Severity 2`), `P0` … `P4` as a level ("a P1
    /// incident", "Priority: P2"), or a word level ("high severity",
    /// "critical incident", "Severity: Medium"), anywhere in the title, a
    /// heading or the text, or as `severity:` in the front matter.
    ///
    /// ## Why is this bad?
    /// Severity decides who is paged, how fast the team must respond and
    /// how deep the review goes. A report without one cannot be ranked
    /// against other incidents, and readers guess from the prose.
    ///
    /// ## Example
    /// ```markdown
    /// ## Summary
    /// Between 08:41 and 09:17 UTC, 212 users could not place orders.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Summary
    /// Between 08:41 and 09:17 UTC, 212 users could not place orders. This
    /// was a SEV-2 incident.
    /// ```
    pub(crate) static SEVERITY_STATED = {
        id: "severity-stated",
        family: Content,
        severity: Warning,
        fix: Never,
        summary: "The report states its severity (SEV-1…, high, critical …), in text or front matter",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    if report.impact.severity.is_some() {
        return;
    }
    // An unwritten Summary (template guidance only) is `template-placeholder`'s
    // to report; the severity is usually stated there once it is written.
    let summary = report.impact.summary.and_then(|i| report.sections.get(i));
    if summary.is_some_and(|s| report.authored_blocks(s).next().is_none()) {
        return;
    }
    let at = report
        .impact
        .summary
        .and_then(|i| report.sections.get(i))
        .map(|s| s.heading_span.clone())
        .or_else(|| report.title.as_ref().map(|t| t.span.clone()))
        .unwrap_or_else(|| report.doc.line_span(0));
    out.push(
        SEVERITY_STATED
            .diagnostic(at, "the report does not state the incident's severity")
            .with_help("say how severe it was, e.g. \"This was a SEV-2 incident.\" in the Summary, or `severity: SEV-2` in the front matter"),
    );
}
