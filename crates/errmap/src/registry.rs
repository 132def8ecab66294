//! The set of catalogues errmap knows: the built-in ones plus any loaded at run time.

use std::any::Any;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::builtin::CATALOGUES;
use crate::catalogue::{Catalogue, CatalogueFile, CodeRef, WrittenName};
use crate::error::{CatalogueProblem, Error};
use crate::fxhash::FxHashMap;
use crate::matching::{MatchFound, PreciseIndex};
use crate::text::Query;

/// The catalogues errmap answers from.
///
/// [`Registry::builtin`] is ready at no cost: the built-in catalogues are static
/// tables. A registry is `Send + Sync`, so one instance can serve every thread of a
/// gateway.
pub struct Registry {
    catalogues: Vec<Catalogue>,
    /// Every catalogue id and alias, ASCII-lowercase, with the position of the first
    /// catalogue that answers to it.
    names: FxHashMap<Box<str>, usize>,
    /// Every catalogue's messages for finding an equal one or a template, on first use.
    precise: OnceLock<PreciseIndex>,
    /// The indexes services above this floor build over the catalogues on first use
    /// (see [`Registry::lazy`]); emptied when a catalogue is added.
    lazy: [OnceLock<Box<dyn Any + Send + Sync>>; Slot::COUNT],
}

/// Which lazily built index of a service a [`Registry`] slot holds. The registry knows
/// only the slot: the index's type belongs to the service that builds it, so the
/// registry imports nothing from above its floor.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
    /// `detect`'s index of every body shape.
    Shapes,
    /// `search`'s index of every searchable text.
    Search,
}

impl Slot {
    const COUNT: usize = 2;
}

/// What adding a catalogue to a registry would do; see `Registry::joining`.
struct Joining {
    /// Where the built-in catalogue it replaces is.
    replaced: Option<usize>,
    /// Every name of it another catalogue answers to.
    clashes: Vec<Error>,
}

/// A catalogue file that [`Registry::check_files`] found fit to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    /// The catalogue's id.
    pub id: String,
    /// How many codes it has.
    pub codes: usize,
    /// Whether it replaces the built-in catalogue of its id (`overrides = true`).
    pub replaces_builtin: bool,
}

impl Clone for Registry {
    /// A copy of the catalogues; its indexes are built again on first use.
    fn clone(&self) -> Registry {
        Registry {
            catalogues: self.catalogues.clone(),
            names: self.names.clone(),
            precise: self.precise.clone(),
            lazy: Default::default(),
        }
    }
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry").field("catalogues", &self.catalogues).finish_non_exhaustive()
    }
}

fn add_names(names: &mut FxHashMap<Box<str>, usize>, at: usize, catalogue: &Catalogue) {
    for name in std::iter::once(catalogue.id()).chain(catalogue.aliases()) {
        names.entry(Box::from(name.to_ascii_lowercase())).or_insert(at);
    }
}

fn name_index(catalogues: &[Catalogue]) -> FxHashMap<Box<str>, usize> {
    let mut names = FxHashMap::default();
    for (at, catalogue) in catalogues.iter().enumerate() {
        add_names(&mut names, at, catalogue);
    }
    names
}

impl Default for Registry {
    fn default() -> Registry {
        Registry::new()
    }
}

impl Registry {
    /// A registry of the built-in catalogues, to which more can be added.
    pub fn new() -> Registry {
        let catalogues = CATALOGUES.to_vec();
        let names = name_index(&catalogues);
        Registry { catalogues, names, precise: OnceLock::new(), lazy: Default::default() }
    }

    /// A registry without any catalogue, not even the built-in ones: for checking a set
    /// of catalogue files against each other only, as the build checks errmap's own
    /// `mappings/` (see [`Registry::check_files`]).
    pub fn empty() -> Registry {
        Registry {
            catalogues: Vec::new(),
            names: FxHashMap::default(),
            precise: OnceLock::new(),
            lazy: Default::default(),
        }
    }

    /// The shared registry of built-in catalogues.
    pub fn builtin() -> &'static Registry {
        static BUILTIN: OnceLock<Registry> = OnceLock::new();
        BUILTIN.get_or_init(Registry::new)
    }

    /// Adds a catalogue loaded at run time. Its id and aliases must not be taken by
    /// another catalogue, except that a catalogue marked `overrides = true` replaces
    /// the built-in one of the same id. Nothing changes when it cannot be added.
    pub fn add(&mut self, catalogue: Catalogue) -> Result<(), Error> {
        let Joining { replaced, clashes } = self.joining(&catalogue);
        if let Some(clash) = clashes.into_iter().next() {
            return Err(clash);
        }
        match replaced {
            Some(at) => {
                self.catalogues.remove(at);
                self.catalogues.push(catalogue);
                self.names = name_index(&self.catalogues);
            }
            None => {
                add_names(&mut self.names, self.catalogues.len(), &catalogue);
                self.catalogues.push(catalogue);
            }
        }
        self.precise = OnceLock::new();
        self.lazy = Default::default();
        Ok(())
    }

    /// What adding `catalogue` would do; see [`Registry::joining_as`].
    fn joining(&self, catalogue: &Catalogue) -> Joining {
        let names = std::iter::once(catalogue.id()).chain(catalogue.aliases());
        self.joining_as(names, catalogue.overrides)
    }

    /// What adding a catalogue of these `names` (its id first, then its aliases) would
    /// do: the built-in catalogue it replaces (with `overrides`), and every one of its
    /// names that another catalogue answers to, each as the
    /// [`Error::DuplicateCatalogue`] that refuses it. The one check of whether a
    /// catalogue may join, which [`Registry::add`] and [`Registry::check_files`] share.
    fn joining_as<'n>(&self, mut names: impl Iterator<Item = &'n str>, overrides: bool) -> Joining {
        let Some(id) = names.next() else { return Joining { replaced: None, clashes: Vec::new() } };
        let replaced = if overrides {
            self.catalogues.iter().position(|c| c.builtin && c.id.eq_ignore_ascii_case(id))
        } else {
            None
        };
        let clashes = std::iter::once(id)
            .chain(names)
            .filter_map(|name| {
                let at = self.position(name).filter(|&at| Some(at) != replaced)?;
                Some(Error::DuplicateCatalogue {
                    name: name.to_string(),
                    builtin: self.catalogues[at].builtin,
                    overrides,
                })
            })
            .collect();
        Joining { replaced, clashes }
    }

    /// Every clash of `names` (the id first) with this registry's catalogues, as a
    /// problem at the line and column of the name in its file, saying what would do:
    /// `overrides = true` only where it would, and not to a file that says it.
    fn clash_problems(&self, names: &[WrittenName], overrides: bool) -> Vec<CatalogueProblem> {
        let Joining { clashes, .. } = self.joining_as(names.iter().map(|n| n.name.as_str()), overrides);
        clashes
            .into_iter()
            .filter_map(|clash| {
                let Error::DuplicateCatalogue { name, builtin, overrides } = clash else { return None };
                let written = names.iter().position(|n| n.name == name)?;
                let other = self.position(&name).map_or("", |at| self.catalogues[at].id());
                let message = match (written == 0, builtin, overrides) {
                    (_, false, _) => format!("the name '{name}' is taken: a file before this one loads the catalogue '{other}'"),
                    (true, true, false) => format!(
                        "the id '{name}' is taken by the built-in catalogue '{other}'; choose another id, or add `overrides = true` to replace that catalogue"
                    ),
                    (true, true, true) => format!(
                        "the id '{name}' is an alias of the built-in catalogue '{other}', and `overrides = true` replaces a catalogue of the same id only; choose another id, or write id = \"{other}\""
                    ),
                    (false, true, _) => format!(
                        "the alias '{name}' is a name of the built-in catalogue '{other}'; choose another alias"
                    ),
                };
                let WrittenName { line, column, .. } = names[written];
                Some(CatalogueProblem { line, column, message })
            })
            .collect()
    }

    /// Checks catalogue files as [`Registry::load_files`] loads them into this registry,
    /// without stopping at a bad one: one result for each file, in the order of
    /// `files`. A file is refused here exactly when loading would refuse it: it cannot
    /// be read, it has problems, or a name of it (id or alias) is taken (by a built-in
    /// catalogue it does not say `overrides = true` for, or by a file before it); then
    /// the error is [`Error::InvalidCatalogue`] with every problem, the file's own and
    /// its names' clashes, each with its line and column (or [`Error::Io`]). A file
    /// that passes is added, so the files after it are checked against it.
    pub fn check_files(&mut self, files: &[PathBuf]) -> Vec<Result<CheckedFile, Error>> {
        let written = Catalogue::from_paths_written(files);
        files.iter().zip(written).map(|(path, file)| self.check_written(file, &path.display().to_string())).collect()
    }

    /// Checks one catalogue given as text (read from standard input, say) exactly as
    /// [`Registry::check_files`] checks a file; `origin` names it in problems.
    pub fn check_text(&mut self, text: &str, origin: &str) -> Result<CheckedFile, Error> {
        self.check_written(Catalogue::from_toml_written(text, origin), origin)
    }

    /// The check of one parsed file: its own problems and its names' clashes.
    fn check_written(&mut self, file: CatalogueFile, origin: &str) -> Result<CheckedFile, Error> {
        let clashes = self.clash_problems(&file.names, file.overrides);
        match file.catalogue {
            Err(Error::InvalidCatalogue { origin, mut problems }) => {
                problems.extend(clashes);
                problems.sort_by_key(|p| (p.line, p.column));
                Err(Error::InvalidCatalogue { origin, problems })
            }
            Err(other) => Err(other),
            Ok(_) if !clashes.is_empty() => {
                Err(Error::InvalidCatalogue { origin: origin.to_string(), problems: clashes })
            }
            Ok(catalogue) => {
                let checked = CheckedFile {
                    id: catalogue.id().to_string(),
                    codes: catalogue.codes().len(),
                    replaces_builtin: self.joining(&catalogue).replaced.is_some(),
                };
                self.add(catalogue).map(|()| checked)
            }
        }
    }

    /// Loads and adds the catalogue files at `path`: one file, or every `*.toml` file of
    /// a folder (except `taxonomy.toml`) in name order. Returns how many were added.
    /// Every file is checked as [`Catalogue::from_toml`] does; the first bad file
    /// stops the loading with all of its problems.
    ///
    /// The files of a folder are read and parsed on several threads; see
    /// [`Registry::load_files`].
    pub fn load(&mut self, path: &Path) -> Result<usize, Error> {
        self.load_files(&Catalogue::files_at(path)?)
    }

    /// Reads and parses catalogue files on several threads ([`Catalogue::from_paths`]),
    /// then adds them in the order of `files`. Returns how many were added.
    ///
    /// The outcome is the one of reading, parsing and adding the files one by one: the
    /// first file in that order that cannot be read, has problems (all of them are
    /// reported) or cannot be added stops the loading with its error, and the files
    /// before it stay added.
    pub fn load_files(&mut self, files: &[PathBuf]) -> Result<usize, Error> {
        for catalogue in Catalogue::from_paths(files) {
            self.add(catalogue?)?;
        }
        Ok(files.len())
    }

    /// Every catalogue, built-in ones first.
    pub fn catalogues(&self) -> &[Catalogue] {
        &self.catalogues
    }

    /// The catalogue with this id or alias, ignoring ASCII case.
    pub fn catalogue(&self, name: &str) -> Result<&Catalogue, Error> {
        Ok(&self.catalogues[self.find(name)?])
    }

    /// Where the catalogue with this id or alias is, or the error naming the known ones.
    pub(crate) fn find(&self, name: &str) -> Result<usize, Error> {
        self.position(name).ok_or_else(|| self.unknown_vendor(name))
    }

    fn unknown_vendor(&self, name: &str) -> Error {
        let names = self.catalogues.iter().flat_map(|c| std::iter::once(c.id()).chain(c.aliases()));
        Error::UnknownVendor {
            given: name.to_string(),
            suggestion: crate::text::suggest(name, names).map(|s| {
                // Suggest the id even when the alias was closer.
                self.position(s).map_or(s, |at| self.catalogues[at].id()).to_string()
            }),
            known: self.catalogues.iter().map(|c| c.id().to_string()).collect(),
        }
    }

    /// Where the catalogue of this id or alias is, ignoring ASCII case and reading `_` as
    /// `-` (people type `better_auth` for `better-auth`). Ids and aliases are lowercase
    /// with `-` and no two catalogues share one, so this is also the catalogue whose id
    /// is exactly `name`.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        if name.bytes().any(|b| b.is_ascii_uppercase() || b == b'_') {
            let spelled: String = name.chars().map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
            self.names.get(spelled.as_str()).copied()
        } else {
            self.names.get(name).copied()
        }
    }

    /// What a vendor's `message` beside `entry` says more precisely, if anything: see
    /// [`PreciseIndex::refinement`].
    pub(crate) fn refinement<'r>(&'r self, entry: CodeRef<'r>, message: &str) -> Option<MatchFound<'r>> {
        self.precise_index().refinement(&self.catalogues, entry, message)
    }

    /// The first code, in registry order, whose message equals the query's, else the
    /// first whose template it fills: what asking each catalogue in turn finds.
    pub(crate) fn precise_match(&self, query: &Query<'_>) -> Option<MatchFound<'_>> {
        self.precise_index().find(&self.catalogues, query)
    }

    /// The code of any catalogue whose message is the most similar to the query's: see
    /// [`PreciseIndex::most_similar`].
    pub(crate) fn similar_match(&self, query: &Query<'_>) -> Option<MatchFound<'_>> {
        self.precise_index().most_similar(&self.catalogues, query)
    }

    fn precise_index(&self) -> &PreciseIndex {
        self.precise.get_or_init(|| PreciseIndex::new(&self.catalogues))
    }

    /// The index in `slot`, built by `build` on first use. Each slot holds one type,
    /// the one its service builds.
    pub(crate) fn lazy<T: Any + Send + Sync>(&self, slot: Slot, build: impl FnOnce(&Registry) -> T) -> &T {
        let index = self.lazy[slot as usize].get_or_init(|| Box::new(build(self)));
        match index.downcast_ref::<T>() {
            Some(index) => index,
            None => unreachable!("registry slot {slot:?} holds one type only"),
        }
    }

    /// The code `code` of catalogue `vendor`. The code is matched exactly first, then
    /// ignoring ASCII case, then as a symbol (`wilddog:invalid_user`).
    pub fn lookup(&self, vendor: &str, code: &str) -> Result<CodeRef<'_>, Error> {
        let at = self.position(vendor).ok_or_else(|| self.unknown_vendor(vendor))?;
        let catalogue = &self.catalogues[at];
        match catalogue.find(code) {
            Some(entry) => Ok(entry),
            None => Err(Error::UnknownCode {
                vendor: catalogue.id().to_string(),
                code: code.to_string(),
                elsewhere: self
                    .catalogues
                    .iter()
                    .filter(|c| c.get(code).is_some())
                    .map(|c| c.id().to_string())
                    .collect(),
            }),
        }
    }

    /// Resolves a reference of the form `VENDOR:CODE`, such as `wilddog:22011`.
    ///
    /// ```
    /// let registry = errmap_auth::Registry::builtin();
    /// assert_eq!(registry.resolve("OneAccess:LOGIN.0002")?.kind().id(), "invalid_credentials");
    /// assert!(registry.resolve("wilddog").is_err());
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn resolve(&self, reference: &str) -> Result<CodeRef<'_>, Error> {
        match reference.split_once(':') {
            Some((vendor, code)) if !vendor.trim().is_empty() && !code.trim().is_empty() => {
                self.lookup(vendor.trim(), code.trim())
            }
            _ => Err(Error::MalformedReference { given: reference.to_string() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Registry>();
    }

    #[test]
    fn suggestions_name_the_id() {
        let error = Registry::builtin().catalogue("wildog").unwrap_err();
        match error {
            Error::UnknownVendor { suggestion, .. } => assert_eq!(suggestion.as_deref(), Some("wilddog")),
            other => panic!("unexpected {other:?}"),
        }
    }
}
