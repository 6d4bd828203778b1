import { expect, test } from "@playwright/test";
import nodemailer from "nodemailer";
import { signIn } from "./support/sign-in";
import { PHONE, expectNoSidewaysScroll } from "./support/phone";
import { SMTP_PORT, waitForCaughtMail } from "./support/mail";

/** Mail handed to the e2e world's catcher over SMTP, as Crosslink's own mailer hands it. */
async function sendToCatcher(mail: { to: string; subject: string; html: string; text: string; headers?: Record<string, string> }) {
  const transport = nodemailer.createTransport({ host: "localhost", port: SMTP_PORT, ignoreTLS: true, logger: false });
  try {
    await transport.sendMail({ from: "Crosslink <crosslink@crosslink.localhost>", ...mail });
  } finally {
    transport.close();
  }
  await waitForCaughtMail({ to: mail.to, subjectIncludes: mail.subject });
}

test("the local mail page shows caught mail: the list, a filter, HTML and text, headers, and Clear all — on a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const run = Date.now().toString(36);
  const forPriya = `Fabrikam asks for a private endpoint to contoso-orders (${run})`;
  const forFelix = `Approved: your private endpoint to contoso-orders (${run})`;
  await sendToCatcher({
    to: "priya@contoso.onmicrosoft.com",
    subject: forPriya,
    html: `<!DOCTYPE html><html><head><title>x</title></head><body><h1>A new request waits</h1><p><a href="http://localhost/provider">Review in Crosslink</a></p><script>document.body.dataset.ran = "yes"</script></body></html>`,
    text: "A new request waits.\nReview in Crosslink: http://localhost/provider",
    headers: { "X-Crosslink-Event": "request.pending" },
  });
  // A recipient of this run only: the app's own emails (and earlier runs') land in the same catcher.
  const felixAddress = `felix.${run}@fabrikam.onmicrosoft.com`;
  await sendToCatcher({ to: felixAddress, subject: forFelix, html: "<p>Approved</p>", text: "Approved" });

  await signIn(page, "priya@contoso.onmicrosoft.com", "Priya Patel");
  await page.goto("/local/mail");
  await expect(page.getByRole("heading", { name: "Caught mail", level: 1 })).toBeVisible();
  const list = page.getByTestId("mail-list");
  // Newest first.
  await expect(list.getByRole("link").nth(0)).toContainText(forFelix);
  await expect(list.getByRole("link").nth(1)).toContainText(forPriya);
  await expect(list.getByRole("link", { name: new RegExp(forPriya.replace(/[()]/g, "\\$&")) })).toContainText("To priya@contoso.onmicrosoft.com");
  await expectNoSidewaysScroll(page, "the mail list");

  await page.getByLabel("Recipient").fill(felixAddress);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?to=felix\\.${run}%40`));
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list).toContainText(forFelix);
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(list).toContainText(forPriya);

  await list.getByRole("link", { name: new RegExp(forPriya.replace(/[()]/g, "\\$&")) }).click();
  await expect(page.getByTestId("mail-subject")).toHaveText(forPriya);
  await expect(page.getByTestId("mail-from")).toContainText("crosslink@crosslink.localhost");
  await expect(page.getByTestId("mail-to")).toHaveText("priya@contoso.onmicrosoft.com");

  const htmlTab = page.getByRole("tab", { name: "HTML" });
  await expect(htmlTab).toHaveAttribute("aria-selected", "true");
  const frame = page.frameLocator('[data-testid="mail-html"]');
  await expect(frame.getByRole("heading", { name: "A new request waits" })).toBeVisible();
  await expect(frame.getByRole("link", { name: "Review in Crosslink" })).toHaveAttribute("href", "http://localhost/provider");
  // The sandbox runs no script of the message.
  await expect(frame.locator("body")).not.toHaveAttribute("data-ran", "yes");
  await expectNoSidewaysScroll(page, "one message");

  // Keyboard: arrow keys move between the tabs, and the panel follows.
  await htmlTab.focus();
  await page.keyboard.press("ArrowRight");
  const textTab = page.getByRole("tab", { name: "Text" });
  await expect(textTab).toBeFocused();
  await expect(textTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("mail-text")).toContainText("Review in Crosslink: http://localhost/provider");
  await expect(page.getByTestId("mail-html")).toBeHidden();

  await page.getByText(/^Headers \(\d+\)$/).click();
  await expect(page.getByTestId("mail-headers")).toContainText("X-Crosslink-Event");
  await expect(page.getByTestId("mail-headers")).toContainText("request.pending");

  await page.getByRole("link", { name: "Caught mail" }).click();
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByText("No mail yet.")).toBeVisible();
});

test("a message the catcher does not have is not found", async ({ page }) => {
  await signIn(page, "felix@fabrikam.onmicrosoft.com", "Felix Fischer");
  await page.goto("/local/mail/no-such-message");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
