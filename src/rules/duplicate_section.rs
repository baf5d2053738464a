use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that each section of the template appears once (aliases
    /// count: `## Root cause` and `## Root Cause Analysis` are the same
    /// section).
    ///
    /// ## Why is this bad?
    /// Two sections with one purpose split the story: readers stop at the
    /// first and miss the second, and tools read only one of them.
    ///
    /// ## Example
    /// ```markdown
    /// ## Impact
    /// 40 users could not order.
    /// ## Impact
    /// 3 support tickets.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Impact
    /// 40 users could not order; 3 support tickets came in.
    /// ```
    pub(crate) static DUPLICATE_SECTION = {
        id: "duplicate-section",
        family: Structure,
        severity: Warning,
        fix: Never,
        summary: "A section appears once",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for (i, section) in report.sections.iter().enumerate() {
        let Some(spec) = section.spec else { continue };
        let Some(first) = report.sections[..i].iter().find(|s| s.spec == Some(spec)) else {
            continue;
        };
        let name = &report.template.sections[spec].name;
        out.push(
            DUPLICATE_SECTION
                .diagnostic(
                    section.heading_span.clone(),
                    format!("the `{name}` section appears again"),
                )
                .with_label(first.heading_span.clone(), "first appears here")
                .with_help(format!("merge the two `{name}` sections into one")),
        );
    }
}
