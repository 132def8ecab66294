//! The one text module: making untrusted text safe to print, finding text ignoring
//! ASCII case, "did you mean", and (in its submodules) folding, bigram similarity and
//! message templates, which message matching and search share.

pub(crate) mod fold;
pub(crate) mod template;

use std::borrow::Cow;

pub(crate) use fold::{Query, SimilarIndex, collapse_spaces, common, fold, fold_into, similarity};
pub(crate) use template::{Template, fill_template, has_literal_text};

/// Removes control characters (ANSI escape sequences whole, carriage returns, NULs, …)
/// from text that came from outside, such as a vendor message, before it reaches a
/// terminal. A line break or tab becomes a space, so words stay apart. Text without
/// control characters is returned as it is, without copying.
///
/// ```
/// assert_eq!(errmap_auth::text::sanitize("bad\u{1b}[31m red\u{1b}[0m\u{7}"), "bad red");
/// assert_eq!(errmap_auth::text::sanitize("two\r\nlines"), "two lines");
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

/// Where `needle` first occurs in `haystack`, ignoring ASCII case (which keeps byte
/// offsets, so the position is valid in `haystack`); `Some(0)` for an empty needle.
/// Only where the first byte matches is the rest compared.
pub(crate) fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let last_start = haystack.len().checked_sub(needle.len())?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    // A match of valid UTF-8 starts and ends on character boundaries of the haystack.
    // The first byte is looked for a word at a time, and the rest compared where it is.
    memchr::memchr2_iter(lower, upper, &haystack[..=last_start])
        .find(|&i| haystack[i + 1..i + needle.len()].eq_ignore_ascii_case(rest))
}

/// Skips the rest of an escape sequence after ESC: CSI (`ESC [ … final`), OSC
/// (`ESC ] … BEL` or `ESC ] … ESC \\`), or a single following character.
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

/// A code cut out of the text a body shape reads: after the last `after`, then before
/// the first `before` in what is left, trimmed (`"EMAIL_NOT_FOUND : detail"` with
/// `before` `" : "` gives `"EMAIL_NOT_FOUND"`). Separators are a character or three,
/// too short for `str`'s two-way searcher to pay for setting itself up: their first
/// byte is found with memchr and the rest compared where it is.
pub(crate) fn cut_code<'a>(text: &'a str, after: Option<&str>, before: Option<&str>) -> &'a str {
    let mut code = text;
    if let Some(after) = after {
        if let Some(at) = find_bytes(code, after, true) {
            code = &code[at + after.len()..];
        }
    }
    if let Some(before) = before {
        if let Some(at) = find_bytes(code, before, false) {
            code = &code[..at];
        }
    }
    code.trim()
}

/// Where `needle` occurs in `haystack`, the last time when `last`, else the first. A
/// match of valid UTF-8 starts and ends on character boundaries of the haystack.
fn find_bytes(haystack: &str, needle: &str, last: bool) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return Some(if last { haystack.len() } else { 0 });
    };
    let last_start = haystack.len().checked_sub(needle.len())?;
    let starts = &haystack[..=last_start];
    let matches = |&i: &usize| &haystack[i + 1..i + needle.len()] == rest;
    if last {
        memchr::memrchr_iter(first, starts).find(matches)
    } else {
        memchr::memchr_iter(first, starts).find(matches)
    }
}

/// The candidate closest to `given`, when it is close enough to be a likely typo.
///
/// ```
/// assert_eq!(errmap_auth::text::suggest("wildog", ["authing", "wilddog"]), Some("wilddog"));
/// assert_eq!(errmap_auth::text::suggest("zzz", ["authing", "wilddog"]), None);
/// ```
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    crate::source::closest(given, candidates)
}

#[cfg(test)]
mod tests {
    use super::{cut_code, find_ignore_ascii_case};

    #[test]
    fn finds_text_ignoring_ascii_case_only() {
        assert_eq!(find_ignore_ascii_case("Account DISABLED", "disabled"), Some(8));
        assert_eq!(find_ignore_ascii_case("账号 Locked", "locked"), Some(7));
        assert_eq!(find_ignore_ascii_case("abc", ""), Some(0));
        assert_eq!(find_ignore_ascii_case("ab", "abc"), None);
        assert_eq!(find_ignore_ascii_case("ÉTÉ", "été"), None);
        assert_eq!(find_ignore_ascii_case("xxAaB aab", "AAB"), Some(2));
        assert_eq!(find_ignore_ascii_case("aab", "AAB"), Some(0));
        assert_eq!(find_ignore_ascii_case("xaa", "AAB"), None);
    }

    proptest::proptest! {
        /// The first match is the one a search of the ASCII-lowercased texts finds.
        #[test]
        fn finds_what_lowercase_search_finds(haystack in "[aAbB é]{0,40}", needle in "[aAbB é]{0,4}") {
            let expected = haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase());
            proptest::prop_assert_eq!(find_ignore_ascii_case(&haystack, &needle), expected);
        }
    }

    #[test]
    fn codes_are_cut_as_split_once_and_rsplit_once_would_cut_them() {
        let reference = |text: &'static str, after: Option<&str>, before: Option<&str>| {
            let mut code = text;
            if let Some(after) = after {
                code = code.rsplit_once(after).map_or(code, |(_, rest)| rest);
            }
            if let Some(before) = before {
                code = code.split_once(before).map_or(code, |(head, _)| head);
            }
            code.trim()
        };
        let separators = [None, Some(""), Some("#"), Some(":"), Some(" : "), Some("aa"), Some("：")];
        let texts = ["", "a#b:c", "x#y#z : w:v", "aaa", "a : b : c", "前：后#尾", "#", ":", " : ", "  pad # me : x  "];
        for before in separators {
            for after in separators {
                for text in texts {
                    assert_eq!(
                        cut_code(text, after, before),
                        reference(text, after, before),
                        "{text:?} {after:?} {before:?}"
                    );
                }
            }
        }
    }
}
