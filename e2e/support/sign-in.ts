import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../dev/world/demo-tenants";

/**
 * Completes the local Entra ID sign-in page the way a person would: username, password, submit,
 * and by default the second factor too (the demo world's ARM requires MFA for users' writes, so
 * journeys sign in as a person with MFA would). `secondFactor: false` signs in with the password only.
 */
export async function signInAtIdentityProvider(page: Page, username: string, password = DEMO_PASSWORD, options: { secondFactor?: boolean } = {}) {
  const secondFactor = options.secondFactor ?? true;
  await expect(page).toHaveURL(/https:\/\/localhost:\d+\/.+\/oauth2\/v2\.0\/authorize/);
  await page.getByLabel("Email or username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  if (secondFactor) await page.getByLabel("Also confirm with a second factor (demo authenticator)").check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A wrong password comes back to the form (no second-factor step to take).
  if (secondFactor && password === DEMO_PASSWORD) await approveSecondFactor(page);
}

/** The local Entra ID's second-factor step: approve the demo sign-in request. */
export async function approveSecondFactor(page: Page) {
  await expect(page.getByRole("heading", { name: "Approve sign-in request" })).toBeVisible();
  await page.getByRole("button", { name: "Approve on my phone (demo)" }).click();
}

/** Signs in from the landing page and waits until Crosslink shows the signed-in name. */
export async function signIn(page: Page, username: string, expectedName: string, options: { secondFactor?: boolean } = {}) {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in with Microsoft Entra ID" }).click();
  await signInAtIdentityProvider(page, username, DEMO_PASSWORD, options);
  await expect(page.getByTestId("signed-in-name")).toHaveText(expectedName);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
}
