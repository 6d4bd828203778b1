/**
 * Authorization codes: opaque, single-use, short-lived (Entra: about 10 minutes).
 * A redeemed code is remembered until it would have expired, so a replay gets Entra's
 * AADSTS54005 ("already redeemed") rather than a generic "invalid code".
 * In memory on purpose: a restart in the middle of a sign-in just means signing in again.
 */
import { randomBytes } from "node:crypto";
import type { ClaimsRequest } from "./claims-request";

export type CodeGrant = {
  clientId: string;
  redirectUri: string;
  /** Whether the authorize request named the redirect URI; if so, the token request must repeat it. */
  redirectUriSent: boolean;
  /** The scope string of the authorize request. */
  scope: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  tenantId: string;
  oid: string;
  /** Sign-in session ID (the ID token's `sid`). */
  sid: string;
  authTime: number;
  /** How the user signed in: ["pwd"] or ["pwd","mfa"]. */
  amr: string[];
  /** The authorize request's claims demand (authentication contexts, client capabilities). */
  claims?: ClaimsRequest;
};

export type Redemption =
  | { status: "ok"; grant: CodeGrant }
  | { status: "unknown" }
  | { status: "redeemed" }
  | { status: "expired" };

export type CodeStore = {
  issue(grant: CodeGrant): string;
  redeem(code: string): Redemption;
};

type Entry = { grant: CodeGrant; expiresAt: number; redeemed: boolean };

export function createCodeStore(options: { lifetimeSeconds: number; now: () => number }): CodeStore {
  const entries = new Map<string, Entry>();
  // Keep expired entries a little longer than their lifetime to tell "expired" from "unknown".
  const forgetAfter = (e: Entry) => e.expiresAt + options.lifetimeSeconds;

  function sweep(now: number) {
    for (const [code, entry] of entries) if (forgetAfter(entry) < now) entries.delete(code);
  }

  return {
    issue(grant) {
      const now = options.now();
      sweep(now);
      // Entra codes are long opaque strings; the "1.A" prefix only makes them look the part.
      const code = `1.A${randomBytes(48).toString("base64url")}`;
      entries.set(code, { grant, expiresAt: now + options.lifetimeSeconds, redeemed: false });
      return code;
    },
    redeem(code) {
      const entry = entries.get(code);
      if (!entry) return { status: "unknown" };
      if (entry.redeemed) return { status: "redeemed" };
      entry.redeemed = true;
      if (entry.expiresAt < options.now()) return { status: "expired" };
      return { status: "ok", grant: entry.grant };
    },
  };
}
