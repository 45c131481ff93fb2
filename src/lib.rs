//! orgplan: plan the restructuring of public administrations.
//!
//! The pipeline: [`files`] reads the RON files into plain structs, [`model`] checks them and
//! builds a resolved [`model::Model`] (collecting every problem as a [`diag::Diagnostic`]),
//! [`graph`] views it as one graph, [`law`] holds the legal rules (retirement, packages),
//! and [`alloc`] plans who takes which post.

pub mod alloc;
pub mod diag;
pub mod files;
pub mod graph;
pub mod law;
pub mod model;
pub mod report;
