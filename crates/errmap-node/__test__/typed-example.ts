// A small program as a TypeScript user writes it, checked by `tsc --noEmit --strict`
// (ci.sh runs it) against index.d.ts and the generated unions of codes.d.ts.
import * as errmap from "../index.js";
import type { CanonicalError, CodeRef, Kind, Problem, SupabaseCode, Translation, VendorId } from "../index.js";

// Exhaustive over a vendor's codes: a code added to the catalogue breaks this switch.
function isCredentialProblem(code: SupabaseCode): boolean {
  switch (code) {
    case "invalid_credentials":
    case "user_not_found":
      return true;
    default:
      return false;
  }
}

// Exhaustive over kinds, with `never` checking nothing is left out of the handled set.
type Handled = Extract<Kind, "user_not_found" | "bad_password" | "invalid_credentials">;
function userFacing(kind: Handled): string {
  switch (kind) {
    case "user_not_found":
    case "bad_password":
    case "invalid_credentials":
      return "Wrong email or password.";
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function bestEquivalent(code: CodeRef, target: VendorId): string | null {
  const translations: ReadonlyArray<Readonly<Translation>> = errmap.translate(code, target);
  const best = translations[0];
  if (best === undefined) return null;
  const confidence: number = best.confidence;
  return `${best.vendor}:${best.code} (${best.relation}, ${confidence.toFixed(2)}, ${best.evidence.join("; ")})`;
}

function respond(body: Buffer, status: number): [number, Problem] {
  const error: CanonicalError = errmap.normalize(body, { status, locale: "zh-CN", exposure: "none" });
  const kind: Kind = error.kind;
  void kind;
  return [error.httpStatus, error.problem()];
}

function crosswalk(from: VendorId, to: VendorId): Record<string, string | null> {
  return Object.fromEntries(errmap.table(from, to).map((row) => [row.source.code, row.target?.code ?? null]));
}

export function main(): void {
  console.log(isCredentialProblem("invalid_credentials"), userFacing("bad_password"));
  console.log(bestEquivalent("wilddog:22011", "authing"));
  console.log(respond(Buffer.from('{"error_code":"LOGIN.0002","error_msg":"x"}'), 400));
  console.log(Object.keys(crosswalk("supabase", "firebase")).length);
  const explanation = errmap.explain("supabase:user_not_found");
  console.log(explanation.kindPath, explanation.messages["zh-CN"].text);
  for (const hit of errmap.search("locked", { limit: 2 })) console.log(hit.score, hit.vendor, hit.code, hit.kind);
  console.log(errmap.kinds().filter((k) => k.parent === undefined).map((k) => k.id));
  console.log(errmap.catalogues().reduce((n, c) => n + c.codes, 0));
  try {
    errmap.translate("wildog:22011");
  } catch (error) {
    if (error instanceof errmap.UnknownVendorError) {
      const suggestion: string | null = error.suggestion;
      const code: "ERRMAP_UNKNOWN_VENDOR" = error.code;
      console.log(suggestion, code);
    }
  }
  // Strings outside the unions are still accepted (catalogues of your own):
  errmap.Registry.prototype.translate.call(new errmap.Registry(), "acme:A-404", "wilddog");
}

// @ts-expect-error: not a Supabase code
isCredentialProblem("invalid_password_typo");
// @ts-expect-error: not a kind
const notAKind: Kind = "user_not_fund";
void notAKind;
