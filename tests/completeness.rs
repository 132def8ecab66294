//! The built-in catalogues hold exactly the codes of the vendors' documents, with the
//! vendors' own words.
//!
//! The five seed documents are kept unchanged in `tests/fixtures/seeds/` and parsed here
//! by small parsers of their own (markdown tables, and OneAccess's one-field-per-line
//! records), independent of `mappings/` and of the library. Every code of a document
//! must be in its catalogue with the same message, symbol, description and HTTP
//! status, and a catalogue must hold no code its document lacks.

use std::collections::{BTreeMap, HashSet};

use errmap_auth::{Catalogue, KindMatch, Registry};

/// One code as a vendor document gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    code: String,
    message: String,
    symbol: Option<String>,
    /// A longer text the document gives besides the message, when it has a column for it.
    description: Option<String>,
    http_status: Option<u16>,
}

/// A seed document and the catalogue built from it.
struct Document {
    catalogue: &'static str,
    file: &'static str,
    text: &'static str,
    /// How many codes the document lists: the numbers are part of the test, checked
    /// against both the parser and the catalogue.
    expected: usize,
    parse: fn(&str) -> Vec<Entry>,
}

const DOCUMENTS: [Document; 5] = [
    Document {
        catalogue: "authing",
        file: "000_417759d10b22f394.txt",
        text: include_str!("fixtures/seeds/000_417759d10b22f394.txt"),
        expected: 37,
        parse: parse_authing,
    },
    Document {
        catalogue: "authing-v2",
        file: "001_82eea56d29cdb4b2.txt",
        text: include_str!("fixtures/seeds/001_82eea56d29cdb4b2.txt"),
        expected: 99,
        parse: parse_authing_v2,
    },
    Document {
        catalogue: "oneaccess",
        file: "002_3d1eae177478405b.txt",
        text: include_str!("fixtures/seeds/002_3d1eae177478405b.txt"),
        expected: 75,
        parse: parse_oneaccess,
    },
    Document {
        catalogue: "authing-android",
        file: "003_0a95129f3bc70983.txt",
        text: include_str!("fixtures/seeds/003_0a95129f3bc70983.txt"),
        expected: 15,
        parse: parse_authing_android,
    },
    Document {
        catalogue: "wilddog",
        file: "004_3ae418d29831faeb.txt",
        text: include_str!("fixtures/seeds/004_3ae418d29831faeb.txt"),
        expected: 57,
        parse: parse_wilddog,
    },
];

// --- Markdown tables ------------------------------------------------------------------

/// A markdown table: the header cells and the body rows, cells trimmed and unescaped.
#[derive(Debug)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in a table with columns {:?}", self.header))
    }
}

/// Splits one table line into cells. `|` separates cells unless escaped; a backslash
/// before ASCII punctuation is a markdown escape and stands for the character itself.
fn split_row(line: &str) -> Vec<String> {
    let line = line.trim();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars();
    let mut ends_with_separator = false;
    while let Some(c) = chars.next() {
        ends_with_separator = false;
        match c {
            '\\' => match chars.next() {
                Some(next) if next.is_ascii_punctuation() => cell.push(next),
                Some(next) => {
                    cell.push('\\');
                    cell.push(next);
                }
                None => cell.push('\\'),
            },
            '|' => {
                cells.push(cell.trim().to_string());
                cell.clear();
                ends_with_separator = true;
            }
            c => cell.push(c),
        }
    }
    if !ends_with_separator {
        cells.push(cell.trim().to_string());
    }
    // The leading `|` opens the first cell rather than closing an empty one.
    if line.starts_with('|') {
        cells.remove(0);
    }
    cells
}

fn is_delimiter_row(cells: &[String]) -> bool {
    cells.iter().all(|c| {
        let inner = c.trim_start_matches(':').trim_end_matches(':');
        !inner.is_empty() && inner.chars().all(|ch| ch == '-')
    })
}

/// Every markdown table of a document, in order, outside code fences.
fn tables(text: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut current: Option<Vec<Vec<String>>> = None;
    let mut in_fence = false;
    for line in text.lines().chain(std::iter::once("")) {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && trimmed.starts_with('|') {
            current.get_or_insert_with(Vec::new).push(split_row(trimmed));
            continue;
        }
        if let Some(lines) = current.take() {
            let mut lines = lines.into_iter();
            let header = lines.next().expect("a table has a header row");
            let delimiter = lines.next().unwrap_or_default();
            assert!(is_delimiter_row(&delimiter), "the table with header {header:?} has no delimiter row");
            let rows: Vec<Vec<String>> = lines.collect();
            for row in &rows {
                assert_eq!(row.len(), header.len(), "row {row:?} does not have the columns {header:?}");
            }
            tables.push(Table { header, rows });
        }
    }
    tables
}

/// The rows of a table as entries: the code and message columns, and optionally the
/// symbol and description columns.
fn table_entries(
    table: &Table,
    code: &str,
    message: &str,
    symbol: Option<&str>,
    description: Option<&str>,
) -> Vec<Entry> {
    let code = table.column(code);
    let message = table.column(message);
    let symbol = symbol.map(|s| table.column(s));
    let description = description.map(|d| table.column(d));
    table
        .rows
        .iter()
        .map(|row| Entry {
            code: row[code].clone(),
            message: row[message].clone(),
            symbol: symbol.map(|s| row[s].clone()),
            description: description.map(|d| row[d].clone()),
            http_status: None,
        })
        .collect()
}

fn exactly<const N: usize>(text: &str) -> [Table; N] {
    let found = tables(text);
    let count = found.len();
    found.try_into().unwrap_or_else(|_| panic!("expected {N} tables, found {count}"))
}

fn parse_authing(text: &str) -> Vec<Entry> {
    let [table] = exactly::<1>(text);
    table_entries(&table, "apiCode", "描述", None, None)
}

fn parse_authing_v2(text: &str) -> Vec<Entry> {
    let [table] = exactly::<1>(text);
    table_entries(&table, "代码", "描述", None, None)
}

/// Two tables: Authing codes the SDK passes on (the 说明 column is the message), then the
/// SDK's own codes, whose message is the Message column and whose 说明 is a description.
fn parse_authing_android(text: &str) -> Vec<Entry> {
    let [passed_on, own] = exactly::<2>(text);
    let mut entries = table_entries(&passed_on, "Code", "说明", None, None);
    entries.extend(table_entries(&own, "Code", "Message", None, Some("说明")));
    entries
}

fn parse_wilddog(text: &str) -> Vec<Entry> {
    let [table] = exactly::<1>(text);
    table_entries(&table, "错误码", "描述", Some("错误信息"), None)
}

// --- OneAccess records ----------------------------------------------------------------

fn is_status_line(line: &str) -> bool {
    line.len() == 3 && line.bytes().all(|b| b.is_ascii_digit())
}

/// `APP.0001`, `APP_ACCOUNT.0035`, …
fn is_code_line(line: &str) -> bool {
    line.split_once('.').is_some_and(|(group, number)| {
        !group.is_empty()
            && group.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    })
}

/// One field per non-empty line after the header: status, code, error message,
/// description and (not always) solution. A record starts at a status line followed by
/// a code line. A code listed twice must be listed identically; it counts once.
fn parse_oneaccess(text: &str) -> Vec<Entry> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let header = ["Status Code", "Error Codes", "Error Message", "Description", "Solution"];
    let start =
        lines.windows(header.len()).position(|w| w == header).expect("the OneAccess table header") + header.len();
    let starts: Vec<usize> = (start..lines.len())
        .filter(|&i| is_status_line(lines[i]) && lines.get(i + 1).is_some_and(|l| is_code_line(l)))
        .collect();
    assert_eq!(
        starts.first(),
        Some(&start),
        "the first line after the header starts no record: {:?}",
        lines.get(start)
    );
    let mut entries: Vec<Entry> = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let record = &lines[at..end];
        assert!(
            record.len() == 4 || record.len() == 5,
            "OneAccess record {record:?} should be status, code, message, description and maybe solution"
        );
        let entry = Entry {
            code: record[1].to_string(),
            message: record[2].to_string(),
            symbol: None,
            description: Some(record[3].to_string()),
            http_status: Some(record[0].parse().expect("three digits")),
        };
        match entries.iter().find(|e| e.code == entry.code) {
            Some(first) => assert_eq!(first, &entry, "OneAccess lists {} twice, differently", entry.code),
            None => entries.push(entry),
        }
    }
    entries
}

// --- Checks ---------------------------------------------------------------------------

/// The language a message is written in: Chinese if it has any Han character.
fn language_of(text: &str) -> &'static str {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
    if text.chars().any(han) { "zh-CN" } else { "en" }
}

fn catalogue(id: &str) -> &'static Catalogue {
    Registry::builtin().catalogue(id).unwrap_or_else(|e| panic!("no built-in catalogue {id}: {e}"))
}

fn parsed(document: &Document) -> Vec<Entry> {
    (document.parse)(document.text)
}

fn fail_if_any(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn documents_and_catalogues_have_the_expected_number_of_codes() {
    let mut total_parsed = 0;
    let mut total_catalogued = 0;
    for document in &DOCUMENTS {
        let entries = parsed(document);
        assert_eq!(
            entries.len(),
            document.expected,
            "{} ({}): the parser found {} codes, the document lists {}",
            document.catalogue,
            document.file,
            entries.len(),
            document.expected
        );
        let codes = catalogue(document.catalogue).codes().len();
        assert_eq!(
            codes,
            entries.len(),
            "{}: the catalogue has {codes} codes, the document {} ({})",
            document.catalogue,
            entries.len(),
            document.file
        );
        total_parsed += entries.len();
        total_catalogued += codes;
    }
    assert_eq!(total_parsed, 283, "codes in the five documents");
    assert_eq!(total_catalogued, 283, "codes in the five built-in catalogues");
}

#[test]
fn the_parsers_read_escapes_columns_and_records() {
    let v2 = parsed(&DOCUMENTS[1]);
    let code = |entries: &[Entry], code: &str| entries.iter().find(|e| e.code == code).cloned().unwrap();
    assert_eq!(code(&v2, "2001").message, "验证码验证失败(验证码错误)");
    assert_eq!(code(&v2, "2017").message, "解析邮件模本的 meta_data(宏)命令错误");

    let oneaccess = parsed(&DOCUMENTS[2]);
    let param17 = code(&oneaccess, "PARAM.0017");
    assert_eq!(param17.message, "PARAM.0017");
    assert_eq!(param17.description.as_deref(), Some("The social ID cannot be empty."));
    let last = oneaccess.last().unwrap();
    assert_eq!((last.code.as_str(), last.message.as_str()), ("PARAM.0032", "SSO ticket invalid or expired."));
    // A record without a solution line, and the same record listed twice.
    let shortened = "Status Code\nError Codes\nError Message\nDescription\nSolution\n\n400\n\nA.0001\n\nOne.\n\nOne!\n\n\
                     400\nA.0001\nOne.\nOne!\n400\nB.0002\nTwo {0}.\nTwo.\n";
    let entries = parse_oneaccess(shortened);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].message, "Two {0}.");

    let android = parsed(&DOCUMENTS[3]);
    assert_eq!(code(&android, "2921").message, "微信账号登录询问绑定，多账号选择后绑定");
    let yidun = code(&android, "10005");
    assert_eq!(yidun.message, "OnClick auth failed");
    assert_eq!(yidun.description.as_deref(), Some("易盾一键登录授权失败时，返回此错误。"));

    let wilddog = parsed(&DOCUMENTS[4]);
    let e = code(&wilddog, "22014");
    assert_eq!((e.symbol.as_deref(), e.message.as_str()), (Some("invalid_credentials"), "该身份认证凭证无效"));

    assert_eq!(split_row(r"| a \| b | c\(d\) |"), ["a | b", "c(d)"]);
    assert_eq!(language_of("Totp 码错误"), "zh-CN");
    assert_eq!(language_of("Login by FaceBook canceled"), "en");
}

#[test]
fn every_documented_code_is_catalogued_with_the_vendors_words() {
    let mut problems = Vec::new();
    for document in &DOCUMENTS {
        let id = document.catalogue;
        let catalogue = catalogue(id);
        for entry in parsed(document) {
            let code = entry.code.as_str();
            let Some(found) = catalogue.get(code) else {
                problems
                    .push(format!("{id}:{code}: missing from the catalogue (document message {:?})", entry.message));
                continue;
            };
            let mut differ = |what: &str, ours: String, theirs: String| {
                if ours != theirs {
                    problems.push(format!("{id}:{code}: {what}: catalogue has {ours}, document has {theirs}"));
                }
            };
            differ("message", format!("{:?}", found.message().unwrap_or_default()), format!("{:?}", entry.message));
            differ("symbol", format!("{:?}", found.symbol()), format!("{:?}", entry.symbol));
            // The description is given only where it differs from the message.
            if entry.description.is_some() || found.description().is_some() {
                differ(
                    "description",
                    format!("{:?}", found.description().or(found.message()).unwrap_or_default()),
                    format!("{:?}", entry.description.as_deref().unwrap_or(&entry.message)),
                );
            }
            differ("http_status", format!("{:?}", found.http_status()), format!("{:?}", entry.http_status));
            differ("language", format!("{:?}", found.language()), format!("{:?}", language_of(&entry.message)));
        }
    }
    fail_if_any(problems);
}

#[test]
fn the_vendor_specific_fields_are_as_documented() {
    let oneaccess = catalogue("oneaccess");
    for code in oneaccess.codes() {
        assert_eq!(code.http_status(), Some(400), "oneaccess:{}: http_status", code.code());
    }
    let param17 = oneaccess.get("PARAM.0017").expect("oneaccess:PARAM.0017");
    assert_eq!(
        param17.description(),
        Some("The social ID cannot be empty."),
        "oneaccess:PARAM.0017: description: catalogue has {:?}, document has \"The social ID cannot be empty.\"",
        param17.description()
    );

    let android = catalogue("authing-android");
    let own = exactly::<2>(DOCUMENTS[3].text)[1].rows.len();
    assert_eq!(own, 10, "the Android SDK's own codes");
    let documented: BTreeMap<String, Entry> = parsed(&DOCUMENTS[3]).into_iter().map(|e| (e.code.clone(), e)).collect();
    for number in 10001..=10010 {
        let code = number.to_string();
        let entry = &documented[&code];
        let found = android.get(&code).unwrap_or_else(|| panic!("authing-android:{code}: missing"));
        assert_eq!(
            found.description(),
            entry.description.as_deref(),
            "authing-android:{code}: description: catalogue has {:?}, document (说明) has {:?}",
            found.description(),
            entry.description
        );
    }

    for code in catalogue("wilddog").codes() {
        assert!(code.symbol().is_some_and(|s| !s.is_empty()), "wilddog:{}: no symbol", code.code());
    }
}

#[test]
fn no_catalogue_has_a_code_its_document_lacks() {
    let mut problems = Vec::new();
    for document in &DOCUMENTS {
        let id = document.catalogue;
        let entries = parsed(document);
        let documented: HashSet<&str> = entries.iter().map(|e| e.code.as_str()).collect();
        let mut seen = HashSet::new();
        for code in catalogue(id).codes() {
            if !documented.contains(code.code()) {
                problems.push(format!(
                    "{id}:{}: not in {} (catalogue message {:?})",
                    code.code(),
                    document.file,
                    code.message()
                ));
            }
            if !seen.insert(code.code()) {
                problems.push(format!("{id}:{}: listed twice in the catalogue", code.code()));
            }
        }
        // Catalogue::codes() promises the order of the vendor's table.
        let ours: Vec<&str> = catalogue(id).codes().iter().map(|c| c.code()).collect();
        let theirs: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
        if problems.is_empty() && ours != theirs {
            let at = ours.iter().zip(&theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
            problems.push(format!(
                "{id}: codes out of the document's order at position {at}: catalogue has {:?}, document has {:?}",
                ours.get(at),
                theirs.get(at)
            ));
        }
    }
    fail_if_any(problems);
}

#[test]
fn the_same_number_in_two_catalogues_is_two_codes() {
    let registry = Registry::builtin();
    let v3 = registry.lookup("authing", "2040").expect("authing:2040");
    let v2 = registry.lookup("authing-v2", "2040").expect("authing-v2:2040");
    assert_eq!(v3.catalogue().id(), "authing");
    assert_eq!(v2.catalogue().id(), "authing-v2");
    assert!(!v3.same_as(&v2));
    assert_eq!(v3.kind().id(), "domain_taken", "authing:2040 ({})", v3.message().unwrap_or_default());
    assert_eq!(v2.kind().id(), "quota_exceeded", "authing-v2:2040 ({})", v2.message().unwrap_or_default());
    assert_ne!(v3.kind(), v2.kind());
    assert_eq!(errmap_auth::relate(v3, v2), None, "authing:2040 -> authing-v2:2040");
    assert_eq!(errmap_auth::relate(v2, v3), None, "authing-v2:2040 -> authing:2040");
}

#[test]
fn every_inexact_mapping_gives_a_reason() {
    let mut problems = Vec::new();
    for catalogue in Registry::builtin().catalogues() {
        for code in catalogue.codes() {
            if code.kind_match() != KindMatch::Exact && code.reason().is_none_or(|r| r.trim().is_empty()) {
                problems.push(format!(
                    "{}:{}: maps to {} as {} without a reason",
                    catalogue.id(),
                    code.code(),
                    code.kind(),
                    code.kind_match().as_str()
                ));
            }
        }
    }
    fail_if_any(problems);
}
