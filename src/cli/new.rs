//! `incident new`: render a template and write it to the next free
//! `incident-YYYY-MM-DD-N.md`, never touching an existing file.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use regex::Regex;

use crate::cli::templates::{choose, project_settings};
use crate::cli::{Code, Failure, NewArgs};
use crate::input::{describe_io, display_path};

/// How many numbers past the highest existing one `new` tries before it
/// gives up (only reachable if something else keeps creating files).
const MAX_ATTEMPTS: u32 = 10_000;

pub fn run(args: &NewArgs) -> Result<Code, Failure> {
    let settings = project_settings()?;
    let template = choose(&settings, args.template.as_deref())?;
    let mut values = parse_sets(&args.set)?;
    let mut at = match &args.at {
        Some(text) => parse_at(text).map_err(Failure::Usage)?,
        None => Utc::now(),
    };
    let interactive = args.set.is_empty()
        && !args.stdout
        && std::env::var_os("CI").is_none_or(|v| v.is_empty())
        && io::stdin().is_terminal()
        && io::stderr().is_terminal();
    if interactive {
        let variables = template.variables().map_err(Failure::Usage)?;
        ask(args.at.is_none(), &variables, &mut at, &mut values)?;
    }
    let text = template.render(at, &values).map_err(Failure::Usage)?;
    if args.stdout {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(Code::Clean);
    }
    let path = create(&args.dir, at.date_naive(), &text).map_err(Failure::Usage)?;
    let shown = display_path(&path);
    writeln!(io::stdout().lock(), "{shown}")?;
    writeln!(
        io::stderr().lock(),
        "Created {shown} from the `{}` template.\n\
         Next: write each section, delete the guidance notes (> [!NOTE]) as you go, \
         and run `incident check {shown}` until it reports nothing.",
        template.name
    )?;
    Ok(Code::Clean)
}

/// Parses `--set key=value` pairs. The key is a variable name.
fn parse_sets(sets: &[String]) -> Result<BTreeMap<String, String>, Failure> {
    let mut values = BTreeMap::new();
    for set in sets {
        let Some((key, value)) = set.split_once('=') else {
            return Err(Failure::Usage(format!(
                "--set `{set}`: expected KEY=VALUE, e.g. --set severity=SEV-2"
            )));
        };
        let key = key.trim();
        let valid = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(Failure::Usage(format!(
                "--set `{set}`: `{key}` is not a variable name (letters, digits and `_`)"
            )));
        }
        if values
            .insert(key.to_string(), value.trim().to_string())
            .is_some()
        {
            return Err(Failure::Usage(format!("--set: `{key}` is given twice")));
        }
    }
    Ok(values)
}

/// `2025-10-14T08:41:00Z`, `2025-10-14 08:41+02:00`, `…T08:41:00.5-0600`,
/// `… 08:41 UTC`: date, time and a zone.
static DATETIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4}-\d{2}-\d{2})[Tt ](\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\s*([A-Za-z]+|[+-]\d{2}(?::?\d{2})?)?$",
    )
    .expect("valid regex")
});

/// Parses `--at`: an ISO 8601 date-time with `Z` or an offset, converted to
/// UTC. Anything that leaves the zone or the time of day open is refused.
pub fn parse_at(text: &str) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    let example = "e.g. 2025-10-14T08:41:00Z or 2025-10-14T02:41:00-06:00";
    if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() {
        return Err(format!(
            "--at `{text}` is a date without a time; give the time and zone too ({example})"
        ));
    }
    let Some(caps) = DATETIME.captures(text) else {
        return Err(format!(
            "--at `{text}` is not an ISO 8601 date-time ({example})"
        ));
    };
    let date = NaiveDate::parse_from_str(&caps[1], "%Y-%m-%d");
    let time = NaiveTime::parse_from_str(&caps[2], "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(&caps[2], "%H:%M"));
    // chrono reads `:60` as a leap second; a report title cannot show one.
    let (Ok(date), Ok(time)) = (
        date,
        time.ok()
            .filter(|t| t.nanosecond() < 1_000_000_000)
            .ok_or(()),
    ) else {
        return Err(format!("--at `{text}` is not a real date and time"));
    };
    let local = NaiveDateTime::new(date, time);
    let offset = match caps.get(3).map(|m| m.as_str()) {
        None => {
            return Err(format!(
                "--at `{text}` has no time zone, so its UTC time is unknown; \
                 add `Z` for UTC or an offset such as `-06:00`"
            ));
        }
        Some(zone) if zone.eq_ignore_ascii_case("z") || zone.eq_ignore_ascii_case("utc") => 0,
        Some(zone) if zone.starts_with(['+', '-']) => {
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let hours: i32 = digits[..2].parse().unwrap_or(99);
            let minutes: i32 = digits.get(2..4).map_or(Ok(0), str::parse).unwrap_or(99);
            if hours > 23 || minutes > 59 {
                return Err(format!("--at `{text}`: `{zone}` is not a UTC offset"));
            }
            let seconds = hours * 3600 + minutes * 60;
            if zone.starts_with('-') {
                -seconds
            } else {
                seconds
            }
        }
        Some(zone) => {
            return Err(format!(
                "--at `{text}`: the zone name `{zone}` is ambiguous; \
                 write `Z` for UTC or a numeric offset such as `-07:00`"
            ));
        }
    };
    let offset = FixedOffset::east_opt(offset)
        .ok_or_else(|| format!("--at `{text}`: the offset is out of range"))?;
    local
        .and_local_timezone(offset)
        .single()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| format!("--at `{text}` is not a real date and time"))
}

/// Writes `text` to the next free `dir/incident-DATE-N.md`, creating `dir`
/// if needed. The file is created exclusively: if another process takes a
/// number first, the next one is tried; an existing file is never opened.
fn create(dir: &Path, date: NaiveDate, text: &str) -> Result<PathBuf, String> {
    let shown = display_path(dir);
    if dir.exists() && !dir.is_dir() {
        return Err(format!("--dir {shown} is a file, not a folder"));
    }
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the folder {shown}: {}", describe_io(&e)))?;
    let first = next_number(dir, date)?;
    create_from(dir, date, first, text)
}

/// Creates `dir/incident-DATE-N.md` for the first N from `first` on that is
/// free at the moment of creation.
fn create_from(dir: &Path, date: NaiveDate, first: u32, text: &str) -> Result<PathBuf, String> {
    let shown = display_path(dir);
    for n in first..first.saturating_add(MAX_ATTEMPTS) {
        let path = dir.join(format!("incident-{date}-{n}.md"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return match file
                    .write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        drop(file);
                        // The file is ours (created just now), and incomplete.
                        let _ = fs::remove_file(&path);
                        Err(format!(
                            "cannot write {}: {}",
                            display_path(&path),
                            describe_io(&e)
                        ))
                    }
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(format!(
                    "cannot create a report in {shown}: {}",
                    describe_io(&e)
                ));
            }
        }
    }
    Err(format!(
        "cannot find a free report number for {date} in {shown}"
    ))
}

/// One more than the highest N of `incident-DATE-N.md` in `dir` (1 if none).
fn next_number(dir: &Path, date: NaiveDate) -> Result<u32, String> {
    let prefix = format!("incident-{date}-");
    let entries = fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the folder {}: {}",
            display_path(dir),
            describe_io(&e)
        )
    })?;
    let highest = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let n = name
                .to_str()?
                .strip_prefix(&prefix)?
                .strip_suffix(".md")?
                .parse::<u32>()
                .ok()?;
            Some(n)
        })
        .max()
        .unwrap_or(0);
    Ok(highest.saturating_add(1))
}

/// Asks, on a terminal, for the start time (if `--at` was not given) and
/// the template's `severity` and `summary`. An empty answer skips.
fn ask(
    ask_time: bool,
    variables: &std::collections::BTreeSet<String>,
    at: &mut DateTime<Utc>,
    values: &mut BTreeMap<String, String>,
) -> Result<(), Failure> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut err = io::stderr().lock();
    writeln!(err, "Press Enter to skip a question.")?;
    let mut read =
        |question: &str, err: &mut io::StderrLock<'_>| -> Result<Option<String>, Failure> {
            write!(err, "{question}: ")?;
            err.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                writeln!(err)?;
                return Ok(None);
            }
            let line = line.trim();
            Ok((!line.is_empty()).then(|| line.to_string()))
        };
    if ask_time {
        let question = "When did the incident start? (ISO 8601 with Z or an offset; Enter for now)";
        while let Some(answer) = read(question, &mut err)? {
            match parse_at(&answer) {
                Ok(parsed) => {
                    *at = parsed;
                    break;
                }
                Err(message) => writeln!(err, "{}", message.trim_start_matches("--at "))?,
            }
        }
    }
    for (key, question) in [
        ("severity", "Severity (e.g. SEV-2)"),
        ("summary", "One-line summary"),
    ] {
        if variables.contains(key) {
            if let Some(answer) = read(question, &mut err)? {
                values.insert(key.to_string(), answer);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> String {
        match parse_at(text) {
            Ok(t) => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn at_accepts_utc_and_offsets() {
        assert_eq!(at("2025-10-14T08:41:00Z"), "2025-10-14T08:41:00Z");
        assert_eq!(at("2025-10-14t08:41z"), "2025-10-14T08:41:00Z");
        assert_eq!(at("2025-10-14 08:41:07.25 UTC"), "2025-10-14T08:41:07Z");
        assert_eq!(at("2025-10-14T02:41:00-06:00"), "2025-10-14T08:41:00Z");
        assert_eq!(at("2025-10-14T23:30:00-0200"), "2025-10-15T01:30:00Z");
        assert_eq!(at("2025-10-14T00:10+05"), "2025-10-13T19:10:00Z");
    }

    #[test]
    fn at_refuses_what_is_ambiguous_or_impossible() {
        for (input, says) in [
            ("2025-10-14T08:41:00", "no time zone"),
            ("2025-10-14", "date without a time"),
            ("2025-10-14 08:41 MST", "ambiguous"),
            ("2025-02-30T08:41Z", "not a real date"),
            ("2025-10-14T25:10Z", "not a real date"),
            ("2025-10-14T08:41:60Z", "not a real date"),
            ("2025-10-14T08:41+24:00", "not a UTC offset"),
            ("yesterday", "not an ISO 8601"),
            ("10/14/2025 8:41 AM", "not an ISO 8601"),
        ] {
            let got = at(input);
            assert!(got.contains(says), "{input}: {got}");
        }
    }

    #[test]
    fn sets_need_key_equals_value() {
        let ok = parse_sets(&["severity=SEV-2".into(), "summary=a=b".into()]).unwrap();
        assert_eq!(ok["summary"], "a=b");
        assert!(parse_sets(&["severity".into()]).is_err());
        assert!(parse_sets(&["two words=x".into()]).is_err());
        assert!(parse_sets(&["a=1".into(), "a=2".into()]).is_err());
    }

    #[test]
    fn numbers_follow_the_highest_for_the_date() {
        let dir = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 10, 14).unwrap();
        assert_eq!(next_number(dir.path(), date).unwrap(), 1);
        for name in [
            "incident-2025-10-14-1.md",
            "incident-2025-10-14-3.md",
            "incident-2025-10-15-9.md",
            "incident-2025-10-14-x.md",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(next_number(dir.path(), date).unwrap(), 4);
        let path = create(dir.path(), date, "new\n").unwrap();
        assert!(path.ends_with("incident-2025-10-14-4.md"));
        assert_eq!(
            fs::read_to_string(dir.path().join("incident-2025-10-14-1.md")).unwrap(),
            "x"
        );
    }

    /// Another process took the number between the scan and the creation:
    /// the taken files are left alone and the next free number is used.
    #[test]
    fn a_number_taken_meanwhile_is_skipped_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 10, 14).unwrap();
        fs::write(dir.path().join("incident-2025-10-14-1.md"), "first").unwrap();
        fs::write(dir.path().join("incident-2025-10-14-2.md"), "second").unwrap();
        let path = create_from(dir.path(), date, 1, "third").unwrap();
        assert!(path.ends_with("incident-2025-10-14-3.md"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(
            fs::read_to_string(dir.path().join("incident-2025-10-14-1.md")).unwrap(),
            "first"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("incident-2025-10-14-2.md")).unwrap(),
            "second"
        );
    }

    /// Threads released at the same moment each get their own, complete file
    /// (whether or not their scans of the folder overlap).
    #[test]
    fn simultaneous_creations_get_distinct_files() {
        let dir = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 10, 14).unwrap();
        let threads = 8;
        let barrier = std::sync::Barrier::new(threads);
        let mut paths: Vec<PathBuf> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|i| {
                    let (barrier, dir) = (&barrier, dir.path());
                    scope.spawn(move || {
                        barrier.wait();
                        create(dir, date, &format!("report {i}\n")).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), threads);
        let mut bodies: Vec<String> = paths
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        bodies.sort();
        let expected: Vec<String> = (0..threads).map(|i| format!("report {i}\n")).collect();
        assert_eq!(bodies, expected);
    }
}
