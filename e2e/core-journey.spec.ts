import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { ensureOrdersManaged, uniqueName } from "./support/consumer";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";

/**
 * The heart of Crosslink, through both UIs at once: a Fabrikam consumer files a request to a
 * Contoso web app, the Contoso provider sees it in the inbox and approves it with a note, and the
 * consumer's page turns Approved with a DNS guide carrying the endpoint's real private IP from
 * the local ARM.
 */
test("consumer files → provider approves with a note → consumer sees Approved and the DNS guide", async ({ browser }) => {
  // Two people sign in and Azure creates an endpoint: the longest journey gets three times the budget.
  test.slow();
  await ensureOrdersManaged();
  const consumerContext = await browser.newContext();
  const providerContext = await browser.newContext();
  const consumer = await consumerContext.newPage();
  const provider = await providerContext.newPage();
  const endpointName = uniqueName("pe-journey");
  const message = `Journey ${endpointName}: billing needs private access`;

  // Consumer: file the request through the form.
  await signIn(consumer, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  await consumer.goto("/requests/new");
  await consumer.getByLabel("Target resource ID").fill(DEMO_RESOURCES.contoso.sites.orders.id);
  await consumer.getByLabel("Request message").fill(message);
  await expect(consumer.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);
  await consumer.getByRole("radio", { name: /snet-endpoints/ }).check();
  await consumer.getByLabel("Endpoint name").fill(endpointName);
  await consumer.getByRole("button", { name: "File request" }).click();
  await expect(consumer).toHaveURL(/\/requests\/(?!new)[^/]+$/);
  await expect(consumer.getByTestId("request-state")).toHaveText("Pending", { timeout: 20_000 });
  const ip = ((await consumer.getByTestId("detail-ips").textContent()) ?? "").match(/10\.1\.1\.\d+/)?.[0];
  expect(ip, "the endpoint's private IP from the local ARM").toBeTruthy();

  // Provider: the request is in the inbox at once; approve it with a note.
  await signIn(provider, "priya@contoso.onmicrosoft.com", "Priya Patel");
  await provider.goto(`/provider?q=${encodeURIComponent(endpointName)}`);
  const row = provider.getByRole("row").filter({ hasText: message });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Fabrikam");
  await expect(row).toContainText("Felix Fischer");
  await row.getByRole("button", { name: /^Approve/ }).click();
  const dialog = provider.getByRole("dialog");
  await dialog.getByLabel(/Note to the consumer/).fill("Welcome aboard");
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(provider.getByTestId("count-Approved")).not.toHaveText("0", { timeout: 20_000 });

  // Consumer: the page follows the decision; the DNS guide names the zone and the endpoint's IP.
  await expect(consumer.getByTestId("request-state")).toHaveText("Approved", { timeout: 30_000 });
  await consumer.reload();
  await expect(consumer.getByTestId("request-state")).toHaveText("Approved");
  await expect(consumer.getByRole("main")).toContainText("Welcome aboard");
  await expect(consumer.getByRole("main")).toContainText("privatelink.azurewebsites.net");
  await expect(consumer.getByRole("main")).toContainText(ip!);
  await expect(consumer.getByRole("main")).toContainText("az network private-dns");

  await consumerContext.close();
  await providerContext.close();
});
