import nodemailer from "nodemailer";
import { z } from "zod";
import type { AppConfig } from "../../config";

/**
 * Email out through SMTP (nodemailer). One pooled transport per process: a few connections kept
 * open and reused, so a burst of notifications does not pay a TCP and TLS handshake per message.
 * `send` never throws for a delivery failure; it answers whether trying the same message again
 * later can help, which is what the delivery queue needs to decide between retry and dead letter.
 */
export type SmtpConfig = AppConfig["notify"]["smtp"];

export type OutgoingMail = {
  /** Plain addresses ("priya@contoso.com"); they share one To header. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe, X-Crosslink-Event…); never the ones that address the message. */
  headers?: Record<string, string>;
};

export type MailResult =
  | { ok: true; messageId: string; /** Recipients the server refused while accepting the others. */ rejected?: string[] }
  | { ok: false; retryable: boolean; error: string; responseCode: number | null };

export type Mailer = {
  send(mail: OutgoingMail): Promise<MailResult>;
  /** Ends the pooled connections (at shutdown). */
  close(): void;
};

export type MailerOptions = {
  maxConnections?: number;
  /** How long to wait for a connection, and for the server's greeting. */
  connectionTimeoutMs?: number;
  /** How long a connection may stay silent mid-conversation. */
  socketTimeoutMs?: number;
};

// Headers that say who a message is from and to, or how it is built: set from the typed fields
// only, so a value meant for an extra header can never re-address a message.
const RESERVED_HEADERS = new Set([
  "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "return-path",
  "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,76}$/;
// Line breaks would start a new header; other control characters have no place in one either.
const ONE_LINE = /^[^\r\n\0]*$/;

const outgoingSchema = z.object({
  to: z.array(z.email("is not an email address")).min(1, "needs at least one recipient").max(100, "has more than 100 recipients"),
  subject: z.string().min(1, "is empty").max(998, "is longer than an SMTP line").regex(ONE_LINE, "contains a line break (header injection)"),
  html: z.string(),
  text: z.string(),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .superRefine((headers, ctx) => {
      for (const [name, value] of Object.entries(headers ?? {})) {
        const problem = headerProblem(name, value);
        if (problem) ctx.addIssue({ code: "custom", path: [name], message: problem });
      }
    }),
});

function headerProblem(name: string, value: string): string | null {
  if (!HEADER_NAME.test(name)) return "is not a header name";
  if (RESERVED_HEADERS.has(name.toLowerCase())) return "is set by the mailer, not as an extra header";
  if (!ONE_LINE.test(value)) return "contains a line break (header injection)";
  if (value.length > 998) return "is longer than an SMTP line";
  return null;
}

export function createMailer(smtp: SmtpConfig, from: string, options: MailerOptions = {}): Mailer {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 500,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === "tls",
    requireTLS: smtp.security === "starttls",
    // "none" means plain SMTP even when the server offers STARTTLS (the local catcher, a relay on localhost).
    ignoreTLS: smtp.security === "none",
    tls: { minVersion: "TLSv1.2" },
    auth: smtp.user !== null && smtp.password !== null ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    // The message is only what we hand over: no files or URLs pulled in by nodemailer.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  const scrub = secretScrubber(smtp);

  return {
    async send(mail) {
      const parsed = outgoingSchema.safeParse(mail);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const [field, key] = issue.path.map(String);
        const where = field === "headers" ? `header ${JSON.stringify(key)}` : field === "to" ? (key === undefined ? "the message" : "a recipient") : (field ?? "the message");
        return { ok: false, retryable: false, error: `Refused to send: ${where} ${issue.message}.`, responseCode: null };
      }
      try {
        const info = await transport.sendMail({ from, ...parsed.data });
        return { ok: true, messageId: info.messageId, rejected: (info.rejected ?? []).map(String) };
      } catch (err) {
        return failure(err as SmtpError, scrub);
      }
    },
    close() {
      transport.close();
    },
  };
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

// Refused by nodemailer before any server saw it: the same message would be refused again.
// Anything else without an SMTP reply (connection refused, timeouts, TLS, authentication, an
// unknown failure) is about the connection or the settings, not the message: retried, never lost.
const PERMANENT_CODES = new Set(["EENVELOPE", "EMESSAGE", "ECONFIG", "EMAXRECIPIENTS"]);

function failure(err: SmtpError, scrub: (text: string) => string): MailResult {
  const responseCode = typeof err.responseCode === "number" ? err.responseCode : null;
  const error = scrub([err.code, err.message].filter(Boolean).join(": "));
  // A 5xx reply refuses the message itself (every recipient, its content, its sender): sending it
  // again gets the same answer. 503 only says the session was out of step. Authentication is
  // refused with 535, but that is the settings' fault, not the message's: it waits for a fix.
  const authentication = err.code === "EAUTH" || err.command?.toUpperCase().startsWith("AUTH");
  if (responseCode !== null && !authentication) {
    return { ok: false, retryable: !(responseCode >= 500 && responseCode < 600 && responseCode !== 503), error, responseCode };
  }
  return { ok: false, retryable: !(err.code !== undefined && PERMANENT_CODES.has(err.code)), error, responseCode };
}

/** Removes the SMTP password, also as the base64 an AUTH exchange carries, from a text. */
function secretScrubber(smtp: SmtpConfig): (text: string) => string {
  if (!smtp.password) return (text) => text;
  const forms = [
    smtp.password,
    Buffer.from(smtp.password).toString("base64"),
    Buffer.from(`\0${smtp.user ?? ""}\0${smtp.password}`).toString("base64"),
  ].filter((form) => form.length >= 4);
  return (text) => forms.reduce((out, form) => out.split(form).join("[redacted]"), text);
}
