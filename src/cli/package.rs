//! `orgplan package STAFF --scenario FILE`: one person's retirement and packages, with the
//! working an HR officer can check by hand.

use std::path::Path;

use serde::Serialize;

use orgplan::alloc::problem::{law_policy, package_input};
use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::law::{self, LawPolicy, Package, Retirement};
use orgplan::model::load_scenario;

use super::{output, printer, ExitStatus, Fail, Format};

#[derive(Serialize)]
struct Report {
    staff: String,
    name: String,
    gender: &'static str,
    born: String,
    insured_months: u32,
    salary_coefficient: f64,
    allowance_coefficient: f64,
    retirement: Retirement,
    months_to_retirement: i64,
    policy: LawPolicy,
    /// Every package the person qualifies for; the first is the one SPEC §6.2 applies.
    packages: Vec<Package>,
}

pub fn run(staff: &str, file: &Path, format: Format) -> Result<ExitStatus, Fail> {
    let loaded = load_scenario(file)?;
    printer::warning_count(&loaded.warnings, file);
    let scenario = loaded.value;
    let Some(s) = scenario.model.staff_member(staff) else {
        return Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
            file,
            format!("staff \"{staff}\" is not a person of the scenario's model"),
        )
        .with_help(
            "use a staff id from the model, e.g. as shown by `orgplan show`",
        )])));
    };
    let person = &scenario.model.staff[s];
    let policy = law_policy(&scenario);
    let input = package_input(person);
    let packages = law::eligible_packages(&input, &policy);
    let retirement = law::retirement(person.gender, person.born);
    let report = Report {
        staff: person.id.clone(),
        name: person.name.clone(),
        gender: person.gender.as_str(),
        born: person.born.to_string(),
        insured_months: person.insured_months,
        salary_coefficient: person.salary_coefficient,
        allowance_coefficient: person.allowance_coefficient,
        months_to_retirement: law::months_to_retirement(&retirement, scenario.effective),
        retirement,
        policy,
        packages,
    };
    let text = match format {
        Format::Json | Format::Csv => output::json(&report)?,
        Format::Xlsx => {
            return Err(Fail::Tool(
                "`package` reports as table or json (its breakdown is not a table)".into(),
            ))
        }
        Format::Table => {
            let mut t = format!(
                "{} ({}), {}, born {}; insured {} months; salary coefficient {} + allowance {}\n",
                report.name,
                report.staff,
                report.gender,
                report.born,
                report.insured_months,
                report.salary_coefficient,
                report.allowance_coefficient
            );
            t.push_str(&format!(
                "Retirement (Decree 135/2020): reaches {}y{}m in {}, pension from {}; {} months from the effective date {}\n\n",
                report.retirement.age.0,
                report.retirement.age.1,
                report.retirement.retirement_month,
                report.retirement.pension_start,
                report.months_to_retirement,
                scenario.effective
            ));
            for (i, p) in report.packages.iter().enumerate() {
                t.push_str(&format!(
                    "{} {}\n{}\n",
                    if i == 0 {
                        "Package applied:"
                    } else {
                        "Also possible:"
                    },
                    p.kind.as_str(),
                    p.explain()
                ));
            }
            t
        }
    };
    output::emit(None, text.as_bytes())?;
    Ok(ExitStatus::Success)
}
