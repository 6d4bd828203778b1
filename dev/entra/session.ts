/**
 * The identity provider's own sign-in session (Entra's ESTSAUTH cookie): which accounts this
 * browser signed in with, and when. It lets a second sign-in skip the password (single sign-on)
 * and feeds the account picker.
 *
 * Stateless: a signed JWT (HS256, key derived from the signing key) in an httpOnly, Secure cookie.
 * SameSite=Lax: Crosslink is a server-side web app, so the browser only ever reaches the IdP by
 * top-level navigation, where Lax cookies are sent. (Entra uses SameSite=None to support silent
 * sign-in in hidden iframes, which Crosslink does not use.)
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { SignJWT, jwtVerify } from "jose";
import type { EntraContext } from "./context";
import { parseCookies } from "./http";

export const SESSION_COOKIE = "local_entra_session";

/** `mfa`: this sign-in included a second factor (Entra remembers it for the session's SSO). */
export type SessionAccount = { tid: string; oid: string; authTime: number; mfa?: boolean };
export type IdpSession = { sid: string; accounts: SessionAccount[] };

export async function readSession(ctx: EntraContext, req: IncomingMessage): Promise<IdpSession | undefined> {
  const value = parseCookies(req).get(SESSION_COOKIE);
  if (!value) return undefined;
  try {
    const { payload } = await jwtVerify(value, ctx.keys.derivedKey("session-cookie"), {
      algorithms: ["HS256"],
      issuer: ctx.baseUrl,
      currentDate: new Date(ctx.now() * 1000),
    });
    const sid = payload.sid;
    const accounts = payload.accounts;
    if (typeof sid !== "string" || !Array.isArray(accounts)) return undefined;
    return {
      sid,
      accounts: accounts
        .filter(
          (a): a is SessionAccount =>
            typeof a === "object" && a !== null && typeof a.tid === "string" && typeof a.oid === "string" && typeof a.authTime === "number",
        )
        .map((a) => ({ tid: a.tid, oid: a.oid, authTime: a.authTime, mfa: a.mfa === true })),
    };
  } catch {
    // Expired, tampered with, or signed by a key from before a restart: no session.
    return undefined;
  }
}

/** The session with `account` signed in now, moved to the front (the picker shows most recent first). */
export function withAccount(
  session: IdpSession | undefined,
  account: { tid: string; oid: string },
  now: number,
  mfa = false,
): IdpSession {
  const others = (session?.accounts ?? []).filter((a) => !(a.tid === account.tid && a.oid === account.oid));
  return { sid: session?.sid ?? randomUUID(), accounts: [{ ...account, authTime: now, mfa }, ...others] };
}

export async function sessionCookie(ctx: EntraContext, session: IdpSession): Promise<string> {
  const now = ctx.now();
  const jwt = await new SignJWT({ sid: session.sid, accounts: session.accounts })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ctx.baseUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + ctx.lifetimes.sessionSeconds)
    .sign(ctx.keys.derivedKey("session-cookie"));
  // No Max-Age: a browser-session cookie, like Entra without "Stay signed in".
  return `${SESSION_COOKIE}=${jwt}; Path=/; HttpOnly; Secure; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}
