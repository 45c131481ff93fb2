//! The standard function catalogue and the shipped templates, so that an imported model plans
//! against the shipped norms.
//!
//! A staffing table lists people and their titles, not the functions (nhiệm vụ) that posts
//! carry out; yet a template post of `models/norms/nd33-2023.ron` names the functions it covers
//! (`functions: ["tu-phap", "ho-tich"]`), a scenario is refused when they are not functions of
//! its model, and continuity (SPEC §5.3) is earned by a person whose current post covers a
//! function of the new one. So an import that is not merged into a model and has no
//! `Nhiệm vụ` sheet gets:
//!
//! - the functions of `models/norms/commune-functions.ron` (the ones the shipped templates name,
//!   as the shipped model defines them), embedded in the library;
//! - on each post made from a `Chức danh` cell whose title is a template post's title (compared
//!   as [`title_key`] folds them), that template post's functions, and its kind when no `Loại`
//!   cell gives one;
//! - a Lead mandate of each unit for every function its posts cover.
//!
//! A model merged into (`--into`) keeps its own functions; its new posts get the functions of
//! their template post that the model defines.

use crate::files::raw::{
    PositionKind, RawFunction, RawModel, RawNorms, RawTemplatePosition, UnitKind,
};

use super::text::fold;

/// The standard catalogue, as shipped.
const FUNCTIONS: &str = include_str!("../../models/norms/commune-functions.ron");
/// The shipped norms, whose template posts give imported posts their functions.
const NORMS: &str = include_str!("../../models/norms/nd33-2023.ron");

/// The functions of the standard catalogue, in file order (empty only if the embedded file
/// did not parse, which a test rules out).
pub fn standard_functions() -> Vec<RawFunction> {
    crate::files::ron_options()
        .from_str::<RawModel>(FUNCTIONS)
        .map(|m| m.functions)
        .unwrap_or_default()
}

/// The shipped norms (`models/norms/nd33-2023.ron`).
pub fn standard_norms() -> Option<RawNorms> {
    crate::files::ron_options().from_str::<RawNorms>(NORMS).ok()
}

/// A post's title as the matching compares it: [`fold`]ed (no diacritics, case, punctuation
/// or "và"), without a leading "Công chức" or a trailing "xã"/"phường"/"thị trấn", with the
/// usual abbreviations written out (UBND, HĐND, MTTQ, TNCS, CCB, LHPN, CHQS).
///
/// ```
/// use orgplan::import::catalogue::title_key;
/// assert_eq!(title_key("Chủ tịch UBND xã"), title_key("Chủ tịch Ủy ban nhân dân"));
/// assert_eq!(title_key("Công chức Tư pháp – Hộ tịch"), title_key("Tư pháp - hộ tịch"));
/// assert_ne!(title_key("Phó Chủ tịch UBND"), title_key("Chủ tịch Ủy ban nhân dân"));
/// ```
pub fn title_key(title: &str) -> String {
    const ABBREVIATIONS: [(&str, &str); 10] = [
        ("ubnd", "uy ban nhan dan"),
        ("hdnd", "hoi dong nhan dan"),
        ("ubmttq", "uy ban mat tran to quoc"),
        ("mttq", "mat tran to quoc"),
        ("tncs", "thanh nien cong san"),
        ("tn", "thanh nien"),
        ("ccb", "cuu chien binh"),
        ("hlhpn", "hoi lien hiep phu nu"),
        ("lhpn", "lien hiep phu nu"),
        ("chqs", "chi huy quan su"),
    ];
    let folded = fold(title);
    let mut words: Vec<&str> = Vec::new();
    for w in folded.split(' ') {
        match ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
            Some((_, full)) => words.extend(full.split(' ')),
            None => words.push(w),
        }
    }
    if words.len() > 2 && words[..2] == ["cong", "chuc"] {
        words.drain(..2);
    }
    match words.as_slice() {
        [.., "thi", "tran"] if words.len() > 3 => {
            words.truncate(words.len() - 2);
        }
        [.., "xa" | "phuong"] if words.len() > 2 => {
            words.pop();
        }
        _ => {}
    }
    words.join(" ")
}

/// The same words in alphabetical order: "Địa chính - xây dựng - nông nghiệp và môi trường"
/// is the template's "Địa chính - nông nghiệp - xây dựng và môi trường".
fn sorted_key(key: &str) -> String {
    let mut words: Vec<&str> = key.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}

/// The template posts of the shipped norms, each with its title's key, for matching titles.
pub(super) struct Templates {
    posts: Vec<(UnitKind, String, String, RawTemplatePosition)>,
}

impl Templates {
    /// The template posts of the shipped norms.
    pub(super) fn shipped() -> Self {
        let mut posts = Vec::new();
        for t in standard_norms().map(|n| n.templates).unwrap_or_default() {
            for p in t.positions {
                let key = title_key(&p.title);
                posts.push((t.unit_kind, sorted_key(&key), key, p));
            }
        }
        Templates { posts }
    }

    /// The template post of a title, for a unit of `kind`: the first in file order whose key
    /// is the title's, else whose words are the title's in another order; templates of the
    /// unit's kind first, then any.
    pub(super) fn find(&self, kind: UnitKind, title: &str) -> Option<&RawTemplatePosition> {
        let key = title_key(title);
        let sorted = sorted_key(&key);
        let of_kind = |k: &UnitKind| *k == kind;
        let any = |_: &UnitKind| true;
        for same_kind in [&of_kind as &dyn Fn(&UnitKind) -> bool, &any] {
            let candidates = self.posts.iter().filter(|(k, ..)| same_kind(k));
            if let Some((.., p)) = candidates.clone().find(|(_, _, k, _)| *k == key) {
                return Some(p);
            }
            if let Some((.., p)) = candidates.clone().find(|(_, s, _, _)| *s == sorted) {
                return Some(p);
            }
        }
        None
    }
}

/// What a matched title gives an imported post.
pub(super) struct Match {
    /// The template post's functions that the model defines, in the template's order.
    pub functions: Vec<String>,
    /// The template post's kind.
    pub kind: PositionKind,
}

/// The functions and kind a post of this title gets, if a template post has its title.
pub(super) fn match_title(
    templates: &Templates,
    model: &RawModel,
    kind: UnitKind,
    title: &str,
) -> Option<Match> {
    let p = templates.find(kind, title)?;
    let functions = p
        .functions
        .iter()
        .filter(|f| model.functions.iter().any(|g| &g.id == *f))
        .cloned()
        .collect();
    Some(Match {
        functions,
        kind: p.kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_catalogue_defines_every_function_of_the_shipped_templates_as_the_model_does() {
        let catalogue = standard_functions();
        assert_eq!(catalogue.len(), 23);
        let norms = standard_norms().expect("the shipped norms parse");
        for t in &norms.templates {
            for p in &t.positions {
                for f in &p.functions {
                    assert!(
                        catalogue.iter().any(|g| &g.id == f),
                        "{}.{}: {f} is not in the catalogue",
                        t.id,
                        p.key
                    );
                }
            }
        }
        // The shipped model defines each of them the same way.
        let model: RawModel = crate::files::ron_options()
            .from_str(&shipped("models/chuong-my-2024.ron"))
            .unwrap();
        for f in &catalogue {
            let there = model.functions.iter().find(|g| g.id == f.id);
            assert_eq!(there, Some(f), "{}", f.id);
        }
    }

    #[test]
    fn every_template_title_finds_its_own_post() {
        let templates = Templates::shipped();
        let norms = standard_norms().unwrap();
        for t in &norms.templates {
            for p in &t.positions {
                let found = templates.find(t.unit_kind, &p.title).unwrap();
                assert_eq!(found.functions, p.functions, "{}", p.title);
                assert_eq!(found.kind, p.kind, "{}", p.title);
            }
        }
    }

    #[test]
    fn titles_as_offices_write_them_find_the_template_post() {
        let templates = Templates::shipped();
        let functions = |title: &str| {
            templates
                .find(UnitKind::Commune, title)
                .map(|p| p.functions.join(","))
        };
        for (title, want) in [
            ("Chủ tịch UBND xã", "ubnd"),
            ("PHÓ CHỦ TỊCH HĐND", "hdnd"),
            ("Chủ tịch UBMTTQ", "mttq"),
            ("Bí thư Đoàn TNCS Hồ Chí Minh xã", "doan-tn"),
            ("Công chức Tư pháp – Hộ tịch", "tu-phap,ho-tich"),
            (
                "Địa chính - xây dựng - nông nghiệp và môi trường",
                "dia-chinh,xay-dung,nong-nghiep,moi-truong",
            ),
            ("Chỉ huy trưởng Ban CHQS", "quan-su"),
            ("Chủ tịch Hội LHPN", "phu-nu"),
            ("Chủ tịch Hội CCB", "cuu-chien-binh"),
        ] {
            assert_eq!(functions(title).as_deref(), Some(want), "{title}");
        }
        for title in ["Trưởng Công an xã", "Kế toán", "Phó Chủ tịch", "Xã"] {
            assert_eq!(functions(title), None, "{title}");
        }
    }
}
