import Link from "next/link";
import type { RouteSummary } from "@/lib/notify/routes";
import { ScrollArea } from "@/app/_components/scroll-area";
import { eventLabel } from "../_lib/events";
import { ChannelLabel } from "./channel-label";
import { RouteStatus } from "./route-status";

/** The tenant's routes, one row each: what it is, where it sends, what it hears, and how it is doing. */
export function RoutesTable({ routes }: { routes: RouteSummary[] }) {
  return (
    <ScrollArea label="Notification routes" stickyEnd={false}>
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="routes-table">
        <caption className="sr-only">Notification routes</caption>
        <thead className="text-xs text-fg3">
          <tr className="border-b border-stroke2">
            <th scope="col" className="py-2 pr-3 font-semibold">Name</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Channel</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Where</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Resources</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Events</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Status</th>
            <th scope="col" className="py-2 font-semibold">Deliveries</th>
          </tr>
        </thead>
        <tbody>
          {routes.map((route) => (
            <tr key={route.id} className="border-b border-stroke2 align-top last:border-0" data-route-name={route.name}>
              <th scope="row" className="py-3 pr-3 font-normal">
                <Link href={`/admin/notifications/${encodeURIComponent(route.id)}`} className="font-semibold text-brand-fg underline-offset-2 hover:underline">
                  {route.name}
                </Link>
                {route.purpose === "escalation" && <span className="mt-1 block text-xs text-fg3">Escalation route</span>}
              </th>
              <td className="py-3 pr-3">
                <ChannelLabel channel={route.channel} />
              </td>
              <td className="max-w-[16rem] break-all py-3 pr-3 font-mono text-xs">{route.recipient}</td>
              <td className="py-3 pr-3">{route.scope.kind === "tenant" ? "All resources" : route.scope.name}</td>
              <td className="py-3 pr-3">
                <EventList events={route.events} />
              </td>
              <td className="max-w-[14rem] py-3 pr-3">
                <RouteStatus route={route} />
              </td>
              <td className="py-3">
                <DeliveryCounts counts={route.counts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** "9 events", opening to their names: a disclosure, so keyboard and touch reach the list too. */
export function EventList({ events }: { events: readonly string[] }) {
  return (
    <details className="group">
      <summary className="cursor-pointer whitespace-nowrap text-brand-fg underline-offset-2 hover:underline">
        {events.length} event{events.length === 1 ? "" : "s"}
      </summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-fg2">
        {events.map((e) => (
          <li key={e}>{eventLabel(e)}</li>
        ))}
      </ul>
    </details>
  );
}

export function DeliveryCounts({ counts }: { counts: RouteSummary["counts"] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs tabular-nums" data-testid="route-counts">
      <dt className="text-fg3">Delivered</dt>
      <dd>{counts.delivered}</dd>
      <dt className="text-fg3">Failing</dt>
      <dd className={counts.failing > 0 ? "font-semibold text-warning" : undefined}>{counts.failing}</dd>
      <dt className="text-fg3">Dead</dt>
      <dd className={counts.dead > 0 ? "font-semibold text-danger" : undefined}>{counts.dead}</dd>
    </dl>
  );
}
