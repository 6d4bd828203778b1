import type { Metadata } from "next";
import { DetailItem } from "@/app/_components/detail-item";
import Link from "next/link";
import { deliveryLog, getRoute } from "@/lib/notify/routes";
import { pageData } from "@/app/_lib/page";
import { Timestamp } from "@/app/_components/timestamp";
import { cardStyles } from "@/app/_components/ui";
import { ChannelLabel } from "../_components/channel-label";
import { DeliveryLog } from "../_components/delivery-log";
import { RouteActions } from "../_components/route-actions";
import { RouteStatus } from "../_components/route-status";
import { DeliveryCounts, EventList } from "../_components/routes-table";
import { PURPOSE_COPY } from "../_lib/channels";
import { asDeliveryFilter } from "../_lib/delivery-words";
import { isoToUtcInput } from "../_lib/utc-input";

export const metadata: Metadata = { title: "Notification route" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function RoutePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const filter = asDeliveryFilter(first(query.status));
  const cursor = first(query.cursor) ?? null;
  // Unknown, malformed and other tenants' IDs look the same: not found.
  const { route, log, canOpenRequests } = await pageData({ role: "admin" }, async ({ principal, services }) => ({
    // Requests open on the provider's pages: an admin without the provider role gets their IDs only.
    canOpenRequests: principal.roles.includes("provider"),
    route: await getRoute(services.db, principal, id),
    log: await deliveryLog(services.db, principal, id, { status: filter, cursor: cursor ?? undefined }),
  }));
  const now = new Date();
  const notice = first(query.created) === "1" ? "Route created. Send a test event to check that it works." : first(query.saved) === "1" ? "Changes saved." : null;

  return (
    <div className="space-y-6">
      <Link href="/admin/notifications" className="text-sm text-brand-fg hover:underline">
        ← Notifications
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold wrap-anywhere">{route.name}</h1>
          <RouteStatus route={route} />
        </div>
      </div>
      {notice && (
        <p role="status" className="rounded-fl bg-success-bg px-4 py-2 text-sm text-success">
          {notice}
        </p>
      )}

      <RouteActions route={{ id: route.id, name: route.name, channel: route.channel, status: route.status }} />

      <section className={cardStyles} aria-labelledby="details-title">
        <h2 id="details-title" className="mb-3 text-lg font-semibold">
          Route
        </h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <DetailItem term="Channel">
            <ChannelLabel channel={route.channel} />
          </DetailItem>
          <DetailItem term="Where">
            <span className="break-all font-mono text-xs" data-testid="route-recipient">
              {route.recipient}
            </span>
          </DetailItem>
          <DetailItem term="Resources">{route.scope.kind === "tenant" ? "All resources" : `Only ${route.scope.name}`}</DetailItem>
          <DetailItem term="Purpose">
            {(PURPOSE_COPY as Record<string, { label: string; hint: string } | undefined>)[route.purpose]?.label ?? route.purpose}
            <span className="block text-xs text-fg3">{(PURPOSE_COPY as Record<string, { hint: string } | undefined>)[route.purpose]?.hint}</span>
          </DetailItem>
          <DetailItem term="Events">
            <EventList events={route.events} />
          </DetailItem>
          <DetailItem term="Deliveries">
            <DeliveryCounts counts={route.counts} />
          </DetailItem>
          {route.channel === "webhook" && (
            <DetailItem term="Signing secret">
              {route.rotationEndsAt ? (
                <span data-testid="rotation-window">
                  Rotated: the previous secret also signs until <Timestamp date={route.rotationEndsAt} />.
                </span>
              ) : (
                <span className="text-fg2">Shown once when it was made. Rotate it if it was lost or leaked.</span>
              )}
            </DetailItem>
          )}
          <DetailItem term="Created">
            <Timestamp date={route.createdAt} />
          </DetailItem>
        </dl>
      </section>

      <div className={cardStyles}>
        <DeliveryLog
          routeId={route.id}
          rows={log.rows}
          filter={filter}
          cursor={cursor}
          nextCursor={log.nextCursor}
          canOpenRequests={canOpenRequests}
          defaultSince={isoToUtcInput(new Date(now.getTime() - 24 * 3_600_000))}
        />
      </div>
    </div>
  );
}
