import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";
import { expectNoSidewaysScroll, PHONE } from "./support/phone";

/**
 * The consumer's forms beyond the happy path: they fit a phone; the new-request form says what
 * to do when Azure's lists cannot be loaded (the session ended, the network failed), failures
 * staged in the browser (page.route) in the error shape every JSON route answers with; and a
 * refusal from the server takes the focus to its field.
 */
const FELIX = { username: "felix@fabrikam.onmicrosoft.com", name: "Felix Fischer" };
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;


test.describe("on a phone (390 × 844)", () => {
  test.use({ viewport: PHONE });

  test("the new-request and register forms fit without sideways scrolling, with long IDs and their errors shown", async ({ page }) => {
    await signIn(page, FELIX.username, FELIX.name);

    await page.goto("/requests/new");
    await expect(page.getByRole("radio", { name: /snet-endpoints/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    // A long ID, its summary, and every field's error after an attempt to file.
    await page.getByLabel("Target resource ID").fill(`${ORDERS}/slots/a-rather-long-deployment-slot-name-without-spaces`);
    await expect(page.getByTestId("target-summary")).toBeVisible();
    await page.getByLabel("Request message").fill("x".repeat(141));
    await page.getByRole("button", { name: "File request" }).click();
    await expect(page.getByTestId("requestMessage-error")).toBeVisible();
    await expect(page.getByTestId("subnetId-error")).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto("/requests/register");
    await page.getByLabel("Private endpoint resource ID").fill(`${DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id}/and/some/more/segments-without-spaces`);
    await page.getByLabel("Resource it connects to").fill("not-a-resource-id-but-long-enough-to-need-wrapping-on-a-phone-screen");
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByTestId("privateEndpointId-error")).toBeVisible();
    await expect(page.getByTestId("targetResourceId-error")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test("when the session has ended, the subscription picker says so and links to sign-in and back", async ({ page }) => {
  await signIn(page, FELIX.username, FELIX.name);
  await page.route("**/api/consumer/subscriptions", (route) =>
    route.fulfill({ status: 401, json: { error: { code: "unauthenticated", message: "Your session has ended. Sign in again to continue." } } }),
  );
  await page.goto(`/requests/new?target=${encodeURIComponent(ORDERS)}`);
  const problem = page.getByRole("alert").filter({ hasText: "Your session has ended." });
  await expect(problem).toBeVisible();
  await expect(problem.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", `/auth/sign-in?returnTo=${encodeURIComponent(`/requests/new?target=${encodeURIComponent(ORDERS)}`)}`);
  await expect(problem.getByRole("button", { name: "Try again" })).toHaveCount(0);
});

test("when the network fails, the pickers say so and Try again loads them", async ({ page }) => {
  await signIn(page, FELIX.username, FELIX.name);
  await page.route("**/api/consumer/subscriptions", (route) => route.abort("internetdisconnected"));
  await page.goto("/requests/new");
  await expect(page.getByRole("alert").filter({ hasText: "Crosslink could not be reached" })).toBeVisible();

  await page.unroute("**/api/consumer/subscriptions");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);

  // A failed load of the networks shows the route's message with its reference, and can be tried again.
  await page.route("**/api/consumer/subscriptions/*/networks", (route) =>
    route.fulfill({ status: 500, json: { error: { code: "internal", message: "Something went wrong on our side.", requestId: "e2e-ref-42" } } }),
  );
  await page.getByLabel("Subscription", { exact: true }).selectOption("");
  await page.getByLabel("Subscription", { exact: true }).selectOption(DEMO_RESOURCES.fabrikam.subscriptionId);
  const problem = page.getByRole("alert").filter({ hasText: "Something went wrong on our side." });
  await expect(problem).toContainText("Reference: e2e-ref-42");
  await page.unroute("**/api/consumer/subscriptions/*/networks");
  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("radio", { name: /snet-endpoints/ })).toBeEnabled();
});

test("a refusal only the server can make takes the focus to the field it is about", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto("/requests/new");
  // contoso-billing is a valid ID, but no provider offers it through Crosslink.
  await page.getByLabel("Target resource ID").fill(DEMO_RESOURCES.contoso.sites.billing.id);
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page.getByTestId("targetResourceId-error")).toContainText("not offered through Crosslink");
  await expect(page.getByLabel("Target resource ID")).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  expect(problems, "no errors in the browser's console").toEqual([]);
});
