"""The Python package against the library's own answers: every function, the result
classes, the exceptions, and bad input (which must raise a clear exception or get an
answer, never crash the interpreter)."""

from __future__ import annotations

import importlib.metadata
import json
import os
import pathlib
import shutil
import subprocess
import threading
import time

import pytest

import errmap

ONEACCESS = b'{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1"}'
AUTHING_NOT_FOUND = '{"statusCode":404,"apiCode":2004,"message":"用户未找到"}'
AUTHING_BAD_PASSWORD = '{"statusCode":401,"apiCode":2006,"message":"密码错误"}'


# --- translate --------------------------------------------------------------------


def test_translate_into_one_catalogue() -> None:
    translations = errmap.translate("wilddog:22011", "authing")
    best = translations[0]
    assert isinstance(best, errmap.Translation)
    assert (best.vendor, best.code, best.relation, best.kind) == ("authing", "2004", "exact", "user_not_found")
    assert best.source == "wilddog:22011"
    assert best.distance == 0
    assert best.confidence >= 0.9 and "kind exact on both sides" in best.evidence
    assert all(0.0 <= t.confidence <= 1.0 and t.evidence for t in translations)
    assert best.match == "exact"
    assert best.vendor_message == "用户未找到"
    assert best.message == "User not found."
    assert best.vendor_name == "Authing API v3"
    assert all(t.vendor == "authing" for t in translations)


def test_translate_into_every_catalogue() -> None:
    translations = errmap.translate("wilddog:22011")
    vendors = {t.vendor for t in translations}
    assert "authing" in vendors and "auth0" in vendors
    assert "wilddog" not in vendors
    relations = {t.relation for t in translations}
    assert relations <= {"exact", "close", "broader", "narrower", "related"}


def test_translate_is_case_and_space_tolerant_and_localized() -> None:
    assert errmap.translate(" WILDDOG:22011 ", "Authing")[0].code == "2004"
    assert errmap.translate("wilddog:invalid_user", "authing")[0].code == "2004"
    assert errmap.translate("wilddog:22011", "authing", locale="zh-CN")[0].message == "用户未找到"


def test_translate_answers_are_fresh_lists_of_equal_frozen_objects() -> None:
    first = errmap.translate("wilddog:22011", "authing")
    first.clear()
    second = errmap.translate("wilddog:22011", "authing")
    assert second and second == errmap.translate("wilddog:22011", "authing")
    with pytest.raises(AttributeError):
        second[0].code = "x"  # type: ignore[misc]


def test_translate_without_equivalent_is_empty() -> None:
    # A catalogue's catch-all has no equivalent anywhere but itself.
    assert errmap.translate("wilddog:29999", "authing") == []


def test_translate_errors() -> None:
    with pytest.raises(errmap.UnknownVendorError) as caught:
        errmap.translate("wildog:22011", "authing")
    assert caught.value.given == "wildog"
    assert caught.value.suggestion == "wilddog"
    assert "wilddog" in caught.value.known
    assert "did you mean 'wilddog'" in str(caught.value)
    assert isinstance(caught.value, LookupError) and isinstance(caught.value, errmap.ErrmapError)

    with pytest.raises(errmap.UnknownVendorError):
        errmap.translate("wilddog:22011", "nosuchvendor")

    with pytest.raises(errmap.UnknownCodeError) as code:
        errmap.translate("wilddog:2004", "authing")
    assert (code.value.vendor, code.value.code) == ("wilddog", "2004")
    assert "authing" in code.value.elsewhere
    assert str(code.value).startswith("wilddog has no code '2004'")

    with pytest.raises(errmap.MalformedReferenceError) as malformed:
        errmap.translate("22011")
    assert malformed.value.given == "22011"
    assert isinstance(malformed.value, errmap.InvalidInputError) and isinstance(malformed.value, ValueError)

    with pytest.raises(errmap.InvalidInputError, match="no shipped locale serves 'fr'"):
        errmap.translate("wilddog:22011", locale="fr")
    with pytest.raises(TypeError):
        errmap.translate(22011)  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        errmap.translate("wilddog:\ud800")


# --- explain, search, table, catalogues, kinds ------------------------------------------


def test_explain() -> None:
    explanation = errmap.explain("wilddog:22011")
    assert (explanation.vendor, explanation.code, explanation.symbol) == ("wilddog", "22011", "invalid_user")
    assert explanation.kind == "user_not_found"
    assert explanation.kind_path[-1] == "user_not_found"
    assert explanation.kind_path[0] == "authentication_failed"
    assert explanation.public_kind == "invalid_credentials"
    assert explanation.actor == "end_user"
    assert set(explanation.messages) == {"en", "zh-CN", "zh-TW"}
    assert explanation.messages["zh-CN"].origin == "vendor"
    assert explanation.messages["en"].origin == "errmap"
    assert explanation.vendor_message == "该用户不存在"
    assert explanation.to_dict()["messages"]["zh-CN"]["text"] == "该用户不存在"
    assert errmap.explain("wilddog:22011", locale="zh-TW").locale == "zh-TW"
    with pytest.raises(errmap.UnknownCodeError):
        errmap.explain("wilddog:00000")


def test_explain_variants_and_settings() -> None:
    with_variants = [
        code
        for catalogue in ("keycloak", "oauth2", "okta", "auth0", "firebase", "cognito")
        for code in (row.source.code for row in errmap.table(catalogue, "wilddog"))
        if errmap.explain(f"{catalogue}:{code}").variants
    ]
    assert with_variants, "some built-in code tells conditions apart by a secondary field"


def test_search() -> None:
    hits = errmap.search("Invalid account name or password. Remaining attempts: 3")
    best = hits[0]
    assert (best.type, best.vendor, best.code) == ("code", "oneaccess", "LOGIN.0002")
    assert (best.field, best.match, best.score) == ("message", "template", 0.99)
    assert best.values == ["3"]

    kind = errmap.search("email_taken")[0]
    assert (kind.type, kind.vendor, kind.code, kind.kind) == ("kind", None, None, "email_taken")

    assert errmap.search("该邮箱地址已经使用", "wilddog")[0].code == "22013"
    assert len(errmap.search("password", limit=3)) <= 3
    assert errmap.search("") == []
    assert all(h.score >= 0.9 for h in errmap.search("password", min_score=0.9))
    with pytest.raises(errmap.UnknownVendorError):
        errmap.search("password", vendor="nope")


def test_table() -> None:
    rows = errmap.table("wilddog", "authing")
    assert len(rows) == next(c.codes for c in errmap.catalogues() if c.id == "wilddog")
    by_code = {row.source.code: row for row in rows}
    row = by_code["22011"]
    assert row.target is not None and row.target.code == "2004" and row.relation == "exact"
    for each in rows:
        assert (each.relation == "none") == (each.target is None)
    plain = row.to_dict()
    assert plain["source"]["code"] == "22011" and plain["target"]["vendor"] == "authing"
    with pytest.raises(errmap.UnknownVendorError):
        errmap.table("wilddog", "nope")


def test_catalogues() -> None:
    catalogues = errmap.catalogues()
    ids = [c.id for c in catalogues]
    assert {"wilddog", "authing", "auth0", "oneaccess"} <= set(ids)
    for catalogue in catalogues:
        assert catalogue.builtin
        assert catalogue.codes > 0
        assert 0 <= catalogue.exact_share <= 1
        assert catalogue.exact <= catalogue.codes


def test_kinds() -> None:
    kinds = errmap.kinds()
    by_id = {k.id: k for k in kinds}
    assert by_id["user_not_found"].parent == "invalid_credentials"
    assert "user_not_found" in by_id["invalid_credentials"].children
    assert by_id["user_not_found"].exposure == "enumeration"
    assert by_id["user_not_found"].codes["wilddog"] >= 1
    for kind in kinds:
        assert kind.total >= sum(kind.codes.values())
        if kind.parent is not None:
            assert kind.id in by_id[kind.parent].children
    assert errmap.kinds(locale="zh-CN")[0].message != kinds[0].message


# --- normalize --------------------------------------------------------------------


def test_normalize_hides_detail_by_default() -> None:
    error = errmap.normalize(ONEACCESS, status=400)
    assert isinstance(error, errmap.CanonicalError)
    assert (error.vendor, error.kind, error.http_status) == ("oneaccess", "invalid_credentials", 401)
    assert error.expose == "none"
    assert error.code is None and error.params == {} and error.vendor_message is None
    assert error.upstream_status == 400
    assert error.detected_by == "shape"


def test_normalize_everything_at_all() -> None:
    error = errmap.normalize(ONEACCESS, status=400, exposure="all")
    assert error.code == "LOGIN.0002"
    assert error.params == {"remaining": 1}
    assert error.message == "The account name or password is incorrect. 1 attempt left."
    assert error.known
    assert "oneaccess" in error.detection
    plain = error.to_dict()
    assert list(plain) == [
        "vendor", "code", "known", "kind", "kind_path", "public_kind", "http_status", "upstream_status",
        "retryable", "detected_by", "detection", "params", "vendor_message", "message", "hint", "locale", "expose",
    ]  # fmt: skip
    assert json.loads(json.dumps(plain)) == plain
    assert errmap.normalize(ONEACCESS, exposure="account_status").expose == "account-status"


def test_problem_documents() -> None:
    not_found = errmap.normalize(AUTHING_NOT_FOUND, vendor="authing")
    bad_password = errmap.normalize(AUTHING_BAD_PASSWORD, vendor="authing")
    # At exposure none an end user cannot tell a missing account from a wrong password.
    assert not_found.problem() == bad_password.problem()
    assert not_found.problem_json() == bad_password.problem_json()
    problem = not_found.problem()
    assert list(problem)[:4] == ["type", "title", "status", "detail"]
    assert problem["type"] == "urn:errmap:kind:invalid_credentials"
    assert problem["status"] == not_found.http_status == 401
    assert json.loads(not_found.problem_json()) == problem
    assert errmap.PROBLEM_CONTENT_TYPE == "application/problem+json"
    chinese = errmap.normalize(AUTHING_NOT_FOUND, vendor="authing", locale="zh-CN")
    assert chinese.content_language == "zh-CN" and chinese.problem()["title"] != problem["title"]
    revealed = errmap.normalize(AUTHING_NOT_FOUND, vendor="authing", exposure="all").problem()
    assert revealed["kind"] == "user_not_found" and revealed["vendor_code"] == "2004"


def test_normalize_accepts_bytes_str_dict_list() -> None:
    raw = ONEACCESS
    answers = [
        errmap.normalize(body, exposure="all")
        for body in (raw, raw.decode(), bytearray(raw), memoryview(raw), json.loads(raw))
    ]
    assert all(answer == answers[0] for answer in answers)
    array = errmap.normalize([{"code": 22011}], exposure="all")
    assert array.kind  # answered, whatever it is
    record = errmap.normalize({"code": 22011, "message": "该用户不存在", "nested": {"a": [1, 2.5, None, True]}})
    assert record.vendor == "wilddog"


def test_normalize_hint_status_and_content_type() -> None:
    hinted = errmap.normalize(b'{"code": 2004, "message": "x"}', vendor="authing-v2", exposure="all")
    assert (hinted.vendor, hinted.detected_by) == ("authing-v2", "hint")
    by_status = errmap.normalize(b"<html>Too many</html>", status=429, content_type="text/html")
    assert (by_status.kind, by_status.detected_by, by_status.upstream_status) == ("rate_limited", "status", 429)


def test_normalize_never_crashes_on_odd_bodies() -> None:
    odd = [b"", b"   ", b"\xff\xfe\x00{", b"\xef\xbb\xbf{}", b"null", b"[", b"[" * 100_000, b"{" * 50_000, "<html>", b"\x00" * 100]
    for body in odd:
        error = errmap.normalize(body)
        assert error.kind  # an answer, kind unknown or the nearest to the status
    invalid_utf8 = errmap.normalize(b'{"code": "\xff\xfe", "message": "\xc3"}')
    assert invalid_utf8.kind == "unknown" and not invalid_utf8.known


def test_normalize_bad_input() -> None:
    with pytest.raises(errmap.UnknownVendorError):
        errmap.normalize(ONEACCESS, vendor="nope")
    with pytest.raises(errmap.InvalidInputError, match="lone surrogates"):
        errmap.normalize('{"message": "\ud800"}')
    with pytest.raises(errmap.InvalidInputError, match="exposure"):
        errmap.normalize(ONEACCESS, exposure="everything")  # type: ignore[arg-type]
    with pytest.raises(errmap.InvalidInputError, match="locale"):
        errmap.normalize(ONEACCESS, locale="xx")
    with pytest.raises(TypeError):
        errmap.normalize(42)  # type: ignore[arg-type]
    with pytest.raises(errmap.InvalidInputError, match="JSON cannot carry"):
        errmap.normalize({"when": object()})
    with pytest.raises(errmap.InvalidInputError, match="not finite"):
        errmap.normalize({"n": float("nan")})
    with pytest.raises(errmap.InvalidInputError, match="JSON keys are str"):
        errmap.normalize({1: "x"})
    deep: dict[str, object] = {}
    cursor = deep
    for _ in range(1000):
        cursor["a"] = {}
        cursor = cursor["a"]  # type: ignore[assignment]
    with pytest.raises(errmap.InvalidInputError, match="nests deeper"):
        errmap.normalize(deep)
    loop: dict[str, object] = {}
    loop["self"] = loop
    with pytest.raises(errmap.InvalidInputError, match="nests deeper"):
        errmap.normalize(loop)
    with pytest.raises(OverflowError):
        errmap.normalize(ONEACCESS, status=70000)


def test_body_over_the_limit_is_a_clear_error() -> None:
    limit = errmap.DEFAULT_MAX_BODY_BYTES
    assert limit == 1 << 20
    at_limit = b" " * limit
    assert errmap.normalize(at_limit).kind == "unknown"
    with pytest.raises(errmap.BodyTooLargeError) as caught:
        errmap.normalize(b" " * (limit + 1))
    assert (caught.value.size, caught.value.limit) == (limit + 1, limit)
    assert "over the limit" in str(caught.value)
    huge = b'{"code": 22011, "message": "' + b"x" * (64 << 20) + b'"}'
    with pytest.raises(errmap.BodyTooLargeError):
        errmap.normalize(huge)
    with pytest.raises(errmap.BodyTooLargeError):
        errmap.normalize(huge.decode())
    with pytest.raises(errmap.BodyTooLargeError):
        errmap.normalize(ONEACCESS, max_body_bytes=10)
    assert errmap.normalize(huge, max_body_bytes=len(huge), exposure="all").vendor == "wilddog"


def test_normalize_many() -> None:
    bodies = [ONEACCESS, AUTHING_NOT_FOUND, {"code": 22011}, b"not json"]
    many = errmap.normalize_many(bodies, exposure="all")
    assert many == [errmap.normalize(body, exposure="all") for body in bodies]
    assert errmap.normalize_many([]) == []
    assert len(errmap.normalize_many(iter([ONEACCESS] * 1000))) == 1000
    with pytest.raises(errmap.BodyTooLargeError):
        errmap.normalize_many([ONEACCESS, b" " * 100], max_body_bytes=99)
    mixed = errmap.normalize_many([ONEACCESS, b" " * 100], max_body_bytes=99, return_exceptions=True)
    assert isinstance(mixed[0], errmap.CanonicalError)
    assert isinstance(mixed[1], errmap.BodyTooLargeError)
    with pytest.raises(TypeError):
        errmap.normalize_many([ONEACCESS, 3])  # type: ignore[list-item]


def test_large_bodies_release_the_gil() -> None:
    """While one thread normalizes a batch of large bodies, another keeps running."""
    body = b'{"code": 22011, "message": "' + b"x" * (256 << 10) + b'"}'
    batch = [body] * 400
    started = threading.Event()
    ticks = 0

    def work() -> None:
        started.set()
        errmap.normalize_many(batch)

    worker = threading.Thread(target=work)
    begin = time.perf_counter()
    worker.start()
    started.wait()
    while worker.is_alive():
        ticks += 1
    elapsed = time.perf_counter() - begin
    worker.join()
    # Held for the whole batch, the GIL would leave this thread a handful of turns.
    assert elapsed < 0.05 or ticks > 10_000, (ticks, elapsed)


def test_threads_share_one_registry() -> None:
    from concurrent.futures import ThreadPoolExecutor

    big = b'{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1","pad":"' + b"p" * 20_000 + b'"}'
    with ThreadPoolExecutor(4) as pool:
        kinds = set(pool.map(lambda _: errmap.normalize(big).kind, range(200)))
        codes = set(pool.map(lambda _: errmap.translate("wilddog:22011", "authing")[0].code, range(200)))
    assert kinds == {"invalid_credentials"} and codes == {"2004"}


# --- Registry.load ----------------------------------------------------------------

ACME = """id = "acme"
name = "Acme Identity"
aliases = ["acme-id"]
language = "en"

[[code]]
code = "A-404"
message = "No such user."
kind = "user_not_found"
match = "exact"

[[code]]
code = "A-423"
message = "Account locked."
kind = "locked"
match = "exact"
"""

BAD = """id = "bad"
name = "Bad"
language = "en"

[[code]]
code = "B-1"
message = "One."
kind = "user_not_fund"
match = "exact"

[[code]]
code = "B-1"
message = "Twice."
kind = "locked"
match = "close"
"""


def test_registry_load_user_catalogue(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(ACME, encoding="utf-8")
    registry = errmap.Registry.load(path)
    assert [c.id for c in registry.catalogues()][-1] == "acme"
    assert not registry.catalogues()[-1].builtin
    assert registry.translate("acme:A-404", "wilddog")[0].code == "22011"
    assert registry.translate("wilddog:22011", "acme-id")[0].code == "A-404"
    assert registry.explain("acme:A-423").kind == "locked"
    assert registry.table("acme", "authing")[0].source.code == "A-404"
    assert registry.search("No such user.", "acme")[0].code == "A-404"
    assert registry.normalize(b'{"code": "A-404"}', vendor="acme", exposure="all").known
    # The built-in registry is untouched.
    with pytest.raises(errmap.UnknownVendorError):
        errmap.translate("acme:A-404")
    # A folder, a str path, a list of paths.
    assert errmap.Registry.load(str(tmp_path)).catalogues()[-1].id == "acme"
    assert errmap.Registry.load([path]).catalogues()[-1].id == "acme"
    assert "1 loaded" in repr(registry)


def test_registry_load_errors(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(errmap.CatalogueError) as caught:
        errmap.Registry.load(bad)
    problems = caught.value.problems
    assert len(problems) >= 2
    assert all(isinstance(p, errmap.CatalogueProblem) for p in problems)
    assert problems[0].line == 8 and "user_not_fund" in problems[0].message
    assert caught.value.origin.endswith("bad.toml")
    assert str(caught.value).count("\n") == len(problems)

    duplicate = tmp_path / "dup.toml"
    duplicate.write_text(ACME.replace('id = "acme"', 'id = "wilddog"'), encoding="utf-8")
    with pytest.raises(errmap.DuplicateCatalogueError) as dup:
        errmap.Registry.load(duplicate)
    assert dup.value.name == "wilddog" and dup.value.builtin

    with pytest.raises(errmap.CatalogueReadError) as missing:
        errmap.Registry.load(tmp_path / "missing.toml")
    assert isinstance(missing.value, errmap.CatalogueError)
    assert missing.value.reason


# --- the package ------------------------------------------------------------------


def test_the_wheel_needs_no_data_files() -> None:
    files = [str(f) for f in importlib.metadata.files("errmap-auth") or []]
    package = {f.split("/", 1)[1] for f in files if f.startswith("errmap/") and "__pycache__" not in f}
    if not package:
        pytest.skip("an editable install (maturin develop) lists no package files")
    native = {name for name in package if name.startswith("_errmap.") and name.endswith(".so")}
    assert len(native) == 1
    assert package - native == {"__init__.py", "_exceptions.py", "_errmap.pyi", "py.typed"}
    assert errmap.__version__ == importlib.metadata.version("errmap-auth")


def test_every_result_class_has_to_dict_and_repr() -> None:
    objects: list[object] = [
        errmap.translate("wilddog:22011", "authing")[0],
        errmap.explain("wilddog:22011"),
        errmap.explain("wilddog:22011").messages["en"],
        errmap.search("locked")[0],
        errmap.table("wilddog", "authing")[0],
        errmap.table("wilddog", "authing")[0].source,
        errmap.catalogues()[0],
        errmap.kinds()[0],
        errmap.normalize(ONEACCESS),
    ]
    for each in objects:
        plain = each.to_dict()  # type: ignore[attr-defined]
        assert isinstance(plain, dict)
        json.dumps(plain)
        assert repr(each).startswith(type(each).__name__ + "(")
        assert type(each).__module__ == "errmap"


# --- the same answers as the command line -----------------------------------------


def cli() -> str | None:
    found = os.environ.get("ERRMAP_BIN") or shutil.which("errmap")
    return found if found and os.access(found, os.X_OK) else None


@pytest.mark.skipif(cli() is None, reason="no errmap binary (set ERRMAP_BIN)")
def test_same_answers_as_the_cli() -> None:
    binary = cli()
    assert binary is not None

    def run(*args: str, stdin: bytes | None = None) -> object:
        done = subprocess.run([binary, *args, "--lang", "en"], input=stdin, capture_output=True, check=False)
        document = json.loads(done.stdout)
        # The CLI's documents carry their schema's version; the library's records do not.
        if isinstance(document, dict) and "schema_version" in document:
            assert document.pop("schema_version") == 1
        return document

    translated = run("translate", "wilddog:22011", "authing", "--format", "json")
    assert isinstance(translated, dict)
    matches = translated["targets"][0]["matches"]
    ours = [t.to_dict() for t in errmap.translate("wilddog:22011", "authing")]
    assert [{k: m[k] for k in m} for m in matches] == [
        {k: t[k] for k in m} for m, t in zip(matches, ours)
    ]
    assert len(matches) == len(ours)

    explained = run("explain", "wilddog:22011", "--format", "json")
    assert explained == errmap.explain("wilddog:22011").to_dict()

    normalized = run("normalize", "--format", "json", "--expose", "all", "--status", "400", stdin=ONEACCESS)
    assert normalized == errmap.normalize(ONEACCESS, status=400, exposure="all").to_dict()

    problem = run("normalize", "--format", "problem", stdin=ONEACCESS)
    assert problem == errmap.normalize(ONEACCESS).problem()

    table = run("table", "wilddog", "authing", "--format", "json")
    assert isinstance(table, dict)
    assert [r["relation"] for r in table["rows"]] == [r.relation for r in errmap.table("wilddog", "authing")]

    vendors = run("vendors", "--format", "json")
    assert isinstance(vendors, dict)
    assert vendors["vendors"] == [c.to_dict() for c in errmap.catalogues()]
