import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { countManagedResources, countRequestsByStateForProvider } from "@/lib/connections/queries";
import { requirePrincipal } from "@/app/_lib/session";
import { cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "Provider inbox" };

export default async function ProviderInboxPage() {
  const principal = await requirePrincipal({ role: "provider" });
  const db = getDb();
  const [counts, resources] = await Promise.all([countRequestsByStateForProvider(db, principal), countManagedResources(db, principal)]);
  const shown = ["Pending", "Approved", "Rejected", "Disconnected"] as const;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Provider inbox</h1>
        <p className="text-fg2">
          Connection requests to {principal.tenantName}&apos;s resources. {resources} resource{resources === 1 ? "" : "s"} managed by Crosslink.
        </p>
      </div>
      <section aria-label="Requests by state" className="grid gap-4 sm:grid-cols-4">
        {shown.map((state) => (
          <div key={state} className={cardStyles}>
            <p className="text-sm text-fg3">{state}</p>
            <p className="text-3xl font-semibold" data-testid={`count-${state}`}>
              {counts[state]}
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}
