use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::impact::{Measure, ShareOf};

declare_rule! {
    /// ## What it does
    /// Checks that a share of users or requests stated in the Summary or the
    /// Impact section (`7% of users`, `100% of orders`, `(80% OF JWT-Pizza
    /// USERS)`) lies between 0% and 100%.
    /// Percentages that are not shares of users or requests ("a 300%
    /// increase in latency") are left alone.
    ///
    /// ## Why is this bad?
    /// No incident affects 120% of its users. A share outside 0–100 is a typo
    /// or a mixed-up calculation, and every reader who notices it stops
    /// trusting the other numbers in the report.
    ///
    /// ## Example
    /// ```markdown
    /// This incident affected 212 users (107% of active users).
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// This incident affected 212 users (7% of active users).
    /// ```
    pub(crate) static PERCENT_RANGE = {
        id: "percent-range",
        family: Impact,
        severity: Error,
        fix: Never,
        summary: "A percentage of users or requests lies between 0 and 100",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for figure in &report.impact.figures {
        let Measure::Share(of) = figure.measure else {
            continue;
        };
        let q = &figure.quantity;
        let what = match of {
            ShareOf::Users => "users",
            ShareOf::Requests => "requests",
        };
        let problem = if q.negative || q.low < 0.0 {
            "below 0%"
        } else if q.high > 100.0 {
            "above 100%"
        } else {
            continue;
        };
        out.push(
            PERCENT_RANGE
                .diagnostic(
                    figure.span.clone(),
                    format!(
                        "{}% of {what} is {problem}: a share lies between 0% and 100%",
                        q.describe()
                    ),
                )
                .with_help(format!(
                    "recompute the share: {what} affected divided by all {what}, times 100"
                )),
        );
    }
}
