use crate::diagnostic::{Diagnostic, Fix};
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that times are written on the 24-hour clock: `16:20`, not
    /// `4:20 PM`. The fix rewrites the time (`4:20 PM` → `16:20`) and keeps
    /// any zone written after it.
    ///
    /// ## Why is this bad?
    /// AM and PM are easy to drop, misread and get wrong around noon and
    /// midnight (`12:00 AM` is midnight). Logs, dashboards and alerting tools
    /// use the 24-hour clock, so a report that does too can be compared with
    /// them directly.
    ///
    /// ## Example
    /// ```markdown
    /// - 4:20 PM - Alert fires
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// - 16:20 - Alert fires
    /// ```
    pub(crate) static TWELVE_HOUR_CLOCK = {
        id: "twelve-hour-clock",
        family: Time,
        severity: Warning,
        fix: Sometimes,
        summary: "Times use the 24-hour clock",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for clock in &report.times.clocks {
        if clock.meridiem.is_none() {
            continue;
        }
        let written = report.doc.text(&clock.clock_span);
        let mut d = TWELVE_HOUR_CLOCK.diagnostic(
            clock.clock_span.clone(),
            format!("`{written}` uses the 12-hour clock"),
        );
        // An impossible time (`13:00 PM`) is `invalid-datetime`'s; no fix.
        match clock.to_24h() {
            Some(fixed) => {
                d = d
                    .with_help(format!("write `{fixed}`"))
                    .with_fix(Fix::replace(
                        clock.clock_span.clone(),
                        fixed,
                        "write the time on the 24-hour clock",
                    ));
            }
            None => d = d.with_help("write the time on the 24-hour clock (00:00 to 23:59)"),
        }
        out.push(d);
    }
}
