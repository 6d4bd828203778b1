import type { Metadata } from "next";
import Link from "next/link";
import { myRequests, myRequestsQuerySchema } from "@/lib/connections/my-requests";
import { REQUEST_STATES, type RequestState } from "@/lib/domain/connection-lifecycle";
import { inProgressLabel, STATE_WORDS } from "@/lib/domain/request-words";
import { targetTypeLabel } from "@/lib/domain/private-link-catalog";
import { ScrollArea } from "@/app/_components/scroll-area";
import { pageData } from "@/app/_lib/page";
import { StateBadge } from "@/app/_components/state-badge";
import { Timestamp } from "@/app/_components/timestamp";
import { buttonStyles, cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "My requests" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyRequestsPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = myRequestsQuerySchema.parse({ state: single(params.state), cursor: single(params.cursor) });
  const { principal, page } = await pageData({}, async ({ principal, services }) => ({ principal, page: await myRequests(services.db, principal, query) }));
  const { rows, nextCursor, counts } = page;
  const total = REQUEST_STATES.reduce((n, s) => n + counts[s], 0);
  const now = new Date();
  const href = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries(extra).filter((e): e is [string, string] => Boolean(e[1])));
    const text = search.toString();
    return text ? `/requests?${text}` : "/requests";
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">My requests</h1>
          <p className="text-fg2">Connection requests filed by {principal.tenantName}.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/requests/register" className={buttonStyles.secondary}>
            Register an existing endpoint
          </Link>
          <Link href="/requests/new" className={buttonStyles.primary}>
            New request
          </Link>
        </div>
      </div>

      <nav aria-label="Filter by state" className="flex flex-wrap gap-2">
        <FilterLink href="/requests" active={!query.state} label="All" count={total} />
        {REQUEST_STATES.map((s) => (
          <FilterLink key={s} href={href({ state: s })} active={query.state === s} label={s} count={counts[s]} />
        ))}
      </nav>

      <section className={cardStyles} aria-label="Requests">
        {rows.length === 0 ? (
          <div className="space-y-3 py-4 text-center">
            <p className="text-fg2" data-testid="requests-empty">
              {query.state
                ? query.cursor
                  ? "No more requests."
                  : `No ${query.state.toLowerCase()} requests.`
                : "Your organization has not filed any connection requests yet."}
            </p>
            {!query.state && (
              <p>
                <Link href="/requests/new" className={buttonStyles.primary}>
                  File your first request
                </Link>
              </p>
            )}
          </div>
        ) : (
          <ScrollArea label="Connection requests">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Connection requests{query.state ? `, ${query.state}` : ""}, newest first
              </caption>
              <thead className="text-fg3">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    State
                  </th>
                  <th scope="col" className="pr-4">
                    Target
                  </th>
                  <th scope="col" className="pr-4">
                    Endpoint
                  </th>
                  <th scope="col" className="pr-4">
                    Filed
                  </th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-stroke2 align-top" data-request-id={r.id}>
                    <td className="py-2.5 pr-4">
                      <span title={STATE_WORDS[r.state as RequestState]?.forConsumer}>
                        <StateBadge state={r.state} />
                      </span>
                      {r.pendingAction && <span className="mt-1 block text-xs text-fg3">{inProgressLabel(r.pendingAction)}</span>}
                    </td>
                    <td className="py-2.5 pr-4">
                      <Link href={`/requests/${r.id}`} className="font-semibold text-brand-fg hover:underline">
                        {r.targetName || r.targetResourceId}
                      </Link>
                      <span className="block text-xs text-fg3">
                        {targetTypeLabel(r.targetType, r.targetKind)}
                        {r.groupId ? ` · ${r.groupId}` : ""}
                        {r.source === "registered" ? " · registered" : ""}
                      </span>
                    </td>
                    <td className="py-2.5 pr-4">
                      <span className="break-all font-mono text-xs">{r.endpointName ?? "—"}</span>
                      {r.endpointLocation && <span className="block text-xs text-fg3">{r.endpointLocation}</span>}
                    </td>
                    <td className="py-2.5 pr-4">
                      <Timestamp date={r.createdAt} now={now} className="whitespace-nowrap" />
                      {r.requesterName && <span className="block text-xs text-fg3">{r.requesterName}</span>}
                    </td>
                    <td className="py-2.5">
                      <Timestamp date={r.updatedAt} now={now} className="whitespace-nowrap" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
        {(nextCursor || query.cursor) && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between border-t border-stroke2 pt-3">
            {query.cursor ? (
              <Link href={href({ state: query.state })} className={buttonStyles.subtle}>
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {nextCursor && (
              <Link href={href({ state: query.state, cursor: nextCursor })} className={buttonStyles.secondary}>
                Older requests →
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function FilterLink({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm ${
        active ? "border-brand bg-brand-subtle font-semibold text-brand-fg" : "border-stroke text-fg2 hover:bg-surface2"
      }`}
    >
      {label}
      <span className="text-xs tabular-nums text-fg3">{count}</span>
    </Link>
  );
}
