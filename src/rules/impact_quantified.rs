use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::impact::Measure;

declare_rule! {
    /// ## What it does
    /// Checks that the Impact section says how bad the incident was, in
    /// numbers: how many users were affected (a count such as `212 users`,
    /// `about 250 customers`, `4-5 users`, `seven people`, or a share such as
    /// `7% of users` or `all customers`), for how long (`for 36 minutes`, or
    /// a window such as `between 08:41 and 09:17 UTC`), and how many support
    /// tickets, calls or posts came in (`4 support tickets`, `no support
    /// tickets were filed`). The finding names exactly which of the three is
    /// missing.
    ///
    /// A section that holds only the template's guidance is not written yet;
    /// `empty-section` and `template-placeholder` report it, not this rule.
    ///
    /// ## Why is this bad?
    /// "Users could not order pizza" does not say whether the incident was a
    /// blip or a disaster. Reviewers rank incidents, and graders score
    /// reports, by who was affected, for how long, and how many people
    /// complained. Zero is a number too: "No support tickets were filed" says
    /// that support was checked.
    ///
    /// ## Example
    /// ```markdown
    /// ## Impact
    /// Users could not place orders while the factory was down.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Impact
    /// For 36 minutes between 08:41 and 09:17 UTC, 212 users (7% of active
    /// users) could not place orders. 4 support tickets were filed.
    /// ```
    pub(crate) static IMPACT_QUANTIFIED = {
        id: "impact-quantified",
        family: Impact,
        severity: Warning,
        fix: Never,
        summary: "Impact states how many users were affected, for how long, and how many support tickets came in",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let impact = &report.impact;
    let Some(index) = impact.impact else {
        return;
    };
    let section = &report.sections[index];
    // An unwritten section (nothing but guidance) is another rule's finding.
    if report.authored_blocks(section).next().is_none() {
        return;
    }
    let figures: Vec<_> = impact.in_section(index).collect();
    let users = figures
        .iter()
        .any(|f| matches!(f.measure, Measure::Users | Measure::Share(_)));
    let support = figures
        .iter()
        .any(|f| matches!(f.measure, Measure::Support | Measure::Social));
    let duration = impact.durations.iter().any(|d| d.section == index)
        || impact.windows.iter().any(|w| w.section == index);
    let mut missing = Vec::new();
    let mut examples = Vec::new();
    if !users {
        missing.push("how many users were affected");
        examples.push("\"212 users (7% of active users) could not order\"");
    }
    if !duration {
        missing.push("for how long");
        examples.push("\"for 36 minutes, between 08:41 and 09:17 UTC\"");
    }
    if !support {
        missing.push("how many support tickets came in");
        examples.push("\"4 support tickets were filed\" (or \"no support tickets were filed\")");
    }
    if missing.is_empty() {
        return;
    }
    out.push(
        IMPACT_QUANTIFIED
            .diagnostic(
                section.heading_span.clone(),
                format!("the Impact section does not say {}", join(&missing)),
            )
            .with_help(format!("state it in numbers, e.g. {}", examples.join("; "))),
    );
}

/// "a", "a or b", "a, b or c".
fn join(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
