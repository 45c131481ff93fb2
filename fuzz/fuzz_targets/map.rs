//! Arbitrary bytes as the three files of the 2025 map (`orgplan::map::Map::parse`): split at
//! the first two NUL bytes into mapping, new units and old units. Never panics; every problem
//! names a file and a line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgplan::map::Map;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let mapping = parts.next().unwrap_or("");
    let new_units = parts.next().unwrap_or("");
    let old_units = parts.next().unwrap_or("");
    if let Err(problems) = Map::parse(mapping, new_units, old_units) {
        for p in problems {
            assert!(!p.message.is_empty());
            assert!(["mapping.csv", "new_units.csv", "old_units.csv"].contains(&p.file));
        }
    }
});
