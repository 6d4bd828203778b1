import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { ensureOrdersManaged, uniqueName } from "./support/consumer";
import { DEMO_RESOURCES, NORTHWIND_SANDBOX } from "../dev/world/demo-resources";

/**
 * A consumer's subscription that lacks a resource provider the target needs: Nora's "Northwind
 * Sandbox" has Microsoft.Network but not Microsoft.Web. The form says so when she picks it, refuses
 * to file, offers to register Microsoft.Web with her own token, shows Azure registering it
 * (asynchronous), and then files. (The e2e world starts fresh, so the sandbox is unregistered.)
 */
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;
const NORA = { username: "nora@northwind.onmicrosoft.com", name: "Nora Nilsen" };

test.beforeAll(async () => {
  await ensureOrdersManaged();
});

test("a consumer whose subscription lacks Microsoft.Web is offered registration, registers it, then files", async ({ page }) => {
  await signIn(page, NORA.username, NORA.name);
  await page.goto("/requests/new");
  await page.getByLabel("Target resource ID").fill(ORDERS);
  await page.getByLabel("Request message").fill("Northwind sandbox needs the orders app");

  // Nora has two subscriptions; her main one needs nothing.
  const subscription = page.getByLabel("Subscription", { exact: true });
  await subscription.selectOption(DEMO_RESOURCES.northwind.subscriptionId);
  await expect(page.getByRole("radio", { name: /snet-endpoints/ })).toBeVisible();
  await expect(page.getByTestId("provider-registration")).toHaveCount(0);

  // The sandbox lacks Microsoft.Web: said at once, with the way out.
  await subscription.selectOption(NORTHWIND_SANDBOX.subscriptionId);
  const panel = page.getByTestId("provider-registration");
  await expect(panel).toContainText(`Microsoft.Web is not registered in ${NORTHWIND_SANDBOX.subscriptionName}.`);
  await expect(panel).not.toContainText("Microsoft.Network is not registered");
  const register = panel.getByRole("button", { name: `Register Microsoft.Web in ${NORTHWIND_SANDBOX.subscriptionName}` });
  await expect(register).toBeVisible();

  // Filing anyway is refused on the subscription, before anything reaches Azure.
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByLabel("Endpoint name").fill(uniqueName("pe-sandbox"));
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page.getByTestId("subscriptionId-error")).toContainText("Microsoft.Web is not registered");
  await expect(page).toHaveURL(/\/requests\/new/);

  // Register: Azure answers Registering, the form follows it to Registered.
  await register.click();
  await expect(panel.getByRole("status")).toContainText(`Registering Microsoft.Web in ${NORTHWIND_SANDBOX.subscriptionName}…`);
  await expect(panel.getByRole("status")).toHaveText(`Microsoft.Web is registered in ${NORTHWIND_SANDBOX.subscriptionName}. You can file the request.`, {
    timeout: 20_000,
  });
  await expect(panel.getByRole("button")).toHaveCount(0);

  // Then the request is filed, and Azure creates the endpoint from the sandbox.
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
  await expect(page.getByTestId("request-state")).toHaveText("Pending", { timeout: 20_000 });
});
