import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("the landing page says what Crosslink does and offers sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-summary")).toContainText("private endpoint");
  await expect(page.getByTestId("product-summary")).toContainText("Azure never tells them");
  await expect(page.getByRole("link", { name: "Sign in with Microsoft Entra ID" })).toBeVisible();
});

test("the theme follows the operating system's dark mode", async ({ browser, baseURL }) => {
  const background = async (colorScheme: "light" | "dark") => {
    const context = await browser.newContext({ colorScheme, baseURL });
    const page = await context.newPage();
    await page.goto("/");
    const color = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await context.close();
    return color;
  };
  const light = await background("light");
  const dark = await background("dark");
  expect(light).toBe("rgb(245, 245, 245)");
  expect(dark).toBe("rgb(20, 20, 20)");
});

test("keyboard only: skip link, then the account menu signs out", async ({ page }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  await page.goto("/requests");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  const account = page.getByRole("button", { name: /^Account: Felix Fischer, Fabrikam/ });
  await account.focus();
  await page.keyboard.press("Enter");
  const signOutItem = page.getByRole("menuitem", { name: "Sign out" });
  await expect(signOutItem).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(signOutItem).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
});
