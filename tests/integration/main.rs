//! All integration tests, in one binary (one link, one run).

mod bad_input;
mod common;
mod fix;
mod properties;
mod secrets;
mod structure;
