//! Writes the sample workbook of a district home-affairs office (phòng Nội vụ) into
//! `tests/fixtures/office/`: the staff of the six old communes of the real xã Hòa Phú
//! (code 10096) — five of Huyện Chương Mỹ and Kim Thư of Huyện Thanh Oai, which went in only
//! in part — laid out as such offices keep it: a title and a date line, one section row per
//! district ("A. HUYỆN CHƯƠNG MỸ") and per commune ("I. XÃ THƯỢNG VỰC"), columns orgplan
//! does not read (Số điện thoại), a "Tổng cộng" line and the signatures. No Đơn vị column: the
//! unit of each person is the section they stand under.
//!
//! The people are generated (names, dates and salaries are made up): the 114 that
//! `orgplan gen --real --unit 10096` generates for the posts of the old communes, and 16 more
//! civil servants ("Công chức …"), 130 in all. The same input gives the same bytes.
//!
//! Also writes `hoa-phu-don-vi.csv`: the same people with a Đơn vị column and Arabic section
//! numbers ("1. Xã Thượng Vực"), and no district rows.
//!
//! Run from the repository root: `cargo run --example make_office_workbook`.

use orgplan::gen::real::{generate_units, RealConfig};
use orgplan::model::{load_model, Gender, Model};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

const OUT: &str = "tests/fixtures/office";

struct Person {
    name: String,
    born: chrono::NaiveDate,
    gender: Gender,
    title: String,
    grade: String,
    salary: f64,
    allowance: f64,
    months: u32,
    qualifications: Vec<String>,
    phone: String,
}

struct Commune {
    name: String,
    district: String,
    people: Vec<Person>,
}

/// A small deterministic generator (a linear congruential one is enough for made-up names).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const SURNAMES: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Hữu", "Minh", "Thu", "Đức"];
const GIVEN: [&str; 12] = [
    "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hạnh", "Khoa", "Lan", "Nam", "Quỳnh", "Sơn",
];
const EXTRA: [(&str, &str); 3] = [
    ("Công chức Văn hóa - xã hội", "culture"),
    ("Công chức Tư pháp - hộ tịch", "law"),
    ("Công chức Tài chính - kế toán", "accounting"),
];

fn communes(m: &Model) -> Vec<Commune> {
    let mut rng = Lcg(10096);
    let mut out: Vec<Commune> = Vec::new();
    for (ui, u) in m.units.iter().enumerate() {
        if u.kind != orgplan::model::UnitKind::Commune {
            continue;
        }
        let district = u
            .parent
            .map(|p| m.units[p].name.clone())
            .unwrap_or_default();
        let mut people = Vec::new();
        for s in &m.staff {
            let Some(pi) = s.position else { continue };
            let p = &m.positions[pi];
            if p.unit != ui {
                continue;
            }
            people.push(Person {
                name: s.name.clone(),
                born: s.born,
                gender: s.gender,
                title: p.title.clone(),
                grade: s.grade.clone(),
                salary: s.salary_coefficient,
                allowance: p.allowance_coefficient,
                months: s.insured_months,
                qualifications: s.qualifications.clone(),
                phone: format!("09{:08}", rng.next(100_000_000)),
            });
        }
        out.push(Commune {
            name: u.name.clone(),
            district,
            people,
        });
    }
    // 16 more civil servants: three in each of the first four communes, two in the others.
    let n = out.len();
    for (ci, c) in out.iter_mut().enumerate() {
        let extra = if ci < 4 { 3 } else { 2 };
        for (title, qual) in EXTRA.iter().take(extra) {
            let female = rng.next(2) == 0;
            let name = format!(
                "{} {} {}",
                SURNAMES[rng.next(SURNAMES.len())],
                if female {
                    "Thị"
                } else {
                    MIDDLE[rng.next(MIDDLE.len())]
                },
                GIVEN[rng.next(GIVEN.len())]
            );
            let year = 1975 + rng.next(25) as i32;
            let born = chrono::NaiveDate::from_ymd_opt(
                year,
                1 + rng.next(12) as u32,
                1 + rng.next(28) as u32,
            )
            .expect("a day of the year");
            c.people.push(Person {
                name,
                born,
                gender: if female { Gender::Female } else { Gender::Male },
                title: title.to_string(),
                grade: "01.003".into(),
                salary: [2.34, 2.67, 3.0, 3.33, 3.66][rng.next(5)],
                allowance: 0.0,
                months: 12 * (2025 - year as u32 - 22),
                qualifications: vec![qual.to_string()],
                phone: format!("09{:08}", rng.next(100_000_000)),
            });
        }
    }
    assert_eq!(n, 6, "the six old communes of xã Hòa Phú");
    out
}

const HEADERS: [&str; 12] = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chức danh",
    "Ngạch",
    "Hệ số lương",
    "Phụ cấp chức vụ",
    "Số tháng đóng BHXH",
    "Trình độ chuyên môn",
    "Số điện thoại",
    "Ghi chú",
];

const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

fn gender_vi(g: Gender) -> &'static str {
    match g {
        Gender::Male => "Nam",
        Gender::Female => "Nữ",
    }
}

fn xlsx(cs: &[Commune], file: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let epoch = ExcelDateTime::from_ymd(2025, 6, 30)?;
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&epoch));
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let italic = Format::new().set_align(FormatAlign::Center).set_italic();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin);
    let section = Format::new().set_bold().set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let num = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.00");
    let date = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet().set_name("Danh sách")?;
    let last = (HEADERS.len() - 1) as u16;
    ws.merge_range(0, 0, 0, 4, "UBND THÀNH PHỐ HÀ NỘI", &title)?;
    ws.merge_range(0, 6, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &title)?;
    ws.merge_range(1, 0, 1, 4, "SỞ NỘI VỤ", &title)?;
    ws.merge_range(1, 6, 1, last, "Độc lập - Tự do - Hạnh phúc", &title)?;
    ws.merge_range(
        3,
        0,
        3,
        last,
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC CÁC XÃ SẮP XẾP THÀNH XÃ HÒA PHÚ",
        &title,
    )?;
    ws.merge_range(4, 0, 4, last, "(Số liệu đến ngày 30/06/2025)", &italic)?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &head)?;
        ws.write_string_with_format(6, c as u16, format!("({})", c + 1), &head)?;
    }
    let mut r = 7u32;
    let mut stt = 0;
    let mut district = String::new();
    let mut letter = b'A';
    let mut roman = 0;
    for c in cs {
        if c.district != district {
            district = c.district.clone();
            let text = format!("{}. {}", letter as char, district.to_uppercase());
            ws.merge_range(r, 0, r, last, &text, &section)?;
            letter += 1;
            roman = 0;
            r += 1;
        }
        let text = format!("{}. {}", ROMAN[roman], c.name.to_uppercase());
        ws.merge_range(r, 0, r, last, &text, &section)?;
        roman += 1;
        r += 1;
        for p in &c.people {
            stt += 1;
            ws.write_number_with_format(r, 0, stt as f64, &cell)?;
            ws.write_string_with_format(r, 1, &p.name, &cell)?;
            let d = ExcelDateTime::from_ymd(
                p.born.format("%Y").to_string().parse().expect("year"),
                p.born.format("%m").to_string().parse().expect("month"),
                p.born.format("%d").to_string().parse().expect("day"),
            )?;
            ws.write_datetime_with_format(r, 2, &d, &date)?;
            ws.write_string_with_format(r, 3, gender_vi(p.gender), &cell)?;
            ws.write_string_with_format(r, 4, &p.title, &cell)?;
            ws.write_string_with_format(r, 5, &p.grade, &cell)?;
            ws.write_number_with_format(r, 6, p.salary, &num)?;
            if p.allowance > 0.0 {
                ws.write_number_with_format(r, 7, p.allowance, &num)?;
            } else {
                ws.write_blank(r, 7, &cell)?;
            }
            ws.write_number_with_format(r, 8, f64::from(p.months), &cell)?;
            ws.write_string_with_format(r, 9, p.qualifications.join(", "), &cell)?;
            ws.write_string_with_format(r, 10, &p.phone, &cell)?;
            ws.write_blank(r, 11, &cell)?;
            r += 1;
        }
    }
    ws.merge_range(r, 0, r, 5, &format!("Tổng cộng: {stt} người"), &section)?;
    r += 2;
    ws.write_string_with_format(r, 1, "Người lập biểu", &title)?;
    ws.write_string_with_format(r, 8, "GIÁM ĐỐC SỞ NỘI VỤ", &title)?;
    r += 1;
    ws.write_string_with_format(r, 1, "(Ký, ghi rõ họ tên)", &italic)?;
    ws.write_string_with_format(r, 8, "(Ký tên, đóng dấu)", &italic)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(4, 40)?;
    wb.save(format!("{OUT}/{file}"))
}

/// The same people as CSV, with a Đơn vị column and Arabic section numbers.
fn csv_don_vi(cs: &[Commune]) -> String {
    let mut out = String::from("DANH SÁCH CÁN BỘ, CÔNG CHỨC CÁC XÃ SẮP XẾP THÀNH XÃ HÒA PHÚ\n");
    out.push_str("(Số liệu đến ngày 30/06/2025)\n");
    out.push_str("STT;Họ và tên;Ngày sinh;Giới tính;Đơn vị;Chức danh;Ngạch;Hệ số lương;Phụ cấp chức vụ;Số tháng đóng BHXH;Trình độ chuyên môn;Ghi chú\n");
    let mut stt = 0;
    for (i, c) in cs.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, c.name));
        for p in &c.people {
            stt += 1;
            let allowance = if p.allowance > 0.0 {
                format!("{}", p.allowance).replace('.', ",")
            } else {
                String::new()
            };
            out.push_str(&format!(
                "{stt};{};{};{};{};{};{};{};{allowance};{};\"{}\";\n",
                p.name,
                p.born.format("%d/%m/%Y"),
                gender_vi(p.gender),
                c.name,
                p.title,
                p.grade,
                format!("{}", p.salary).replace('.', ","),
                p.months,
                p.qualifications.join(", "),
            ));
        }
    }
    out.push_str(&format!("Tổng cộng: {stt} người\n"));
    out
}

fn main() {
    let cfg = RealConfig {
        province: None,
        seed: 1,
        min_share: false,
        staff: true,
    };
    let g = generate_units(&["10096"], &cfg).expect("xã Hòa Phú is on the map");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("model.ron");
    std::fs::write(&path, &g.model).expect("written");
    let m = load_model(&path)
        .expect("the generated model is valid")
        .value;
    let cs = communes(&m);
    std::fs::create_dir_all(OUT).expect("the fixture folder");
    xlsx(&cs, "hoa-phu.xlsx").expect("the workbook is written");
    std::fs::write(format!("{OUT}/hoa-phu-don-vi.csv"), csv_don_vi(&cs)).expect("written");
    let total: usize = cs.iter().map(|c| c.people.len()).sum();
    println!(
        "{OUT}/hoa-phu.xlsx: {total} people in {} communes",
        cs.len()
    );
}
