import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signIn } from "./support/sign-in";
import { addWebhookRoute, ensureOrdersManaged, uniqueName } from "./support/consumer";
import { inboxRow, openInbox } from "./support/provider";
import { navPendingCount, pendingShown } from "./support/in-app";
import { getCaughtMail, listCaughtMail } from "./support/mail";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { DEMO_RESOURCES } from "../dev/world/demo-resources";

/**
 * The notification Azure never sends, in a real browser: Felix files through the form; Priya's
 * open inbox shows it without a reload and the navigation's count rises; the provider team's email
 * is in the mail catcher with a link that opens the request; a webhook receiver started here gets
 * request.pending, signed so the standardwebhooks library verifies it — after failing once, it gets
 * the same webhook-id again; Priya approves; Felix's email says so with the DNS records, and his
 * bell shows it.
 */
test("Felix files → Priya's inbox, email and signed webhook → Priya approves → Felix is emailed the DNS steps", async ({ browser }) => {
  test.setTimeout(240_000);
  await ensureOrdersManaged();
  const receiver = await startWebhookReceiver();
  receiver.answer = (n) => (n === 0 ? 500 : 200); // down for the first try, back for the retry
  const { secret } = await addWebhookRoute(receiver.url, ["request.pending"]);
  const felixContext = await browser.newContext();
  const priyaContext = await browser.newContext();
  try {
    const felix = await felixContext.newPage();
    const priya = await priyaContext.newPage();
    const endpointName = uniqueName("pe-notify");
    const message = `Notify ${endpointName}: orders integration`;

    await signIn(priya, "priya@contoso.onmicrosoft.com", "Priya Patel");
    await openInbox(priya, endpointName);
    const before = await pendingShown(priya);

    await signIn(felix, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
    await felix.goto("/requests/new");
    await felix.getByLabel("Target resource ID").fill(DEMO_RESOURCES.contoso.sites.orders.id);
    await felix.getByLabel("Request message").fill(message);
    await expect(felix.getByLabel("Subscription", { exact: true })).toHaveValue(DEMO_RESOURCES.fabrikam.subscriptionId);
    await felix.getByRole("radio", { name: /snet-endpoints/ }).check();
    await felix.getByLabel("Endpoint name").fill(endpointName);
    await felix.getByRole("button", { name: "File request" }).click();
    await expect(felix).toHaveURL(/\/requests\/(?!new)[^/]+$/);
    const requestId = decodeURIComponent(new URL(felix.url()).pathname.split("/").pop()!);
    await expect(felix.getByTestId("request-state")).toHaveText("Pending", { timeout: 30_000 });

    // Priya's open inbox: the row and the count, without a reload.
    await expect(inboxRow(priya, requestId)).toBeVisible({ timeout: 20_000 });
    await expect(navPendingCount(priya)).toContainText(String(before + 1));

    // The provider team's email (the demo's route), with a link that opens the request for Priya.
    const teamMail = await waitForMailAbout(requestId, "platform-team@contoso.example");
    expect(teamMail.subject).toContain("Fabrikam");
    const link = teamMail.html?.match(/href="([^"]*\/provider\/requests\/[^"]+)"/)?.[1];
    expect(link, "a link to the request in the provider's email").toBeTruthy();
    await priya.goto(link!.replace(/&amp;/g, "&"));
    await expect(priya.getByRole("main")).toContainText(message);

    // The webhook: the first try failed (500); the retry carries the same webhook-id and verifies.
    await receiver.waitFor((r) => r.length >= 2, 30_000);
    const [failed, delivered] = receiver.received;
    expect(delivered!.headers["webhook-id"]).toBe(failed!.headers["webhook-id"]);
    const event = new Webhook(secret).verify(delivered!.body, delivered!.headers as Record<string, string>) as { type: string; data: { request: { id: string } } };
    expect(event.type).toBe("request.pending");
    expect(event.data.request.id).toBe(requestId);

    // Priya approves from the request's page.
    await priya.getByRole("button", { name: /^Approve/ }).first().click();
    const dialog = priya.getByRole("dialog");
    await dialog.getByLabel(/Note to the consumer/).fill("Welcome aboard");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();

    // Felix: the approval email with the DNS records, and the bell.
    const approved = await waitForMailAbout(requestId, "felix@fabrikam.example", /approved/i);
    expect(approved.text).toContain("privatelink.azurewebsites.net");
    expect(approved.text).toMatch(/10\.1\.1\.\d+/);
    await felix.goto("/notifications");
    await expect(felix.getByRole("main")).toContainText(/Approved/);
  } finally {
    await felixContext.close();
    await priyaContext.close();
    await receiver.close();
  }
});

/** The newest mail to `to` whose body links to the request (and whose subject matches). */
async function waitForMailAbout(requestId: string, to: string, subject?: RegExp) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const summary of await listCaughtMail({ to, limit: 50 })) {
      if (subject && !subject.test(summary.subject)) continue;
      const mail = await getCaughtMail(summary.id);
      if ((mail.text ?? "").includes(requestId) || (mail.html ?? "").includes(requestId)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about ${requestId} within 30 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
