//! A fuzzed `Scenario(...)` text beside a fixed good model and norms (`small-model.ron`,
//! `small-norms.ron`): checking it never panics, and every problem is well placed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan_fuzz::{check_diagnostics, scenario_path, source, text, SCENARIO_HEADER};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data, SCENARIO_HEADER) else {
        return;
    };
    let src = source(&scenario_path(), text);
    match orgplan::model::check_scenario(&src) {
        Ok(l) => check_diagnostics(&l.warnings),
        Err(d) => check_diagnostics(&d),
    }
});
