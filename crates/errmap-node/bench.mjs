// The Node package's speed against its floors, all measured in one run.
//
//   node crates/errmap-node/bench.mjs [--quick]
//
// 1. `normalize(body)` against `JSON.parse(body)` of the same string, for typical vendor
//    bodies (goal: at most 2.5x).
// 2. `translate(code, target)` against a JS object lookup in a precomputed crosswalk
//    (goal: at most 30x), warm (answers are cached and frozen) and cold (the first call
//    for each code, on a fresh Registry).
//
// Each figure is the median of several repeats of many calls, the two sides timed in
// turn; the machine's speed moves between runs, so compare the ratios.
import { createRequire } from "node:module";
import os from "node:os";

const errmap = createRequire(import.meta.url)("./index.js");
const quick = process.argv.includes("--quick");
const [NUMBER, REPEAT] = quick ? [2_000, 3] : [20_000, 15];

// One typical error body per vendor, as the vendor sends it (from tests/fixtures/bodies).
const BODIES = {
  oneaccess: '{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1"}',
  authing: '{"statusCode":400,"message":"用户未找到","apiCode":"2004","uniqueId":"65e59f51-dbbc-4d1f-a809-6d3f15d9b53e","data":null}',
  auth0: '{"name":"ValidationError","code":"invalid_user_password","description":"Wrong email or password.","statusCode":400}',
  firebase: '{"error":{"code":400,"message":"EMAIL_NOT_FOUND","errors":[{"message":"EMAIL_NOT_FOUND","domain":"global","reason":"invalid"}]}}',
  keycloak: '{"error":"invalid_grant","error_description":"Invalid user credentials"}',
  okta: '{"errorCode":"E0000004","errorSummary":"Authentication failed","errorLink":"E0000004","errorId":"oaeS4O7Qf2rRaK0JrB0Qnx7zQ","errorCauses":[]}',
  supabase: '{"code":400,"error_code":"invalid_credentials","msg":"Invalid login credentials"}',
  wilddog: '{"code":22011,"message":"该用户不存在"}',
};

let sink = 0;
function perCall(fn, number) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < number; i++) sink ^= fn(i) ? 1 : 0;
  return Number(process.hrtime.bigint() - start) / 1e9 / number;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median seconds per call of `floor` and `ours`, timed in turn. */
function compare(floor, ours, number = NUMBER) {
  perCall(floor, number);
  perCall(ours, number);
  const runs = [[], []];
  for (let r = 0; r < REPEAT; r++) {
    runs[0].push(perCall(floor, number));
    runs[1].push(perCall(ours, number));
  }
  return [median(runs[0]), median(runs[1])];
}

function fmt(seconds) {
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`;
  if (seconds >= 1e-6) return `${(seconds * 1e6).toFixed(2)} µs`;
  return `${(seconds * 1e9).toFixed(0)} ns`;
}
const verdict = (ok) => (ok ? "met" : "MISSED");

console.log(
  `errmap-auth ${errmap.VERSION}, Node.js ${process.version}, ${os.arch()}, ${os.cpus().length} CPUs; ` +
    `median of ${REPEAT} x ${NUMBER} calls`,
);

console.log("\n| body | JSON.parse | errmap.normalize | ratio |\n|---|---|---|---|");
const ratios = [];
for (const [vendor, body] of Object.entries(BODIES)) {
  const found = errmap.normalize(body).vendor;
  if (found !== vendor) throw new Error(`${vendor} body detected as ${found}`);
  const [floor, ours] = compare(() => JSON.parse(body), () => errmap.normalize(body));
  ratios.push(ours / floor);
  console.log(`| \`${vendor}\` (${Buffer.byteLength(body)} B) | ${fmt(floor)} | ${fmt(ours)} | ${(ours / floor).toFixed(2)}x |`);
}
const worst = Math.max(...ratios);
console.log(`\nnormalize / JSON.parse: ${Math.min(...ratios).toFixed(2)}x to ${worst.toFixed(2)}x (goal <= 2.5x: ${verdict(worst <= 2.5)})`);

const code = "wilddog:22011";
const target = "authing";
const codes = errmap.table("wilddog", target).map((row) => `wilddog:${row.source.code}`);
const crosswalk = {};
for (const each of codes) crosswalk[each] = { [target]: errmap.translate(each, target) };
// Both sides look up a code chosen per call, so that neither is folded to a constant.
const [floor, warm] = compare(
  (i) => crosswalk[codes[i % codes.length]][target],
  (i) => errmap.translate(codes[i % codes.length], target),
  NUMBER * 10,
);
const coldRounds = [];
for (let r = 0; r < Math.max(REPEAT, 20); r++) {
  const registry = new errmap.Registry();
  registry.translate(code, target); // the registry's own first use, not a translation's
  const start = process.hrtime.bigint();
  for (const each of codes) registry.translate(each, target);
  coldRounds.push(Number(process.hrtime.bigint() - start) / 1e9 / codes.length);
}
const cold = median(coldRounds);
console.log(`\n| translate wilddog:* → authing (${codes.length} codes) | per call | ratio to the lookup |\n|---|---|---|`);
console.log(`| object lookup \`crosswalk[code][target]\` | ${fmt(floor)} | 1.00x |`);
console.log(`| \`errmap.translate(code, target)\`, warm | ${fmt(warm)} | ${(warm / floor).toFixed(2)}x |`);
console.log(`| \`translate\`, cold (first call per code, fresh Registry) | ${fmt(cold)} | ${(cold / floor).toFixed(2)}x |`);
console.log(
  `\ntranslate / lookup: warm ${(warm / floor).toFixed(1)}x, cold ${(cold / floor).toFixed(1)}x ` +
    `(goal <= 30x: warm ${verdict(warm / floor <= 30)}, cold ${verdict(cold / floor <= 30)})`,
);
if (sink === 42) console.log("");
process.exitCode = !quick && (worst > 2.5 || warm / floor > 30) ? 1 : 0;
