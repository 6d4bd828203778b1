import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Locator, type Page } from "@playwright/test";
import { ROOT, worldEnv } from "./world-env";

/** Helpers for the in-app journeys: notifications written as the fan-out would, and the header's live counts. */
export type NotificationInput = { title: string; body?: string; requestId?: string; eventType?: string; minutesAgo?: number };

export async function insertNotifications(username: string, rows: NotificationInput[]): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "e2e/support/insert-notifications.ts"), JSON.stringify({ username, rows })], {
      cwd: ROOT,
      env: worldEnv(),
      timeout: 60_000,
    });
    return (JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { ids: string[] }).ids;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`inserting notifications failed: ${e.stderr || e.message}`);
  }
}

/** The Pending count on the navigation's inbox link (absent when nothing waits). */
export function navPendingCount(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Provider inbox/ }).getByTestId("nav-pending-count");
}

/** The number the navigation shows now (0 when it shows none). */
export async function pendingShown(page: Page): Promise<number> {
  const badge = navPendingCount(page);
  return (await badge.count()) === 0 ? 0 : Number(await badge.locator('[aria-hidden="true"]').innerText());
}

/** Marks the current document, so a test can tell that the page was never reloaded since. */
export async function markDocument(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => ((window as unknown as { e2eDocument?: boolean }).e2eDocument = true));
  return async () => expect(await page.evaluate(() => (window as unknown as { e2eDocument?: boolean }).e2eDocument === true), "the same document (no reload)").toBe(true);
}
