//! The message catalogue: every sentence, heading and label a person reads comes from here.
//!
//! The texts live in `locales/vi/*.ftl` (Vietnamese, the default) and `locales/en/*.ftl`
//! (English), in Project Fluent's syntax, one file per area of the program (`plan.ftl`,
//! `law.ftl`, …); `build.rs` embeds every file of both folders, so adding an area touches no
//! list. Code asks for a message by its key with [`t!`](crate::t):
//!
//! ```
//! use orgplan::{i18n, t};
//! i18n::set_lang(i18n::Lang::En);
//! assert_eq!(t!("common-yes"), "yes");
//! i18n::set_lang(i18n::Lang::Vi);
//! assert_eq!(t!("common-yes"), "có");
//! ```
//!
//! The language is one setting for the whole process ([`set_lang`]; the command line reads
//! `--lang` and `ORGPLAN_LANG`). Numbers given as arguments are written in the reader's
//! convention (`12.742` in Vietnamese, `12,742` in English); money and dates go through
//! [`fmt`], the one formatter of the program.
//!
//! What this module owns: the catalogue, the language setting and the formatting of numbers,
//! money and dates. It knows nothing of the terminal or of files other than the embedded
//! catalogue. A key missing in the current language falls back to the other one, then to the
//! key itself (never a panic); the tests fail on any key missing in either language.

pub mod fmt;

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Tiếng Việt: the default.
    #[default]
    Vi,
    /// English (`--lang en`).
    En,
    /// Vietnamese with every message wrapped in `⟦ ⟧`: a test mode that shows which text of an
    /// output did not come from the catalogue.
    Marked,
}

impl Lang {
    /// Reads a language name: `vi`, `en` (any case, with a region or encoding such as
    /// `en_US.UTF-8`), or `marked`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            "marked" => Some(Lang::Marked),
            _ => None,
        }
    }

    /// The language named by the environment variable `ORGPLAN_LANG`, if it names one.
    pub fn from_env() -> Option<Lang> {
        std::env::var("ORGPLAN_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
    }

    /// The catalogue's folder for this language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi | Lang::Marked => "vi",
            Lang::En => "en",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Vi | Lang::Marked => 0,
            Lang::En => 1,
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (the whole process).
pub fn set_lang(lang: Lang) {
    let v = match lang {
        Lang::Vi => 0,
        Lang::En => 1,
        Lang::Marked => 2,
    };
    LANG.store(v, Ordering::Relaxed);
}

/// The language messages are written in.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        2 => Lang::Marked,
        _ => Lang::Vi,
    }
}

/// A value given to a message: text, or a number written in the reader's convention.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Text, inserted as it is.
    Str(Cow<'a, str>),
    /// A whole number (English plural forms select on it).
    Int(i128),
    /// A number with decimals, written with the reader's decimal mark.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}
impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
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
int_arg!(i8, i16, i32, i64, i128, u8, u16, u32, u64, usize, isize);
impl From<f64> for Arg<'_> {
    fn from(x: f64) -> Self {
        Arg::Num(x)
    }
}
impl From<f32> for Arg<'_> {
    fn from(x: f32) -> Self {
        Arg::Num(x as f64)
    }
}

/// Looks a message up in the reader's language and fills in its arguments.
///
/// Prefer the [`t!`](crate::t) macro. A key missing in the reader's language falls back to the
/// other language, then to the key itself.
pub fn message(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let lang = lang();
    let text = format_in(lang, key, args)
        .or_else(|| {
            let other = if lang == Lang::En { Lang::Vi } else { Lang::En };
            format_in(other, key, args)
        })
        .unwrap_or_else(|| key.to_string());
    if lang == Lang::Marked {
        format!("⟦{text}⟧")
    } else {
        text
    }
}

/// Whether the catalogue has this key in the reader's language.
pub fn has(key: &str) -> bool {
    bundles()[lang().index()].bundle.has_message(key)
}

fn format_in(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let b = &bundles()[lang.index()].bundle;
    let msg = b.get_message(key)?;
    let pattern = msg.value()?;
    let mut fa = FluentArgs::with_capacity(args.len());
    for (name, v) in args {
        let value = match v {
            Arg::Str(s) => FluentValue::from(s.to_string()),
            // Beyond 2^53 an f64 is no longer exact: such numbers are written here, whole.
            Arg::Int(n) if n.unsigned_abs() >= 1 << 53 => FluentValue::from(fmt::int(*n)),
            Arg::Int(n) => FluentValue::from(*n as f64),
            Arg::Num(x) => FluentValue::from(*x),
        };
        fa.set(name.to_string(), value);
    }
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, Some(&fa), &mut errors);
    Some(s.into_owned())
}

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Problems found while loading (syntax errors, a key defined twice), for [`check`].
    problems: Vec<String>,
    keys: Vec<String>,
}

fn bundles() -> &'static [Catalogue; 2] {
    static B: OnceLock<[Catalogue; 2]> = OnceLock::new();
    B.get_or_init(|| [load("vi", embedded::VI), load("en", embedded::EN)])
}

fn load(code: &str, files: &[(&str, &str)]) -> Catalogue {
    let id: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the output goes to terminals, CSV and
    // workbooks, where the invisible marks would only corrupt ids and numbers.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(if code == "en" { number_en } else { number_vi }));
    let mut problems = Vec::new();
    let mut keys = Vec::new();
    for (name, text) in files {
        let res = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, errs)) => {
                for e in errs {
                    problems.push(format!("{code}/{name}: {e:?}"));
                }
                r
            }
        };
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                keys.push(m.id.name.to_string());
            }
        }
        if let Err(errs) = bundle.add_resource(res) {
            for e in errs {
                problems.push(format!("{code}/{name}: {e}"));
            }
        }
    }
    keys.sort();
    Catalogue {
        bundle,
        problems,
        keys,
    }
}

fn number_vi(v: &FluentValue, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    number(v, Lang::Vi)
}
fn number_en(v: &FluentValue, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    number(v, Lang::En)
}

fn number(v: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let x = n.value;
    if x.fract() == 0.0 && x.abs() < 9.0e15 && n.options.minimum_fraction_digits.is_none() {
        return Some(fmt::int_in(x as i128, lang));
    }
    let places = n.options.maximum_fraction_digits.unwrap_or(2);
    Some(fmt::decimal_in(x, places, lang))
}

/// Every key of the catalogue in one language, sorted.
pub fn keys(lang: Lang) -> &'static [String] {
    &bundles()[lang.index()].keys
}

/// What is wrong with the catalogue: syntax errors, keys defined twice, and keys present in one
/// language only. Empty when the catalogue is sound (a test asserts it).
pub fn check() -> Vec<String> {
    let [vi, en] = bundles();
    let mut out: Vec<String> = vi.problems.iter().chain(&en.problems).cloned().collect();
    for k in &vi.keys {
        if en.keys.binary_search(k).is_err() {
            out.push(format!("{k}: in vi, missing in en"));
        }
    }
    for k in &en.keys {
        if vi.keys.binary_search(k).is_err() {
            out.push(format!("{k}: in en, missing in vi"));
        }
    }
    out
}

/// A message of the catalogue: `t!("key")`, or `t!("key", name = value, …)` with arguments
/// (text, whole numbers, or numbers with decimals; see [`i18n::Arg`](crate::i18n::Arg)).
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::message($key, &[])
    };
    ($key:expr, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::message(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($val))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_sound_in_both_languages() {
        let problems = check();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(!keys(Lang::Vi).is_empty());
    }
}
