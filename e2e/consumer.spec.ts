import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { armHasEndpoint, createEndpointOutsideCrosslink, ensureOrdersManaged, registerFabrikamEndpoint, setArmOperationTime, uniqueName } from "./support/consumer";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";

/**
 * The consumer's journeys in a real browser against the whole local world: filing a request
 * through the form (live validation, subnets read from Azure), following it to Pending,
 * withdrawing it, registering an endpoint made outside Crosslink, and tenant isolation.
 * Each test sets up what it needs; the provider's registration of contoso-orders is idempotent.
 */
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;
const FELIX = { username: "felix@fabrikam.onmicrosoft.com", name: "Felix Fischer" };

const main = (page: Page) => page.getByRole("main");

test.beforeAll(async () => {
  await ensureOrdersManaged();
});

test.afterEach(async () => {
  // Back to the e2e world's usual operation time, whatever a test set.
  await setArmOperationTime(300, 800);
});

/** Fills the new-request form for contoso-orders and files it; returns on the request's page. */
async function fileThroughForm(page: Page, endpointName: string, message = "Fabrikam billing needs private access (ticket 4711)") {
  await page.goto("/requests/new");
  await page.getByLabel("Target resource ID").fill(ORDERS);
  await page.getByLabel("Request message").fill(message);
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByLabel("Endpoint name").fill(endpointName);
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
}

test("a Fabrikam consumer files a request to contoso-orders: live validation, subnets from Azure, progress, then Pending", async ({ page }) => {
  await setArmOperationTime(2500, 3000);
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto("/requests");
  await main(page).getByRole("link", { name: "New request" }).click();
  await expect(page.getByRole("heading", { name: "New connection request" })).toBeVisible();

  // The target: a name instead of an ID, then an unsupported type, each with its own explanation.
  const target = page.getByLabel("Target resource ID");
  await target.fill("contoso-orders");
  await target.blur();
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("targetResourceId-error")).toContainText("This isn't a resource ID");
  await target.fill(`/subscriptions/${DEMO_RESOURCES.contoso.subscriptionId}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcontoso`);
  await expect(page.getByTestId("targetResourceId-error")).toContainText("Storage accounts aren't supported by Crosslink yet");
  // A portal address is accepted as the parser accepts it.
  await target.fill(`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${ORDERS}/overview`);
  await expect(page.getByTestId("targetResourceId-error")).toHaveCount(0);
  await expect(target).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("target-summary")).toContainText("Web app contoso-orders");

  // Group ID from the catalog: sites (the app) by default; a slot needs a valid slot name.
  await expect(page.getByRole("radio", { name: /^sites — the app contoso-orders/ })).toBeChecked();
  await page.getByRole("radio", { name: /one of its deployment slots/ }).check();
  await page.getByLabel("Slot name").fill("bad name");
  await page.getByLabel("Slot name").blur();
  await expect(page.getByTestId("groupId-error")).toContainText("doesn't name a valid slot");
  await page.getByRole("radio", { name: /^sites — the app contoso-orders/ }).check();
  await expect(page.getByTestId("groupId-error")).toHaveCount(0);

  // The message: a live count against the limit of web apps (140), and an error over it.
  const message = page.getByLabel("Request message");
  await message.fill("x".repeat(141));
  await expect(page.getByTestId("message-count")).toContainText("141 / 140");
  await expect(message).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("requestMessage-error")).toContainText("Azure accepts at most 140");
  await message.fill("Fabrikam billing needs private access (ticket 4711)");
  await expect(page.getByTestId("requestMessage-error")).toHaveCount(0);

  // Where: Felix's only subscription is chosen; the VNet's subnets come from Azure, the delegated one disabled with its reason.
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);
  const delegated = page.getByRole("radio", { name: /snet-appservice/ });
  await expect(delegated).toBeDisabled();
  await expect(page.getByTestId("subnet-reason")).toContainText("Delegated to");
  await expect(page.getByTestId("subnet-reason")).toContainText("Microsoft.Web/serverFarms");
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await expect(page.getByTestId("endpoint-region")).toContainText("westeurope");

  // The endpoint name is suggested from the target and checked live.
  const name = page.getByLabel("Endpoint name");
  await expect(name).toHaveValue("pe-contoso-orders");
  await name.fill("-bad name-");
  await expect(page.getByTestId("endpointName-error")).toBeVisible();
  const endpointName = uniqueName("pe-orders");
  await name.fill(endpointName);
  await expect(page.getByTestId("endpointName-error")).toHaveCount(0);

  await page.getByRole("button", { name: "File request" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);

  // Crosslink shows what Azure is doing while it creates the endpoint, then the outcome.
  await expect(page.getByTestId("request-progress")).toBeVisible();
  await expect(page.getByTestId("progress-text")).toContainText(/private endpoint/i);
  await expect(page.getByTestId("request-state")).toHaveText("Creating");
  await expect(page.getByTestId("request-state")).toHaveText("Pending", { timeout: 20_000 });
  await expect(page.getByTestId("request-progress")).toHaveCount(0);
  await expect(page.getByTestId("state-panel")).toContainText("Waiting for Contoso's decision");
  await expect(page.getByTestId("detail-endpoint-name")).toHaveText(endpointName);
  await expect(page.getByTestId("detail-region")).toHaveText("westeurope");
  await expect(page.getByTestId("detail-group-id")).toHaveText("sites");
  await expect(page.getByTestId("detail-ips")).toContainText("10.1.1.");
  await expect(page.getByTestId("detail-message")).toHaveText("Fabrikam billing needs private access (ticket 4711)");
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(3); // Filed, Filed → Creating, Creating → Pending
  await expect(timeline).toContainText("Felix Fischer (Fabrikam)");
  await expect(timeline).toContainText("Private endpoint created; waiting for the provider's decision.");

  // And it is in the list, linked to its page.
  await page.goto("/requests?state=Pending");
  await expect(main(page).getByRole("row").filter({ hasText: endpointName })).toHaveCount(1);
});

test("the server's checks show next to the field with the input kept", async ({ page }) => {
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto("/requests/new");
  const billing = DEMO_RESOURCES.contoso.sites.billing.id;
  await page.getByLabel("Target resource ID").fill(billing);
  await page.getByLabel("Request message").fill("Kept after the refusal");
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByRole("button", { name: "File request" }).click();
  // contoso-billing is a valid ID, but no provider offers it through Crosslink: only the server knows.
  await expect(page.getByTestId("targetResourceId-error")).toContainText("not offered through Crosslink");
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByLabel("Target resource ID")).toHaveValue(billing);
  await expect(page.getByLabel("Request message")).toHaveValue("Kept after the refusal");
  await expect(page.getByRole("radio", { name: /snet-endpoints/ })).toBeChecked();
});

test("withdrawing asks first, says the endpoint is deleted in Azure, and ends Withdrawn", async ({ page }) => {
  await signIn(page, FELIX.username, FELIX.name);
  const endpointName = uniqueName("pe-withdraw");
  await fileThroughForm(page, endpointName);
  await expect(page.getByTestId("request-state")).toHaveText("Pending", { timeout: 20_000 });
  const endpointId = (await page.getByTestId("detail-endpoint-id").textContent())!.trim();
  expect(await armHasEndpoint(endpointId)).toBe(true);

  // Cancel changes nothing.
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this request?" });
  await expect(dialog).toContainText(`deletes the private endpoint ${endpointName} in your Azure subscription`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("request-state")).toHaveText("Pending");

  await setArmOperationTime(1500, 2000);
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await dialog.getByRole("button", { name: "Withdraw and delete the endpoint" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("progress-text")).toContainText("Deleting the private endpoint in Azure");
  await expect(page.getByTestId("request-state")).toHaveText("Withdrawn", { timeout: 20_000 });
  await expect(page.getByTestId("state-panel")).toContainText("withdrawn and its private endpoint deleted in Azure");
  await expect(page.getByRole("button", { name: "Withdraw", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText("Private endpoint deleted.");
  expect(await armHasEndpoint(endpointId)).toBe(false);
});

test("an endpoint created with the CLI is registered and followed", async ({ page }) => {
  const name = uniqueName("pe-cli");
  const { endpointId } = await createEndpointOutsideCrosslink(name);
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto("/requests");
  await main(page).getByRole("link", { name: "Register an existing endpoint" }).click();
  await expect(page.getByRole("heading", { name: "Register an existing endpoint" })).toBeVisible();

  const endpointField = page.getByLabel("Private endpoint resource ID");
  await endpointField.fill(DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id);
  await endpointField.blur();
  await expect(page.getByTestId("privateEndpointId-error")).toContainText("private endpoint");

  // An endpoint that does not exist: only Azure can tell, in the same words as one the user can't read.
  await endpointField.fill(endpointId.replace(name, `${name}-missing`));
  await page.getByLabel("Resource it connects to").fill(ORDERS);
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByTestId("privateEndpointId-error")).toContainText("Crosslink could not read that endpoint with your account");

  await endpointField.fill(endpointId);
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!register)[^/]+$/);
  await expect(page.getByTestId("request-state")).toHaveText("Pending");
  await expect(page.getByText("registered existing endpoint")).toBeVisible();
  await expect(page.getByTestId("detail-endpoint-id")).toHaveText(endpointId);
  await expect(page.getByTestId("detail-message")).toHaveText("Created with the az CLI by Felix");
  await expect(page.getByTestId("timeline")).toContainText("Registered an existing private endpoint created outside Crosslink");
  const requestUrl = page.url();

  // Registering it twice is refused, with the way to the request that follows it.
  await page.goto("/requests/register");
  await page.getByLabel("Private endpoint resource ID").fill(endpointId);
  await page.getByLabel("Resource it connects to").fill(ORDERS);
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByTestId("privateEndpointId-error")).toContainText(`Crosslink already follows this endpoint (request ${requestUrl.split("/").pop()})`);
});

test("a Northwind consumer opening Fabrikam's request gets 404, in the page and in the API", async ({ page }) => {
  const { requestId } = await registerFabrikamEndpoint(uniqueName("pe-isolation"));
  await signIn(page, "nora@northwind.onmicrosoft.com", "Nora Nilsen");
  const response = await page.goto(`/requests/${requestId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const api = await page.request.get(`/api/consumer/requests/${requestId}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
  await page.goto("/requests");
  await expect(main(page).locator(`tr[data-request-id="${requestId}"]`)).toHaveCount(0);
});

test("the consumer API needs a session, and validates its input", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/consumer/subscriptions");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await anonymous.dispose();

  await signIn(page, FELIX.username, FELIX.name);
  const bad = await page.request.get("/api/consumer/subscriptions/not-a-guid/networks");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/GUID/);
  const foreign = await page.request.get(`/api/consumer/subscriptions/${DEMO_RESOURCES.northwind.subscriptionId}/networks`);
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error.message).toMatch(/different Microsoft Entra tenant/);
});

test("a consumer with an empty subscription is told why there is nowhere to put an endpoint", async ({ page }) => {
  // Litware has a subscription and nothing in it.
  await signIn(page, "liam@litware.onmicrosoft.com", "Liam Lee");
  await page.goto("/requests/new");
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.litware.subscriptionId);
  await expect(page.getByTestId("no-networks")).toContainText("This subscription has no virtual networks you can see.");
  await expect(page.getByRole("radio", { name: /snet-/ })).toHaveCount(0);
});
