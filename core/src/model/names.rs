//! Kubernetes name rules and IDs.

/// Why `s` is not a DNS-1123 label (≤`max` lowercase alphanumerics or `-`, starting and
/// ending alphanumeric), or `None` if it is one. Namespaces follow it.
pub fn not_dns1123_label(s: &str, max: usize) -> Option<String> {
    if s.is_empty() {
        return Some("must not be empty".into());
    }
    if s.len() > max {
        return Some(format!("must be at most {max} characters (it has {})", s.len()));
    }
    if !s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Some("may only hold lowercase letters, digits and '-'".into());
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Some("must start and end with a letter or digit".into());
    }
    None
}

/// Why `s` is not a DNS-1123 subdomain (≤253, labels joined by `.`), or `None`.
/// Secret, service account and storage class names follow it.
pub fn not_dns1123_subdomain(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("must not be empty".into());
    }
    if s.len() > 253 {
        return Some(format!("must be at most 253 characters (it has {})", s.len()));
    }
    if !s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.') {
        return Some("may only hold lowercase letters, digits, '-' and '.'".into());
    }
    if s.split('.').any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-')) {
        return Some("each dot-separated part must start and end with a letter or digit".into());
    }
    None
}

/// Whether `s` is a UUID in the 8-4-4-4-12 hex form.
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_subdomains() {
        assert_eq!(not_dns1123_label("ixn", 63), None);
        assert!(not_dns1123_label("IXN", 63).is_some());
        assert!(not_dns1123_label("-a", 63).is_some());
        assert!(not_dns1123_label(&"a".repeat(64), 63).is_some());
        assert_eq!(not_dns1123_subdomain("ixn-db-secret-100"), None);
        assert_eq!(not_dns1123_subdomain("a.b-c"), None);
        assert!(not_dns1123_subdomain("a..b").is_some());
        assert!(not_dns1123_subdomain("a_b").is_some());
        assert!(is_uuid("9350e2fc-a1dd-4c65-8d40-1f75a2e080dd"));
        assert!(!is_uuid("9350e2fc-aldd-4c65-8d40-1f75a2e080dd"));
    }
}

/// The longest name of one folder in the Git tree: `NAME_MAX` of every common file
/// system (ext4, XFS, APFS, NTFS); a longer one cannot be written ("File name too long").
pub const GIT_SEGMENT_MAX: usize = 255;
/// The longest Git folder path: far below `PATH_MAX` (4096), leaving room for the output
/// folder and the files under it.
pub const GIT_PATH_MAX: usize = 1024;

/// Why a typed Git folder path (`gitops.path`) cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitFolderError {
    /// A part is empty, `.`, `..`, or holds other characters than letters, digits, `-`,
    /// `_` and `.`.
    Segment,
    /// A part is longer than [`GIT_SEGMENT_MAX`] bytes.
    SegmentTooLong,
    /// The whole path is longer than [`GIT_PATH_MAX`] bytes.
    TooLong,
}

impl std::fmt::Display for GitFolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            GitFolderError::Segment => {
                "a folder path is names of letters, digits, -, _ and . separated by /; ixn/<release> is used instead"
            }
            GitFolderError::SegmentTooLong => {
                "a folder name is at most 255 bytes (longer ones cannot be written on any common file system); ixn/<release> is used instead"
            }
            GitFolderError::TooLong => "a folder path is at most 1024 bytes; ixn/<release> is used instead",
        })
    }
}

impl std::error::Error for GitFolderError {}

/// The Git folder a typed `gitops.path` names: without surrounding spaces and `/`;
/// `Ok(None)` when it is empty (the default folder is used), an error when it cannot be
/// a folder. The one rule of the check at the field and of the generators.
pub fn git_folder(typed: &str) -> Result<Option<&str>, GitFolderError> {
    let path = typed.trim().trim_matches('/');
    if path.is_empty() {
        return Ok(None);
    }
    for seg in path.split('/') {
        if seg.is_empty()
            || seg == "."
            || seg == ".."
            || !seg.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(GitFolderError::Segment);
        }
        if seg.len() > GIT_SEGMENT_MAX {
            return Err(GitFolderError::SegmentTooLong);
        }
    }
    if path.len() > GIT_PATH_MAX {
        return Err(GitFolderError::TooLong);
    }
    Ok(Some(path))
}
