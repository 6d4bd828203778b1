/**
 * What the benchmarks that drive the whole local world share: starting it (production build) on
 * ports of their own, and signing people in through the real sign-in flow.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { signInThroughBrowserlessForm } from "../../dev/entra/test-support";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Starts scripts/local-world/run.ts with these options and resolves once Crosslink is running. */
export async function startBenchWorld(args: string[]): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/local-world/run.ts", ...args, "--quiet"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Crosslink is running")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`local world exited (${code}) before it was ready:\n${out}`)));
  });
  return child;
}

/** Signs a person in through the local Entra ID's form; answers the session cookie's value. */
export async function sessionToken(appUrl: string, username: string): Promise<string> {
  const start = await fetch(`${appUrl}/auth/sign-in?returnTo=/`, { redirect: "manual" });
  const authorizeUrl = start.headers.get("location");
  if (!authorizeUrl) throw new Error("sign-in did not redirect to the identity provider");
  // With a second factor: the demo world's ARM requires MFA for users' writes.
  const signedIn = await signInThroughBrowserlessForm({ authorizeUrl, username, secondFactor: true });
  const callback = await fetch(signedIn.redirectUrl, { redirect: "manual" });
  const cookie = callback.headers.getSetCookie().find((c) => c.startsWith("crosslink_session="));
  if (!cookie) throw new Error(`no session cookie after sign-in (HTTP ${callback.status})`);
  return cookie.split(";")[0]!.slice("crosslink_session=".length);
}
