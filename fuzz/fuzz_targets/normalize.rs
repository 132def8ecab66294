//! Fuzzes `Normalizer::normalize` and `normalize_log_line`: every body under the limit
//! gets an answer, over it a refusal; the answer renders at every exposure level and in
//! every locale without panicking, and what it shows is clean and, at `none`, withheld.
//!
//! The first five bytes choose the context: two for the status, one for the vendor
//! named (every id and alias of every built-in catalogue; 255 for none), one for the content
//! type, one for the body limit (small limits put the input near its limit); the rest
//! is the body.
//!
//! Run from the repository root (nightly and cargo-fuzz). `fuzz/seed.sh` writes the
//! seed corpus, every fixture body behind its context bytes, to `fuzz/corpus/normalize/`
//! (which git ignores, as cargo-fuzz's corpus grows while it runs):
//!
//! ```text
//! bash fuzz/seed.sh
//! cargo fuzz run normalize -- -max_len=4096
//! ```

#![no_main]

use std::sync::LazyLock;

use errmap_auth::{Context, Expose, Limits, Locale, Normalizer, ProblemOptions, Registry};
use libfuzzer_sys::fuzz_target;

/// Every built-in catalogue id and alias, so hints name every catalogue.
static VENDORS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    Registry::builtin().catalogues().iter().flat_map(|c| std::iter::once(c.id()).chain(c.aliases())).collect()
});

const CONTENT_TYPES: [Option<&str>; 5] =
    [None, Some("application/json"), Some("application/json; charset=utf-8"), Some("text/html"), Some("text/plain")];

const EXPOSURES: [Expose; 3] = [Expose::None, Expose::AccountStatus, Expose::All];

/// Whether `text` holds a control character or one that changes how text reads.
fn unclean(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    })
}

fuzz_target!(|data: &[u8]| {
    let plain = Normalizer::default();
    let fits = data.len() <= Limits::default().max_body_bytes;
    assert_eq!(plain.normalize(data, &Context::default()).is_ok(), fits, "only a body over the limit is refused");

    let [high, low, vendor, content_type, limit, body @ ..] = data else { return };
    let context = Context {
        status: Some(u16::from_be_bytes([*high, *low])),
        // 255: no vendor named.
        vendor: (*vendor != u8::MAX).then(|| VENDORS[usize::from(*vendor) % VENDORS.len()]),
        content_type: CONTENT_TYPES[usize::from(*content_type) % CONTENT_TYPES.len()],
    };
    // Odd bytes: a limit of a few dozen to a few thousand bytes; even: the default.
    let limits = if limit % 2 == 1 { Limits { max_body_bytes: usize::from(*limit) * 16 } } else { Limits::default() };
    let normalizer = Normalizer::default().with_limits(limits);
    let fits = body.len() <= limits.max_body_bytes;

    // A record's body is held to the limit too; a line of any size gets an answer or
    // a refusal, never a panic.
    let _ = normalizer.normalize_log_line(body, &context);
    let result = normalizer.normalize(body, &context);
    assert_eq!(result.is_ok(), fits, "a known hint and a body under the limit get an answer");
    let Ok(error) = result else { return };
    if let Some(hint) = context.vendor {
        assert!(error.catalogue().is_some_and(|c| c.answers_to(hint)), "the hint wins");
    }
    for text in [error.code(), error.vendor_message()].into_iter().flatten() {
        assert!(!unclean(text), "untrusted text came through uncleaned: {text:?}");
    }
    let options = ProblemOptions::default();
    for expose in EXPOSURES {
        for locale in Locale::ALL {
            let problem = error.problem(locale, expose, &options);
            assert_eq!(problem.status, error.http_status(expose));
            assert!(!unclean(&problem.to_json()), "{:?}", problem.to_json());
            let _ = error.message(locale, expose);
        }
        let _ = error.error_info(expose, &options);
    }
    // At `none` nothing that tells conditions apart is shown.
    let none = Expose::None;
    assert!(error.withholds(none));
    assert_eq!(error.visible_code(none), None);
    assert_eq!(error.visible_detection(none), None);
    assert_eq!(error.visible_vendor_message(none), None);
    assert_eq!(error.visible_upstream_status(none), None);
    assert!(error.visible_params(none).is_empty());
    let problem = error.problem(Locale::En, none, &options);
    assert_eq!(problem.kind, none.visible(problem.kind), "the kind shown at none is public");
    assert!(problem.vendor_code.is_none() && problem.params.is_empty());
});
