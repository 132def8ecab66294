//! The enumeration matrix: at exposure `none`, nothing an end user or a log reader sees
//! may tell a missing user from a wrong password, a locked or disabled account, or any
//! other condition whose kind is hidden at that level.
//!
//! For every built-in catalogue and every body shape of its own, each code (and each
//! condition a code's variants tell apart) is wrapped in a body of that shape with the
//! vendor's documented message and status. Bodies whose precise kind collapses to the
//! same public kind at `none` form one group; within a group every output must be
//! byte-identical: the library's problem documents and `ErrorInfo` in every locale, the
//! CLI's `json`, `text` and `problem` output (stdout, stderr and exit code), its
//! `--jsonl` records in both formats, and the tower Layer's status, headers and body.
//! Each body is tried with its vendor named (as a gateway route does) and detected.

mod common;

use std::collections::BTreeMap;

use errmap_auth::catalogue::BodyShape;
use errmap_auth::{Catalogue, Code, Context, Expose, Kind, Locale, Normalizer, ProblemOptions, Registry};
use serde_json::{Map, Value, json};

/// One vendor body of a hidden condition, or of the public kind it collapses to.
struct Case {
    /// `vendor:code`, with the variant's text when a variant decides the condition.
    label: String,
    /// The vendor named with the body, or `None` to detect it.
    hint: Option<&'static str>,
    body: Vec<u8>,
    /// The status the vendor answers with.
    status: u16,
    /// The condition's precise kind, as exposure `all` shows it.
    kind: Kind,
}

/// The bodies that must look alike at `none`: one catalogue, one shape, one way of
/// naming the vendor, one public kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Group {
    catalogue: &'static str,
    shape: &'static str,
    hinted: bool,
    visible: &'static str,
}

/// Sets the value at a JSON Pointer, creating the objects and arrays on the way.
fn set_pointer(root: &mut Value, pointer: &str, new: Value) {
    let mut node = root;
    let tokens: Vec<String> = pointer
        .strip_prefix('/')
        .unwrap_or_else(|| panic!("{pointer:?} is not a JSON Pointer"))
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    for token in &tokens {
        let index = token.parse::<usize>().ok();
        let fits = matches!((&*node, index), (Value::Array(_), Some(_)) | (Value::Object(_), _));
        if !fits {
            *node = if index.is_some() { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        }
        node = match (node, index) {
            (Value::Array(items), Some(at)) => {
                if items.len() <= at {
                    items.resize(at + 1, Value::Null);
                }
                &mut items[at]
            }
            (Value::Object(members), _) => members.entry(token.clone()).or_insert(Value::Null),
            _ => unreachable!("the node was just made to fit"),
        };
    }
    *node = new;
}

/// A body of `shape` carrying `code`, `message` and, where the shape repeats it, the
/// status.
fn wrap(shape: &BodyShape, code: &Code, message: Option<&str>) -> Value {
    let mut body = Value::Object(Map::new());
    let digits = code.code().bytes().all(|b| b.is_ascii_digit()) && !code.code().starts_with('0');
    let value = match code.code().parse::<u64>() {
        Ok(n) if digits => json!(n),
        _ => json!(code.code()),
    };
    set_pointer(&mut body, shape.code().expect("a shape with a code"), value);
    if let (Some(pointer), Some(message)) = (shape.message(), message) {
        set_pointer(&mut body, pointer, json!(message));
    }
    for pointer in shape.present() {
        if body.pointer(pointer).is_none() {
            let value =
                if Some(pointer) == shape.status() { json!(code.http_status().unwrap_or(400)) } else { Value::Null };
            set_pointer(&mut body, pointer, value);
        }
    }
    body
}

/// Whether `kind` is one exposure `none` hides, or the public kind one collapses to.
fn concerned(kind: Kind) -> bool {
    Kind::all().any(|hidden| Expose::None.visible(hidden) != hidden && hidden.public_kind() == kind)
        || Expose::None.visible(kind) != kind
}

/// Every case of the matrix, by group; only groups with a hidden condition and at
/// least two bodies.
fn matrix() -> BTreeMap<Group, Vec<Case>> {
    let registry = Registry::builtin();
    let normalizer = Normalizer::default();
    let mut groups: BTreeMap<Group, Vec<Case>> = BTreeMap::new();
    for catalogue in registry.catalogues() {
        let catalogue: &'static Catalogue = catalogue;
        for shape in catalogue.bodies().iter().filter(|s| s.code().is_some() && s.codes_from().is_none()) {
            for code in catalogue.codes() {
                // The documented message, then each variant's condition in its field.
                let mut bodies = vec![(code.code().to_string(), wrap(shape, code, code.message()))];
                for variant in code.variants() {
                    let mut body = wrap(shape, code, code.message());
                    set_pointer(&mut body, variant.field(), json!(variant.test().text()));
                    bodies.push((format!("{} ({:?})", code.code(), variant.test().text()), body));
                }
                // A code sent only in a redirect (a 3xx status) never arrives as an error body.
                if code.http_status().is_some_and(|s| s < 400) {
                    continue;
                }
                // In a shape many vendors use, a code that several catalogues define does not
                // say whose it is: only a gateway that names its vendor can tell them apart.
                let shared = registry.catalogues().iter().filter(|c| c.get(code.code()).is_some()).count() > 1;
                let hints: &[Option<&'static str>] =
                    if shape.is_generic() && shared { &[Some(catalogue.id())] } else { &[Some(catalogue.id()), None] };
                for (label, body) in bodies {
                    let bytes = serde_json::to_vec(&body).expect("a JSON value");
                    let status = code.http_status().unwrap_or(400);
                    // The condition, as the vendor named with its body decides it.
                    let named = Context::default().vendor(catalogue.id()).status(status);
                    let Ok(truth) = normalizer.normalize(&bytes, &named) else { continue };
                    if truth.vendor() != Some(catalogue.id()) || !concerned(truth.kind()) {
                        continue;
                    }
                    for &hint in hints {
                        let group = Group {
                            catalogue: catalogue.id(),
                            shape: shape.name(),
                            hinted: hint.is_some(),
                            visible: Expose::None.visible(truth.kind()).id(),
                        };
                        let case = Case {
                            label: format!("{}:{label}", catalogue.id()),
                            hint,
                            body: bytes.clone(),
                            status,
                            kind: truth.kind(),
                        };
                        groups.entry(group).or_default().push(case);
                    }
                }
            }
        }
    }
    groups.retain(|_, cases| cases.len() > 1 && cases.iter().any(|c| Expose::None.visible(c.kind) != c.kind));
    groups
}

/// Checks that `render` gives every case of each group the same output; returns the
/// differences found, one line each.
fn compare<T: PartialEq + std::fmt::Debug>(
    surface: &str,
    groups: &BTreeMap<Group, Vec<Case>>,
    mut render: impl FnMut(&Case) -> T,
) -> Vec<String> {
    let mut differences = Vec::new();
    for (group, cases) in groups {
        let first = render(&cases[0]);
        for case in &cases[1..] {
            let other = render(case);
            if other != first {
                differences.push(format!(
                    "{surface} {group:?}: {} ({}) vs {} ({}):\n  {first:?}\n  {other:?}",
                    cases[0].label, cases[0].kind, case.label, case.kind
                ));
            }
        }
    }
    differences
}

fn assert_none(differences: Vec<String>) {
    assert!(
        differences.is_empty(),
        "{} outputs tell conditions apart at exposure none:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

fn context(case: &Case) -> Context<'_> {
    Context { status: Some(case.status), vendor: case.hint, content_type: Some("application/json") }
}

#[test]
fn the_matrix_covers_every_catalogue_with_hidden_conditions() {
    let groups = matrix();
    let mut kinds: BTreeMap<&str, std::collections::BTreeSet<Kind>> = BTreeMap::new();
    for (group, cases) in &groups {
        kinds.entry(group.catalogue).or_default().extend(cases.iter().map(|c| c.kind));
    }
    // Every catalogue that documents a hidden condition and the public kind it hides
    // behind (or a second hidden one) is in the matrix.
    for catalogue in Registry::builtin().catalogues() {
        let mut documented: std::collections::BTreeSet<Kind> =
            catalogue.codes().iter().map(Code::kind).filter(|&k| concerned(k)).collect();
        documented.extend(catalogue.codes().iter().flat_map(|c| c.variants().iter().map(|v| v.kind())));
        let hidden = documented.iter().filter(|&&k| Expose::None.visible(k) != k).count();
        if hidden > 0 && documented.len() > 1 {
            assert!(kinds.contains_key(catalogue.id()), "{} is missing from the matrix", catalogue.id());
        }
    }
    let user_not_found = kinds.values().filter(|k| k.contains(&Kind::USER_NOT_FOUND)).count();
    assert!(user_not_found >= 8, "only {user_not_found} catalogues pair a missing user with another condition");
    let cases: usize = groups.values().map(Vec::len).sum();
    assert!(cases >= 200, "only {cases} cases");
}

/// Everything the library renders for `case` at `expose`: the problem document,
/// message and hint in every locale, the `ErrorInfo`, and each `visible_*` member.
fn library_rendering(normalizer: &Normalizer<'_>, case: &Case, expose: Expose) -> Vec<String> {
    let options = ProblemOptions::default();
    let error = normalizer.normalize(&case.body, &context(case)).expect("a body under the limit");
    let mut rendered = Vec::new();
    for locale in Locale::ALL {
        rendered.push(error.problem(locale, expose, &options).to_json());
        rendered.push(error.message(locale, expose));
        rendered.push(error.hint(locale, expose));
    }
    rendered.push(serde_json::to_string(&error.error_info(expose, &options)).expect("JSON"));
    rendered.push(format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
        error.visible_vendor(expose),
        error.visible_code(expose),
        error.visible_known(expose),
        error.visible_detected_by(expose),
        error.visible_detection(expose),
        error.visible_upstream_status(expose),
        error.visible_vendor_message(expose),
        error.visible_params(expose),
        error.http_status(expose),
    ));
    rendered
}

#[test]
fn the_library_renders_every_group_alike_in_every_locale() {
    let groups = matrix();
    let normalizer = Normalizer::default();
    assert_none(compare("library", &groups, |case| library_rendering(&normalizer, case, Expose::None)));
}

/// The matrix can fail: at exposure `all`, which shows everything, every group has
/// bodies whose renderings differ.
#[test]
fn at_exposure_all_every_group_tells_its_conditions_apart() {
    let groups = matrix();
    let normalizer = Normalizer::default();
    let differences = compare("library", &groups, |case| library_rendering(&normalizer, case, Expose::All));
    for group in groups.keys() {
        let prefix = format!("library {group:?}:");
        assert!(differences.iter().any(|d| d.starts_with(&prefix)), "{group:?} looks alike even at exposure all");
    }
}

/// What one run of the binary shows.
#[derive(Debug, PartialEq)]
struct Shown {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `errmap` with `args` and `input` on standard input.
fn errmap(args: &[&str], input: &[u8]) -> Shown {
    let output = common::errmap().args(args).write_stdin(input.to_vec()).output().expect("the errmap binary runs");
    Shown {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn the_cli_shows_every_group_alike_in_json_text_and_problem() {
    let groups = matrix();
    let mut differences = Vec::new();
    for format in ["json", "text", "problem"] {
        differences.extend(compare(&format!("errmap normalize --format {format}"), &groups, |case| {
            let status = case.status.to_string();
            let mut args = vec!["normalize", "--expose", "none", "--format", format, "--status", &status];
            if let Some(vendor) = case.hint {
                args.extend(["--vendor", vendor]);
            }
            errmap(&args, &case.body)
        }));
    }
    assert_none(differences);
}

#[test]
fn the_cli_writes_every_group_alike_as_jsonl_records() {
    let groups = matrix();
    // One stream of all the cases, as records; each output line is compared without
    // its line number.
    let cases: Vec<&Case> = groups.values().flatten().collect();
    let mut input = Vec::new();
    for case in &cases {
        let mut record = json!({ "body": String::from_utf8_lossy(&case.body), "status": case.status });
        if let Some(vendor) = case.hint {
            record["vendor"] = json!(vendor);
        }
        serde_json::to_writer(&mut input, &record).expect("JSON");
        input.push(b'\n');
    }
    let mut differences = Vec::new();
    for format in ["json", "problem"] {
        let shown = errmap(&["normalize", "--jsonl", "--expose", "none", "--format", format], &input);
        assert_eq!(shown.code, Some(0), "{}", shown.stderr);
        let lines: Vec<&str> = shown.stdout.lines().collect();
        assert_eq!(lines.len(), cases.len(), "one record per case");
        let records: BTreeMap<*const Case, String> = cases
            .iter()
            .zip(&lines)
            .map(|(case, line)| {
                let mut record: Value = serde_json::from_str(line).expect("a JSON record");
                if let Some(members) = record.as_object_mut() {
                    members.remove("line");
                }
                (*case as *const Case, record.to_string())
            })
            .collect();
        differences.extend(compare(&format!("errmap normalize --jsonl --format {format}"), &groups, |case| {
            records[&(case as *const Case)].clone()
        }));
    }
    assert_none(differences);
}

/// The summary `--jsonl` writes to standard error counts vendors and unknown codes:
/// a stream of one record must not tell the conditions apart either.
#[test]
fn the_cli_summarizes_every_group_alike() {
    let groups = matrix();
    assert_none(compare("errmap normalize --jsonl (standard error)", &groups, |case| {
        let mut record = json!({ "body": String::from_utf8_lossy(&case.body), "status": case.status });
        if let Some(vendor) = case.hint {
            record["vendor"] = json!(vendor);
        }
        let shown = errmap(&["normalize", "--jsonl", "--expose", "none"], record.to_string().as_bytes());
        (shown.code, shown.stderr)
    }));
}

#[cfg(feature = "tower")]
mod layer {
    use std::convert::Infallible;

    use bytes::Bytes;
    use errmap_auth::tower::ErrmapLayer;
    use http::{HeaderValue, Request, Response, StatusCode, header};
    use http_body_util::{BodyExt, Full};
    use tower::{Layer, ServiceExt, service_fn};

    use super::{Case, assert_none, compare, matrix};

    /// Left by the upstream in its response's extensions, as hyper leaves the reason
    /// phrase it read; a rewritten response must not carry it on.
    #[derive(Clone)]
    struct UpstreamExtension(#[allow(dead_code)] String);

    /// The upstream's response for `case`, with the headers vendors send that differ
    /// by condition.
    fn upstream(case: &Case) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(Bytes::from(case.body.clone())));
        *response.status_mut() = StatusCode::from_u16(case.status).expect("a documented status");
        let headers = response.headers_mut();
        let label =
            HeaderValue::from_str(&case.label.replace(|c: char| !c.is_ascii_graphic(), "_")).expect("an ASCII label");
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert("x-amzn-errortype", label.clone());
        headers.insert(header::SET_COOKIE, label.clone());
        headers.insert("x-ratelimit-remaining", HeaderValue::from(case.body.len()));
        headers.insert(header::ETAG, label.clone());
        headers.insert(header::WWW_AUTHENTICATE, label);
        response.extensions_mut().insert(UpstreamExtension(case.label.clone()));
        response
    }

    /// What a client of the layer sees: the status, every header, the body; and
    /// whether the upstream's extension came through.
    #[derive(Debug, PartialEq)]
    struct Answer {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
        extension: bool,
    }

    #[tokio::test]
    async fn the_layer_answers_every_group_alike() {
        let groups = matrix();
        let mut answers = std::collections::HashMap::new();
        for case in groups.values().flatten() {
            let layer = match case.hint {
                Some(vendor) => ErrmapLayer::default().vendor(vendor).expect("a built-in catalogue"),
                None => ErrmapLayer::default(),
            };
            let response = upstream(case);
            let service = layer.layer(service_fn(move |_: Request<()>| {
                let response = response.clone();
                async move { Ok::<_, Infallible>(response) }
            }));
            let mut request = Request::new(());
            request.headers_mut().insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("zh-CN, en;q=0.5"));
            let answer = service.oneshot(request).await.expect("the layer never fails");
            let (parts, body) = answer.into_parts();
            let mut headers: Vec<(String, String)> = parts
                .headers
                .iter()
                .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
                .collect();
            headers.sort();
            let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            let answer = Answer {
                status: parts.status.as_u16(),
                headers,
                body: String::from_utf8_lossy(&body).into_owned(),
                extension: parts.extensions.get::<UpstreamExtension>().is_some(),
            };
            assert!(!answer.extension, "{}: the upstream's extensions came through", case.label);
            answers.insert(case as *const Case, answer);
        }
        assert_none(compare("the tower layer", &groups, |case| {
            let answer = &answers[&(case as *const Case)];
            (answer.status, answer.headers.clone(), answer.body.clone())
        }));
    }
}
