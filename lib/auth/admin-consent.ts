import crypto from "node:crypto";
import { z } from "zod";
import type { AppConfig } from "../config";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/audit-log";
import { personLabel } from "../core/actor";
import { logger } from "../log/logger";
import { armDelegatedScope, authorityUrl, signInScopes } from "./msal";
import { idpErrorCode } from "./idp-errors";

/**
 * Admin consent: an administrator of a consumer organization grants Crosslink its delegated
 * permissions (ARM `user_impersonation` and the sign-in scopes) for everyone there, through
 * Entra's admin consent endpoint. The `state` is kept here, server side, and completes once;
 * a granted consent is recorded in the audit trail.
 */

const FLOW_TTL_MS = 30 * 60 * 1000;

export function adminConsentRedirectUri(config: AppConfig): string {
  return `${config.appBaseUrl}/onboard/done`;
}

/** What an administrator is asked to grant: Azure access as the user, and the sign-in scopes. */
export function adminConsentScopes(config: AppConfig): string[] {
  return [armDelegatedScope(config), ...signInScopes(config)];
}

/** A tenant ID (GUID) or a domain name; anything else is refused before it reaches a URL. */
export const tenantHintSchema = z
  .string()
  .trim()
  .max(253)
  .regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i, {
    message: "Enter your organization's tenant ID or one of its domain names (such as contoso.onmicrosoft.com), or leave it empty.",
  });

/** Starts admin consent; `tenant` narrows it to one organization (else any work account's). */
export async function startAdminConsent(db: Db, config: AppConfig, input: { tenant?: string }): Promise<string> {
  const state = crypto.randomBytes(24).toString("base64url");
  await db.adminConsentFlow.create({ data: { state, expiresAt: new Date(Date.now() + FLOW_TTL_MS) } });
  const url = new URL(`${authorityUrl(config, input.tenant || "organizations")}/v2.0/adminconsent`);
  url.searchParams.set("client_id", config.entra.clientId);
  url.searchParams.set("scope", adminConsentScopes(config).join(" "));
  url.searchParams.set("redirect_uri", adminConsentRedirectUri(config));
  url.searchParams.set("state", state);
  return url.toString();
}

export const adminConsentAnswerSchema = z.object({
  admin_consent: z.string().max(16).optional(),
  tenant: z.string().max(64).optional(),
  scope: z.string().max(2048).optional(),
  state: z.string().min(1).max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(4096).optional(),
});
export type AdminConsentAnswer = z.infer<typeof adminConsentAnswerSchema>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Entra's answer at /onboard/done. Returns the completed flow's ID (for the result page), or
 * null for an unknown, used or expired state (nothing is recorded then).
 */
export async function completeAdminConsent(db: Db, answer: AdminConsentAnswer, context: { requestId: string }): Promise<string | null> {
  const log = logger().child({ requestId: context.requestId, step: "admin consent" });
  if (!answer.state) return null;
  const granted = answer.admin_consent?.toLowerCase() === "true" && !answer.error && GUID.test(answer.tenant ?? "");
  const tenantId = granted ? answer.tenant!.toLowerCase() : null;
  const errorCode = granted ? null : (idpErrorCode(answer.error_description) ?? answer.error ?? "unknown");

  return db.$transaction(async (tx) => {
    // Complete the flow exactly once: the update matches only an open, unexpired flow.
    const taken = await tx.adminConsentFlow.updateMany({
      where: { state: answer.state, completedAt: null, expiresAt: { gt: new Date() } },
      data: { completedAt: new Date(), outcome: granted ? "granted" : "refused", tenantId, errorCode },
    });
    if (taken.count !== 1) {
      log.warn("admin consent answer with unknown, used or expired state");
      return null;
    }
    const flow = await tx.adminConsentFlow.findUniqueOrThrow({ where: { state: answer.state }, select: { id: true } });
    if (!granted) {
      log.warn({ errorCode }, "admin consent not given");
      return flow.id;
    }
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId! }, select: { displayName: true } });
    // Entra does not say which administrator it was; the audit names the organization.
    await recordAudit(tx, {
      actor: { kind: "person", role: null, label: personLabel("An administrator", tenant?.displayName ?? tenantId!), userId: null, tenantId },
      action: "tenant.admin_consent_granted",
      tenantId,
      httpRequestId: context.requestId,
      details: { scope: answer.scope ?? null },
    });
    log.info({ tenantId }, "admin consent granted");
    return flow.id;
  });
}

export type AdminConsentOutcome =
  | { outcome: "granted"; tenantId: string; tenantName: string | null }
  | { outcome: "refused"; errorCode: string };

/** What the result page shows for a completed flow; null for anything else. */
export async function adminConsentOutcome(db: Db, flowId: string): Promise<AdminConsentOutcome | null> {
  const flow = await db.adminConsentFlow.findUnique({ where: { id: flowId } });
  if (!flow?.completedAt) return null;
  if (flow.outcome === "granted" && flow.tenantId) {
    const tenant = await db.tenant.findUnique({ where: { id: flow.tenantId }, select: { displayName: true } });
    return { outcome: "granted", tenantId: flow.tenantId, tenantName: tenant?.displayName ?? null };
  }
  return { outcome: "refused", errorCode: flow.errorCode ?? "unknown" };
}
