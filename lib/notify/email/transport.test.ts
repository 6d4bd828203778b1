import net from "node:net";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/dev/mail-catcher/server";
import { listMail, waitForMail } from "@/dev/mail-catcher/client";
import { createMailer, type MailResult, type SmtpConfig } from "./transport";

const FROM = "Crosslink <crosslink@crosslink.localhost>";
const plain = (port: number, auth: Partial<Pick<SmtpConfig, "user" | "password">> = {}): SmtpConfig => ({
  host: "localhost",
  port,
  security: "none",
  user: auth.user ?? null,
  password: auth.password ?? null,
});
const mail = (to: string[], subject: string, extra: { headers?: Record<string, string> } = {}) => ({
  to,
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
  ...extra,
});

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await catcher.stop();
});
beforeEach(() => catcher.store.clear());

describe("createMailer against the local mail catcher", () => {
  it("delivers a message that arrives parsed, with its HTML, text and extra headers", async () => {
    const mailer = createMailer(plain(catcher.smtpPort), FROM);
    try {
      const result = await mailer.send({
        to: ["priya@contoso.onmicrosoft.com"],
        subject: "Fabrikam asks for a private endpoint to contoso-orders",
        html: '<h1>New request</h1><p><a href="http://localhost:3000/provider/requests/r1">Review</a></p>',
        text: "New request\nReview: http://localhost:3000/provider/requests/r1",
        headers: { "X-Crosslink-Event": "request.pending" },
      });
      expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^<.+@crosslink\.localhost>$/) });

      const caught = await waitForMail(catcher.url, { to: "priya@contoso.onmicrosoft.com" }, 5_000);
      expect(caught.from).toBe('"Crosslink" <crosslink@crosslink.localhost>');
      expect(caught.to).toEqual(["priya@contoso.onmicrosoft.com"]);
      expect(caught.subject).toBe("Fabrikam asks for a private endpoint to contoso-orders");
      expect(caught.html).toContain('<a href="http://localhost:3000/provider/requests/r1">Review</a>');
      expect(caught.text?.trim()).toBe("New request\nReview: http://localhost:3000/provider/requests/r1");
      expect(caught.headers).toContainEqual({ name: "X-Crosslink-Event", value: "request.pending" });
      expect(caught.messageId).toBe(result.ok ? result.messageId : "");
    } finally {
      mailer.close();
    }
  });

  it("sends many messages at once over its pooled connections, and every one arrives", async () => {
    const mailer = createMailer(plain(catcher.smtpPort), FROM);
    try {
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => mailer.send(mail([`bulk-${i}@fabrikam.test`], `Bulk ${i}`))));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const caught = await listMail(catcher.url, { to: "@fabrikam.test", limit: 500 });
      expect(new Set(caught.map((m) => m.subject)).size).toBe(200);
    } finally {
      mailer.close();
    }
  });

  it("authenticates when a user and password are configured (the catcher accepts any)", async () => {
    const mailer = createMailer(plain(catcher.smtpPort, { user: "relay", password: "relay-password-1" }), FROM);
    try {
      expect((await mailer.send(mail(["nora@northwind.test"], "With credentials"))).ok).toBe(true);
      expect(await listMail(catcher.url, { to: "nora@northwind.test" })).toHaveLength(1);
    } finally {
      mailer.close();
    }
  });

  it.each([
    ["a subject with a line break", mail(["felix@fabrikam.test"], "Hello\r\nBcc: victim@example.com"), /subject contains a line break/],
    ["a subject with a bare LF", mail(["felix@fabrikam.test"], "Hello\nBcc: victim@example.com"), /subject contains a line break/],
    ["a header value with a line break", mail(["felix@fabrikam.test"], "Hello", { headers: { "X-Note": "a\r\nBcc: victim@example.com" } }), /header "X-Note" contains a line break/],
    ["a header name that is not one", mail(["felix@fabrikam.test"], "Hello", { headers: { "X-Note\r\nBcc": "victim@example.com" } }), /not a header name/],
    ["a header that addresses the message", mail(["felix@fabrikam.test"], "Hello", { headers: { Bcc: "victim@example.com" } }), /set by the mailer/],
    ["a recipient that is not an address", mail(["felix@fabrikam.test\r\nBcc: victim@example.com"], "Hello"), /not an email address/],
    ["no recipient", mail([], "Hello"), /the message needs at least one recipient/],
  ])("refuses %s, sending nothing", async (_what, message, why) => {
    const mailer = createMailer(plain(catcher.smtpPort), FROM);
    try {
      const result = await mailer.send(message);
      expect(result).toMatchObject({ ok: false, retryable: false, responseCode: null });
      expect(result.ok ? "" : result.error).toMatch(why);
      expect(await listMail(catcher.url)).toEqual([]);
    } finally {
      mailer.close();
    }
  });
});

describe("createMailer when the server refuses or is away", () => {
  // A server that answers each recipient by its local part: 550 for refused@, 450 for later@,
  // and 554 for any message whose subject says spam.
  let refusing: SMTPServer;
  let refusingPort: number;
  beforeAll(async () => {
    refusing = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        const local = address.address.split("@")[0];
        if (local === "refused") return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
        if (local === "later") return callback(Object.assign(new Error("4.2.1 Mailbox busy, try later"), { responseCode: 450 }));
        callback();
      },
      onData(stream, _session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          if (/^Subject: .*spam/im.test(raw)) return callback(Object.assign(new Error("5.7.1 Message refused as spam"), { responseCode: 554 }));
          callback();
        });
      },
    });
    refusingPort = await listenOn(refusing.server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  });

  const sendTo = async (config: SmtpConfig, to: string[], subject = "Hello", options = {}): Promise<MailResult> => {
    const mailer = createMailer(config, FROM, options);
    try {
      return await mailer.send(mail(to, subject));
    } finally {
      mailer.close();
    }
  };

  it("does not retry a message every recipient of which was refused for good (5xx)", async () => {
    const result = await sendTo(plain(refusingPort), ["refused@contoso.test"]);
    expect(result).toMatchObject({ ok: false, retryable: false, responseCode: 550 });
    expect(result.ok ? "" : result.error).toMatch(/No such mailbox/);
  });

  it("retries a message deferred with 4xx, also when other recipients were refused for good", async () => {
    expect(await sendTo(plain(refusingPort), ["later@contoso.test"])).toMatchObject({ ok: false, retryable: true, responseCode: 450 });
    expect(await sendTo(plain(refusingPort), ["refused@contoso.test", "later@contoso.test"])).toMatchObject({ ok: false, retryable: true, responseCode: 450 });
  });

  it("counts a message delivered to some recipients as sent, naming the refused ones", async () => {
    const result = await sendTo(plain(refusingPort), ["priya@contoso.test", "refused@contoso.test"]);
    expect(result).toMatchObject({ ok: true, rejected: ["refused@contoso.test"] });
  });

  it("does not retry a message whose content was refused (5xx after DATA)", async () => {
    expect(await sendTo(plain(refusingPort), ["priya@contoso.test"], "Cheap spam")).toMatchObject({ ok: false, retryable: false, responseCode: 554 });
  });

  it("retries after refused credentials, without the password in the error", async () => {
    const password = "relay-password-that-is-wrong";
    const result = await sendTo(plain(refusingPort, { user: "relay", password }), ["priya@contoso.test"]);
    expect(result).toMatchObject({ ok: false, retryable: true, responseCode: 535 });
    const error = result.ok ? "" : result.error;
    expect(error).toMatch(/Authentication credentials invalid/);
    expect(error).not.toContain(password);
    expect(error).not.toContain(Buffer.from(`\0relay\0${password}`).toString("base64"));
  });

  it("retries when nothing listens on the port", async () => {
    const closed = net.createServer();
    const port = await listenOn(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await sendTo(plain(port), ["priya@contoso.test"]);
    expect(result).toMatchObject({ ok: false, retryable: true, responseCode: null });
    expect(result.ok ? "" : result.error).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
  });

  it("retries when the server never greets (a timeout)", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const port = await listenOn(silent);
    try {
      const result = await sendTo(plain(port), ["priya@contoso.test"], "Hello", { connectionTimeoutMs: 300 });
      expect(result).toMatchObject({ ok: false, retryable: true, responseCode: null });
      expect(result.ok ? "" : result.error).toMatch(/ETIMEDOUT/);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

function listenOn(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}
