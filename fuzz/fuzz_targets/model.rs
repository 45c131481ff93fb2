//! A fuzzed `Model(...)` text: checking it never panics, and every problem is well placed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan_fuzz::{check_diagnostics, source, text, MODEL_HEADER};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data, MODEL_HEADER) else {
        return;
    };
    let src = source("fuzz-model.ron".as_ref(), text);
    match orgplan::model::check_model(&src) {
        Ok(l) => check_diagnostics(&l.warnings),
        Err(d) => check_diagnostics(&d),
    }
});
