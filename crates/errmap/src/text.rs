//! The one text module: making untrusted text safe to print, finding text ignoring
//! ASCII case, "did you mean", and (in its submodules) folding, bigram similarity and
//! message templates, which message matching and search share.

pub(crate) mod fold;
pub(crate) mod template;

use std::borrow::Cow;

pub(crate) use fold::{Query, SimilarIndex, collapse_spaces, common, fold, fold_into, similarity};
pub(crate) use template::{Template, fill_template, has_literal_text};

/// Makes text that came from outside (a vendor's message or code, a user catalogue's
/// field) safe to print: control characters are removed (ANSI and C1 escape sequences
/// whole, carriage returns, NULs, …), a line break or tab becomes a space so words
/// stay apart, and characters that are invisible but change how the text reads
/// (bidirectional overrides, zero-width characters, U+FEFF) are shown escaped as
/// `<U+202E>`, so nothing can pass for what it is not. Text with none of these is
/// returned as it is, without copying.
///
/// ```
/// assert_eq!(errmap_auth::text::sanitize("bad\u{1b}[31m red\u{1b}[0m\u{7}"), "bad red");
/// assert_eq!(errmap_auth::text::sanitize("two\r\nlines"), "two lines");
/// assert_eq!(errmap_auth::text::sanitize("ad\u{202e}nimda"), "ad<U+202E>nimda");
/// assert_eq!(errmap_auth::text::sanitize("22011\u{9b}31m\u{200b}"), "22011<U+200B>");
/// ```
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let separators = || text.contains(['\u{2028}', '\u{2029}']);
    if !crate::source::has_control(text) && !crate::source::has_invisible(text) && !separators() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // The C1 forms of CSI and OSC (and of the strings DCS, SOS, PM, APC).
            '\u{9b}' => skip_control_sequence(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_control_string(&mut chars),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c if crate::source::is_invisible(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
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

/// Skips the rest of an escape sequence after ESC: CSI (`ESC [ … final`), OSC, DCS,
/// SOS, PM and APC (`ESC ] … BEL` or `ESC ] … ESC \\`), or a single following character.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_control_sequence(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_control_string(chars),
        _ => {}
    }
}

/// Skips the parameter and intermediate bytes and the final byte of a control
/// sequence (after `ESC [` or CSI). Anything else ends it unconsumed, so a stray CSI
/// cannot swallow the text after it.
fn skip_control_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| ('\u{20}'..='\u{3f}').contains(c)).is_some() {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Skips a control string up to its terminator: BEL, `ESC \\` or ST (U+009C).
fn skip_control_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        if c == '\u{7}' || c == '\u{9c}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
            break;
        }
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
    use super::{cut_code, find_ignore_ascii_case, sanitize};

    #[test]
    fn terminal_sequences_and_invisible_characters_never_come_through() {
        // OSC 52 writes the clipboard; C1 CSI colours; bidi and zero-width spoof.
        let cases = [
            ("a\u{1b}]52;c;ZXZpbA==\u{7}b", "ab"),
            ("a\u{1b}]52;c;ZXZpbA==\u{1b}\\b", "ab"),
            ("a\u{9d}52;c;ZXZpbA==\u{9c}b", "ab"),
            ("a\u{9b}31mred", "ared"),
            ("a\u{1b}[1;31mred", "ared"),
            ("a\u{1b}[该用户不存在", "a该用户不存在"),
            ("a\u{9b}\u{202e}b", "a<U+202E>b"),
            ("\u{1b}P+q\u{1b}\\x", "x"),
            ("user\u{2066}\u{2069}", "user<U+2066><U+2069>"),
            ("\u{feff}E0000004", "<U+FEFF>E0000004"),
            ("a\u{2028}b", "a b"),
            ("该用户不存在", "该用户不存在"),
        ];
        for (given, shown) in cases {
            assert_eq!(sanitize(given), shown, "{given:?}");
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let shown = sanitize(&format!("a{c}b")).into_owned();
            assert!(!shown.chars().any(|s| s.is_control() || crate::source::is_invisible(s)), "{c:?}: {shown:?}");
        }
    }

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
