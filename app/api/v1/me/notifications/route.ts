import { route } from "@/app/_lib/route";
import { notificationsPage, notificationsQuerySchema } from "@/lib/notify/in-app/queries";

export const dynamic = "force-dynamic";

/**
 * The signed-in person's in-app notifications, newest first: `{ items, nextCursor }`, each item
 * `{ id, eventType, title, body, createdAt, readAt, requestId, href }`. Query: cursor, limit (1–100).
 */
export const GET = route({ auth: {}, query: notificationsQuerySchema }, async ({ principal, services, query }) => {
  const page = await notificationsPage(services.db, principal, query);
  return {
    items: page.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), readAt: i.readAt?.toISOString() ?? null })),
    nextCursor: page.nextCursor,
  };
});
