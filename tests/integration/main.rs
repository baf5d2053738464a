//! All integration tests, in one binary (one link, one run).

mod actions;
mod common;
mod impact;
mod structure;
