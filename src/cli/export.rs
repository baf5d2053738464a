//! `incident export`: the facts of every report as JSON, YAML or CSV.

use std::io::{self, Write};

use crate::cli::check::{in_path_order, load_config, thread_pool};
use crate::cli::{Code, ExportArgs, ExportFormat, Failure};
use crate::config::Settings;
use crate::engine;
use crate::export::{CSV_HEADER, ReportFacts, Rubric};
use crate::input::{self, Input};

pub fn run(args: &ExportArgs) -> Result<Code, Failure> {
    let config = load_config(args.config.as_deref())?;
    let settings = Settings::from_config(&config);
    let inputs = input::collect(&args.paths, &|path| config.selects(path));
    let pool = thread_pool(args.jobs)?;
    let stdout = io::stdout();
    // The default 8 KiB: a reader that goes away (`| head`) stops the run
    // after as few entries as before.
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
    // Each report's entry is written on the worker that read it; this
    // thread copies the entries out in path order.
    let export = |_: usize, input: &Input| entry(input, &settings, args);
    in_path_order(&pool, &inputs, export, |entry| {
        match entry? {
            Entry::Written(text) => {
                if args.format == ExportFormat::Json {
                    write!(out, "{}\n  ", if first { "" } else { "," })?;
                }
                out.write_all(&text)?;
                first = false;
            }
            Entry::Unreadable { path, message } => {
                unreadable += 1;
                writeln!(io::stderr(), "incident: {path}: {message}")?;
            }
        }
        Ok(())
    })?;
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

/// One report's part of the output, or why there is none.
enum Entry {
    /// The report's entry as written: for JSON, without the separator
    /// before it, which depends on the entries before.
    Written(Vec<u8>),
    /// The file could not be read.
    Unreadable { path: String, message: String },
}

/// Reads one input and writes its entry in the format asked for.
fn entry(input: &Input, settings: &Settings, args: &ExportArgs) -> Result<Entry, Failure> {
    let path = input.display();
    let source = match input::read(input) {
        Ok(source) => source,
        Err(message) => return Ok(Entry::Unreadable { path, message }),
    };
    let report = engine::build_report(&path, source, settings);
    let mut facts = ReportFacts::from_report(&report);
    if args.rubric {
        facts.rubric = Some(Rubric::from_findings(&engine::check_report(
            &report,
            &Settings::default(),
        )));
    }
    let text = match args.format {
        ExportFormat::Json => {
            let text = serde_json::to_string_pretty(&facts).map_err(json_error)?;
            text.replace('\n', "\n  ").into_bytes()
        }
        ExportFormat::Yaml => serde_yaml_ng::to_string(&[&facts])
            .map_err(|e| Failure::Usage(e.to_string()))?
            .into_bytes(),
        ExportFormat::Csv => {
            let mut row = facts.csv_row();
            if let Some(rubric) = &facts.rubric {
                row.extend(rubric.csv_row());
            }
            csv_line(&row)?
        }
    };
    Ok(Entry::Written(text))
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
