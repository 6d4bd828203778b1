/**
 * Client authentication at the token endpoint: client_secret_post (client_id + client_secret in
 * the body, what MSAL does), client_secret_basic (HTTP Basic, id and secret form-encoded per
 * RFC 6749 §2.3.1), or a signed client assertion (certificate or federated credential, see
 * client-assertion.ts). Crosslink is a confidential client, so every grant needs one, as in Entra.
 */
import type { IncomingMessage } from "node:http";
import type { EntraContext } from "./context";
import { secretMatches, type RegisteredClient } from "./clients";
import { Errors } from "./errors";
import { AssertionErrors, JWT_BEARER_ASSERTION_TYPE, verifyClientAssertion } from "./client-assertion";

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const header = req.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw Errors.invalidRequest("The Authorization header is not valid Basic credentials.");
  try {
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw Errors.invalidRequest("The Authorization header is not valid Basic credentials.");
  }
}

export async function authenticateClient(
  ctx: EntraContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenantLabel: string,
  /** Addresses a client assertion may name as its audience (this token endpoint). */
  tokenEndpoints: string[] = [],
): Promise<RegisteredClient> {
  const assertion = form.get("client_assertion");
  if (assertion !== null) return authenticateByAssertion(ctx, req, form, tenantLabel, assertion, tokenEndpoints);
  const basic = basicCredentials(req);
  const bodyId = form.get("client_id") ?? undefined;
  if (basic && bodyId && bodyId.toLowerCase() !== basic.id.toLowerCase()) {
    throw Errors.invalidRequest("The client_id in the body does not match the one in the Authorization header.");
  }
  const clientId = basic?.id ?? bodyId;
  if (!clientId) throw Errors.missingParameter("client_id");
  const client = ctx.clients.find(clientId);
  if (!client) throw Errors.unknownClient(clientId, tenantLabel);
  const secret = basic?.secret ?? form.get("client_secret") ?? undefined;
  if (!secret) throw Errors.missingClientSecret();
  if (!secretMatches(client, secret)) throw Errors.invalidClientSecret(client.clientId);
  return client;
}

async function authenticateByAssertion(
  ctx: EntraContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenantLabel: string,
  assertion: string,
  tokenEndpoints: string[],
): Promise<RegisteredClient> {
  const type = form.get("client_assertion_type");
  if (!type) throw Errors.missingParameter("client_assertion_type");
  if (type !== JWT_BEARER_ASSERTION_TYPE) throw AssertionErrors.wrongType(type);
  if (form.has("client_secret") || basicCredentials(req)) {
    throw Errors.invalidRequest("Only one client credential may be sent: a client_assertion or a client_secret, not both.");
  }
  const clientId = form.get("client_id");
  if (!clientId) throw Errors.missingParameter("client_id");
  const client = ctx.clients.find(clientId);
  if (!client) throw Errors.unknownClient(clientId, tenantLabel);
  await verifyClientAssertion(ctx, client, assertion, tokenEndpoints);
  return client;
}
