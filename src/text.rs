//! Small text helpers: making untrusted text safe to print, and "did you mean".

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
    if !has_control(text) {
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

/// Whether `text` has a control character (`char::is_control`: U+0000–U+001F and
/// U+007F–U+009F), by its UTF-8 bytes: the C1 controls are the two-byte sequences
/// `C2 80` to `C2 9F`.
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A quick pass for bytes that start one (or `C2`, which starts Latin-1 letters too),
    // then the exact test only where one was seen.
    if !bytes.iter().fold(false, |seen, &b| seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20 || b == 0x7f || (b == 0xc2 && bytes.get(i + 1).is_some_and(|next| (0x80..=0x9f).contains(next)))
    })
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
    #[test]
    fn control_characters_are_found_by_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(super::has_control(&text), c.is_control(), "{c:?}");
        }
    }
}
