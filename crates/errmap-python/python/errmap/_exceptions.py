"""The exceptions errmap raises. Each carries the library's message as ``str(error)``
and the details as attributes."""

from __future__ import annotations

from typing import NamedTuple


class ErrmapError(Exception):
    """Base class of every error errmap raises."""

    message: str

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        for name, value in details.items():
            setattr(self, name, value)


class UnknownVendorError(ErrmapError, LookupError):
    """No catalogue has this id or alias."""

    given: str
    #: The closest catalogue id, when one is close enough to be a likely typo.
    suggestion: str | None
    #: Every catalogue id.
    known: list[str]


class UnknownCodeError(ErrmapError, LookupError):
    """The catalogue exists but has no such code."""

    vendor: str
    code: str
    #: Other catalogues that have a code written so (a different code there).
    elsewhere: list[str]


class InvalidInputError(ErrmapError, ValueError):
    """An argument errmap cannot use: a bad locale or exposure level, a body that is
    not JSON-shaped data, text that is not valid Unicode."""


class MalformedReferenceError(InvalidInputError):
    """A code reference that is not of the form ``VENDOR:CODE``."""

    given: str


class BodyTooLargeError(InvalidInputError):
    """A body longer than ``max_body_bytes`` (1 MiB unless raised)."""

    size: int
    limit: int


class CatalogueProblem(NamedTuple):
    """One problem of a catalogue file."""

    line: int
    column: int
    message: str


class CatalogueError(ErrmapError):
    """A catalogue file could not be used. For a file with problems, ``problems`` lists
    every one of them with its line and column."""

    #: The file (or other origin) the catalogue came from.
    origin: str
    problems: list[CatalogueProblem]

    def __init__(self, message: str, **details: object) -> None:
        self.problems = []
        super().__init__(message, **details)


class DuplicateCatalogueError(CatalogueError):
    """A catalogue reuses the id or an alias of another one."""

    name: str
    #: Whether the clash is with a built-in catalogue (then the file may say
    #: ``overrides = true`` to replace it on purpose).
    builtin: bool


class CatalogueReadError(CatalogueError):
    """A catalogue file or folder could not be read."""

    #: The operating system's explanation.
    reason: str


__all__ = [
    "BodyTooLargeError",
    "CatalogueError",
    "CatalogueProblem",
    "CatalogueReadError",
    "DuplicateCatalogueError",
    "ErrmapError",
    "InvalidInputError",
    "MalformedReferenceError",
    "UnknownCodeError",
    "UnknownVendorError",
]
