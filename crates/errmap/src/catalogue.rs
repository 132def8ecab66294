//! One vendor's error codes, each mapped onto a canonical kind.
//!
//! Built-in catalogues are static tables borrowed from the binary; catalogues loaded at
//! run time own their strings. Both are the same [`Catalogue`] type, through
//! [`Cow`], so every function works on either without copying the built-in data.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroUsize;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use toml::Spanned;

use crate::error::{CatalogueProblem, Error};
use crate::fxhash;
use crate::message_index::MessageIndex;
use crate::pool::CatalogueText as Text;
use crate::source::{self, CatalogueSource, Problem, Str};
use crate::taxonomy::Kind;

pub use crate::code::{BodyShape, Code, Justification, KindMatch, Predicate, Setting, Statement, Variant, VariantTest};
pub use crate::pool::CatalogueText;

/// A catalogue file as read: the catalogue or why not, and the names it gives the
/// catalogue, so that a clash of names is found even in a file with other problems.
pub(crate) struct CatalogueFile {
    pub(crate) catalogue: Result<Catalogue, Error>,
    /// The id, then each alias; none when the file could not be read or parsed.
    pub(crate) names: Vec<WrittenName>,
    /// Whether the file says `overrides = true`.
    pub(crate) overrides: bool,
}

/// One of a catalogue's names (its id or an alias) and where its file writes it.
pub(crate) struct WrittenName {
    pub(crate) name: String,
    /// One-based line.
    pub(crate) line: usize,
    /// One-based column, in characters.
    pub(crate) column: usize,
}

/// All the codes of one vendor (or one API of a vendor).
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) aliases: Cow<'static, [Text]>,
    pub(crate) language: Text,
    pub(crate) fallback: Option<Text>,
    pub(crate) source: Option<Text>,
    pub(crate) builtin: bool,
    /// Set by a user catalogue that deliberately replaces a built-in one.
    pub(crate) overrides: bool,
    pub(crate) standard: bool,
    pub(crate) bodies: Cow<'static, [BodyShape]>,
    pub(crate) codes: Cow<'static, [Code]>,
    /// The index of every code in `codes`, in an open-addressing hash table of the code
    /// text (see `fxhash::table`): built at build time for the built-in catalogues.
    pub(crate) table: Cow<'static, [u32]>,
    /// The indices of the codes mapped to each kind, kind after kind (by index), each
    /// kind's in file order.
    pub(crate) by_kind: Cow<'static, [u32]>,
    /// Where each kind's run of `by_kind` starts, by kind index, and one past the last
    /// run: `by_kind[kind_starts[k]..kind_starts[k + 1]]` (flat, so the built-in tables
    /// hold no pointers; see `pool`).
    pub(crate) kind_starts: Cow<'static, [u32]>,
    pub(crate) settings: Cow<'static, [Setting]>,
    /// Curated statements about this catalogue's codes, sorted by code.
    pub(crate) statements: Cow<'static, [Statement]>,
    /// The positions in `statements`, sorted by object (catalogue, then code).
    pub(crate) statements_by_object: Cow<'static, [u32]>,
    /// The messages prepared for matching vendor text, on first use.
    pub(crate) messages: OnceLock<MessageIndex>,
}

/// `work(i)` for every `i` below `count`, on up to as many threads as the machine has
/// cores, the calling thread one of them; the results in the order of `i`. Each thread
/// takes the next `i` when it is done with one, so a few large items do not leave the
/// other threads idle.
fn in_parallel<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get).min(count);
    if threads <= 1 {
        return (0..count).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, work(i)));
        }
    };
    let mut results = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
        let mut results = run();
        for helper in helpers {
            match helper.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// The positions of `kinds` (each code's kind index, in table order) grouped by kind,
/// and where each of the `kind_count` kinds' group starts, with one past the end: the
/// layout of `Catalogue::by_kind` and `Catalogue::kind_starts` (which `build.rs`
/// writes for the built-in catalogues).
pub(crate) fn group_by_kind(kinds: impl Iterator<Item = usize>, kind_count: usize) -> (Vec<u32>, Vec<u32>) {
    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); kind_count];
    for (position, kind) in kinds.enumerate() {
        if let Some(group) = groups.get_mut(kind) {
            group.push(u32::try_from(position).unwrap_or(u32::MAX));
        }
    }
    let mut starts = Vec::with_capacity(kind_count + 1);
    let mut flat = Vec::new();
    for group in groups {
        starts.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
        flat.extend(group);
    }
    starts.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
    (flat, starts)
}

/// A code's language when it is the catalogue's: one of the common tags borrowed from
/// a static table, so a catalogue of thousands of codes does not copy it for each.
fn shared_language(language: &str) -> Text {
    const COMMON: [&str; 12] = ["en", "zh-CN", "zh", "zh-TW", "ja", "ko", "de", "fr", "es", "pt", "ru", "en-US"];
    match COMMON.iter().find(|common| **common == language) {
        Some(common) => Text::from_static(common),
        None => Text::from(language.to_string()),
    }
}

impl Catalogue {
    /// The catalogue's messages prepared for matching vendor text, built on first use.
    pub(crate) fn message_index(&self) -> &MessageIndex {
        self.messages.get_or_init(|| MessageIndex::new(&self.codes))
    }

    /// The catalogue id, e.g. `"wilddog"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The vendor's product name, e.g. `"Wilddog Auth"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names the catalogue answers to, e.g. `"authing-v3"`.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> {
        self.aliases.iter().map(|a| a.as_ref())
    }

    /// The language most of the vendor's messages are written in.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Where the codes and messages were taken from.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Whether the catalogue is a standard vocabulary many vendors answer with
    /// (OAuth 2.0, OpenID Connect) rather than one vendor's.
    pub fn is_standard(&self) -> bool {
        self.standard
    }

    /// Whether the catalogue ships with errmap (as opposed to loaded at run time).
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// The shapes of the vendor's error bodies.
    pub fn bodies(&self) -> &[BodyShape] {
        &self.bodies
    }

    /// The vendor settings that change which code reports a condition.
    pub fn settings(&self) -> &[Setting] {
        &self.settings
    }

    /// The curated statements about this catalogue's codes, by code.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The statements about `code`.
    pub fn statements_of<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Statement> + 'a {
        let start = self.statements.partition_point(|s| s.code() < code);
        let end = start + self.statements[start..].partition_point(|s| s.code() == code);
        self.statements[start..end].iter()
    }

    /// The statements whose object is `code` of `catalogue`.
    pub fn statements_about<'a>(&'a self, catalogue: &str, code: &str) -> impl Iterator<Item = &'a Statement> + 'a {
        let at = |i: &u32| &self.statements[*i as usize];
        let start = self
            .statements_by_object
            .partition_point(|i| (at(i).object_catalogue(), at(i).object_code()) < (catalogue, code));
        let end = start
            + self.statements_by_object[start..]
                .partition_point(|i| (at(i).object_catalogue(), at(i).object_code()) == (catalogue, code));
        self.statements_by_object[start..end].iter().map(move |i| &self.statements[*i as usize])
    }

    /// The settings that concern `code`.
    pub fn settings_for<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Setting> + 'a {
        self.settings.iter().filter(move |s| s.concerns(code))
    }

    /// Every code, in the order of the vendor's table.
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// Every code with its catalogue, in the order of the vendor's table.
    pub fn code_refs(&self) -> impl ExactSizeIterator<Item = CodeRef<'_>> {
        (0..self.codes.len()).map(move |i| CodeRef::at(self, i))
    }

    /// Where `code`, one of this catalogue's codes, is in [`Catalogue::codes`];
    /// `None` for a code of another catalogue.
    /// The position of the code written exactly so, if the catalogue has it.
    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        fxhash::find(&self.table, code, |i| self.codes[i].code())
    }

    /// The code written exactly so, if the catalogue has it.
    pub fn get(&self, code: &str) -> Option<&Code> {
        self.position(code).map(|i| &self.codes[i])
    }

    /// The code written so, or with that symbol, ignoring ASCII case.
    pub fn find(&self, code: &str) -> Option<CodeRef<'_>> {
        let at = self.position(code).or_else(|| {
            self.codes.iter().position(|c| {
                c.code.eq_ignore_ascii_case(code) || c.symbol.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(code))
            })
        })?;
        Some(CodeRef::at(self, at))
    }

    /// The vendor's catch-all code (Wilddog `29999 unknown`), offered when nothing
    /// matches, never as a match.
    pub fn fallback(&self) -> Option<CodeRef<'_>> {
        let at = self.position(self.fallback.as_deref()?)?;
        Some(CodeRef::at(self, at))
    }

    /// The codes mapped to `kind`, in table order.
    pub fn codes_of(&self, kind: Kind) -> impl Iterator<Item = &Code> {
        self.positions_of(kind).iter().map(|&i| &self.codes[i as usize])
    }

    /// The positions in the table of the codes mapped to `kind`, in table order.
    pub(crate) fn positions_of(&self, kind: Kind) -> &[u32] {
        let k = usize::from(kind.0);
        match (self.kind_starts.get(k), self.kind_starts.get(k + 1)) {
            (Some(&start), Some(&end)) => self.by_kind.get(start as usize..end as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Whether `name` is this catalogue's id or one of its aliases, ignoring ASCII case.
    pub fn answers_to(&self, name: &str) -> bool {
        self.id.eq_ignore_ascii_case(name) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }

    /// Parses and checks a catalogue file in the format of `mappings/`. `origin` names
    /// the file in error messages. Every problem is reported at once, each with line
    /// and column.
    ///
    /// ```
    /// let text = r#"
    /// id = "in-house"
    /// name = "Our gateway"
    /// language = "en"
    ///
    /// [[code]]
    /// code = "E42"
    /// message = "No such user."
    /// kind = "user_not_found"
    /// match = "exact"
    /// "#;
    /// let catalogue = errmap_auth::Catalogue::from_toml(text, "in-house.toml")?;
    /// assert_eq!(catalogue.get("E42").unwrap().kind(), errmap_auth::Kind::USER_NOT_FOUND);
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn from_toml(text: &str, origin: &str) -> Result<Catalogue, Error> {
        Catalogue::from_toml_written(text, origin).catalogue
    }

    /// [`Catalogue::from_toml`], with the names the text gives the catalogue.
    pub(crate) fn from_toml_written(text: &str, origin: &str) -> CatalogueFile {
        let invalid = |problems: Vec<Problem>| Error::InvalidCatalogue {
            origin: origin.to_string(),
            problems: problems.iter().map(|p| CatalogueProblem::new(p, text)).collect(),
        };
        let parsed = match source::parse_catalogue(text) {
            Ok(parsed) => parsed,
            Err(problem) => {
                return CatalogueFile { catalogue: Err(invalid(vec![problem])), names: Vec::new(), overrides: false };
            }
        };
        let written = |value: &Spanned<Str<'_>>| {
            let (line, column) = source::line_column(text, value.span().start);
            WrittenName { name: value.get_ref().to_string(), line, column }
        };
        let names = std::iter::once(&parsed.id).chain(&parsed.aliases).map(written).collect();
        let overrides = parsed.overrides;
        let kind_ids: Vec<&str> = Kind::all().map(Kind::id).collect();
        let problems = source::check_catalogue(&parsed, &kind_ids);
        let catalogue = if problems.is_empty() { Ok(Catalogue::from_checked(parsed)) } else { Err(invalid(problems)) };
        CatalogueFile { catalogue, names, overrides }
    }

    /// The catalogue files at `path`: the file itself, or every `*.toml` file of a
    /// folder except `taxonomy.toml`, in name order.
    pub fn files_at(path: &Path) -> Result<Vec<PathBuf>, Error> {
        let io = |e: std::io::Error| Error::io(path.display().to_string(), e);
        let metadata = std::fs::metadata(path).map_err(io)?;
        if !metadata.is_dir() {
            return Ok(vec![path.to_path_buf()]);
        }
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io)? {
            let file = entry.map_err(io)?.path();
            let is_toml = file.extension().is_some_and(|e| e == "toml");
            if is_toml && file.file_name().is_some_and(|n| n != "taxonomy.toml") {
                files.push(file);
            }
        }
        files.sort();
        Ok(files)
    }

    /// Reads and parses a catalogue file; see [`Catalogue::from_toml`]. Only a regular
    /// file (or a link to one) of at most [`MAX_CATALOGUE_BYTES`] is read: a device, a
    /// FIFO or a socket named `*.toml` is refused before it is opened, so that one such
    /// entry in a shared folder cannot block a program or fill its memory.
    pub fn from_path(path: &Path) -> Result<Catalogue, Error> {
        Catalogue::from_path_written(path).catalogue
    }

    /// [`Catalogue::from_path`], with the names the file gives the catalogue.
    fn from_path_written(path: &Path) -> CatalogueFile {
        let origin = path.display().to_string();
        match read_bounded(path) {
            Ok(text) => Catalogue::from_toml_written(&text, &origin),
            Err(error) => {
                CatalogueFile { catalogue: Err(Error::io(origin, error)), names: Vec::new(), overrides: false }
            }
        }
    }

    /// Reads and parses catalogue files on several threads (as many as
    /// [`std::thread::available_parallelism`] allows, no more than there are files):
    /// one result for each file, in the order of `files`, each as
    /// [`Catalogue::from_path`] would give it.
    ///
    /// Parsing is nearly all of the cost of loading a catalogue, and files do not
    /// depend on each other, so a folder of many loads in a fraction of the time. One
    /// file is parsed on the calling thread.
    pub fn from_paths(files: &[PathBuf]) -> Vec<Result<Catalogue, Error>> {
        in_parallel(files.len(), |i| Catalogue::from_path(&files[i]))
    }

    /// [`Catalogue::from_paths`], with where each file writes its catalogue's names.
    pub(crate) fn from_paths_written(files: &[PathBuf]) -> Vec<CatalogueFile> {
        in_parallel(files.len(), |i| Catalogue::from_path_written(&files[i]))
    }

    fn from_checked(source: CatalogueSource<'_>) -> Catalogue {
        let kind_of =
            |kind: Option<Spanned<Str<'_>>>| kind.and_then(|k| Kind::from_id(k.get_ref())).unwrap_or(Kind::UNKNOWN);
        let match_of =
            |m: Option<Spanned<Str<'_>>>| m.and_then(|m| KindMatch::parse(m.get_ref())).unwrap_or(KindMatch::Exact);
        // The only copies of the file's strings: those the catalogue keeps.
        let owned = |value: Spanned<Str<'_>>| -> Text { Text::from(value.into_inner().into_owned()) };
        let text = |value: Option<Spanned<Str<'_>>>| value.map(owned);
        let language = source.language.into_inner();
        let mut statements: Vec<Statement> = source
            .statement
            .into_iter()
            .filter_map(|statement| {
                let statement = statement.into_inner();
                let (catalogue, code) = source::split_object(statement.object.get_ref())?;
                Some(Statement {
                    code: owned(statement.code),
                    predicate: Predicate::parse(statement.predicate.get_ref())?,
                    object_catalogue: Text::from(catalogue.to_string()),
                    object_code: Text::from(code.to_string()),
                    justification: Justification::parse(statement.justification.get_ref())?,
                    reason: owned(statement.reason),
                })
            })
            .collect();
        statements.sort_by(|a, b| a.code().cmp(b.code()));
        let statements_by_object = order_by_object(&statements);
        let codes: Vec<Code> = source
            .code
            .into_iter()
            .map(|entry| {
                let entry = entry.into_inner();
                let kind = kind_of(entry.kind);
                let kind_match = match_of(entry.kind_match);
                let variants = entry
                    .variant
                    .into_iter()
                    .map(|variant| {
                        let variant = variant.into_inner();
                        let test = match (variant.equals, variant.contains) {
                            (Some(value), _) => VariantTest::Equals(owned(value)),
                            (None, value) => VariantTest::Contains(text(value).unwrap_or_default()),
                        };
                        Variant {
                            field: owned(variant.field),
                            test,
                            kind: kind_of(variant.kind),
                            kind_match: match_of(variant.kind_match),
                            reason: text(variant.reason),
                        }
                    })
                    .collect();
                Code {
                    code: text(entry.code).unwrap_or_default(),
                    symbol: text(entry.symbol),
                    message: text(entry.message),
                    language: text(entry.language).unwrap_or_else(|| shared_language(language.as_str())),
                    description: entry.description.map(|d| Text::from(d.into_inner())),
                    http_status: entry.http_status.map(|s| s.into_inner()),
                    params: entry.params.into_iter().map(owned).collect(),
                    kind,
                    kind_match,
                    reason: text(entry.reason),
                    variants,
                    same_as: text(entry.same_as),
                    seen: entry.seen.into_iter().map(|seen| owned(seen.into_inner().message)).collect(),
                }
            })
            .collect();
        let keys: Vec<&str> = codes.iter().map(Code::code).collect();
        let table = fxhash::table(&keys);
        let (by_kind, kind_starts) =
            group_by_kind(codes.iter().map(|code| usize::from(code.kind.0)), Kind::all().len());
        Catalogue {
            id: owned(source.id),
            name: owned(source.name),
            aliases: source.aliases.into_iter().map(owned).collect(),
            language: Text::from(language.into_owned()),
            fallback: text(source.fallback),
            source: source.source.map(Text::from),
            builtin: false,
            overrides: source.overrides,
            standard: source.standard,
            bodies: source
                .body
                .into_iter()
                .map(|body| {
                    let body = body.into_inner();
                    BodyShape {
                        name: owned(body.name),
                        present: body.present.into_iter().map(owned).collect(),
                        code: text(body.code),
                        message: text(body.message),
                        status: text(body.status),
                        generic: body.generic,
                        catalogue: text(body.catalogue),
                        code_before: text(body.code_before),
                        code_after: text(body.code_after),
                    }
                })
                .collect(),
            codes: Cow::Owned(codes),
            table: Cow::Owned(table),
            by_kind: Cow::Owned(by_kind),
            kind_starts: Cow::Owned(kind_starts),
            settings: source
                .setting
                .into_iter()
                .map(|setting| {
                    let setting = setting.into_inner();
                    Setting {
                        name: owned(setting.name),
                        merges: setting.merges.into_iter().map(owned).collect(),
                        into: text(setting.into),
                        note: owned(setting.note),
                    }
                })
                .collect(),
            statements: Cow::Owned(statements),
            statements_by_object: Cow::Owned(statements_by_object),
            messages: OnceLock::new(),
        }
    }
}

/// The positions of `statements` sorted by object (catalogue, then code): the layout
/// of `Catalogue::statements_by_object`, which `build.rs` writes for the built-in ones.
pub(crate) fn order_by_object(statements: &[Statement]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..statements.len()).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&statements[a as usize], &statements[b as usize]);
        (a.object_catalogue(), a.object_code()).cmp(&(b.object_catalogue(), b.object_code()))
    });
    order
}

/// A code together with the catalogue it belongs to. Dereferences to the [`Code`].
#[derive(Clone, Copy)]
pub struct CodeRef<'r> {
    catalogue: &'r Catalogue,
    /// The code's position in the catalogue's table.
    index: u32,
}

impl<'r> CodeRef<'r> {
    /// The code at `index` of `catalogue`'s table, which must be in range (the callers
    /// take indexes from the catalogue's own tables).
    pub(crate) fn at(catalogue: &'r Catalogue, index: usize) -> CodeRef<'r> {
        debug_assert!(index < catalogue.codes.len());
        CodeRef { catalogue, index: index as u32 }
    }

    /// The catalogue the code belongs to.
    pub fn catalogue(&self) -> &'r Catalogue {
        self.catalogue
    }

    /// The code's position in its catalogue's table, in the vendor's order.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The code's mapping and vendor text.
    pub fn entry(&self) -> &'r Code {
        &self.catalogue.codes[self.index as usize]
    }

    /// The code as the vendor writes it, borrowed for as long as the registry.
    pub fn code(&self) -> &'r str {
        self.entry().code()
    }

    /// The vendor's symbol, if any, borrowed for as long as the registry.
    pub fn symbol(&self) -> Option<&'r str> {
        self.entry().symbol()
    }

    /// The vendor's message, borrowed for as long as the registry; `None` where the
    /// vendor documents none.
    pub fn message(&self) -> Option<&'r str> {
        self.entry().message()
    }

    /// Whether both refer to the same code of the same catalogue.
    pub fn same_as(&self, other: &CodeRef<'_>) -> bool {
        self.index == other.index && std::ptr::eq(self.catalogue, other.catalogue)
    }
}

impl Deref for CodeRef<'_> {
    type Target = Code;

    fn deref(&self) -> &Code {
        self.entry()
    }
}

impl fmt::Debug for CodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.catalogue.id(), self.code())
    }
}

impl fmt::Display for CodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.catalogue.id(), self.code())
    }
}

/// The most a catalogue file may hold: 16 MiB, a hundred times the largest built-in
/// one.
pub const MAX_CATALOGUE_BYTES: u64 = 16 * 1024 * 1024;

/// The text of a regular file of at most [`MAX_CATALOGUE_BYTES`].
fn read_bounded(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let not_regular = || {
        Error::new(
            ErrorKind::InvalidInput,
            "not a regular file (a device, FIFO or socket); a catalogue is a .toml file",
        )
    };
    // Checked before opening, as opening a FIFO waits for a writer; and again on the
    // file opened, in case the path changed in between.
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let mut text = String::new();
    file.take(MAX_CATALOGUE_BYTES + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CATALOGUE_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {MAX_CATALOGUE_BYTES} bytes, the most a catalogue file may hold; split it"),
        ));
    }
    Ok(text)
}
