//! Arbitrary bytes through the whole pipeline: parse, every rule, every
//! renderer, and `fix` — which must reach a fixed point that a second run
//! leaves alone.

#![no_main]

use clap::ValueEnum;
use incident::config::Settings;
use incident::engine::{self, FileResult, Summary};
use incident::fix;
use incident::render::{self, Format};
use libfuzzer_sys::fuzz_target;

const PATH: &str = "incident-2025-01-01-1.md";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let settings = Settings::default();

    let (diagnostics, source) = engine::check_source(PATH, text.clone(), &settings);
    for d in &diagnostics {
        let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
        for span in spans {
            assert!(span.start <= span.end && span.end <= source.len(), "{d:?}");
            assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        }
    }
    let result = FileResult::new(PATH.to_string(), source, diagnostics, true);
    let mut summary = Summary::default();
    summary.add(&result);
    for format in Format::value_variants() {
        for color in [false, true] {
            let mut renderer = render::renderer(*format, color, false);
            let mut out = Vec::new();
            renderer.file(&mut out, &result).expect("writes to a Vec");
            renderer
                .finish(&mut out, &summary)
                .expect("writes to a Vec");
        }
    }

    let once = fix::fix_source(PATH, text, &settings);
    // Fixes of two rules that undo each other would never settle.
    assert!(once.converged, "fixes pending after {} passes", once.passes);
    let twice = fix::fix_source(PATH, once.source.clone(), &settings);
    assert!(
        twice.applied.is_empty(),
        "fix is not idempotent: the second run applied {:?}",
        twice.applied
    );
    assert_eq!(twice.source, once.source);
});
