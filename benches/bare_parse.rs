//! The baseline for `bench/run.sh`: the bare pulldown-cmark parse of every
//! `*.md` file under a folder, with the options `incident` uses, on all
//! cores — the floor that `incident check` is measured against.
//!
//! `cargo bench --bench bare_parse -- DIR` prints `files=N seconds=S`.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

#[expect(clippy::print_stdout, reason = "a benchmark harness reports on stdout")]
fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        // `cargo bench` with no folder: nothing to measure.
        return;
    };
    let started = Instant::now();
    let files: Vec<PathBuf> = ignore::WalkBuilder::new(&dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let events: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            pulldown_cmark::Parser::new_ext(&text, incident::document::markdown_options())
                .into_offset_iter()
                .count()
        })
        .sum();
    let seconds = started.elapsed().as_secs_f64();
    println!("files={} events={events} seconds={seconds:.4}", files.len());
}
