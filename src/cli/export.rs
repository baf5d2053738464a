//! `incident export`: the facts of every report as JSON, YAML or CSV.

use std::io::{self, Write};

use rayon::prelude::*;

use crate::cli::check::{load_config, thread_pool};
use crate::cli::{Code, ExportArgs, ExportFormat, Failure};
use crate::config::Settings;
use crate::engine;
use crate::export::{CSV_HEADER, ReportFacts, Rubric};
use crate::input::{self, Input};

/// Reports are exported in chunks of this many, in path order.
const CHUNK: usize = 512;

pub fn run(args: &ExportArgs) -> Result<Code, Failure> {
    let config = load_config(args.config.as_deref())?;
    let settings = Settings::from_config(&config);
    let inputs = input::collect(&args.paths, &|path| config.selects(path));
    let pool = thread_pool(args.jobs)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.format == ExportFormat::Csv {
        let mut header: Vec<&str> = CSV_HEADER.to_vec();
        if args.rubric {
            header.extend(Rubric::CSV_HEADER);
        }
        out.write_all(&csv_line(&header)?)?;
    }
    let mut unreadable = 0;
    let mut first = true;
    if args.format == ExportFormat::Json {
        write!(out, "[")?;
    }
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<Result<ReportFacts, (String, String)>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| facts(input, &settings, args.rubric))
                .collect()
        });
        for result in results {
            let facts = match result {
                Ok(found) => found,
                Err((path, message)) => {
                    unreadable += 1;
                    writeln!(io::stderr(), "incident: {path}: {message}")?;
                    continue;
                }
            };
            match args.format {
                ExportFormat::Json => {
                    write!(out, "{}\n  ", if first { "" } else { "," })?;
                    let text = serde_json::to_string_pretty(&facts).map_err(json_error)?;
                    out.write_all(text.replace('\n', "\n  ").as_bytes())?;
                }
                ExportFormat::Yaml => {
                    let text = serde_yaml_ng::to_string(&[&facts])
                        .map_err(|e| Failure::Usage(e.to_string()))?;
                    out.write_all(text.as_bytes())?;
                }
                ExportFormat::Csv => {
                    let mut row = facts.csv_row();
                    if let Some(rubric) = &facts.rubric {
                        row.extend(rubric.csv_row());
                    }
                    out.write_all(&csv_line(&row)?)?;
                }
            }
            first = false;
        }
    }
    match args.format {
        ExportFormat::Json => writeln!(out, "{}]", if first { "" } else { "\n" })?,
        ExportFormat::Yaml if first => writeln!(out, "[]")?,
        ExportFormat::Yaml | ExportFormat::Csv => {}
    }
    out.flush()?;
    Ok(if unreadable > 0 {
        Code::Usage
    } else {
        Code::Clean
    })
}

/// Reads one input and returns its facts, or its path and why it could not be read.
fn facts(
    input: &Input,
    settings: &Settings,
    rubric: bool,
) -> Result<ReportFacts, (String, String)> {
    let path = input.display();
    let source = input::read(input).map_err(|message| (path.clone(), message))?;
    let report = engine::build_report(&path, source, settings);
    let mut facts = ReportFacts::from_report(&report);
    if rubric {
        facts.rubric = Some(Rubric::from_findings(&engine::check_report(
            &report,
            &Settings::default(),
        )));
    }
    Ok(facts)
}

fn json_error(err: serde_json::Error) -> Failure {
    Failure::Usage(format!("cannot write JSON: {err}"))
}

/// One CSV record, quoted as needed, with its line break.
fn csv_line<T: AsRef<[u8]>>(fields: &[T]) -> Result<Vec<u8>, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(fields)
        .map_err(|e| Failure::Usage(format!("cannot write CSV: {e}")))?;
    writer
        .into_inner()
        .map_err(|e| Failure::Usage(format!("cannot write CSV: {e}")))
}
