import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../dev/world/demo-tenants";

/** Completes the local Entra ID sign-in page the way a person would: username, password, submit. */
export async function signInAtIdentityProvider(page: Page, username: string, password = DEMO_PASSWORD) {
  await expect(page).toHaveURL(/https:\/\/localhost:\d+\/.+\/oauth2\/v2\.0\/authorize/);
  await page.getByLabel("Email or username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in from the landing page and waits until Crosslink shows the signed-in name. */
export async function signIn(page: Page, username: string, expectedName: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
  await signInAtIdentityProvider(page, username);
  await expect(page.getByTestId("signed-in-name")).toHaveText(expectedName);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
}
