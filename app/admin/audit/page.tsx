import type { Metadata } from "next";
import { recentAuditEvents } from "@/lib/audit/queries";
import { pageData } from "@/app/_lib/page";
import { cardStyles } from "@/app/_components/ui";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditTrailPage() {
  const { events, verdict } = await pageData({ role: "admin" }, ({ principal, services }) => recentAuditEvents(services.db, principal));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit trail</h1>
        <p className="text-fg2">Every action, newest first. Each entry is chained to the one before it by a hash.</p>
      </div>
      <p
        role="status"
        data-testid="audit-verdict"
        className={`rounded-fl px-3 py-2 text-sm ${verdict.ok ? "bg-success-bg text-success" : "bg-danger-bg text-danger"}`}
      >
        {verdict.ok
          ? `Chain intact: ${verdict.checked} event${verdict.checked === 1 ? "" : "s"} verified.`
          : `Chain broken at event #${verdict.brokenAtSeq}: ${verdict.reason}.`}
      </p>
      <section className={cardStyles}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events</caption>
          <thead className="text-fg3">
            <tr>
              <th scope="col" className="py-2">#</th>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq} className="border-t border-stroke2">
                <td className="py-2">{e.seq}</td>
                <td>{e.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{e.actorLabel}</td>
                <td className="font-mono text-xs">{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
