//! `orgplan package STAFF --scenario FILE`: one person's retirement and package, with the
//! working an HR officer can check by hand.

use std::path::Path;

use serde::Serialize;

use orgplan::alloc::problem::{law_policy, package_input};
use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::law::{self, LawPolicy, Package, PackageInput, Retirement};
use orgplan::model::load_scenario;
use orgplan::t;

use super::validate::ValidateFormat;
use super::{output, printer, ExitStatus, Fail};

#[derive(Serialize)]
struct Report {
    staff: String,
    name: String,
    gender: &'static str,
    born: String,
    input: PackageInput,
    retirement: Retirement,
    months_to_retirement: i64,
    policy: LawPolicy,
    /// The package SPEC §6.2 applies (one: quitting is only for those to whom early
    /// retirement is closed). A list, for the readers of the first version's JSON.
    packages: Vec<Package>,
}

/// One term of a package's working, a row of `package --format csv`.
#[derive(Serialize)]
struct TermRow {
    staff: String,
    name: String,
    package: String,
    term: String,
    formula: String,
    amount_vnd: u64,
    article: String,
}

pub fn run(staff: &str, file: &Path, format: ValidateFormat) -> Result<ExitStatus, Fail> {
    let loaded = load_scenario(file)?;
    printer::warning_count(&loaded.warnings, file);
    let scenario = loaded.value;
    let Some(s) = scenario.model.staff_member(staff) else {
        return Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
            file,
            t!("law-check-package-unknown-staff", staff = staff),
        )
        .with_help(t!("law-check-package-unknown-staff-help"))])));
    };
    let person = &scenario.model.staff[s];
    let policy = law_policy(&scenario);
    let input = package_input(person);
    let packages = law::try_eligible_packages(&input, &policy)
        .map_err(|e| Fail::Tool(t!("law-price-error", error = e.to_string())))?;
    let retirement = law::retirement(person.gender, person.born);
    let report = Report {
        staff: person.id.clone(),
        name: person.name.clone(),
        gender: person.gender.as_str(),
        born: person.born.to_string(),
        input,
        months_to_retirement: law::months_to_retirement(&retirement, scenario.effective),
        retirement,
        policy,
        packages,
    };
    let text = match format {
        ValidateFormat::Json => output::json(&report)?,
        ValidateFormat::Csv => {
            // One row per term of each package the law offers, then its total.
            let mut rows = Vec::new();
            for p in &report.packages {
                let package = super::law::kind_name(p.kind);
                for term in &p.terms {
                    rows.push(TermRow {
                        staff: report.staff.clone(),
                        name: report.name.clone(),
                        package: package.clone(),
                        term: super::law::term_name(term.kind),
                        formula: super::law::formula(&term.formula),
                        amount_vnd: term.value_vnd,
                        article: term.article.clone(),
                    });
                }
                rows.push(TermRow {
                    staff: report.staff.clone(),
                    name: report.name.clone(),
                    package,
                    term: t!("law-csv-total"),
                    formula: String::new(),
                    amount_vnd: p.cost_vnd,
                    article: p.article.clone(),
                });
            }
            output::csv(&rows)?
        }
        ValidateFormat::Table => {
            let coef = |x: f64| orgplan::i18n::fmt::decimal(x, 2);
            let mut t = t!(
                "law-person",
                name = report.name.as_str(),
                id = report.staff.as_str(),
                gender = if report.gender == "Female" {
                    t!("law-gender-female")
                } else {
                    t!("law-gender-male")
                },
                born = orgplan::i18n::fmt::date(person.born),
                category = super::law::category_name(input.category),
                months = input.insured_months,
                coef = coef(input.salary_coefficient),
                allowance = coef(input.allowance_coefficient)
            );
            if input.beyond_frame_pct != 0 {
                t.push_str(&t!("law-person-beyond", pct = input.beyond_frame_pct));
            }
            if input.other_allowances != 0.0 {
                t.push_str(&t!(
                    "law-person-other",
                    other = coef(input.other_allowances)
                ));
            }
            t.push('\n');
            t.push_str(&t!(
                "law-retirement-line",
                age_years = report.retirement.age.0,
                age_months = report.retirement.age.1,
                month = orgplan::i18n::fmt::month(report.retirement.retirement_month.first_day()),
                pension = orgplan::i18n::fmt::month(report.retirement.pension_start.first_day()),
                m = report.months_to_retirement,
                effective = orgplan::i18n::fmt::date(scenario.effective)
            ));
            t.push_str("\n\n");
            for p in &report.packages {
                t.push_str(&super::law::package_text(p));
            }
            t
        }
    };
    output::emit(None, text.as_bytes())?;
    Ok(ExitStatus::Success)
}
