//! `incident check`.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{CheckArgs, Code, ColorWhen, Failure};
use crate::config::{Config, Settings};
use crate::engine::{self, FileResult, Summary};
use crate::input::{self, Input};
use crate::render;
use crate::rules::{self, Family};

/// How many files are checked in parallel before their results are written;
/// bounds memory however many files there are.
const CHUNK: usize = 512;

pub fn run(args: &CheckArgs) -> Result<Code, Failure> {
    let config = load_config(args.config.as_deref())?;
    let mut settings = Settings::from_config(&config);
    select_rules(&mut settings, &args.select, &args.ignore)?;
    let inputs = input::collect(&args.paths, &|path| config.selects(path));
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut renderer = render::renderer(args.format, color, args.strict);
    let keep_source = renderer.needs_source();
    let pool = thread_pool(args.jobs)?;
    let stdout = io::stdout();
    // Large enough that a class's worth of JSON goes out in a few hundred
    // writes, not one per file.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut summary = Summary::default();
    let progress = progress_bar(inputs.len(), args.no_progress);
    // Each file's part of the output is written by the worker that checked
    // it, which then frees the file's result (memory freed by the thread
    // that allocated it is cheaper); this thread copies the parts out.
    let check = |index: usize, input: &Input| {
        let result = check_one(input, &settings, keep_source);
        let mut part = Vec::with_capacity(PART_CAPACITY);
        let written = renderer.file(&mut part, &result, index);
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        (Summary::of(&result), written.map(|()| part))
    };
    in_path_order(&pool, &inputs, check, |(totals, part)| {
        summary += totals;
        out.write_all(&part?)?;
        Ok(())
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    renderer.finish(&mut out, &summary)?;
    out.flush()?;
    Ok(exit_code(&summary, args.strict))
}

/// The room a file's part of the output starts with: four in five of the
/// corpus's reports fit their JSON in it, where a buffer grown from empty
/// is copied a dozen times.
const PART_CAPACITY: usize = 8 << 10;

/// More files than this, and a run is long enough to deserve a progress bar.
const PROGRESS_MIN_FILES: usize = 30;

/// A progress bar on stderr, only for a person watching: stderr is a
/// terminal, there are enough files, `CI` is not set and `--no-progress`
/// was not given. Output on stdout is never touched.
fn progress_bar(files: usize, no_progress: bool) -> Option<ProgressBar> {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    if no_progress || in_ci || files <= PROGRESS_MIN_FILES || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// The worker threads for `--jobs N` (0 or none: one per core).
pub(super) fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, Failure> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start worker threads: {e}")))
}

/// Runs `work` on every input on the pool and hands what it returns to
/// `write`, in path order. `work` gets each input's place in path order.
/// One thread works through the inputs chunk after chunk while this one
/// writes the chunk before: at most three chunks are alive at once (one
/// being written, one done and waiting, one being worked on). When
/// `write` fails (a closed pipe), no more chunks are started.
pub(super) fn in_path_order<T: Send>(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    work: impl Fn(usize, &Input) -> T + Sync + Send,
    mut write: impl FnMut(T) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let (sender, receiver) = mpsc::sync_channel::<Vec<T>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (n, chunk) in inputs.chunks(CHUNK).enumerate() {
                let done = pool.install(|| {
                    chunk
                        .par_iter()
                        .enumerate()
                        .map(|(i, input)| work(n * CHUNK + i, input))
                        .collect()
                });
                if sender.send(done).is_err() {
                    // The writer stopped: no one reads more.
                    break;
                }
            }
        });
        for done in receiver {
            for item in done {
                write(item)?;
            }
        }
        Ok(())
    })
}

/// Reads and checks one input.
pub fn check_one(input: &Input, settings: &Settings, keep_source: bool) -> FileResult {
    let path = input.display();
    match input::read(input) {
        Ok(source) => engine::check_file(path, source, settings, keep_source),
        Err(message) => FileResult::io_error(path, message),
    }
}

/// The exit code for a run's totals.
pub fn exit_code(summary: &Summary, strict: bool) -> Code {
    if summary.unreadable > 0 {
        Code::Usage
    } else if summary.errors > 0 || (strict && summary.warnings > 0) {
        Code::Findings
    } else {
        Code::Clean
    }
}

/// The configuration named on the command line, else the nearest one, else none.
pub fn load_config(explicit: Option<&Path>) -> Result<Config, Failure> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    match path {
        Some(path) => Config::load(&path).map_err(|e| Failure::Usage(e.to_string())),
        None => Ok(Config::default()),
    }
}

/// Applies `--select` and `--ignore`: rule ids or family names.
fn select_rules(
    settings: &mut Settings,
    select: &[String],
    ignore: &[String],
) -> Result<(), Failure> {
    let matcher = |names: &[String], flag: &str| -> Result<Vec<&'static str>, Failure> {
        let mut ids = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if let Some(family) = Family::from_name(name) {
                ids.extend(
                    rules::RULES
                        .iter()
                        .filter(|r| r.family == family)
                        .map(|r| r.id),
                );
            } else if let Some(rule) = rules::find(name) {
                ids.push(rule.id);
            } else {
                return Err(Failure::Usage(format!(
                    "{flag}: unknown rule or family `{name}` (families: structure, time, impact, actions, content; \
                     `incident explain --list` lists the rules)"
                )));
            }
        }
        Ok(ids)
    };
    let selected = matcher(select, "--select")?;
    let ignored = matcher(ignore, "--ignore")?;
    settings.rules.retain(|(rule, _)| {
        (selected.is_empty() || selected.contains(&rule.id)) && !ignored.contains(&rule.id)
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        let mut s = Summary::default();
        assert_eq!(exit_code(&s, false), Code::Clean);
        s.warnings = 1;
        assert_eq!(exit_code(&s, false), Code::Clean);
        assert_eq!(exit_code(&s, true), Code::Findings);
        s.errors = 1;
        assert_eq!(exit_code(&s, false), Code::Findings);
        s.unreadable = 1;
        assert_eq!(exit_code(&s, false), Code::Usage);
    }
}
