"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import Link from "next/link";
import type { RequestState } from "@/lib/domain/connection-lifecycle";
import { buttonStyles, cardStyles, inlineLinkStyles } from "@/app/_components/ui";
import { useInboxMark } from "@/app/_components/live/activity-store";
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
/** A list, and the view it is of. */
type Shown = { url: string; data: InboxData };
/**
 * A load of the list in the browser. `reload`: asked for (Try again, polling while Azure works):
 * shown as soon as it arrives. `live`: the inbox changed somewhere (a new request, someone
 * else's decision): shown at once only if it moves no row under the person (see `engaged`).
 */
type Load = { url: string; reason: "reload" | "live" };

const ids = (data: InboxData) => data.items.map((i) => i.id);
const plural = (n: number) => `${n} new request${n === 1 ? "" : "s"}`;

/**
 * The inbox's list: state tabs with counts, the table and its pages. It loads its rows in the
 * browser from the data endpoint (GET /api/v1/provider/requests, the same read and authorization
 * as the API), once per render of the page (`loadKey`: navigation, a refresh after a decision);
 * until they arrive the tabs show `initialCounts` when the page has them. The plain view (no
 * JavaScript) brings its rows rendered on the server instead (`initial`, as of `renderedAt`).
 * Then it loads the list again only when something changed:
 * - when the inbox's fingerprint in the header's activity poll differs from the one of the rows
 *   shown (`initialMark`, see inboxChangeMark): a new request, or a state change anywhere;
 * - every second or three while something shown is still being applied in Azure, and on "Try again".
 * A live change that would move rows under someone who has selected rows or scrolled into the
 * list waits behind a "2 new requests — Show" button; otherwise it shows at once.
 */
export function InboxList({
  view,
  loadKey,
  initial,
  initialMark,
  initialCounts,
  renderedAt,
}: {
  view: InboxView;
  loadKey: string;
  initial?: InboxData;
  initialMark: string;
  initialCounts: InboxData["counts"] | null;
  renderedAt: string;
}) {
  const url = inboxDataUrl(view);
  const [adopted, setAdopted] = useState(loadKey);
  const [shown, setShown] = useState<Shown | null>(() => (initial ? { url, data: initial } : null));
  const [held, setHeld] = useState<Shown | null>(null);
  const [seenMark, setSeenMark] = useState(initialMark);
  const [load, setLoad] = useState<Load | null>(() => (initial ? null : { url, reason: "reload" }));
  const [done, setDone] = useState<Load | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [arrived, setArrived] = useState<{ text: string; at: number } | null>(null);
  const [clock, setClock] = useState(() => Date.parse(renderedAt));
  const selectedCount = useRef(0);
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mark = useInboxMark();

  // A new render of the page: the list loads afresh (or takes the plain view's rows), replacing
  // any load under way. The rows shown stay until the new ones arrive if they are of this view.
  if (adopted !== loadKey) {
    setAdopted(loadKey);
    setShown(initial ? { url, data: initial } : (current) => (current?.url === url ? current : null));
    setClock(Date.parse(renderedAt));
    setHeld(null);
    setFailure(null);
    setLoad(initial ? null : { url, reason: "reload" });
    setSeenMark(initialMark);
  } else if (mark !== null && mark !== seenMark) {
    // The inbox changed since the rows shown were read: load the list again (a reload under way
    // stays a reload, so what it was asked for still shows at once).
    setSeenMark(mark);
    setLoad((current) => ({ url, reason: current && current !== done && current.reason === "reload" ? "reload" : "live" }));
  }

  // Someone is at work on the rows: they have selected some, or scrolled into the list.
  const engaged = () => selectedCount.current > 0 || (sectionRef.current?.getBoundingClientRect().top ?? 0) < 0;

  const receive = useEffectEvent((loaded: Load, data: InboxData) => {
    const next = { url: loaded.url, data };
    const at = Date.now();
    setFailure(null);
    setDone(loaded);
    setClock(at);
    const before = shown ? ids(shown.data) : [];
    const after = ids(data);
    const moves = before.join("\n") !== after.join("\n");
    if (!shown || loaded.reason === "reload" || !moves || !engaged()) {
      setShown(next);
      setHeld(null);
      const fresh = after.filter((id) => !before.includes(id)).length;
      if (loaded.reason === "live" && fresh > 0) setArrived({ text: `${plural(fresh)} arrived.`, at });
    } else {
      setHeld(next);
    }
  });

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    fetchInbox(load.url, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) receive(load, data);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const { kind, message } = asJsonError(err);
        setFailure({ kind, message });
        setDone(load);
      },
    );
    return () => controller.abort();
  }, [load]);

  // Ages ("3 min ago") are counted from the last load, and move on while nothing else changes.
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const reload = useCallback(() => setLoad({ url, reason: "reload" }), [url]);
  const onSelectionChange = useCallback((count: number) => {
    selectedCount.current = count;
  }, []);
  const showHeld = () => {
    if (!held) return;
    setShown(held);
    setHeld(null);
    sectionRef.current?.scrollIntoView({ block: "start" });
    headingRef.current?.focus({ preventScroll: true });
  };

  const loading = load !== null && load !== done;
  const data = shown?.data ?? null;
  // The newest counts, even while their rows wait behind the button: counts move no row.
  const counts = (held ?? shown)?.data.counts ?? initialCounts;
  const rows = data?.items ?? [];
  const heldNew = held ? ids(held.data).filter((id) => !rows.some((r) => r.id === id)).length : 0;
  const applying = rows.some((r) => r.pendingAction);
  const creating = rows.some((r) => r.state === "Filed" || r.state === "Creating");
  const href = (changes: Partial<InboxView> = {}) => inboxHref(view, changes);
  const tabs: (RequestState | "all")[] = [...MAIN_TABS, ...OTHER_TABS.filter((s) => (counts?.[s] ?? 0) > 0 || view.state === s), "all"];
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const now = new Date(clock);

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
                    <span className={`rounded-full px-2 text-xs font-semibold ${current ? "bg-brand text-on-brand" : "bg-surface3 text-fg2"}`} data-testid={`count-${s === "all" ? "all" : s}`}>
                      {count}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section ref={sectionRef} className={`${cardStyles} scroll-mt-4`} aria-labelledby="inbox-results" aria-busy={loading}>
        <h2 id="inbox-results" ref={headingRef} tabIndex={-1} className="sr-only">
          Requests
        </h2>
        {/* Polite: new rows are announced, never moved under the reader's focus. */}
        <div role="status" className="sticky top-2 z-10" data-testid="inbox-live">
          {held ? (
            <p className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-fl bg-brand-subtle px-3 py-2 text-sm text-brand-fg shadow-sm" data-testid="inbox-new-rows">
              <span className="font-semibold">{heldNew > 0 ? plural(heldNew) : "The list has changed"}</span>
              <button type="button" onClick={showHeld} className={buttonStyles.secondary}>
                Show
              </button>
            </p>
          ) : arrived ? (
            <span key={arrived.at} className="sr-only">
              {arrived.text}
            </span>
          ) : null}
        </div>
        {failure && <LoadFailure failure={failure} stale={data !== null} returnTo={viewHref(view)} onRetry={reload} />}
        {data ? (
          <>
            <InboxTable
              rows={rows.map((r) => toView(r, now))}
              caption={`${tabLabel(view.state)} connection requests, ${view.sort} first`}
              empty={<EmptyInbox view={view} firstPage={href()} />}
              onSelectionChange={onSelectionChange}
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
function LoadFailure({ failure, stale, returnTo, onRetry }: { failure: Failure; stale: boolean; returnTo: string; onRetry: () => void }) {
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
          <a href={plainHref} className={inlineLinkStyles}>
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
