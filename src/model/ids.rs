//! Identifiers and tags: compared after NFC normalization (SPEC §1), so an id typed in NFD
//! (as some Vietnamese keyboards produce) matches the same id in NFC.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The NFC form of a string; borrows when it is already NFC (the common, ASCII case).
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// The NFC form, owned.
pub fn nfc_owned(s: &str) -> String {
    nfc(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_nfc_ids_are_equal() {
        let nfd: String = "hồng-phú".nfd().collect();
        assert_ne!(nfd, "hồng-phú");
        assert_eq!(nfc(&nfd), "hồng-phú");
        assert!(matches!(nfc("dong-phu"), Cow::Borrowed(_)));
    }
}
