//! The analyst's page: every measure of a [`Comparison`] side by side, the best of each row
//! marked, and the comparison chart of [`crate::chart`] inline.

use std::fmt::Write as _;

use super::page::{self, esc};
use super::text::{decimal, int, money, t, tr};
use crate::compare::{Comparison, Value};

/// The measure's name in the reader's language; a name the catalogue does not know is shown
/// as the comparison gives it.
fn measure(name: &str) -> String {
    let exact = [
        ("units before", "report-m-units-before"),
        ("units after", "report-m-units-after"),
        ("units dissolved", "report-m-units-dissolved"),
        ("units created", "report-m-units-created"),
        ("new units below standard", "report-m-below-count"),
        ("new communes failing Decision 759", "report-m-d759-count"),
        ("staff (candidates)", "report-m-staff"),
        ("norm", "report-m-norm"),
        ("placed", "report-m-placed"),
        ("surplus", "report-m-surplus"),
        ("vacancies", "report-m-vacancies"),
        ("surplus share of staff", "report-m-surplus-share"),
        ("posts filled", "report-m-filled"),
        ("package cost per surplus person", "report-m-cost-per"),
        ("total fit", "report-m-fit"),
        ("surplus package cost now", "report-m-cost-now"),
        ("reaching retirement in the transition", "report-m-retiring"),
        ("women among placed leaders and cadres", "report-m-women"),
    ];
    if let Some((_, key)) = exact.iter().find(|(n, _)| *n == name) {
        return t(key);
    }
    if let Some(n) = name.strip_prefix("release cost, roadmap year ") {
        return tr("report-m-release", &[("n", n.into())]);
    }
    let prefixed = [
        ("population vs standard: ", "report-m-population-vs", "unit"),
        ("population: ", "report-m-population", "unit"),
        ("area vs standard: ", "report-m-area-vs", "unit"),
        ("area: ", "report-m-area", "unit"),
        ("below standard: ", "report-m-below", "unit"),
        ("findings before: ", "report-m-findings-before", "kind"),
        ("findings after: ", "report-m-findings-after", "kind"),
    ];
    for (prefix, key, arg) in prefixed {
        if let Some(rest) = name.strip_prefix(prefix) {
            return tr(key, &[(arg, rest.into())]);
        }
    }
    if name.starts_with("Decision 759") {
        if let Some((_, unit)) = name.split_once("): ") {
            return tr("report-m-d759", &[("unit", unit.into())]);
        }
    }
    name.to_string()
}

fn unit_word(u: &str) -> String {
    match u {
        "units" => t("report-u-units"),
        "people" => t("report-u-people"),
        "posts" => t("report-u-posts"),
        "findings" => t("report-u-findings"),
        other => other.to_string(),
    }
}

fn value(v: &Value) -> String {
    match v {
        Value::Count(n) => int((*n).into()),
        Value::Vnd(n) => money(*n),
        Value::Number { value, decimals } => decimal(*value, usize::from(*decimals)),
        Value::Share { count, of } if *of > 0 => format!(
            "{}% ({count}/{of})",
            decimal(*count as f64 * 100.0 / *of as f64, 1)
        ),
        Value::Share { .. } => "— (0/0)".into(),
        Value::Text(s) => match s.as_str() {
            "below" => t("report-v-below"),
            "meets" => t("report-v-meets"),
            "fails" => t("report-v-fails"),
            other => other.to_string(),
        },
        Value::Infeasible => t("report-infeasible"),
        Value::NotApplicable => "—".into(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

pub(super) fn page(cmp: &Comparison, files: &[String]) -> String {
    let title = t("report-doc-compare");
    let mut h = page::head(&title, &title);
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header>",
        esc(&title),
        esc(&t("report-compare-intro"))
    );
    page::section_start(&mut h, "scenarios", &t("report-compare-scenarios"));
    h.push_str("<ol>");
    for (i, s) in cmp.scenarios.iter().enumerate() {
        let _ = write!(
            h,
            "<li><strong>{}</strong> — {}: {}</li>",
            esc(s),
            esc(&t("report-compare-file")),
            esc(files.get(i).map_or("", |f| f.as_str()))
        );
    }
    h.push_str("</ol>\n</section>\n");
    page::section_start(&mut h, "measures", &t("report-compare-table"));
    let _ = write!(
        h,
        "<div class=\"scroll\"><table class=\"data\" id=\"compare-table\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        esc(&t("report-compare-table")),
        esc(&t("report-col-measure")),
        esc(&t("report-col-measure-unit")),
    );
    for s in &cmp.scenarios {
        let _ = write!(h, "<th scope=\"col\" class=\"n\">{}</th>", esc(s));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &cmp.rows {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&measure(&row.measure)),
            esc(&row.unit.as_deref().map(unit_word).unwrap_or_default())
        );
        for (i, v) in row.values.iter().enumerate() {
            if row.best == Some(i) {
                let _ = write!(
                    h,
                    "<td class=\"n best\">{} <span aria-label=\"{}\" title=\"{}\">★</span></td>",
                    esc(&value(v)),
                    esc(&t("report-best")),
                    esc(&t("report-best"))
                );
            } else {
                let _ = write!(h, "<td class=\"n\">{}</td>", esc(&value(v)));
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n</section>\n");
    page::section_start(&mut h, "charts", &t("report-compare-charts"));
    match crate::chart::svg(cmp) {
        Ok(svg) => {
            // The chart's own XML prologue is not allowed inside HTML.
            let svg = svg.find("<svg").map_or(svg.as_str(), |i| &svg[i..]);
            let _ = write!(
                h,
                "<figure class=\"chart\" role=\"group\" aria-label=\"{0}\">{svg}<figcaption>{0}</figcaption></figure>",
                esc(&t("report-compare-chart-label"))
            );
        }
        Err(e) => {
            let _ = write!(h, "<p class=\"note\">{}</p>", esc(&e.to_string()));
        }
    }
    h.push_str("</section>\n");
    let _ = writeln!(
        h,
        "<footer><p>{}</p></footer>",
        esc(&tr(
            "report-made-by",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("file", (&files.join(", ")).into())
            ]
        ))
    );
    h.push_str(&page::tail(&page::script_messages()));
    h
}
