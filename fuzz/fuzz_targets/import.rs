//! A fuzzed staffing table (`orgplan import`): CSV text, or a workbook when the bytes start as a
//! zip. Reading it never panics (a damaged workbook is an error), and every error names a row
//! or is about the whole file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan::import::{import_workbook, table, Options};

/// The header row of a staff sheet, so that the fuzzer starts among the cells.
const HEADER: &str = "Họ và tên;Ngày sinh;Giới tính;Đơn vị;Chức danh;Hệ số lương\n";

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = Vec::new();
    if first % 2 == 1 {
        bytes.extend_from_slice(HEADER.as_bytes());
    }
    bytes.extend_from_slice(rest);
    let opts = Options {
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 12, 31),
        ..Options::default()
    };
    let wb = match table::read_bytes("fuzz.csv".as_ref(), bytes) {
        Ok(wb) => wb,
        Err(d) => return assert!(!d.message.is_empty()),
    };
    if let Err(d) = import_workbook(&wb, None, &opts) {
        assert!(d.has_errors());
        for e in d.errors() {
            if let Some(at) = &e.entity {
                assert!(at.starts_with("row ") || at.starts_with("sheet "), "{e}");
            }
        }
    }
});
