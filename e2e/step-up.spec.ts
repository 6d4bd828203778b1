import { expect, test } from "@playwright/test";
import { approveSecondFactor, signIn } from "./support/sign-in";
import { ensureOrdersManaged, uniqueName } from "./support/consumer";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";

/**
 * Azure's mandatory MFA for writes (the e2e world's local ARM requires it, as real ARM does):
 * Felix signs in with his password only and files a request. Reading subscriptions and subnets
 * works; creating the endpoint meets ARM's claims challenge, so the request waits for him (no
 * retries, no failure). He confirms his sign-in with a second factor, comes back to the request,
 * carries on, and the endpoint is created.
 */
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;

test.beforeAll(async () => {
  await ensureOrdersManaged();
});

test("a password-only sign-in is asked for a second factor before the endpoint is created, then the request goes on", async ({ page }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer", { secondFactor: false });

  await page.goto("/requests/new");
  await page.getByLabel("Target resource ID").fill(ORDERS);
  await page.getByLabel("Request message").fill("Fabrikam reporting, ticket 5150");
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByLabel("Endpoint name").fill(uniqueName("pe-stepup"));
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
  const requestUrl = new URL(page.url()).pathname;

  // Azure refused the write without MFA: the request waits for Felix, in words, with a way on.
  const panel = page.getByTestId("step-up-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole("heading", { name: "Azure asks you to confirm your sign-in with a second factor" })).toBeVisible();
  await expect(page.getByTestId("request-state")).toContainText("Creating");
  await expect(page.getByTestId("timeline")).toContainText("Azure asks you to confirm your sign-in with a second factor before it creates the private endpoint.");

  // Through the identity provider with Azure's claims: straight to the second factor (single sign-on), then back here.
  await panel.getByRole("link", { name: "Continue" }).click();
  await approveSecondFactor(page);
  await expect(page).toHaveURL(new RegExp(`${requestUrl}\\?stepUp=done$`));
  await page.getByTestId("step-up-resume").click();

  // The endpoint is created with the new sign-in: Pending, waiting for the provider.
  await expect(page.getByTestId("request-state")).toContainText("Pending", { timeout: 30_000 });
  await expect(page.getByTestId("step-up-panel")).toHaveCount(0);
  await expect(page.getByTestId("detail-endpoint-id")).toContainText("/providers/Microsoft.Network/privateEndpoints/");
  await expect(page.getByTestId("timeline")).toContainText("Sign-in confirmed");
});
