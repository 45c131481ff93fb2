//! Reading the values of cells as an HR office writes them: names of columns and of kinds
//! without regard to case or diacritics, dates in the Vietnamese and ISO orders, numbers with a
//! decimal comma, genders in Vietnamese or English.

use chrono::{Datelike, NaiveDate};

use crate::files::raw::{Gender, PositionKind, UnitKind};
use crate::overlaps::text::normalize;

/// A text as a person compares it: no diacritics, `đ` → `d`, lowercase, no punctuation, no
/// "và" (so "Họ và tên" = "Họ tên" = "HO TEN").
pub fn fold(text: &str) -> String {
    normalize(text)
}

/// An ASCII id made from a name: `"Chủ tịch Ủy ban nhân dân"` → `"chu-tich-uy-ban-nhan-dan"`.
///
/// ```
/// use orgplan::import::text::slug;
/// assert_eq!(slug("Địa chính - nông nghiệp - xây dựng và môi trường"),
///            "dia-chinh-nong-nghiep-xay-dung-moi-truong");
/// assert_eq!(slug("Đồng Phú"), "dong-phu");
/// ```
pub fn slug(text: &str) -> String {
    let words: Vec<String> = fold(text)
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// A name as an office's table is matched against the map: case, NFC or NFD, spacing,
/// punctuation and where a tone mark sits (`Hoà` / `Hòa`) do not count; the tone marks
/// themselves and the letters' own marks (`ô`, `ơ`, `đ`) do, so `Đông Phu` is not `Đồng Phú`.
/// Each word is its letters with their non-tone marks, then its tone as a digit.
///
/// ```
/// use orgplan::import::text::tone_key;
/// assert_eq!(tone_key("XÃ HOÀ PHÚ"), tone_key("Xã  Hòa Phú"));
/// assert_ne!(tone_key("Đông Phu"), tone_key("Đồng Phú"));
/// ```
pub fn tone_key(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut tone = '0';
    let flush = |word: &mut String, tone: &mut char, words: &mut Vec<String>| {
        if !word.is_empty() {
            let mut w: String = word.nfc().collect();
            w.push(*tone);
            words.push(w);
        }
        word.clear();
        *tone = '0';
    };
    for c in text.nfd() {
        match c {
            '\u{300}' => tone = '1',
            '\u{301}' => tone = '2',
            '\u{303}' => tone = '3',
            '\u{309}' => tone = '4',
            '\u{323}' => tone = '5',
            c if is_combining_mark(c) => {
                if !word.is_empty() {
                    word.push(c);
                }
            }
            c if c.is_alphanumeric() => word.extend(c.to_lowercase()),
            _ => flush(&mut word, &mut tone, &mut words),
        }
    }
    flush(&mut word, &mut tone, &mut words);
    words.join(" ")
}

/// Whether a name is written without any Vietnamese mark (`Hoa Phu`): such a name can only
/// be matched [`fold`]ed.
pub fn is_unmarked(text: &str) -> bool {
    text.is_ascii()
}

/// The higher-level kind a section heading's name starts with (`Huyện`, `Quận`, `Thị xã`,
/// `Thành phố`, `Tỉnh`), and the name without it.
pub fn scope_prefix(name: &str) -> Option<&str> {
    const PREFIXES: [&str; 5] = ["thi xa", "thanh pho", "huyen", "quan", "tinh"];
    PREFIXES
        .iter()
        .find_map(|prefix| strip_folded_prefix(name, prefix))
}

/// A section heading's numbering and name: `I. XÃ HÒA PHÚ`, `2) Xã Văn Võ`, `IV - Phường A`
/// (Roman numerals or Arabic numbers, any case; a single letter `A.` too, as districts are
/// often lettered). `None` when the text does not start with a numbering.
///
/// ```
/// use orgplan::import::text::section_heading;
/// assert_eq!(section_heading("II. Xã Đồng Lạc"), Some(("II", "Xã Đồng Lạc")));
/// assert_eq!(section_heading("12) xã Văn Võ"), Some(("12", "xã Văn Võ")));
/// assert_eq!(section_heading("Nguyễn Văn An"), None);
/// ```
pub fn section_heading(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    let end = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let (num, rest) = t.split_at(end);
    if !is_numbering(num) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(')'))
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix(':'))?
        .trim();
    (!rest.is_empty()).then_some((num, rest))
}

/// Whether a cell is only a numbering: `I`, `xii`, `3`, `A`, with an optional `.` or `)`.
pub fn is_numbering(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ')']);
    if t.is_empty() || t.len() > 8 {
        return false;
    }
    let roman = t
        .chars()
        .all(|c| matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X' | 'L' | 'C'));
    let arabic = t.chars().all(|c| c.is_ascii_digit());
    let letter = t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase());
    roman || arabic || letter
}

/// The administrative kind a unit's name starts with, and the name without it:
/// `"Xã Đồng Phú"` → `(Commune, "Đồng Phú")`. `None` when the name has no such prefix.
pub fn unit_prefix(name: &str) -> Option<(UnitKind, &str)> {
    const PREFIXES: [(&str, UnitKind); 3] = [
        ("thi tran", UnitKind::Township),
        ("phuong", UnitKind::Ward),
        ("xa", UnitKind::Commune),
    ];
    PREFIXES
        .iter()
        .find_map(|&(prefix, kind)| strip_folded_prefix(name, prefix).map(|rest| (kind, rest)))
}

/// `name` without its first words when they fold to `prefix` (a folded phrase, e.g.
/// `"thi tran"`), and something is left: `("Thị trấn Chúc Sơn", "thi tran")` → `"Chúc Sơn"`.
pub fn strip_folded_prefix<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = name.trim();
    let mut head = String::new();
    for _ in 0..prefix.split(' ').count() {
        let t = rest.trim_start();
        let end = t.find(char::is_whitespace).unwrap_or(t.len());
        head.push_str(&t[..end]);
        head.push(' ');
        rest = &t[end..];
    }
    (fold(&head) == prefix && !rest.trim().is_empty()).then(|| rest.trim())
}

/// A date read from a text cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextDate {
    /// A full date.
    Day(NaiveDate),
    /// A month only (a birth month: SPEC allows `"YYYY-MM"`).
    Month(i32, u32),
}

impl TextDate {
    /// As written in a model file: `"YYYY-MM-DD"` or `"YYYY-MM"`.
    pub fn to_model(self) -> String {
        match self {
            TextDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            TextDate::Month(y, m) => format!("{y:04}-{m:02}"),
        }
    }
}

/// Reads a date written as text: `dd/mm/yyyy`, `d/m/yyyy` (also with `-` or `.`),
/// `yyyy-mm-dd`, and a month alone as `mm/yyyy` or `yyyy-mm`. The error says what is wrong.
///
/// ```
/// use orgplan::import::text::{parse_text_date, TextDate};
/// use chrono::NaiveDate;
/// assert_eq!(parse_text_date("5/2/1963"), Ok(TextDate::Day(NaiveDate::from_ymd_opt(1963, 2, 5).unwrap())));
/// assert_eq!(parse_text_date("1963-02"), Ok(TextDate::Month(1963, 2)));
/// assert!(parse_text_date("31/02/1980").is_err());
/// ```
pub fn parse_text_date(text: &str) -> Result<TextDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse().ok()
        }
    };
    let nums: Option<Vec<u32>> = parts.iter().map(|p| num(p)).collect();
    let Some(nums) = nums else {
        return Err(crate::t!("import-not-date", text = t));
    };
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let (y, m, d) = match (nums.as_slice(), lens.as_slice()) {
        ([y, m, d], [4, _, _]) => (*y, *m, Some(*d)),
        ([d, m, y], [_, _, 4]) => (*y, *m, Some(*d)),
        ([y, m], [4, _]) => (*y, *m, None),
        ([m, y], [_, 4]) => (*y, *m, None),
        ([_, _, _], _) | ([_, _], _) => return Err(crate::t!("import-date-short-year", text = t)),
        ([_], [4]) => return Err(crate::t!("import-year-alone", year = t)),
        _ => return Err(crate::t!("import-not-date", text = t)),
    };
    if !(1..=12).contains(&m) {
        return Err(match d {
            Some(d) if (1..=12).contains(&d) => {
                crate::t!("import-no-month-swapped", text = t, month = m)
            }
            _ => crate::t!("import-no-month", text = t, month = m),
        });
    }
    let y = i32::try_from(y).unwrap_or(0);
    match d {
        None => {
            if NaiveDate::from_ymd_opt(y, m, 1).is_none() {
                return Err(crate::t!("import-not-date", text = t));
            }
            Ok(TextDate::Month(y, m))
        }
        Some(d) => NaiveDate::from_ymd_opt(y, m, d)
            .map(TextDate::Day)
            .ok_or_else(|| {
                crate::t!(
                    "import-no-day",
                    text = t,
                    month = m,
                    year = y.to_string(),
                    day = d
                )
            }),
    }
}

/// The date of an Excel serial number (1900 date system): day 1 is 1900-01-01, and Excel
/// counts a 29 February 1900 that never was, so serials from 61 on are one day late.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(61.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::TimeDelta::days(days))
}

/// The Excel serial number of a date (1900 date system), for writing date cells.
pub fn date_to_excel_serial(d: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date");
    (d - base).num_days() as f64
}

/// Reads a number written as text: `3,99` and `3.99` are both 3.99; spaces are ignored; with
/// both marks (`1.234,5` or `1,234.5`) the last one is the decimal mark.
///
/// ```
/// use orgplan::import::text::parse_number;
/// assert_eq!(parse_number("3,99"), Some(3.99));
/// assert_eq!(parse_number(" 4.32 "), Some(4.32));
/// assert_eq!(parse_number("1.234,5"), Some(1234.5));
/// assert_eq!(parse_number("3,99a"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let t = compact(text)?;
    let last_comma = t.rfind(',');
    let last_dot = t.rfind('.');
    let s = match (last_comma, last_dot) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => {
            if t.matches(',').count() > 1 {
                t.replace(',', "")
            } else {
                t.replace(',', ".")
            }
        }
        _ => t,
    };
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+')
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The text without spaces (ordinary or non-breaking, as Excel's thousands separators are),
/// or `None` when nothing is left.
fn compact(text: &str) -> Option<String> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    (!t.is_empty()).then_some(t)
}

/// Reads a whole number written as text, allowing thousands separators (`7.223`, `7,223`,
/// `7 223`) and a zero fraction (`342,0`).
pub fn parse_whole(text: &str) -> Option<u64> {
    let t = compact(text)?;
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    // Thousands groups of three digits.
    for sep in ['.', ','] {
        let groups: Vec<&str> = t.split(sep).collect();
        if groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        {
            return groups.concat().parse().ok();
        }
    }
    let x = parse_number(&t)?;
    whole(x)
}

/// A float that is a whole, non-negative number that fits.
pub fn whole(x: f64) -> Option<u64> {
    if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x < 1e18 {
        Some(x as u64)
    } else {
        None
    }
}

/// Reads a gender: Nam / Nữ / Male / Female / M / F (any case, with or without diacritics).
pub fn parse_gender(text: &str) -> Option<Gender> {
    match fold(text).as_str() {
        "nam" | "male" | "m" => Some(Gender::Male),
        "nu" | "female" | "f" => Some(Gender::Female),
        _ => None,
    }
}

/// Reads a post kind written in a `Loại` cell: the SPEC names (Leader, Cadre, CivilServant,
/// PartTime) or their Vietnamese: lãnh đạo (quản lý), cán bộ, công chức, (người hoạt động)
/// không chuyên trách.
pub fn parse_position_kind(text: &str) -> Option<PositionKind> {
    let f = fold(text);
    let compact: String = f.split(' ').collect();
    match compact.as_str() {
        "leader" | "lanhdao" | "lanhdaoquanly" | "quanly" => Some(PositionKind::Leader),
        "cadre" | "canbo" => Some(PositionKind::Cadre),
        "civilservant" | "congchuc" => Some(PositionKind::CivilServant),
        "parttime" | "khongchuyentrach" | "nguoihoatdongkhongchuyentrach" => {
            Some(PositionKind::PartTime)
        }
        _ => None,
    }
}

/// The kind of a post guessed from its title, by the rules the README lists (first match
/// wins); `None` when no rule applies.
///
/// ```
/// use orgplan::import::text::kind_from_title;
/// use orgplan::model::PositionKind;
/// assert_eq!(kind_from_title("Phó Chủ tịch Ủy ban nhân dân"), Some(PositionKind::Cadre));
/// assert_eq!(kind_from_title("Công chức Tư pháp - hộ tịch"), Some(PositionKind::CivilServant));
/// assert_eq!(kind_from_title("Trưởng phòng Nội vụ"), Some(PositionKind::Leader));
/// ```
pub fn kind_from_title(title: &str) -> Option<PositionKind> {
    let f = fold(title);
    let starts = |prefixes: &[&str]| {
        prefixes
            .iter()
            .any(|p| f == *p || f.starts_with(&format!("{p} ")))
    };
    if f.contains("khong chuyen trach") || f.contains("ban chuyen trach") || starts(&["hop dong"]) {
        return Some(PositionKind::PartTime);
    }
    if starts(&["bi thu", "pho bi thu", "chu tich", "pho chu tich"]) {
        return Some(PositionKind::Cadre);
    }
    if starts(&[
        "truong phong",
        "pho truong phong",
        "giam doc",
        "pho giam doc",
        "chanh van phong",
        "pho chanh van phong",
        "truong ban",
        "pho truong ban",
    ]) {
        return Some(PositionKind::Leader);
    }
    if starts(&[
        "cong chuc",
        "chuyen vien",
        "can su",
        "chi huy truong",
        "van phong",
        "dia chinh",
        "tai chinh",
        "tu phap",
        "van hoa",
    ]) {
        return Some(PositionKind::CivilServant);
    }
    None
}

/// Splits a list cell (qualifications, functions, tags) on `;` and `,`.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(crate::model::ids::nfc_owned)
        .collect()
}

/// A date as `dd/mm/yyyy` (for messages).
pub fn vn_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_accepted_form() {
        let d = |y, m, d| TextDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(parse_text_date("05/02/1963"), Ok(d(1963, 2, 5)));
        assert_eq!(parse_text_date("5-2-1963"), Ok(d(1963, 2, 5)));
        assert_eq!(parse_text_date("1963-02-05"), Ok(d(1963, 2, 5)));
        assert_eq!(parse_text_date("02/1963"), Ok(TextDate::Month(1963, 2)));
        assert!(parse_text_date("12/25/1970")
            .unwrap_err()
            .contains("tháng/ngày/năm"));
        assert!(parse_text_date("1970")
            .unwrap_err()
            .contains("chỉ là một năm"));
        assert!(parse_text_date("5/2/63")
            .unwrap_err()
            .contains("bốn chữ số"));
        assert!(parse_text_date("hôm qua").is_err());
    }

    #[test]
    fn excel_serials() {
        assert_eq!(
            excel_serial_date(23408.0),
            NaiveDate::from_ymd_opt(1964, 2, 1)
        );
        let d = NaiveDate::from_ymd_opt(1994, 6, 1).unwrap();
        assert_eq!(excel_serial_date(date_to_excel_serial(d)), Some(d));
    }

    #[test]
    fn genders_and_kinds() {
        assert_eq!(parse_gender("NỮ"), Some(Gender::Female));
        assert_eq!(parse_gender("Nu\u{303}"), Some(Gender::Female));
        assert_eq!(parse_gender("nam"), Some(Gender::Male));
        assert_eq!(parse_gender("Khác"), None);
        assert_eq!(
            parse_position_kind("Công chức"),
            Some(PositionKind::CivilServant)
        );
        assert_eq!(
            parse_position_kind("Không chuyên trách"),
            Some(PositionKind::PartTime)
        );
        assert_eq!(
            kind_from_title("Chuyên viên văn hóa"),
            Some(PositionKind::CivilServant)
        );
        assert_eq!(kind_from_title("Bảo vệ"), None);
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole("7.223"), Some(7223));
        assert_eq!(parse_whole("342"), Some(342));
        assert_eq!(parse_whole("342,0"), Some(342));
        assert_eq!(parse_whole("3,5"), None);
    }

    #[test]
    fn unit_prefixes() {
        assert_eq!(
            unit_prefix("Thị trấn Chúc Sơn"),
            Some((UnitKind::Township, "Chúc Sơn"))
        );
        assert_eq!(
            unit_prefix("XÃ Hồng Phong"),
            Some((UnitKind::Commune, "Hồng Phong"))
        );
        assert_eq!(unit_prefix("Xã"), None);
        assert_eq!(unit_prefix("Đồng Phú"), None);
    }
}
