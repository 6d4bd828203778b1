import type { Db } from "../db/client";
import { logger } from "../log/logger";
import { appendReminderEvent } from "./reminder-events";

/**
 * Reminders for requests left Pending: after the reminder time (per resource, else the tenant's,
 * else the configured default; 24 h out of the box) the provider's routes are reminded; after
 * twice that time the request is escalated to the escalation routes. Each is raised once (a
 * PendingReminder row written with its event in one transaction), survives restarts, and stops
 * when the request is decided (only Pending requests are looked at, and a reminder still queued
 * when the request is decided is not sent).
 */
const PAGE = 500;
const HOUR_MS = 3_600_000;

export async function raiseDueReminders(db: Db, defaultHours: number, now = new Date()): Promise<number> {
  const minHours = await shortestReminderHours(db, defaultHours);
  const cutoff = new Date(now.getTime() - minHours * HOUR_MS);
  const tenantHours = new Map((await db.tenant.findMany({ where: { reminderAfterHours: { not: null } }, select: { id: true, reminderAfterHours: true } })).map((t) => [t.id, t.reminderAfterHours as number]));
  let raised = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.connectionRequest.findMany({
      // A request Pending since the cutoff was created before it: the index on (state, createdAt) narrows the scan.
      where: { state: "Pending", createdAt: { lte: cutoff }, providerTenantId: { not: null }, reminders: { none: { level: "escalation" } } },
      select: {
        id: true,
        createdAt: true,
        providerTenantId: true,
        providerResourceId: true,
        consumerTenantId: true,
        providerResource: { select: { reminderAfterHours: true } },
        transitions: { where: { toState: "Pending" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        reminders: { select: { level: true } },
      },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const r of page) {
      const hours = r.providerResource?.reminderAfterHours ?? tenantHours.get(r.providerTenantId as string) ?? defaultHours;
      const pendingSince = r.transitions[0]?.createdAt ?? r.createdAt;
      const waitedMs = now.getTime() - pendingSince.getTime();
      const done = new Set(r.reminders.map((x) => x.level));
      const due: ("reminder" | "escalation")[] = [];
      if (waitedMs >= hours * HOUR_MS && !done.has("reminder")) due.push("reminder");
      if (waitedMs >= 2 * hours * HOUR_MS && !done.has("escalation")) due.push("escalation");
      for (const level of due) if (await raiseOnce(db, r, level, waitedMs / HOUR_MS, now)) raised++;
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]?.id;
  }
  return raised;
}

async function shortestReminderHours(db: Db, defaultHours: number): Promise<number> {
  const [resources, tenants] = await Promise.all([
    db.providerResource.aggregate({ _min: { reminderAfterHours: true } }),
    db.tenant.aggregate({ _min: { reminderAfterHours: true } }),
  ]);
  return Math.min(defaultHours, resources._min.reminderAfterHours ?? Infinity, tenants._min.reminderAfterHours ?? Infinity);
}

type Candidate = { id: string; providerTenantId: string | null; providerResourceId: string | null; consumerTenantId: string };

async function raiseOnce(db: Db, r: Candidate, level: "reminder" | "escalation", waitingHours: number, now: Date): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.pendingReminder.create({ data: { requestId: r.id, level, raisedAt: now } });
      await appendReminderEvent(tx, {
        type: level === "reminder" ? "request.reminder" : "request.escalated",
        requestId: r.id,
        occurredAt: now.toISOString(),
        waitingHours: Math.round(waitingHours * 10) / 10,
        providerTenantId: r.providerTenantId as string,
        providerResourceId: r.providerResourceId,
        consumerTenantId: r.consumerTenantId,
      });
    });
    return true;
  } catch (err) {
    // Another instance raised it first (the primary key): raised once, as it should be.
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

/** Looks for due reminders now and every minute (unref'd: it never keeps the process alive). */
export function startReminderSweep(db: Db, defaultHours: number, onRaised: () => void, intervalMs = 60_000): () => void {
  const sweep = () =>
    raiseDueReminders(db, defaultHours)
      .then((n) => n > 0 && onRaised())
      .catch((err: unknown) => logger().warn({ err }, "the reminder sweep failed; it runs again in a minute"));
  void sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
