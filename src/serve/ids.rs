//! The names in the API's paths: the one Partner Center instance and BSS account ids. Below every module that reads
//! them (the router, the API, the settings).

/// The one Partner Center instance the stand-in knows (`api.md`).
pub const SYSTEM_CODE: &str = "MicrosoftCloudServices";
/// The account of `/` without `?account=`.
pub const DEFAULT_ACCOUNT: i64 = 1001;

/// Reads an account id: 1 to 18 decimal digits.
pub fn parse_account(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids() {
        assert_eq!(parse_account("1001"), Some(1001));
        assert_eq!(parse_account("01001"), Some(1001));
        assert_eq!(parse_account(""), None);
        assert_eq!(parse_account("-1"), None);
        assert_eq!(parse_account("1e3"), None);
        assert_eq!(parse_account("1234567890123456789"), None);
    }
}
