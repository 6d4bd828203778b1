import type { Db, DbOrTx } from "../db/client";

/**
 * The transactional outbox. A use case writes its change, its audit entry and what must follow
 * (a job: an Azure call, later an email or webhook; or a domain event for subscribers) in one
 * transaction; workers then carry it out, retrying from this durable record. A crash between the
 * two leaves a pending message, never a lost one.
 *
 * The outbox knows no topics: job definitions (lib/jobs) and domain events name their own.
 * `kind` keeps the two apart, so a worker claiming jobs never scans events and the reverse.
 */
export type MessageKind = "job" | "event";

export async function addMessage(tx: DbOrTx, message: { kind: MessageKind; topic: string; payload: unknown; runAt?: Date }): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: { kind: message.kind, topic: message.topic, payload: JSON.stringify(message.payload), nextAttemptAt: message.runAt ?? new Date() },
    select: { id: true },
  });
  return row.id;
}

export type ClaimedMessage = { id: string; topic: string; payload: unknown; attempts: number; lastError: string | null };

/**
 * Claims up to `limit` due messages of one kind for `lockMs`. The conditional update makes a
 * claim exclusive even with several workers: only the worker whose update matched the unlocked
 * row proceeds.
 */
export async function claimDue(
  db: Db,
  options: { kind: MessageKind; topics: string[]; limit?: number; lockMs?: number; now?: Date },
): Promise<ClaimedMessage[]> {
  const now = options.now ?? new Date();
  const due = await db.outboxMessage.findMany({
    where: {
      kind: options.kind,
      status: { in: ["pending", "processing"] },
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      topic: { in: options.topics },
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
    if (won.count === 1) claimed.push({ id: m.id, topic: m.topic, payload: JSON.parse(m.payload), attempts: m.attempts + 1, lastError: m.lastError });
  }
  return claimed;
}

export async function markDone(db: DbOrTx, id: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "done", lockedUntil: null, processedAt: new Date(), lastError: null } });
}

export async function markRetry(db: DbOrTx, id: string, delayMs: number, error: string): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: { status: "pending", lockedUntil: null, lastError: error.slice(0, 2000), nextAttemptAt: new Date(Date.now() + delayMs) },
  });
}

export async function markFailed(db: DbOrTx, id: string, error: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "failed", lockedUntil: null, lastError: error.slice(0, 2000), processedAt: new Date() } });
}
