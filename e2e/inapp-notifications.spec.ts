import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { FELIX, fileRequests, PRIYA, signInAsProvider, uniqueTag } from "./support/provider";
import { insertNotifications } from "./support/in-app";

/**
 * In-app notifications: the bell's unread count (live, like the Pending count), the list with
 * pages, mark read, mark all read, and links to the request on the reader's side. Rows are
 * written as the notification fan-out writes them (support/insert-notifications.ts).
 */
const LIAM = { username: "liam@litware.onmicrosoft.com", name: "Liam Lee" };

test("the bell counts unread notifications without a reload; the page lists them in pages and marks them read", async ({ page }) => {
  // Liam's tenant files nothing, so no notification but these reaches him.
  await signIn(page, LIAM.username, LIAM.name);
  const bell = page.getByTestId("notifications-bell");
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  if (await page.getByRole("button", { name: "Mark all read" }).isVisible()) {
    await page.getByRole("button", { name: "Mark all read" }).click();
  }
  await expect(page.getByTestId("unread-summary")).toContainText("All read.");
  await expect(bell).toHaveAccessibleName("Notifications");

  const tag = uniqueTag("bell");
  await page.goto("/");
  await insertNotifications(
    LIAM.username,
    Array.from({ length: 23 }, (_, i) => ({ title: `${tag} #${i + 1}`, body: `Body of #${i + 1}`, eventType: "request.approved", minutesAgo: 23 - i })),
  );
  await expect(page.getByTestId("bell-count")).toHaveText("23", { timeout: 15_000 });
  await expect(bell).toHaveAccessibleName("Notifications, 23 unread");

  await bell.click();
  await expect(bell).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("unread-summary")).toContainText("23 unread.");
  const rows = page.locator("li[data-notification-id]");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(`${tag} #23`);
  await expect(rows.first()).toContainText("Body of #23");
  await expect(rows.first()).toContainText("Approved");
  await expect(rows.first()).toHaveAttribute("data-unread", "true");

  await page.getByRole("link", { name: "Older notifications →" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.last()).toContainText(`${tag} #1`);
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(rows).toHaveCount(20);

  // One marked read.
  await page.getByRole("button", { name: `Mark read: ${tag} #23` }).click();
  await expect(rows.first()).toHaveAttribute("data-unread", "false");
  await expect(page.getByTestId("bell-count")).toHaveText("22");

  // All marked read.
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByTestId("unread-summary")).toContainText("All read.");
  await expect(page.getByTestId("bell-count")).toHaveCount(0);
  await expect(rows.first()).toHaveAttribute("data-unread", "false");
});

test("a notification leads to the request on the reader's side, and opening it marks it read", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("notelink");
  const [id] = await fileRequests({ message: `Notified ${tag}` });

  for (const reader of [
    { ...FELIX, href: `/requests/${id}` },
    { ...PRIYA, href: `/provider/requests/${id}` },
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (reader.username === PRIYA.username) await signInAsProvider(page);
    else await signIn(page, reader.username, reader.name);
    const [notification] = await insertNotifications(reader.username, [{ title: `About ${tag}`, body: "Something happened.", requestId: id }]);

    await page.goto("/notifications");
    const row = page.locator(`li[data-notification-id="${notification}"]`);
    await expect(row).toHaveAttribute("data-unread", "true");
    const link = row.getByRole("link", { name: `About ${tag}` });
    await expect(link).toHaveAttribute("href", reader.href);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${reader.href}$`));
    await expect(page.getByTestId("request-state")).toBeVisible();

    await expect
      .poll(async () => {
        await page.goto("/notifications");
        return row.getAttribute("data-unread");
      })
      .toBe("false");
    await context.close();
  }
});
