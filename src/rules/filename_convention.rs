use chrono::{Datelike, NaiveDate};

use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that the file is named `incident-YYYY-MM-DD-N.md` (N = 1, 2, …
    /// for several incidents on one day) and that its date is the title's.
    /// Standard input is not checked.
    ///
    /// ## Why is this bad?
    /// Reports are listed, sorted and linked by file name. A name without
    /// the number collides with the next incident that day, and a date that
    /// disagrees with the title sends readers to the wrong day.
    ///
    /// ## Example
    /// `incidentReports/outage.md`, or `incident-2025-10-15-1.md` for a
    /// report titled `# Incident: 2025-10-14 08-41-00`.
    ///
    /// ## Use instead
    /// `incidentReports/incident-2025-10-14-1.md`
    pub(crate) static FILENAME_CONVENTION = {
        id: "filename-convention",
        family: Structure,
        severity: Warning,
        fix: Never,
        summary: "The file is named `incident-YYYY-MM-DD-N.md` and its date matches the title's",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    if report.path == "-" {
        return;
    }
    let Some(name) = report.file_name() else {
        return;
    };
    let title_date = report
        .title
        .as_ref()
        .and_then(|t| t.datetime)
        .map(|dt| iso_date(dt.date()));
    let span = report
        .title
        .as_ref()
        .map_or_else(|| report.doc.line_span(0), |t| t.span.clone());
    let suggestion = |date: &str| format!("incident-{date}-1.md");
    match parse_name(name) {
        Some((date, Some(_))) => {
            if let Some(title_date) = &title_date {
                if date != title_date {
                    out.push(
                        FILENAME_CONVENTION
                            .diagnostic(span, format!("the file name's date {date} is not the title's date {title_date}"))
                            .with_help(format!("rename the file to use {title_date}, or correct the title")),
                    );
                }
            }
        }
        Some((date, None)) => out.push(
            FILENAME_CONVENTION
                .diagnostic(
                    span,
                    format!("the file name `{name}` has no incident number"),
                )
                .with_help(format!(
                    "rename the file to `{}` (the next free number for that day)",
                    suggestion(date)
                )),
        ),
        None => {
            let help = match &title_date {
                Some(date) => format!("rename the file to `{}`", suggestion(date)),
                None => "name the file `incident-YYYY-MM-DD-N.md`".to_string(),
            };
            out.push(
                FILENAME_CONVENTION
                    .diagnostic(
                        span,
                        format!("the file name `{name}` is not `incident-YYYY-MM-DD-N.md`"),
                    )
                    .with_help(help),
            );
        }
    }
}

/// `2025-10-14`: what chrono's `%Y-%m-%d` writes, without parsing that
/// format string for every report.
fn iso_date(date: NaiveDate) -> String {
    let (year, month, day) = (date.year(), date.month(), date.day());
    if (0..=9999).contains(&year) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// `incident-2025-10-14-1.md` → `("2025-10-14", Some("1"))`;
/// `incident-2025-10-14.md` → `("2025-10-14", None)`.
fn parse_name(name: &str) -> Option<(&str, Option<&str>)> {
    let stem = name.strip_prefix("incident-")?.strip_suffix(".md")?;
    let date = stem.get(..10)?;
    let valid_date =
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() && date.as_bytes()[4] == b'-';
    if !valid_date {
        return None;
    }
    match &stem[10..] {
        "" => Some((date, None)),
        rest => {
            let n = rest.strip_prefix('-')?;
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
                .then_some((date, Some(n)))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_date_writes_what_the_chrono_format_writes() {
        use chrono::NaiveDate;
        for (y, m, d) in [
            (2025, 10, 14),
            (0, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 5),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(super::iso_date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn names() {
        use super::parse_name;
        assert_eq!(
            parse_name("incident-2025-10-14-1.md"),
            Some(("2025-10-14", Some("1")))
        );
        assert_eq!(
            parse_name("incident-2025-10-14-12.md"),
            Some(("2025-10-14", Some("12")))
        );
        assert_eq!(
            parse_name("incident-2025-10-14.md"),
            Some(("2025-10-14", None))
        );
        assert_eq!(parse_name("incident-2025-10-14-01.md"), None);
        assert_eq!(parse_name("incident-2025-02-30-1.md"), None);
        assert_eq!(parse_name("incident-2025-10-14-a.md"), None);
        assert_eq!(parse_name("notes.md"), None);
    }
}
