"""A small program as a user writes it, checked with `mypy --strict` against the
package's stubs (ci.sh runs it; it is not a pytest module). Run it to see the answers."""

from __future__ import annotations

import errmap
from errmap import CanonicalError, ErrmapError, Registry, Translation


def best_equivalent(code: str, target: str) -> str | None:
    translations: list[Translation] = errmap.translate(code, target)
    if not translations:
        return None
    best = translations[0]
    relation: str = best.relation
    distance: int = best.distance
    return f"{best.vendor}:{best.code} ({relation}, {distance} steps)"


def respond(body: bytes, status: int) -> tuple[int, dict[str, object]]:
    error: CanonicalError = errmap.normalize(body, status=status, locale="zh-CN", exposure="none")
    problem: dict[str, object] = error.problem()
    return error.http_status, problem


def batch(bodies: list[bytes | str]) -> list[str]:
    kinds: list[str] = []
    for result in errmap.normalize_many(bodies, return_exceptions=True):
        if isinstance(result, ErrmapError):
            kinds.append(f"error: {result.message}")
        else:
            kinds.append(result.kind)
    strict: list[CanonicalError] = errmap.normalize_many(bodies)
    return kinds + [e.kind for e in strict]


def crosswalk(registry: Registry, source: str, target: str) -> dict[str, str | None]:
    return {row.source.code: row.target.code if row.target else None for row in registry.table(source, target)}


def main() -> None:
    print(best_equivalent("wilddog:22011", "authing"))
    print(respond(b'{"error_code":"LOGIN.0002","error_msg":"x"}', 400))
    print(batch([b"{}", '{"code": 22011}']))
    explanation = errmap.explain("wilddog:22011")
    print(explanation.kind_path, explanation.messages["en"].text)
    for hit in errmap.search("locked", limit=2):
        print(hit.score, hit.vendor, hit.code, hit.kind)
    print(len(crosswalk(errmap.builtin, "wilddog", "authing")))
    print([k.id for k in errmap.kinds() if k.parent is None])
    print(sum(c.codes for c in errmap.catalogues()))
    try:
        errmap.translate("wildog:22011")
    except errmap.UnknownVendorError as error:
        suggestion: str | None = error.suggestion
        print(suggestion)


if __name__ == "__main__":
    main()
