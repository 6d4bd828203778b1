import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

/**
 * Another site cannot sign anyone out: a form on a foreign origin that posts to /auth/sign-out is
 * refused with 403 (the Origin names the other site), and the session lives on.
 */
test("sign-out refuses a cross-origin form post", async ({ page, baseURL }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");

  // A page on another origin with an auto-submitting form aimed at Crosslink's sign-out.
  await page.route("https://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><form id="f" method="post" action="${baseURL}/auth/sign-out"></form><script>document.getElementById("f").submit()</script>`,
    }),
  );
  const refused = page.waitForResponse((r) => r.url() === `${baseURL}/auth/sign-out`);
  await page.goto("https://evil.example/");
  const response = await refused;
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_origin");

  // Still signed in.
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Felix Fischer");
});

test("the same post from Crosslink's own page signs out", async ({ page, baseURL }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  const response = await page.request.post(`${baseURL}/auth/sign-out`, { headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/oauth2\/v2\.0\/authorize/);
});
