import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { ARM_PORT, ROOT, worldEnv } from "./world-env";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * Helpers for the provider's browser journeys. Requests are filed by file-requests.ts (the app's
 * own use cases, run in a separate process against the e2e world's database, Entra ID and ARM),
 * so these tests do not depend on the consumer UI.
 */
export const PRIYA = { username: "priya@contoso.onmicrosoft.com", name: "Priya Patel" };
export const FELIX = { username: "felix@fabrikam.onmicrosoft.com", name: "Felix Fischer", tenant: "Fabrikam" };

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
