use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::model::Report;
use crate::model::impact::Measure;
use crate::model::numbers::Quantity;

declare_rule! {
    /// ## What it does
    /// Checks that a quantity stated in both the Summary and the Impact
    /// section has the same value there: the number of users affected, the
    /// support volume (tickets, calls, emails and complaints together) and
    /// the length of the incident ("For 36 minutes", "lasted an hour").
    /// Approximate figures ("about 250", "~30 minutes", "4-5 users") match
    /// anything within 10% (at least 1) of them. Both places are labelled.
    ///
    /// ## Why is this bad?
    /// When the Summary says 12 support calls and the Impact says 4 tickets,
    /// the reader cannot tell which is true, and whoever copies the number
    /// into a dashboard or a grade picks one at random. Usually one of them
    /// is left over from an earlier draft.
    ///
    /// ## Example
    /// ```markdown
    /// ## Summary
    /// … 12 calls to support came in.
    ///
    /// ## Impact
    /// … 4 support tickets were filed.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Summary
    /// … 4 support tickets were filed.
    ///
    /// ## Impact
    /// … 4 support tickets were filed.
    /// ```
    pub(crate) static IMPACT_MISMATCH = {
        id: "impact-mismatch",
        family: Impact,
        severity: Warning,
        fix: Never,
        summary: "A quantity stated in two sections has the same value",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let impact = &report.impact;
    let (Some(summary), Some(section)) = (impact.summary, impact.impact) else {
        return;
    };
    let users = |s: usize| {
        impact
            .in_section(s)
            .find(|f| f.measure == Measure::Users)
            .map(|f| (f.quantity.clone(), f.span.clone()))
    };
    if let (Some(a), Some(b)) = (users(summary), users(section)) {
        compare(out, "number of users affected", &a, &b, "");
    }
    if let (Some(a), Some(b)) = (
        impact.support_volume(summary),
        impact.support_volume(section),
    ) {
        compare(out, "number of support tickets", &a, &b, "");
    }
    let duration = |s: usize| {
        impact.incident_duration(s).map(|d| {
            let minutes = d.seconds as f64 / 60.0;
            let q = Quantity {
                span: d.span.clone(),
                low: minutes,
                high: minutes,
                approximate: d.approximate,
                negative: false,
            };
            (q, d.span.clone())
        })
    };
    if let (Some(a), Some(b)) = (duration(summary), duration(section)) {
        compare(out, "length of the incident", &a, &b, " minutes");
    }
}

fn compare(
    out: &mut Vec<Diagnostic>,
    what: &str,
    summary: &(Quantity, Span),
    impact: &(Quantity, Span),
    unit: &str,
) {
    if summary.0.agrees_with(&impact.0) {
        return;
    }
    let (s, i) = (summary.0.describe(), impact.0.describe());
    // "1 minute", "36 minutes".
    let unit_of = |q: &Quantity| {
        if q.high == 1.0 {
            unit.trim_end_matches('s')
        } else {
            unit
        }
    };
    let (su, iu) = (unit_of(&summary.0), unit_of(&impact.0));
    out.push(
        IMPACT_MISMATCH
            .diagnostic(
                impact.1.clone(),
                format!("the Impact section gives {i}{iu} as the {what}, the Summary {s}{su}"),
            )
            .with_label(impact.1.clone(), format!("Impact: {i}{iu}"))
            .with_label(summary.1.clone(), format!("Summary: {s}{su}"))
            .with_help(format!(
                "correct whichever is wrong so both sections state the same {what}"
            )),
    );
}
