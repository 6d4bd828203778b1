import type { Db, DbOrTx } from "../db/client";

/**
 * The transactional outbox. A use case writes its state change, its audit entry and the side
 * effect it needs (an Azure call, later an email or webhook) in one transaction; the worker then
 * carries the side effect out, retrying from this durable record until it succeeds or gives up.
 * A crash between the two leaves a pending message, never a lost one.
 */

export type OutboxTopic = "endpoint.create" | "endpoint.delete" | "connection.decide";

export async function enqueue(tx: DbOrTx, topic: OutboxTopic, payload: Record<string, unknown>, runAt = new Date()): Promise<string> {
  const row = await tx.outboxMessage.create({ data: { topic, payload: JSON.stringify(payload), nextAttemptAt: runAt } });
  return row.id;
}

export type ClaimedMessage = { id: string; topic: string; payload: unknown; attempts: number };

/**
 * Claims up to `limit` due messages for `lockMs`. The conditional update makes a claim exclusive
 * even with several workers: only the worker whose update matched the unlocked row proceeds.
 */
export async function claimDue(db: Db, options: { limit?: number; lockMs?: number; now?: Date; topics?: string[] } = {}): Promise<ClaimedMessage[]> {
  const now = options.now ?? new Date();
  const due = await db.outboxMessage.findMany({
    where: {
      status: { in: ["pending", "processing"] },
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      ...(options.topics ? { topic: { in: options.topics } } : {}),
    },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 10,
  });
  const claimed: ClaimedMessage[] = [];
  for (const m of due) {
    const lockedUntil = new Date(now.getTime() + (options.lockMs ?? 60_000));
    const won = await db.outboxMessage.updateMany({
      where: { id: m.id, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { status: "processing", lockedUntil, attempts: { increment: 1 } },
    });
    if (won.count === 1) claimed.push({ id: m.id, topic: m.topic, payload: JSON.parse(m.payload), attempts: m.attempts + 1 });
  }
  return claimed;
}

export async function markDone(db: DbOrTx, id: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "done", lockedUntil: null, processedAt: new Date(), lastError: null } });
}

/** Exponential backoff with a ceiling: 2 s, 4 s, 8 s … 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 300_000);
}

export async function markRetry(db: DbOrTx, id: string, attempts: number, error: string): Promise<void> {
  const delay = backoffMs(attempts);
  await db.outboxMessage.update({
    where: { id },
    data: { status: "pending", lockedUntil: null, lastError: error.slice(0, 2000), nextAttemptAt: new Date(Date.now() + delay) },
  });
}

export async function markFailed(db: DbOrTx, id: string, error: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "failed", lockedUntil: null, lastError: error.slice(0, 2000), processedAt: new Date() } });
}
