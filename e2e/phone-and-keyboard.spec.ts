import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { FELIX, fileRequests, inboxRow, openInbox, PRIYA, signInAsProvider, uniqueTag } from "./support/provider";
import { registerFabrikamEndpoint, uniqueName } from "./support/consumer";
import { expectNoSidewaysScroll, PHONE } from "./support/phone";

/**
 * What keyboard and phone users found: focus lost after closing a decision dialog, pages wider
 * than a phone with their actions out of reach, a withdrawn request still offering its deleted
 * endpoint, a missing icon. Requests are set up through the app's use cases (support/).
 */
const ADAM = { username: "adam@contoso.onmicrosoft.com", name: "Adam Admin" };

const dialog = (page: Page) => page.getByRole("dialog");

/** Opens a dialog from the keyboard: focus the button, press Enter. */
async function openWithKeyboard(page: Page, button: Locator) {
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
}

/** Cancel, then Escape: each closes the dialog and puts focus back on the button that opened it. */
async function expectFocusReturns(page: Page, opener: Locator, what: string) {
  await openWithKeyboard(page, opener);
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page), `${what}: Cancel closes`).toHaveCount(0);
  await expect(opener, `${what}: focus back after Cancel`).toBeFocused();

  await openWithKeyboard(page, opener);
  await page.keyboard.press("Escape");
  await expect(dialog(page), `${what}: Escape closes`).toHaveCount(0);
  await expect(opener, `${what}: focus back after Escape`).toBeFocused();
}


/** The element is within the window's width as the page first shows it, before anything scrolls sideways. */
async function expectWithinWidth(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const { left, right, innerWidth } = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, innerWidth: window.innerWidth };
  });
  expect(left, `${what}: left edge on screen`).toBeGreaterThanOrEqual(0);
  expect(right, `${what}: right edge on screen`).toBeLessThanOrEqual(innerWidth);
}

test.describe("keyboard: focus comes back to the button that opened a dialog", () => {
  test("Approve, Reject and Disconnect on the request page, and Approve and Reject in the inbox", async ({ page }) => {
    const tag = uniqueTag("focus");
    const [id] = await fileRequests({ message: `Focus ${tag}` });
    await signInAsProvider(page);

    await page.goto(`/provider/requests/${id}`);
    const decisions = page.getByRole("group", { name: "Decisions" });
    for (const verb of ["Approve", "Reject", "Disconnect"]) {
      await expectFocusReturns(page, decisions.getByRole("button", { name: new RegExp(`^${verb}:`) }), `request page ${verb}`);
    }

    await openInbox(page, tag);
    const row = inboxRow(page, id!);
    for (const verb of ["Approve", "Reject"]) {
      await expectFocusReturns(page, row.getByRole("button", { name: new RegExp(`^${verb}:`) }), `inbox ${verb}`);
    }

    // The bulk dialogs too.
    await row.getByRole("checkbox").check();
    for (const name of ["Approve selected", "Reject selected"]) {
      await expectFocusReturns(page, page.getByRole("button", { name }), name);
    }
  });

  test("a Pending request says how Reject differs from Disconnect, in the page and in each dialog", async ({ page }) => {
    const [id] = await fileRequests({ message: `Difference ${uniqueTag("diff")}` });
    await signInAsProvider(page);
    await page.goto(`/provider/requests/${id}`);
    const hint = page.getByTestId("reject-or-disconnect");
    await expect(hint).toContainText("marked Rejected");
    await expect(hint).toContainText("Removes the connection from your resource");
    // The hint describes both buttons for screen readers.
    await expect(page.getByRole("button", { name: /^Reject:/ })).toHaveAccessibleDescription(/marked Rejected/);
    await expect(page.getByRole("button", { name: /^Disconnect:/ })).toHaveAccessibleDescription(/Removes the connection/);

    await page.getByRole("button", { name: /^Disconnect:/ }).click();
    await expect(dialog(page).getByTestId("decision-meaning")).toContainText("Removes the connection from your resource");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Reject:/ }).click();
    await expect(dialog(page).getByTestId("decision-meaning")).toContainText("marked Rejected");
  });
});

test("once a rejection is applied, its notice no longer says Crosslink is applying it", async ({ page }) => {
  const tag = uniqueTag("settled");
  const [id] = await fileRequests({ message: `Settled ${tag}` });
  await signInAsProvider(page);
  // Every state, so the row stays in the list once it is Rejected.
  await openInbox(page, tag, "all");
  await inboxRow(page, id!).getByRole("button", { name: /^Reject:/ }).click();
  await dialog(page).getByLabel(/Reason/).fill("Not a Contoso customer");
  await dialog(page).getByRole("button", { name: "Reject request" }).click();
  const notice = page.getByTestId("decision-notice");
  await expect(notice).toContainText("Rejection of contoso-orders for Felix Fischer, Fabrikam: Recorded.");
  await expect(inboxRow(page, id!)).toContainText("Rejected", { timeout: 20_000 });
  await expect(notice).toContainText("Azure has applied it: the request is now Rejected.");
  await expect(notice).not.toContainText("applying");
  await expect(notice).toHaveAttribute("data-phase", "applied");
});

test.describe("phone: 390 × 844", () => {
  test.use({ viewport: PHONE });

  test("provider: inbox, request and resources fit the width, and their actions are on screen", async ({ page }) => {
    const tag = uniqueTag("phone");
    const [id] = await fileRequests({ message: `Phone ${tag}` });
    await signInAsProvider(page);

    await openInbox(page, tag);
    const row = inboxRow(page, id!);
    await expect(row).toBeVisible();
    await expectNoSidewaysScroll(page, "inbox");
    // The table is wider than a phone: it scrolls by itself, says so, and its actions stay in view.
    await expect(page.getByTestId("scroll-cue").first()).toBeVisible();
    await expect(page.getByRole("region", { name: /^Pending connection requests/ })).toHaveAttribute("tabindex", "0");
    await expectWithinWidth(row.getByRole("button", { name: /^Approve:/ }), "inbox Approve");
    await expectWithinWidth(row.getByRole("button", { name: /^Reject:/ }), "inbox Reject");
    await expectWithinWidth(page.getByRole("button", { name: "Approve selected" }), "bulk Approve");

    await page.goto(`/provider/requests/${id}`);
    await expect(page.getByTestId("request-state")).toHaveText("Pending");
    await expectNoSidewaysScroll(page, "provider request");
    for (const verb of ["Approve", "Reject", "Disconnect"]) await expectWithinWidth(page.getByRole("button", { name: new RegExp(`^${verb}:`) }), `request ${verb}`);

    await page.goto("/provider/resources");
    const billing = page.locator('tr[data-resource-name="contoso-billing"]');
    await expect(billing).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page, "resources");
    await expectWithinWidth(billing.getByRole("button", { name: /^(Register|Unregister) contoso-billing$/ }), "Register");

    await page.goto("/provider/requests/does-not-exist");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expectNoSidewaysScroll(page, "404");
  });

  test("the header folds its links into a menu that opens, closes and navigates", async ({ page }) => {
    await signInAsProvider(page);
    await page.goto("/");
    await expectNoSidewaysScroll(page, "start page");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expectWithinWidth(menu, "Menu button");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Resources" })).toBeHidden();

    // Keyboard: Enter opens it, Escape closes it and leaves focus on the button.
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["My requests", "New request", "Provider inbox", "Resources"]) await expectWithinWidth(nav.getByRole("link", { name }), `menu ${name}`);
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    // A link takes you there and the menu closes.
    await menu.click();
    await nav.getByRole("link", { name: "Resources" }).click();
    await expect(page.getByRole("heading", { name: "Resources", level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(nav.getByRole("link", { name: "Resources" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Provider inbox" }).click();
    await expect(page.getByRole("heading", { name: "Provider inbox" })).toBeVisible();
  });

  test("consumer: the list and a request fit the width with their actions on screen; 403 too", async ({ page }) => {
    const { requestId } = await registerFabrikamEndpoint(uniqueName("pe-phone"));
    await signIn(page, FELIX.username, FELIX.name);

    await page.goto("/requests");
    await expect(page.locator(`tr[data-request-id="${requestId}"]`)).toBeVisible();
    await expectNoSidewaysScroll(page, "my requests");
    await expectWithinWidth(page.getByRole("main").getByRole("link", { name: "New request" }), "New request");
    await expectWithinWidth(page.locator(`tr[data-request-id="${requestId}"]`).getByRole("link"), "the request's link");

    await page.goto(`/requests/${requestId}`);
    await expect(page.getByTestId("request-state")).toHaveText("Pending");
    await expectNoSidewaysScroll(page, "consumer request");
    await expectWithinWidth(page.getByRole("button", { name: "Withdraw", exact: true }), "Withdraw");
    await expectWithinWidth(page.getByRole("button", { name: "Copy endpoint ID" }), "Copy endpoint ID");

    const forbidden = await page.goto("/provider");
    expect(forbidden?.status()).toBe(403);
    await expectNoSidewaysScroll(page, "403");
  });

  test("admin: the audit trail's columns stand apart, in words, within the width", async ({ page }) => {
    await signIn(page, ADAM.username, ADAM.name);
    await page.goto("/admin/audit");
    const table = page.getByTestId("audit-table");
    await expect(table).toBeVisible();
    await expectNoSidewaysScroll(page, "audit trail");
    // Codes are said in words, the code itself kept under them.
    await expect(table.getByTestId("audit-action").first()).toHaveText("Signed in");
    // Between the text of neighbouring cells there is room (they ran together before).
    const gaps = await table.evaluate((t) => {
      const result: number[] = [];
      for (const row of Array.from(t.querySelectorAll("tbody tr")).slice(0, 5)) {
        const rects = Array.from(row.children).map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return range.getBoundingClientRect();
        });
        for (let i = 1; i < rects.length; i++) result.push(rects[i]!.left - rects[i - 1]!.right);
      }
      return result;
    });
    expect(gaps.length).toBeGreaterThan(0);
    expect(Math.min(...gaps), `gaps between columns: ${gaps.join(", ")}`).toBeGreaterThanOrEqual(8);
  });

  test("signed out: the page fits the width", async ({ page }) => {
    await page.goto("/signed-out");
    await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    await expectNoSidewaysScroll(page, "signed out");
    await expectWithinWidth(page.getByRole("link", { name: "Sign in again" }), "Sign in again");
  });
});

test("a withdrawn request shows its endpoint as deleted: no ID to copy, no IP", async ({ page, browser }) => {
  const { requestId, endpointId } = await registerFabrikamEndpoint(uniqueName("pe-gone"));
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto(`/requests/${requestId}`);
  // Before: the endpoint and its address, with a copy button.
  await expect(page.getByTestId("detail-endpoint-id")).toHaveText(endpointId);
  await expect(page.getByRole("button", { name: "Copy endpoint ID" })).toBeVisible();
  await expect(page.getByTestId("detail-ips")).toHaveText(/\d+\.\d+\.\d+\.\d+/);

  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await dialog(page).getByRole("button", { name: "Withdraw and delete the endpoint" }).click();
  await expect(page.getByTestId("request-state")).toHaveText("Withdrawn", { timeout: 30_000 });

  await expect(page.getByTestId("detail-endpoint-deleted")).toHaveText("Deleted in Azure when the request was withdrawn.");
  await expect(page.getByTestId("detail-endpoint-id")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy endpoint ID" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(endpointId);
  await expect(page.getByTestId("detail-ips")).not.toHaveText(/\d+\.\d+\.\d+\.\d+/);
  await expect(page.getByTestId("detail-ips")).toContainText("the endpoint was deleted");

  // The provider's page says the same.
  const providerContext = await browser.newContext();
  const provider = await providerContext.newPage();
  await signInAsProvider(provider);
  await provider.goto(`/provider/requests/${requestId}`);
  await expect(provider.getByTestId("endpoint-deleted")).toHaveText("Deleted in Azure when the request was withdrawn.");
  await expect(provider.getByTestId("endpoint-id")).toHaveCount(0);
  await expect(provider.getByRole("main")).not.toContainText(/Private IP addresses/);
  await providerContext.close();
});

test("the DNS guide: code blocks are named regions the keyboard can scroll; names and addresses have copy buttons", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const [id] = await fileRequests({ message: `DNS ${uniqueTag("dns")}` });
  const providerContext = await browser.newContext();
  const provider = await providerContext.newPage();
  await signInAsProvider(provider);
  await provider.goto(`/provider/requests/${id}`);
  await provider.getByRole("button", { name: /^Approve:/ }).click();
  await dialog(provider).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(provider.getByTestId("request-state")).toHaveText("Approved", { timeout: 20_000 });
  await providerContext.close();

  await page.setViewportSize(PHONE);
  await signIn(page, FELIX.username, FELIX.name);
  await page.goto(`/requests/${id}`);
  const guide = page.getByTestId("dns-guide");
  await expect(guide).toBeVisible();
  await expectNoSidewaysScroll(page, "approved request with its DNS guide");

  const block = guide.getByRole("region", { name: "az CLI (zone group)" });
  await expect(block).toHaveAttribute("tabindex", "0");
  await block.focus();
  await expect(block).toBeFocused();
  const before = await block.evaluate((el) => el.scrollLeft);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => block.evaluate((el) => el.scrollLeft), "the arrow keys scroll the code sideways").toBeGreaterThan(before);

  await expect(guide.getByRole("button", { name: "Copy zone name privatelink.azurewebsites.net" })).toBeVisible();
  await expect(guide.getByRole("button", { name: /^Copy record name contoso-orders\./ }).first()).toBeVisible();
  await expect(guide.getByRole("button", { name: /^Copy IP address \d+\.\d+\.\d+\.\d+$/ }).first()).toBeVisible();
});

test("the icon loads: a favicon link in the page, /favicon.ico answers, and no request of a page is a 404", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in with Microsoft Entra ID" })).toBeVisible();
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(icons.length, "an icon link in the page").toBeGreaterThan(0);
  for (const href of [...icons, new URL("/favicon.ico", page.url()).href]) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(/^image\//);
  }
  expect(missing, "404 responses while loading the page").toEqual([]);
});

test("accessible names and links: the account button is named by what it shows; links in text are underlined", async ({ page }) => {
  await signInAsProvider(page);
  await page.goto("/provider");
  const account = page.getByRole("button", { name: /^Account:/ });
  // WCAG 2.5.3: the name contains the words the button shows (the initials are a decorative avatar).
  const shown = [await page.getByTestId("signed-in-name").innerText(), await page.getByTestId("signed-in-tenant").innerText()];
  expect(shown).toEqual([PRIYA.name, "Contoso"]);
  await expect(account).toHaveAccessibleName(`Account: ${shown[0]}, ${shown[1]}`);

  const inText = page.getByRole("link", { name: /resources? managed by Crosslink/ });
  expect(await inText.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain("underline");
  // Navigation is not running text: its links need no underline.
  const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Resources" });
  expect(await nav.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe("none");
});
