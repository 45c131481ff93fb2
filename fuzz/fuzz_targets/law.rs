//! A fuzzed `Law(...)` text: checking it never panics, and every problem is well placed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan_fuzz::{check_diagnostics, source, text};

/// The start of a law file, so that the fuzzer reaches the figures quickly.
const LAW_HEADER: &str =
    "Law(\n    id: \"x\",\n    name: \"Luật thử\",\n    regime: Decree178,\n    in_force: \"2025-01-01\",\n";

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data, LAW_HEADER) else {
        return;
    };
    let src = source("fuzz-law.ron".as_ref(), text);
    if let Err(d) = orgplan::law::check_law(&src) {
        check_diagnostics(&d);
    }
});
