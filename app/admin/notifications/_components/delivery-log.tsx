import Link from "next/link";
import type { DeliveryLogRow } from "@/lib/notify/routes";
import { Timestamp } from "@/app/_components/timestamp";
import { DELIVERY_FILTERS, DELIVERY_STATUS, deliveryStatusLabel, deliveryTone, TONE_STYLES, type DeliveryFilter } from "../_lib/delivery-words";
import { eventLabel } from "../_lib/events";
import { RedeliverButton, RedeliverSinceForm } from "./delivery-actions";

/**
 * The route's delivery log, newest first: a filter by status, pages by cursor, and per delivery
 * its event, request, status, attempts and last answer, with each try behind a disclosure.
 * Filter and paging are plain links, so they work without JavaScript and can be bookmarked.
 */
export function DeliveryLog({
  routeId,
  rows,
  filter,
  cursor,
  nextCursor,
  canOpenRequests,
  defaultSince,
}: {
  routeId: string;
  rows: DeliveryLogRow[];
  filter: DeliveryFilter;
  cursor: string | null;
  nextCursor: string | null;
  canOpenRequests: boolean;
  defaultSince: string;
}) {
  const base = `/admin/notifications/${encodeURIComponent(routeId)}`;
  const href = (status: DeliveryFilter, at?: string) => {
    const query = new URLSearchParams();
    if (status !== "all") query.set("status", status);
    if (at) query.set("cursor", at);
    const text = query.toString();
    return `${base}${text ? `?${text}` : ""}#delivery-log`;
  };
  return (
    <section id="delivery-log" aria-labelledby="log-title" className="space-y-4">
      <h2 id="log-title" className="text-lg font-semibold">
        Delivery log
      </h2>
      <nav aria-label="Show deliveries by status">
        <ul className="flex flex-wrap gap-1">
          {DELIVERY_FILTERS.map((status) => (
            <li key={status}>
              <Link
                href={href(status)}
                aria-current={status === filter ? "page" : undefined}
                title={status === "all" ? undefined : DELIVERY_STATUS[status].meaning}
                className={`inline-flex min-h-8 items-center rounded-full border px-3 text-sm ${
                  status === filter ? "border-brand bg-brand-subtle font-semibold text-brand-fg" : "border-stroke2 text-fg2 hover:bg-surface2"
                }`}
              >
                {status === "all" ? "All" : DELIVERY_STATUS[status].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <RedeliverSinceForm routeId={routeId} defaultSince={defaultSince} />

      {rows.length === 0 ? (
        <p className="text-sm text-fg2" data-testid="delivery-log-empty">
          {filter === "all"
            ? "Nothing has been sent through this route yet. Send a test event to try it."
            : `No ${DELIVERY_STATUS[filter].label.toLowerCase()} deliveries${cursor ? " on this page" : ""}.`}
        </p>
      ) : (
        <ol className="divide-y divide-stroke2 rounded-fl border border-stroke2" data-testid="delivery-log">
          {rows.map((row) => (
            <DeliveryItem canOpenRequests={canOpenRequests} key={row.id} row={row} />
          ))}
        </ol>
      )}

      {(cursor || nextCursor) && (
        <nav aria-label="Delivery log pages" className="flex flex-wrap gap-3 text-sm">
          {cursor && (
            <Link href={href(filter)} className="text-brand-fg underline underline-offset-2">
              ← Newest
            </Link>
          )}
          {nextCursor && (
            <Link href={href(filter, nextCursor)} className="text-brand-fg underline underline-offset-2">
              Older →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

function DeliveryItem({ row, canOpenRequests }: { row: DeliveryLogRow; canOpenRequests: boolean }) {
  const what = eventLabel(row.eventType);
  const canRedeliver = row.status === "delivered" || row.status === "dead" || row.status === "skipped";
  return (
    <li className="space-y-2 p-3" data-testid="delivery-row" data-status={row.status} data-event-type={row.eventType}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{what}</span>
          <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${TONE_STYLES[deliveryTone(row.status)]}`} data-testid="delivery-status">
            {deliveryStatusLabel(row.status)}
          </span>
        </p>
        <Timestamp date={row.createdAt} className="text-xs text-fg3 tabular-nums" />
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-fg2">
        <div className="flex gap-1">
          <dt>Request:</dt>
          <dd>
            {row.requestId && !canOpenRequests ? (
              <span className="font-mono">{row.requestId}</span>
            ) : row.requestId ? (
              <Link href={`/provider/requests/${encodeURIComponent(row.requestId)}`} className="text-brand-fg underline underline-offset-2">
                View request
              </Link>
            ) : (
              "none"
            )}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Attempts:</dt>
          <dd className="tabular-nums">{row.attempts}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Last status:</dt>
          <dd className="tabular-nums">{row.lastStatusCode ?? "—"}</dd>
        </div>
        {row.deliveredAt && (
          <div className="flex gap-1">
            <dt>Delivered:</dt>
            <dd>
              <Timestamp date={row.deliveredAt} />
            </dd>
          </div>
        )}
      </dl>
      {row.lastError && <p className="break-words text-xs text-danger">{row.lastError}</p>}
      <div className="flex flex-col items-start gap-2 sm:flex-row sm:justify-between">
        {row.tries.length > 0 ? (
          <details className="w-full min-w-0 sm:w-auto sm:flex-1">
            <summary className="cursor-pointer text-sm text-brand-fg">
              Tries ({row.tries.length}
              {row.attempts > row.tries.length ? ` most recent of ${row.attempts}` : ""})
            </summary>
            <ol className="mt-2 space-y-2">
              {row.tries.map((t, i) => (
                <li key={i} className="space-y-1 rounded-fl bg-surface2 p-2 text-xs">
                  <p className="flex flex-wrap gap-x-4 gap-y-0.5">
                    <Timestamp date={t.attemptedAt} />
                    <span>Status: {t.statusCode ?? "no answer"}</span>
                    <span className="tabular-nums">{t.latencyMs} ms</span>
                  </p>
                  {t.error && <p className="break-words text-danger">{t.error}</p>}
                  {t.responseExcerpt && (
                    <pre tabIndex={0} aria-label="Response excerpt" className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded-fl bg-surface3 p-2 font-mono">
                      {t.responseExcerpt}
                    </pre>
                  )}
                </li>
              ))}
            </ol>
          </details>
        ) : (
          <p className="text-xs text-fg3">Not tried yet.</p>
        )}
        {canRedeliver && <RedeliverButton deliveryId={row.id} what={`${what}, ${deliveryStatusLabel(row.status)}`} />}
      </div>
    </li>
  );
}
