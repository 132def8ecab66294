//! The plain objects the functions return, as `#[napi(object)]` structs: each becomes
//! a TypeScript interface in the generated `index.d.ts`. Every one holds owned data.

use std::collections::BTreeMap;

use errmap_auth as em;
use errmap_auth::{CodeRef, Locale, Messages};
use napi_derive::napi;

/// A vendor code, as every answer shows it.
#[napi(object)]
pub struct Code {
    /// The catalogue id.
    pub vendor: String,
    /// The code as the vendor writes it.
    pub code: String,
    pub symbol: Option<String>,
    /// The canonical kind id.
    #[napi(ts_type = "Kind")]
    pub kind: String,
    /// How precisely the code means its kind.
    #[napi(js_name = "match", ts_type = "KindMatch")]
    pub kind_match: String,
    /// The vendor's documented text, if any.
    pub vendor_message: Option<String>,
    /// The code's message in the locale asked for.
    pub message: String,
    /// Why the code maps as it does, where that needs saying.
    pub reason: Option<String>,
}

impl Code {
    pub fn new(code: CodeRef<'_>, locale: Locale) -> Code {
        Code {
            vendor: code.catalogue().id().to_string(),
            code: code.code().to_string(),
            symbol: code.symbol().map(str::to_string),
            kind: code.kind().id().to_string(),
            kind_match: code.kind_match().as_str().to_string(),
            vendor_message: code.message().map(str::to_string),
            message: Messages::get().code_message(code, locale).text,
            reason: code.entry().reason().map(str::to_string),
        }
    }
}

/// One equivalent of a code in another catalogue, with how sure errmap is of it.
#[napi(object)]
pub struct Translation {
    /// The code translated, as `vendor:code`.
    pub source: String,
    /// The target catalogue's id.
    pub vendor: String,
    /// The target catalogue's name.
    pub vendor_name: String,
    pub code: String,
    pub symbol: Option<String>,
    #[napi(ts_type = "Kind")]
    pub kind: String,
    #[napi(js_name = "match", ts_type = "KindMatch")]
    pub kind_match: String,
    /// How the target relates to the source.
    #[napi(ts_type = "Relation")]
    pub relation: String,
    /// Steps between the two kinds in the taxonomy (0 for the same kind).
    pub distance: u32,
    /// From 0 (a guess) to 1 (the same code), weighed by `errmap_auth::assess`.
    pub confidence: f64,
    /// Whether the confidence is below 0.5: check the candidate before relying on it.
    pub weak: bool,
    /// What the confidence was weighed on, strongest first, as short sentences.
    pub evidence: Vec<String>,
    pub vendor_message: Option<String>,
    pub message: String,
    pub reason: Option<String>,
}

impl Translation {
    pub fn new(source: CodeRef<'_>, name: &str, equivalent: &em::Equivalent<'_>, locale: Locale) -> Translation {
        let code = equivalent.code;
        let assessment = em::assess(source, equivalent);
        Translation {
            source: name.to_string(),
            vendor: code.catalogue().id().to_string(),
            vendor_name: code.catalogue().name().to_string(),
            code: code.code().to_string(),
            symbol: code.symbol().map(str::to_string),
            kind: code.kind().id().to_string(),
            kind_match: code.kind_match().as_str().to_string(),
            relation: equivalent.relation.as_str().to_string(),
            distance: u32::from(equivalent.distance),
            confidence: assessment.confidence,
            weak: assessment.is_weak(),
            evidence: assessment.evidence.iter().map(ToString::to_string).collect(),
            vendor_message: code.message().map(str::to_string),
            message: Messages::get().code_message(code, locale).text,
            reason: code.entry().reason().map(str::to_string),
        }
    }
}

/// A code's message in one locale.
#[napi(object)]
pub struct LocalizedText {
    pub text: String,
    /// The language the text is written in (the vendor's, where errmap has no
    /// translation).
    pub language: String,
    /// `vendor` (the vendor's own words) or `errmap` (errmap's translation).
    #[napi(ts_type = "\"vendor\" | \"errmap\"")]
    pub origin: String,
}

/// A condition a code stands for, told apart by a secondary field of the body.
#[napi(object)]
pub struct Variant {
    /// A JSON Pointer into the body.
    pub field: String,
    #[napi(ts_type = "\"equals\" | \"contains\"")]
    pub test: String,
    pub value: String,
    #[napi(ts_type = "Kind")]
    pub kind: String,
    #[napi(js_name = "match", ts_type = "KindMatch")]
    pub kind_match: String,
    pub reason: Option<String>,
}

/// A vendor setting that changes which code reports a condition.
#[napi(object)]
pub struct Setting {
    pub name: String,
    pub merges: Vec<String>,
    pub into: Option<String>,
    pub note: String,
}

/// Everything errmap knows about one code.
#[napi(object)]
pub struct Explanation {
    #[napi(ts_type = "Locale")]
    pub locale: String,
    pub vendor: String,
    pub vendor_name: String,
    pub code: String,
    pub symbol: Option<String>,
    #[napi(ts_type = "Kind")]
    pub kind: String,
    #[napi(js_name = "match", ts_type = "KindMatch")]
    pub kind_match: String,
    pub reason: Option<String>,
    /// From the root of the taxonomy down to `kind`.
    #[napi(ts_type = "Kind[]")]
    pub kind_path: Vec<String>,
    /// The kind an end user sees when enumeration-prone detail is hidden.
    #[napi(ts_type = "Kind")]
    pub public_kind: String,
    pub category: String,
    /// The vendor's documented status if any, else the kind's default.
    pub http_status: u32,
    pub vendor_http_status: Option<u32>,
    pub retryable: bool,
    pub actor: String,
    pub vendor_message: Option<String>,
    pub vendor_language: String,
    pub description: Option<String>,
    /// The code's message in every shipped locale.
    #[napi(ts_type = "Record<Locale, LocalizedText>")]
    pub messages: BTreeMap<String, LocalizedText>,
    pub kind_message: String,
    pub kind_hint: String,
    /// Another code of the catalogue for the same condition.
    pub same_as: Option<String>,
    pub variants: Vec<Variant>,
    pub settings: Vec<Setting>,
}

fn variant(variant: &em::catalogue::Variant) -> Variant {
    let test = match variant.test() {
        em::catalogue::VariantTest::Equals(_) => "equals",
        em::catalogue::VariantTest::Contains(_) => "contains",
    };
    Variant {
        field: variant.field().to_string(),
        test: test.to_string(),
        value: variant.test().text().to_string(),
        kind: variant.kind().id().to_string(),
        kind_match: variant.kind_match().as_str().to_string(),
        reason: variant.reason().map(str::to_string),
    }
}

fn origin(origin: em::messages::TextOrigin) -> &'static str {
    match origin {
        em::messages::TextOrigin::Vendor => "vendor",
        em::messages::TextOrigin::Errmap => "errmap",
    }
}

fn ids(kinds: impl IntoIterator<Item = em::Kind>) -> Vec<String> {
    kinds.into_iter().map(|k| k.id().to_string()).collect()
}

impl Explanation {
    pub fn new(code: CodeRef<'_>, locale: Locale) -> Explanation {
        let messages = Messages::get();
        let entry = code.entry();
        let kind = code.kind();
        Explanation {
            locale: locale.tag().to_string(),
            vendor: code.catalogue().id().to_string(),
            vendor_name: code.catalogue().name().to_string(),
            code: entry.code().to_string(),
            symbol: entry.symbol().map(str::to_string),
            kind: kind.id().to_string(),
            kind_match: entry.kind_match().as_str().to_string(),
            reason: entry.reason().map(str::to_string),
            kind_path: ids(kind.path()),
            public_kind: kind.public_kind().id().to_string(),
            category: kind.category().as_str().to_string(),
            http_status: u32::from(entry.http_status().unwrap_or(kind.http_status())),
            vendor_http_status: entry.http_status().map(u32::from),
            retryable: kind.retryable(),
            actor: kind.actor().as_str().to_string(),
            vendor_message: entry.message().map(str::to_string),
            vendor_language: entry.language().to_string(),
            description: entry.description().map(str::to_string),
            messages: Locale::ALL
                .iter()
                .map(|&each| {
                    let text = messages.code_message(code, each);
                    (
                        each.tag().to_string(),
                        LocalizedText {
                            text: text.text,
                            language: text.language.to_string(),
                            origin: origin(text.origin).to_string(),
                        },
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

/// One result of a search: a vendor code or a canonical kind.
#[napi(object)]
pub struct SearchHit {
    #[napi(js_name = "type", ts_type = "\"code\" | \"kind\"")]
    pub hit_type: String,
    /// The catalogue id; absent for a kind.
    pub vendor: Option<String>,
    /// Absent for a kind.
    pub code: Option<String>,
    pub symbol: Option<String>,
    #[napi(ts_type = "Kind")]
    pub kind: String,
    /// From 0 to 1, higher is better.
    pub score: f64,
    /// Which text matched: `code`, `symbol`, `message`, `translation`, `kind_id`,
    /// `kind_message`, `kind_hint`, `kind`.
    pub field: String,
    /// How it matched: `exact`, `equal`, `template`, `contains`, `in_query`, `similar`.
    #[napi(js_name = "match")]
    pub how: String,
    /// The text that matched, as stored.
    pub text: String,
    /// For a template match, the values that fill its placeholders.
    pub values: Vec<String>,
    /// The code's (or kind's) message in the locale asked for.
    pub message: String,
}

impl SearchHit {
    pub fn new(hit: &em::search::SearchHit<'_>, locale: Locale) -> SearchHit {
        let code = hit.code();
        SearchHit {
            hit_type: if code.is_some() { "code" } else { "kind" }.to_string(),
            vendor: code.map(|c| c.catalogue().id().to_string()),
            code: code.map(|c| c.code().to_string()),
            symbol: code.and_then(|c| c.symbol()).map(str::to_string),
            kind: hit.kind().id().to_string(),
            score: hit.score,
            field: hit.field.as_str().to_string(),
            how: hit.how.as_str().to_string(),
            text: hit.text.to_string(),
            values: hit.values.clone(),
            message: match code {
                Some(code) => Messages::get().code_message(code, locale).text,
                None => Messages::get().kind_message(hit.kind(), locale),
            },
        }
    }
}

/// One row of a crosswalk: a source code, its best equivalent and how they relate.
#[napi(object)]
pub struct Row {
    pub source: Code,
    /// Absent when the target catalogue has no equivalent.
    pub target: Option<Code>,
    /// `none` exactly when `target` is absent.
    #[napi(ts_type = "Relation | \"none\"")]
    pub relation: String,
    /// How sure errmap is of the target (absent with it).
    pub confidence: Option<f64>,
    /// What the confidence was weighed on.
    pub evidence: Vec<String>,
}

/// A catalogue of the registry.
#[napi(object)]
pub struct Catalogue {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The language the vendor writes its messages in.
    pub language: String,
    /// How many codes it has.
    pub codes: u32,
    /// How many of them mean their kind exactly.
    pub exact: u32,
    /// `exact / codes`, from 0 to 1.
    pub exact_share: f64,
    pub builtin: bool,
    /// Where the vendor documents its codes.
    pub source: Option<String>,
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
            codes: u32::try_from(codes).unwrap_or(u32::MAX),
            exact: u32::try_from(exact).unwrap_or(u32::MAX),
            exact_share: if codes == 0 { 0.0 } else { exact as f64 / codes as f64 },
            builtin: catalogue.is_builtin(),
            source: catalogue.source().map(str::to_string),
        }
    }
}

/// A canonical kind of the taxonomy.
#[napi(object)]
pub struct KindInfo {
    #[napi(ts_type = "Kind")]
    pub id: String,
    /// The kind above it; absent for a root.
    #[napi(ts_type = "Kind")]
    pub parent: Option<String>,
    /// The kinds right below it, in taxonomy order.
    #[napi(ts_type = "Kind[]")]
    pub children: Vec<String>,
    pub category: String,
    pub http_status: u32,
    pub retryable: bool,
    pub actor: String,
    /// `public`, `account_status` or `enumeration`: what showing the kind reveals.
    #[napi(ts_type = "\"public\" | \"account_status\" | \"enumeration\"")]
    pub exposure: String,
    #[napi(ts_type = "Kind")]
    pub public_kind: String,
    pub description: String,
    /// The kind's message in the locale asked for.
    pub message: String,
    pub hint: String,
    /// Codes mapped to this kind itself, per catalogue (catalogues without any are
    /// left out).
    pub codes: BTreeMap<String, u32>,
    /// Codes mapped to this kind or any kind below it.
    pub total: u32,
}

/// Every kind in taxonomy order (each root followed by its descendants).
pub fn kinds(registry: &em::Registry, locale: Locale) -> Vec<KindInfo> {
    let count = em::Kind::all().len();
    let mut own: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); count];
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
            KindInfo {
                id: kind.id().to_string(),
                parent: kind.parent().map(|p| p.id().to_string()),
                children: ids(kind.children()),
                category: kind.category().as_str().to_string(),
                http_status: u32::from(kind.http_status()),
                retryable: kind.retryable(),
                actor: kind.actor().as_str().to_string(),
                exposure: kind.exposure().as_str().to_string(),
                public_kind: kind.public_kind().id().to_string(),
                description: kind.description().to_string(),
                message: messages.kind_message(kind, locale),
                hint: messages.kind_hint(kind, locale),
                codes: std::mem::take(&mut own[at]),
                total: total[at],
            }
        })
        .collect()
}
