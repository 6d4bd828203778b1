import type { Metadata } from "next";
import Link from "next/link";
import { notificationsPage, notificationsQuerySchema, unreadCount } from "@/lib/notify/in-app/queries";
import { NOTIFICATION_TYPE_LABELS, type NotificationType } from "@/lib/notify/notification-types";
import { pageData } from "@/app/_lib/page";
import { Timestamp } from "@/app/_components/timestamp";
import { buttonStyles, cardStyles, inlineLinkStyles } from "@/app/_components/ui";
import { MarkAllRead, MarkReadButton, NotificationLink } from "./notification-controls";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const typeLabel = (type: string) => NOTIFICATION_TYPE_LABELS[type as NotificationType]?.label ?? null;

/** The signed-in person's in-app notifications, newest first, twenty to a page. */
export default async function NotificationsPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = notificationsQuerySchema.parse({ cursor: typeof params.cursor === "string" ? params.cursor : undefined });
  const { page, unread } = await pageData({}, async ({ principal, services }) => {
    const [page, unread] = await Promise.all([notificationsPage(services.db, principal, query), unreadCount(services.db, principal)]);
    return { page, unread };
  });
  const now = new Date();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="text-fg2" data-testid="unread-summary">
            {unread.count === 0 ? "All read." : `${unread.more ? `More than ${unread.count}` : unread.count} unread.`} Emails about your requests can be turned
            off per change in{" "}
            <Link href="/settings/notifications" prefetch={false} className={inlineLinkStyles}>
              notification settings
            </Link>
            .
          </p>
        </div>
        {unread.count > 0 && <MarkAllRead upTo={now.toISOString()} />}
      </div>

      <section aria-label="Notifications" className={cardStyles}>
        {page.items.length === 0 ? (
          <p className="py-4 text-center text-fg2" data-testid="notifications-empty">
            {query.cursor ? "No older notifications." : "Nothing yet. When a request you filed or look after changes, Crosslink tells you here."}
          </p>
        ) : (
          <ul className="divide-y divide-stroke2">
            {page.items.map((n) => {
              const unreadOne = n.readAt === null;
              const label = typeLabel(n.eventType);
              return (
                <li key={n.id} className="flex items-start gap-3 py-3" data-notification-id={n.id} data-unread={unreadOne ? "true" : "false"}>
                  <span aria-hidden="true" className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${unreadOne ? "bg-brand" : "bg-transparent"}`} />
                  <div className="min-w-0 flex-1 space-y-0.5">
                    <p className={`break-words ${unreadOne ? "font-semibold" : ""}`}>
                      {n.href ? (
                        <NotificationLink id={n.id} href={n.href} unread={unreadOne}>
                          {n.title}
                        </NotificationLink>
                      ) : (
                        n.title
                      )}
                      {unreadOne && <span className="sr-only"> (unread)</span>}
                    </p>
                    {n.body && <p className="whitespace-pre-wrap break-words text-sm text-fg2">{n.body}</p>}
                    <p className="text-xs text-fg3">
                      <Timestamp date={n.createdAt} now={now} />
                      {label ? ` · ${label}` : ""}
                    </p>
                  </div>
                  {unreadOne && <MarkReadButton id={n.id} title={n.title} />}
                </li>
              );
            })}
          </ul>
        )}
        {(page.nextCursor || query.cursor) && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between border-t border-stroke2 pt-3">
            {query.cursor ? (
              <Link href="/notifications" className={buttonStyles.subtle}>
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Link href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonStyles.secondary}>
                Older notifications →
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
