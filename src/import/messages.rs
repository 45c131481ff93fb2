//! The text of the matching of titles to template posts, from the message catalogue
//! (`locales/*/import.ftl`).

/// Warning: a derived post's title is none of the shipped template posts'.
pub(super) fn unmatched_title(title: &str) -> String {
    crate::t!("import-unmatched-title", title = title)
}

/// Help for [`unmatched_title`].
pub(super) fn unmatched_title_help() -> String {
    crate::t!("import-unmatched-title-help")
}
