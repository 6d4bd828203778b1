import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { FELIX, fileRequests, signInAsProvider, uniqueTag } from "./support/provider";
import { pendingShown } from "./support/in-app";

/** The signed-in home page: what waits for a provider, and for a consumer. */
const dialog = (page: Page) => page.getByRole("dialog");

test("a provider's home page says how many requests wait, which waits longest, and leads to the inbox", async ({ page }) => {
  const tag = uniqueTag("home");
  await fileRequests({ message: `Home page ${tag}` });
  await signInAsProvider(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "What waits for you" })).toBeVisible();

  const provider = page.getByTestId("home-provider");
  const count = Number(await provider.getByTestId("home-pending-count").innerText());
  expect(count).toBeGreaterThan(0);
  expect(await pendingShown(page)).toBe(count);
  const oldest = provider.getByTestId("home-oldest-wait");
  await expect(oldest).toHaveText(/^The oldest waits (under a minute|\d+ min|\d+ h|\d+ days): .+ →\s*asks for .+$/);
  // Seen as "Fabrikam → contoso-orders", heard as "Fabrikam asks for contoso-orders".
  await expect(oldest.getByRole("link")).toHaveAccessibleName(/^\S.* asks for \S.*$/);

  // The oldest request's own page.
  await oldest.getByRole("link").click();
  await expect(page).toHaveURL(/\/provider\/requests\/[^/]+$/);
  await expect(page.getByTestId("request-state")).toHaveText("Pending");

  await page.goto("/");
  await provider.getByRole("link", { name: "Open the inbox" }).click();
  await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
  await expect(page.getByTestId("count-Pending")).toHaveText(String(count));
});

test("a consumer's home page lists an approved request's DNS step, linking to the guide, and counts the rest", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("homedns");
  const [id] = await fileRequests({ message: `DNS next ${tag}` });

  // Priya approves it.
  const provider = await browser.newContext();
  const priya = await provider.newPage();
  await signInAsProvider(priya);
  await priya.goto(`/provider/requests/${id}`);
  await priya.getByRole("button", { name: /^Approve/ }).click();
  await dialog(priya).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(priya.getByTestId("request-state")).toHaveText("Approved", { timeout: 20_000 });
  await provider.close();

  await signIn(page, FELIX.username, FELIX.name);
  await expect(page.getByRole("heading", { name: "What waits for you" })).toBeVisible();
  // A consumer has no inbox: no provider part.
  await expect(page.getByTestId("home-provider")).toHaveCount(0);
  const dns = page.getByTestId("home-dns");
  const item = dns.locator(`li[data-request-id="${id}"]`);
  await expect(item).toContainText("contoso-orders");
  await expect(item).toContainText(`filed by ${FELIX.name}`);
  await expect(item.getByRole("link")).toHaveAttribute("href", `/requests/${id}#dns-heading`);
  await expect(page.getByTestId("home-counts").getByRole("link", { name: /^Approved/ })).toBeVisible();

  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/requests/${id}#dns-heading$`));
  await expect(page.getByTestId("dns-guide")).toBeVisible();
});

test("a person from a tenant without requests is told what Crosslink would do for them", async ({ page }) => {
  await signIn(page, "liam@litware.onmicrosoft.com", "Liam Lee");
  await expect(page.getByRole("heading", { name: "What waits for you" })).toBeVisible();
  await expect(page.getByTestId("home-consumer-empty")).toContainText("Litware has not filed any connection requests yet.");
  await expect(page.getByRole("main").getByRole("link", { name: "New request" })).toHaveAttribute("href", "/requests/new");
});
