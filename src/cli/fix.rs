//! `incident fix`: applies the automatic fixes in place, or shows them.

use std::io::{self, Write};
use std::path::Path;

use crate::cli::check::{exit_code, load_config};
use crate::cli::{Code, Failure, FixArgs};
use crate::config::Settings;
use crate::diagnostic::Severity;
use crate::engine::Summary;
use crate::fix::{self, Outcome};
use crate::input::{self, Input};
use crate::model::secrets;

pub fn run(args: &FixArgs) -> Result<Code, Failure> {
    let config = load_config(args.config.as_deref())?;
    let settings = Settings::from_config(&config);
    let inputs = input::collect(&args.paths, &|path| config.selects(path));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr().lock();
    let mut totals = Totals::default();
    for input in &inputs {
        let path = input.display();
        let source = match input::read(input) {
            Ok(source) => source,
            Err(message) => {
                writeln!(err, "incident: {path}: {message}")?;
                totals.failed += 1;
                continue;
            }
        };
        totals.files += 1;
        let outcome = fix::fix_source(&path, source.clone(), &settings);
        totals.count(&outcome);
        if !outcome.converged {
            writeln!(
                err,
                "incident: {path}: fixes still pending after {} passes; run `incident fix` again",
                fix::MAX_PASSES
            )?;
        }
        if args.diff {
            write_diff(&mut out, &path, &source, &outcome.source)?;
        } else if args.dry_run {
            for a in &outcome.applied {
                writeln!(
                    out,
                    "{path}:{}: would fix [{}] {}",
                    a.line, a.rule, a.description
                )?;
            }
        } else if matches!(input, Input::Stdin) {
            // Standard input: the fixed text goes to standard output.
            out.write_all(outcome.source.as_bytes())?;
        } else if outcome.changed() {
            let Input::File(file) = input else { continue };
            match write_atomic(file, &outcome.source) {
                Ok(()) => {
                    for a in &outcome.applied {
                        writeln!(
                            out,
                            "{path}:{}: fixed [{}] {}",
                            a.line, a.rule, a.description
                        )?;
                    }
                }
                Err(why) => {
                    writeln!(err, "incident: {path}: {why}; the fixes were not written")?;
                    totals.failed += 1;
                    totals.unfixed(&outcome);
                }
            }
        }
    }
    out.flush()?;
    drop(out);
    let line = totals.line(args.diff || args.dry_run);
    if args.diff || inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        writeln!(err, "{line}")?;
    } else {
        let mut out = io::stdout().lock();
        writeln!(out, "{line}")?;
    }
    let summary = Summary {
        unreadable: totals.failed,
        errors: totals.errors_left,
        ..Summary::default()
    };
    Ok(exit_code(&summary, false))
}

/// Counts over a run.
#[derive(Debug, Default)]
struct Totals {
    files: usize,
    changed_files: usize,
    fixes: usize,
    left: usize,
    errors_left: usize,
    failed: usize,
}

impl Totals {
    fn count(&mut self, outcome: &Outcome) {
        self.changed_files += usize::from(outcome.changed());
        self.fixes += outcome.applied.len();
        self.left += outcome.remaining.len();
        self.errors_left += outcome
            .remaining
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
    }

    /// The fixes of a file that could not be written did not happen.
    fn unfixed(&mut self, outcome: &Outcome) {
        self.changed_files -= 1;
        self.fixes -= outcome.applied.len();
    }

    fn line(&self, preview: bool) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let verb = if preview { "Would fix" } else { "Fixed" };
        let mut line = format!(
            "{verb} {} in {} of {}",
            plural(self.fixes, "problem"),
            self.changed_files,
            plural(self.files, "file")
        );
        if self.left > 0 {
            line.push_str(&format!(
                "; {} left (`incident check` shows them)",
                plural(self.left, "problem")
            ));
        }
        if self.failed > 0 {
            line.push_str(&format!(
                "; {} could not be read or written",
                plural(self.failed, "file")
            ));
        }
        line.push('.');
        line
    }
}

/// A unified diff of the fixes. Credentials on the removed lines are shown
/// as `****`: a diff printed in a CI log must not leak what it redacts.
fn write_diff(out: &mut dyn Write, path: &str, old: &str, new: &str) -> io::Result<()> {
    if old == new {
        return Ok(());
    }
    let masked = secrets::mask(old, secrets::find(old).into_iter().map(|s| s.span));
    let diff = similar::TextDiff::from_lines(masked.as_str(), new);
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .header(&format!("a/{path}"), &format!("b/{path}"))
    )
}

/// Replaces `path`'s content atomically: writes a temporary file in the same
/// folder, gives it the original's permissions, then renames it over the
/// original. A symlink is followed, so the file it points to is replaced and
/// the link stays a link.
fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    let io = |e: io::Error| input::describe_io(&e);
    let target = std::fs::canonicalize(path).map_err(io)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let permissions = std::fs::metadata(&target).map_err(io)?.permissions();
    if permissions.readonly() {
        return Err("is read-only".into());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".incident-fix-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot create a temporary file beside it: {}", io(e)))?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().set_permissions(permissions).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}
