import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks signing: `webhook-signature` carries one `v1,<base64 HMAC-SHA256>` per
 * secret, space-separated, over "{id}.{timestamp}.{body}". During a rotation the old and the new
 * secret both sign, so a receiver can switch secrets at its own pace.
 */
export const SECRET_PREFIX = "whsec_";

/** A new signing secret: whsec_ + base64 of 32 random bytes (the spec asks for 24 to 64). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + crypto.randomBytes(32).toString("base64");
}

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

export function signedHeaders(secrets: readonly string[], id: string, at: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error("a webhook route needs a signing secret");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signatures.join(" ") };
}
