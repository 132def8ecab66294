//! Fuzzes `Normalizer::normalize`: every body under the limit gets an answer, and the
//! answer can be rendered at every exposure level without panicking.
//!
//! Run with `cargo fuzz run normalize` from the repository root (nightly and cargo-fuzz).

#![no_main]

use errmap_auth::{Context, Expose, Limits, Locale, Normalizer, ProblemOptions};
use libfuzzer_sys::fuzz_target;

/// Every built-in catalogue id and alias, so hints always name a catalogue.
const VENDORS: [&str; 7] =
    ["authing", "authing-v3", "authing-v2", "authing-android", "oneaccess", "huawei-oneaccess", "wilddog"];

const CONTENT_TYPES: [Option<&str>; 5] =
    [None, Some("application/json"), Some("application/json; charset=utf-8"), Some("text/html"), Some("text/plain")];

fuzz_target!(|data: &[u8]| {
    let normalizer = Normalizer::default();
    let fits = data.len() <= Limits::default().max_body_bytes;

    let plain = normalizer.normalize(data, &Context::default());
    assert_eq!(plain.is_ok(), fits, "only a body over the limit is refused");

    // The first four bytes choose the context: two for the status, one for the hint,
    // one for the content type; the rest is the body.
    let [high, low, vendor, content_type, body @ ..] = data else { return };
    let context = Context {
        status: Some(u16::from_be_bytes([*high, *low])),
        vendor: VENDORS.get(usize::from(*vendor)).copied(),
        content_type: CONTENT_TYPES[usize::from(*content_type) % CONTENT_TYPES.len()],
    };
    let error = normalizer.normalize(body, &context).expect("a known hint and a body under the limit get an answer");
    if let Some(hint) = context.vendor {
        assert!(error.catalogue().is_some_and(|c| c.answers_to(hint)), "the hint wins");
    }
    let options = ProblemOptions::default();
    for expose in [Expose::None, Expose::AccountStatus, Expose::All] {
        for locale in Locale::ALL {
            let problem = error.problem(locale, expose, &options);
            assert_eq!(problem.status, error.http_status(expose));
            let _ = problem.to_json();
            let _ = error.message(locale, expose);
        }
        let _ = error.error_info(expose, &options);
    }
    if let Some(message) = error.vendor_message() {
        assert!(!message.chars().any(char::is_control), "control characters in {message:?}");
    }
});
