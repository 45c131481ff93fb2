//! Statutory retirement age and the month a person retires (SPEC §6.1).
//!
//! Source: Labour Code 2019 (Law 45/2019/QH14) art. 169(2) and Decree 135/2020/NĐ-CP art. 4 with
//! its Appendix I (retirement age in normal working conditions, rising from 2021).
//!
//! Ages and dates are counted in whole calendar months: a person born in month B is `k` months
//! old in month B + k, whatever the day of birth (this is how Appendix I counts).

use std::fmt;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::files::raw::Gender;

/// The year the rising retirement-age schedule starts (Labour Code 2019 art. 169(2), in force
/// 1 Jan 2021; Decree 135/2020 art. 4). Before this year the pre-2021 law applies.
pub const RETIREMENT_SCHEDULE_START_YEAR: i32 = 2021;

/// Men's retirement age before 2021, in months: 60 years (Labour Code 2012 art. 187).
pub const MEN_RETIREMENT_AGE_BEFORE_2021_MONTHS: u32 = 60 * 12;
/// Men's retirement age in 2021, in months: 60 years 3 months (Labour Code 2019 art. 169(2);
/// Decree 135/2020 art. 4(1)).
pub const MEN_RETIREMENT_AGE_2021_MONTHS: u32 = 60 * 12 + 3;
/// Men's retirement age rises by 3 months each year after 2021 (Decree 135/2020 art. 4(1)).
pub const MEN_RETIREMENT_AGE_STEP_MONTHS: u32 = 3;
/// Men's retirement age stops rising at 62 years (Labour Code 2019 art. 169(2)).
pub const MEN_RETIREMENT_AGE_CAP_MONTHS: u32 = 62 * 12;
/// The year men's retirement age reaches 62 years (Labour Code 2019 art. 169(2): "đủ 62 tuổi
/// vào năm 2028").
pub const MEN_RETIREMENT_AGE_CAP_YEAR: i32 = 2028;

/// Women's retirement age before 2021, in months: 55 years (Labour Code 2012 art. 187).
pub const WOMEN_RETIREMENT_AGE_BEFORE_2021_MONTHS: u32 = 55 * 12;
/// Women's retirement age in 2021, in months: 55 years 4 months (Labour Code 2019 art. 169(2);
/// Decree 135/2020 art. 4(1)).
pub const WOMEN_RETIREMENT_AGE_2021_MONTHS: u32 = 55 * 12 + 4;
/// Women's retirement age rises by 4 months each year after 2021 (Decree 135/2020 art. 4(1)).
pub const WOMEN_RETIREMENT_AGE_STEP_MONTHS: u32 = 4;
/// Women's retirement age stops rising at 60 years (Labour Code 2019 art. 169(2)).
pub const WOMEN_RETIREMENT_AGE_CAP_MONTHS: u32 = 60 * 12;
/// The year women's retirement age reaches 60 years (Labour Code 2019 art. 169(2): "đủ 60 tuổi
/// vào năm 2035").
pub const WOMEN_RETIREMENT_AGE_CAP_YEAR: i32 = 2035;

/// A calendar month: `year` and `month` (1–12).
///
/// Ordered chronologically. [`Display`](fmt::Display) and JSON (via `Serialize`) write it as
/// `"YYYY-MM"` (ISO 8601), e.g. `2027-07`.
///
/// The fields are public for reading; build values with [`YearMonth::new`] or
/// [`YearMonth::from_date`], which keep `month` in 1–12 (other methods assume it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    /// The calendar year.
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`; `None` if `month` is out of range.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month a date falls in.
    pub fn from_date(date: NaiveDate) -> Self {
        use chrono::Datelike;
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Months since year 0 (January of year 0 is 0).
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    /// The inverse of [`YearMonth::index`].
    ///
    /// # Panics
    /// If the year does not fit an `i32`.
    fn from_index(index: i64) -> Self {
        let year = i32::try_from(index.div_euclid(12)).expect("year out of range");
        let month = u32::try_from(index.rem_euclid(12) + 1).expect("month in 1..=12");
        YearMonth { year, month }
    }

    /// This month moved by `n` months (`n` may be negative): 2024-11 + 3 = 2025-02.
    ///
    /// # Panics
    /// If the resulting year does not fit an `i32`.
    pub fn add_months(self, n: i64) -> Self {
        Self::from_index(self.index() + n)
    }

    /// The number of months from `self` to `later` (`later − self`; negative if `later` is
    /// earlier): 2025-01 → 2027-07 is 30.
    pub fn months_between(self, later: YearMonth) -> i64 {
        later.index() - self.index()
    }

    /// The first day of the month.
    ///
    /// # Panics
    /// If the year is outside chrono's range (±262,000 years) or `month` is not 1–12.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid year and month")
    }
}

impl fmt::Display for YearMonth {
    /// `YYYY-MM`, e.g. `2027-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    /// As the string `"YYYY-MM"`, like [`Display`](fmt::Display).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The parameters of one sex's schedule, all from the constants above.
struct Schedule {
    before: u32,
    first: u32,
    step: u32,
    cap: u32,
    cap_year: i32,
}

fn schedule(gender: Gender) -> Schedule {
    match gender {
        Gender::Male => Schedule {
            before: MEN_RETIREMENT_AGE_BEFORE_2021_MONTHS,
            first: MEN_RETIREMENT_AGE_2021_MONTHS,
            step: MEN_RETIREMENT_AGE_STEP_MONTHS,
            cap: MEN_RETIREMENT_AGE_CAP_MONTHS,
            cap_year: MEN_RETIREMENT_AGE_CAP_YEAR,
        },
        Gender::Female => Schedule {
            before: WOMEN_RETIREMENT_AGE_BEFORE_2021_MONTHS,
            first: WOMEN_RETIREMENT_AGE_2021_MONTHS,
            step: WOMEN_RETIREMENT_AGE_STEP_MONTHS,
            cap: WOMEN_RETIREMENT_AGE_CAP_MONTHS,
            cap_year: WOMEN_RETIREMENT_AGE_CAP_YEAR,
        },
    }
}

/// The statutory retirement age in normal working conditions that applies in calendar `year`,
/// in whole months (Labour Code 2019 art. 169(2); Decree 135/2020 art. 4(1) and Appendix I).
///
/// Men: 60y3m in 2021, +3 months a year, 62y from 2028. Women: 55y4m in 2021, +4 months a year,
/// 60y from 2035. Before 2021: 60y (men), 55y (women), the pre-2021 law.
pub fn retirement_age_months(gender: Gender, year: i32) -> u32 {
    let s = schedule(gender);
    if year < RETIREMENT_SCHEDULE_START_YEAR {
        s.before
    } else if year >= s.cap_year {
        s.cap
    } else {
        // 0 ≤ year − 2021 < cap_year − 2021, so the cast is lossless.
        let steps = (year - RETIREMENT_SCHEDULE_START_YEAR) as u32;
        (s.first + s.step * steps).min(s.cap)
    }
}

/// The statutory retirement age that applies in calendar `year`, as `(years, months)`, e.g.
/// `(60, 3)` for a man in 2021. See [`retirement_age_months`] for the rule and its source.
pub fn retirement_age(gender: Gender, year: i32) -> (u32, u32) {
    let m = retirement_age_months(gender, year);
    (m / 12, m % 12)
}

/// When a person retires (SPEC §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Retirement {
    /// The retirement age that applies, `(years, months)`: the age of the retirement month's
    /// calendar year. The person is exactly this old in [`Retirement::retirement_month`].
    pub age: (u32, u32),
    /// The month the person reaches the retirement age: the first month in which their age is
    /// at least the retirement age of that month's calendar year.
    pub retirement_month: YearMonth,
    /// The month the pension starts: the month after the retirement month (Decree 135/2020
    /// Appendix I: "thời điểm hưởng lương hưu").
    pub pension_start: YearMonth,
}

/// When a person of `gender` born on `born` retires (SPEC §6.1; Labour Code 2019 art. 169;
/// Decree 135/2020 art. 4 and Appendix I).
///
/// A person born in month B is k months old in month B + k (the day of birth does not matter).
/// The retirement month is the first month in which that age is at least
/// [`retirement_age_months`] of the month's calendar year; the pension starts the month after.
/// Appendix I: a man born 01/1961 reaches 60y3m in 04/2021, pension from 05/2021; a man born
/// 10/1961 reaches 60y6m in 04/2022, pension from 05/2022.
pub fn retirement(gender: Gender, born: NaiveDate) -> Retirement {
    let birth = YearMonth::from_date(born);
    // Within calendar year y the months that qualify are those ≥ birth + age(y); the first
    // year in which that month falls no later than December of y holds the retirement month.
    // The age is capped (62 or 60 years), so the loop ends within about 62 years of birth.
    let mut year = birth.year;
    loop {
        let required = retirement_age_months(gender, year);
        let candidate = birth.add_months(i64::from(required));
        if candidate.year <= year {
            let january = YearMonth { year, month: 1 };
            let retirement_month = candidate.max(january);
            return Retirement {
                age: retirement_age(gender, year),
                retirement_month,
                pension_start: retirement_month.add_months(1),
            };
        }
        year += 1;
    }
}

/// Whole months from `effective` to the first day of the pension start (SPEC §6.1): the
/// largest n such that `effective` + n months ≤ `pension_start.first_day()` (floor). Negative
/// or 0 once the pension start has been reached.
///
/// An effective date on the 1st counts the plain month difference (2025-01-01 → pension start
/// 2027-07 is 30). A mid-month effective date loses the part month: 2025-01-15 → 2027-07-01 is
/// 29 (29 months later is 2027-06-15, 30 months later 2027-07-15 is past the pension start);
/// 2027-07-15 → 2027-07-01 is −1.
pub fn months_to_retirement(ret: &Retirement, effective: NaiveDate) -> i64 {
    use chrono::Datelike;
    let whole = YearMonth::from_date(effective).months_between(ret.pension_start);
    if effective.day() > 1 {
        whole - 1
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    /// Asserts the retirement of a person: the applying age, the retirement month, the pension.
    fn check(g: Gender, born: NaiveDate, age: (u32, u32), month: YearMonth) {
        let r = retirement(g, born);
        assert_eq!(r.age, age, "age of {g:?} born {born}");
        assert_eq!(
            r.retirement_month, month,
            "retirement month of {g:?} born {born}"
        );
        assert_eq!(
            r.pension_start,
            month.add_months(1),
            "pension of {g:?} born {born}"
        );
    }

    #[test]
    fn year_month_helpers() {
        assert_eq!(YearMonth::new(2025, 13), None);
        assert_eq!(YearMonth::new(2025, 0), None);
        assert_eq!(ym(2024, 11).add_months(3), ym(2025, 2));
        assert_eq!(ym(2025, 2).add_months(-14), ym(2023, 12));
        assert_eq!(ym(2025, 1).months_between(ym(2027, 7)), 30);
        assert_eq!(ym(2027, 7).months_between(ym(2025, 1)), -30);
        assert_eq!(ym(2027, 7).first_day(), d(2027, 7, 1));
        assert_eq!(YearMonth::from_date(d(1961, 10, 31)), ym(1961, 10));
        assert_eq!(ym(2027, 7).to_string(), "2027-07");
        assert_eq!(serde_json::to_string(&ym(987, 1)).unwrap(), "\"0987-01\"");
        assert!(ym(2024, 12) < ym(2025, 1));
    }

    #[test]
    fn schedule_values() {
        // Men: 2021 60y3m, 2022 60y6m, …, 2027 60y3m + 6 × 3m = 61y9m, 2028 62y (cap).
        assert_eq!(retirement_age(Gender::Male, 2020), (60, 0));
        assert_eq!(retirement_age(Gender::Male, 2021), (60, 3));
        assert_eq!(retirement_age(Gender::Male, 2022), (60, 6));
        assert_eq!(retirement_age(Gender::Male, 2025), (61, 3));
        assert_eq!(retirement_age(Gender::Male, 2027), (61, 9));
        assert_eq!(retirement_age(Gender::Male, 2028), (62, 0));
        assert_eq!(retirement_age(Gender::Male, 2100), (62, 0));
        // Women: 2021 55y4m, 2022 55y8m, 2023 56y, …, 2034 55y4m + 13 × 4m = 59y8m, 2035 60y.
        assert_eq!(retirement_age(Gender::Female, 1990), (55, 0));
        assert_eq!(retirement_age(Gender::Female, 2021), (55, 4));
        assert_eq!(retirement_age(Gender::Female, 2022), (55, 8));
        assert_eq!(retirement_age(Gender::Female, 2023), (56, 0));
        assert_eq!(retirement_age(Gender::Female, 2034), (59, 8));
        assert_eq!(retirement_age(Gender::Female, 2035), (60, 0));
        assert_eq!(retirement_age(Gender::Female, 2050), (60, 0));
    }

    #[test]
    fn cap_years_agree_with_the_steps() {
        // The cap constants and the yearly step must meet exactly in the cap year.
        for g in [Gender::Male, Gender::Female] {
            let s = schedule(g);
            let steps = (s.cap_year - RETIREMENT_SCHEDULE_START_YEAR) as u32;
            assert_eq!(s.first + s.step * steps, s.cap, "{g:?}");
            assert!(retirement_age_months(g, s.cap_year - 1) < s.cap, "{g:?}");
        }
    }

    #[test]
    fn decree_135_appendix_i_examples() {
        // Man born 01/1961: in 2021 the age is 60y3m = 723 months; 1961-01 + 723 months =
        // 2021-04, which is in 2021 → retires 04/2021 (in 2020 he needed 720 months, and
        // 1961-01 + 720 = 2021-01 is not in 2020). Pension from 05/2021.
        check(Gender::Male, d(1961, 1, 15), (60, 3), ym(2021, 4));
        // Man born 10/1961: 2021 needs 723 months → 1961-10 + 723 = 2022-01, not in 2021.
        // 2022 needs 60y6m = 726 → 1961-10 + 726 = 2022-04, in 2022 → retires 04/2022, pension
        // from 05/2022.
        check(Gender::Male, d(1961, 10, 1), (60, 6), ym(2022, 4));
    }

    #[test]
    fn men_across_birth_years() {
        // Born 1955-06: 1955-06 + 60y = 2015-06, in 2015 (pre-2021 law, 60y0m).
        check(Gender::Male, d(1955, 6, 20), (60, 0), ym(2015, 6));
        // Born 1960-12: 2020 needs 60y → 2020-12, in 2020 → 60y0m, retires 12/2020.
        check(Gender::Male, d(1960, 12, 31), (60, 0), ym(2020, 12));
        // Born 1961-09: 2021 needs 60y3m → 1961-09 + 60y3m = 2021-12, in 2021.
        check(Gender::Male, d(1961, 9, 1), (60, 3), ym(2021, 12));
        // Born 1963-10: 2023 needs 60y9m → 2024-07 (not 2023); 2024 needs 61y → 2024-10, in
        // 2024 → 61y0m, retires 10/2024.
        check(Gender::Male, d(1963, 10, 5), (61, 0), ym(2024, 10));
        // Born 1964-01: 2024 needs 61y → 2025-01 (not 2024); 2025 needs 61y3m → 2025-04.
        check(Gender::Male, d(1964, 1, 1), (61, 3), ym(2025, 4));
        // Born 1965-06: 2025 needs 61y3m → 2026-09 (not 2025); 2026 needs 61y6m → 2026-12.
        check(Gender::Male, d(1965, 6, 10), (61, 6), ym(2026, 12));
        // Born 1966-04: 2027 needs 61y9m → 2028-01 (not 2027); 2028 needs 62y → 2028-04.
        check(Gender::Male, d(1966, 4, 30), (62, 0), ym(2028, 4));
        // Cap: born 1970-05 → 62y0m applies (2032 ≥ 2028) → 1970-05 + 62y = 2032-05, pension
        // 2032-06. (2031 also needs 62y → 2032-05 is not in 2031.)
        check(Gender::Male, d(1970, 5, 17), (62, 0), ym(2032, 5));
        // Born 1985-02 → 2047-02.  Born 2000-12 → 2062-12.
        check(Gender::Male, d(1985, 2, 28), (62, 0), ym(2047, 2));
        check(Gender::Male, d(2000, 12, 1), (62, 0), ym(2062, 12));
    }

    #[test]
    fn women_across_birth_years() {
        // Born 1955-03: 1955-03 + 55y = 2010-03, pre-2021 law → 55y0m.
        check(Gender::Female, d(1955, 3, 3), (55, 0), ym(2010, 3));
        // Born 1965-08: 2020 needs 55y → 2020-08, in 2020.
        check(Gender::Female, d(1965, 8, 8), (55, 0), ym(2020, 8));
        // Born 1966-01: 2021 needs 55y4m → 1966-01 + 55y4m = 2021-05, in 2021.
        check(Gender::Female, d(1966, 1, 1), (55, 4), ym(2021, 5));
        // Born 1966-09: 2021 needs 55y4m → 2022-01 (not 2021); 2022 needs 55y8m → 2022-05.
        check(Gender::Female, d(1966, 9, 30), (55, 8), ym(2022, 5));
        // The women's schedule worked by hand for a woman born 1970-01:
        //   2025 needs 55y4m + 4 × 4m = 56y8m → 1970-01 + 56y8m = 2026-09, not in 2025;
        //   2026 needs 57y0m → 1970-01 + 57y = 2027-01, not in 2026;
        //   2027 needs 57y4m → 1970-01 + 57y4m = 2027-05, in 2027 → retires 05/2027 at 57y4m,
        //   pension from 06/2027.
        check(Gender::Female, d(1970, 1, 20), (57, 4), ym(2027, 5));
        // Born 1975-06: 2034 needs 59y8m → 1975-06 + 59y8m = 2035-02 (not 2034); 2035 needs
        // 60y → 2035-06.
        check(Gender::Female, d(1975, 6, 1), (60, 0), ym(2035, 6));
        // Cap: born 1980-11 → 2040-11 at 60y (2039 needs 60y too → 2040-11 not in 2039).
        check(Gender::Female, d(1980, 11, 11), (60, 0), ym(2040, 11));
        // Born 2000-02 → 2060-02.
        check(Gender::Female, d(2000, 2, 29), (60, 0), ym(2060, 2));
    }

    #[test]
    fn months_to_retirement_counts_whole_months() {
        let r = Retirement {
            age: (61, 6),
            retirement_month: ym(2027, 6),
            pension_start: ym(2027, 7),
        };
        // 2025-01 → 2027-07: 2 years 6 months = 30.
        assert_eq!(months_to_retirement(&r, d(2025, 1, 1)), 30);
        // Mid-month: 2025-01-15 + 29 months = 2027-06-15 ≤ 2027-07-01 < 2027-07-15 → 29.
        assert_eq!(months_to_retirement(&r, d(2025, 1, 15)), 29);
        assert_eq!(months_to_retirement(&r, d(2027, 6, 30)), 0);
        assert_eq!(months_to_retirement(&r, d(2027, 7, 1)), 0);
        assert_eq!(months_to_retirement(&r, d(2027, 7, 2)), -1);
        assert_eq!(months_to_retirement(&r, d(2028, 1, 1)), -6);
    }

    fn gender() -> impl Strategy<Value = Gender> {
        prop_oneof![Just(Gender::Male), Just(Gender::Female)]
    }

    proptest! {
        /// A later birth month never retires earlier (both sexes, births 1940–2010).
        #[test]
        fn later_birth_never_retires_earlier(
            g in gender(),
            a in 1940 * 12..2011 * 12i64,
            gap in 0..240i64,
        ) {
            let b = (a + gap).min(2011 * 12 - 1);
            let born_a = YearMonth::from_index(a).first_day();
            let born_b = YearMonth::from_index(b).first_day();
            let ra = retirement(g, born_a);
            let rb = retirement(g, born_b);
            prop_assert!(ra.retirement_month <= rb.retirement_month);
            // And the person is exactly the applying age in the retirement month.
            let age = YearMonth::from_date(born_a).months_between(ra.retirement_month);
            prop_assert_eq!(age, i64::from(ra.age.0 * 12 + ra.age.1));
        }
    }
}
