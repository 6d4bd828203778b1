import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailListSchema } from "./api";
import { clearMail, getMail, listMail, waitForMail } from "./client";
import { startMailCatcher, type MailCatcher } from "./server";

function sender(port: number) {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, logger: false });
}

async function send(port: number, mail: { to: string | string[]; subject: string; html?: string; text?: string; from?: string; cc?: string; bcc?: string }) {
  const transport = sender(port);
  try {
    return await transport.sendMail({ from: "Crosslink <crosslink@crosslink.localhost>", text: "body", ...mail });
  } finally {
    transport.close();
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the mail catcher's API", () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(() => catcher.stop());
  beforeEach(() => clearMail(catcher.url));

  it("lists caught mail newest first, with sender, envelope recipients, subject and dates", async () => {
    await send(catcher.smtpPort, { to: "priya@contoso.test", subject: "First" });
    await send(catcher.smtpPort, { to: "felix@fabrikam.test", cc: "nora@northwind.test", bcc: "audit@contoso.test", subject: "Second" });

    const res = await fetch(`${catcher.url}/api/messages`);
    expect(res.status).toBe(200);
    const body = mailListSchema.parse(await res.json());
    expect(body.total).toBe(2);
    expect(body.messages.map((m) => m.subject)).toEqual(["Second", "First"]);
    const [second] = body.messages;
    expect(second!.from).toBe('"Crosslink" <crosslink@crosslink.localhost>');
    expect(second!.to).toEqual(["felix@fabrikam.test", "nora@northwind.test", "audit@contoso.test"]);
    expect(Date.parse(second!.receivedAt)).not.toBeNaN();
    expect(second!.date).not.toBeNull();
    // Summaries leave the bodies out.
    expect(second).not.toHaveProperty("html");
  });

  it("filters by recipient, subject and time, and cuts the list at the limit", async () => {
    await send(catcher.smtpPort, { to: "priya@contoso.test", subject: "Fabrikam asks for contoso-orders" });
    // Distinct milliseconds on either side of `between` (since= keeps mail received at or after it).
    await tick();
    const between = new Date();
    await tick();
    await send(catcher.smtpPort, { to: "Felix@Fabrikam.test", subject: "Approved: contoso-orders" });
    await send(catcher.smtpPort, { to: "priya@contoso.test", subject: "Reminder: contoso-orders waits" });

    expect((await listMail(catcher.url, { to: "priya@contoso.test" })).map((m) => m.subject)).toEqual(["Reminder: contoso-orders waits", "Fabrikam asks for contoso-orders"]);
    expect((await listMail(catcher.url, { to: "felix@fabrikam" })).map((m) => m.subject)).toEqual(["Approved: contoso-orders"]);
    expect((await listMail(catcher.url, { subjectIncludes: "REMINDER" })).map((m) => m.subject)).toEqual(["Reminder: contoso-orders waits"]);
    expect((await listMail(catcher.url, { since: between })).map((m) => m.subject)).toEqual(["Reminder: contoso-orders waits", "Approved: contoso-orders"]);
    const limited = mailListSchema.parse(await (await fetch(`${catcher.url}/api/messages?limit=1`)).json());
    expect(limited.messages.map((m) => m.subject)).toEqual(["Reminder: contoso-orders waits"]);
    expect(limited.total).toBe(3);
  });

  it("answers 400 for a malformed query", async () => {
    for (const query of ["limit=0", "limit=many", "limit=2001", "since=yesterday"]) {
      const res = await fetch(`${catcher.url}/api/messages?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/limit|since/);
    }
  });

  it("shows one message with its HTML, text and every header; 404 for an unknown id", async () => {
    await send(catcher.smtpPort, {
      to: "priya@contoso.test",
      subject: "Grüße: a private endpoint waits",
      html: "<p>Review <a href='http://localhost:3000/provider'>here</a></p>",
      text: "Review here: http://localhost:3000/provider",
    });
    const [summary] = await listMail(catcher.url);
    const mail = await getMail(catcher.url, summary!.id);
    expect(mail.subject).toBe("Grüße: a private endpoint waits");
    expect(mail.html).toContain("<a href='http://localhost:3000/provider'>here</a>");
    expect(mail.text?.trim()).toBe("Review here: http://localhost:3000/provider");
    expect(mail.headers.map((h) => h.name)).toEqual(expect.arrayContaining(["From", "To", "Subject", "Message-ID", "Date", "MIME-Version"]));
    // Header values are as on the wire (here MIME-encoded), unfolded onto one line.
    expect(mail.headers.find((h) => h.name === "Subject")!.value).not.toMatch(/[\r\n]/);
    expect(mail.size).toBeGreaterThan(100);

    const missing = await fetch(`${catcher.url}/api/messages/no-such-id`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${catcher.url}/api/messages/%E0%A4%A`)).status).toBe(404);
  });

  it("forgets everything on DELETE, and refuses other methods", async () => {
    await send(catcher.smtpPort, { to: "priya@contoso.test", subject: "To be cleared" });
    expect(await listMail(catcher.url)).toHaveLength(1);
    const res = await fetch(`${catcher.url}/api/messages`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await listMail(catcher.url)).toEqual([]);
    expect((await fetch(`${catcher.url}/api/messages`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${catcher.url}/elsewhere`)).status).toBe(404);
  });

  it("waits for mail that arrives later, and says what it waited for when none does", async () => {
    const since = new Date();
    const waiting = waitForMail(catcher.url, { to: "nora@northwind.test", subjectIncludes: "decided", since }, 5_000);
    setTimeout(() => void send(catcher.smtpPort, { to: "nora@northwind.test", subject: "Your request was decided" }), 300);
    expect((await waiting).subject).toBe("Your request was decided");

    await expect(waitForMail(catcher.url, { to: "nobody@nowhere.test" }, 300)).rejects.toThrow(/no mail to nobody@nowhere.test arrived/);
  });

  it("accepts any credentials, or none", async () => {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.smtpPort, ignoreTLS: true, auth: { user: "anyone", pass: "anything" }, logger: false });
    try {
      await transport.sendMail({ from: "a@contoso.test", to: "b@contoso.test", subject: "Authenticated", text: "x" });
    } finally {
      transport.close();
    }
    expect((await listMail(catcher.url)).map((m) => m.subject)).toEqual(["Authenticated"]);
  });
});

describe("the mail catcher's limits and its file", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-mail-catcher-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps caught mail across a restart, and the cleared state too", async () => {
    const dataFile = path.join(dir, "mail", "mail-catcher.jsonl");
    const first = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile });
    await send(first.smtpPort, { to: "priya@contoso.test", subject: "Before the restart", html: "<b>kept</b>" });
    await first.stop();

    const second = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile });
    try {
      const [kept] = await listMail(second.url);
      expect(kept?.subject).toBe("Before the restart");
      expect((await getMail(second.url, kept!.id)).html).toBe("<b>kept</b>");
      await clearMail(second.url);
    } finally {
      await second.stop();
    }
    const third = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile });
    try {
      expect(await listMail(third.url)).toEqual([]);
    } finally {
      await third.stop();
    }
  });

  it("skips a line cut short by a crash instead of refusing to start", async () => {
    const dataFile = path.join(dir, "mail-catcher.jsonl");
    const first = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile });
    await send(first.smtpPort, { to: "priya@contoso.test", subject: "Whole" });
    await first.stop();
    fs.appendFileSync(dataFile, '{"id":"cut-sh');

    const second = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile });
    try {
      expect((await listMail(second.url)).map((m) => m.subject)).toEqual(["Whole"]);
      expect(fs.readFileSync(dataFile, "utf8").trim().split("\n")).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("keeps only the newest messages, in memory and in its file", async () => {
    const dataFile = path.join(dir, "mail-catcher.jsonl");
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile, maxMessages: 3 });
    try {
      for (let i = 1; i <= 7; i++) await send(catcher.smtpPort, { to: "priya@contoso.test", subject: `Message ${i}` });
      expect((await listMail(catcher.url)).map((m) => m.subject)).toEqual(["Message 7", "Message 6", "Message 5"]);
      // The file is compacted once it holds twice the kept number of lines.
      expect(fs.readFileSync(dataFile, "utf8").trim().split("\n").length).toBeLessThan(6);
    } finally {
      await catcher.stop();
    }
    const restarted = await startMailCatcher({ smtpPort: 0, httpPort: 0, dataFile, maxMessages: 3 });
    try {
      expect((await listMail(restarted.url)).map((m) => m.subject)).toEqual(["Message 7", "Message 6", "Message 5"]);
    } finally {
      await restarted.stop();
    }
  });

  it("refuses a message over its size limit with 552 and keeps nothing of it", async () => {
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, sizeLimit: 2_000 });
    try {
      await expect(send(catcher.smtpPort, { to: "priya@contoso.test", subject: "Too big", text: "x".repeat(10_000) })).rejects.toMatchObject({ responseCode: 552 });
      await send(catcher.smtpPort, { to: "priya@contoso.test", subject: "Small" });
      expect((await listMail(catcher.url)).map((m) => m.subject)).toEqual(["Small"]);
    } finally {
      await catcher.stop();
    }
  });
});
