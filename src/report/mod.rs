//! Report data: what the commands print, as plain serializable structs. Rendering to tables
//! is the command line's job; JSON and CSV come from these structs directly.

pub mod html;
pub mod overlaps;
pub mod show;
pub mod xlsx;

/// Writes rows as CSV text (header first). Every report's CSV goes through here.
pub fn to_csv<S: serde::Serialize>(rows: &[S]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// A whole number of đồng with thousands separators: `1234567` → `1,234,567`.
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
