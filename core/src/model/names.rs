//! Kubernetes name rules and IDs.

/// Why `s` is not a DNS-1123 label (≤63 lowercase alphanumerics or `-`, starting and
/// ending alphanumeric), or `None` if it is one. Namespaces follow it.
pub fn dns1123_label(s: &str, max: usize) -> Option<String> {
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
pub fn dns1123_subdomain(s: &str) -> Option<String> {
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
        assert_eq!(dns1123_label("ixn", 63), None);
        assert!(dns1123_label("IXN", 63).is_some());
        assert!(dns1123_label("-a", 63).is_some());
        assert!(dns1123_label(&"a".repeat(64), 63).is_some());
        assert_eq!(dns1123_subdomain("ixn-db-secret-100"), None);
        assert_eq!(dns1123_subdomain("a.b-c"), None);
        assert!(dns1123_subdomain("a..b").is_some());
        assert!(dns1123_subdomain("a_b").is_some());
        assert!(is_uuid("9350e2fc-a1dd-4c65-8d40-1f75a2e080dd"));
        assert!(!is_uuid("9350e2fc-aldd-4c65-8d40-1f75a2e080dd"));
    }
}
