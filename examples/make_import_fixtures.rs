//! Writes the staffing-table fixtures of `tests/import.rs` into `tests/fixtures/import/`:
//! the people of Đồng Phú and Hồng Phong (from `models/chuong-my-2024.ron`) as an HR office's
//! workbook and CSV file, and broken variants of them.
//!
//! Run from the repository root: `cargo run --example make_import_fixtures`. The files are
//! committed; the tests only read them.

use std::path::Path;

use chrono::Datelike;
use orgplan::model::{load_model, Gender, Model, PositionKind, Staff};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use unicode_normalization::UnicodeNormalization;

const OUT: &str = "tests/fixtures/import";

/// One person as the HR office writes them.
struct Person {
    id: String,
    name: String,
    born: chrono::NaiveDate,
    gender: Gender,
    unit: String,
    title: String,
    kind: PositionKind,
    grade: String,
    salary: f64,
    allowance: f64,
    months: u32,
    qualifications: Vec<String>,
}

fn people(m: &Model) -> Vec<Person> {
    let of = |s: &Staff| {
        let p = &m.positions[s.position.expect("placed")];
        Person {
            id: s.id.clone(),
            name: s.name.clone(),
            born: s.born,
            gender: s.gender,
            unit: m.units[p.unit].name.clone(),
            title: p.title.clone(),
            kind: p.kind,
            grade: s.grade.clone(),
            salary: s.salary_coefficient,
            allowance: s.allowance_coefficient,
            months: s.insured_months,
            qualifications: s.qualifications.clone(),
        }
    };
    m.staff
        .iter()
        .filter(|s| s.id.starts_with("DP-") || s.id.starts_with("HP-"))
        .map(of)
        .collect()
}

const HEADERS: [&str; 13] = [
    "STT",
    "Mã CB",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Đơn vị",
    "Chức danh",
    "Ngạch",
    "Hệ số lương",
    "Phụ cấp chức vụ",
    "Số tháng đóng BHXH",
    "Trình độ chuyên môn",
    "Ghi chú",
];

/// What to break in a variant.
#[derive(Clone, Copy, PartialEq)]
enum Break {
    None,
    /// Leave out the Giới tính column.
    MissingGender,
    /// The fifth person born on 31/02/1980.
    BadDate,
    /// The eighth person gets the seventh's id.
    DuplicateId,
}

fn gender_vi(g: Gender) -> &'static str {
    match g {
        Gender::Male => "Nam",
        Gender::Female => "Nữ",
    }
}

/// A decimal with a comma, as Vietnamese Excel shows it: 4.89 → "4,89".
fn comma(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

fn xlsx(people: &[Person], brk: Break, file: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let epoch = ExcelDateTime::from_ymd(2025, 1, 6)?;
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&epoch));
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let plain_center = Format::new().set_align(FormatAlign::Center).set_italic();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_border(FormatBorder::Thin);
    let num = Format::new()
        .set_num_format("0.00")
        .set_border(FormatBorder::Thin);

    // A summary sheet first, as offices often keep one: not the staff sheet.
    let sum = wb.add_worksheet();
    sum.set_name("Tổng hợp")?;
    sum.write_string(0, 0, "Đơn vị")?;
    sum.write_string(0, 1, "Số người")?;
    sum.write_string(1, 0, "Xã Đồng Phú")?;
    sum.write_number(
        1,
        1,
        people.iter().filter(|p| p.id.starts_with("DP")).count() as f64,
    )?;
    sum.write_string(2, 0, "Xã Hồng Phong")?;
    sum.write_number(
        2,
        1,
        people.iter().filter(|p| p.id.starts_with("HP")).count() as f64,
    )?;

    let ws = wb.add_worksheet();
    ws.set_name("Danh sách")?;
    let headers: Vec<&str> = HEADERS
        .iter()
        .copied()
        .filter(|h| !(brk == Break::MissingGender && *h == "Giới tính"))
        .collect();
    let last = headers.len() as u16 - 1;
    ws.merge_range(0, 0, 0, 4, "UBND HUYỆN CHƯƠNG MỸ", &title)?;
    ws.merge_range(0, 7, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &title)?;
    ws.merge_range(1, 0, 1, 4, "PHÒNG NỘI VỤ", &title)?;
    ws.merge_range(1, 7, 1, last, "Độc lập - Tự do - Hạnh phúc", &title)?;
    ws.merge_range(
        3,
        0,
        3,
        last,
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ ĐỒNG PHÚ VÀ XÃ HỒNG PHONG",
        &title,
    )?;
    ws.merge_range(4, 0, 4, last, "(Có đến ngày 31/12/2024)", &plain_center)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &head)?;
        ws.write_string_with_format(6, c as u16, format!("({})", c + 1), &head)?;
    }
    ws.set_freeze_panes(7, 0)?;
    let mut r = 7u32;
    let mut prev_unit = String::new();
    for (i, p) in people.iter().enumerate() {
        if !prev_unit.is_empty() && p.unit != prev_unit {
            r += 1; // a blank row between the communes
        }
        prev_unit = p.unit.clone();
        let mut c = 0u16;
        let mut put = |ws: &mut rust_xlsxwriter::Worksheet, v: Val| -> Result<(), XlsxError> {
            match v {
                Val::S(s) => ws.write_string_with_format(r, c, s, &cell)?,
                Val::N(x) => ws.write_number_with_format(r, c, x, &num)?,
                Val::I(x) => ws.write_number_with_format(r, c, x as f64, &cell)?,
                Val::D(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &x, &date)?
                }
                Val::E => ws.write_blank(r, c, &cell)?,
            };
            c += 1;
            Ok(())
        };
        put(ws, Val::I(i as i64 + 1))?;
        let id = if brk == Break::DuplicateId && i == 7 {
            people[6].id.clone()
        } else {
            p.id.clone()
        };
        put(ws, Val::S(id))?;
        put(ws, Val::S(p.name.clone()))?;
        // Dates: Excel date cells and text, as offices mix them.
        put(
            ws,
            if brk == Break::BadDate && i == 4 {
                Val::S("31/02/1980".into())
            } else {
                match i % 4 {
                    0 | 2 => Val::D(p.born),
                    1 => Val::S(format!("{:02}/{}", p.born.month(), p.born.year())),
                    _ => Val::S(format!("01/{:02}/{}", p.born.month(), p.born.year())),
                }
            },
        )?;
        if brk != Break::MissingGender {
            let g = gender_vi(p.gender);
            // One in NFD, one in capitals: both must read.
            let g = match i {
                3 => g.nfd().collect(),
                9 => g.to_uppercase(),
                _ => g.to_string(),
            };
            put(ws, Val::S(g))?;
        }
        put(ws, Val::S(p.unit.clone()))?;
        put(ws, Val::S(p.title.clone()))?;
        put(ws, Val::S(p.grade.clone()))?;
        // Coefficients: numbers, and text with a decimal comma.
        put(
            ws,
            if i % 3 == 1 {
                Val::S(comma(p.salary))
            } else {
                Val::N(p.salary)
            },
        )?;
        put(
            ws,
            match (p.allowance, i % 2) {
                (0.0, _) => Val::E,
                (a, 0) => Val::N(a),
                (a, _) => Val::S(comma(a)),
            },
        )?;
        put(ws, Val::I(i64::from(p.months)))?;
        let sep = if i % 2 == 0 { "; " } else { ", " };
        put(ws, Val::S(p.qualifications.join(sep)))?;
        put(
            ws,
            if i == 2 {
                Val::S("Điều động từ xã Hòa Chính năm 2019".into())
            } else {
                Val::E
            },
        )?;
        r += 1;
    }
    r += 1;
    ws.merge_range(
        r,
        0,
        r,
        last,
        "Ghi chú: hệ số lương và phụ cấp theo Nghị định 204/2004/NĐ-CP; số tháng đóng BHXH tính đến 31/12/2024.",
        &Format::new().set_italic(),
    )?;
    r += 2;
    ws.write_string_with_format(r, 1, "Người lập biểu", &title)?;
    ws.write_string_with_format(r, 8, "TRƯỞNG PHÒNG NỘI VỤ", &title)?;
    r += 1;
    ws.write_string_with_format(r, 1, "(Ký, ghi rõ họ tên)", &plain_center)?;
    ws.write_string_with_format(r, 8, "(Ký tên, đóng dấu)", &plain_center)?;
    r += 4;
    ws.write_string_with_format(r, 1, "Lê Thị Thu Trang", &title)?;
    ws.write_string_with_format(r, 8, "Nguyễn Văn Hùng", &title)?;
    ws.set_column_width(2, 24)?;
    ws.set_column_width(5, 16)?;
    ws.set_column_width(6, 40)?;
    ws.set_column_width(11, 30)?;
    wb.save(Path::new(OUT).join(file))?;
    Ok(())
}

enum Val {
    S(String),
    N(f64),
    I(i64),
    D(chrono::NaiveDate),
    E,
}

fn kind_vi(k: PositionKind) -> &'static str {
    match k {
        PositionKind::Leader => "Lãnh đạo",
        PositionKind::Cadre => "Cán bộ",
        PositionKind::CivilServant => "Công chức",
        PositionKind::PartTime => "Không chuyên trách",
    }
}

/// The CSV a Vietnamese Excel saves ("CSV UTF-8"): a byte-order mark, `;` between cells,
/// decimal commas, dates as text; no id column (orgplan makes the ids), a Loại column.
fn csv_text(people: &[Person], unknown_gender: bool) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let width = 13;
    let line = |first: &str| {
        let mut v = vec![first.to_string()];
        v.resize(width, String::new());
        v
    };
    rows.push(line(
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ ĐỒNG PHÚ VÀ XÃ HỒNG PHONG",
    ));
    rows.push(line("(Có đến ngày 31/12/2024)"));
    rows.push(vec![
        "STT".into(),
        "Họ và tên".into(),
        "Ngày sinh".into(),
        "Giới tính".into(),
        "Đơn vị".into(),
        "Chức danh".into(),
        "Loại".into(),
        "Ngạch".into(),
        "Hệ số lương".into(),
        "Phụ cấp chức vụ".into(),
        "Số tháng đóng BHXH".into(),
        "Trình độ chuyên môn".into(),
        "Ghi chú".into(),
    ]);
    let mut prev_unit = String::new();
    for (i, p) in people.iter().enumerate() {
        if !prev_unit.is_empty() && p.unit != prev_unit {
            rows.push(vec![String::new(); width]);
        }
        prev_unit = p.unit.clone();
        let born = if i % 3 == 0 {
            format!("{:02}/{}", p.born.month(), p.born.year())
        } else {
            format!("01/{:02}/{}", p.born.month(), p.born.year())
        };
        let gender = if unknown_gender && i == 5 {
            "Khác".to_string()
        } else {
            gender_vi(p.gender).to_string()
        };
        rows.push(vec![
            (i + 1).to_string(),
            p.name.clone(),
            born,
            gender,
            p.unit.clone(),
            p.title.clone(),
            kind_vi(p.kind).into(),
            p.grade.clone(),
            comma(p.salary),
            if p.allowance == 0.0 {
                String::new()
            } else {
                comma(p.allowance)
            },
            p.months.to_string(),
            p.qualifications.join(", "),
            String::new(),
        ]);
    }
    rows.push(line(
        "Ghi chú: số liệu do UBND các xã báo cáo; số tháng đóng BHXH tính đến 31/12/2024.",
    ));
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(&r).expect("in memory");
    }
    let text = String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8");
    text.replace('\n', "\r\n")
}

/// The upper half of Windows-1258 (0x80–0xFF), from Python's cp1258 codec.
const CP1258: &str = "\u{20ac}\u{fffd}\u{201a}\u{192}\u{201e}\u{2026}\u{2020}\u{2021}\u{2c6}\u{2030}\u{fffd}\u{2039}\u{152}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{2018}\u{2019}\u{201c}\u{201d}\u{2022}\u{2013}\u{2014}\u{2dc}\u{2122}\u{fffd}\u{203a}\u{153}\u{fffd}\u{fffd}\u{178}\u{a0}\u{a1}\u{a2}\u{a3}\u{a4}\u{a5}\u{a6}\u{a7}\u{a8}\u{a9}\u{aa}\u{ab}\u{ac}\u{ad}\u{ae}\u{af}\u{b0}\u{b1}\u{b2}\u{b3}\u{b4}\u{b5}\u{b6}\u{b7}\u{b8}\u{b9}\u{ba}\u{bb}\u{bc}\u{bd}\u{be}\u{bf}\u{c0}\u{c1}\u{c2}\u{102}\u{c4}\u{c5}\u{c6}\u{c7}\u{c8}\u{c9}\u{ca}\u{cb}\u{300}\u{cd}\u{ce}\u{cf}\u{110}\u{d1}\u{309}\u{d3}\u{d4}\u{1a0}\u{d6}\u{d7}\u{d8}\u{d9}\u{da}\u{db}\u{dc}\u{1af}\u{303}\u{df}\u{e0}\u{e1}\u{e2}\u{103}\u{e4}\u{e5}\u{e6}\u{e7}\u{e8}\u{e9}\u{ea}\u{eb}\u{301}\u{ed}\u{ee}\u{ef}\u{111}\u{f1}\u{323}\u{f3}\u{f4}\u{1a1}\u{f6}\u{f7}\u{f8}\u{f9}\u{fa}\u{fb}\u{fc}\u{1b0}\u{20ab}\u{ff}";

/// Text in Windows-1258, as an old Vietnamese Windows saves it: letters with a circumflex,
/// breve or horn precomposed, tone marks as separate bytes.
fn windows_1258(text: &str) -> Vec<u8> {
    let table: Vec<char> = CP1258.chars().collect();
    let byte = |c: char| -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        table.iter().position(|&t| t == c).map(|i| 0x80 + i as u8)
    };
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = Vec::new();
    for c in text.nfc() {
        if let Some(b) = byte(c) {
            out.push(b);
            continue;
        }
        let parts: Vec<char> = std::iter::once(c).nfd().collect();
        let base: String = parts.iter().filter(|p| !tones.contains(p)).collect();
        let base: String = base.nfc().collect();
        for b in base.chars() {
            out.push(byte(b).unwrap_or(b'?'));
        }
        for t in parts.iter().filter(|p| tones.contains(p)) {
            out.push(byte(*t).unwrap_or(b'?'));
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = load_model(Path::new("models/chuong-my-2024.ron"))
        .map_err(|d| d.to_string())?
        .value;
    let people = people(&model);
    std::fs::create_dir_all(OUT)?;
    xlsx(&people, Break::None, "dong-phu-hong-phong.xlsx")?;
    xlsx(&people, Break::MissingGender, "missing-column.xlsx")?;
    xlsx(&people, Break::BadDate, "bad-date.xlsx")?;
    xlsx(&people, Break::DuplicateId, "duplicate-id.xlsx")?;
    let bom = "\u{feff}";
    std::fs::write(
        Path::new(OUT).join("dong-phu-hong-phong.csv"),
        format!("{bom}{}", csv_text(&people, false)),
    )?;
    std::fs::write(
        Path::new(OUT).join("unknown-gender.csv"),
        format!("{bom}{}", csv_text(&people, true)),
    )?;
    std::fs::write(
        Path::new(OUT).join("windows-1258.csv"),
        windows_1258(&csv_text(&people, false)),
    )?;
    println!("wrote {} people into {OUT}", people.len());
    Ok(())
}
