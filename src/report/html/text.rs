//! The page's words: every text a reader sees comes from `locales/<lang>/report.ftl` through
//! [`tr`], and numbers, money and dates through the formatters here.
//!
//! The catalogue is read by a small reader of the Fluent subset the file uses (one line per
//! message, `{ $name }` placeholders), so that the report stands on its own until the crate's
//! message catalogue carries it.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

const VI: &str = include_str!("../../../locales/vi/report.ftl");

fn catalogue() -> &'static HashMap<&'static str, &'static str> {
    static CAT: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    CAT.get_or_init(|| parse(VI))
}

/// The messages of an `.ftl` file of single-line messages: `key = value`, `#` comments.
pub(crate) fn parse(text: &str) -> HashMap<&str, &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// A value put into a message.
pub(crate) enum Arg<'a> {
    Str(&'a str),
    Int(i128),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Int(n as i128)
            }
        }
    )*};
}
int_arg!(u32, u64, usize, i64);

/// The message `key` with its placeholders filled; the key itself when it is missing (a test
/// checks that every key used is in the catalogue).
pub(crate) fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    let Some(text) = catalogue().get(key) else {
        return key.to_string();
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = *text;
    while let Some(open) = rest.find("{ $") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 3..];
        let Some(close) = after.find(" }") else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, Arg::Str(s))) => out.push_str(s),
            Some((_, Arg::Int(n))) => out.push_str(&int(*n)),
            None => out.push_str(name),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// [`tr`] without placeholders.
pub(crate) fn t(key: &str) -> String {
    tr(key, &[])
}

/// An integer the Vietnamese way: `1.025.481.600`.
pub(crate) fn int(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// An amount of đồng: `1.025.481.600 đ`.
pub(crate) fn money(n: u64) -> String {
    format!("{} đ", int(n.into()))
}

/// A number with `places` decimals and a decimal comma: `7,17`.
pub(crate) fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let whole = whole.parse::<i128>().map(int).unwrap_or_else(|_| whole.to_string());
    if frac.is_empty() {
        whole
    } else {
        format!("{whole},{frac}")
    }
}

/// A date: `01/01/2025`.
pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Text folded for search: no diacritics, đ → d, lower case (hóa = hoá = hoa).
pub(crate) fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every key the page may use, for the test that both catalogues have them.
pub fn keys() -> Vec<&'static str> {
    let mut k: Vec<&str> = catalogue().keys().copied().collect();
    k.sort_unstable();
    k
}
