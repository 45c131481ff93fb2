//! The page's words: every text a reader sees is a message of `locales/<lang>/report.ftl`
//! from the crate's catalogue ([`crate::i18n`]), and every number, amount and date goes
//! through its formatter. Keys are written out in full so that a test finds them.

use chrono::NaiveDate;

pub(crate) use crate::i18n::Arg;

/// The message `key` of the catalogue with its arguments (`crate::t!` with a list).
pub(crate) fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    crate::i18n::message(key, args)
}

/// [`tr`] without arguments.
pub(crate) fn t(key: &str) -> String {
    crate::i18n::message(key, &[])
}

/// A whole number in the reader's convention: `1.025.481.600`.
pub(crate) fn int(n: i128) -> String {
    crate::i18n::fmt::int(n)
}

/// An amount of đồng: `1.025.481.600 đ`.
pub(crate) fn money(n: u64) -> String {
    crate::i18n::fmt::money(n)
}

/// A number with `places` decimals and the reader's decimal mark: `7,17`.
pub(crate) fn decimal(x: f64, places: usize) -> String {
    crate::i18n::fmt::decimal(x, places)
}

/// A date: `01/01/2025`.
pub(crate) fn date(d: NaiveDate) -> String {
    crate::i18n::fmt::date(d)
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
