import { z } from "zod";
import { Prisma } from "../../db/generated/client";
import type { Db } from "../../db/client";
import type { Principal } from "../../auth/principal";
import { readRows } from "../../db/read-connection";
import { NotFoundError } from "../../core/errors";
import { idOrNotFound } from "../../core/parse";
import { decodeCursor, encodeCursor } from "../../connections/cursor";

/**
 * A person's in-app notifications (the bell in the header and /notifications). The notification
 * fan-out writes them; these read and mark them. Every query carries the principal's own userId,
 * so a foreign or made-up id finds nothing, exactly like an unknown one.
 */

/** The bell says "99+" beyond this: counting further would walk every unread row on each poll. */
export const UNREAD_COUNT_CAP = 99;

export type UnreadCount = { count: number; more: boolean };

const countSchema = z.object({ n: z.coerce.number() });

/**
 * Unread notifications, counted up to the cap. Read on every poll of every open page, so it is a
 * cached statement on the read connection over the (userId, readAt) index, bounded by LIMIT.
 */
export async function unreadCount(db: Db, principal: Principal): Promise<UnreadCount> {
  const [row] = readRows(
    db,
    Prisma.sql`SELECT COUNT(*) AS "n" FROM (
      SELECT 1 FROM "InAppNotification" WHERE "userId" = ${principal.userId} AND "readAt" IS NULL LIMIT ${UNREAD_COUNT_CAP + 1})`,
  );
  const n = countSchema.parse(row).n;
  return { count: Math.min(n, UNREAD_COUNT_CAP), more: n > UNREAD_COUNT_CAP };
}

export const notificationsQuerySchema = z.object({
  /** The next page: notifications older than this cursor (from `nextCursor`). */
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(20).catch(20),
});
export type NotificationsQuery = z.input<typeof notificationsQuerySchema>;

export type InAppItem = {
  id: string;
  eventType: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  requestId: string | null;
  /** Where the notification leads for this person; null when its request is not theirs to see (any more). */
  href: string | null;
};

export type NotificationsPage = { items: InAppItem[]; nextCursor: string | null };

/** The request as far as choosing a notification's link needs it. */
export type LinkSubject = { id: string; requesterId: string | null; consumerTenantId: string; providerTenantId: string | null };

/**
 * The request's page for this person: the requester (and their tenant) follow it as consumers
 * (/requests/{id}); the provider's people as providers (/provider/requests/{id}). A request in
 * neither tenant, or a provider page without the provider role, gets no link: it would only
 * answer "not found" or 403.
 */
export function notificationHref(principal: Principal, request: LinkSubject | null): string | null {
  if (!request) return null;
  const id = encodeURIComponent(request.id);
  if (request.requesterId === principal.userId) return `/requests/${id}`;
  if (request.providerTenantId === principal.tenantId && principal.roles.includes("provider")) return `/provider/requests/${id}`;
  if (request.consumerTenantId === principal.tenantId) return `/requests/${id}`;
  return null;
}

/** One page of the person's notifications, newest first, with keyset cursors. */
export async function notificationsPage(db: Db, principal: Principal, raw: NotificationsQuery = {}): Promise<NotificationsPage> {
  const query = notificationsQuerySchema.parse(raw);
  const cursor = decodeCursor(query.cursor);
  const rows = await db.inAppNotification.findMany({
    where: {
      userId: principal.userId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, eventType: true, title: true, body: true, createdAt: true, readAt: true, requestId: true },
  });
  const page = rows.slice(0, query.limit);
  const requestIds = [...new Set(page.map((r) => r.requestId).filter((id): id is string => id !== null))];
  const requests =
    requestIds.length === 0
      ? []
      : await db.connectionRequest.findMany({
          where: { id: { in: requestIds } },
          select: { id: true, requesterId: true, consumerTenantId: true, providerTenantId: true },
        });
  const byId = new Map(requests.map((r) => [r.id, r]));
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, href: notificationHref(principal, r.requestId ? (byId.get(r.requestId) ?? null) : null) })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * Marks one of the person's notifications read. Marking a read one again changes nothing; an id
 * that is not theirs is not found.
 */
export async function markRead(db: Db, principal: Principal, rawId: unknown, now = new Date()): Promise<{ changed: boolean }> {
  const id = idOrNotFound(rawId, "notification");
  const { count } = await db.inAppNotification.updateMany({ where: { id, userId: principal.userId, readAt: null }, data: { readAt: now } });
  if (count > 0) return { changed: true };
  const mine = await db.inAppNotification.count({ where: { id, userId: principal.userId } });
  if (mine === 0) throw new NotFoundError("notification");
  return { changed: false };
}

/**
 * Marks all the person's unread notifications read; with `upTo`, only those created until then
 * (the moment the page was shown), so one that arrives meanwhile stays unread until it is seen.
 */
export async function markAllRead(db: Db, principal: Principal, upTo?: Date, now = new Date()): Promise<{ changed: number }> {
  const { count } = await db.inAppNotification.updateMany({
    where: { userId: principal.userId, readAt: null, ...(upTo ? { createdAt: { lte: upTo } } : {}) },
    data: { readAt: now },
  });
  return { changed: count };
}
