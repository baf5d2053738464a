//! All integration tests, in one binary (one link, one run).

mod cli;
mod common;
mod config;
mod formats;
mod structure;
mod suppression;
