use crate::diagnostic::{Diagnostic, Fix};
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that the report starts with the title `# Incident: YYYY-MM-DD HH-mm-ss`,
    /// a level-1 heading naming a real date and time (UTC) when the incident began.
    ///
    /// ## Why is this bad?
    /// The title is how reports are found, sorted and matched to their file
    /// name. A missing, reworded or impossible date breaks all three, and
    /// tools that read the report cannot tell when the incident happened.
    ///
    /// A title with a real date and time written another way (colons,
    /// no seconds, an unpadded hour, a trailing `UTC`) is fixed to the
    /// template's format; a time in another zone needs a person to convert it.
    ///
    /// ## Example
    /// ```markdown
    /// # Pizza outage on 2025-10-14
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Incident: 2025-10-14 08-41-00
    /// ```
    pub(crate) static TITLE_FORMAT = {
        id: "title-format",
        family: Structure,
        severity: Error,
        fix: Sometimes,
        summary: "The first heading is `# Incident: YYYY-MM-DD HH-mm-ss` with a real date and time",
        check: check,
    }
}

const EXPECTED: &str = "start the report with `# Incident: YYYY-MM-DD HH-mm-ss`, the UTC date and time the incident began";

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let Some(title) = &report.title else {
        let first = report
            .doc
            .headings
            .first()
            .map_or_else(|| report.doc.line_span(0), |h| h.span.clone());
        out.push(
            TITLE_FORMAT
                .diagnostic(first, "the report has no `# Incident:` title")
                .with_help(EXPECTED),
        );
        return;
    };
    if title.level != 1 {
        let what = match title.level {
            0 => "the title is a plain line, not a heading".to_string(),
            level => format!("the title is a level-{level} heading"),
        };
        out.push(
            TITLE_FORMAT
                .diagnostic(title.span.clone(), what)
                .with_help("make the title a level-1 heading: `# Incident: YYYY-MM-DD HH-mm-ss`"),
        );
        return;
    }
    let text = title.text.trim();
    // Left-over template text is `template-placeholder`'s to report.
    if text.contains("YYYY") || text.contains("HH-mm") {
        return;
    }
    let problem = match parse(text) {
        Parsed::Exact => return,
        Parsed::Fixable { canonical, what } => {
            let source_text = report.doc.text(&title.span);
            let mut d = TITLE_FORMAT
                .diagnostic(title.span.clone(), format!("the title {what}"))
                .with_help(format!("write the title as `# {canonical}`"));
            if let Some(at) = source_text.find(text) {
                let start = title.span.start + at;
                d = d.with_fix(Fix::replace(
                    start..start + text.len(),
                    canonical,
                    "rewrite the title in the template's format",
                ));
            }
            out.push(d);
            return;
        }
        Parsed::Zone(zone) => {
            format!("the title's time is in {zone}; the title gives the start in UTC")
        }
        Parsed::Impossible(what) => format!("the title's {what} does not exist"),
        Parsed::NoTime => "the title has a date but no time".to_string(),
        Parsed::Other => format!("the title `{text}` is not `Incident: YYYY-MM-DD HH-mm-ss`"),
    };
    out.push(
        TITLE_FORMAT
            .diagnostic(title.span.clone(), problem)
            .with_help(EXPECTED),
    );
}

enum Parsed {
    Exact,
    /// A real date and time written another way (colons, no seconds, an
    /// unpadded hour, a trailing `UTC`): the canonical text and what differs.
    Fixable {
        canonical: String,
        what: &'static str,
    },
    /// A time in a zone other than UTC (`MDT`).
    Zone(String),
    /// The shape is right but the date or time is not real; says which.
    Impossible(String),
    NoTime,
    Other,
}

/// Reads `Incident: YYYY-MM-DD H[H][-:]mm[[-:]ss] [UTC|Z|ZONE]`.
fn parse(text: &str) -> Parsed {
    let Some(rest) = text.strip_prefix("Incident:") else {
        return Parsed::Other;
    };
    let rest = rest.trim_start();
    let Some(date) = rest.get(..10) else {
        return Parsed::Other;
    };
    let date_shape = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !date_shape {
        return Parsed::Other;
    }
    if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
        return Parsed::Impossible(format!("date {date}"));
    }
    let after = rest[10..].trim();
    if after.is_empty() {
        return Parsed::NoTime;
    }
    let (clock, zone) = after
        .split_once(char::is_whitespace)
        .map_or((after, ""), |(c, z)| (c, z.trim()));
    let (clock, zone) = match clock.strip_suffix('Z') {
        Some(c) if zone.is_empty() => (c, "Z"),
        _ => (clock, zone),
    };
    let parts: Vec<&str> = clock.split(['-', ':']).collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let (h, m, sec) = match numbers.as_deref() {
        Some([h, m]) => (*h, *m, 0),
        Some([h, m, sec]) => (*h, *m, *sec),
        _ => return Parsed::Other,
    };
    if chrono::NaiveTime::from_hms_opt(h, m, sec).is_none() {
        return Parsed::Impossible(format!("time {clock}"));
    }
    if !zone.is_empty() && !zone.eq_ignore_ascii_case("utc") && zone != "Z" {
        return Parsed::Zone(zone.to_string());
    }
    let canonical = format!("Incident: {date} {h:02}-{m:02}-{sec:02}");
    if canonical == text {
        return Parsed::Exact;
    }
    let what = if !zone.is_empty() {
        "names its zone; the title's time is always UTC, written `HH-mm-ss`"
    } else if clock.contains(':') {
        "writes the time with colons; the template writes `HH-mm-ss`"
    } else if parts.len() == 2 {
        "has no seconds; the template writes `HH-mm-ss`"
    } else {
        "is not in the template's format `YYYY-MM-DD HH-mm-ss`"
    };
    Parsed::Fixable { canonical, what }
}

#[cfg(test)]
mod tests {
    use super::{Parsed, parse};

    fn canonical(text: &str) -> Option<String> {
        match parse(text) {
            Parsed::Fixable { canonical, .. } => Some(canonical),
            _ => None,
        }
    }

    #[test]
    fn exact_and_fixable_titles() {
        assert!(matches!(
            parse("Incident: 2025-10-14 08-41-00"),
            Parsed::Exact
        ));
        assert_eq!(
            canonical("Incident: 2025-10-14 08:41:00").as_deref(),
            Some("Incident: 2025-10-14 08-41-00")
        );
        assert_eq!(
            canonical("Incident: 2025-10-14 8-41").as_deref(),
            Some("Incident: 2025-10-14 08-41-00")
        );
        assert_eq!(
            canonical("Incident:  2025-10-14 08-41-00 UTC").as_deref(),
            Some("Incident: 2025-10-14 08-41-00")
        );
        assert_eq!(
            canonical("Incident: 2025-10-14 08:41Z").as_deref(),
            Some("Incident: 2025-10-14 08-41-00")
        );
    }

    #[test]
    fn problems_that_need_a_person() {
        assert!(
            matches!(parse("Incident: 2025-10-14 08-41-00 MDT"), Parsed::Zone(z) if z == "MDT")
        );
        assert!(matches!(
            parse("Incident: 2025-02-30 08-41-00"),
            Parsed::Impossible(_)
        ));
        assert!(matches!(
            parse("Incident: 2025-10-14 25-41-00"),
            Parsed::Impossible(_)
        ));
        assert!(matches!(parse("Incident: 2025-10-14"), Parsed::NoTime));
        assert!(matches!(
            parse("Incident: 2025-10-14 11:50-12:05 UTC"),
            Parsed::Other
        ));
        assert!(matches!(parse("Pizza outage"), Parsed::Other));
    }
}
