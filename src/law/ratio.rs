//! Exact non-negative rationals for the law's arithmetic (SPEC §6.2: amounts are exact and
//! rounded to the nearest đồng once).
//!
//! Every number of a law file (0.8, 1.5, 0.25, 2,340,000) is read into a [`Ratio`] from its
//! shortest decimal form, so 0.8 is exactly 4/5; every coefficient of a person is held in
//! ten-thousandths. Products and sums stay exact (`i128`, reduced by their gcd after each
//! operation); only a package's total is rounded, once, halves away from zero.

use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

/// An exact rational `num / den` with `den > 0`, always reduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Ratio {
    /// 0.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    /// 1.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den`, reduced.
    ///
    /// # Panics
    /// If `den` is 0 (a programming error: every denominator in this crate is a constant or a
    /// power of ten).
    pub fn new(num: i128, den: i128) -> Ratio {
        assert!(den != 0, "a ratio's denominator is never 0");
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let g = gcd(num, den);
        Ratio {
            num: num / g,
            den: den / g,
        }
    }

    /// An integer.
    pub fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// The exact value of a decimal as written: its shortest decimal form (`0.8` → 4/5,
    /// `2340000` → 2,340,000). `None` for NaN, infinities, negatives and values whose
    /// decimal form has more than 12 decimals or is larger than 10¹⁵ (no legal figure is).
    pub fn from_decimal(x: f64) -> Option<Ratio> {
        if !(0.0..=1e15).contains(&x) {
            return None;
        }
        let text = format!("{x}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        if frac.len() > 12 || int.contains(['e', 'E']) {
            return None;
        }
        let den = 10i128.pow(frac.len() as u32);
        let int: i128 = int.parse().ok()?;
        let frac: i128 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        Some(Ratio::new(int * den + frac, den))
    }

    /// The numerator (reduced).
    pub fn num(self) -> i128 {
        self.num
    }

    /// The denominator (reduced, > 0).
    pub fn den(self) -> i128 {
        self.den
    }

    /// Whether it is an integer.
    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The integer part (towards zero).
    pub fn trunc(self) -> i128 {
        self.num / self.den
    }

    /// Rounded to the nearest integer, halves away from zero.
    pub fn round(self) -> i128 {
        let twice = 2 * self.num.abs() + self.den;
        let r = twice / (2 * self.den);
        if self.num < 0 {
            -r
        } else {
            r
        }
    }

    /// The value rounded to the nearest non-negative `u64` (saturating).
    pub fn round_u64(self) -> u64 {
        u64::try_from(self.round().max(0)).unwrap_or(u64::MAX)
    }

    /// `self × other`.
    pub fn times(self, other: Ratio) -> Ratio {
        // Cross-reduce first to keep the numbers small.
        let g1 = gcd(self.num, other.den);
        let g2 = gcd(other.num, self.den);
        Ratio::new(
            (self.num / g1).saturating_mul(other.num / g2),
            (self.den / g2).saturating_mul(other.den / g1),
        )
    }

    /// `self + other`.
    pub fn plus(self, other: Ratio) -> Ratio {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).saturating_mul(other.den);
        Ratio::new(
            self.num
                .saturating_mul(other.den / g)
                .saturating_add(other.num.saturating_mul(self.den / g)),
            den,
        )
    }

    /// `self − other`.
    pub fn minus(self, other: Ratio) -> Ratio {
        self.plus(Ratio::new(-other.num, other.den))
    }

    /// As a decimal with grouped thousands (`1,234,567.5`): exact when the denominator divides
    /// 10⁶, else rounded to 6 decimals and prefixed with `≈`. `min_decimals` pads (`1.0`).
    pub fn decimal(self, min_decimals: usize, group: bool) -> String {
        let mut places = 0usize;
        let mut scale = 1i128;
        while places < 6 && (self.num * scale) % self.den != 0 {
            places += 1;
            scale *= 10;
        }
        let exact = (self.num * scale) % self.den == 0;
        let scaled = if exact {
            self.num * scale / self.den
        } else {
            Ratio::new(self.num * scale, self.den).round()
        };
        let places_shown = places.max(min_decimals);
        let scaled = scaled * 10i128.pow((places_shown - places) as u32);
        let pow = 10i128.pow(places_shown as u32);
        let neg = scaled < 0;
        let a = scaled.abs();
        let int = (a / pow).to_string();
        let int = if group { group_thousands(&int) } else { int };
        let mut s = String::new();
        if !exact {
            s.push('≈');
        }
        if neg {
            s.push('-');
        }
        s.push_str(&int);
        if places_shown > 0 {
            s.push('.');
            s.push_str(&format!("{:0w$}", a % pow, w = places_shown));
        }
        s
    }

    /// As an `f64` (for display and JSON only; never for arithmetic).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.num.saturating_mul(other.den)).cmp(&other.num.saturating_mul(self.den))
    }
}

impl fmt::Display for Ratio {
    /// A plain decimal without grouping: `0.8`, `1.5`, `2340000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.decimal(0, false))
    }
}

impl Serialize for Ratio {
    /// As a JSON number (an `f64`: display only).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

/// `1234567` → `1,234,567`.
pub(crate) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(Ratio::from_decimal(0.8), Some(Ratio::new(4, 5)));
        assert_eq!(Ratio::from_decimal(0.25), Some(Ratio::new(1, 4)));
        assert_eq!(Ratio::from_decimal(2340000.0), Some(Ratio::int(2_340_000)));
        assert_eq!(Ratio::from_decimal(-1.0), None);
        assert_eq!(Ratio::from_decimal(f64::NAN), None);
        assert_eq!(Ratio::new(3, 2).round(), 2);
        assert_eq!(Ratio::new(5, 2).round(), 3);
        assert_eq!(Ratio::new(2_499_999, 1_000_000).round(), 2);
        assert_eq!(
            Ratio::new(2_469_283_651, 10).decimal(0, true),
            "246,928,365.1"
        );
        assert_eq!(Ratio::int(1).decimal(1, false), "1.0");
        assert_eq!(Ratio::new(1, 3).decimal(0, false), "≈0.333333");
        assert_eq!(
            Ratio::new(1, 4).plus(Ratio::new(1, 2)).times(Ratio::int(4)),
            Ratio::int(3)
        );
    }
}
