//! `incident`: scaffold incident reports (postmortems) from templates and
//! check them the way a careful reviewer would.
//!
//! The pipeline, for each file: [`input`] reads it, [`document`] parses the
//! Markdown once, [`model`] builds the report model (sections, timeline,
//! impact, action items), [`rules`] check the model, [`engine`] resolves
//! positions, and [`render`] prints. [`cli`] wires it to the command line.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod export;
pub mod fix;
pub mod input;
pub mod model;
pub mod render;
pub mod rules;
pub mod suppress;
pub mod templates;
#[doc(hidden)]
pub mod testing;
