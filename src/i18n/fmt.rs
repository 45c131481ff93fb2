//! Numbers, money and dates in the reader's convention: the one formatter of the program.
//!
//! Vietnamese: `1.025.481.600 đ`, `7,17`, `01/01/2025`, `12/2023`. English: `1,025,481,600 ₫`,
//! `7.17`, `2025-01-01`, `2023-12`. Everything a person reads that holds a number goes
//! through here (machine formats — JSON, CSV numbers, workbook cells — keep plain numbers).

use chrono::{Datelike, NaiveDate};

use super::{lang, Lang};

/// A whole number with the reader's thousands separator: `1.025.481.600` / `1,025,481,600`.
pub fn int(n: impl Into<i128>) -> String {
    int_in(n.into(), lang())
}

/// An amount of đồng: `1.025.481.600 đ` / `1,025,481,600 ₫`.
pub fn money(vnd: impl Into<i128>) -> String {
    let l = lang();
    let n = int_in(vnd.into(), l);
    match l {
        Lang::En => format!("{n} ₫"),
        _ => format!("{n} đ"),
    }
}

/// A number with `places` decimals and the reader's decimal mark: `7,17` / `7.17`. Trailing
/// zeros are kept (a column of coefficients lines up).
pub fn decimal(x: f64, places: usize) -> String {
    decimal_in(x, places, lang())
}

/// A share as a percentage with at most one decimal: `30%`, `33,3%` / `33.3%`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    let s = if (p - p.round()).abs() < 0.05 {
        int_in(p.round() as i128, lang())
    } else {
        decimal_in(p, 1, lang())
    };
    format!("{s}%")
}

/// A date: `01/01/2025` / `2025-01-01`.
pub fn date(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        _ => d.format("%d/%m/%Y").to_string(),
    }
}

/// A month: `12/2023` / `2023-12`.
pub fn month(d: NaiveDate) -> String {
    match lang() {
        Lang::En => format!("{:04}-{:02}", d.year(), d.month()),
        _ => format!("{:02}/{:04}", d.month(), d.year()),
    }
}

pub(super) fn int_in(n: i128, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        _ => '.',
    };
    group(&n.unsigned_abs().to_string(), sep, n < 0)
}

pub(super) fn decimal_in(x: f64, places: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let (thousands, mark) = match lang {
        Lang::En => (',', '.'),
        _ => ('.', ','),
    };
    let s = format!("{:.*}", places, x.abs());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let negative = x < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let mut out = group(whole, thousands, negative);
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

fn group(digits: &str, sep: char, negative: bool) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_readers_convention() {
        assert_eq!(int_in(1_025_481_600, Lang::Vi), "1.025.481.600");
        assert_eq!(int_in(1_025_481_600, Lang::En), "1,025,481,600");
        assert_eq!(int_in(-7, Lang::Vi), "-7");
        assert_eq!(int_in(999, Lang::Vi), "999");
        assert_eq!(int_in(-1000, Lang::En), "-1,000");
        assert_eq!(decimal_in(7.17, 2, Lang::Vi), "7,17");
        assert_eq!(decimal_in(12345.5, 1, Lang::Vi), "12.345,5");
        assert_eq!(decimal_in(12345.5, 1, Lang::En), "12,345.5");
        assert_eq!(decimal_in(-0.001, 2, Lang::En), "0.00");
        assert_eq!(decimal_in(3.0, 0, Lang::En), "3");
    }
}
