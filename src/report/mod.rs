//! Report data: what the commands print, as plain serializable structs. Rendering to tables
//! is the command line's job; JSON and CSV come from these structs directly.

pub mod html;
pub mod overlaps;
pub mod show;
pub mod xlsx;

/// Writes rows as CSV text (header first). Every report's CSV goes through here.
///
/// CSV is for people (it opens in a spreadsheet): the header row names each field in the
/// reader's language ([`column_header`]); the values are the rows' own (JSON is the machine
/// format, with the field names of SPEC §7.1).
pub fn to_csv<S: serde::Serialize>(rows: &[S]) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    if let Some(first) = rows.first() {
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(first) {
            w.write_record(map.keys().map(|k| column_header(k)))?;
        }
    }
    for r in rows {
        w.serialize(r)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// The header of a CSV column or workbook column made from a report's field: the catalogue's
/// `xlsx-col-<field>` (`cost_vnd` → `xlsx-col-cost-vnd`, "Chi phí (đồng)"), or the field's
/// name where the catalogue has none (a test lists every such gap).
pub fn column_header(field: &str) -> String {
    let key = format!("xlsx-col-{}", field.replace('_', "-"));
    if crate::i18n::has(&key) {
        crate::t!(&key)
    } else {
        field.to_string()
    }
}

/// A whole number of đồng with thousands separators: `1234567` → `1,234,567`.
///
/// The old formatter, kept only for the plan's explanations until they go through
/// [`crate::i18n::fmt::money`]; new code uses `i18n::fmt`.
pub fn vnd(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
