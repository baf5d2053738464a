//! All integration tests, in one binary (one link, one run).

mod cli_check;
mod common;
mod docs;
mod structure;
