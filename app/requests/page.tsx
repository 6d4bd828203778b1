import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listMyRequests, REQUEST_STATES, requestStateSchema } from "@/lib/connections/queries";
import { requirePrincipal } from "@/app/_lib/session";
import { StateBadge } from "@/app/_components/state-badge";
import { cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "My requests" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyRequestsPage({ searchParams }: Props) {
  const principal = await requirePrincipal();
  const params = await searchParams;
  const state = requestStateSchema.safeParse(params.state);
  const requests = await listMyRequests(getDb(), principal, { state: state.success ? state.data : undefined });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">My requests</h1>
        <p className="text-fg2">Connection requests filed by {principal.tenantName}.</p>
      </div>
      <nav aria-label="Filter by state" className="flex flex-wrap gap-2">
        <FilterLink href="/requests" active={!state.success} label="All" />
        {REQUEST_STATES.map((s) => (
          <FilterLink key={s} href={`/requests?state=${s}`} active={state.success && state.data === s} label={s} />
        ))}
      </nav>
      <section className={cardStyles}>
        {requests.length === 0 ? (
          <p className="text-fg2" data-testid="requests-empty">
            {state.success ? `No ${state.data.toLowerCase()} requests.` : "Your organization has not filed any connection requests yet."}
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Connection requests</caption>
            <thead className="text-fg3">
              <tr>
                <th scope="col" className="py-2">Target</th>
                <th scope="col">Group</th>
                <th scope="col">State</th>
                <th scope="col">Filed</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="border-t border-stroke2">
                  <td className="py-2 font-mono text-xs">{r.targetResourceId}</td>
                  <td>{r.groupId}</td>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td>{r.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function FilterLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand bg-brand-subtle font-semibold text-brand-fg" : "border-stroke text-fg2 hover:bg-surface2"}`}
    >
      {label}
    </Link>
  );
}
