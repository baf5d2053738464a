use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that the timeline says its times are UTC: a line such as
    /// `All times are UTC.`, a `(UTC)` in the heading or the time column's
    /// header, or `UTC`/`Z` written after every entry's time.
    ///
    /// It reports a timeline whose entries carry no zone and that says
    /// nothing about one, and a timeline that says its times are in another
    /// zone ("All times are MST").
    ///
    /// ## Why is this bad?
    /// A time without a zone means something different to every reader.
    /// Responders, alerts and logs on different machines only line up when
    /// everyone uses one clock, and UTC is the one that does not jump at
    /// daylight-saving changes.
    ///
    /// ## Example
    /// ```markdown
    /// ## Timeline
    ///
    /// - 08:41 - First order request times out
    /// - 08:47 - Alert pages the on-call engineer
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Timeline
    ///
    /// All times are UTC.
    ///
    /// - 08:41 - First order request times out
    /// - 08:47 - Alert pages the on-call engineer
    /// ```
    pub(crate) static TIMELINE_UTC = {
        id: "timeline-utc",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "The timeline says its times are UTC",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let timeline = &report.timeline;
    let timed: Vec<_> = timeline
        .entries
        .iter()
        .filter_map(|e| e.clock.as_ref())
        .collect();
    if timed.is_empty() || timeline.utc_declared.is_some() {
        return;
    }
    if let Some((span, zone)) = &timeline.other_zone_declared {
        out.push(
            TIMELINE_UTC
                .diagnostic(
                    span.clone(),
                    format!("the timeline says its times are in {}, not UTC", zone.name),
                )
                .with_help("convert the timeline's times to UTC and say so: `All times are UTC.`"),
        );
        return;
    }
    // Every entry names its zone: UTC is then stated per entry, and any
    // other zone is `non-utc-time`'s to report.
    if timed.iter().all(|c| c.zone.is_some()) {
        return;
    }
    // Some entries say UTC: the unmarked ones are `non-utc-time`'s.
    if timed
        .iter()
        .any(|c| c.zone.as_ref().is_some_and(|z| z.is_utc()))
    {
        return;
    }
    let span = timeline
        .heading
        .clone()
        .unwrap_or_else(|| timeline.entries[0].span.clone());
    out.push(
        TIMELINE_UTC
            .diagnostic(
                span,
                format!(
                    "the timeline does not say its times are UTC ({} entries carry no zone)",
                    timed.iter().filter(|c| c.zone.is_none()).count()
                ),
            )
            .with_help("add `All times are UTC.` under the Timeline heading (after converting any local times)"),
    );
}
