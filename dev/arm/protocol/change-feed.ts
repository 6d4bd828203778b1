/**
 * Optional change feed: resource writes and deletes POSTed to a registered webhook as Event Grid
 * events of type Microsoft.Resources.ResourceWriteSuccess / ResourceDeleteSuccess, the only
 * generic resource events Azure has (there is no private-endpoint-connection event type).
 *
 * On real Azure such events come from a subscription's system topic and describe writes in that
 * subscription. Whether a consumer's cross-tenant request raises any event in the *provider's*
 * subscription is unconfirmed, so provider-side events for connection changes caused by someone
 * else are off by default (`providerSideEvents`). Delivery is fire-and-forget with one attempt:
 * consumers must still poll, exactly as on Azure. Recent events are kept for GET /_local/events.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { parseResourceId } from "../world/ids";

export type EventGridEvent = {
  id: string;
  topic: string;
  subject: string;
  eventType: "Microsoft.Resources.ResourceWriteSuccess" | "Microsoft.Resources.ResourceDeleteSuccess";
  eventTime: string;
  dataVersion: string;
  metadataVersion: string;
  data: Record<string, unknown>;
};

export type ChangeInput = {
  kind: "write" | "delete";
  resourceId: string;
  operationName: string;
  tenantId: string;
  principal?: { oid: string; tid: string; client: string };
  correlationId?: string;
  httpMethod: string;
  /** True when the change happened in a subscription as a side effect of another tenant's call. */
  sideEffect?: boolean;
};

const KEEP = 1000;

export class ChangeFeed {
  private events: EventGridEvent[] = [];
  delivered = 0;
  failed = 0;

  constructor(
    private cfg: { url?: string; providerSideEvents: boolean },
    private readonly caPem?: string,
  ) {}

  get config(): { url?: string; providerSideEvents: boolean } {
    return this.cfg;
  }

  configure(cfg: { url?: string; providerSideEvents: boolean }): void {
    this.cfg = cfg;
  }

  recent(): EventGridEvent[] {
    return [...this.events];
  }

  clear(): void {
    this.events = [];
  }

  emit(change: ChangeInput): void {
    if (!this.cfg.url) return;
    if (change.sideEffect && !this.cfg.providerSideEvents) return;
    const parsed = parseResourceId(change.resourceId);
    if (!parsed) return;
    const event: EventGridEvent = {
      id: randomUUID(),
      topic: `/subscriptions/${parsed.subscriptionId}`,
      subject: change.resourceId,
      eventType:
        change.kind === "write" ? "Microsoft.Resources.ResourceWriteSuccess" : "Microsoft.Resources.ResourceDeleteSuccess",
      eventTime: new Date().toISOString(),
      dataVersion: "2",
      metadataVersion: "1",
      data: {
        authorization: change.principal
          ? { scope: change.resourceId, action: change.operationName, evidence: { role: "local-arm" } }
          : undefined,
        claims: change.principal ? { oid: change.principal.oid, tid: change.principal.tid, upn: change.principal.client } : {},
        correlationId: change.correlationId ?? randomUUID(),
        httpRequest: { method: change.httpMethod },
        resourceProvider: parsed.namespace,
        resourceUri: change.resourceId,
        operationName: change.operationName,
        status: "Succeeded",
        subscriptionId: parsed.subscriptionId,
        tenantId: change.tenantId,
      },
    };
    this.events.push(event);
    if (this.events.length > KEEP) this.events.splice(0, this.events.length - KEEP);
    this.post(this.cfg.url, [event]);
  }

  private post(url: string, events: EventGridEvent[]): void {
    const body = JSON.stringify(events);
    const u = new URL(url);
    const lib = u.protocol === "https:" ? https : http;
    const req = lib.request(
      u,
      {
        method: "POST",
        headers: { "content-type": "application/json", "aeg-event-type": "Notification", "content-length": Buffer.byteLength(body) },
        ...(u.protocol === "https:" && this.caPem ? { ca: this.caPem } : {}),
        timeout: 5000,
      },
      (res) => {
        res.resume();
        if ((res.statusCode ?? 500) < 300) this.delivered++;
        else this.failed++;
      },
    );
    req.on("error", () => this.failed++);
    req.on("timeout", () => req.destroy());
    req.end(body);
  }
}
