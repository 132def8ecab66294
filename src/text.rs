//! Small text helpers: making untrusted text safe to print, and "did you mean".

use std::borrow::Cow;

/// Removes control characters (ANSI escapes, carriage returns, NULs, …) from text that
/// came from outside, such as a vendor message, before it reaches a terminal. A line
/// break or tab becomes a space, so words stay apart. Text without control characters
/// is returned as it is, without copying.
///
/// ```
/// assert_eq!(errmap::sanitize("bad\u{1b}[31m red\u{7}"), "bad[31m red");
/// assert_eq!(errmap::sanitize("two\nlines"), "two lines");
/// ```
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// The candidate closest to `given`, when it is close enough to be a likely typo.
///
/// ```
/// assert_eq!(errmap::suggest("wildog", ["authing", "wilddog"]), Some("wilddog"));
/// assert_eq!(errmap::suggest("zzz", ["authing", "wilddog"]), None);
/// ```
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    crate::source::closest(given, candidates)
}
