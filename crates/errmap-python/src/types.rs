//! The result classes and how each is made from the library's answers. Every class
//! holds owned data, so a result outlives the call and the registry it came from.

use std::collections::BTreeMap;

use errmap_auth as em;
use errmap_auth::{CodeRef, Locale, Messages};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::plain::{Plain, record};

record! {
    /// A vendor code, as every answer shows it.
    Code {
        /// The catalogue id.
        vendor: String,
        /// The code as the vendor writes it.
        code: String,
        symbol: Option<String>,
        /// The canonical kind id.
        kind: &'static str,
        /// How precisely the code means its kind: `exact`, `close`, `narrower`.
        r#match: &'static str,
        /// The vendor's documented text, if any.
        vendor_message: Option<String>,
        /// The code's message in the locale asked for.
        message: String,
        /// Why the code maps as it does, where that needs saying.
        reason: Option<String>,
    }
}

impl Code {
    pub fn new(code: CodeRef<'_>, locale: Locale) -> Code {
        Code {
            vendor: code.catalogue().id().to_string(),
            code: code.code().to_string(),
            symbol: code.symbol().map(str::to_string),
            kind: code.kind().id(),
            r#match: code.kind_match().as_str(),
            vendor_message: code.message().map(str::to_string),
            message: Messages::get().code_message(code, locale).text,
            reason: code.entry().reason().map(str::to_string),
        }
    }
}

record! {
    /// One equivalent of a code in another catalogue.
    Translation {
        /// The code translated, as `vendor:code`.
        source: String,
        /// The target catalogue's id.
        vendor: String,
        /// The target catalogue's name.
        vendor_name: String,
        code: String,
        symbol: Option<String>,
        kind: &'static str,
        r#match: &'static str,
        /// How the target relates to the source: `exact`, `close`, `broader`,
        /// `narrower`, `related`.
        relation: &'static str,
        /// Steps between the two kinds in the taxonomy (0 for the same kind).
        distance: u8,
        /// How sure errmap is of the candidate, 0 to 1.
        confidence: f64,
        /// What the confidence was weighed on, as short sentences.
        evidence: Vec<String>,
        vendor_message: Option<String>,
        message: String,
        reason: Option<String>,
    }
}

impl Translation {
    pub fn new(source: CodeRef<'_>, equivalent: &em::Equivalent<'_>, locale: Locale) -> Translation {
        let code = equivalent.code;
        let assessment = em::assess(source, equivalent);
        Translation {
            source: source.to_string(),
            vendor: code.catalogue().id().to_string(),
            vendor_name: code.catalogue().name().to_string(),
            code: code.code().to_string(),
            symbol: code.symbol().map(str::to_string),
            kind: code.kind().id(),
            r#match: code.kind_match().as_str(),
            relation: equivalent.relation.as_str(),
            distance: equivalent.distance,
            confidence: assessment.confidence,
            evidence: assessment.evidence.iter().map(ToString::to_string).collect(),
            vendor_message: code.message().map(str::to_string),
            message: Messages::get().code_message(code, locale).text,
            reason: code.entry().reason().map(str::to_string),
        }
    }
}

record! {
    /// A code's message in one locale.
    LocalizedText {
        text: String,
        /// The language the text is written in (the vendor's, where errmap has no
        /// translation).
        language: String,
        /// `vendor` (the vendor's own words) or `errmap` (errmap's translation).
        origin: &'static str,
    }
}

record! {
    /// A condition a code stands for, told apart by a secondary field of the body.
    Variant {
        /// A JSON Pointer into the body.
        field: String,
        /// `equals` or `contains`.
        test: &'static str,
        value: String,
        kind: &'static str,
        r#match: &'static str,
        reason: Option<String>,
    }
}

record! {
    /// A vendor setting that changes which code reports a condition.
    Setting {
        name: String,
        merges: Vec<String>,
        into: Option<String>,
        note: String,
    }
}

record! {
    /// Everything errmap knows about one code.
    Explanation {
        locale: &'static str,
        vendor: String,
        vendor_name: String,
        code: String,
        symbol: Option<String>,
        kind: &'static str,
        r#match: &'static str,
        reason: Option<String>,
        /// From the root of the taxonomy down to `kind`.
        kind_path: Vec<&'static str>,
        /// The kind an end user sees when enumeration-prone detail is hidden.
        public_kind: &'static str,
        category: &'static str,
        /// The vendor's documented status if any, else the kind's default.
        http_status: u16,
        vendor_http_status: Option<u16>,
        retryable: bool,
        actor: &'static str,
        vendor_message: Option<String>,
        vendor_language: String,
        description: Option<String>,
        /// The code's message in every shipped locale.
        messages: BTreeMap<&'static str, LocalizedText>,
        kind_message: String,
        kind_hint: String,
        /// Another code of the catalogue for the same condition.
        same_as: Option<String>,
        variants: Vec<Variant>,
        settings: Vec<Setting>,
    }
}

fn variant(variant: &em::catalogue::Variant) -> Variant {
    let test = match variant.test() {
        em::catalogue::VariantTest::Equals(_) => "equals",
        em::catalogue::VariantTest::Contains(_) => "contains",
    };
    Variant {
        field: variant.field().to_string(),
        test,
        value: variant.test().text().to_string(),
        kind: variant.kind().id(),
        r#match: variant.kind_match().as_str(),
        reason: variant.reason().map(str::to_string),
    }
}

fn origin(origin: em::messages::TextOrigin) -> &'static str {
    match origin {
        em::messages::TextOrigin::Vendor => "vendor",
        em::messages::TextOrigin::Errmap => "errmap",
    }
}

impl Explanation {
    pub fn new(code: CodeRef<'_>, locale: Locale) -> Explanation {
        let messages = Messages::get();
        let entry = code.entry();
        let kind = code.kind();
        Explanation {
            locale: locale.tag(),
            vendor: code.catalogue().id().to_string(),
            vendor_name: code.catalogue().name().to_string(),
            code: entry.code().to_string(),
            symbol: entry.symbol().map(str::to_string),
            kind: kind.id(),
            r#match: entry.kind_match().as_str(),
            reason: entry.reason().map(str::to_string),
            kind_path: kind.path().into_iter().map(em::Kind::id).collect(),
            public_kind: kind.public_kind().id(),
            category: kind.category().as_str(),
            http_status: entry.http_status().unwrap_or(kind.http_status()),
            vendor_http_status: entry.http_status(),
            retryable: kind.retryable(),
            actor: kind.actor().as_str(),
            vendor_message: entry.message().map(str::to_string),
            vendor_language: entry.language().to_string(),
            description: entry.description().map(str::to_string),
            messages: Locale::ALL
                .iter()
                .map(|&each| {
                    let text = messages.code_message(code, each);
                    (
                        each.tag(),
                        LocalizedText { text: text.text, language: text.language, origin: origin(text.origin) },
                    )
                })
                .collect(),
            kind_message: messages.kind_message(kind, locale),
            kind_hint: messages.kind_hint(kind, locale),
            same_as: entry.same_as().map(str::to_string),
            variants: entry.variants().iter().map(variant).collect(),
            settings: code
                .catalogue()
                .settings_for(entry.code())
                .map(|setting| Setting {
                    name: setting.name().to_string(),
                    merges: setting.merges().map(str::to_string).collect(),
                    into: setting.into_code().map(str::to_string),
                    note: setting.note().to_string(),
                })
                .collect(),
        }
    }
}

record! {
    /// One result of a search: a vendor code or a canonical kind.
    SearchHit {
        /// `code` or `kind`.
        r#type: &'static str,
        /// The catalogue id; None for a kind.
        vendor: Option<String>,
        /// None for a kind.
        code: Option<String>,
        symbol: Option<String>,
        kind: &'static str,
        /// From 0 to 1, higher is better.
        score: f64,
        /// Which text matched: `code`, `symbol`, `message`, `translation`, `kind_id`,
        /// `kind_message`, `kind_hint`, `kind`.
        field: &'static str,
        /// How it matched: `exact`, `equal`, `template`, `contains`, `in_query`,
        /// `similar`.
        r#match: &'static str,
        /// The text that matched, as stored.
        text: String,
        /// For a template match, the values that fill its placeholders.
        values: Vec<String>,
        /// The code's (or kind's) message in the locale asked for.
        message: String,
    }
}

impl SearchHit {
    pub fn new(hit: &em::search::SearchHit<'_>, locale: Locale) -> SearchHit {
        let code = hit.code();
        SearchHit {
            r#type: if code.is_some() { "code" } else { "kind" },
            vendor: code.map(|c| c.catalogue().id().to_string()),
            code: code.map(|c| c.code().to_string()),
            symbol: code.and_then(|c| c.symbol()).map(str::to_string),
            kind: hit.kind().id(),
            score: hit.score,
            field: hit.field.as_str(),
            r#match: hit.how.as_str(),
            text: hit.text.to_string(),
            values: hit.values.clone(),
            message: match code {
                Some(code) => Messages::get().code_message(code, locale).text,
                None => Messages::get().kind_message(hit.kind(), locale),
            },
        }
    }
}

record! {
    /// One row of a crosswalk: a source code, its best equivalent and how they relate.
    Row {
        source: Code,
        /// None when the target catalogue has no equivalent.
        target: Option<Code>,
        /// `exact`, `close`, `broader`, `narrower`, `related`, or `none` exactly when
        /// `target` is None.
        relation: &'static str,
    }
}

record! {
    /// A catalogue of the registry.
    Catalogue {
        id: String,
        name: String,
        aliases: Vec<String>,
        /// The language the vendor writes its messages in.
        language: String,
        /// How many codes it has.
        codes: usize,
        /// How many of them mean their kind exactly.
        exact: usize,
        /// `exact / codes`, from 0 to 1.
        exact_share: f64,
        builtin: bool,
        /// Where the vendor documents its codes.
        source: Option<String>,
    }
}

impl Catalogue {
    pub fn new(catalogue: &em::Catalogue) -> Catalogue {
        let codes = catalogue.codes().len();
        let exact = catalogue.codes().iter().filter(|c| c.kind_match() == em::KindMatch::Exact).count();
        Catalogue {
            id: catalogue.id().to_string(),
            name: catalogue.name().to_string(),
            aliases: catalogue.aliases().map(str::to_string).collect(),
            language: catalogue.language().to_string(),
            codes,
            exact,
            exact_share: if codes == 0 { 0.0 } else { exact as f64 / codes as f64 },
            builtin: catalogue.is_builtin(),
            source: catalogue.source().map(str::to_string),
        }
    }
}

record! {
    /// A canonical kind of the taxonomy.
    Kind {
        id: &'static str,
        /// The kind above it; None for a root.
        parent: Option<&'static str>,
        /// The kinds right below it, in taxonomy order.
        children: Vec<&'static str>,
        category: &'static str,
        http_status: u16,
        retryable: bool,
        actor: &'static str,
        /// `public`, `account_status` or `enumeration`: what showing the kind reveals.
        exposure: &'static str,
        public_kind: &'static str,
        description: String,
        /// The kind's message in the locale asked for.
        message: String,
        hint: String,
        /// Codes mapped to this kind itself, per catalogue (catalogues without any are
        /// left out).
        codes: BTreeMap<String, usize>,
        /// Codes mapped to this kind or any kind below it.
        total: usize,
    }
}

/// Every kind in taxonomy order (each root followed by its descendants).
pub fn kinds(registry: &em::Registry, locale: Locale) -> Vec<Kind> {
    let count = em::Kind::all().len();
    let mut own: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); count];
    let mut total = vec![0; count];
    for catalogue in registry.catalogues() {
        for code in catalogue.codes() {
            *own[usize::from(code.kind().index())].entry(catalogue.id().to_string()).or_default() += 1;
            for kind in std::iter::once(code.kind()).chain(code.kind().ancestors()) {
                total[usize::from(kind.index())] += 1;
            }
        }
    }
    let messages = Messages::get();
    em::Kind::all()
        .map(|kind| {
            let at = usize::from(kind.index());
            Kind {
                id: kind.id(),
                parent: kind.parent().map(em::Kind::id),
                children: kind.children().map(em::Kind::id).collect(),
                category: kind.category().as_str(),
                http_status: kind.http_status(),
                retryable: kind.retryable(),
                actor: kind.actor().as_str(),
                exposure: kind.exposure().as_str(),
                public_kind: kind.public_kind().id(),
                description: kind.description().to_string(),
                message: messages.kind_message(kind, locale),
                hint: messages.kind_hint(kind, locale),
                codes: std::mem::take(&mut own[at]),
                total: total[at],
            }
        })
        .collect()
}

/// Values from the vendor's message, as a dict of int, float or str.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params(pub Vec<(String, em::normalize::ParamValue)>);

fn param<'py>(py: Python<'py>, value: &em::normalize::ParamValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        // As the library serializes them: whole numbers are integers.
        em::normalize::ParamValue::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => {
            (*n as i64).into_pyobject(py)?.into_any()
        }
        em::normalize::ParamValue::Number(n) => n.into_pyobject(py)?.into_any(),
        em::normalize::ParamValue::Text(text) => text.into_pyobject(py)?.into_any(),
    })
}

impl Plain for Params {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        for (name, value) in &self.0 {
            dict.set_item(name, param(py, value)?)?;
        }
        Ok(dict.into_any())
    }
}

impl<'py> IntoPyObject<'py> for &Params {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.plain(py)
    }
}

/// The JSON decoder the problem documents are read with (order-preserving, unlike a
/// detour through `serde_json::Value`).
fn json_loads(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOADS: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();
    LOADS.import(py, "json", "loads")
}

record! {
    /// One vendor error in canonical form, at the exposure level it was normalized
    /// with: at `none` the kind is the public one, and `code`, `params` and
    /// `vendor_message` are withheld.
    CanonicalError {
        /// The catalogue id, when the vendor was identified.
        vendor: Option<String>,
        /// The vendor's code, verbatim, when the exposure level shows it.
        code: Option<String>,
        /// Whether the code is in the catalogue.
        known: bool,
        /// The kind shown at the exposure level.
        kind: &'static str,
        kind_path: Vec<&'static str>,
        public_kind: &'static str,
        /// The HTTP status to answer with: the visible kind's.
        http_status: u16,
        /// The HTTP status of the vendor's response (from the caller or the body).
        upstream_status: Option<u16>,
        retryable: bool,
        /// How the catalogue or kind was decided: `hint`, `shape`, `code`, `message`,
        /// `status`, `none`.
        detected_by: &'static str,
        /// Why, in a sentence.
        detection: String,
        /// Values from the vendor's message (`remaining`, `minutes`, `seconds`).
        params: Params,
        vendor_message: Option<String>,
        /// The message for the person affected, in `locale`.
        message: String,
        /// What to do next, in `locale`.
        hint: String,
        locale: &'static str,
        /// `none`, `account-status` or `all`.
        expose: &'static str,
    }
    hidden {
        /// The RFC 9457 document at the same locale and exposure.
        problem: em::Problem,
    }
    methods {
        /// The RFC 9457 problem details document (`type`, `title`, `status`, `detail`,
        /// and the members `kind`, `vendor`, `vendor_code`, `retryable`, `params`), as
        /// a dict.
        fn problem<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py)?.call1((self.problem.to_json(),))
        }

        /// The problem document as JSON text, ready to send with
        /// `Content-Type: application/problem+json`.
        fn problem_json(&self) -> String {
            self.problem.to_json()
        }

        /// The `Content-Language` of the problem document.
        #[getter]
        fn content_language(&self) -> &'static str {
            self.problem.content_language()
        }
    }
}

impl CanonicalError {
    pub fn new(error: &em::CanonicalError<'_>, locale: Locale, expose: em::Expose) -> CanonicalError {
        let kind = error.visible_kind(expose);
        CanonicalError {
            vendor: error.vendor().map(str::to_string),
            code: error.visible_code(expose).map(str::to_string),
            known: error.known(),
            kind: kind.id(),
            kind_path: kind.path().into_iter().map(em::Kind::id).collect(),
            public_kind: kind.public_kind().id(),
            http_status: error.http_status(expose),
            upstream_status: error.upstream_status(),
            retryable: kind.retryable(),
            detected_by: error.detected_by().as_str(),
            detection: error.detection().to_string(),
            params: Params(error.visible_params(expose).to_vec()),
            vendor_message: if expose == em::Expose::None { None } else { error.vendor_message().map(str::to_string) },
            message: error.message(locale, expose),
            hint: error.hint(locale, expose),
            locale: locale.tag(),
            expose: expose.as_str(),
            problem: error.problem(locale, expose, &em::ProblemOptions::default()),
        }
    }
}
