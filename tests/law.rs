//! The law (issue 12): packages as the Ministry of Home Affairs computes them, every branch and
//! date boundary of SPEC §6.2, part-time workers under Decree 154/2025, people past retirement
//! age in a plan, and the law files as checked data.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use orgplan::files::raw::{Category, Gender};
use orgplan::files::source::SourceFile;
use orgplan::law::data::{check_law, Key, Laws, Regime, DECREE_154_RON, DECREE_178_RON};
use orgplan::law::{package, Branch, LawPolicy, Package, PackageInput, PackageKind, TermKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(
    category: Category,
    born: NaiveDate,
    coef: f64,
    allowance: f64,
    insured: u32,
) -> PackageInput {
    PackageInput {
        category,
        ..PackageInput::civil_servant(Gender::Male, born, coef, allowance, insured)
    }
}

/// Leaving on `leave`, the decision taking effect on `decision`, shipped laws.
fn policy(leave: NaiveDate, decision: NaiveDate) -> LawPolicy {
    LawPolicy::new(leave, None, None, None).with_decision_date(decision)
}

fn values(p: &Package) -> Vec<u64> {
    p.terms.iter().map(|t| t.value_vnd).collect()
}

// ---- the ministry's worked examples (Official Letter 1814/BNV-TCBC, 2025) ----

#[test]
fn ministry_example_mr_c_30_months_early_22_insured_years() {
    // Mr C, born 15/01/1966, coefficient 4.65 + position allowance 0.6, a civil servant (25%
    // public-service allowance); decision 01/03/2025, leaves 01/05/2025.
    // M = (4.65 + 0.6) × 2,340,000 × 1.25 = 5.25 × 2,925,000 = 15,356,250.
    // Retirement: a man born 01/1966 needs 61y9m in 2027 → 2027-10; pension from 2027-11;
    // 2025-05 → 2027-11 = 30 months early; E = 30/12 = 2y6m → 2.5 years (half-year rounding).
    // Insured 22 years (264 months), before 1 Jul 2025 → S = 5 × M + 0.5 × M × (22 − 20).
    //   1.0 × M × 30           = 460,687,500
    //   5 × M × 2.5 = 12.5 M   = 191,953,125
    //   S = 6 M                =  92,137,500
    //   total 48.5 M           = 744,778,125
    let mr_c = person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 264);
    let p = package(&mr_c, &policy(d(2025, 5, 1), d(2025, 3, 1)));
    assert_eq!(p.monthly_salary_vnd, 15_356_250);
    assert_eq!(p.months_to_retirement, 30);
    assert_eq!(
        (p.kind, p.branch),
        (PackageKind::EarlyRetirement, Branch::Early2To5Years)
    );
    assert_eq!(p.years_early, Some(2.5));
    assert_eq!(values(&p), [460_687_500, 191_953_125, 92_137_500]);
    assert_eq!(p.cost_vnd, 744_778_125);
    assert!(p.within_window);
    assert_eq!(
        p.salary.formula,
        "(4.65 + 0.6) × 2,340,000 × 1.25 = 15,356,250"
    );
    // Every term cites its article; M cites art. 5.
    assert!(p.salary.article.contains("điều 5"), "{}", p.salary.article);
    assert!(p.terms.iter().all(|t| !t.article.is_empty()));
    assert!(
        p.terms[1].article.contains("điều 5 khoản 3"),
        "E's rounding: {}",
        p.terms[1].article
    );
}

#[test]
fn ministry_example_quitting_with_15_insured_years_is_73_5_months() {
    // 15 insured years (180 months), before 1 Jul 2025: 15 < 20, no pension → quitting.
    // n = min(60, 180) = 60: 0.8 × 60 + 1.5 × 15 + 3 = 48 + 22.5 + 3 = 73.5 × M.
    // M = 5.25 × 2,340,000 × 1.25 = 15,356,250 → 73.5 × M = 1,128,684,375.
    let p = package(
        &person(Category::CivilServant, d(1975, 1, 1), 5.25, 0.0, 180),
        &policy(d(2025, 1, 1), d(2025, 1, 1)),
    );
    assert_eq!(
        (p.kind, p.branch),
        (PackageKind::Quit, Branch::QuitCivilService)
    );
    assert_eq!(values(&p), [737_100_000, 345_515_625, 46_068_750]);
    assert_eq!(p.cost_vnd, 1_128_684_375);
    assert_eq!(p.terms[0].formula, "0.8 × 15,356,250 × 60");
    assert!(
        p.terms[0].article.contains("điều 5 khoản 2"),
        "n: {}",
        p.terms[0].article
    );
    assert!(p.article.contains("điều 9"), "{}", p.article);
}

// ---- eligibility in whole years; the 1 July 2025 rules ----

#[test]
fn nineteen_years_seven_months_is_not_twenty() {
    // Mr C's dates (m = 30, before 1 Jul 2025), 19y7m = 235 months: 19 whole years < 20 → no
    // pension → quitting: n = 60 → 48 M; Y for amounts = 19y7m → 20 → 1.5 × 20 = 30 M; 3 M.
    //   81 M = 81 × 15,356,250 = 1,243,856,250.
    let pol = policy(d(2025, 5, 1), d(2025, 3, 1));
    let p = package(
        &person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 235),
        &pol,
    );
    assert_eq!(
        (p.kind, p.eligibility_years, p.insured_years),
        (PackageKind::Quit, 19, 20.0)
    );
    assert!(!p.early_retirement_open);
    assert_eq!(p.cost_vnd, 1_243_856_250);
    // 20 years (240 months): early retirement: 30 M + 12.5 M + S = 5 M → 47.5 M = 729,421,875.
    let p = package(
        &person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 240),
        &pol,
    );
    assert_eq!(
        (p.kind, p.eligibility_years),
        (PackageKind::EarlyRetirement, 20)
    );
    assert_eq!(p.cost_vnd, 729_421_875);
}

#[test]
fn first_of_july_2025_applies_4_months_for_15_years_also_when_y_is_20_or_more() {
    // Mr C with 22 insured years, decision 2025-03-01.
    let mr_c = person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 264);
    // Leaving 2025-06-30: m = (2025-06 → 2027-11 = 29) − 1 for the part month = 28;
    // E = 2y4m → 2.5; S = 5 M + 0.5 × M × 2 = 6 M → 28 + 12.5 + 6 = 46.5 M = 714,065,625.
    let before = package(&mr_c, &policy(d(2025, 6, 30), d(2025, 3, 1)));
    assert_eq!(before.months_to_retirement, 28);
    assert_eq!(
        before.terms[2].formula,
        "5 × 15,356,250 + 0.5 × 15,356,250 × (22 − 20)"
    );
    assert_eq!(before.cost_vnd, 714_065_625);
    // Leaving 2025-07-01: m = 28; S = 4 M + 0.5 × M × (22 − 15) = 7.5 M → 48 M = 737,100,000.
    let after = package(&mr_c, &policy(d(2025, 7, 1), d(2025, 3, 1)));
    assert_eq!(after.months_to_retirement, 28);
    assert_eq!(
        after.terms[2].formula,
        "4 × 15,356,250 + 0.5 × 15,356,250 × (22 − 15)"
    );
    assert_eq!(after.cost_vnd, 737_100_000);
    // 15 years from 1 Jul 2025 opens early retirement (Social Insurance Law 2024): 180 months,
    // S = 4 M → 28 + 12.5 + 4 = 44.5 M = 683,353,125; a day earlier it is quitting.
    let fifteen = person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 180);
    let p = package(&fifteen, &policy(d(2025, 7, 1), d(2025, 3, 1)));
    assert_eq!(
        (p.kind, p.min_pension_years),
        (PackageKind::EarlyRetirement, 15)
    );
    assert_eq!(p.cost_vnd, 683_353_125);
    let p = package(&fifteen, &policy(d(2025, 6, 30), d(2025, 3, 1)));
    assert_eq!((p.kind, p.min_pension_years), (PackageKind::Quit, 20));
}

#[test]
fn twelve_month_window_halves_the_rates() {
    // 180 insured months, born 1975: m > 120 → quitting. M = 15,356,250; decision 2025-01-01.
    let who = person(Category::CivilServant, d(1975, 1, 1), 5.25, 0.0, 180);
    // Leaving 2025-12-31, the window's last day: g = 0.8 → 73.5 M = 1,128,684,375.
    let p = package(&who, &policy(d(2025, 12, 31), d(2025, 1, 1)));
    assert_eq!((p.within_window, p.window_end), (true, d(2025, 12, 31)));
    assert_eq!(p.cost_vnd, 1_128_684_375);
    // Leaving 2026-01-01: g = 0.4 → 24 + 22.5 + 3 = 49.5 M = 760,134,375.
    let p = package(&who, &policy(d(2026, 1, 1), d(2025, 1, 1)));
    assert!(!p.within_window);
    assert_eq!(p.terms[0].formula, "0.4 × 15,356,250 × 60");
    assert_eq!(p.cost_vnd, 760_134_375);
    // Early retirement after the window: Mr C decided 2024-04-01 (window to 2025-03-31),
    // leaving 2025-05-01: f = 0.5 → 15 M + 12.5 M + 6 M = 33.5 M = 514,434,375.
    let mr_c = person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 264);
    let p = package(&mr_c, &policy(d(2025, 5, 1), d(2024, 4, 1)));
    assert_eq!(p.terms[0].formula, "0.5 × 15,356,250 × 30");
    assert_eq!(p.cost_vnd, 514_434_375);
}

// ---- every branch by m ----

/// A man born 1975-01 (62 years from 2028: pension from 2037-02) leaving `m` months before his
/// pension start; 300 insured months (25 years); civil servant on 4.0:
/// M = 4 × 2,340,000 × 1.25 = 11,700,000. Every date is after 1 Jul 2025, so
/// S = 4 M + 0.5 × M × (25 − 15) = 9 M.
fn at_m(m: u32) -> Package {
    let pension = d(2037, 2, 1);
    let leave = pension.checked_sub_months(chrono::Months::new(m)).unwrap();
    let p = package(
        &person(Category::CivilServant, d(1975, 1, 1), 4.0, 0.0, 300),
        &policy(leave, leave),
    );
    assert_eq!(p.months_to_retirement, i64::from(m));
    assert_eq!(p.monthly_salary_vnd, 11_700_000);
    p
}

#[test]
fn branches_at_m_0_23_24_60_61_120_121() {
    // m = 0: retires; no package, cost 0.
    let p = at_m(0);
    assert_eq!(
        (p.kind, p.cost_vnd, p.terms.len()),
        (PackageKind::Retire, 0, 0)
    );
    // m = 23: the months part only: 23 M = 269,100,000.
    let p = at_m(23);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::EarlyUnder2Years, 269_100_000)
    );
    // m = 24: 24 M + 5 × M × 2 + 9 M = 43 M = 503,100,000.
    let p = at_m(24);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::Early2To5Years, 503_100_000)
    );
    // m = 60: 60 M + 5 × M × 5 + 9 M = 94 M = 1,099,800,000.
    let p = at_m(60);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::Early2To5Years, 1_099_800_000)
    );
    // m = 61: 0.9 × 1.0 × M × 60 = 54 M; E = 5y1m → 5.5 → 4 × 5.5 = 22 M; 9 M → 85 M.
    let p = at_m(61);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::Early5To10Years, 994_500_000)
    );
    assert_eq!(p.terms[0].kind, TermKind::MonthsEarlyCapped);
    assert_eq!(p.terms[1].formula, "4 × 11,700,000 × 5.5");
    // m = 120: 54 M + 4 × 10 M + 9 M = 103 M = 1,205,100,000.
    let p = at_m(120);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::Early5To10Years, 1_205_100_000)
    );
    // m = 121: early retirement closed → quitting, n = 60: 48 M + 37.5 M + 3 M = 88.5 M.
    let p = at_m(121);
    assert_eq!((p.kind, p.cost_vnd), (PackageKind::Quit, 1_035_450_000));
}

#[test]
fn quitting_is_only_where_early_retirement_is_closed_and_n_is_the_insured_months() {
    // m = 24 with 25 years: early retirement is open, so it is the only package (Decree 67).
    let all = orgplan::law::eligible_packages(
        &person(Category::CivilServant, d(1975, 1, 1), 4.0, 0.0, 300),
        &policy(d(2035, 2, 1), d(2035, 2, 1)),
    );
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, PackageKind::EarlyRetirement);
    // 40 insured months (3y4m → Y = 3.5), m = 121 → quitting with n = 40, not 60 or m:
    //   0.8 × 40 = 32 M; 1.5 × 3.5 = 5.25 M; 3 M → 40.25 M = 40.25 × 11,700,000 = 470,925,000.
    let p = package(
        &person(Category::CivilServant, d(1975, 1, 1), 4.0, 0.0, 40),
        &policy(d(2027, 1, 1), d(2027, 1, 1)),
    );
    assert_eq!(p.terms[0].formula, "0.8 × 11,700,000 × 40");
    assert_eq!(p.cost_vnd, 470_925_000);
    // No package: 10 insured years (no pension) and m = 23 (too late to quit): None, cost 0.
    let p = package(
        &person(Category::CivilServant, d(1975, 1, 1), 4.0, 0.0, 120),
        &policy(d(2035, 3, 1), d(2035, 3, 1)),
    );
    assert_eq!(
        (p.kind, p.months_to_retirement, p.cost_vnd),
        (PackageKind::None, 23, 0)
    );
}

// ---- monthly salary M by category (art. 5) ----

#[test]
fn public_employees_get_no_public_service_allowance_and_art_10() {
    // The 73.5 M quitting case as a public employee: M = 5.25 × 2,340,000 = 12,285,000;
    // 73.5 M = 902,947,500; cited under art. 10.
    let p = package(
        &person(Category::PublicEmployee, d(1975, 1, 1), 5.25, 0.0, 180),
        &policy(d(2025, 1, 1), d(2025, 1, 1)),
    );
    assert_eq!(p.monthly_salary_vnd, 12_285_000);
    assert_eq!(p.salary.public_service, None);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::QuitPublicEmployee, 902_947_500)
    );
    assert!(p.article.contains("điều 10 "), "{}", p.article);
    assert!(
        p.terms.iter().all(|t| !t.article.contains("điều 9 ")),
        "{:?}",
        p.terms
    );
}

#[test]
fn beyond_frame_and_other_allowances_count_in_m() {
    // Cadre: (4.98 × 1.07 + 0.3) × 2,340,000 × 1.25 + 0.2 × 2,340,000
    //      = 5.6286 × 2,925,000 + 468,000 = 16,463,655 + 468,000 = 16,931,655.
    let input = PackageInput {
        beyond_frame_pct: 7,
        other_allowances: 0.2,
        ..person(Category::Cadre, d(1975, 1, 1), 4.98, 0.3, 180)
    };
    let p = package(&input, &policy(d(2025, 1, 1), d(2025, 1, 1)));
    assert_eq!(p.monthly_salary_vnd, 16_931_655);
    assert_eq!(
        p.salary.formula,
        "(4.98 × 1.07 + 0.3) × 2,340,000 × 1.25 + 0.2 × 2,340,000 = 16,931,655"
    );
}

// ---- part-time commune workers (Decree 154/2025 art. 9) ----

#[test]
fn part_time_workers_under_decree_154() {
    // A = 1.5 × 2,340,000 = 3,510,000 (their monthly allowance; no public-service allowance).
    let pt = |born, insured| person(Category::PartTime, born, 1.5, 0.0, insured);
    let july = policy(d(2025, 7, 1), d(2025, 7, 1));
    // Under 5 years of work (40 months = 3y4m → 3.5): 0.8 × 40 + 1.5 × 3.5 + 3
    //   = 32 + 5.25 + 3 = 40.25 A = 141,277,500.
    let p = package(&pt(d(1975, 1, 1), 40), &july);
    assert_eq!(
        (p.regime, p.branch),
        (Regime::Decree154, Branch::PartTimeShortService)
    );
    assert_eq!(p.monthly_salary_vnd, 3_510_000);
    assert_eq!(p.cost_vnd, 141_277_500);
    // Point a's 0.8 × A × months and 3 × A are quoted by several outlets; the rounding of odd
    // months (3y4m → 3.5) is assumed to be Decree 178's and is flagged.
    assert!(p.terms[0].verified && p.terms[2].verified);
    assert!(!p.terms[1].verified && !p.verified);
    // 10 years of work, born 01/1966 (pension from 2027-11): m = 2025-07 → 2027-11 = 28.
    let near = pt(d(1966, 1, 15), 120);
    let p = package(&near, &policy(d(2025, 7, 1), d(2025, 7, 1)));
    assert_eq!(p.months_to_retirement, 28);
    // 0.8 × 28 = 22.4 A; 1.5 × 10 = 15 A → 37.4 A = 131,274,000; no job-search allowance.
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::PartTimeNearRetirement, 131_274_000)
    );
    assert!(!p.verified, "points b and c are not confirmed");
    // 10 years of work, far from retirement: 0.8 × 60 + 1.5 × 10 + 3 = 66 A = 231,660,000.
    let p = package(&pt(d(1975, 1, 1), 120), &july);
    assert_eq!(
        (p.branch, p.cost_vnd),
        (Branch::PartTimeLongService, 231_660_000)
    );
    // At retirement age: 15 months' allowance = 52,650,000 (art. 9(2)), and they retire.
    let p = package(&pt(d(1955, 1, 1), 120), &july);
    assert_eq!(
        (p.kind, p.branch, p.cost_vnd),
        (PackageKind::Retire, Branch::PartTimeRetired, 52_650_000)
    );
    // Before 1 Jul 2025 no law file's `applies` covers part-time workers: Decree 178's rules
    // on A, flagged. 120 months (10 years < 20) and m > 120: quitting 0.8 × 60 + 15 + 3 = 66 A.
    let p = package(
        &pt(d(1975, 1, 1), 120),
        &policy(d(2025, 6, 1), d(2025, 6, 1)),
    );
    assert_eq!((p.regime, p.regime_applies), (Regime::Decree178, false));
    assert_eq!((p.kind, p.cost_vnd), (PackageKind::Quit, 231_660_000));
    // After 31 May 2026 likewise.
    let p = package(
        &pt(d(1975, 1, 1), 120),
        &policy(d(2026, 6, 1), d(2026, 6, 1)),
    );
    assert_eq!((p.regime, p.regime_applies), (Regime::Decree178, false));
}

#[test]
fn years_early_reading_full_year_is_a_data_change() {
    // Mr C under the FullYear reading: E = ⌊30/12⌋ = 2 → 5 × 2 = 10 M instead of 12.5 M:
    //   30 M + 10 M + 6 M = 46 M = 706,387,500.
    let text = DECREE_178_RON.replace("years_early: HalfYear", "years_early: FullYear");
    let law = check_law(&Arc::new(SourceFile::new("full.ron", text))).unwrap();
    let laws = Arc::new(Laws::embedded().with(law));
    let pol = policy(d(2025, 5, 1), d(2025, 3, 1)).with_laws(laws);
    let mr_c = person(Category::CivilServant, d(1966, 1, 15), 4.65, 0.6, 264);
    assert_eq!(package(&mr_c, &pol).cost_vnd, 706_387_500);
}

// ---- the law files ----

fn law_errors(text: &str) -> Vec<String> {
    let src = Arc::new(SourceFile::new("bad.ron", text.to_string()));
    match check_law(&src) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .errors()
            .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
            .collect(),
    }
}

#[test]
fn shipped_law_files_validate_and_cite_every_figure() {
    for text in [DECREE_178_RON, DECREE_154_RON] {
        assert_eq!(law_errors(text), Vec::<String>::new());
    }
    let laws = Laws::embedded();
    for law in &laws.laws {
        for f in &law.figures {
            assert!(!f.article.trim().is_empty(), "{} {:?}", law.id, f.key);
        }
    }
    let l178 = laws.get(Regime::Decree178);
    assert_eq!(
        l178.value(Key::QuitRate, d(2025, 1, 1))
            .unwrap()
            .to_string(),
        "0.8"
    );
    // Decree 154's unconfirmed figures say so.
    let l154 = laws.get(Regime::Decree154);
    assert!(
        !l154
            .figure(Key::PtFarMonths, d(2025, 7, 1))
            .unwrap()
            .verified
    );
}

#[test]
fn broken_law_files_give_clear_errors_never_a_panic() {
    // A syntax error: line and column of the token.
    let errs =
        law_errors("Law(id: \"x\", name: \"y\", regime: Decree178, in_force: \"2025-01-01\",, )");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("1:"), "{errs:?}");
    // Every semantic problem in one run, at its figure's line.
    let text = DECREE_178_RON
        .replace("key: \"quit-rate\", value: 0.8", "key: \"quit-rat\", value: 0.8")
        .replace("key: \"early-max-months\", value: 120", "key: \"early-max-months\", value: 120.5")
        .replace("key: \"quit-job-search\", value: 3, article: \"Nghị định 178/2024 điều 9 khoản 1 điểm c\"", "key: \"quit-job-search\", value: 3, article: \"\"")
        .replace("from: \"2025-07-01\", article: \"Luật BHXH 2024", "from: \"2025-06-01\", article: \"Luật BHXH 2024");
    let errs = law_errors(&text);
    let all = errs.join("\n");
    for part in [
        "\"quit-rat\" không phải là con số mà orgplan biết",
        "thiếu con số `quit-rate`",
        "120.5 không phải số nguyên",
        "con số không dẫn điều khoản nào",
        "hai con số `min-pension-years` cùng có hiệu lực trong những ngày trùng nhau",
    ] {
        assert!(all.contains(part), "missing {part:?} in\n{all}");
    }
    let line_of = |needle: &str| {
        DECREE_178_RON
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&format!("{}:", line_of("key: \"quit-rate\",")))),
        "{all}"
    );
    // A date gap leaves a day without a figure.
    let gap = DECREE_178_RON.replace(
        "value: 15, from: \"2025-07-01\", article: \"Luật BHXH 2024",
        "value: 15, from: \"2025-08-01\", article: \"Luật BHXH 2024",
    );
    assert!(
        law_errors(&gap)
            .join("\n")
            .contains("không có `min-pension-years` nào có hiệu lực vào 01/07/2025"),
        "{:?}",
        law_errors(&gap)
    );
    // A Model file given as a law, an empty file, binary junk: errors, not panics.
    assert!(law_errors("Model(name: \"x\", as_of: \"2024-01-01\")")[0]
        .contains("không phải tệp pháp luật"));
    assert!(!law_errors("").is_empty());
    assert!(!law_errors("Law(").is_empty());
}

// ---- people past retirement age in a plan ----

/// `scenarios/hong-phu.ron` with more rules, top-level fields and Policy fields.
fn scenario_with(rules: &str, extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    scenario_policy(rules, extra, "")
}

fn scenario_policy(
    rules: &str,
    extra: &str,
    policy: &str,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/hong-phu.ron"))
        .unwrap()
        .replace(
            "\"../models/chuong-my-2024.ron\"",
            &format!("{:?}", root.join("models/chuong-my-2024.ron")),
        )
        .replace(
            "\"../models/norms/nd33-2023.ron\"",
            &format!("{:?}", root.join("models/norms/nd33-2023.ron")),
        )
        .replace(
            "    rules: [\n",
            &format!("    rules: [\n        {rules}\n"),
        )
        .replace("    weights:", &format!("    {extra}\n    weights:"))
        .replace("pool: PerMerger)", &format!("pool: PerMerger{policy})"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn issue_12_the_party_secretary_past_retirement_age_retires() {
    // DP-01, pension since 2023-12, held the Bí thư post: not placed; listed as retiring.
    let scenario = orgplan::model::load_scenario(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/hong-phu.ron"),
    )
    .unwrap()
    .value;
    let plan = orgplan::alloc::plan(&scenario).unwrap();
    let m = &plan.mergers[0];
    assert!(m.assignments.iter().all(|a| a.staff != "DP-01"));
    let dp01 = m.surplus.iter().find(|s| s.staff == "DP-01").unwrap();
    assert!(dp01.retiring);
    assert_eq!((dp01.package, dp01.cost_vnd), ("Retire", 0));
    assert_eq!(dp01.pension_start.to_string(), "2023-12");
    // No one whose pension has started is placed.
    for a in &m.assignments {
        let s = scenario.model.staff_member(&a.staff).unwrap();
        let p = &scenario.model.staff[s];
        let r = orgplan::law::retirement(p.gender, p.born);
        assert!(
            orgplan::law::months_to_retirement(&r, scenario.effective) > 0,
            "{} placed",
            a.staff
        );
    }
    assert_eq!(
        plan.totals.retiring,
        m.surplus.iter().filter(|s| s.retiring).count()
    );
    assert!(plan.totals.retiring >= 1);
}

#[test]
fn a_retain_rule_keeps_a_leader_and_the_plan_flags_it() {
    // Retained until the end of the term and pinned to the secretary's post.
    let (_dir, path) = scenario_with(
        "Retain(staff: \"DP-01\", until: \"2026-06-30\"), Pin(staff: \"DP-01\", position: \"hong-phu.bi-thu\"),",
        "",
    );
    let scenario = orgplan::model::load_scenario(&path).unwrap().value;
    let plan = orgplan::alloc::plan(&scenario).unwrap();
    let m = &plan.mergers[0];
    let a = m.assignments.iter().find(|a| a.staff == "DP-01").unwrap();
    assert_eq!(a.retained_until.as_deref(), Some("2026-06-30"));
    assert_eq!(m.retained.len(), 1);
    assert_eq!(m.retained[0].position.as_deref(), Some("hong-phu.bi-thu"));
    // Without Retain the Pin cannot hold: infeasible, naming why.
    let (_dir, path) = scenario_with("Pin(staff: \"DP-01\", position: \"hong-phu.bi-thu\"),", "");
    let scenario = orgplan::model::load_scenario(&path).unwrap().value;
    let err = orgplan::alloc::plan(&scenario).unwrap_err();
    assert!(
        err.conflicts.iter().any(|c| matches!(
            &c.kind,
            orgplan::alloc::ConflictKind::PinIneligible {
                staff,
                post,
                why: orgplan::alloc::problem::Ineligible::Retired,
                ..
            } if staff == "DP-01" && post == "hong-phu.bi-thu"
        )),
        "{err}"
    );
    // A Retain with a bad date is an error at its rule.
    let (_dir, path) = scenario_with("Retain(staff: \"DP-01\", until: \"2026-13-01\"),", "");
    let Err(d) = orgplan::model::load_scenario(&path) else {
        panic!("accepted a bad date")
    };
    assert!(d.errors().any(|e| e
        .message
        .contains("`until` không phải một ngày hợp lệ: \"2026-13-01\"")));
}

#[test]
fn scenario_law_and_decision_date() {
    // A law file named by the scenario replaces the shipped one: 4 months to find work instead
    // of 3 adds one M to every quitting package.
    let dir = tempfile::tempdir().unwrap();
    let law = dir.path().join("law.ron");
    std::fs::write(
        &law,
        DECREE_178_RON.replace(
            "key: \"quit-job-search\", value: 3",
            "key: \"quit-job-search\", value: 4",
        ),
    )
    .unwrap();
    let (_d1, base) = scenario_with("", "");
    let (_d2, changed) = scenario_with("", &format!("law: {:?},", law));
    let a = orgplan::alloc::plan(&orgplan::model::load_scenario(&base).unwrap().value).unwrap();
    let b = orgplan::alloc::plan(&orgplan::model::load_scenario(&changed).unwrap().value).unwrap();
    let quit = |p: &orgplan::alloc::Plan| {
        p.mergers[0]
            .surplus
            .iter()
            .filter(|s| s.package == "Quit")
            .map(|s| (s.staff.clone(), s.cost_vnd, s.detail.monthly_salary_vnd))
            .collect::<Vec<_>>()
    };
    let (qa, qb) = (quit(&a), quit(&b));
    assert!(!qa.is_empty());
    for ((ida, ca, m), (idb, cb, _)) in qa.iter().zip(&qb) {
        assert_eq!(ida, idb);
        assert!(cb.abs_diff(ca + m) <= 1, "{ida}: {ca} + {m} vs {cb}");
    }
    // A broken law file: the error is in the law file, at its line.
    std::fs::write(&law, "Law(id: \"x\")").unwrap();
    let Err(d) = orgplan::model::load_scenario(&changed) else {
        panic!("accepted a broken law file")
    };
    assert!(d.errors().any(|e| e.file.ends_with("law.ron")), "{d:?}");
    // decision_date: a year before the effective date, every rate is halved.
    let (_d3, late) = scenario_policy("", "", ", decision_date: \"2023-12-01\"");
    let c = orgplan::alloc::plan(&orgplan::model::load_scenario(&late).unwrap().value).unwrap();
    assert!(c.mergers[0]
        .surplus
        .iter()
        .filter(|s| !s.retiring)
        .all(|s| !s.detail.within_window));
    assert!(c.totals.surplus_cost_vnd < a.totals.surplus_cost_vnd);
}

#[test]
fn orgplan_validate_checks_law_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |files: &[&Path]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .arg("validate")
            .args(files)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run(&[
        &root.join("data/law/nd178-67.ron"),
        &root.join("data/law/nd154.ron"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A broken copy: exit 1, the problem at its file, line and column.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad-law.ron");
    std::fs::write(
        &bad,
        DECREE_154_RON.replace(
            "key: \"pt-job-search\", value: 3",
            "key: \"pt-job-search\", value: -3",
        ),
    )
    .unwrap();
    let out = run(&[&bad]);
    assert_eq!(out.status.code(), Some(1));
    let line = DECREE_154_RON
        .lines()
        .position(|l| l.contains("key: \"pt-job-search\""))
        .unwrap()
        + 1;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains(&format!("bad-law.ron:{line}:")), "{text}");
}

#[test]
fn orgplan_law_shows_the_rules_in_force_with_their_sources() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["law", "--date", "2025-07-01", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let laws = v["laws"].as_array().unwrap();
    let nd178 = laws.iter().find(|l| l["id"] == "nd178-67").unwrap();
    let min = nd178["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "min-pension-years")
        .unwrap();
    // On 1 Jul 2025 the Social Insurance Law 2024's 15 years, with its article.
    assert_eq!(min["value"], 15.0);
    assert!(min["article"].as_str().unwrap().contains("điều 64"));
    // The table, in Vietnamese by default.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["law", "--date", "2025-07-01"])
        .env("ORGPLAN_LANG", "vi")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Quy định có hiệu lực ngày 01/07/2025"),
        "{text}"
    );
    assert!(text.contains("chưa đối chiếu được văn bản gốc"), "{text}");
}

mod mutations {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Byte flips, truncations and inserted tokens in the shipped law file give a checked
        /// law or diagnostics with a line, never a panic.
        #[test]
        fn a_mutated_law_file_never_panics(
            at in 0usize..DECREE_178_RON.len(),
            cut in any::<bool>(),
            token in prop::sample::select(vec!["(", ")", ",", "\"", "-1", "1e999", "NaN", "Figure(", "//", "é", "0.", "\n"]),
        ) {
            let mut text = DECREE_178_RON.to_string();
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            if cut {
                text.truncate(at);
            } else {
                text.insert_str(at, token);
            }
            let src = Arc::new(SourceFile::new("mutated.ron", text));
            if let Err(d) = check_law(&src) {
                prop_assert!(d.errors().count() > 0);
                for e in d.errors() {
                    prop_assert!(!e.message.is_empty());
                }
            }
        }
    }
}
