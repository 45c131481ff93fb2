//! orgplan: plan the restructuring of public administrations.
//!
//! The pipeline: [`files`] reads the RON files into plain structs, [`model`] checks them and
//! builds a resolved [`model::Model`] (collecting every problem as a [`diag::Diagnostic`]),
//! [`graph`] views it as one graph, [`law`] holds the legal rules (retirement, packages),
//! and [`alloc`] plans who takes which post.

// A `Diagnostic` (file, position, message, help, source) is the error of every reading
// function. It is built once per problem, never in a loop that matters, so its size (176 bytes)
// costs nothing; boxing it everywhere would only add noise.
#![allow(clippy::result_large_err)]

pub mod alloc;
pub mod diag;
pub mod files;
pub mod graph;
pub mod law;
pub mod model;
pub mod report;
