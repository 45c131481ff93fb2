//! The transition roadmap (SPEC §6.3): year by year, how much of a new unit's surplus the
//! calendar removes on its own (people reaching retirement age) and what releasing the rest
//! would cost.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::package::{package, LawPolicy, PackageInput};
use super::retirement::retirement;
use super::serialize_date;

/// A person of the new unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapPerson {
    /// The staff id.
    pub id: String,
    /// What the law needs to know of them.
    pub input: PackageInput,
    /// Placed on a post (`true`) or surplus kept (`false`). Only surplus people are released.
    pub placed: bool,
    /// The day they leave when it is not their pension start: a person past retirement age
    /// kept by a Retain rule leaves the day after its `until`.
    #[serde(serialize_with = "super::data::serialize_opt_date")]
    pub leaves: Option<NaiveDate>,
}

/// One year of the roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoadmapYear {
    /// t, from 1.
    pub year: u32,
    /// The year's first day: the effective date + (t − 1) years.
    #[serde(serialize_with = "serialize_date")]
    pub start: NaiveDate,
    /// The day after the year's last day: the effective date + t years.
    #[serde(serialize_with = "serialize_date")]
    pub end: NaiveDate,
    /// People present at `start` (placed and surplus): their pension starts after `start`.
    pub headcount_start: u32,
    /// The norm (the sum of the post quotas).
    pub norm: u32,
    /// max(0, headcount_start − norm).
    pub surplus_over_norm: u32,
    /// Ids of the people who leave during the year by reaching retirement age (natural
    /// attrition, placed and surplus alike): their pension starts after `start` and no later
    /// than `end`. Ordered by pension start, then id.
    pub retiring: Vec<String>,
    /// headcount_start − retiring.len(): the people still present at `end`, the next year's
    /// `headcount_start`. Releases are what-ifs and are not subtracted.
    pub headcount_end: u32,
    /// Ids of the surplus people a release at `start` would take: the `surplus_over_norm`
    /// cheapest not-placed people present at `start` (all of them if fewer), cheapest first,
    /// ties by id.
    pub released: Vec<String>,
    /// The total cost of the packages of `released`, each priced with the effective date set to
    /// `start` (the rest of the policy unchanged) and the insured months grown by the years
    /// elapsed since the effective date.
    pub release_cost_vnd: u64,
}

/// The roadmap over the transition period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roadmap {
    /// One entry per year t = 1..=transition_years.
    pub years: Vec<RoadmapYear>,
    /// Ids of people whose pension starts on or before the effective date: gone before year 1
    /// starts, counted in no year. Ordered by id.
    pub already_retired: Vec<String>,
}

/// The roadmap of a new unit (SPEC §6.3), a pure function of its inputs.
///
/// Year t spans [effective + (t − 1) years, effective + t years) (chrono's calendar addition:
/// an effective date of 29 February moves to 28 February in other years).
///
/// A person is present at a date while their pension has not started: the first day of their
/// pension start month is after the date. They leave in the year in which that first day falls
/// in (start, end]: for years starting on the 1st of a month, the year that contains their
/// retirement month (the month they reach the retirement age). A person whose pension starts
/// exactly on a year's first day has left in the year before.
///
/// Each year is computed from natural attrition alone: the release of a year is a what-if ("if
/// the surplus over the norm were released at the year's start, these people at this cost")
/// and does not carry over, so every year shows what the calendar alone has done by then. The
/// release picks, among the not-placed people present at the start, the `surplus_over_norm`
/// whose package ([`package`], the SPEC §6.2 pick, priced with effective = the year's start and
/// the same policy otherwise, `min_pension_years` included) is cheapest; ties by id. If fewer
/// not-placed people are present, all of them are released. Being kept until the year's start,
/// a person has 12 × (t − 1) more insured months than their input says (the input is their
/// record at the effective date), and the package of year t counts them.
///
/// # Panics
/// If a person's coefficients are invalid ([`PackageInput::validate`]), or the dates leave
/// chrono's range.
pub fn roadmap(
    people: &[RoadmapPerson],
    norm: u32,
    policy: &LawPolicy,
    transition_years: u32,
) -> Roadmap {
    // Each person with the first day of their pension start: they leave on that day.
    let leaving: Vec<(&RoadmapPerson, NaiveDate)> = people
        .iter()
        .map(|p| {
            let ret = retirement(p.input.gender, p.input.born);
            (p, p.leaves.unwrap_or_else(|| ret.pension_start.first_day()))
        })
        .collect();
    let mut already_retired: Vec<String> = leaving
        .iter()
        .filter(|(_, leaves)| *leaves <= policy.effective)
        .map(|(p, _)| p.id.clone())
        .collect();
    already_retired.sort();

    let years = (1..=transition_years)
        .map(|t| {
            let start = years_after(policy.effective, t - 1);
            let end = years_after(policy.effective, t);
            let present: Vec<&(&RoadmapPerson, NaiveDate)> = leaving
                .iter()
                .filter(|(_, leaves)| *leaves > start)
                .collect();
            let headcount_start = count(present.len());
            let surplus_over_norm = headcount_start.saturating_sub(norm);

            let mut retiring: Vec<&(&RoadmapPerson, NaiveDate)> = present
                .iter()
                .copied()
                .filter(|(_, leaves)| *leaves <= end)
                .collect();
            retiring.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
            let retiring: Vec<String> = retiring.iter().map(|(p, _)| p.id.clone()).collect();

            let at_start = policy.with_effective(start);
            let elapsed_months = (t - 1).saturating_mul(12);
            let mut candidates: Vec<(u64, &str)> = present
                .iter()
                .filter(|(p, _)| !p.placed)
                .map(|(p, _)| {
                    // Kept on the payroll since the effective date, they have kept paying social
                    // insurance: 12 more insured months per elapsed year.
                    let input = PackageInput {
                        insured_months: p.input.insured_months.saturating_add(elapsed_months),
                        ..p.input
                    };
                    (package(&input, &at_start).cost_vnd, p.id.as_str())
                })
                .collect();
            candidates.sort();
            candidates.truncate(surplus_over_norm as usize);

            RoadmapYear {
                year: t,
                start,
                end,
                headcount_start,
                norm,
                surplus_over_norm,
                headcount_end: headcount_start - count(retiring.len()),
                retiring,
                release_cost_vnd: candidates
                    .iter()
                    .fold(0u64, |sum, (cost, _)| sum.saturating_add(*cost)),
                released: candidates.iter().map(|(_, id)| id.to_string()).collect(),
            }
        })
        .collect();
    Roadmap {
        years,
        already_retired,
    }
}

/// `date` + `years` calendar years.
fn years_after(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
        .expect("roadmap dates within chrono's range")
}

/// A count as `u32` (saturating; no unit has 4 billion people).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::raw::Gender;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn someone(
        id: &str,
        g: Gender,
        born: NaiveDate,
        coef: f64,
        insured: u32,
        placed: bool,
    ) -> RoadmapPerson {
        RoadmapPerson {
            id: id.into(),
            input: PackageInput {
                gender: g,
                born,
                // No public-service allowance: M = coefficient × base salary.
                category: crate::files::raw::Category::PublicEmployee,
                salary_coefficient: coef,
                allowance_coefficient: 0.0,
                beyond_frame_pct: 0,
                other_allowances: 0.0,
                insured_months: insured,
            },
            placed,
            leaves: None,
        }
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// (headcount_start, surplus_over_norm, retiring, headcount_end, released, release_cost).
    fn figures(y: &RoadmapYear) -> (u32, u32, Vec<String>, u32, Vec<String>, u64) {
        (
            y.headcount_start,
            y.surplus_over_norm,
            y.retiring.clone(),
            y.headcount_end,
            y.released.clone(),
            y.release_cost_vnd,
        )
    }

    #[test]
    fn five_people_norm_three() {
        // Effective 2025-01-01, 3 years, norm 3. Placed: A (man born 1980, pension 2042-02),
        // B (woman born 1985, pension 2045-06), C (man born 1965-06: 61y6m in 2026-12, pension
        // 2027-01, leaves on 2027-01-01 = the end of year 2). Not placed: D and E.
        //
        // The decision takes effect on 2025-01-01: full rates to 2025-12-31, halved from year 2
        // (f = 0.5, g = 0.4). From 2025-07-01, S = 4 M + 0.5 × M × (Y − 15).
        //
        // D: man born 1968-01 (62y in 2030-01, pension 2030-02), coefficient 4.98 →
        //    M = 11,653,200; insured 300 months at the effective date.
        //   year 1 (2025-01-01): m = 61, Y = 25; E = 5y1m → 5.5:
        //          0.9 × 1.0 × M × 60 + 4 × M × 5.5 + (5 M + 0.5 × M × 5)
        //          = 54 M + 22 M + 7.5 M = 83.5 M = 973,042,200
        //   year 2 (2026-01-01): m = 49, insured 312 → Y = 26; E = 4y1m → 4.5:
        //          0.5 × M × 49 + 5 × M × 4.5 + (4 M + 0.5 × M × 11)
        //          = 24.5 M + 22.5 M + 9.5 M = 56.5 M = 658,405,800
        //   year 3 (2027-01-01): m = 37, insured 324 → Y = 27; E = 3.5:
        //          18.5 M + 17.5 M + 10 M = 46 M = 536,047,200
        // E: woman born 1990-03 (60y in 2050-03), coefficient 2.34 → M = 5,475,600; insured 60
        //    months, no pension right; m ≥ 60 every year → Quit, n = min(60, insured) = 60:
        //   year 1: Y = 5 → 0.8 × M × 60 + 1.5 × M × 5 + 3 M = 58.5 M = 320,322,600
        //   year 2: Y = 6 → 0.4 × M × 60 + 9 M + 3 M = 36 M = 197,121,600
        //   year 3: Y = 7 → 24 M + 10.5 M + 3 M = 37.5 M = 205,335,000
        //
        // Year 1: 5 present, surplus 2, nobody retires; release E and D:
        //   320,322,600 + 973,042,200 = 1,293,364,800.
        // Year 2: 5 present, surplus 2, C retires (5 → 4); release E and D:
        //   197,121,600 + 658,405,800 = 855,527,400.
        // Year 3: 4 present, surplus 1; release E, the cheaper: 205,335,000.
        let people = vec![
            someone("A", Gender::Male, d(1980, 1, 1), 3.0, 120, true),
            someone("B", Gender::Female, d(1985, 5, 1), 3.0, 100, true),
            someone("C", Gender::Male, d(1965, 6, 10), 4.98, 247, true),
            someone("D", Gender::Male, d(1968, 1, 1), 4.98, 300, false),
            someone("E", Gender::Female, d(1990, 3, 1), 2.34, 60, false),
        ];
        let policy = LawPolicy::new(d(2025, 1, 1), None, None, None);
        let r = roadmap(&people, 3, &policy, 3);
        assert_eq!(r.years.len(), 3);
        assert!(r.already_retired.is_empty());
        assert_eq!(
            figures(&r.years[0]),
            (5, 2, ids(&[]), 5, ids(&["E", "D"]), 1_293_364_800)
        );
        assert_eq!(
            figures(&r.years[1]),
            (5, 2, ids(&["C"]), 4, ids(&["E", "D"]), 855_527_400)
        );
        assert_eq!(
            figures(&r.years[2]),
            (4, 1, ids(&[]), 4, ids(&["E"]), 205_335_000)
        );
        let y2 = &r.years[1];
        assert_eq!(
            (y2.year, y2.start, y2.end, y2.norm),
            (2, d(2026, 1, 1), d(2027, 1, 1), 3)
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["years"][1]["start"], "2026-01-01");
        assert_eq!(json["years"][1]["retiring"][0], "C");
    }

    #[test]
    fn surplus_person_retiring_and_already_retired() {
        // Norm 1, effective 2025-01-01, 3 years. A placed (far from retirement). F not placed:
        // man born 1965-06 (pension 2027-01), M = 11,653,200, insured 247. G not placed: man
        // born 1960-01, retired 2020-01 (60y), pension 2020-02: gone before year 1.
        //   year 1: A, F present, surplus 1 → release F at 2025-01-01: m = 24, Y = 21 →
        //           24 M + 10 M + 5.5 M = 39.5 M = 460,301,400.
        //   year 2: A, F present, surplus 1; F retires (leaves 2027-01-01 = year end) → 1 left.
        //           Release F at 2026-01-01: m = 12, insured 259 = 21 whole years ≥ 15 →
        //           EarlyRetirement under 2 years, past the 12-month window: 0.5 × M × 12
        //           = 6 M = 69,919,200.
        //   year 3: A alone, surplus 0, nothing to release.
        let people = vec![
            someone("A", Gender::Male, d(1980, 1, 1), 3.0, 120, true),
            someone("F", Gender::Male, d(1965, 6, 10), 4.98, 247, false),
            someone("G", Gender::Male, d(1960, 1, 1), 4.0, 400, false),
        ];
        let policy = LawPolicy::new(d(2025, 1, 1), None, None, None);
        let r = roadmap(&people, 1, &policy, 3);
        assert_eq!(r.already_retired, ids(&["G"]));
        assert_eq!(
            figures(&r.years[0]),
            (2, 1, ids(&[]), 2, ids(&["F"]), 460_301_400)
        );
        assert_eq!(
            figures(&r.years[1]),
            (2, 1, ids(&["F"]), 1, ids(&["F"]), 69_919_200)
        );
        assert_eq!(figures(&r.years[2]), (1, 0, ids(&[]), 1, ids(&[]), 0));
    }

    #[test]
    fn ties_by_id_and_fewer_surplus_than_needed() {
        // Norm 0: everyone is over the norm, but only the two not-placed people can be
        // released. S2 and S1 are identical (same cost): cheapest first, ties by id → S1, S2.
        // Effective 2024-02-29: year 2 starts 2025-02-28 (chrono clamps the day).
        let people = vec![
            someone("P", Gender::Female, d(1990, 1, 1), 2.0, 50, true),
            someone("S2", Gender::Female, d(1990, 1, 1), 2.0, 50, false),
            someone("S1", Gender::Female, d(1990, 1, 1), 2.0, 50, false),
        ];
        let policy = LawPolicy::new(d(2024, 2, 29), None, None, None);
        let r = roadmap(&people, 0, &policy, 2);
        assert_eq!(r.years[0].surplus_over_norm, 3);
        assert_eq!(r.years[0].released, ids(&["S1", "S2"]));
        assert_eq!(r.years[1].start, d(2025, 2, 28));
        // Each: the base salary on 2024-02-29 is 1,800,000 (Decree 24/2023), M = 2 × 1,800,000
        // = 3,600,000; insured 50 < 60 → n = 50; Y = 4 + ½ = 4.5:
        //   0.8 × M × 50 + 1.5 × M × 4.5 + 3 M = 40 M + 6.75 M + 3 M = 49.75 M = 179,100,000.
        assert_eq!(r.years[0].release_cost_vnd, 2 * 179_100_000);
    }
}
