import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signIn } from "./support/sign-in";
import { expectNoSidewaysScroll, PHONE } from "./support/phone";
import { uniqueName } from "./support/consumer";
import { DEFAULT_ROUTE_EVENTS } from "../lib/notify/notification-types";
import { startWebhookReceiver, type WebhookReceiver } from "../tests/support/webhook-receiver";

/**
 * The admin's notification routes and each person's email settings, in a real browser against the
 * e2e world: field errors that save nothing, the SSRF guard's refusal in the form, a webhook route
 * whose secret is shown once and whose test event reaches a receiver this test runs (loopback
 * targets are allowed in local mode), pausing; and a consumer's email choices surviving a reload.
 */
const ADAM = { username: "adam@contoso.onmicrosoft.com", name: "Adam Admin" };
const FELIX = { username: "felix@fabrikam.onmicrosoft.com", name: "Felix Fischer" };

const targetError = (page: Page) => page.locator("#route-target-error");

async function openNewRouteForm(page: Page) {
  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New route" }).click();
  await expect(page.getByRole("heading", { name: "New notification route", level: 1 })).toBeVisible();
}

async function routeNames(page: Page): Promise<string> {
  const list = await page.context().newPage();
  try {
    await list.goto("/admin/notifications");
    await expect(list.getByRole("heading", { name: "Routes", level: 2 })).toBeVisible();
    return (await list.getByRole("region", { name: "Routes" }).textContent()) ?? "";
  } finally {
    await list.close();
  }
}

test("an email route: a bad address is refused next to its field and nothing is saved; fixed, the route is created", async ({ page }) => {
  const name = uniqueName("Ops mailbox");
  await signIn(page, ADAM.username, ADAM.name);
  await openNewRouteForm(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(page.getByRole("radio", { name: /^Email/ })).toBeChecked();
  // The defaults of a notify route are ticked; escalations are not offered to it.
  await expect(page.getByRole("checkbox", { name: /^New request waiting/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Request filed/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Escalation/ })).toHaveCount(0);

  await page.getByLabel("Email addresses").fill("ops@contoso.example, not-an-address");
  await page.getByRole("button", { name: "Create route", exact: true }).click();
  await expect(targetError(page)).toContainText('"not-an-address" is not an email address.');
  await expect(page.getByLabel("Email addresses")).toBeFocused();
  // What was typed stays, and nothing was saved.
  await expect(page.getByLabel("Email addresses")).toHaveValue("ops@contoso.example, not-an-address");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  expect(await routeNames(page)).not.toContain(name);

  await page.getByLabel("Email addresses").fill("ops@contoso.example");
  await page.getByRole("button", { name: "Create route", exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Route created." })).toBeVisible();
  await expect(page.getByTestId("route-status")).toContainText("Active");
  await expect(page.getByTestId("route-recipient")).toHaveText("ops@contoso.example");

  await page.goto("/admin/notifications");
  const row = page.locator(`tr[data-route-name="${name}"]`);
  await expect(row).toContainText("Email");
  await expect(row).toContainText("All resources");
  await expect(row).toContainText(`${DEFAULT_ROUTE_EVENTS.length} events`);
});

test("a webhook route: a private address is refused; a local receiver gets a signed test event; pausing shows Paused", async ({ page }) => {
  const name = uniqueName("Integration hook");
  let receiver: WebhookReceiver | undefined;
  try {
    receiver = await startWebhookReceiver();
    await signIn(page, ADAM.username, ADAM.name);
    await openNewRouteForm(page);

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("radio", { name: /^Webhook/ }).check();
    await page.getByLabel("Webhook URL").fill("https://10.0.0.5/hooks/crosslink");
    await page.getByRole("button", { name: "Create route", exact: true }).click();
    await expect(targetError(page)).toContainText(/private network/);
    await expect(page.getByLabel("Webhook URL")).toHaveValue("https://10.0.0.5/hooks/crosslink");
    expect(await routeNames(page)).not.toContain(name);

    await page.getByLabel("Webhook URL").fill(receiver.url);
    await page.getByRole("button", { name: "Create route", exact: true }).click();
    const panel = page.getByTestId("secret-panel");
    await expect(panel).toContainText("Copy it now; Crosslink will not show it again.");
    await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
    const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);

    await page.getByRole("link", { name: /go to the route/ }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    // Shown once: the route's page never has it.
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(page.getByTestId("route-recipient")).toContainText("http://127.0.0.1:");

    await page.getByRole("button", { name: "Send test event", exact: true }).click();
    await expect(page.getByTestId("test-result-status")).toContainText("delivered", { timeout: 20_000 });
    await receiver.waitFor((r) => r.length >= 1);
    const [call] = receiver.received;
    const verified = new Webhook(secret).verify(call!.body, call!.headers as Record<string, string>) as { type: string };
    expect(verified.type).toBe("route.test");

    const log = page.getByTestId("delivery-log");
    await expect(log.getByTestId("delivery-row").first()).toHaveAttribute("data-status", "delivered");
    await expect(log.getByTestId("delivery-row").first()).toContainText("Test event");

    // Rotating asks first, then shows the new secret once; the next call is signed with it.
    await page.getByRole("button", { name: "Rotate secret", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret", exact: true }).click();
    await expect(page.getByTestId("rotation-ends")).toContainText("The old secret keeps signing until");
    await expect(page.getByTestId("secret-panel").getByRole("heading", { level: 2 })).toBeFocused();
    const rotated = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole("button", { name: "Send test event", exact: true }).click();
    await receiver.waitFor((r) => r.length >= 2);
    const second = receiver.received[1]!;
    expect(new Webhook(rotated).verify(second.body, second.headers as Record<string, string>)).toBeTruthy();
    await expect(log.locator('[data-status="delivered"]')).toHaveCount(2);

    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Paused: nothing is sent" })).toBeVisible();
    await expect(page.getByTestId("route-status")).toContainText("Paused");
    await expect(page.getByRole("button", { name: "Resume", exact: true })).toBeFocused();
    await page.reload();
    await expect(page.getByTestId("route-status")).toContainText("Paused");

    // Deleting asks first, then the route is gone from the list.
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete route", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "The route was deleted." })).toBeVisible();
    await expect(page.locator(`tr[data-route-name="${name}"]`)).toHaveCount(0);
  } finally {
    await receiver?.close();
  }
});

test("a route id that is unknown shows the not-found page", async ({ page }) => {
  await signIn(page, ADAM.username, ADAM.name);
  await page.goto("/admin/notifications/no-such-route");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the route pages fit a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, ADAM.username, ADAM.name);
  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { name: "Reminders", level: 2 })).toBeVisible();
  await expectNoSidewaysScroll(page, "/admin/notifications");
  await page.goto("/admin/notifications/new");
  await page.getByRole("radio", { name: /^Microsoft Teams/ }).check();
  await expect(page.getByLabel("Teams Workflows webhook URL")).toBeVisible();
  await expectNoSidewaysScroll(page, "/admin/notifications/new");
});

test("a consumer chooses their emails: an unticked kind stays unticked after a reload; routes are not theirs", async ({ page }) => {
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto("/settings/notifications");
  await expect(page.getByTestId("email-address")).toContainText("felix@fabrikam.example");
  const approved = page.getByRole("checkbox", { name: /^Approved/ });
  await expect(approved).toBeChecked();

  await approved.uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("preferences-result")).toContainText("Saved.");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /^Approved/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Rejected/ })).toBeChecked();

  // Back as it was, for the next run.
  await page.getByRole("checkbox", { name: /^Approved/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("preferences-result")).toContainText("Saved.");

  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
