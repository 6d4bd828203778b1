import crypto from "node:crypto";
import type { DbOrTx } from "../db/client";
import { enqueueJob } from "../jobs/job";
import type { NotificationFacts } from "./facts";
import { deliverJob } from "./jobs/deliver";

/** One notification to write: to a route, or to a person's own address. */
export type DeliveryDraft = {
  key: string;
  routeId: string | null;
  userId: string | null;
  channel: string;
  recipient: string;
  facts: NotificationFacts;
};

/** Writes the deliveries not written yet, each with its job, in the caller's transaction. */
export async function createDeliveries(tx: DbOrTx, eventId: string, eventType: string, requestId: string | null, drafts: DeliveryDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const existing = new Set((await tx.delivery.findMany({ where: { key: { in: drafts.map((d) => d.key) } }, select: { key: true } })).map((d) => d.key));
  let created = 0;
  for (const draft of drafts) {
    if (existing.has(draft.key)) continue;
    const id = crypto.randomUUID();
    await tx.delivery.create({
      data: { id, key: draft.key, eventId, eventType, requestId, routeId: draft.routeId, userId: draft.userId, channel: draft.channel, recipient: draft.recipient, facts: JSON.stringify(draft.facts) },
    });
    await enqueueJob(tx, deliverJob, { deliveryId: id });
    created++;
  }
  return created;
}

