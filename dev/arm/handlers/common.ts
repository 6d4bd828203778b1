/**
 * Small helpers every resource handler uses: JSON replies, paging with nextLink, extra RBAC
 * checks, ETag preconditions, location rules for tracked resources, and change-feed events.
 */
import { randomUUID } from "node:crypto";
import { ArmError, Errors } from "../http/errors";
import type { Ctx, Reply } from "../http/router";
import type { Operation } from "../protocol/lro";
import { normalizeLocation, REGION_NAMES } from "../world/locations";

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

/** A pre-rendered JSON string reply (see World.cached). */
export function okRaw(raw: string, status = 200, headers?: Record<string, string>): Reply {
  return { status, raw, headers };
}

export function noContent(): Reply {
  return { status: 204 };
}

/** A list answer `{value, nextLink}` paged by $skiptoken, as ARM list operations page. */
export function paged(ctx: Ctx, items: unknown[]): Reply {
  const size = Math.max(1, ctx.svc.config.pageSize);
  const token = ctx.query.get("$skiptoken");
  const start = token && /^\d+$/.test(token) ? Number(token) : 0;
  const topText = ctx.query.get("$top");
  const top = topText && /^\d+$/.test(topText) ? Number(topText) : undefined;
  const limit = top !== undefined ? Math.min(size, top) : size;
  const page = items.slice(start, start + limit);
  const body: { value: unknown[]; nextLink?: string } = { value: page };
  if (start + limit < items.length && top === undefined) {
    // ARM's nextLinks carry `$skiptoken` unencoded.
    const q = new URLSearchParams(ctx.query);
    q.delete("api-version");
    q.delete("$skiptoken");
    const rest = q.toString();
    body.nextLink = `${ctx.svc.baseUrl}${ctx.path}?api-version=${ctx.apiVersion}${rest ? `&${rest}` : ""}&$skiptoken=${start + limit}`;
  }
  return ok(body);
}

/** An additional permission the operation needs beyond the route's own action. */
export function requireAction(ctx: Ctx, action: string, scope: string): void {
  if (!ctx.svc.rbac.can(ctx.principal.oid, action, scope)) {
    throw Errors.authorizationFailed(ctx.principal.client, ctx.principal.oid, action, scope);
  }
}

/** If-Match / If-None-Match against the current ETag (undefined = resource does not exist). */
export function checkPreconditions(ctx: Ctx, currentEtag: string | undefined): void {
  const ifMatch = ctx.headers["if-match"];
  const ifNoneMatch = ctx.headers["if-none-match"];
  const strip = (v: string) => v.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
  if (typeof ifMatch === "string" && ifMatch !== "") {
    if (currentEtag === undefined) throw Errors.preconditionFailed();
    if (ifMatch.trim() !== "*" && !ifMatch.split(",").some((v) => strip(v) === strip(currentEtag))) throw Errors.preconditionFailed();
  }
  if (typeof ifNoneMatch === "string" && ifNoneMatch !== "" && currentEtag !== undefined) {
    if (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((v) => strip(v) === strip(currentEtag))) {
      throw Errors.preconditionFailed();
    }
  }
}

/** Location of a tracked resource's PUT body: required, known, normalised ("West Europe" → westeurope). */
export function trackedLocation(body: { location?: unknown }, type: string): string {
  if (body.location === undefined || body.location === null || body.location === "") throw Errors.locationRequired();
  if (typeof body.location !== "string") throw Errors.locationRequired();
  const loc = normalizeLocation(body.location);
  if (!loc) throw Errors.locationNotAvailable(body.location, type, REGION_NAMES);
  return loc;
}

/** Microsoft.Network's resource-name rule. */
export function checkNetworkName(name: string): void {
  if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/.test(name)) throw Errors.invalidResourceName(name);
}

export function newEtag(): string {
  return randomUUID();
}

/** Network RP ETag form: W/"guid". */
export function weak(etag: string): string {
  return `W/"${etag}"`;
}

export function emitChange(
  ctx: Ctx,
  kind: "write" | "delete",
  resourceId: string,
  operationName: string,
  opts: { sideEffect?: boolean; tenantId?: string } = {},
): void {
  ctx.svc.changeFeed.emit({
    kind,
    resourceId,
    operationName,
    tenantId: opts.tenantId ?? ctx.principal.tid,
    principal: opts.sideEffect ? undefined : ctx.principal,
    correlationId: ctx.correlationId,
    httpMethod: ctx.method,
    sideEffect: opts.sideEffect,
  });
}

export function tagsOf(body: { tags?: unknown }): Record<string, string> | undefined {
  if (!body.tags || typeof body.tags !== "object" || Array.isArray(body.tags)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body.tags as Record<string, unknown>)) if (typeof v === "string") out[k] = v;
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** Starts a long-running operation for the current request (see protocol/lro.ts). */
export function beginOperation(
  ctx: Ctx,
  args: {
    family: "network" | "web" | "privatedns";
    method: "PUT" | "PATCH" | "DELETE";
    resourceId: string;
    location: string;
    apply: () => void;
    fail: (error: { code: string; message: string }) => void;
    finalReply: () => Reply;
    onDone?: (op: Operation) => void;
  },
): Operation {
  return ctx.svc.lro.start({
    ...args,
    subscriptionId: ctx.params.subscriptionId!,
    resourceGroup: ctx.params.resourceGroupName,
    apiVersion: ctx.apiVersion,
    tenantId: ctx.principal.tid,
  });
}

export function anotherOperationInProgress(id: string): ArmError {
  return Errors.conflict(
    "AnotherOperationInProgress",
    `Another operation on this or dependent resource is in progress. Resource: ${id}. Retry the request after the operation completes.`,
  );
}
