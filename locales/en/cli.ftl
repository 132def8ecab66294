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
error-duplicate-catalogue = the catalogue name '{ $name }' is already taken
error-io = cannot read { $path }: { $message }

## errmap normalize

label-unidentified = unidentified error
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
summary-jsonl = errmap: { $lines } lines, { $normalized } normalized ({ $unknown } without a known code), { $errors } errors; { $vendors }
error-format-problem-only = --format problem is only for errmap normalize; use text or json
error-body-too-large = the body has { $size } bytes, over the limit of { $limit }; raise --max-body-bytes to accept it
