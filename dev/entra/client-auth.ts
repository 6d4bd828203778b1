/**
 * Client authentication at the token endpoint: client_secret_post (client_id + client_secret in
 * the body, what MSAL does) or client_secret_basic (HTTP Basic, id and secret form-encoded per
 * RFC 6749 §2.3.1). Crosslink is a confidential client, so every grant needs its secret, as in Entra.
 */
import type { IncomingMessage } from "node:http";
import type { EntraContext } from "./context";
import { secretMatches, type RegisteredClient } from "./clients";
import { Errors } from "./errors";

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

export function authenticateClient(
  ctx: EntraContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenantLabel: string,
): RegisteredClient {
  if (form.has("client_assertion")) {
    throw Errors.invalidRequest("Client assertions (certificates) are not supported by the local Entra ID; use a client secret.");
  }
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
