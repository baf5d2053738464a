//! Checks shared by the fuzz target (`fuzz/`) and the property tests: the
//! whole pipeline on one input, asserting what must hold for any input.
//! Not part of the tool's interface.

use clap::ValueEnum;

use crate::config::Settings;
use crate::engine::{self, FileResult, Summary};
use crate::fix;
use crate::render::{self, Format};

/// The file name the input is checked under.
const PATH: &str = "incident-2025-01-01-1.md";

/// What the fuzz target checks, for one input: parse, every rule, every
/// renderer, and a fix that a second run leaves alone.
///
/// # Panics
///
/// When any of those does not hold: that is the point.
pub fn pipeline(text: &str) {
    let settings = Settings::default();
    let (diagnostics, source) = engine::check_source(PATH, text.to_string(), &settings);
    for d in &diagnostics {
        let spans = std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span));
        for span in spans {
            assert!(span.start <= span.end && span.end <= source.len(), "{d:?}");
            assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        }
    }
    let result = FileResult::new(PATH.to_string(), source, diagnostics, true);
    let summary = Summary::of(&result);
    for format in Format::value_variants() {
        for color in [false, true] {
            let mut renderer = render::renderer(*format, color, false);
            let mut out = Vec::new();
            renderer
                .file(&mut out, &result, 0)
                .expect("writes to a Vec");
            renderer
                .finish(&mut out, &summary)
                .expect("writes to a Vec");
        }
    }
    let once = fix::fix_source(PATH, text.to_string(), &settings);
    // Fixes of two rules that undo each other would never settle.
    assert!(once.converged, "fixes pending after {} passes", once.passes);
    let twice = fix::fix_source(PATH, once.source.clone(), &settings);
    assert!(
        twice.applied.is_empty(),
        "not idempotent: {:?}",
        twice.applied
    );
    assert_eq!(twice.source, once.source);
}
