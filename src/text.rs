//! Small text helpers: making untrusted text safe to print, finding text ignoring
//! ASCII case, and "did you mean".

use std::borrow::Cow;

/// Removes control characters (ANSI escape sequences whole, carriage returns, NULs, …)
/// from text that came from outside, such as a vendor message, before it reaches a
/// terminal. A line break or tab becomes a space, so words stay apart. Text without
/// control characters is returned as it is, without copying.
///
/// ```
/// assert_eq!(errmap::sanitize("bad\u{1b}[31m red\u{1b}[0m\u{7}"), "bad red");
/// assert_eq!(errmap::sanitize("two\r\nlines"), "two lines");
/// ```
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !crate::source::has_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Skips the rest of an escape sequence after ESC: CSI (`ESC [ … final`), OSC
/// (`ESC ] … BEL` or `ESC ] … ESC \\`), or a single following character.
/// Where `needle` first occurs in `haystack`, ignoring ASCII case (which keeps byte
/// offsets, so the position is valid in `haystack`); `Some(0)` for an empty needle.
/// Only where the first byte matches is the rest compared.
pub(crate) fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let last_start = haystack.len().checked_sub(needle.len())?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    // A match of valid UTF-8 starts and ends on character boundaries of the haystack.
    (0..=last_start).find(|&i| {
        (haystack[i] == lower || haystack[i] == upper) && haystack[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
    })
}

fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
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

#[cfg(test)]
mod tests {
    use super::find_ignore_ascii_case;

    #[test]
    fn finds_text_ignoring_ascii_case_only() {
        assert_eq!(find_ignore_ascii_case("Account DISABLED", "disabled"), Some(8));
        assert_eq!(find_ignore_ascii_case("账号 Locked", "locked"), Some(7));
        assert_eq!(find_ignore_ascii_case("abc", ""), Some(0));
        assert_eq!(find_ignore_ascii_case("ab", "abc"), None);
        assert_eq!(find_ignore_ascii_case("ÉTÉ", "été"), None);
    }
}
