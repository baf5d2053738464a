//! All integration tests, in one binary (one link, one run).

mod actions;
mod bad_input;
mod cli;
mod cli_check;
mod common;
mod config;
mod docs;
mod export;
mod fix;
mod formats;
mod impact;
mod new;
mod properties;
mod secrets;
mod structure;
mod suppression;
mod time;
