import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { armFaults, FELIX, fileRequests, inboxRow, openInbox, signInAsProvider, uniqueTag } from "./support/provider";

/**
 * The provider's journeys: onboarding resources, the inbox, decisions alone and in bulk, and two
 * providers deciding at once. Requests are filed through the app's use cases (support/provider.ts),
 * not the consumer UI; every test searches the inbox for its own tag, so leftovers don't matter.
 */
const FABRIKAM_TENANT_ID = "22222222-2222-4222-8222-222222222222";

const dialog = (page: Page) => page.getByRole("dialog");

test("the provider registers contoso-orders in Resources, grouped by kind with location and resource group", async ({ page }) => {
  await signInAsProvider(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("heading", { name: "Resources", level: 1 })).toBeVisible();

  for (const kind of ["Web apps", "Function apps", "Deployment slots", "Private Link Services"]) {
    await expect(page.getByRole("heading", { name: new RegExp(`^${kind}`), level: 2 })).toBeVisible();
  }
  const pls = page.locator('tr[data-resource-name="contoso-pls"]');
  await expect(pls).toContainText("rg-contoso-apps");
  await expect(pls).toContainText("westeurope");
  await expect(page.getByRole("region", { name: /^Function apps/ })).toContainText("contoso-events-func");

  const orders = page.locator('tr[data-resource-name="contoso-orders"]');
  // Start from "not managed" whatever an earlier run left behind.
  if (await orders.getByRole("button", { name: "Unregister contoso-orders" }).isVisible()) {
    await orders.getByRole("button", { name: "Unregister contoso-orders" }).click();
    await expect(orders).toContainText("Not managed");
  }
  await expect(orders.getByRole("button", { name: "Register contoso-orders" })).toBeVisible();
  await orders.getByRole("button", { name: "Register contoso-orders" }).click();
  await expect(orders.getByTestId("managed-badge")).toHaveText("Managed");
  await expect(orders.getByRole("button", { name: "Unregister contoso-orders" })).toBeVisible();

  // Recorded on the server: still managed after a reload, and counted in the inbox.
  await page.reload();
  await expect(page.locator('tr[data-resource-name="contoso-orders"]').getByTestId("managed-badge")).toHaveText("Managed");
  await expect(page.locator('tr[data-resource-name="contoso-billing"]')).toContainText("Not managed");
  await page.goto("/provider");
  await expect(page.getByRole("link", { name: /resources? managed by Crosslink/ })).not.toHaveText(/^0 /);
});

test("Resources shows a loading state while Azure answers, and a clear error when Azure fails", async ({ page, request }) => {
  await signInAsProvider(page);
  try {
    // Slow: the list streams in behind a loading state.
    await armFaults(request, { reset: true, latencyMs: 1500, pathFilter: "Microsoft.Web/sites" });
    await page.goto("/provider/resources", { waitUntil: "commit" });
    await expect(page.getByTestId("resources-loading")).toContainText("Loading resources from Azure…");
    await expect(page.locator('tr[data-resource-name="contoso-orders"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("resources-loading")).toHaveCount(0);

    // Failing: Azure's reason in plain words, inside the page (not the generic error page).
    await armFaults(request, { reset: true, p500: 1, pathFilter: "Microsoft.Web/sites" });
    await page.goto("/provider/resources");
    await expect(page.getByTestId("resources-error")).toContainText("Azure did not list the resources.", { timeout: 30_000 });
    await expect(page.getByTestId("resources-error")).toContainText("InternalServerError");
    await expect(page.getByRole("heading", { name: "Resources", level: 1 })).toBeVisible();
  } finally {
    await armFaults(request, { reset: true });
  }
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.locator('tr[data-resource-name="contoso-orders"]')).toBeVisible();
});

test("a Fabrikam request shows tenant, requester and message; approving it with a note makes it Approved", async ({ page }) => {
  const tag = uniqueTag("approve");
  const [id] = await fileRequests({ message: `Fabrikam billing needs private access ${tag}` });
  await signInAsProvider(page);
  await openInbox(page, tag);

  await expect(page.getByTestId("count-Pending")).toHaveText("1");
  const row = inboxRow(page, id!);
  await expect(row).toContainText("Fabrikam");
  await expect(row).toContainText(FABRIKAM_TENANT_ID);
  await expect(row).toContainText("Felix Fischer");
  await expect(row).toContainText("felix@fabrikam.example");
  await expect(row).toContainText(`Fabrikam billing needs private access ${tag}`);
  await expect(row).toContainText("contoso-orders");
  await expect(row).toContainText("sites");
  await expect(row.locator("time")).toHaveText(/just now|min ago/);
  await expect(row.locator("time")).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  await expect(row).toContainText("Pending");

  await row.getByRole("button", { name: /^Approve/ }).click();
  await expect(dialog(page)).toContainText("Approve this connection?");
  const note = dialog(page).getByLabel(/Note to the consumer/);
  await note.fill("x".repeat(150));
  await expect(note).toHaveValue("x".repeat(140)); // 140 at most, as Azure allows
  await note.fill("Welcome aboard");
  await dialog(page).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId("decision-notice")).toContainText("Approval of contoso-orders for Felix Fischer, Fabrikam: Recorded.");

  // The page follows the decision until Azure has applied it, without a reload.
  await expect(page.getByTestId("count-Pending")).toHaveText("0", { timeout: 20_000 });
  await expect(page.getByTestId("count-Approved")).toHaveText("1");
  await page.getByRole("link", { name: /^Approved/ }).click();
  await expect(inboxRow(page, id!)).toContainText("Approved");

  await inboxRow(page, id!).getByRole("link", { name: "contoso-orders" }).click();
  await expect(page.getByTestId("request-state")).toHaveText("Approved");
  await expect(page.getByTestId("decision")).toContainText("Approved by Priya Patel (Contoso)");
  await expect(page.getByTestId("decision")).toContainText("Welcome aboard");
  await expect(page.getByTestId("timeline")).toContainText("Pending → Approved");
  await expect(page.getByTestId("endpoint-id")).toContainText("/providers/Microsoft.Network/privateEndpoints/pe-e2e-");
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
});

test("rejecting needs a reason and says it is final; a rejected request offers no approval", async ({ page }) => {
  const tag = uniqueTag("reject");
  const [id] = await fileRequests({ message: `Please connect ${tag}` });
  await signInAsProvider(page);
  await openInbox(page, tag);

  await inboxRow(page, id!).getByRole("button", { name: /^Reject/ }).click();
  await expect(dialog(page).getByTestId("reject-final-warning")).toContainText("a rejected connection cannot be approved again");
  await dialog(page).getByRole("button", { name: "Reject request" }).click();
  await expect(dialog(page)).toContainText("Give the consumer a reason for the rejection.");
  await expect(dialog(page).getByLabel(/Reason/)).toHaveAttribute("aria-invalid", "true");
  // Nothing was decided.
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(inboxRow(page, id!)).toContainText("Pending");

  await inboxRow(page, id!).getByRole("button", { name: /^Reject/ }).click();
  await dialog(page).getByLabel(/Reason/).fill("Not a Contoso customer");
  await dialog(page).getByRole("button", { name: "Reject request" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId("count-Rejected")).toHaveText("1", { timeout: 20_000 });

  await page.goto(`/provider/requests/${id}`);
  await expect(page.getByTestId("request-state")).toHaveText("Rejected");
  await expect(page.getByTestId("decision")).toContainText("Rejected by Priya Patel (Contoso)");
  await expect(page.getByTestId("decision")).toContainText("Not a Contoso customer");
  await expect(page.getByRole("group", { name: "Decisions" })).toHaveCount(0);
});

test("disconnecting an approved connection asks for confirmation, then ends it", async ({ page }) => {
  const tag = uniqueTag("disconnect");
  const [id] = await fileRequests({ message: `Temporary access ${tag}` });
  await signInAsProvider(page);
  await page.goto(`/provider/requests/${id}`);
  await expect(page.getByTestId("request-message")).toHaveText(`Temporary access ${tag}`);

  await page.getByRole("button", { name: /^Approve/ }).click();
  await dialog(page).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("request-state")).toHaveText("Approved", { timeout: 20_000 });

  await page.getByRole("button", { name: /^Disconnect/ }).click();
  await expect(dialog(page).getByTestId("disconnect-warning")).toContainText("stops carrying traffic");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId("request-state")).toHaveText("Approved");

  await page.getByRole("button", { name: /^Disconnect/ }).click();
  await dialog(page).getByLabel(/Reason/).fill("Contract ended");
  await dialog(page).getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(page.getByTestId("request-state")).toHaveText("Disconnected", { timeout: 20_000 });
  await expect(page.getByTestId("timeline")).toContainText("Approved → Disconnected");
  await expect(page.getByTestId("decision")).toContainText("Disconnected by Priya Patel (Contoso)");
});

test("a decision Azure keeps refusing says why in the inbox, and the request can be decided again", async ({ page, request }) => {
  test.setTimeout(150_000);
  const tag = uniqueTag("refused");
  const [id] = await fileRequests({ message: `Refused in Azure ${tag}` });
  await signInAsProvider(page);
  await openInbox(page, tag);
  try {
    // Every call to approve the connection fails: the SDK's and the outbox's retries run out.
    await armFaults(request, { reset: true, p500: 1, pathFilter: "privateEndpointConnections" });
    await inboxRow(page, id!).getByRole("button", { name: /^Approve/ }).click();
    await dialog(page).getByRole("button", { name: "Approve", exact: true }).click();
    await expect(inboxRow(page, id!).getByTestId("inbox-last-error")).toContainText("Last change failed in Azure:", { timeout: 120_000 });
  } finally {
    await armFaults(request, { reset: true });
  }
  await expect(inboxRow(page, id!)).toContainText("Pending");
  await expect(inboxRow(page, id!).getByRole("button", { name: /^Approve/ })).toBeVisible();
});

test("bulk approve of two requests shows a result per request", async ({ page }) => {
  const tag = uniqueTag("bulk");
  const ids = await fileRequests({ count: 2, message: `Bulk access ${tag}` });
  await signInAsProvider(page);
  await openInbox(page, tag);
  await expect(page.getByTestId("count-Pending")).toHaveText("2");

  for (const id of ids) await inboxRow(page, id).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(dialog(page)).toContainText("Approve 2 requests?");
  await dialog(page).getByRole("button", { name: "Approve 2" }).click();

  const results = page.getByTestId("bulk-results");
  await expect(results).toContainText("Approve selected: 2 of 2 recorded");
  await expect(results.getByTestId("bulk-result")).toHaveCount(2);
  await expect(results.getByTestId("bulk-result").first()).toContainText("contoso-orders for Felix Fischer (Fabrikam)");
  await expect(results.getByTestId("bulk-result").nth(1)).toContainText("Recorded; applying in Azure.");
  await expect(page.getByTestId("count-Approved")).toHaveText("2", { timeout: 20_000 });
  await expect(page.getByTestId("count-Pending")).toHaveText("0");
});

test("bulk reject needs a reason and reports a request decided elsewhere meanwhile", async ({ page, browser }) => {
  const tag = uniqueTag("bulkrej");
  const ids = await fileRequests({ count: 2, message: `Bulk reject ${tag}` });
  await signInAsProvider(page);
  await openInbox(page, tag);
  await page.getByRole("checkbox", { name: "Select all Pending requests on this page" }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");

  // Meanwhile another provider approves the second one.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAsProvider(otherPage);
  await otherPage.goto(`/provider/requests/${ids[1]}`);
  await otherPage.getByRole("button", { name: /^Approve/ }).click();
  await dialog(otherPage).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(otherPage.getByTestId("request-state")).toHaveText("Approved", { timeout: 20_000 });
  await other.close();

  await page.getByRole("button", { name: "Reject selected" }).click();
  await dialog(page).getByRole("button", { name: "Reject 2" }).click();
  await expect(dialog(page)).toContainText("Give the consumers a reason for the rejection.");
  await dialog(page).getByLabel(/Reason/).fill("Duplicate requests");
  await dialog(page).getByRole("button", { name: "Reject 2" }).click();

  const results = page.getByTestId("bulk-results");
  await expect(results).toContainText("Reject selected: 1 of 2 recorded");
  await expect(results.getByTestId("bulk-result").filter({ hasText: "✗" })).toContainText("already approved by Priya Patel");
  await expect(results.getByTestId("bulk-result").filter({ hasText: "✓" })).toContainText("Recorded; applying in Azure.");
  await expect(page.getByTestId("count-Rejected")).toHaveText("1", { timeout: 20_000 });
  await expect(page.getByTestId("count-Approved")).toHaveText("1");
});

test("two providers decide the same request: the second is told who decided and how", async ({ browser }) => {
  const tag = uniqueTag("race");
  const [id] = await fileRequests({ message: `Race ${tag}` });
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAsProvider(a);
  await signInAsProvider(b);
  await a.goto(`/provider/requests/${id}`);
  await b.goto(`/provider/requests/${id}`);
  await expect(b.getByTestId("request-state")).toHaveText("Pending");

  await a.getByRole("button", { name: /^Approve/ }).click();
  await dialog(a).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(a.getByTestId("request-state")).toHaveText("Approved", { timeout: 20_000 });

  // B still shows the page as it was rendered (Pending, the old version) and rejects.
  await expect(b.getByTestId("request-state")).toHaveText("Pending");
  await b.getByRole("button", { name: /^Reject/ }).click();
  await dialog(b).getByLabel(/Reason/).fill("Not allowed");
  await dialog(b).getByRole("button", { name: "Reject request" }).click();
  await expect(dialog(b).getByTestId("decision-error")).toHaveText(/already approved by Priya Patel/);
  await expect(dialog(b).getByRole("button", { name: "Reject request" })).toHaveCount(0);
  await dialog(b).getByRole("button", { name: "Close" }).click();
  // Closing reloads the page's data: B now sees what A did.
  await expect(b.getByTestId("request-state")).toHaveText("Approved");
  await expect(b.getByTestId("decision")).toContainText("Approved by Priya Patel (Contoso)");
  await first.close();
  await second.close();
});

test("filters, search, sort and paging live in the URL; without JavaScript the list shows and the filters work", async ({ browser, page }) => {
  const tag = uniqueTag("paging");
  const ids = await fileRequests({ count: 3, message: `Paging ${tag}` });
  const [oldest, middle, newest] = ids as [string, string, string];
  await signInAsProvider(page);
  const shownIds = () => page.locator("tr[data-request-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-request-id")));

  // Without JavaScript: the list offers the plain view, which the server renders with its rows, and
  // the filter form is a plain GET form that stays on the plain view.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies(await page.context().cookies());
  const plain = await noJs.newPage();
  await plain.goto("/provider");
  await expect(plain.locator("tr[data-request-id]")).toHaveCount(0);
  await plain.getByRole("link", { name: "Show the requests without JavaScript" }).click();
  await expect(plain).toHaveURL(/plain=1/);
  await expect(plain.locator("tr[data-request-id]").first()).toBeVisible();
  await plain.getByLabel("Search").fill(tag);
  await plain.getByLabel("Consumer tenant").selectOption({ label: FELIX.tenant });
  await plain.getByLabel("Sort").selectOption("oldest");
  await plain.getByRole("button", { name: "Apply" }).click();
  await expect(plain).toHaveURL(new RegExp(`plain=1.*q=${tag}.*tenant=${FABRIKAM_TENANT_ID}.*sort=oldest`));
  await expect(plain.locator("tr[data-request-id]")).toHaveCount(3);
  await expect(plain.locator("tr[data-request-id]").first()).toHaveAttribute("data-request-id", oldest);
  await expect(plain.getByRole("table", { name: "Pending connection requests, oldest first" })).toBeVisible();
  await expect(plain.getByRole("columnheader", { name: "Consumer tenant" })).toHaveAttribute("scope", "col");
  await noJs.close();

  // Keyset paging, two per page, newest first: next, reload, previous, back.
  await page.goto(`/provider?q=${tag}&size=2`);
  await expect.poll(shownIds).toEqual([newest, middle]);
  await expect(page.getByRole("link", { name: "← Previous page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.locator("tr[data-request-id]")).toHaveCount(1);
  expect(await shownIds()).toEqual([oldest]);
  await expect(page.getByRole("link", { name: "Next page →" })).toHaveCount(0);
  await page.reload();
  await expect.poll(shownIds).toEqual([oldest]);
  await page.getByRole("link", { name: "← Previous page" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(page.locator("tr[data-request-id]")).toHaveCount(2);
  expect(await shownIds()).toEqual([newest, middle]);
  await expect(page.getByRole("link", { name: "← Previous page" })).toHaveCount(0);
  await page.goBack();
  await expect(page.locator("tr[data-request-id]")).toHaveCount(1);

  // A search that matches nothing explains itself.
  await page.goto(`/provider?q=${tag}-nothing`);
  await expect(page.getByTestId("inbox-empty")).toContainText("Nothing matches these filters.");

  // Leave nothing Pending behind.
  await page.goto(`/provider?q=${tag}`);
  await page.getByRole("checkbox", { name: "Select all Pending requests on this page" }).check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  await dialog(page).getByLabel(/Reason/).fill("Test cleanup");
  await dialog(page).getByRole("button", { name: "Reject 3" }).click();
  await expect(page.getByTestId("bulk-results")).toContainText("Reject selected: 3 of 3 recorded");
});

test("the inbox loads its rows in the browser, says when loading or reloading the list fails, and tries again on request", async ({ page }) => {
  const tag = uniqueTag("loading");
  const [id] = await fileRequests({ count: 1, message: `Loading ${tag}` });
  await signInAsProvider(page);

  // The rows come from the data endpoint, not with the page. Its first answer fails: nothing was
  // shown yet, so the page says the requests could not be loaded, and offers to try again.
  const listCalls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/provider/requests?")) listCalls.push(r.url());
  });
  let answer: { status: number; body: string } | null = { status: 500, body: JSON.stringify({ error: { code: "500", message: "Something went wrong on our side. Try again; if it keeps happening, quote reference r-1." } }) };
  await page.route("**/api/v1/provider/requests?**", (route) => (answer ? route.fulfill({ ...answer, contentType: "application/json" }) : route.continue()));
  await page.goto(`/provider?q=${tag}`);
  const failure = page.getByTestId("inbox-load-error");
  await expect(failure).toContainText("The requests could not be loaded. Something went wrong on our side.");
  await expect(page.locator("tr[data-request-id]")).toHaveCount(0);
  answer = null;
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(failure).toHaveCount(0);
  await expect(page.locator(`tr[data-request-id="${id}"]`)).toBeVisible();
  expect(listCalls.every((u) => u.includes(`q=${tag}`))).toBe(true);
  expect(listCalls.length).toBeGreaterThanOrEqual(2);

  // The inbox changes elsewhere (the header's poll says so) while the list's endpoint is down:
  // the page says so, keeps the rows it has, and keeps its filters usable.
  let activity: { status: number; body: string } | null = null;
  await page.route("**/api/v1/me/activity", async (route) => {
    if (!activity) return route.continue();
    return route.fulfill({ ...activity, contentType: "application/json" });
  });
  const changed = (mark: string) => ({ status: 200, body: JSON.stringify({ pendingRequests: 1, inboxMark: mark, unreadNotifications: 0, unreadMore: false }) });
  answer = { status: 500, body: JSON.stringify({ error: { code: "500", message: "Something went wrong on our side. Try again; if it keeps happening, quote reference r-1." } }) };
  activity = changed("elsewhere-1");
  await expect(failure).toContainText(
    "The list could not be refreshed; it shows what was loaded before. Something went wrong on our side. Try again; if it keeps happening, quote reference r-1.",
    { timeout: 15_000 },
  );
  await expect(page.locator(`tr[data-request-id="${id}"]`)).toBeVisible();
  await expect(page.getByLabel("Search")).toHaveValue(tag);

  // It comes back: "Try again" loads the list.
  answer = null;
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(failure).toHaveCount(0);
  await expect(page.locator(`tr[data-request-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId("count-Pending")).toHaveText("1");

  // An answer the page does not understand is not shown as a list: the rows loaded before stay.
  answer = { status: 200, body: JSON.stringify({ items: [{ id: "x" }], nextCursor: null, previousCursor: null, counts: {} }) };
  activity = changed("elsewhere-2");
  await expect(failure).toContainText("Crosslink sent a list this page does not understand.", { timeout: 15_000 });
  await expect(page.locator(`tr[data-request-id="${id}"]`)).toBeVisible();

  // The session ended meanwhile: the page says so and offers to sign in again, back to this view.
  answer = { status: 401, body: JSON.stringify({ error: { code: "unauthenticated", message: "Sign in to continue." } }) };
  activity = changed("elsewhere-3");
  await expect(failure).toContainText("Your session has ended.", { timeout: 15_000 });
  await expect(failure.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", `/auth/sign-in?returnTo=${encodeURIComponent(`/provider?q=${tag}`)}`);
});

test("unknown request IDs are not found; consumers get 403 on provider pages", async ({ page, browser }) => {
  await signInAsProvider(page);
  const missing = await page.goto("/provider/requests/does-not-exist");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const tooLong = await page.goto(`/provider/requests/${"x".repeat(80)}`);
  expect(tooLong?.status()).toBe(404);

  const consumer = await browser.newContext();
  const felix = await consumer.newPage();
  await signIn(felix, FELIX.username, FELIX.name);
  for (const path of ["/provider", "/provider/resources", "/provider/requests/does-not-exist"]) {
    expect((await felix.goto(path))?.status(), path).toBe(403);
  }
  await consumer.close();
});
