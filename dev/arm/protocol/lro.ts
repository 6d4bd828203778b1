/**
 * Long-running operations. A PUT/DELETE the spec marks long-running starts an operation: the
 * resource shows Updating/Deleting at once, and after the configured duration the operation's
 * `apply` (or, when a fault says so, `fail`) runs and the operation ends Succeeded/Failed.
 * Completion is driven by a timer, not by polling, so a provider sees a consumer's connection
 * even if the consumer never polls — as in Azure.
 *
 * Clients follow the `Azure-AsyncOperation` URL (status document, always 200) and/or the
 * `Location` URL (202 while running, then the final answer), whichever the SDK's
 * `final-state-via` says. URL shapes follow the services: Microsoft.Network and Microsoft.Web use
 * `/providers/<ns>/locations/<loc>/operations|operationResults/<id>`, Private DNS uses
 * `/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsOperationStatuses|Results/<id>`.
 */
import { randomUUID } from "node:crypto";
import type { LroConfig } from "../config";
import type { FaultInjector } from "./faults";
import { between, rngFor, type Rng } from "./prng";

export type LroFamily = "network" | "web" | "privatedns";

export type Reply = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> };

export type Operation = {
  id: string;
  family: LroFamily;
  subscriptionId: string;
  resourceGroup?: string;
  location: string;
  method: "PUT" | "PATCH" | "DELETE";
  resourceId: string;
  apiVersion: string;
  status: "InProgress" | "Succeeded" | "Failed";
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
  /** Who started it (its tenant may poll it). */
  tenantId: string;
  completeAt: number;
};

export type StartOptions = {
  family: LroFamily;
  subscriptionId: string;
  resourceGroup?: string;
  location: string;
  method: "PUT" | "PATCH" | "DELETE";
  resourceId: string;
  apiVersion: string;
  tenantId: string;
  /** Applies the successful outcome to the world. */
  apply: () => void;
  /** Applies the failed outcome (provisioningState Failed, ...). */
  fail: (error: { code: string; message: string }) => void;
  /** Final answer of the Location URL once Succeeded (PUT: the resource; DELETE: 204). */
  finalReply: () => Reply;
  /** Called after apply/fail (change feed). */
  onDone?: (op: Operation) => void;
};

type Entry = { op: Operation; opts: StartOptions; timer?: NodeJS.Timeout };

const MAX_KEPT = 5000;

export class LroEngine {
  private ops = new Map<string, Entry>();
  private rng: Rng;
  started = 0;

  constructor(
    private cfg: LroConfig,
    private readonly faults: FaultInjector,
    seed?: number,
  ) {
    this.rng = rngFor(seed === undefined ? undefined : seed + 1);
  }

  get config(): LroConfig {
    return this.cfg;
  }

  configure(cfg: LroConfig, seed?: number): void {
    this.cfg = cfg;
    if (seed !== undefined) this.rng = rngFor(seed + 1);
  }

  start(opts: StartOptions): Operation {
    const id = randomUUID();
    const duration = between(this.rng, this.cfg.minMs, this.cfg.maxMs);
    const willFail = this.faults.shouldFailLro();
    const op: Operation = {
      id,
      family: opts.family,
      subscriptionId: opts.subscriptionId,
      resourceGroup: opts.resourceGroup,
      location: opts.location,
      method: opts.method,
      resourceId: opts.resourceId,
      apiVersion: opts.apiVersion,
      status: "InProgress",
      startTime: new Date().toISOString(),
      tenantId: opts.tenantId,
      completeAt: Date.now() + duration,
    };
    const entry: Entry = { op, opts };
    entry.timer = setTimeout(() => this.finish(entry, willFail), duration);
    this.ops.set(id, entry);
    this.started++;
    this.prune();
    return op;
  }

  private finish(entry: Entry, willFail: boolean): void {
    const { op, opts } = entry;
    entry.timer = undefined;
    if (willFail) {
      op.error = {
        code: "InternalServerError",
        message: "An error occurred. (The local ARM's fault injection failed this long-running operation.)",
      };
      opts.fail(op.error);
      op.status = "Failed";
    } else {
      opts.apply();
      op.status = "Succeeded";
    }
    op.endTime = new Date().toISOString();
    opts.onDone?.(op);
  }

  get(id: string): Operation | undefined {
    return this.ops.get(id)?.op;
  }

  finalReply(id: string): Reply | undefined {
    return this.ops.get(id)?.opts.finalReply();
  }

  /** Completes every running operation now (used by `close()` and world save/load). */
  drain(): void {
    for (const e of this.ops.values()) {
      if (e.timer) {
        clearTimeout(e.timer);
        e.timer = undefined;
        if (e.op.status === "InProgress") this.finish(e, false);
      }
    }
  }

  /** Stops timers without applying outcomes (server shutdown). */
  stop(): void {
    for (const e of this.ops.values()) {
      if (e.timer) clearTimeout(e.timer);
      e.timer = undefined;
    }
  }

  clear(): void {
    this.stop();
    this.ops.clear();
  }

  statusUrl(base: string, op: Operation): string {
    return `${base}${this.path(op, "status")}?api-version=${op.apiVersion}`;
  }

  resultUrl(base: string, op: Operation): string {
    return `${base}${this.path(op, "result")}?api-version=${op.apiVersion}`;
  }

  private path(op: Operation, which: "status" | "result"): string {
    if (op.family === "privatedns") {
      const seg = which === "status" ? "privateDnsOperationStatuses" : "privateDnsOperationResults";
      return `/subscriptions/${op.subscriptionId}/resourceGroups/${op.resourceGroup}/providers/Microsoft.Network/${seg}/${op.id}`;
    }
    const ns = op.family === "web" ? "Microsoft.Web" : "Microsoft.Network";
    const seg = which === "status" ? "operations" : "operationResults";
    return `/subscriptions/${op.subscriptionId}/providers/${ns}/locations/${op.location}/${seg}/${op.id}`;
  }

  /** Headers of the 201/202 that starts an operation. */
  headers(base: string, op: Operation, which: { asyncOperation: boolean; location: boolean }): Record<string, string> {
    const h: Record<string, string> = {};
    if (which.asyncOperation) h["Azure-AsyncOperation"] = this.statusUrl(base, op);
    if (which.location) h["Location"] = this.resultUrl(base, op);
    if (this.cfg.retryAfterSeconds > 0) h["Retry-After"] = String(this.cfg.retryAfterSeconds);
    return h;
  }

  /** The Azure-AsyncOperation document (AzureAsyncOperationResult in network.json). */
  statusBody(op: Operation): Record<string, unknown> {
    const body: Record<string, unknown> = { id: op.id, name: op.id, status: op.status, startTime: op.startTime };
    if (op.endTime) body.endTime = op.endTime;
    if (op.error) body.error = op.error;
    return body;
  }

  private prune(): void {
    if (this.ops.size <= MAX_KEPT) return;
    for (const [id, e] of this.ops) {
      if (e.op.status !== "InProgress") this.ops.delete(id);
      if (this.ops.size <= MAX_KEPT / 2) break;
    }
  }
}
