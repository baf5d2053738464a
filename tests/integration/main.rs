//! All integration tests, in one binary (one link, one run).

mod actions;
mod cli;
mod cli_check;
mod common;
mod config;
mod docs;
mod export;
mod formats;
mod impact;
mod new;
mod structure;
mod suppression;
mod time;
