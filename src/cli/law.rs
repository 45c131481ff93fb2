//! `orgplan law [--date D] [--scenario S]`: the rules in force on a date, each figure with its
//! article and source; and the words of the law's data (term names, branches, the breakdown
//! of a package) for every command that shows a package.
//!
//! The law returns data (enums, numbers, article references); all the text about it is made
//! here.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use orgplan::law::data::{Confidence, Figure, Law, Laws};
use orgplan::law::{Branch, Package, PackageKind, TermKind};
use orgplan::model::load_scenario;

use super::{output, printer, ExitStatus, Fail, Format};

/// The name of a term of a package.
pub fn term_name(kind: TermKind) -> String {
    match kind {
        TermKind::MonthsEarly => "Trợ cấp hưu trí một lần cho số tháng nghỉ sớm (f × M × m)",
        TermKind::MonthsEarlyCapped => {
            "Trợ cấp hưu trí một lần cho số tháng nghỉ sớm (0,9 × f × M × 60)"
        }
        TermKind::YearsEarly => "Trợ cấp cho số năm nghỉ sớm (k × M × E)",
        TermKind::InsuredYears => "Trợ cấp theo số năm đóng BHXH bắt buộc (S)",
        TermKind::QuitMonths => "Trợ cấp thôi việc (g × M × n, n = min(60, số tháng đóng BHXH))",
        TermKind::QuitInsuredYears => "Trợ cấp theo số năm đóng BHXH (1,5 × M × Y)",
        TermKind::JobSearch => "Trợ cấp tìm việc làm (3 tháng)",
        TermKind::PartTimeMonths => "Trợ cấp một lần theo tháng (0,8 × phụ cấp × số tháng)",
        TermKind::PartTimeYears => "Trợ cấp theo năm công tác (1,5 × phụ cấp × số năm)",
        TermKind::PartTimeRetired => "Trợ cấp một lần khi đã đủ tuổi nghỉ hưu (15 tháng phụ cấp)",
    }
    .into()
}

/// The name of a package kind.
pub fn kind_name(kind: PackageKind) -> &'static str {
    match kind {
        PackageKind::Retire => "Nghỉ hưu",
        PackageKind::EarlyRetirement => "Nghỉ hưu trước tuổi",
        PackageKind::Quit => "Thôi việc",
        PackageKind::None => "Không có chính sách",
    }
}

/// Which rule applies and why, in words.
pub fn branch_text(p: &Package) -> String {
    let m = p.months_to_retirement;
    let y = p.eligibility_years;
    let min = p.min_pension_years;
    let mut s = match p.branch {
        Branch::Retire => format!(
            "m = {m} ≤ 0: đã đến tuổi nghỉ hưu (hưởng lương hưu từ {}); nghỉ hưu, không bố trí vào vị trí nào",
            p.retirement.pension_start
        ),
        Branch::EarlyUnder2Years => format!(
            "0 < m = {m} < 24 và có {y} năm đóng BHXH ≥ {min}: nghỉ hưu trước tuổi, chỉ trợ cấp theo tháng"
        ),
        Branch::Early2To5Years => format!(
            "24 ≤ m = {m} ≤ 60 và có {y} năm đóng BHXH ≥ {min}: nghỉ hưu trước tuổi từ đủ 2 đến đủ 5 năm"
        ),
        Branch::Early5To10Years => format!(
            "60 < m = {m} ≤ 120 và có {y} năm đóng BHXH ≥ {min}: nghỉ hưu trước tuổi trên 5 đến đủ 10 năm"
        ),
        Branch::QuitCivilService | Branch::QuitPublicEmployee => {
            let why = if y < min {
                format!("chưa đủ {min} năm đóng BHXH (có {y} năm, tính tròn năm)")
            } else {
                format!("còn {m} tháng > 120 tháng, quá sớm để nghỉ hưu trước tuổi")
            };
            format!("không được nghỉ hưu trước tuổi: {why}; m = {m} ≥ 24: thôi việc")
        }
        Branch::None => format!(
            "không có chính sách: chưa đủ {min} năm đóng BHXH (có {y} năm) và còn m = {m} < 24 tháng đến tuổi nghỉ hưu; tiếp tục bố trí đến khi nghỉ hưu (hưởng lương hưu từ {})",
            p.retirement.pension_start
        ),
        Branch::PartTimeRetired => format!(
            "người hoạt động không chuyên trách đã đến tuổi nghỉ hưu (m = {m} ≤ 0)"
        ),
        Branch::PartTimeShortService => format!(
            "người hoạt động không chuyên trách có dưới 5 năm công tác ({} tháng)",
            p.insured_months
        ),
        Branch::PartTimeNearRetirement => format!(
            "người hoạt động không chuyên trách có từ đủ 5 năm công tác, còn m = {m} < 60 tháng đến tuổi nghỉ hưu"
        ),
        Branch::PartTimeLongService => format!(
            "người hoạt động không chuyên trách có từ đủ 5 năm công tác, còn m = {m} ≥ 60 tháng đến tuổi nghỉ hưu"
        ),
    };
    if !p.regime_applies {
        s.push_str(
            "; không văn bản nào trong dữ liệu pháp luật áp dụng cho đối tượng này vào ngày này: tạm tính theo Nghị định 178/2024",
        );
    }
    s
}

/// A plain-text breakdown an HR officer can check with a calculator.
pub fn package_text(p: &Package) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "Chính sách: {} — chi phí {} đồng\n",
        kind_name(p.kind),
        group(p.cost_vnd)
    ));
    s.push_str(&format!("Căn cứ: {} ({})\n", branch_text(p), p.article));
    s.push_str(&format!(
        "Tiền lương tháng hiện hưởng M = {} đồng ({})\n",
        p.salary.formula, p.salary.article
    ));
    s.push_str(&format!(
        "Thời gian đóng BHXH: {} tháng = {} năm {} tháng → Y = {} năm (để tính trợ cấp); {} năm tròn (để xét điều kiện)\n",
        p.insured_months,
        p.insured_months / 12,
        p.insured_months % 12,
        half(p.insured_years),
        p.eligibility_years
    ));
    s.push_str(&format!(
        "Số tháng đến tuổi nghỉ hưu m = {} (từ {} đến tháng hưởng lương hưu {}; đủ tuổi {} năm {} tháng vào {})\n",
        p.months_to_retirement,
        p.effective,
        p.retirement.pension_start,
        p.retirement.age.0,
        p.retirement.age.1,
        p.retirement.retirement_month,
    ));
    if let Some(e) = p.years_early {
        s.push_str(&format!("Số năm nghỉ sớm E = {}\n", half(e)));
    }
    if matches!(p.kind, PackageKind::EarlyRetirement | PackageKind::Quit)
        && p.regime == orgplan::law::Regime::Decree178
    {
        if p.within_window {
            s.push_str(&format!(
                "Nghỉ trong 12 tháng kể từ quyết định sắp xếp ({} đến {}): f = {}, g = {}\n",
                p.decision_date, p.window_end, p.f, p.g
            ));
        } else {
            s.push_str(&format!(
                "Nghỉ sau 12 tháng kể từ quyết định sắp xếp (hết ngày {}): mức hưởng giảm một nửa, f = {}, g = {}\n",
                p.window_end, p.f, p.g
            ));
        }
    }
    for (i, t) in p.terms.iter().enumerate() {
        s.push_str(&format!(
            "  {}. {}: {} = {} ({}){}\n",
            i + 1,
            term_name(t.kind),
            t.formula,
            t.exact_vnd,
            t.article,
            if t.verified {
                ""
            } else {
                " — chưa đối chiếu được văn bản gốc"
            }
        ));
    }
    s.push_str(&format!(
        "Tổng = {} đồng (tổng chính xác các khoản, làm tròn một lần đến đồng)\n",
        group(p.cost_vnd)
    ));
    if !p.verified {
        s.push_str(
            "Lưu ý: có số liệu chưa đối chiếu được với văn bản gốc (verified: false trong dữ liệu pháp luật).\n",
        );
    }
    s
}

fn half(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

fn group(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct LawReport<'a> {
    date: String,
    laws: Vec<LawInForce<'a>>,
}

#[derive(Serialize)]
struct LawInForce<'a> {
    id: &'a str,
    name: &'a str,
    regime: &'a str,
    origin: &'a str,
    in_force: bool,
    applies: Vec<&'a orgplan::law::data::Applies>,
    figures: Vec<&'a Figure>,
    sources: &'a [orgplan::law::data::Source],
}

/// `orgplan law`.
pub fn run(
    date: Option<&str>,
    scenario: Option<&Path>,
    format: Format,
) -> Result<ExitStatus, Fail> {
    let (laws, default_date) = match scenario {
        Some(file) => {
            let loaded = load_scenario(file)?;
            printer::warning_count(&loaded.warnings, file);
            (loaded.value.laws.clone(), loaded.value.effective)
        }
        None => (Laws::embedded(), today()),
    };
    let date = match date {
        None => default_date,
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            Fail::Tool(format!(
                "--date \"{text}\" is not a date: write YYYY-MM-DD, e.g. 2025-07-01"
            ))
        })?,
    };
    let report = LawReport {
        date: date.to_string(),
        laws: laws
            .laws
            .iter()
            .map(|l| LawInForce {
                id: &l.id,
                name: &l.name,
                regime: l.regime.as_str(),
                origin: &l.origin,
                in_force: l.in_force <= date && l.until.is_none_or(|u| date <= u),
                applies: l.applies.iter().collect(),
                figures: l.in_force_on(date),
                sources: &l.sources,
            })
            .collect(),
    };
    let text = match format {
        Format::Json | Format::Csv => output::json(&report)?,
        Format::Xlsx => {
            return Err(Fail::Tool(
                "`law` reports as table or json (its rules are a list, not a table)".into(),
            ))
        }
        Format::Table => {
            let mut s = format!("Quy định có hiệu lực ngày {date}\n");
            for l in &laws.laws {
                s.push_str(&law_text(l, date));
            }
            s
        }
    };
    output::emit(None, text.as_bytes())?;
    Ok(ExitStatus::Success)
}

/// Today (UTC), from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn law_text(l: &Law, date: NaiveDate) -> String {
    let mut s = format!("\n{} [{}] — {}\n", l.name, l.id, l.origin);
    let in_force = l.in_force <= date && l.until.is_none_or(|u| date <= u);
    s.push_str(&format!(
        "Hiệu lực từ {}{}{}\n",
        l.in_force,
        l.until.map_or(String::new(), |u| format!(" đến hết {u}")),
        if in_force {
            ""
        } else {
            " — không có hiệu lực vào ngày này"
        }
    ));
    for a in &l.applies {
        let now = a.from <= date && a.until.is_none_or(|u| date <= u);
        s.push_str(&format!(
            "  Áp dụng cho {} từ {}{} ({}){}\n",
            category_name(a.category),
            a.from,
            a.until.map_or(String::new(), |u| format!(" đến hết {u}")),
            a.article,
            if now {
                ""
            } else {
                " — không áp dụng vào ngày này"
            }
        ));
    }
    for f in l.in_force_on(date) {
        let source = f
            .source
            .as_deref()
            .and_then(|id| l.sources.iter().find(|x| x.id == id));
        s.push_str(&format!(
            "  {:<28} {:>10}  {}{}{}\n",
            f.key.as_str(),
            f.value.decimal(0, false),
            f.article,
            source.map_or(String::new(), |x| format!(
                " [{}, độ tin cậy {}]",
                x.title,
                confidence(x.confidence)
            )),
            if f.verified {
                ""
            } else {
                " — chưa đối chiếu được văn bản gốc"
            }
        ));
    }
    s.push_str(&format!(
        "  Cách làm tròn số năm nghỉ sớm: {}\n",
        match l.years_early {
            orgplan::law::data::YearsEarly::HalfYear => "nửa năm (HalfYear)",
            orgplan::law::data::YearsEarly::FullYear => "năm tròn (FullYear)",
        }
    ));
    s
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::H => "cao",
        Confidence::M => "trung bình",
        Confidence::L => "suy luận",
    }
}

/// The name of a staff category.
pub fn category_name(c: orgplan::files::raw::Category) -> &'static str {
    use orgplan::files::raw::Category;
    match c {
        Category::Cadre => "cán bộ",
        Category::CivilServant => "công chức",
        Category::PublicEmployee => "viên chức",
        Category::PartTime => "người hoạt động không chuyên trách",
        Category::Worker => "người lao động",
    }
}
