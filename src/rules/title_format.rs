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
    /// A title that writes the time with colons (`08:41:00`) is fixed to the
    /// template's dashes (`08-41-00`).
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
    let heading = &report.doc.headings[title.heading];
    if heading.level != 1 {
        out.push(
            TITLE_FORMAT
                .diagnostic(
                    title.span.clone(),
                    format!("the title is a level-{} heading", heading.level),
                )
                .with_help("make the title a level-1 heading: `# Incident: YYYY-MM-DD HH-mm-ss`"),
        );
        return;
    }
    let text = title.text.trim();
    // Left-over template text is `template-placeholder`'s to report.
    if text.contains("YYYY") || text.contains("HH-mm") {
        return;
    }
    match parse(text) {
        Parsed::Exact => {}
        Parsed::Colons(fixed) => {
            let source_text = report.doc.text(&title.span);
            let fix = source_text.find(text).map(|at| {
                let start = title.span.start + at;
                Fix::replace(
                    start..start + text.len(),
                    fixed.clone(),
                    "write the time with dashes",
                )
            });
            let mut d = TITLE_FORMAT
                .diagnostic(
                    title.span.clone(),
                    "the title's time uses colons; the template writes `HH-mm-ss`",
                )
                .with_help(format!("write the title as `# {fixed}`"));
            if let Some(fix) = fix {
                d = d.with_fix(fix);
            }
            out.push(d);
        }
        Parsed::Impossible(what) => out.push(
            TITLE_FORMAT
                .diagnostic(
                    title.span.clone(),
                    format!("the title's {what} does not exist"),
                )
                .with_help("use the real UTC date and time the incident began"),
        ),
        Parsed::Other => out.push(
            TITLE_FORMAT
                .diagnostic(
                    title.span.clone(),
                    format!("the title `{text}` is not `Incident: YYYY-MM-DD HH-mm-ss`"),
                )
                .with_help(EXPECTED),
        ),
    }
}

enum Parsed {
    Exact,
    /// `Incident: 2025-10-14 08:41:00`, with the fixed text.
    Colons(String),
    /// The shape is right but the date or time is not real; says which.
    Impossible(String),
    Other,
}

fn parse(text: &str) -> Parsed {
    let Some(rest) = text.strip_prefix("Incident: ") else {
        return Parsed::Other;
    };
    let b = rest.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let shape = b.len() == 19
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .into_iter()
            .all(digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b' '
        && b[13] == b[16]
        && (b[13] == b'-' || b[13] == b':');
    if !shape {
        return Parsed::Other;
    }
    let date = &rest[..10];
    if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
        return Parsed::Impossible(format!("date {date}"));
    }
    let num = |r: std::ops::Range<usize>| rest[r].parse::<u32>().unwrap_or(99);
    if chrono::NaiveTime::from_hms_opt(num(11..13), num(14..16), num(17..19)).is_none() {
        return Parsed::Impossible(format!("time {}", &rest[11..19]));
    }
    if b[13] == b':' {
        return Parsed::Colons(format!(
            "Incident: {} {}",
            date,
            rest[11..19].replace(':', "-")
        ));
    }
    Parsed::Exact
}
