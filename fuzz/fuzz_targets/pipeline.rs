//! Arbitrary bytes through the whole pipeline: parse, every rule, every
//! renderer, and `fix` — which must reach a fixed point that a second run
//! leaves alone.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    incident::testing::pipeline(&String::from_utf8_lossy(data));
});
