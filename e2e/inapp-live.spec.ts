import { expect, test, type Page } from "@playwright/test";
import { fileRequests, inboxRow, openInbox, signInAsProvider, uniqueTag } from "./support/provider";
import { markDocument, navPendingCount, pendingShown } from "./support/in-app";

/**
 * The provider sees new requests without reloading: Felix files (through the app's own use
 * cases), and Priya's open inbox shows the request, the navigation's Pending count and the tab's
 * title rise. Someone at work on the list (rows selected) is not disturbed: the new row waits
 * behind a button.
 */
const dialog = (page: Page) => page.getByRole("dialog");

test("Priya's open inbox shows Felix's new requests without a reload; the nav count and the tab title rise", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag("live");
  await signInAsProvider(page);
  await openInbox(page, tag);
  await expect(page.getByTestId("inbox-empty")).toBeVisible();
  const before = await pendingShown(page);
  await expect(page).toHaveTitle(before > 0 ? `(${before}) Inbox · Crosslink` : "Inbox · Crosslink");
  const sameDocument = await markDocument(page);

  // At the top of an empty list: the new row shows by itself.
  const [first] = await fileRequests({ message: `Live inbox ${tag}` });
  await expect(inboxRow(page, first!)).toBeVisible({ timeout: 20_000 });
  await expect(inboxRow(page, first!)).toContainText(`Live inbox ${tag}`);
  await expect(page.getByTestId("count-Pending")).toHaveText("1");
  await expect(navPendingCount(page)).toContainText(String(before + 1));
  await expect(page).toHaveTitle(`(${before + 1}) Inbox · Crosslink`);
  await sameDocument();

  // Priya has selected a row: the next request waits behind "1 new request — Show".
  await inboxRow(page, first!).getByRole("checkbox").check();
  const [second] = await fileRequests({ message: `Live inbox again ${tag}` });
  const waiting = page.getByTestId("inbox-new-rows");
  await expect(waiting).toContainText("1 new request", { timeout: 20_000 });
  await expect(inboxRow(page, second!)).toHaveCount(0);
  // The numbers move no row: they follow at once.
  await expect(page.getByTestId("count-Pending")).toHaveText("2");
  await expect(navPendingCount(page)).toContainText(String(before + 2));
  await expect(page).toHaveTitle(`(${before + 2}) Inbox · Crosslink`);
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");

  await waiting.getByRole("button", { name: "Show" }).click();
  await expect(inboxRow(page, second!)).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
  await sameDocument();

  // Leave nothing Pending behind; the count falls again.
  await page.getByRole("checkbox", { name: "Select all Pending requests on this page" }).check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  await dialog(page).getByLabel(/Reason/).fill("Test cleanup");
  await dialog(page).getByRole("button", { name: "Reject 2" }).click();
  await expect(page.getByTestId("bulk-results")).toContainText("Reject selected: 2 of 2 recorded");
  await expect(page).toHaveTitle(before > 0 ? `(${before}) Inbox · Crosslink` : "Inbox · Crosslink", { timeout: 30_000 });
});

test("the count follows Priya to other pages, and a hidden tab stops asking", async ({ page }) => {
  await signInAsProvider(page);
  await page.goto("/provider/resources");
  const shown = await pendingShown(page);
  await expect(page).toHaveTitle(shown > 0 ? `(${shown}) Resources · Crosslink` : "Resources · Crosslink");

  const polls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/me/activity")) polls.push(r.url());
  });
  // The header polls while the page is visible…
  await expect.poll(() => polls.length, { timeout: 15_000 }).toBeGreaterThan(0);
  // …and not while it is hidden.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const whileHidden = polls.length;
  await page.waitForTimeout(12_000);
  expect(polls.length, "polls while hidden").toBe(whileHidden);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect.poll(() => polls.length, { timeout: 5_000 }).toBeGreaterThan(whileHidden);
});

test("when the session ends, the page says so once and stops asking", async ({ page, context }) => {
  await signInAsProvider(page);
  await page.goto("/provider/resources");
  const polls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/me/activity")) polls.push(r.url());
  });
  await context.clearCookies();
  await expect(page.getByTestId("session-ended")).toContainText("Your session has ended.", { timeout: 15_000 });
  await expect(page.getByTestId("session-ended").getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", `/auth/sign-in?returnTo=${encodeURIComponent("/provider/resources")}`);
  const afterEnd = polls.length;
  await page.waitForTimeout(12_000);
  expect(polls.length, "polls after the session ended").toBe(afterEnd);
});
