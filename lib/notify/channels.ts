import type { NotificationRoute } from "../db/generated/client";
import type { NotificationFacts } from "./facts";
import type { NotifyJobDeps } from "./jobs/deps";
import { renderEmail } from "./messages/email/render";
import { slackMessage } from "./messages/slack";
import { teamsMessage } from "./messages/teams";
import { webhookPayload } from "./messages/webhook-payload";
import { postJson } from "./http/post-json";
import { signedHeaders } from "./webhook-signing";

/**
 * Sends one notification on its channel and says how it went, in one shape for every channel,
 * so the delivery job records and retries them all alike.
 */
export type SendOutcome = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
  /** Waiting cannot help (a refused address, a mailbox that does not exist). */
  permanent: boolean;
  /** The receiver is gone for good (410): the route is disabled. */
  gone: boolean;
  retryAfterMs: number | null;
};

export type SendTarget = { channel: string; recipient: string; route: NotificationRoute | null; eventId: string };

export async function send(deps: NotifyJobDeps, target: SendTarget, facts: NotificationFacts, now = new Date()): Promise<SendOutcome> {
  if (target.channel === "email") return sendEmail(deps, target.route?.target ?? target.recipient, facts, target.route?.name ?? null);
  if (!target.route) return failed("a webhook needs its route", true);
  const body = JSON.stringify(bodyFor(target.channel, facts));
  const headers: Record<string, string> = { "user-agent": "Crosslink-Webhooks/1" };
  if (target.channel === "webhook") {
    const secrets = signingSecrets(deps, target.route, now);
    if (secrets.length === 0) return failed("the route's signing secret cannot be read (was SESSION_SECRET changed?); rotate the secret", true);
    Object.assign(headers, signedHeaders(secrets, target.eventId, now, body));
  }
  const result = await postJson(target.route.target, body, headers, { policy: deps.outgoingPolicy });
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  return {
    ok,
    statusCode: result.status,
    latencyMs: result.latencyMs,
    excerpt: result.excerpt,
    error: ok ? null : (result.error ?? `the receiver answered HTTP ${result.status}`),
    permanent: result.blocked,
    gone: result.status === 410,
    retryAfterMs: result.retryAfterMs,
  };
}

function bodyFor(channel: string, facts: NotificationFacts): unknown {
  if (channel === "teams") return teamsMessage(facts);
  if (channel === "slack") return slackMessage(facts);
  return webhookPayload(facts);
}

/** The current secret, and during a rotation the previous one too (both sign for 24 hours). */
function signingSecrets(deps: NotifyJobDeps, route: NotificationRoute, now: Date): string[] {
  const secrets: string[] = [];
  const current = route.webhookSecret ? deps.secrets.open(route.webhookSecret) : null;
  if (current) secrets.push(current);
  if (route.previousWebhookSecret && route.previousSecretExpiresAt && route.previousSecretExpiresAt > now) {
    const previous = deps.secrets.open(route.previousWebhookSecret);
    if (previous) secrets.push(previous);
  }
  return secrets;
}

async function sendEmail(deps: NotifyJobDeps, addresses: string, facts: NotificationFacts, routeName: string | null): Promise<SendOutcome> {
  const started = performance.now();
  const mail = await renderEmail(facts, { routeName });
  const to = addresses.split(",").map((a) => a.trim()).filter(Boolean);
  const result = await deps.mailer().send({ to, subject: mail.subject, html: mail.html, text: mail.text, headers: { "X-Crosslink-Event": facts.eventId } });
  const latencyMs = Math.round(performance.now() - started);
  if (result.ok) return { ok: true, statusCode: 250, latencyMs, excerpt: `accepted as ${result.messageId}`, error: null, permanent: false, gone: false, retryAfterMs: null };
  return { ok: false, statusCode: result.responseCode, latencyMs, excerpt: null, error: result.error, permanent: !result.retryable, gone: false, retryAfterMs: null };
}

function failed(error: string, permanent: boolean): SendOutcome {
  return { ok: false, statusCode: null, latencyMs: 0, excerpt: null, error, permanent, gone: false, retryAfterMs: null };
}
