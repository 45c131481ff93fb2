//! Arbitrary bytes, as `orgplan validate` reads a file: the text check (UTF-8, UTF-16,
//! binary), the kind, then the checks of that kind. Never panics; every problem is well
//! placed. The first byte picks a valid opening to prepend, so the fuzzer also starts deep.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan::diag::Diagnostics;
use orgplan::files::{detect_kind, source_from_bytes, FileKind};
use orgplan::model::{check_model, check_norms, check_scenario};
use orgplan_fuzz::{check_diagnostics, scenario_path, MODEL_HEADER, NORMS_HEADER, SCENARIO_HEADER};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let header = match first % 8 {
        1 => MODEL_HEADER,
        2 => NORMS_HEADER,
        3 => SCENARIO_HEADER,
        _ => "",
    };
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    let src = match source_from_bytes(&scenario_path(), bytes) {
        Ok(s) => s,
        Err(d) => return check_diagnostics(&Diagnostics(vec![d])),
    };
    let result = match detect_kind(&src) {
        Err(d) => Err(Diagnostics(vec![d])),
        Ok(FileKind::Model) => check_model(&src).map(|l| l.warnings),
        Ok(FileKind::Norms) => check_norms(&src).map(|l| l.warnings),
        Ok(FileKind::Scenario) => check_scenario(&src).map(|l| l.warnings),
    };
    match result {
        Ok(w) => check_diagnostics(&w),
        Err(d) => check_diagnostics(&d),
    }
});
