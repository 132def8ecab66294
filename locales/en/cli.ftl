### Strings of the errmap command-line tool (English).

## Labels of the text output

label-kind = kind
label-kind-path = kind path
label-vendor-message = vendor message
label-translation = errmap translation
label-vendor-text = vendor text
label-category = category
label-http-status = HTTP status
label-http-status-vendor = documented by the vendor
label-http-status-kind = default of the kind
label-retryable = retryable
label-actor = who can act
label-public-kind = shown to end users as
label-message = message
label-hint = hint
label-reason = why
label-description = vendor description
label-fallback = fallback, not a match
label-no-equivalent = no equivalent
label-more = … and { $count } more (--all shows every candidate)
label-confidence = confidence
label-weak = weak
label-weak-hidden = no equivalent (weak candidate hidden)
label-weak-hidden-count = weak hidden
label-codes-count = { $count ->
    [one] { $count } code
   *[other] { $count } codes
}
yes = yes
no = no

## Relations and matches

relation-exact = exact
relation-close = close
relation-broader = broader
relation-narrower = narrower
relation-related = related
match-exact = exact
match-close = close
match-narrower = narrower

## Who can act

actor-end_user = end user
actor-integrator = integrator
actor-administrator = administrator
actor-operator = operator

## Errors

error = error
error-unknown-vendor = unknown vendor '{ $given }'
error-did-you-mean = did you mean '{ $suggestion }'?
error-known-vendors = known vendors: { $list }
error-unknown-code = { $vendor } has no code '{ $code }'
error-code-elsewhere = '{ $code }' is a code of { $list } (a different code there)
error-list-codes = `errmap codes { $vendor }` lists its codes
error-malformed-reference = '{ $given }' is not a code reference; write VENDOR:CODE, e.g. wilddog:22011
error-invalid-catalogue = { $origin } has problems
error-duplicate-catalogue = the catalogue name '{ $name }' is loaded twice
error-io = cannot read { $path }: { $message }
error-io-write = cannot write { $path }: { $message }
label-standard-output = standard output

## errmap normalize

label-unidentified = unidentified error
label-withheld = (vendor and code withheld at this exposure)
label-known-code = known code
label-unknown-code = code not in the table
label-params = values
label-detection = how it was decided
detected-hint = vendor named by the caller
detected-shape = detected by body shape
detected-code = detected by code
detected-message = kind taken from the message
detected-status = kind taken from the HTTP status
detected-none = not identified
summary-jsonl = errmap: { $lines ->
        [one] { $lines } line
       *[other] { $lines } lines
    }{ $blank ->
        [0] {""}
       *[other] {" "}({ $blank } blank)
    }, { $normalized } normalized ({ $unknown } without a known code), { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }; { $vendors }
error-body-too-large = the body has { $size } bytes, over the limit of { $limit }; raise --max-body-bytes to accept it
error-format-unsupported = --format { $format } is not available for errmap { $command }; use one of: { $list }
error-duplicate-builtin = the catalogue name '{ $name }' is built in; choose another id, or add `overrides = true` to replace the built-in catalogue
error-duplicate-other-builtin = the name '{ $name }' belongs to another built-in catalogue than the one this file overrides; choose another alias

## Variants, settings and links of a code

label-variants-split = One code, several conditions: each translated on its own
label-variant = condition
label-same-as = same condition as
label-setting = depends on a setting
label-setting-into = when on, { $merges } are reported as { $into }
label-setting-hides = when on, { $merges } are not reported

## errmap vendors, kinds, table

label-vendor = vendor
label-name = name
label-aliases = aliases
label-codes = codes
label-exact-share = exact
label-user-catalogue = your catalogue
label-per-catalogue = per catalogue
label-relation = relation
label-crosswalk = Crosswalk
label-table-summary = { $total ->
    [one] { $total } code
   *[other] { $total } codes
}: { $counts }

## errmap search

label-no-results = Nothing matches. Try fewer words, a code, or a word from the message.
search-exact = same text
search-equal = same text (case and punctuation aside)
search-template = fills the template
search-contains = contains the words
search-in_query = found in the text
search-similar = similar

## errmap check

check-ok = ok
check-note = note
check-note-replaces = replaces the built-in catalogue '{ $name }' (`overrides = true`)
check-empty-folder = no catalogue files (*.toml) here
check-summary = { $files ->
    [one] { $files } file checked
   *[other] { $files } files checked
}, { $invalid ->
    [0] all valid
    [one] { $invalid } with problems
   *[other] { $invalid } with problems
}

## Help

help-about = Translate authentication providers' error codes between vendors and into one canonical taxonomy.
help-usage = Usage
help-examples = Examples
help-more = Exit codes: 0 ok, 1 not found or no equivalent, 2 usage or invalid input, 3 the output could not be written. `errmap help COMMAND` shows a command's options.
help-options = Options
help-arguments = Arguments
help-commands = Commands
help-command-value = COMMAND
help-flag-help = Print help
help-flag-version = Print version
help-translate = Find the nearest equivalents of a code in other catalogues
help-explain = Show everything errmap knows about a code
help-search = Find codes and kinds from any text: a vendor message, a code, a symbol, a word
help-table = The migration crosswalk: every code of FROM with its best equivalent in TO
help-codes = List every code of a catalogue with its kind
help-vendors = List the catalogues: id, name, aliases, codes, share mapped exactly
help-kinds = Show the taxonomy as a tree, with the number of codes under each kind
help-normalize = Turn a vendor's raw error body into one canonical error
help-check = Check catalogue files and report every problem with file, line and column
help-completions = Print a shell completion script
help-man = Print the manual page (roff)
help-arg-lang = Language of messages and labels (en, zh-CN, zh-TW); default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en
help-arg-format = Output format: text, json; problem for normalize; md, csv, sssom for table. In csv and sssom a cell a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage return, even a code such as -1) is written as text: quoted, with a ' in front
help-arg-color = When to colour the output: auto (a terminal without NO_COLOR), always, never
help-arg-catalogs = Load extra catalogues from a file or a folder (repeatable); also ERRMAP_CATALOGUES
help-arg-translate-reference = The code to translate, as VENDOR:CODE (wilddog:22011 or wilddog:invalid_user)
help-arg-translate-targets = Catalogues to translate into; every other one when omitted
help-arg-translate-all = Show every candidate, not only the best five per catalogue
help-arg-explain-reference = The code, as VENDOR:CODE
help-arg-search-text = The text to look for: a message, a code, a symbol, a word
help-arg-search-vendor = Look only in this catalogue
help-arg-search-limit = Show at most this many results
help-arg-table-from = The catalogue you migrate from
help-arg-table-to = The catalogue you migrate to
help-arg-table-min_confidence = Hide candidates less sure than N (0 to 1); their rows read "no equivalent (weak candidate hidden)"
help-arg-codes-vendor = The catalogue id or alias
help-arg-normalize-file = A file holding the body (or the lines with --jsonl); standard input if omitted
help-arg-normalize-vendor = The catalogue the body came from; wins over detection
help-arg-normalize-status = The HTTP status of the vendor's response
help-arg-normalize-content_type = The Content-Type of the vendor's response
help-arg-normalize-expose = What to reveal: none, account-status or all (default: all; none for --format problem)
help-arg-normalize-jsonl = One body (or {"{"}"body", "vendor", "status"{"}"} record) per line; one result per line
help-arg-normalize-max_body_bytes = Refuse bodies longer than this many bytes
help-arg-check-paths = Catalogue files, or folders of *.toml files
help-arg-check-as_builtin = Check the files as errmap's own data (mappings/): against each other only, not against the built-in catalogues
help-arg-completions-shell = The shell: bash, zsh, fish, powershell or elvish

## Kinds, conventions and the JSON lines stream

label-children = narrower kinds
error-unknown-kind = '{ $given }' is neither a kind nor a code reference (VENDOR:CODE, e.g. wilddog:22011)
error-list-kinds = `errmap kinds` lists the kinds
note-locale-fallback = errmap: no messages in '{ $asked }'; using { $used }
error-jsonl-text = --jsonl writes one JSON record per line; leave out --format, or use --format json or --format problem
error-search-empty = there is nothing to search for; give a message, a code, a symbol or a word
error-line-not-json = line { $line } is not JSON
error-line-not-a-body = line { $line } is not a body or a record (a bare number, true, false or null)
error-line-too-long = line { $line } has { $size } bytes, over the limit of { $limit }; raise --max-body-bytes to accept it
error-no-man-page = there is no manual page for '{ $given }'; the commands are { $list }
