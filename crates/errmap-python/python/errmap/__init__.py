"""errmap: authentication vendors' error codes in one canonical taxonomy.

Translate a vendor's code into another vendor's catalogue, explain it, search the
catalogues, and turn any vendor's raw error body into one canonical error and an
RFC 9457 problem document. The catalogues are compiled into the native module: nothing
is read from disk unless you load catalogues of your own with ``Registry.load``.

    >>> import errmap
    >>> errmap.translate("wilddog:22011", "authing")[0].code
    '2004'
    >>> errmap.normalize(b'{"code": 22011, "message": "x"}', exposure="all").kind
    'user_not_found'

The module-level functions answer from the built-in catalogues; a ``Registry`` from
``Registry.load(paths)`` has the same methods and adds yours.
"""

from __future__ import annotations

from errmap._errmap import (
    DEFAULT_MAX_BODY_BYTES,
    PROBLEM_CONTENT_TYPE,
    CanonicalError,
    Catalogue,
    Code,
    Explanation,
    Kind,
    LocalizedText,
    Registry,
    Row,
    SearchHit,
    Setting,
    Translation,
    Variant,
    __version__,
)
from errmap._exceptions import (
    BodyTooLargeError,
    CatalogueError,
    CatalogueProblem,
    CatalogueReadError,
    DuplicateCatalogueError,
    ErrmapError,
    InvalidInputError,
    MalformedReferenceError,
    UnknownCodeError,
    UnknownVendorError,
)

#: The registry of the built-in catalogues that the functions below answer from.
builtin = Registry()

# Bound methods of the native class, not Python wrappers: a call costs no extra frame.
translate = builtin.translate
explain = builtin.explain
search = builtin.search
table = builtin.table
catalogues = builtin.catalogues
kinds = builtin.kinds
normalize = builtin.normalize
normalize_many = builtin.normalize_many

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "PROBLEM_CONTENT_TYPE",
    "BodyTooLargeError",
    "CanonicalError",
    "Catalogue",
    "CatalogueError",
    "CatalogueProblem",
    "CatalogueReadError",
    "Code",
    "DuplicateCatalogueError",
    "ErrmapError",
    "Explanation",
    "InvalidInputError",
    "Kind",
    "LocalizedText",
    "MalformedReferenceError",
    "Registry",
    "Row",
    "SearchHit",
    "Setting",
    "Translation",
    "UnknownCodeError",
    "UnknownVendorError",
    "Variant",
    "__version__",
    "builtin",
    "catalogues",
    "explain",
    "kinds",
    "normalize",
    "normalize_many",
    "search",
    "table",
    "translate",
]
