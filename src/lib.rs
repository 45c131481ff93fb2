//! orgplan: plan the restructuring of public administrations.
//!
//! The pipeline: [`files`] reads the RON files into plain structs, [`model`] checks them and
//! builds a resolved [`model::Model`] (collecting every problem as a [`diag::Diagnostic`]),
//! [`graph`] views it as one graph, [`overlaps`] finds overlapping, duplicated and missing
//! mandates, [`law`] holds the legal rules (retirement, packages),
//! [`alloc`] plans who takes which post, [`compare`] sets scenarios side by side and `chart`
//! (feature `chart`) draws the comparison. [`import`]
//! reads the staffing tables HR offices keep in Excel or CSV into a model. [`i18n`] is the
//! message catalogue every text a person reads comes from (Vietnamese by default).

// A `Diagnostic` carries the file, the position, the message, the help and the source text for
// drawing; it is built only on the error path, once per problem, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod alloc;
#[cfg(feature = "chart")]
pub mod chart;
pub mod compare;
pub mod diag;
pub mod diff;
pub mod files;
pub mod gen;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod law;
pub mod map;
pub mod merge;
pub mod model;
pub mod overlaps;
pub mod report;
pub mod watch;
