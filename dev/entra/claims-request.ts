/**
 * The `claims` request parameter (OpenID Connect §5.5), as Entra reads it on /authorize and on the
 * token endpoint. Two things matter in the local world:
 * - a demand for a second factor: an authentication context (`acrs`, what ARM's mandatory MFA asks
 *   for: {"access_token":{"acrs":{"essential":true,"values":["p1"]}}}), or `amr` naming "mfa".
 *   Every authentication context is treated as "needs MFA": the demo has no other policies;
 * - client capabilities (`xms_cc`, e.g. "CP1"): MSAL adds them when the app declares
 *   clientCapabilities; Entra reflects them in the access token.
 */
import { Errors } from "./errors";

export type ClaimsRequest = {
  /** The sign-in must include a second factor. */
  requiresMfa: boolean;
  /** Authentication context IDs asked for (echoed as `acrs` in the access token once satisfied). */
  authContexts: string[];
  /** Client capabilities the client declared (`xms_cc`). */
  capabilities: string[];
};

type ClaimDemand = { essential?: unknown; value?: unknown; values?: unknown } | null;

function valuesOf(demand: ClaimDemand | undefined): string[] {
  if (!demand || typeof demand !== "object") return [];
  const list = Array.isArray(demand.values) ? demand.values : demand.value !== undefined ? [demand.value] : [];
  return list.filter((v): v is string => typeof v === "string");
}

/** undefined for an absent or empty parameter; throws Entra's invalid_request for JSON it cannot read. */
export function parseClaimsRequest(raw: string | null | undefined): ClaimsRequest | undefined {
  if (raw === null || raw === undefined || raw.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw Errors.invalidRequest("The 'claims' parameter is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw Errors.invalidRequest("The 'claims' parameter must be a JSON object.");
  }
  const sections = ["access_token", "id_token", "userinfo"]
    .map((name) => (parsed as Record<string, unknown>)[name])
    .filter((s): s is Record<string, ClaimDemand> => typeof s === "object" && s !== null && !Array.isArray(s));

  const authContexts = [...new Set(sections.flatMap((s) => valuesOf(s.acrs)))];
  const amrDemand = sections.some((s) => valuesOf(s.amr).includes("mfa"));
  const capabilities = [...new Set(sections.flatMap((s) => valuesOf(s.xms_cc)))];
  return { requiresMfa: authContexts.length > 0 || amrDemand, authContexts, capabilities };
}

/** Both requests' demands together (the authorize request's and the token request's). */
export function mergeClaimsRequests(...requests: Array<ClaimsRequest | undefined>): ClaimsRequest | undefined {
  const present = requests.filter((r): r is ClaimsRequest => r !== undefined);
  if (present.length === 0) return undefined;
  return {
    requiresMfa: present.some((r) => r.requiresMfa),
    authContexts: [...new Set(present.flatMap((r) => r.authContexts))],
    capabilities: [...new Set(present.flatMap((r) => r.capabilities))],
  };
}

/** `amr` of a sign-in: the password, plus "mfa" when a second factor was passed (Entra's values). */
export function amrFor(mfa: boolean): string[] {
  return mfa ? ["pwd", "mfa"] : ["pwd"];
}
