import crypto from "node:crypto";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { CaughtMail } from "./api";
import type { MailStore } from "./store";

export const DEFAULT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * The catcher's SMTP side: plain SMTP (no TLS, as Crosslink's local mode sends with
 * SMTP_SECURITY=none), any credentials or none, a size limit; every accepted message is parsed
 * and stored. It never relays anything anywhere.
 */
export function createSmtpServer(store: MailStore, options: { sizeLimit?: number; onError?: (err: Error) => void } = {}): SMTPServer {
  const sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
  const server = new SMTPServer({
    name: "mail-catcher.crosslink.localhost",
    banner: "Crosslink local mail catcher: mail stops here",
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    size: sizeLimit,
    logger: false,
    // The app's pooled connections stay open between bursts of mail.
    socketTimeout: 5 * 60_000,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      receive(stream, session, store, sizeLimit).then(
        () => callback(),
        (err: Error & { responseCode?: number }) => callback(err),
      );
    },
  });
  server.on("error", (err) => options.onError?.(err));
  return server;
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, store: MailStore, sizeLimit: number): Promise<void> {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error(`Message exceeds the catcher's size limit of ${sizeLimit} bytes`), { responseCode: 552 });
  }
  store.add(toCaughtMail(parsed, session, stream.byteLength));
}

export function toCaughtMail(parsed: ParsedMail, session: Pick<SMTPServerSession, "envelope">, size: number): CaughtMail {
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
  return {
    id: crypto.randomUUID(),
    from: parsed.from?.text || envelopeFrom,
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? "",
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    receivedAt: new Date().toISOString(),
    messageId: parsed.messageId ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    text: parsed.text ?? null,
    headers: parsed.headerLines.map(({ line }) => {
      const colon = line.indexOf(":");
      const unfolded = line.slice(colon + 1).replace(/\r?\n[ \t]+/g, " ").trim();
      return { name: colon < 0 ? line : line.slice(0, colon), value: colon < 0 ? "" : unfolded };
    }),
    size,
  };
}
