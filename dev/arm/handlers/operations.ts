/**
 * Polling endpoints of long-running operations (see protocol/lro.ts):
 * - status (Azure-AsyncOperation): always 200 with {status: InProgress|Succeeded|Failed, error?};
 * - result (Location): 202 while running, then the operation's final answer (the resource for a
 *   PUT, 204 for a DELETE), or the failure's error with its HTTP status.
 */
import { ArmError } from "../http/errors";
import type { Ctx, Reply, Route } from "../http/router";
import type { Operation } from "../protocol/lro";
import { ok } from "./common";

function opOr404(ctx: Ctx): Operation {
  const op = ctx.svc.lro.get(ctx.params.operationId!);
  if (!op || op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId!.toLowerCase()) {
    throw new ArmError(404, "NotFound", `The operation '${ctx.params.operationId}' could not be found.`);
  }
  return op;
}

function retryAfter(ctx: Ctx): Record<string, string> {
  const s = ctx.svc.lro.config.retryAfterSeconds;
  return s > 0 ? { "Retry-After": String(s) } : {};
}

function status(ctx: Ctx): Reply {
  const op = opOr404(ctx);
  return ok(ctx.svc.lro.statusBody(op), 200, op.status === "InProgress" ? retryAfter(ctx) : undefined);
}

function result(ctx: Ctx): Reply {
  const op = opOr404(ctx);
  if (op.status === "InProgress") {
    return { status: 202, headers: { Location: ctx.svc.lro.resultUrl(ctx.svc.baseUrl, op), ...retryAfter(ctx) } };
  }
  if (op.status === "Failed") {
    const e = new ArmError(500, op.error?.code ?? "InternalServerError", op.error?.message ?? "The operation failed.");
    return { status: e.status, body: e.body() };
  }
  return ctx.svc.lro.finalReply(op.id) ?? { status: 204 };
}

/**
 * The status and result routes of one provider. Each declares the read action Azure's operation
 * list names for its own path (`…/locations/operations/read` and `…/locations/operationResults/read`
 * are separate operations there), so a role must grant the ones its callers actually poll.
 */
function pair(
  prefix: string,
  family: "network" | "web" | "privatedns",
  statusSeg: string,
  resultSeg: string,
  actions: { status: string; result: string },
): Route[] {
  return [
    {
      method: "GET",
      template: `${prefix}/${statusSeg}/{operationId}`,
      operationId: `${family}_OperationStatus`,
      family,
      type: actions.status.replace(/\/read$/, ""),
      action: actions.status,
      scope: (p) => `/subscriptions/${p.subscriptionId}`,
      handle: status,
    },
    {
      method: "GET",
      template: `${prefix}/${resultSeg}/{operationId}`,
      operationId: `${family}_OperationResult`,
      family,
      type: actions.result.replace(/\/read$/, ""),
      action: actions.result,
      scope: (p) => `/subscriptions/${p.subscriptionId}`,
      handle: result,
    },
  ];
}

export const operationRoutes: Route[] = [
  ...pair("/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}", "network", "operations", "operationResults", {
    status: "Microsoft.Network/locations/operations/read",
    result: "Microsoft.Network/locations/operationResults/read",
  }),
  ...pair("/subscriptions/{subscriptionId}/providers/Microsoft.Web/locations/{location}", "web", "operations", "operationResults", {
    status: "Microsoft.Web/locations/operations/read",
    result: "Microsoft.Web/locations/operationResults/read",
  }),
  ...pair("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network", "privatedns", "privateDnsOperationStatuses", "privateDnsOperationResults", {
    status: "Microsoft.Network/privateDnsOperationStatuses/read",
    result: "Microsoft.Network/privateDnsOperationResults/read",
  }),
];
