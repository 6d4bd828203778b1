import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * Helpers for the provider's browser journeys. Requests are filed by file-requests.ts (the app's
 * own use cases, run in a separate process against the e2e world's database, Entra ID and ARM),
 * so these tests do not depend on the consumer UI.
 */
const ROOT = path.resolve(__dirname, "..", "..");
// The same ports and data directory playwright.config.ts starts the local world with.
const DATA_DIR = path.resolve(ROOT, process.env.E2E_DATA_DIR ?? ".data/e2e");
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const ENTRA_PORT = Number(process.env.E2E_ENTRA_PORT ?? 7543);
const ARM_PORT = Number(process.env.E2E_ARM_PORT ?? 8543);

export const PRIYA = { username: "priya@contoso.onmicrosoft.com", name: "Priya Patel" };
export const FELIX = { username: "felix@fabrikam.onmicrosoft.com", name: "Felix Fischer", tenant: "Fabrikam" };

/** The e2e world's environment, as scripts/local-world/prepare.ts gives it to the app. */
function worldEnv(): NodeJS.ProcessEnv {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "local-secrets.json"), "utf8")) as { clientSecret: string; sessionSecret: string };
  return {
    ...process.env,
    CROSSLINK_MODE: "local",
    CROSSLINK_DATA_DIR: DATA_DIR,
    APP_BASE_URL: `http://localhost:${APP_PORT}`,
    DATABASE_URL: `file:${path.join(DATA_DIR, "crosslink.db")}`,
    ENTRA_AUTHORITY_HOST: `https://localhost:${ENTRA_PORT}`,
    ENTRA_CLIENT_SECRET: secrets.clientSecret,
    SESSION_SECRET: secrets.sessionSecret,
    ARM_ENDPOINT: `https://localhost:${ARM_PORT}`,
    NODE_EXTRA_CA_CERTS: path.join(DATA_DIR, "certs", "local-ca.pem"),
    LOG_LEVEL: "warn",
  };
}

/** A short unique word to put in messages, so each test finds its own requests with the search box. */
export function uniqueTag(prefix = "e2e"): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/**
 * Files `count` requests as `username` to contoso-orders (registering it first if needed) and
 * waits until the app's worker has created their private endpoints (state Pending).
 */
export async function fileRequests(options: { username?: string; count?: number; message: string }): Promise<string[]> {
  const input = { username: options.username ?? FELIX.username, count: options.count ?? 1, message: options.message, ensureManaged: true };
  try {
    const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "e2e/support/file-requests.ts"), JSON.stringify(input)], {
      cwd: ROOT,
      env: worldEnv(),
      timeout: 90_000,
    });
    const last = stdout.trim().split("\n").pop() ?? "{}";
    const { requestIds, states } = JSON.parse(last) as { requestIds: string[]; states: Record<string, string> };
    expect(Object.values(states), "the filed requests reach Pending").toEqual(requestIds.map(() => "Pending"));
    return requestIds;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`filing requests failed: ${e.stderr || e.message}`);
  }
}

export async function signInAsProvider(page: Page) {
  await signIn(page, PRIYA.username, PRIYA.name);
}

/** Opens the inbox searched for `tag`, on the given state tab ("all" for every state). */
export async function openInbox(page: Page, tag: string, state: string = "Pending") {
  const params = new URLSearchParams({ q: tag });
  if (state !== "Pending") params.set("state", state);
  await page.goto(`/provider?${params}`);
  await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
}

/** The inbox row of a request (rows carry their request ID). */
export function inboxRow(page: Page, requestId: string): Locator {
  return page.locator(`tr[data-request-id="${requestId}"]`);
}

/** Sets the e2e world's local ARM fault injection (`{ reset: true }` clears it). */
export async function armFaults(request: APIRequestContext, faults: Record<string, unknown>) {
  const response = await request.put(`https://localhost:${ARM_PORT}/_local/faults`, { data: faults, ignoreHTTPSErrors: true });
  expect(response.ok(), `PUT /_local/faults: HTTP ${response.status()}`).toBe(true);
}
