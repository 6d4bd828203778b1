import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { providerInbox, inboxFilterOptions, type InboxRow } from "@/lib/connections/provider-inbox";
import { encodeCursor } from "@/lib/connections/cursor";
import { availableCommands, type RequestState } from "@/lib/domain/connection-lifecycle";
import { requirePrincipal } from "@/app/_lib/session";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { decisionsOf, exactTime, pendingLabel, relativeAge, targetTypeLabel } from "./_lib/format";
import { hasFilters, inboxHref, parseInboxView, type InboxView } from "./_lib/inbox-url";
import { InboxTable, type InboxRowView } from "./_components/inbox-table";
import { AutoRefresh } from "./_components/auto-refresh";

export const metadata: Metadata = { title: "Provider inbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The state tabs always shown, in this order; the others appear when they hold requests. */
const MAIN_TABS: RequestState[] = ["Pending", "Approved", "Rejected", "Disconnected"];
const OTHER_TABS: RequestState[] = ["Filed", "Creating", "Failed", "Withdrawn"];

export default async function ProviderInboxPage({ searchParams }: Props) {
  const principal = await requirePrincipal({ role: "provider" });
  const params = await searchParams;
  const view = parseInboxView(params);
  const sizeParam = Number(Array.isArray(params.size) ? params.size[0] : params.size);
  // Any size from 1 to 100 in the URL; the form offers the usual ones.
  const size = Number.isInteger(sizeParam) && sizeParam >= 1 && sizeParam <= 100 ? sizeParam : 25;
  const sizes = [...new Set([...PAGE_SIZES, size])].sort((a, b) => a - b);
  const db = getDb();

  const filters = { state: view.state === "all" ? undefined : view.state, resource: view.resource, tenant: view.tenant, q: view.q, limit: size };
  const [page, options] = await Promise.all([loadPage(db, principal, view, filters), inboxFilterOptions(db, principal)]);
  const managed = options.managedCount;
  const { rows, counts, hasNext, hasPrevious } = page;
  const sizeChange = size === 25 ? {} : { size };
  const href = (changes: Partial<InboxView> = {}) => withSize(inboxHref(view, changes), sizeChange);

  const now = new Date();
  const shown: InboxRowView[] = rows.map((r) => toView(r, now));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs: (RequestState | "all")[] = [...MAIN_TABS, ...OTHER_TABS.filter((s) => counts[s] > 0 || view.state === s), "all"];
  const tabLabel = (s: RequestState | "all") => (s === "all" ? "All" : s);
  const applying = rows.some((r) => r.pendingAction);
  const creating = rows.some((r) => r.state === "Filed" || r.state === "Creating");
  const first = rows[0];
  const last = rows[rows.length - 1];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Provider inbox</h1>
          <p className="text-fg2">
            Connection requests to {principal.tenantName}&apos;s resources.{" "}
            <Link href="/provider/resources" className="text-brand-fg hover:underline">
              {managed} resource{managed === 1 ? "" : "s"} managed by Crosslink
            </Link>
            .
          </p>
        </div>
        {applying ? (
          <AutoRefresh intervalMs={1000} message="Applying decisions in Azure; this list updates by itself." />
        ) : creating ? (
          <AutoRefresh intervalMs={3000} message="Consumers' endpoints are being created; this list updates by itself." />
        ) : null}
      </div>

      {managed === 0 && (
        <p className="rounded-fl bg-warning-bg px-3 py-2 text-sm text-warning">
          No resource is registered yet, so consumers cannot file requests.{" "}
          <Link href="/provider/resources" className="font-semibold underline">
            Register resources
          </Link>
          .
        </p>
      )}

      <nav aria-label="Requests by state">
        <ul className="flex flex-wrap gap-1 border-b border-stroke2">
          {tabs.map((s) => {
            const current = view.state === s;
            const count = s === "all" ? total : counts[s];
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
                  <span
                    className={`rounded-full px-2 text-xs font-semibold ${current ? "bg-brand text-on-brand" : "bg-surface3 text-fg2"}`}
                    data-testid={`count-${s === "all" ? "all" : s}`}
                  >
                    {count}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Form action="/provider" className="flex flex-wrap items-end gap-3 rounded-fl-lg border border-stroke2 bg-surface p-4 shadow-sm" aria-label="Filter requests">
        {view.state !== "Pending" && <input type="hidden" name="state" value={view.state} />}
        <Field label="Search" htmlFor="inbox-q" grow>
          <input
            id="inbox-q"
            name="q"
            type="search"
            defaultValue={view.q ?? ""}
            maxLength={200}
            placeholder="Message, app, requester, tenant, endpoint…"
            className="min-h-8 w-full rounded-fl border border-stroke bg-surface px-2 text-sm"
          />
        </Field>
        <Field label="Resource" htmlFor="inbox-resource">
          {options.resources ? (
            <select id="inbox-resource" name="resource" defaultValue={view.resource ?? ""} className={selectStyles}>
              <option value="">All resources</option>
              {options.resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          ) : (
            // Too many resources for a list: the exact name, e.g. contoso-orders or contoso-orders/staging.
            <input
              id="inbox-resource"
              name="resource"
              type="text"
              defaultValue={view.resource ?? ""}
              maxLength={64}
              placeholder={`Name (${options.resourceCount} resources)`}
              className="min-h-8 w-48 rounded-fl border border-stroke bg-surface px-2 text-sm"
            />
          )}
        </Field>
        <Field label="Consumer tenant" htmlFor="inbox-tenant">
          <select id="inbox-tenant" name="tenant" defaultValue={view.tenant ?? ""} className={selectStyles}>
            <option value="">All tenants</option>
            {options.tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sort" htmlFor="inbox-sort">
          <select id="inbox-sort" name="sort" defaultValue={view.sort} className={selectStyles}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </Field>
        <Field label="Per page" htmlFor="inbox-size">
          <select id="inbox-size" name="size" defaultValue={String(size)} className={selectStyles}>
            {sizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex gap-2">
          <button type="submit" className={buttonStyles.primary}>
            Apply
          </button>
          {(hasFilters(view) || view.sort !== "newest" || size !== 25) && (
            <Link href={inboxHref({ state: view.state, sort: "newest" })} className={buttonStyles.subtle}>
              Clear
            </Link>
          )}
        </div>
      </Form>

      <section className={cardStyles} aria-labelledby="inbox-results">
        <h2 id="inbox-results" className="sr-only">
          Requests
        </h2>
        <InboxTable
          rows={shown}
          caption={`${tabLabel(view.state)} connection requests, ${view.sort} first`}
          empty={
              <div className="space-y-2 py-6 text-center" data-testid="inbox-empty">
                <p className="font-semibold">{emptyTitle(view)}</p>
                <p className="text-sm text-fg2">
                  {view.cursor || view.before ? (
                    <Link href={href()} className="text-brand-fg hover:underline">
                      Back to the first page
                    </Link>
                  ) : hasFilters(view) ? (
                    <>
                      Nothing matches these filters.{" "}
                      <Link href={inboxHref({ state: view.state, sort: view.sort })} className="text-brand-fg hover:underline">
                        Clear the filters
                      </Link>
                      .
                    </>
                  ) : view.state === "Pending" ? (
                    "New requests show up here as soon as a consumer files one, or Crosslink finds one on a managed resource in Azure."
                  ) : null}
                </p>
              </div>
          }
        />

        {(hasPrevious || hasNext) && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2 border-t border-stroke2 pt-4">
            {hasPrevious && first ? (
              <Link href={href({ before: encodeCursor(first) })} className={buttonStyles.secondary} rel="prev">
                ← Previous page
              </Link>
            ) : (
              <span />
            )}
            {hasNext && last ? (
              <Link href={href({ cursor: encodeCursor(last) })} className={buttonStyles.secondary} rel="next">
                Next page →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

const selectStyles = "min-h-8 rounded-fl border border-stroke bg-surface px-2 text-sm";

function Field({ label, htmlFor, grow, children }: { label: string; htmlFor: string; grow?: boolean; children: React.ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${grow ? "min-w-[14rem] flex-1" : ""}`}>
      <label htmlFor={htmlFor} className="text-xs font-semibold text-fg2">
        {label}
      </label>
      {children}
    </div>
  );
}

function emptyTitle(view: InboxView): string {
  if (view.cursor || view.before) return "No more requests on this side.";
  if (view.state === "all") return "No connection requests yet.";
  return `No ${view.state.toLowerCase()} requests.`;
}

function withSize(href: string, change: { size?: number }): string {
  if (!change.size) return href;
  return `${href}${href.includes("?") ? "&" : "?"}size=${change.size}`;
}

type Filters = { state?: RequestState; resource?: string; tenant?: string; q?: string; limit: number };

/**
 * One page of keyset paging in either direction: "next" asks for rows after the last one shown;
 * "previous" asks for rows before the first one, in the opposite order, and turns them around.
 */
async function loadPage(db: ReturnType<typeof getDb>, principal: Awaited<ReturnType<typeof requirePrincipal>>, view: InboxView, filters: Filters) {
  if (view.before) {
    const result = await providerInbox(db, principal, { ...filters, sort: view.sort === "newest" ? "oldest" : "newest", cursor: view.before });
    return { rows: [...result.rows].reverse(), counts: result.counts, hasPrevious: result.nextCursor !== null, hasNext: true };
  }
  const result = await providerInbox(db, principal, { ...filters, sort: view.sort, cursor: view.cursor });
  return { rows: result.rows, counts: result.counts, hasPrevious: Boolean(view.cursor), hasNext: result.nextCursor !== null };
}

function toView(r: InboxRow, now: Date): InboxRowView {
  // What the table shows as it is goes through; the rest is put in words here. Nothing else is
  // sent, because every field crosses to the browser in the page's payload.
  const { pendingAction, createdAt, updatedAt: _updatedAt, targetType, ...shownAsIs } = r;
  return {
    ...shownAsIs,
    pendingLabel: pendingAction ? pendingLabel(pendingAction) : null,
    age: relativeAge(createdAt, now),
    exactTime: exactTime(createdAt),
    createdAtIso: createdAt.toISOString(),
    targetTypeLabel: targetTypeLabel(targetType),
    // Only what the lifecycle offers the provider, and nothing while a change is being applied.
    decisions: pendingAction ? [] : decisionsOf(availableCommands(r.state as RequestState, "provider")),
  };
}
