// The Node package against the library's own answers: every function, the result
// objects, the errors, and bad input (which must throw an ErrmapError or get an answer,
// never crash the process).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const errmap = createRequire(import.meta.url)("../index.js");
const here = dirname(fileURLToPath(import.meta.url));

const ONEACCESS = Buffer.from('{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1"}');
const AUTHING_NOT_FOUND = '{"statusCode":404,"apiCode":2004,"message":"用户未找到"}';
const AUTHING_BAD_PASSWORD = '{"statusCode":401,"apiCode":2006,"message":"密码错误"}';

function throwsErrmap(fn, Class, code, check = () => {}) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof Class, `${error} is a ${Class.name}`);
    assert.ok(error instanceof errmap.ErrmapError && error instanceof Error);
    assert.equal(error.code, code);
    assert.equal(error.name, Class.name);
    check(error);
    return true;
  });
}

// --- translate ----------------------------------------------------------------------

test("translate into one catalogue", () => {
  const translations = errmap.translate("wilddog:22011", "authing");
  const best = translations[0];
  assert.deepEqual([best.vendor, best.code, best.relation, best.kind], ["authing", "2004", "exact", "user_not_found"]);
  assert.equal(best.source, "wilddog:22011");
  assert.equal(best.distance, 0);
  assert.equal(best.match, "exact");
  assert.equal(best.vendorMessage, "用户未找到");
  assert.equal(best.message, "User not found.");
  assert.equal(best.vendorName, "Authing API v3");
  assert.ok(translations.every((t) => t.vendor === "authing"));
});

test("translation candidates carry confidence and evidence", () => {
  const best = errmap.translate("wilddog:22011", "authing")[0];
  assert.ok(best.confidence >= 0.9 && best.confidence <= 1);
  assert.equal(best.weak, false);
  assert.ok(best.evidence.includes("kind exact on both sides"));
  for (const t of errmap.translate("wilddog:22011")) {
    assert.ok(t.confidence >= 0.05 && t.confidence <= 1, `${t.vendor}:${t.code}`);
    assert.equal(t.weak, t.confidence < 0.5);
    assert.ok(t.evidence.length > 0);
  }
});

test("translate into every catalogue", () => {
  const translations = errmap.translate("wilddog:22011");
  const vendors = new Set(translations.map((t) => t.vendor));
  assert.ok(vendors.has("authing") && vendors.has("auth0"));
  assert.ok(!vendors.has("wilddog"));
  for (const t of translations) assert.ok(["exact", "close", "broader", "narrower", "related"].includes(t.relation));
  assert.deepEqual(errmap.translate("wilddog:22011", null), translations);
});

test("translate is case and space tolerant and localized", () => {
  assert.equal(errmap.translate(" WILDDOG:22011 ", "Authing")[0].code, "2004");
  assert.equal(errmap.translate("wilddog:invalid_user", "authing")[0].code, "2004");
  assert.equal(errmap.translate("wilddog:22011", "authing", { locale: "zh-CN" })[0].message, "用户未找到");
});

test("translate answers are frozen and cached", () => {
  const first = errmap.translate("wilddog:22011", "authing");
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first[0]));
  assert.throws(() => first.push({}), TypeError);
  assert.equal(errmap.translate("wilddog:22011", "authing"), first);
  assert.notEqual(errmap.translate("wilddog:22011", "authing", { locale: "zh-CN" }), first);
});

test("translate without an equivalent is empty", () => {
  assert.deepEqual(errmap.translate("wilddog:29999", "authing"), []);
});

test("translate errors", () => {
  throwsErrmap(() => errmap.translate("wildog:22011", "authing"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR", (e) => {
    assert.equal(e.given, "wildog");
    assert.equal(e.suggestion, "wilddog");
    assert.ok(e.known.includes("wilddog"));
    assert.match(e.message, /did you mean 'wilddog'/);
  });
  throwsErrmap(() => errmap.translate("wilddog:22011", "nosuchvendor"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR", (e) => {
    assert.equal(e.suggestion, null);
  });
  throwsErrmap(() => errmap.translate("wilddog:2004", "authing"), errmap.UnknownCodeError, "ERRMAP_UNKNOWN_CODE", (e) => {
    assert.deepEqual([e.vendor, e.vendorCode], ["wilddog", "2004"]);
    assert.ok(e.elsewhere.includes("authing"));
    assert.ok(e.message.startsWith("wilddog has no code '2004'"));
  });
  throwsErrmap(() => errmap.translate("22011"), errmap.MalformedReferenceError, "ERRMAP_MALFORMED_REFERENCE", (e) => {
    assert.equal(e.given, "22011");
    assert.ok(e instanceof errmap.InvalidInputError);
  });
  throwsErrmap(() => errmap.translate("wilddog:22011", undefined, { locale: "fr" }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT", (e) => {
    assert.match(e.message, /no shipped locale serves 'fr'/);
  });
  // A value of the wrong type is refused by the binding with a plain Error.
  assert.throws(() => errmap.translate(22011), Error);
  assert.throws(() => errmap.translate(), Error);
  // A lone surrogate becomes U+FFFD, which names no vendor.
  throwsErrmap(() => errmap.translate("wilddog\ud800:22011"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
});

// --- explain, search, table, catalogues, kinds ----------------------------------------

test("explain", () => {
  const explanation = errmap.explain("wilddog:22011");
  assert.deepEqual([explanation.vendor, explanation.code, explanation.symbol], ["wilddog", "22011", "invalid_user"]);
  assert.equal(explanation.kind, "user_not_found");
  assert.equal(explanation.kindPath.at(-1), "user_not_found");
  assert.equal(explanation.kindPath[0], "authentication_failed");
  assert.equal(explanation.publicKind, "invalid_credentials");
  assert.equal(explanation.actor, "end_user");
  assert.deepEqual(Object.keys(explanation.messages).sort(), ["en", "zh-CN", "zh-TW"]);
  assert.equal(explanation.messages["zh-CN"].origin, "vendor");
  assert.equal(explanation.messages.en.origin, "errmap");
  assert.equal(explanation.vendorMessage, "该用户不存在");
  assert.equal(errmap.explain("wilddog:22011", { locale: "zh-TW" }).locale, "zh-TW");
  throwsErrmap(() => errmap.explain("wilddog:00000"), errmap.UnknownCodeError, "ERRMAP_UNKNOWN_CODE");
  throwsErrmap(() => errmap.explain("nope:1"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
});

test("explain shows variants and settings", () => {
  const withVariants = [];
  for (const catalogue of ["keycloak", "oauth2", "okta", "auth0", "firebase", "cognito"]) {
    for (const row of errmap.table(catalogue, "wilddog")) {
      const explanation = errmap.explain(`${catalogue}:${row.source.code}`);
      if (explanation.variants.length) withVariants.push(explanation);
    }
  }
  assert.ok(withVariants.length > 0, "some built-in code tells conditions apart by a secondary field");
  const variant = withVariants[0].variants[0];
  assert.ok(["equals", "contains"].includes(variant.test));
  assert.ok(variant.field.startsWith("/"));
});

test("search", () => {
  const hits = errmap.search("Invalid account name or password. Remaining attempts: 3");
  const best = hits[0];
  assert.deepEqual([best.type, best.vendor, best.code], ["code", "oneaccess", "LOGIN.0002"]);
  assert.deepEqual([best.field, best.match, best.score], ["message", "template", 0.99]);
  assert.deepEqual(best.values, ["3"]);

  const kind = errmap.search("email_taken")[0];
  assert.equal(kind.type, "kind");
  assert.equal(kind.vendor, undefined);
  assert.equal(kind.kind, "email_taken");

  assert.equal(errmap.search("该邮箱地址已经使用", { vendor: "wilddog" })[0].code, "22013");
  assert.ok(errmap.search("password", { limit: 3 }).length <= 3);
  assert.deepEqual(errmap.search(""), []);
  assert.ok(errmap.search("password", { minScore: 0.9 }).every((h) => h.score >= 0.9));
  throwsErrmap(() => errmap.search("password", { vendor: "nope" }), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
  throwsErrmap(() => errmap.search("password", { minScore: 2 }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  throwsErrmap(() => errmap.search("password", { limit: -1 }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  throwsErrmap(() => errmap.normalize("{}", { status: 400.5 }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
});

test("table", () => {
  const rows = errmap.table("wilddog", "authing");
  assert.equal(rows.length, errmap.catalogues().find((c) => c.id === "wilddog").codes);
  const row = rows.find((r) => r.source.code === "22011");
  assert.equal(row.target.code, "2004");
  assert.equal(row.relation, "exact");
  assert.ok(row.confidence >= 0.9 && row.evidence.length > 0);
  for (const each of rows) {
    assert.equal(each.relation === "none", each.target === undefined);
    assert.equal(each.confidence === undefined, each.target === undefined);
  }
  throwsErrmap(() => errmap.table("wilddog", "nope"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
  throwsErrmap(() => errmap.table("nope", "wilddog"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
});

test("catalogues", () => {
  const catalogues = errmap.catalogues();
  const ids = new Set(catalogues.map((c) => c.id));
  for (const id of ["wilddog", "authing", "auth0", "oneaccess", "supabase"]) assert.ok(ids.has(id), id);
  for (const catalogue of catalogues) {
    assert.ok(catalogue.builtin);
    assert.ok(catalogue.codes > 0);
    assert.ok(catalogue.exactShare >= 0 && catalogue.exactShare <= 1);
    assert.ok(catalogue.exact <= catalogue.codes);
  }
});

test("kinds", () => {
  const kinds = errmap.kinds();
  const byId = new Map(kinds.map((k) => [k.id, k]));
  assert.equal(byId.get("user_not_found").parent, "invalid_credentials");
  assert.ok(byId.get("invalid_credentials").children.includes("user_not_found"));
  assert.equal(byId.get("user_not_found").exposure, "enumeration");
  assert.ok(byId.get("user_not_found").codes.wilddog >= 1);
  for (const kind of kinds) {
    assert.ok(kind.total >= Object.values(kind.codes).reduce((a, b) => a + b, 0));
    if (kind.parent !== undefined) assert.ok(byId.get(kind.parent).children.includes(kind.id));
  }
  assert.notEqual(errmap.kinds({ locale: "zh-CN" })[0].message, kinds[0].message);
  throwsErrmap(() => errmap.kinds({ locale: "xx" }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
});

// --- normalize ----------------------------------------------------------------------

test("normalize hides detail by default", () => {
  const error = errmap.normalize(ONEACCESS, { status: 400 });
  assert.ok(error instanceof errmap.CanonicalError);
  assert.deepEqual([error.vendor, error.kind, error.httpStatus], ["oneaccess", "invalid_credentials", 401]);
  assert.equal(error.expose, "none");
  assert.equal(error.code, null);
  assert.deepEqual(error.params, {});
  assert.equal(error.vendorMessage, null);
  assert.equal(error.upstreamStatus, 400);
  assert.equal(error.detectedBy, "shape");
});

test("normalize shows everything at exposure all", () => {
  const error = errmap.normalize(ONEACCESS, { status: 400, exposure: "all" });
  assert.equal(error.code, "LOGIN.0002");
  assert.deepEqual(error.params, { remaining: 1 });
  assert.equal(error.message, "The account name or password is incorrect. 1 attempt left.");
  assert.ok(error.known);
  assert.match(error.detection, /oneaccess/);
  const plain = JSON.parse(JSON.stringify(error));
  assert.deepEqual(Object.keys(plain), [
    "vendor", "code", "known", "kind", "kindPath", "publicKind", "httpStatus", "upstreamStatus",
    "retryable", "detectedBy", "detection", "params", "vendorMessage", "message", "hint", "locale", "expose",
  ]);
  assert.equal(plain.code, "LOGIN.0002");
  assert.equal(errmap.normalize(ONEACCESS, { exposure: "account_status" }).expose, "account-status");
  assert.throws(() => new errmap.CanonicalError(), Error);
});

test("problem documents", () => {
  const notFound = errmap.normalize(AUTHING_NOT_FOUND, { vendor: "authing" });
  const badPassword = errmap.normalize(AUTHING_BAD_PASSWORD, { vendor: "authing" });
  // At exposure none an end user cannot tell a missing account from a wrong password.
  assert.deepEqual(notFound.problem(), badPassword.problem());
  assert.equal(notFound.problemJson(), badPassword.problemJson());
  const problem = notFound.problem();
  assert.deepEqual(Object.keys(problem).slice(0, 4), ["type", "title", "status", "detail"]);
  assert.equal(problem.type, "urn:errmap:kind:invalid_credentials");
  assert.equal(problem.status, 401);
  assert.equal(notFound.httpStatus, 401);
  assert.deepEqual(JSON.parse(notFound.problemJson()), JSON.parse(JSON.stringify(problem)));
  assert.equal(errmap.PROBLEM_CONTENT_TYPE, "application/problem+json");
  const chinese = errmap.normalize(AUTHING_NOT_FOUND, { vendor: "authing", locale: "zh-CN" });
  assert.equal(chinese.contentLanguage, "zh-CN");
  assert.notEqual(chinese.problem().title, problem.title);
  const revealed = errmap.normalize(AUTHING_NOT_FOUND, { vendor: "authing", exposure: "all" }).problem();
  assert.equal(revealed.kind, "user_not_found");
  assert.equal(revealed.vendor_code, "2004");
});

test("normalize accepts a Buffer, a Uint8Array, a string, an object and an array", () => {
  const answers = [
    ONEACCESS,
    ONEACCESS.toString(),
    new Uint8Array(ONEACCESS),
    JSON.parse(ONEACCESS.toString()),
  ].map((body) => JSON.stringify(errmap.normalize(body, { exposure: "all" })));
  assert.ok(answers.every((a) => a === answers[0]), answers.join("\n"));
  assert.ok(errmap.normalize([{ code: 22011 }], { exposure: "all" }).kind);
  const record = errmap.normalize({ code: 22011, message: "该用户不存在", nested: { a: [1, 2.5, null, true] } });
  assert.equal(record.vendor, "wilddog");
});

test("normalize with a vendor hint, a status and a content type", () => {
  const hinted = errmap.normalize('{"code": 2004, "message": "x"}', { vendor: "authing-v2", exposure: "all" });
  assert.deepEqual([hinted.vendor, hinted.detectedBy], ["authing-v2", "hint"]);
  const byStatus = errmap.normalize("<html>Too many</html>", { status: 429, contentType: "text/html" });
  assert.deepEqual([byStatus.kind, byStatus.detectedBy, byStatus.upstreamStatus], ["rate_limited", "status", 429]);
});

test("normalize never crashes on odd bodies, invalid bytes included", () => {
  const odd = [
    Buffer.alloc(0), Buffer.from("   "), Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    "null", "[", "[".repeat(100_000), "{".repeat(50_000), "<html>", Buffer.alloc(100), "\ud800",
  ];
  for (const body of odd) assert.ok(errmap.normalize(body).kind);
  const invalidUtf8 = errmap.normalize(Buffer.from([...Buffer.from('{"code": "'), 0xff, 0xfe, ...Buffer.from('", "message": "'), 0xc3, ...Buffer.from('"}')]));
  assert.equal(invalidUtf8.kind, "unknown");
  assert.equal(invalidUtf8.known, false);
});

test("normalize bad input throws an ErrmapError", () => {
  throwsErrmap(() => errmap.normalize(ONEACCESS, { vendor: "nope" }), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
  throwsErrmap(() => errmap.normalize(ONEACCESS, { exposure: "everything" }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT", (e) => {
    assert.match(e.message, /exposure|expose/);
  });
  throwsErrmap(() => errmap.normalize(ONEACCESS, { locale: "xx" }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  throwsErrmap(() => errmap.normalize(ONEACCESS, { status: 70000 }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  for (const body of [42, undefined, null, true, Symbol("x"), () => {}, 10n]) {
    throwsErrmap(() => errmap.normalize(body), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  }
  throwsErrmap(() => errmap.normalize(new Float64Array(4)), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT");
  throwsErrmap(() => errmap.normalize({ n: 10n }), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT", (e) => {
    assert.match(e.message, /BigInt/);
  });
  const loop = {};
  loop.self = loop;
  throwsErrmap(() => errmap.normalize(loop), errmap.InvalidInputError, "ERRMAP_INVALID_INPUT", (e) => {
    assert.match(e.message, /circular/);
  });
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  // JSON.stringify of 100,000 levels either writes it (then the library answers) or
  // overflows its stack (an InvalidInputError): never a crash.
  try {
    assert.ok(errmap.normalize(deep, { maxBodyBytes: 1 << 24 }).kind);
  } catch (error) {
    assert.ok(error instanceof errmap.InvalidInputError, String(error));
  }
});

test("a body over the limit is a clear error", () => {
  const limit = errmap.DEFAULT_MAX_BODY_BYTES;
  assert.equal(limit, 1 << 20);
  assert.equal(errmap.normalize(Buffer.alloc(limit, 0x20)).kind, "unknown");
  throwsErrmap(() => errmap.normalize(Buffer.alloc(limit + 1, 0x20)), errmap.BodyTooLargeError, "ERRMAP_BODY_TOO_LARGE", (e) => {
    assert.deepEqual([e.size, e.limit], [limit + 1, limit]);
    assert.match(e.message, /over the limit/);
    assert.ok(e instanceof errmap.InvalidInputError);
  });
  const huge = `{"code": 22011, "message": "${"x".repeat(64 << 20)}"}`;
  throwsErrmap(() => errmap.normalize(huge), errmap.BodyTooLargeError, "ERRMAP_BODY_TOO_LARGE");
  throwsErrmap(() => errmap.normalize(Buffer.from(huge)), errmap.BodyTooLargeError, "ERRMAP_BODY_TOO_LARGE");
  throwsErrmap(() => errmap.normalize({ message: "x".repeat(2 << 20) }), errmap.BodyTooLargeError, "ERRMAP_BODY_TOO_LARGE");
  throwsErrmap(() => errmap.normalize(ONEACCESS, { maxBodyBytes: 10 }), errmap.BodyTooLargeError, "ERRMAP_BODY_TOO_LARGE");
  assert.equal(errmap.normalize(huge, { maxBodyBytes: huge.length, exposure: "all" }).vendor, "wilddog");
});

// --- Registry.load ------------------------------------------------------------------

const ACME = `id = "acme"
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
`;

const BAD = `id = "bad"
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
`;

test("Registry.load adds a catalogue of your own", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "errmap-node-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "acme.toml");
  writeFileSync(path, ACME);
  const registry = errmap.Registry.load(path);
  assert.equal(registry.catalogues().at(-1).id, "acme");
  assert.equal(registry.catalogues().at(-1).builtin, false);
  assert.equal(registry.translate("acme:A-404", "wilddog")[0].code, "22011");
  assert.equal(registry.translate("wilddog:22011", "acme-id")[0].code, "A-404");
  assert.equal(registry.explain("acme:A-423").kind, "locked");
  assert.equal(registry.table("acme", "authing")[0].source.code, "A-404");
  assert.equal(registry.search("No such user.", { vendor: "acme" })[0].code, "A-404");
  assert.ok(registry.normalize('{"code": "A-404"}', { vendor: "acme", exposure: "all" }).known);
  assert.ok(registry.kinds().find((k) => k.id === "locked").codes.acme >= 1);
  // The built-in registry is untouched.
  throwsErrmap(() => errmap.translate("acme:A-404"), errmap.UnknownVendorError, "ERRMAP_UNKNOWN_VENDOR");
  assert.equal(errmap.Registry.load(dir).catalogues().at(-1).id, "acme");
  assert.equal(errmap.Registry.load([path]).catalogues().at(-1).id, "acme");
  assert.match(String(registry), /1 loaded/);
  assert.equal(new errmap.Registry().translate("wilddog:22011", "authing")[0].code, "2004");
});

test("Registry.load errors", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "errmap-node-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const bad = join(dir, "bad.toml");
  writeFileSync(bad, BAD);
  throwsErrmap(() => errmap.Registry.load(bad), errmap.CatalogueError, "ERRMAP_CATALOGUE", (e) => {
    assert.ok(e.problems.length >= 2);
    assert.equal(e.problems[0].line, 8);
    assert.match(e.problems[0].message, /user_not_fund/);
    assert.ok(e.origin.endsWith("bad.toml"));
  });
  const duplicate = join(dir, "dup.toml");
  writeFileSync(duplicate, ACME.replace('id = "acme"', 'id = "wilddog"'));
  throwsErrmap(() => errmap.Registry.load(duplicate), errmap.DuplicateCatalogueError, "ERRMAP_DUPLICATE_CATALOGUE", (e) => {
    assert.equal(e.clash, "wilddog");
    assert.equal(e.builtin, true);
    assert.ok(e instanceof errmap.CatalogueError);
  });
  throwsErrmap(() => errmap.Registry.load(join(dir, "missing.toml")), errmap.CatalogueReadError, "ERRMAP_CATALOGUE_READ", (e) => {
    assert.ok(e.reason);
  });
});

// --- the package --------------------------------------------------------------------

test("the error classes can be made and caught by users", () => {
  const error = new errmap.UnknownVendorError("x", { given: "y" });
  assert.equal(error.code, "ERRMAP_UNKNOWN_VENDOR");
  assert.equal(error.given, "y");
  assert.ok(error.stack.includes("UnknownVendorError"));
  assert.deepEqual(new errmap.CatalogueError("x").problems, []);
});

test("the addon works in a worker thread", async () => {
  const { Worker } = await import("node:worker_threads");
  const index = join(here, "..", "index.js");
  const worker = new Worker(
    `const e = require(${JSON.stringify(index)});
     let caught = false;
     try { e.translate("nope:1") } catch (x) { caught = x instanceof e.UnknownVendorError }
     require("node:worker_threads").parentPort.postMessage([e.translate("wilddog:22011", "authing")[0].code, caught]);`,
    { eval: true },
  );
  const [code, caught] = await new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject));
  assert.deepEqual([code, caught], ["2004", true]);
});

// --- the same answers as the command line -------------------------------------------

const cli = process.env.ERRMAP_BIN || join(here, "../../../target/debug/errmap");

test("the same answers as the CLI", { skip: !existsSync(cli) && "no errmap binary (set ERRMAP_BIN)" }, () => {
  const run = (args, input) => JSON.parse(execFileSync(cli, [...args, "--lang", "en"], { input }).toString());
  const translated = run(["translate", "wilddog:22011", "authing", "--format", "json"]);
  const matches = translated.targets[0].matches;
  const ours = errmap.translate("wilddog:22011", "authing");
  assert.equal(matches.length, ours.length);
  matches.forEach((m, i) => {
    assert.equal(m.code, ours[i].code);
    assert.equal(m.relation, ours[i].relation);
    assert.equal(m.confidence, ours[i].confidence);
    assert.deepEqual(m.evidence, ours[i].evidence);
  });
  const normalized = run(["normalize", "--format", "json", "--expose", "all", "--status", "400"], ONEACCESS);
  const mine = JSON.parse(JSON.stringify(errmap.normalize(ONEACCESS, { status: 400, exposure: "all" })));
  assert.equal(normalized.kind, mine.kind);
  assert.equal(normalized.message, mine.message);
  assert.deepEqual(normalized.params, mine.params);
  const problem = run(["normalize", "--format", "problem"], ONEACCESS);
  assert.deepEqual(problem, JSON.parse(JSON.stringify(errmap.normalize(ONEACCESS).problem())));
  const table = run(["table", "wilddog", "authing", "--format", "json"]);
  assert.deepEqual(table.rows.map((r) => r.relation), errmap.table("wilddog", "authing").map((r) => r.relation));
  const vendors = run(["vendors", "--format", "json"]);
  assert.equal(vendors.schema_version, 1);
  assert.deepEqual(vendors.vendors.map((c) => c.id), errmap.catalogues().map((c) => c.id));
});
