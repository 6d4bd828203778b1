/**
 * One ARM request, in the order ARM itself works through it:
 * faults (local only) → authentication (401) → routing → api-version (400) → subscription and
 * tenant (404 / 401 wrong tenant) → throttling (429) → authorization (403) → resource group
 * (404) → provider registration (409) → body parsing and schema (400) → the handler.
 * Every answer, error or not, carries x-ms-request-id, x-ms-correlation-request-id and the
 * remaining-requests header of the bucket the request drew from.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkApiVersion } from "../protocol/api-versions";
import type { Services } from "../services";
import { GUID_RE } from "../world/ids";
import { handleAdmin } from "../handlers/admin";
import { validateBody } from "../validation/bodies";
import { readBody, parseJsonBody } from "./body";
import { ArmError, Errors } from "./errors";
import { unknownPathError, type Ctx, type Reply, type Router } from "./router";

const SUB_IN_PATH = /^\/subscriptions\/([^/?]+)/i;

/** The claims ARM asks for when a write needs MFA: the "p1" authentication context, as Azure CLI shows it. */
export const MFA_CLAIMS_CHALLENGE = JSON.stringify({ access_token: { acrs: { essential: true, values: ["p1"] } } });

function baseHeaders(requestId: string, correlationId: string): Record<string, string> {
  return {
    "Cache-Control": "no-cache",
    Pragma: "no-cache",
    Expires: "-1",
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": correlationId,
    "x-ms-routing-request-id": `LOCAL:${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}Z:${requestId}`,
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
  };
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const body = reply.raw ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const all: Record<string, string | number> = { ...headers, ...reply.headers };
  if (body !== undefined) {
    all["Content-Type"] = "application/json; charset=utf-8";
    all["Content-Length"] = Buffer.byteLength(body);
  } else {
    all["Content-Length"] = 0;
  }
  res.writeHead(reply.status, all);
  res.end(body);
}

export function errorReply(err: unknown): Reply {
  if (err instanceof ArmError) return { status: err.status, body: err.body(), headers: err.headers };
  console.error("[local-arm] unexpected error:", err);
  const e = Errors.internal();
  return { status: e.status, body: e.body() };
}

export function createPipeline(svc: Services, router: Router) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "https://local");
    const path = url.pathname;
    const requestId = randomUUID();
    const clientCorrelation = req.headers["x-ms-correlation-request-id"];
    const correlationId = typeof clientCorrelation === "string" && clientCorrelation ? clientCorrelation : requestId;
    const headers = baseHeaders(requestId, correlationId);
    let reply: Reply;

    try {
      // Bodies are read up front so an early error answer never leaves a half-read request.
      const raw = method === "PUT" || method === "PATCH" || method === "POST" ? await readBody(req) : Buffer.alloc(0);

      if (path === "/_local" || path.startsWith("/_local/")) {
        reply = handleAdmin(svc, method, path, url.searchParams, raw);
      } else {
        const decision = svc.faults.decide(path);
        if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
        if (decision.action === "drop") {
          svc.stats.total++;
          svc.stats.byStatus.dropped = (svc.stats.byStatus.dropped ?? 0) + 1;
          req.socket.destroy();
          return;
        }
        reply = await armRequest(svc, router, { req, method, path, url, raw, requestId, correlationId, headers, decision });
      }
    } catch (err) {
      reply = errorReply(err);
    }

    svc.stats.total++;
    svc.stats.byStatus[reply.status] = (svc.stats.byStatus[reply.status] ?? 0) + 1;
    send(res, reply, headers);
    svc.config.log?.(`[local-arm] ${method} ${req.url} → ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
  };
}

type RequestInfo = {
  req: IncomingMessage;
  method: string;
  path: string;
  url: URL;
  raw: Buffer;
  requestId: string;
  correlationId: string;
  headers: Record<string, string>;
  decision: { action: string };
};

async function armRequest(svc: Services, router: Router, info: RequestInfo): Promise<Reply> {
  const { method, path, url, raw, headers } = info;
  const subInPath = SUB_IN_PATH.exec(path)?.[1];
  const subRecord = subInPath ? svc.world.subscription(subInPath) : undefined;
  const kind = method === "GET" || method === "HEAD" ? "read" : "write";
  const scopeWord = subRecord ? "subscription" : "tenant";
  const rateHeader = `x-ms-ratelimit-remaining-${scopeWord}-${kind === "read" ? "reads" : "writes"}`;
  headers[rateHeader] = subRecord
    ? String(svc.throttler.peek(`sub:${subRecord.subscriptionId.toLowerCase()}`, kind))
    : String(kind === "read" ? svc.throttler.config.reads.burst : svc.throttler.config.writes.burst);

  // Injected server-side failures happen before any work, like a failing front end.
  if (info.decision.action === "500") throw Errors.internal();
  if (info.decision.action === "503") throw Errors.unavailable(svc.faults.config.retryAfterSeconds);

  const principal = await svc.tokens.verify(info.req.headers.authorization, subRecord?.tenantId);
  if (!subRecord) headers[rateHeader] = String(svc.throttler.peek(`tenant:${principal.tid.toLowerCase()}`, kind));

  if (info.decision.action === "429") {
    throw Errors.throttled(kind, subInPath ? `subscription '${subInPath}'` : `tenant '${principal.tid}'`, principal.oid, svc.faults.config.retryAfterSeconds);
  }

  const apiVersionParam = url.searchParams.get("api-version");
  const matched = router.match(method, path);
  if (!matched) {
    if (apiVersionParam === null) throw Errors.missingApiVersion();
    throw unknownPathError(path, apiVersionParam);
  }
  const { route, params } = matched;

  let rgLocation = "global";
  if (params.subscriptionId && params.resourceGroupName) {
    rgLocation = svc.world.resourceGroup(params.subscriptionId, params.resourceGroupName)?.location ?? rgLocation;
  }
  const apiVersion = checkApiVersion(route.family, apiVersionParam, route.type, rgLocation);

  // Subscription: malformed → 400, unknown → 404, another tenant's → 401 (ARM's tenant check).
  if (params.subscriptionId !== undefined) {
    if (!GUID_RE.test(params.subscriptionId)) throw Errors.invalidSubscriptionId(params.subscriptionId);
    if (!subRecord) throw Errors.subscriptionNotFound(params.subscriptionId);
    if (subRecord.tenantId.toLowerCase() !== principal.tid.toLowerCase()) {
      const auth = svc.tokens.authorityFor(subRecord.tenantId);
      // Name the expected issuer in the shape of the token's own issuer (v1, v2, sts.windows.net).
      const expectedIssuer = principal.issuer.replace(principal.tid, subRecord.tenantId);
      throw Errors.wrongTenant(auth, principal.issuer, expectedIssuer, auth);
    }
  }

  // Mandatory MFA for users' writes (ARM enforces it before throttling and RBAC).
  if (kind === "write" && svc.config.requireMfa === "writes" && !principal.isApp && !principal.mfa) {
    const name = path.split("/").filter(Boolean).at(-1) ?? path;
    throw Errors.mfaRequired(svc.tokens.authorityFor(subRecord?.tenantId ?? principal.tid), MFA_CLAIMS_CHALLENGE, name);
  }

  // Throttling per subscription (or per tenant for tenant-level calls) and kind.
  const bucketKey = subRecord ? `sub:${subRecord.subscriptionId.toLowerCase()}` : `tenant:${principal.tid.toLowerCase()}`;
  const taken = svc.throttler.take(bucketKey, kind);
  headers[rateHeader] = String(taken.remaining);
  if (method === "DELETE") headers[`x-ms-ratelimit-remaining-${scopeWord}-deletes`] = String(taken.remaining);
  if (!taken.ok) {
    throw Errors.throttled(
      kind,
      subRecord ? `subscription '${subRecord.subscriptionId}'` : `tenant '${principal.tid}'`,
      principal.oid,
      taken.retryAfterSeconds,
    );
  }

  // Authorization on the request's scope.
  if (route.action) {
    const action = typeof route.action === "function" ? route.action(params) : route.action;
    const scope = route.scope ? route.scope(params) : path;
    if (!svc.rbac.can(principal.oid, action, scope)) {
      throw Errors.authorizationFailed(principal.client, principal.oid, action, scope);
    }
  }

  if (params.subscriptionId && params.resourceGroupName !== undefined) {
    if (!svc.world.resourceGroup(params.subscriptionId, params.resourceGroupName)) {
      throw Errors.resourceGroupNotFound(params.resourceGroupName);
    }
  }

  if (kind === "write" && route.namespace && subRecord && !svc.world.isRegistered(subRecord.subscriptionId, route.namespace)) {
    throw Errors.missingSubscriptionRegistration(route.namespace);
  }

  const body = parseJsonBody(raw, info.req.headers["content-type"]);
  const ctx: Ctx = {
    svc,
    method,
    path,
    query: url.searchParams,
    headers: info.req.headers,
    params,
    principal,
    apiVersion,
    body,
    requestId: info.requestId,
    correlationId: info.correlationId,
    route,
  };
  if (route.validateBody) validateBody(ctx);
  return route.handle(ctx);
}
