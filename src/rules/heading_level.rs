use crate::diagnostic::{Diagnostic, Fix};
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that each section of the template is a heading of the
    /// template's level (`## Root cause`, not `# Root cause` or
    /// `### Root cause`), and that it is a heading at all, not a plain line
    /// such as `Summary:` or `**Impact**`. The fix rewrites the `#` marks, or
    /// turns the plain line into a heading.
    ///
    /// ## Why is this bad?
    /// Heading levels are the report's outline. A section at the wrong level
    /// nests under its neighbour or competes with the title in every table of
    /// contents and every tool that reads the outline.
    ///
    /// ## Example
    /// ```markdown
    /// # Root cause
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Root cause
    /// ```
    pub(crate) static HEADING_LEVEL = {
        id: "heading-level",
        family: Structure,
        severity: Warning,
        fix: Sometimes,
        summary: "Required sections are at the template's heading level",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for section in &report.sections {
        let Some(spec) = report.spec(section) else {
            continue;
        };
        if section.level == spec.level {
            continue;
        }
        let want = "#".repeat(usize::from(spec.level));
        let name = section.heading_text.trim_end_matches(':').trim();
        let span = section.heading_span.clone();
        let text = report.doc.text(&span);
        if section.level == 0 {
            // `Summary:` or `**Impact**` on a line of its own.
            out.push(
                HEADING_LEVEL
                    .diagnostic(
                        span.clone(),
                        format!("`{}` is a plain line, not a heading", text.trim()),
                    )
                    .with_help(format!("make it a heading: `{want} {name}`"))
                    .with_fix(Fix::replace(
                        span,
                        format!("{want} {name}"),
                        "turn the line into a heading",
                    )),
            );
            continue;
        }
        let mut d = HEADING_LEVEL
            .diagnostic(
                span.clone(),
                format!(
                    "`{}` is a level-{} heading; the template has it at level {}",
                    section.heading_text, section.level, spec.level
                ),
            )
            .with_help(format!("write it as `{want} {name}`"));
        // ATX headings only: `#` marks then a space. Setext headings are left alone.
        let marks = text.len() - text.trim_start_matches('#').len();
        if marks > 0 && text[marks..].starts_with([' ', '\t']) {
            d = d.with_fix(Fix::replace(
                span.start..span.start + marks,
                want,
                "set the heading level",
            ));
        }
        out.push(d);
    }
}
