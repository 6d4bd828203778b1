import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { ensureOrdersManaged, uniqueName } from "./support/consumer";
import { inboxRow, openInbox, signInAsProvider } from "./support/provider";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";

/**
 * Consent and onboarding in a real browser: Woodgrove Bank lets only administrators consent.
 * Wanda signs in (the basic scopes need no consent), goes to file a request and is told why
 * Crosslink can't reach Azure for her; Entra says "Need admin approval"; Oscar, Woodgrove's
 * administrator, grants admin consent on the onboarding page; then Wanda files, and the request
 * reaches Contoso's inbox.
 */
const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;
const WANDA = { username: "wanda@woodgrove.onmicrosoft.com", name: "Wanda Webb" };
const OSCAR = "oscar@woodgrove.onmicrosoft.com";

test.beforeAll(async () => {
  await ensureOrdersManaged();
});

test("a consumer of an admin-consent tenant is sent to onboarding; after their administrator consents, they file", async ({ page, browser }) => {
  // Three people and two trips through the identity provider: longer than one journey.
  test.setTimeout(180_000);
  // Signing in works: only openid, profile, email and offline_access are asked.
  await signIn(page, WANDA.username, WANDA.name);
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Woodgrove Bank");

  // Filing needs Azure: Crosslink explains what is missing instead of a list of subscriptions.
  await page.goto("/requests/new");
  const needed = page.getByTestId("azure-access-needed");
  await expect(needed).toContainText("Crosslink needs your permission to work in Azure");
  await expect(needed.getByRole("link", { name: "onboarding page" })).toHaveAttribute("href", "/onboard");

  // The one-step way: Entra answers "Need admin approval"; back in Crosslink, the error says what to ask for.
  await needed.getByRole("link", { name: "Give Crosslink access to Azure" }).click();
  await expect(page.getByRole("heading", { name: "Need admin approval" })).toBeVisible();
  await page.getByRole("button", { name: "Return to the application without granting consent" }).click();
  await expect(page.getByRole("heading", { name: "Sign-in did not complete" })).toBeVisible();
  await expect(page.getByTestId("auth-error-message")).toContainText("only administrators give apps permission");
  const consentHelp = page.getByTestId("auth-error-consent");
  await expect(consentHelp).toContainText("Global Administrator");
  await consentHelp.getByRole("link", { name: "How your organization onboards Crosslink" }).click();
  await expect(page.getByRole("heading", { name: "Onboard your organization" })).toBeVisible();
  await expect(page.getByTestId("onboard-permissions")).toContainText("user_impersonation");

  // Oscar, Woodgrove's administrator, in his own browser: onboarding page → Entra's admin consent → back.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto("/onboard");
  await admin.getByLabel("Organization (optional)").fill("woodgrove.onmicrosoft.com");
  await admin.getByRole("button", { name: "Grant admin consent" }).click();
  await expect(admin).toHaveURL(/https:\/\/localhost:\d+\/.+\/v2\.0\/adminconsent/);
  await admin.getByLabel("Email or username", { exact: true }).fill(OSCAR);
  await admin.getByLabel("Password", { exact: true }).fill("Passw0rd!");
  await admin.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(admin.getByText("Accept for your organization").first()).toBeVisible();
  await admin.getByRole("button", { name: "Accept for your organization" }).click();
  await expect(admin.getByRole("heading", { name: "Crosslink is onboarded" })).toBeVisible();
  await expect(admin.getByTestId("admin-consent-result")).toContainText("Woodgrove Bank's users can now let Crosslink work in Azure");
  await adminContext.close();

  // Wanda files: her subscriptions and networks come from Azure with her own token, silently.
  const endpointName = uniqueName("pe-woodgrove");
  const message = `Woodgrove payments needs private access (${uniqueName("consent")})`;
  await page.goto("/requests/new");
  await page.getByLabel("Target resource ID").fill(ORDERS);
  await page.getByLabel("Request message").fill(message);
  await expect(page.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.woodgrove.subscriptionId);
  await page.getByRole("radio", { name: /snet-endpoints/ }).check();
  await page.getByLabel("Endpoint name").fill(endpointName);
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
  const requestId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("request-state")).toHaveText("Pending", { timeout: 30_000 });
  await expect(page.getByTestId("state-panel")).toContainText("Waiting for Contoso's decision");

  // The request reaches the provider.
  const providerContext = await browser.newContext();
  const provider = await providerContext.newPage();
  await signInAsProvider(provider);
  await openInbox(provider, endpointName);
  await expect(inboxRow(provider, requestId)).toContainText("Woodgrove Bank");
  await providerContext.close();
});

test("the onboarding page explains what Crosslink asks for to someone not signed in", async ({ page }) => {
  await page.goto("/onboard");
  await expect(page.getByRole("heading", { name: "Onboard your organization" })).toBeVisible();
  await expect(page.getByTestId("onboard-permissions")).toContainText("Work in Azure as the signed-in person");
  await expect(page.getByRole("button", { name: "Grant admin consent" })).toBeVisible();
  // A malformed organization is refused with a reason, before anything reaches Entra.
  await page.getByLabel("Organization (optional)").fill("not a domain!");
  await page.getByRole("button", { name: "Grant admin consent" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "tenant ID or one of its domain names" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/onboard");
});
