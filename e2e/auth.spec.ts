import { expect, test } from "@playwright/test";
import { signIn, signInAtIdentityProvider, signOut } from "./support/sign-in";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

test("a consumer signs in through the real redirect flow, sees the consumer navigation, and signs out", async ({ page }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Fabrikam");
  await expect(nav(page).getByRole("link", { name: "My requests" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Provider inbox" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Audit trail" })).toHaveCount(0);

  await nav(page).getByRole("link", { name: "My requests" }).click();
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();

  await signOut(page);
  // The session is gone on the server: protected pages send us to sign-in again.
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/oauth2\/v2\.0\/authorize/);
});

test("a provider signs in and sees the provider navigation and inbox", async ({ page }) => {
  await signIn(page, "priya@contoso.onmicrosoft.com", "Priya Patel");
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Contoso");
  await nav(page).getByRole("link", { name: "Provider inbox" }).click();
  await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
  await expect(page.getByTestId("count-Pending")).toHaveText("0");
  await expect(nav(page).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  await signOut(page);
});

test("an admin sees the audit trail with the sign-ins recorded and the chain intact", async ({ page }) => {
  await signIn(page, "adam@contoso.onmicrosoft.com", "Adam Admin");
  await nav(page).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByTestId("audit-verdict")).toContainText("Chain intact");
  await expect(page.getByRole("cell", { name: "Adam Admin (Contoso)" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "auth.sign_in" }).first()).toBeVisible();
  await signOut(page);
});

test("an anonymous visitor is sent to sign in and brought back to the page they asked for", async ({ page }) => {
  await page.goto("/provider");
  await signInAtIdentityProvider(page, "priya@contoso.onmicrosoft.com");
  await expect(page).toHaveURL(/\/provider$/);
  await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
});

test("a consumer opening a provider page gets 403", async ({ page }) => {
  await signIn(page, "nora@northwind.onmicrosoft.com", "Nora Nilsen");
  const response = await page.goto("/provider");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const adminResponse = await page.goto("/admin/audit");
  expect(adminResponse?.status()).toBe(403);
});

test("a tenant with no rights anywhere still signs in as a consumer", async ({ page }) => {
  await signIn(page, "liam@litware.onmicrosoft.com", "Liam Lee");
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Litware");
  expect((await page.goto("/provider"))?.status()).toBe(403);
});

test("a wrong password is refused at the identity provider and no session starts", async ({ page }) => {
  await page.goto("/requests");
  await signInAtIdentityProvider(page, "felix@fabrikam.onmicrosoft.com", "wrong-password");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/localhost:\d+\/(?!.*auth\/callback)/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("crosslink_session"))).toBe(false);
});

test("a tampered session cookie signs the visitor out without an error", async ({ page, context, baseURL }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  const session = (await context.cookies()).find((c) => c.name === "crosslink_session");
  expect(session).toBeDefined();
  await context.addCookies([{ ...session!, value: session!.value.slice(0, -2) + (session!.value.endsWith("AA") ? "BB" : "AA") }]);
  const response = await page.goto(baseURL + "/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Sign in with Microsoft Entra ID" })).toBeVisible();
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  const session = (await context.cookies()).find((c) => c.name === "crosslink_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a callback with a forged state shows a clear error and signs nobody in", async ({ page }) => {
  const response = await page.goto("/auth/callback?code=forged&state=not-a-real-state");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("auth-error-message")).toHaveText(
    "This sign-in link has expired or was already used. Start the sign-in again.",
  );
  expect((await page.context().cookies()).some((c) => c.name.includes("crosslink_session"))).toBe(false);
});

test("a replayed callback is refused", async ({ page, context }) => {
  // Capture the real callback URL (code + state) on its way to the app, then replay it.
  let callbackUrl = "";
  page.on("request", (req) => {
    if (req.url().includes("/auth/callback?")) callbackUrl = req.url();
  });
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  expect(callbackUrl).toContain("code=");
  await context.clearCookies();
  await page.goto(callbackUrl);
  await expect(page.getByTestId("auth-error-message")).toHaveText(
    "This sign-in link has expired or was already used. Start the sign-in again.",
  );
});

test("an error from the identity provider is explained in plain words", async ({ page }) => {
  // Start a real flow to get a valid state, then come back as Entra does when it refuses.
  await page.goto("/auth/sign-in");
  const state = new URL(page.url()).searchParams.get("state");
  expect(state).toBeTruthy();
  await page.goto(
    `/auth/callback?error=access_denied&error_description=${encodeURIComponent("AADSTS50020: User account from identity provider does not exist in tenant")}&state=${state}`,
  );
  await expect(page.getByTestId("auth-error-message")).toContainText("belongs to a different organization");
});

test("health reports the database, version and mode", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "reachable", mode: "local" });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
