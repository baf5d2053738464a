use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Reports, once, a file that is clearly not an incident report: it has
    /// no title that mentions an incident or a date, and none of the
    /// template's sections. No other
    /// rule runs on such a file, so a README in a reports folder gets one
    /// finding instead of a cascade.
    ///
    /// ## Why is this bad?
    /// Either the file is in the wrong place, or it is a report whose
    /// headings all went astray. Either way a person should look.
    ///
    /// ## Example
    /// ```markdown
    /// # Notes for next week
    /// - buy pizza
    /// ```
    ///
    /// ## Use instead
    /// Move the file out of the reports folder, exclude it in
    /// `.incident.yml`, or give it the report's structure:
    /// ```markdown
    /// # Incident: 2025-10-14 08-41-00
    /// ## Summary
    /// ```
    pub(crate) static NOT_A_REPORT = {
        id: "not-a-report",
        family: Structure,
        severity: Warning,
        fix: Never,
        summary: "A file that is clearly not an incident report gets one finding instead of a cascade",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    if report.is_not_a_report() {
        out.push(
            NOT_A_REPORT
                .diagnostic(report.doc.line_span(0), "this file does not look like an incident report")
                .with_help(
                    "reports start with `# Incident: YYYY-MM-DD HH-mm-ss` and have the template's sections; \
                     exclude other files in `.incident.yml`",
                ),
        );
    }
}
