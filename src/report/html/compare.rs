//! The analyst's page: every measure of a [`Comparison`] side by side, the best of each row
//! marked, and the comparison chart of [`crate::chart`] inline.

use std::fmt::Write as _;

use super::page::{self, esc};
use super::text::{money, t, tr};
use crate::compare::{Comparison, Value};

/// A value as the reader writes it; money with its unit.
fn value(v: &Value) -> String {
    match v {
        Value::Vnd(n) => money(*n),
        other => other.to_string(),
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
    let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&t("report-col-note")));
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &cmp.rows {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&row.measure),
            esc(row.unit.as_deref().unwrap_or_default())
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
        if let Some(why) = row.not_marked {
            let _ = write!(h, "<td>{}</td>", esc(&why.label()));
        } else {
            h.push_str("<td></td>");
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
