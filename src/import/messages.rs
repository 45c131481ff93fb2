//! The user-facing text that the matching of titles to template posts adds, in one place so
//! that it goes through the message catalogue (locales/*/import.ftl) as one change.

/// Warning: a derived post's title is none of the shipped template posts'.
pub(super) fn unmatched_title(title: &str) -> String {
    format!(
        "the post \"{title}\" is none of the posts of the shipped templates: it gets no functions, so nobody earns continuity from it"
    )
}

/// Help for [`unmatched_title`].
pub(super) fn unmatched_title_help() -> String {
    "write the title as the templates do (e.g. \"Tư pháp - hộ tịch\"), or list the post with its functions in a `Vị trí việc làm` sheet".to_string()
}
