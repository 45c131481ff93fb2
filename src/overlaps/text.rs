//! Vietnamese-aware text similarity for the SimilarFunctions rule.
//!
//! Two catalogue entries are "the same function under two names" when their texts differ only
//! in ways a reader ignores: tone-mark placement (`hóa` / `hoá`, `thủy` / `thuỷ`), NFC or NFD
//! spelling, case, punctuation, the conjunction "và", or the order of the words. So a text is
//! first [`normalize`]d:
//!
//! 1. decomposed (NFD) and stripped of every combining mark, so all diacritics go: `hoá`, `hóa`
//!    and `hoa` become `hoa` whichever form they were written in;
//! 2. `đ` / `Đ` (a letter of its own, not a decomposable accent) becomes `d`;
//! 3. lowercased; every character that is not a letter or a digit becomes a space;
//! 4. split into words; the word "và" (`va` once stripped) is dropped; joined with one space.
//!
//! The [`similarity`] of two normalized texts is the larger of two normalized Levenshtein
//! similarities (`strsim::normalized_levenshtein`, 1 − edits / longer length, in characters):
//! on the texts as they are, and on their words sorted alphabetically (so that "thông tin, văn
//! hóa" matches "văn hóa, thông tin"). It is 1.0 for texts equal after normalization and falls
//! by about one point per character edited in a text of a hundred.
//!
//! Why this measure and the default threshold of 0.8: the duplicates a catalogue collects are
//! re-typings of one name — a different tone-mark convention, a "và" for a comma, a word
//! moved — and score 1.0 or close to it (a one-letter typo in a 26-letter name: 0.96). Distinct
//! functions share words but not the text: "Quản lý đất đai, địa chính" against "Quản lý nhà
//! nước về đất đai trên địa bàn huyện" scores 0.46 (25 of 46 characters to edit), and the
//! closest distinct pair of the Chương Mỹ catalogue, "Công tác Hội Liên hiệp Phụ nữ" against
//! "Công tác Hội Cựu chiến binh", 0.62. One word added to a short name ("… thể thao và du
//! lịch") scores 0.76 and is not flagged at 0.8: a planner who wants those lowers
//! `--similarity`. A token-set Jaccard index would rank the land pair (four shared words)
//! above a typo, and Jaro-Winkler overweights a shared prefix such as "Công tác Hội"; an edit
//! distance on whole texts does neither.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The text as compared: no diacritics, `đ` → `d`, lowercase, no punctuation, no "và", single
/// spaces.
///
/// ```
/// use orgplan::overlaps::text::normalize;
/// assert_eq!(normalize("Văn hoá, thông tin và thể thao"), "van hoa thong tin the thao");
/// assert_eq!(normalize("Quản lý ĐẤT ĐAI"), "quan ly dat dai");
/// ```
pub fn normalize(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => plain.push('d'),
            c if c.is_alphanumeric() => plain.extend(c.to_lowercase()),
            _ => plain.push(' '),
        }
    }
    let words: Vec<&str> = plain.split_whitespace().filter(|w| *w != "va").collect();
    words.join(" ")
}

/// A normalized text ready for comparison: as it reads, and with its words sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// [`normalize`]d text.
    pub text: String,
    /// The same words in alphabetical order.
    pub sorted: String,
    /// Length in characters (both forms have the same).
    pub chars: usize,
}

impl Prepared {
    /// Normalizes a text once, for comparing it with many others.
    pub fn new(text: &str) -> Self {
        let text = normalize(text);
        let mut words: Vec<&str> = text.split(' ').collect();
        words.sort_unstable();
        let sorted = words.join(" ");
        let chars = text.chars().count();
        Prepared {
            text,
            sorted,
            chars,
        }
    }

    /// The similarity of two prepared texts, in [0, 1] (see the module documentation); 0 when
    /// either is empty.
    pub fn similarity(&self, other: &Prepared) -> f64 {
        if self.chars == 0 || other.chars == 0 {
            return 0.0;
        }
        if self.text == other.text {
            return 1.0;
        }
        let plain = strsim::normalized_levenshtein(&self.text, &other.text);
        let sorted = strsim::normalized_levenshtein(&self.sorted, &other.sorted);
        plain.max(sorted)
    }

    /// An upper bound of [`Prepared::similarity`] from the lengths alone: at least the
    /// difference in length must be edited. Lets a caller skip pairs that cannot reach a
    /// threshold without running the edit distance.
    pub fn bound(&self, other: &Prepared) -> f64 {
        let (a, b) = (self.chars, other.chars);
        let longer = a.max(b);
        if longer == 0 {
            return 0.0;
        }
        1.0 - a.abs_diff(b) as f64 / longer as f64
    }
}

/// The similarity of two texts, in [0, 1]: 1.0 when they are equal after [`normalize`].
///
/// ```
/// use orgplan::overlaps::text::similarity;
/// assert_eq!(similarity("Văn hóa, thông tin, thể thao", "Văn hoá, thông tin và thể thao"), 1.0);
/// assert!(similarity("Quản lý đất đai, địa chính",
///                    "Quản lý nhà nước về đất đai trên địa bàn huyện") < 0.8);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    Prepared::new(a).similarity(&Prepared::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn tone_mark_placement_nfc_nfd_and_case_compare_equal() {
        assert_eq!(normalize("hóa"), normalize("hoá"));
        assert_eq!(normalize("thủy lợi"), normalize("thuỷ lợi"));
        assert_eq!(
            normalize("Nông nghiệp, thủy lợi"),
            normalize(&nfd("NÔNG NGHIỆP, THUỶ LỢI"))
        );
        assert_eq!(normalize("Đăng ký hộ tịch"), "dang ky ho tich");
        assert_eq!(normalize("đất đai"), normalize(&nfd("Đất Đai")));
    }

    #[test]
    fn punctuation_and_va_do_not_matter() {
        assert_eq!(
            normalize("Lao động, thương binh và xã hội"),
            normalize("Lao động - thương binh - xã hội")
        );
        assert_eq!(normalize("  Tư pháp;   hộ tịch. "), "tu phap ho tich");
        assert_eq!(normalize("Đề án 06: dữ liệu"), "de an 06 du lieu");
    }

    /// The scores the module documentation talks about, pinned.
    #[test]
    fn scores_of_the_documented_pairs() {
        let same = similarity(
            "Văn hóa, thông tin, thể thao",
            "Văn hoá, thông tin và thể thao",
        );
        assert_eq!(same, 1.0);

        let reordered = similarity("Văn hóa, thông tin", "Thông tin và văn hoá");
        assert_eq!(reordered, 1.0);

        // One letter off in 26: a typo is still a duplicate.
        let typo = similarity(
            "Văn hóa, thông tin, thể thao",
            "Văn hóa, thông tn, thể thao",
        );
        assert!((typo - (1.0 - 1.0 / 26.0)).abs() < 1e-9, "{typo}");

        // A word added to a short name: 26 of 34 characters in common.
        let longer = similarity(
            "Văn hóa, thông tin, thể thao",
            "Văn hóa, thông tin, thể thao và du lịch",
        );
        assert!((longer - (1.0 - 8.0 / 34.0)).abs() < 1e-9, "{longer}");
        assert!(longer < 0.8);

        // 25 edits over the 46 characters of the longer text.
        let land = similarity(
            "Quản lý đất đai, địa chính",
            "Quản lý nhà nước về đất đai trên địa bàn huyện",
        );
        assert!((land - (1.0 - 25.0 / 46.0)).abs() < 1e-9, "{land}");

        // A shared "Công tác Hội" prefix is not enough: 12 edits over 27.
        let mass = similarity("Công tác Hội Nông dân", "Công tác Hội Cựu chiến binh");
        assert!((mass - (1.0 - 12.0 / 27.0)).abs() < 1e-9, "{mass}");
    }

    #[test]
    fn empty_texts_are_not_similar_to_anything() {
        assert_eq!(similarity("", ""), 0.0);
        assert_eq!(similarity(" , ", "Thống kê"), 0.0);
    }

    #[test]
    fn the_length_bound_never_undercuts_the_score() {
        let pairs = [
            ("Thống kê", "Thống kê dân số"),
            ("Văn hóa", "Văn phòng, tổng hợp"),
            ("Tài chính, ngân sách", "Kế toán ngân sách xã"),
        ];
        for (a, b) in pairs {
            let (a, b) = (Prepared::new(a), Prepared::new(b));
            assert!(a.bound(&b) >= a.similarity(&b));
        }
    }
}
