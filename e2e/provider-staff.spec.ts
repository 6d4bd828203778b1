import { expect, test } from "@playwright/test";
import { signIn, signInAtIdentityProvider, signOut } from "./support/sign-in";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

/**
 * Provider staff who are B2B guests of the provider tenant (Gina of Fabrikam, a guest in Contoso
 * with the Provider role): "Provider staff" sign-in goes to Contoso's own authority, where her
 * role assignment counts; the general sign-in gives her Fabrikam's token, without it.
 */
test("a B2B guest of the provider tenant gets the provider role through the provider staff sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Provider staff: sign in to Contoso" }).click();
  await expect(page).toHaveURL(/\/11111111-1111-4111-8111-111111111111\/oauth2\/v2\.0\/authorize/);
  await signInAtIdentityProvider(page, "gina@fabrikam.onmicrosoft.com");
  await expect(page.getByTestId("signed-in-name")).toHaveText("Gina Gomez");
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Contoso");
  await nav(page).getByRole("link", { name: "Provider inbox" }).click();
  await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
  await signOut(page);
});

test("the same guest through the general sign-in is a consumer of her home tenant", async ({ page }) => {
  await signIn(page, "gina@fabrikam.onmicrosoft.com", "Gina Gomez");
  await expect(page.getByTestId("signed-in-tenant")).toHaveText("Fabrikam");
  await expect(nav(page).getByRole("link", { name: "Provider inbox" })).toHaveCount(0);
  await signOut(page);
});
