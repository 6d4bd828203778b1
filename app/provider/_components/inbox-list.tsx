"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import type { RequestState } from "@/lib/domain/connection-lifecycle";
import { buttonStyles, cardStyles, inlineLinkStyles } from "@/app/_components/ui";
import { fetchInbox, toView, type InboxData } from "../_lib/inbox-data";
import { asJsonError, SESSION_ENDED, type JsonError } from "@/app/_lib/json-client";
import { hasFilters, inboxDataUrl, inboxHref, viewHref, type InboxView } from "../_lib/inbox-url";
import { InboxTable } from "./inbox-table";
import { AutoRefresh } from "./auto-refresh";

/** The state tabs always shown, in this order; the others appear when they hold requests. */
const MAIN_TABS: RequestState[] = ["Pending", "Approved", "Rejected", "Disconnected"];
const OTHER_TABS: RequestState[] = ["Filed", "Creating", "Failed", "Withdrawn"];
const tabLabel = (s: RequestState | "all") => (s === "all" ? "All" : s);

type Failure = Pick<JsonError, "kind" | "message">;

/**
 * The inbox's list: state tabs with counts, the table and its pages. It loads its rows in the
 * browser from the data endpoint (GET /api/v1/provider/requests, the same read and the same
 * authorization as the API), so the page itself stays as light as any other page of the server.
 * It loads again whenever the view in the URL changes, whenever the server renders the page
 * again (`loadKey` changes: after a decision, or a refresh), on "Try again", and every second or
 * three while something shown is still being applied in Azure. `initial` is the list the server
 * rendered into the page (the plain view, for browsers without JavaScript).
 */
export function InboxList({ view, loadKey, initial }: { view: InboxView; loadKey: string; initial?: InboxData }) {
  const url = inboxDataUrl(view);
  const [tick, setTick] = useState(0);
  const key = `${url}\n${loadKey}\n${tick}`;
  // The last answer (kept while the next one loads), and how the last load of `key` ended.
  const [shown, setShown] = useState<{ url: string; data: InboxData } | null>(initial ? { url, data: initial } : null);
  const [settled, setSettled] = useState<{ key: string; failure: Failure | null } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchInbox(url, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setShown({ url, data });
        setSettled({ key, failure: null });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const { kind, message } = asJsonError(err);
        const failure = { kind, message };
        setSettled({ key, failure });
      },
    );
    return () => controller.abort();
  }, [key, url]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const loading = settled?.key !== key;
  const failure = loading ? null : settled.failure;
  // This view's rows; another view's rows never show under this view's tabs and filters.
  const data = shown?.url === url ? shown.data : null;
  // The counts stay while another view loads, so the tabs do not jump.
  const counts = shown?.data.counts ?? null;
  const rows = data?.items ?? [];
  const applying = rows.some((r) => r.pendingAction);
  const creating = rows.some((r) => r.state === "Filed" || r.state === "Creating");
  const href = (changes: Partial<InboxView> = {}) => inboxHref(view, changes);
  const tabs: (RequestState | "all")[] = [...MAIN_TABS, ...OTHER_TABS.filter((s) => (counts?.[s] ?? 0) > 0 || view.state === s), "all"];
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const now = new Date();

  return (
    <div className="space-y-4">
      {!failure && applying ? (
        <AutoRefresh intervalMs={1000} refresh={reload} busy={loading} message="Applying decisions in Azure; this list updates by itself." />
      ) : !failure && creating ? (
        <AutoRefresh intervalMs={3000} refresh={reload} busy={loading} message="Consumers' endpoints are being created; this list updates by itself." />
      ) : null}

      <nav aria-label="Requests by state">
        <ul className="flex flex-wrap gap-1 border-b border-stroke2">
          {tabs.map((s) => {
            const current = view.state === s;
            const count = !counts ? null : s === "all" ? total : counts[s];
            return (
              <li key={s}>
                <Link
                  href={href({ state: s })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center gap-2 border-b-2 px-3 text-sm ${
                    current ? "border-brand font-semibold text-fg1" : "border-transparent text-fg2 hover:border-stroke hover:text-fg1"
                  }`}
                >
                  {tabLabel(s)}
                  {count !== null && (
                    <span
                      className={`rounded-full px-2 text-xs font-semibold ${current ? "bg-brand text-on-brand" : "bg-surface3 text-fg2"}`}
                      data-testid={`count-${s === "all" ? "all" : s}`}
                    >
                      {count}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section className={cardStyles} aria-labelledby="inbox-results" aria-busy={loading}>
        <h2 id="inbox-results" className="sr-only">
          Requests
        </h2>
        {failure && <LoadFailure failure={failure} returnTo={viewHref(view)} stale={data !== null} onRetry={reload} />}
        {data ? (
          <>
            <InboxTable
              rows={rows.map((r) => toView(r, now))}
              caption={`${tabLabel(view.state)} connection requests, ${view.sort} first`}
              empty={<EmptyInbox view={view} firstPage={href()} />}
            />
            {(data.previousCursor || data.nextCursor) && (
              <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2 border-t border-stroke2 pt-4">
                {data.previousCursor ? (
                  <Link href={href({ before: data.previousCursor })} className={buttonStyles.secondary} rel="prev">
                    ← Previous page
                  </Link>
                ) : (
                  <span />
                )}
                {data.nextCursor ? (
                  <Link href={href({ cursor: data.nextCursor })} className={buttonStyles.secondary} rel="next">
                    Next page →
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        ) : (
          !failure && <LoadingRows count={Math.min(view.size, 8)} plainHref={viewHref(view, { plain: true })} />
        )}
      </section>
    </div>
  );
}

/** Why the list could not be loaded; `stale` when the list below is from an earlier load; `returnTo` after signing in. */
function LoadFailure({ failure, returnTo, stale, onRetry }: { failure: Failure; returnTo: string; stale: boolean; onRetry: () => void }) {
  const signedOut = failure.kind === "sign-in";
  const headline = signedOut ? SESSION_ENDED : stale ? "The list could not be refreshed; it shows what was loaded before." : "The requests could not be loaded.";
  // The JSON client already words an ended session as the headline does: say it once.
  const detail = failure.message === headline ? null : failure.message;
  return (
    <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-fl bg-danger-bg px-3 py-2 text-sm text-danger" data-testid="inbox-load-error">
      <p>
        <span className="font-semibold">{headline}</span> {detail}
      </p>
      {signedOut ? (
        <a href={`/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`} className={buttonStyles.secondary}>
          Sign in again
        </a>
      ) : (
        <button type="button" onClick={onRetry} className={buttonStyles.secondary}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Placeholder rows while the first page of a view loads; without JavaScript, a link to the plain view. */
function LoadingRows({ count, plainHref }: { count: number; plainHref: string }) {
  return (
    <div data-testid="inbox-loading">
      <p role="status" className="sr-only">
        Loading requests…
      </p>
      <noscript>
        <p className="py-6 text-center text-sm text-fg2">
          This list loads with JavaScript, which is off in this browser.{" "}
          <a href={plainHref} className="text-brand-fg underline">
            Show the requests without JavaScript
          </a>{" "}
          (to read them; deciding needs JavaScript).
        </p>
      </noscript>
      <div aria-hidden="true" className="space-y-3 py-2">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded-fl bg-surface3" />
        ))}
      </div>
    </div>
  );
}

function EmptyInbox({ view, firstPage }: { view: InboxView; firstPage: string }) {
  return (
    <div className="space-y-2 py-6 text-center" data-testid="inbox-empty">
      <p className="font-semibold">{emptyTitle(view)}</p>
      <p className="text-sm text-fg2">
        {view.cursor || view.before ? (
          <Link href={firstPage} className={inlineLinkStyles}>
            Back to the first page
          </Link>
        ) : hasFilters(view) ? (
          <>
            Nothing matches these filters.{" "}
            <Link href={inboxHref({ state: view.state, sort: view.sort, size: view.size, plain: view.plain })} className={inlineLinkStyles}>
              Clear the filters
            </Link>
            .
          </>
        ) : view.state === "Pending" ? (
          "New requests show up here as soon as a consumer files one, or Crosslink finds one on a managed resource in Azure."
        ) : null}
      </p>
    </div>
  );
}

function emptyTitle(view: InboxView): string {
  if (view.cursor || view.before) return "No more requests on this side.";
  if (view.state === "all") return "No connection requests yet.";
  return `No ${view.state.toLowerCase()} requests.`;
}
