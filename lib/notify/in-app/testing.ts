import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";

/**
 * For tests only: writes in-app notifications as the notification fan-out would (a unique key per
 * row), so the bell, the list and the queries can be tested without raising events.
 */
export type TestNotification = {
  userId: string;
  title: string;
  body?: string;
  requestId?: string | null;
  eventType?: string;
  createdAt?: Date;
  readAt?: Date | null;
};

export async function insertInAppNotifications(db: Db, rows: TestNotification[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const created = await db.inAppNotification.create({
      data: {
        key: `test-${randomUUID()}`,
        userId: row.userId,
        title: row.title,
        body: row.body ?? "",
        requestId: row.requestId ?? null,
        eventType: row.eventType ?? "request.pending",
        ...(row.createdAt ? { createdAt: row.createdAt } : {}),
        readAt: row.readAt ?? null,
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}
