import { signInThroughBrowserlessForm } from "@/dev/entra/test-support";
import type { AppConfig } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in";
import { principalFromSessionToken } from "@/lib/auth/session-store";
import type { Principal } from "@/lib/auth/principal";

/**
 * Signs a demo user in through the app's real sign-in use cases (no browser) and returns the
 * principal. With a second factor unless `secondFactor: false`: the demo world's ARM requires MFA
 * for users' writes, and only the step-up tests want a password-only sign-in.
 */
export async function signInAs(db: Db, config: AppConfig, username: string, options: { secondFactor?: boolean; claims?: string } = {}): Promise<Principal> {
  return (await signInWithCookie(db, config, username, options)).principal;
}

/** As signInAs, also returning the session cookie's value (for requests to route handlers). */
export async function signInWithCookie(
  db: Db,
  config: AppConfig,
  username: string,
  options: { secondFactor?: boolean; claims?: string } = {},
): Promise<{ principal: Principal; cookie: string }> {
  const authorizeUrl = await startSignIn(db, config, options.claims ? { claims: options.claims } : {});
  const response = await signInThroughBrowserlessForm({ authorizeUrl, username, secondFactor: options.secondFactor ?? true });
  const result = await completeSignIn(db, config, Object.fromEntries(response.params), { requestId: "test" });
  if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.message}`);
  const principal = await principalFromSessionToken(db, result.sessionToken);
  if (!principal) throw new Error("no principal after sign-in");
  return { principal, cookie: result.sessionToken };
}
