//! `errmap normalize`: one body, or a stream of them (`--jsonl`), to canonical errors.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use errmap_auth::messages::Arg;
use errmap_auth::normalize::ParamValue;
use errmap_auth::text::sanitize;
use errmap_auth::{CanonicalError, Context, Error, Expose, Kind, Limits, Normalizer, ProblemOptions, Registry};
use serde::Serialize;

use super::output::{Table, Ui};
use super::{Format, Outcome, describe};

/// What `errmap normalize` was asked.
pub struct Request<'a> {
    pub file: Option<&'a Path>,
    pub vendor: Option<&'a str>,
    pub status: Option<u16>,
    pub content_type: Option<&'a str>,
    pub expose: Option<Expose>,
    pub max_body_bytes: usize,
    pub jsonl: bool,
}

/// `--format json` and each `--jsonl` output line. Documented in the README.
#[derive(Serialize)]
struct NormalizedJson<'a> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    vendor: Option<&'a str>,
    code: Option<&'a str>,
    known: Option<bool>,
    kind: Kind,
    /// The kind's path from its root, written from `kind` when serialized.
    #[serde(serialize_with = "kind_path")]
    kind_path: Kind,
    public_kind: Kind,
    http_status: u16,
    upstream_status: Option<u16>,
    retryable: bool,
    detected_by: Option<errmap_auth::normalize::DetectedBy>,
    detection: Option<&'a str>,
    params: BTreeMap<&'a str, &'a ParamValue>,
    vendor_message: Option<&'a str>,
    message: Cow<'a, str>,
    hint: Cow<'a, str>,
    locale: errmap_auth::Locale,
    expose: &'static str,
}

impl NormalizedJson<'_> {
    /// Appends the record to `out`, byte for byte as `serde_json` serializes it (a
    /// test checks every fixture), without `serde_json`'s byte-at-a-time escaping:
    /// what each `--jsonl` line costs most after normalizing.
    ///
    /// What `pasted` holds was written by [`write_kind`] and [`write_texts`] once per
    /// stream and kind, and is pasted instead of written again on every line.
    fn write_to(&self, out: &mut Vec<u8>, pasted: &Pasted<'_>) -> io::Result<()> {
        use super::json::{push_name, push_str};
        let optional = |out: &mut Vec<u8>, text: Option<&str>| match text {
            Some(text) => push_str(out, text),
            None => out.extend_from_slice(b"null"),
        };
        let boolean = |out: &mut Vec<u8>, b: bool| out.extend_from_slice(if b { b"true" } else { b"false" });
        out.extend_from_slice(b"{\"schema_version\":");
        number(out, u64::from(self.schema_version));
        out.push(b',');
        if let Some(line) = self.line {
            out.extend_from_slice(b"\"line\":");
            number(out, line);
            out.push(b',');
        }
        out.extend_from_slice(b"\"vendor\":");
        optional(out, self.vendor);
        out.extend_from_slice(b",\"code\":");
        optional(out, self.code);
        out.extend_from_slice(b",\"known\":");
        match self.known {
            Some(known) => boolean(out, known),
            None => out.extend_from_slice(b"null"),
        }
        match pasted.kind {
            Some(kind) => out.extend_from_slice(kind),
            None => write_kind(out, self.kind, self.public_kind, self.http_status),
        }
        out.extend_from_slice(b",\"upstream_status\":");
        match self.upstream_status {
            Some(status) => number(out, u64::from(status)),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"retryable\":");
        boolean(out, self.retryable);
        out.extend_from_slice(b",\"detected_by\":");
        match self.detected_by {
            Some(by) => push_name(out, by.as_str()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"detection\":");
        optional(out, self.detection);
        out.extend_from_slice(b",\"params\":");
        if self.params.is_empty() {
            out.extend_from_slice(b"{}");
        } else {
            serde_json::to_writer(&mut *out, &self.params)?;
        }
        out.extend_from_slice(b",\"vendor_message\":");
        optional(out, self.vendor_message);
        match pasted.texts {
            Some(texts) => out.extend_from_slice(texts),
            None => write_texts(out, &self.message, &self.hint),
        }
        out.extend_from_slice(b",\"locale\":");
        push_name(out, self.locale.tag());
        out.extend_from_slice(b",\"expose\":");
        push_name(out, self.expose);
        out.push(b'}');
        Ok(())
    }
}

/// Appends `n` in decimal.
fn number(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Serializes a kind's path from its root, as `kind_path`.
fn kind_path<S: serde::Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(kind.path())
}

/// The members of a record that follow from its kind (`kind`, `kind_path`,
/// `public_kind`, `http_status`), as [`NormalizedJson::write_to`] writes them.
fn write_kind(out: &mut Vec<u8>, kind: Kind, public_kind: Kind, http_status: u16) {
    use super::json::push_name;
    out.extend_from_slice(b",\"kind\":");
    push_name(out, kind.id());
    out.extend_from_slice(b",\"kind_path\":[");
    for (i, step) in kind.path().into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_name(out, step.id());
    }
    out.extend_from_slice(b"],\"public_kind\":");
    push_name(out, public_kind.id());
    out.extend_from_slice(b",\"http_status\":");
    number(out, u64::from(http_status));
}

/// What [`NormalizedJson::write_to`] pastes instead of writing.
#[derive(Default)]
struct Pasted<'a> {
    /// From [`write_kind`].
    kind: Option<&'a [u8]>,
    /// From [`write_texts`].
    texts: Option<&'a [u8]>,
}

/// What every `--jsonl` line of one kind writes alike, written on its first line.
struct KindLines {
    /// The members [`write_kind`] writes.
    kind: Vec<u8>,
    /// The message without values and the hint, as rendered and as [`write_texts`]
    /// writes them; the same on every line without values.
    texts: Option<(String, String, Vec<u8>)>,
}

/// The `message` and `hint` members of a record, as [`NormalizedJson::write_to`] writes them.
fn write_texts(out: &mut Vec<u8>, message: &str, hint: &str) {
    use super::json::push_str;
    out.extend_from_slice(b",\"message\":");
    push_str(out, message);
    out.extend_from_slice(b",\"hint\":");
    push_str(out, hint);
}

fn record<'e>(ui: &Ui, error: &'e CanonicalError<'_>, expose: Expose, line: Option<u64>) -> NormalizedJson<'e> {
    let texts = (error.message(ui.locale, expose).into(), error.hint(ui.locale, expose).into());
    record_with(ui, error, expose, line, texts, error.detection())
}

/// [`record`] with the message, hint and detection sentence already written. Where the
/// exposure level withholds what tells conditions apart
/// ([`CanonicalError::withholds`]), those members are `null`, whatever was written.
fn record_with<'e>(
    ui: &Ui,
    error: &'e CanonicalError<'_>,
    expose: Expose,
    line: Option<u64>,
    (message, hint): (Cow<'e, str>, Cow<'e, str>),
    detection: &'e str,
) -> NormalizedJson<'e> {
    let kind = error.visible_kind(expose);
    let shown = !error.withholds(expose);
    NormalizedJson {
        schema_version: super::json::SCHEMA_VERSION,
        line,
        vendor: error.visible_vendor(expose),
        code: error.visible_code(expose),
        known: error.visible_known(expose),
        kind,
        kind_path: kind,
        public_kind: kind.public_kind(),
        http_status: error.http_status(expose),
        upstream_status: error.visible_upstream_status(expose),
        retryable: kind.retryable(),
        detected_by: error.visible_detected_by(expose),
        detection: shown.then_some(detection),
        params: error.visible_params(expose).iter().map(|(name, value)| (name.as_str(), value)).collect(),
        vendor_message: error.visible_vendor_message(expose),
        message,
        hint,
        locale: ui.locale,
        expose: expose.as_str(),
    }
}

fn param_text(value: &ParamValue) -> String {
    match value {
        ParamValue::Number(n) => n.to_string(),
        ParamValue::Text(t) => sanitize(t).into_owned(),
    }
}

fn text(ui: &Ui, error: &CanonicalError<'_>, expose: Expose) -> String {
    let mut out = String::new();
    let kind = error.visible_kind(expose);
    let title = match (error.visible_vendor(expose), error.visible_code(expose)) {
        (Some(vendor), Some(code)) => format!("{vendor}:{code}"),
        (Some(vendor), None) => vendor.to_string(),
        (None, _) if error.withholds(expose) => ui.t("label-withheld"),
        (None, _) => ui.t("label-unidentified"),
    };
    match (error.visible_known(expose), error.visible_detected_by(expose)) {
        (Some(known), Some(by)) => {
            let known = ui.t(if known { "label-known-code" } else { "label-unknown-code" });
            let by = ui.t(&format!("detected-{}", by.as_str()));
            let _ = writeln!(out, "{}  ({known}; {by})", sanitize(&title));
        }
        _ => {
            let _ = writeln!(out, "{}", sanitize(&title));
        }
    }
    let mut table = Table::default();
    let mut row = |label: &str, value: String| table.row([ui.t(label), value]);
    row("label-kind", kind.to_string());
    let path: Vec<&str> = kind.path().into_iter().map(Kind::id).collect();
    row("label-kind-path", path.join(" › "));
    row("label-http-status", error.http_status(expose).to_string());
    row("label-retryable", ui.t(if kind.retryable() { "yes" } else { "no" }));
    row("label-message", error.message(ui.locale, expose));
    row("label-hint", error.hint(ui.locale, expose));
    if let Some(message) = error.visible_vendor_message(expose) {
        row("label-vendor-message", message.to_string());
    }
    let params = error.visible_params(expose);
    if !params.is_empty() {
        let list: Vec<String> = params.iter().map(|(name, value)| format!("{name}={}", param_text(value))).collect();
        row("label-params", list.join(", "));
    }
    if let Some(detection) = error.visible_detection(expose) {
        row("label-detection", detection.to_string());
    }
    table.render("  ", &mut out);
    out
}

fn render(ui: &Ui, format: Format, error: &CanonicalError<'_>, expose: Expose, options: &ProblemOptions) -> String {
    match format {
        Format::Text | Format::Md | Format::Csv | Format::Sssom => text(ui, error, expose),
        Format::Json => pretty(&record(ui, error, expose, None)),
        Format::Problem => pretty(&error.problem(ui.locale, expose, options)),
    }
}

fn pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The exposure when none is asked for: everything for operators reading text or JSON,
/// nothing for problem documents, which reach end users.
fn default_expose(format: Format) -> Expose {
    match format {
        Format::Problem => Expose::None,
        _ => Expose::All,
    }
}

/// Reads one body, at most `limit` bytes of it. A longer body is refused with its real
/// size, counted without keeping it in memory.
fn read_body(file: Option<&Path>, limit: usize) -> Result<Vec<u8>, Error> {
    let name = || file.map_or_else(|| "standard input".to_string(), |f| f.display().to_string());
    let io_error = |e: io::Error| Error::io(name(), e);
    let mut reader: Box<dyn Read> = match file {
        Some(path) => Box::new(File::open(path).map_err(io_error)?),
        None => Box::new(io::stdin().lock()),
    };
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut body = Vec::new();
    (&mut reader).take(cap).read_to_end(&mut body).map_err(io_error)?;
    if body.len() > limit {
        let rest = io::copy(&mut reader, &mut io::sink()).map_err(io_error)?;
        let size = usize::try_from(rest).unwrap_or(usize::MAX).saturating_add(body.len());
        return Err(Error::BodyTooLarge { size, limit });
    }
    Ok(body)
}

pub fn run(ui: &Ui, format: Format, registry: &Registry, request: &Request<'_>) -> Result<Outcome, Error> {
    if let Some(vendor) = request.vendor {
        registry.catalogue(vendor)?;
    }
    let normalizer = Normalizer::new(registry).with_limits(Limits { max_body_bytes: request.max_body_bytes });
    let expose = request.expose.unwrap_or(default_expose(format));
    let context = Context { status: request.status, vendor: request.vendor, content_type: request.content_type };
    if request.jsonl {
        return stream(ui, format, &normalizer, &context, expose, request);
    }
    let body = read_body(request.file, request.max_body_bytes)?;
    let error = normalizer.normalize(&body, &context)?;
    let stdout = render(ui, format, &error, expose, &ProblemOptions::default());
    Ok(Outcome { stdout, code: 0 })
}

/// The output line for an input line that could not be normalized.
#[derive(Serialize)]
struct LineError<'a> {
    schema_version: u32,
    line: u64,
    locale: errmap_auth::Locale,
    /// What was wrong, in `locale`.
    error: &'a str,
    /// `not_json`, `not_a_body`, `line_too_long`, or the code of the library's refusal
    /// (`body_too_large`, `unknown_vendor`, …).
    error_code: &'static str,
}

/// How much longer than `--max-body-bytes` a `--jsonl` line may be: a log record
/// wraps the body in a few members of its own.
const LINE_SLACK: usize = 64 * 1024;

/// What [`read_line_capped`] read.
struct LineRead {
    /// The line's whole length in bytes, its newline included: 0 at the end of the input.
    length: usize,
    /// Whether it ended with a newline (the last line may not).
    newline: bool,
}

/// Reads one line into `buffer`, keeping at most `cap` bytes of it. What is over `cap`
/// is counted and dropped, so a line of any length costs `cap` bytes of memory.
fn read_line_capped(reader: &mut dyn BufRead, buffer: &mut Vec<u8>, cap: usize) -> io::Result<LineRead> {
    let mut total = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(LineRead { length: total, newline: false });
        }
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        let room = cap.saturating_sub(buffer.len());
        buffer.extend_from_slice(&available[..used.min(room)]);
        reader.consume(used);
        total += used;
        if done {
            return Ok(LineRead { length: total, newline: true });
        }
    }
}

/// Whether a line is a bare JSON number, `true`, `false` or `null`: JSON, but neither
/// a body errmap can read nor a record.
fn is_bare_scalar(line: &[u8]) -> bool {
    let text = line.trim_ascii();
    matches!(text.first(), Some(b'-' | b'0'..=b'9' | b't' | b'f' | b'n'))
        && serde_json::from_slice::<serde::de::IgnoredAny>(text).is_ok()
}

/// The `error_code` of a line the library refused.
fn error_code(error: &Error) -> &'static str {
    match error {
        Error::UnknownVendor { .. } => "unknown_vendor",
        Error::BodyTooLarge { .. } => "body_too_large",
        _ => "invalid_input",
    }
}

/// Counts for the summary printed at the end of a stream.
#[derive(Default)]
struct Summary {
    lines: u64,
    blank: u64,
    normalized: u64,
    unknown: u64,
    errors: u64,
    by_vendor: BTreeMap<String, u64>,
}

fn stream(
    ui: &Ui,
    format: Format,
    normalizer: &Normalizer<'_>,
    context: &Context<'_>,
    expose: Expose,
    request: &Request<'_>,
) -> Result<Outcome, Error> {
    let input: Box<dyn BufRead> = match request.file {
        Some(path) => Box::new(BufReader::new(File::open(path).map_err(|e| Error::io(path.display().to_string(), e))?)),
        None => Box::new(io::stdin().lock()),
    };
    let options = ProblemOptions::default();
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut summary = Summary::default();
    let unidentified = ui.t("label-unidentified");
    let withheld = ui.t("label-withheld");
    // What follows from the kind, its message without values and its hint are the same
    // on every line: each kind's are written once, on its first line.
    let mut kinds: Vec<Option<KindLines>> = std::iter::repeat_with(|| None).take(Kind::all().len()).collect();
    let mut buffer = Vec::new();
    let mut record = Vec::with_capacity(1024);
    let mut detection = String::with_capacity(256);
    let mut reader = input;
    let cap = request.max_body_bytes.saturating_add(LINE_SLACK);
    let input_name = request.file.map_or_else(|| "standard input".to_string(), |f| f.display().to_string());
    loop {
        buffer.clear();
        // One byte over the cap tells a line at the cap from a longer one.
        let read = read_line_capped(&mut *reader, &mut buffer, cap.saturating_add(1))
            .map_err(|e| Error::io(input_name.clone(), e))?;
        if read.length == 0 {
            break;
        }
        summary.lines += 1;
        let line_number = summary.lines;
        let length = read.length - usize::from(read.newline);
        let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let refused = |summary: &mut Summary, out: &mut BufWriter<_>, message: String, code: &'static str| {
            summary.errors += 1;
            let record = LineError {
                schema_version: super::json::SCHEMA_VERSION,
                line: line_number,
                locale: ui.locale,
                error: &message,
                error_code: code,
            };
            serde_json::to_writer(out, &record)
        };
        let numbers = |size: usize| {
            [
                ("line", Arg::Number(line_number as f64)),
                ("size", Arg::Number(size as f64)),
                ("limit", Arg::Number(cap as f64)),
            ]
        };
        let written = if buffer.len() > cap {
            let message = ui.t_args("error-line-too-long", &numbers(length));
            refused(&mut summary, &mut out, message, "line_too_long")
        } else if line.trim_ascii().is_empty() {
            summary.blank += 1;
            continue;
        } else if is_bare_scalar(line) {
            let message = ui.t_args("error-line-not-a-body", &numbers(0));
            refused(&mut summary, &mut out, message, "not_a_body")
        } else {
            match normalizer.normalize_log_line(line, context) {
                Ok(error)
                    if error.code().is_none() && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_err() =>
                {
                    let message = ui.t_args("error-line-not-json", &numbers(0));
                    refused(&mut summary, &mut out, message, "not_json")
                }
                Ok(error) => {
                    summary.normalized += 1;
                    // Counted as the records show them: where the level withholds the
                    // vendor or whether the code is known, so does the summary.
                    if error.visible_known(expose) == Some(false) {
                        summary.unknown += 1;
                    }
                    let vendor = match error.visible_vendor(expose) {
                        Some(vendor) => vendor,
                        None if error.vendor().is_some() => &withheld,
                        None => &unidentified,
                    };
                    match summary.by_vendor.get_mut(vendor) {
                        Some(count) => *count += 1,
                        None => {
                            summary.by_vendor.insert(vendor.to_string(), 1);
                        }
                    }
                    match format {
                        Format::Problem => {
                            // The problem document with the line it came from as its first member.
                            record.clear();
                            record.extend_from_slice(b"{\"line\":");
                            number(&mut record, line_number);
                            record.push(b',');
                            let start = record.len();
                            serde_json::to_writer(&mut record, &error.problem(ui.locale, expose, &options))
                                .map(|()| {
                                    // The document's own opening brace is replaced by ours.
                                    record.remove(start);
                                    if record.ends_with(b",}") {
                                        record.truncate(record.len() - 2);
                                        record.push(b'}');
                                    }
                                })
                                .and_then(|()| out.write_all(&record).map_err(serde_json::Error::io))
                        }
                        _ => {
                            let kind = error.visible_kind(expose);
                            let lines = kinds[usize::from(kind.index())].get_or_insert_with(|| {
                                let mut written = Vec::new();
                                write_kind(&mut written, kind, kind.public_kind(), error.http_status(expose));
                                KindLines { kind: written, texts: None }
                            });
                            let mut pasted = Pasted { kind: Some(&lines.kind), texts: None };
                            let rendered = if error.visible_params(expose).is_empty() {
                                let (message, hint, escaped) = lines.texts.get_or_insert_with(|| {
                                    let (message, hint) =
                                        (error.message(ui.locale, expose), error.hint(ui.locale, expose));
                                    let mut escaped = Vec::new();
                                    write_texts(&mut escaped, &message, &hint);
                                    (message, hint, escaped)
                                });
                                pasted.texts = Some(escaped);
                                (Cow::Borrowed(message.as_str()), Cow::Borrowed(hint.as_str()))
                            } else {
                                (error.message(ui.locale, expose).into(), error.hint(ui.locale, expose).into())
                            };
                            record.clear();
                            detection.clear();
                            error.write_detection(&mut detection);
                            let written = record_with(ui, &error, expose, Some(line_number), rendered, &detection)
                                .write_to(&mut record, &pasted);
                            written.and_then(|()| out.write_all(&record)).map_err(serde_json::Error::io)
                        }
                    }
                }
                Err(error) => {
                    let message = describe(ui, &error);
                    refused(&mut summary, &mut out, message, error_code(&error))
                }
            }
        };
        let written = written.map_err(io::Error::from).and_then(|()| out.write_all(b"\n"));
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(Outcome { stdout: String::new(), code: 0 });
            }
            return Err(Error::io_write(ui.t("label-standard-output"), e));
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(Error::io_write(ui.t("label-standard-output"), e));
        }
    }
    let vendors: Vec<String> = summary.by_vendor.iter().map(|(vendor, n)| format!("{vendor} {n}")).collect();
    let count = |n: u64| Arg::Number(n as f64);
    eprintln!(
        "{}",
        ui.t_args(
            "summary-jsonl",
            &[
                ("lines", count(summary.lines)),
                ("blank", count(summary.blank)),
                ("normalized", count(summary.normalized)),
                ("unknown", count(summary.unknown)),
                ("errors", count(summary.errors)),
                ("vendors", Arg::Text(&vendors.join(", "))),
            ],
        )
    );
    // Bad lines are reported in the stream itself; the run as a whole succeeded.
    Ok(Outcome { stdout: String::new(), code: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture body, in every locale and at every exposure, with a line number and
    /// without, as `--jsonl` writes it.
    #[test]
    fn records_are_written_as_serde_json_serializes_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bodies");
        let normalizer = Normalizer::default();
        let mut checked = 0;
        for folder in std::fs::read_dir(&root).unwrap() {
            for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let fixture: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                let bytes = match &fixture["body"] {
                    serde_json::Value::String(raw) => raw.clone().into_bytes(),
                    json => serde_json::to_vec(json).unwrap(),
                };
                let status = fixture["context"]["status"].as_u64().map(|s| s as u16);
                let context = Context { status, vendor: fixture["context"]["vendor"].as_str(), content_type: None };
                let Ok(error) = normalizer.normalize(&bytes, &context) else { continue };
                for locale in errmap_auth::Locale::ALL {
                    let ui = Ui::new(locale);
                    for expose in [Expose::None, Expose::AccountStatus, Expose::All] {
                        for line in [None, Some(7)] {
                            let record = record(&ui, &error, expose, line);
                            let mut ours = Vec::new();
                            record.write_to(&mut ours, &Pasted::default()).unwrap();
                            let (mut kind, mut texts) = (Vec::new(), Vec::new());
                            write_kind(&mut kind, record.kind, record.public_kind, record.http_status);
                            write_texts(&mut texts, &record.message, &record.hint);
                            let mut pasted = Vec::new();
                            record.write_to(&mut pasted, &Pasted { kind: Some(&kind), texts: Some(&texts) }).unwrap();
                            assert_eq!(pasted, ours);
                            let theirs = serde_json::to_vec(&record).unwrap();
                            assert_eq!(
                                String::from_utf8(ours).unwrap(),
                                String::from_utf8(theirs).unwrap(),
                                "{path:?}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} records checked");
    }
}
