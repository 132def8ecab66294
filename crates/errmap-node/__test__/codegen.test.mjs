// The drift test: codes.d.ts must be what scripts/codegen.mjs makes from the
// catalogues compiled into the addon now.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

import { OUTPUT, render } from "../scripts/codegen.mjs";

const errmap = createRequire(import.meta.url)("../index.js");

test("codes.d.ts matches the catalogues (run `npm run codegen` when it does not)", () => {
  assert.equal(readFileSync(OUTPUT, "utf8"), render(errmap));
});

test("every catalogue and kind has its union", () => {
  const text = readFileSync(OUTPUT, "utf8");
  for (const catalogue of errmap.catalogues()) assert.match(text, new RegExp(`\\n  \\| "${catalogue.id}"`));
  for (const kind of errmap.kinds()) assert.ok(text.includes(`| "${kind.id}"`), kind.id);
  assert.match(text, /export type SupabaseCode =\n {2}\| /);
  assert.ok(text.includes('| "invalid_credentials"'));
});
