import crypto from "node:crypto";
import type { Db, DbOrTx } from "../db/client";
import { actorColumns, type Actor } from "../core/actor";

/**
 * The append-only, hash-chained audit trail. Each event's hash covers its content and the hash of
 * the event before it, so editing or deleting any row breaks every hash after it; verifyAuditChain
 * finds the first broken link. Write events inside the same transaction as the change they record.
 */

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  action: string;
  actorType: "user" | "system" | "azure";
  actorLabel: string;
  actorTenantId?: string | null;
  actorUserId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  tenantId?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
  occurredAt?: Date;
};


type HashedFields = {
  occurredAt: Date;
  requestId: string | null;
  actorType: string;
  actorTenantId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  tenantId: string | null;
  details: string;
};

export function hashAuditEvent(prevHash: string, e: HashedFields): string {
  // A fixed field order (not JSON.stringify of the object) keeps the hash stable across refactors.
  const canonical = JSON.stringify([
    e.occurredAt.toISOString(),
    e.requestId,
    e.actorType,
    e.actorTenantId,
    e.actorUserId,
    e.actorLabel,
    e.action,
    e.targetType,
    e.targetId,
    e.tenantId,
    e.details,
  ]);
  return crypto.createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

export async function appendAudit(tx: DbOrTx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  // Reading the last hash and inserting must be one transaction, or two writers could chain
  // onto the same predecessor. Callers normally pass their own transaction; a bare client gets one.
  if ("$transaction" in tx) return tx.$transaction((inner) => appendAudit(inner, input));
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    // Millisecond precision: what SQLite stores is what the verifier will read back.
    occurredAt: new Date(Math.floor((input.occurredAt ?? new Date()).getTime())),
    requestId: input.requestId ?? null,
    actorType: input.actorType,
    actorTenantId: input.actorTenantId ?? null,
    actorUserId: input.actorUserId ?? null,
    actorLabel: input.actorLabel,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    tenantId: input.tenantId ?? null,
    details: JSON.stringify(input.details ?? {}),
  };
  const hash = hashAuditEvent(prevHash, fields);
  const row = await tx.auditEvent.create({ data: { ...fields, prevHash, hash }, select: { seq: true } });
  return { seq: row.seq, hash };
}

/** What an audit entry says, in the terms use cases think in. */
export type AuditEntry = {
  actor: Actor;
  action: string;
  target?: { type: string; id: string };
  /** The tenant whose data this concerns. */
  tenantId?: string | null;
  /** The id of the HTTP request that caused it, to find its log lines. */
  httpRequestId?: string | null;
  details?: Record<string, unknown>;
};

/** The one way use cases audit: who (lib/core/actor), what, on what, for whom. */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  return appendAudit(tx, {
    ...actorColumns(entry.actor),
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    tenantId: entry.tenantId ?? null,
    requestId: entry.httpRequestId ?? null,
    ...(entry.details ? { details: entry.details } : {}),
  });
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAtSeq: number; reason: string };

export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: batchSize });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtSeq: row.seq, reason: "an earlier event was changed or removed" };
      }
      if (hashAuditEvent(prevHash, row) !== row.hash) {
        return { ok: false, checked, brokenAtSeq: row.seq, reason: "this event's content was changed" };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
  }
}
