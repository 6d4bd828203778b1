import type { Metadata } from "next";
import { recentAuditEvents } from "@/lib/audit/queries";
import { auditActionWords } from "@/lib/audit/action-words";
import { ScrollArea } from "@/app/_components/scroll-area";
import { Timestamp } from "@/app/_components/timestamp";
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
        {/* Narrow screens: the columns wrap inside their cells (each with room around it) rather than run together. */}
        <ScrollArea label="Audit events">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="text-fg3">
              <tr>
                <th scope="col" className="py-2 pr-3 text-right">
                  #
                </th>
                <th scope="col" className="py-2 pr-3">
                  When
                </th>
                <th scope="col" className="py-2 pr-3">
                  Who
                </th>
                <th scope="col" className="py-2">
                  Action
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq} className="border-t border-stroke2 align-top">
                  <td className="py-2 pr-3 text-right tabular-nums">{e.seq}</td>
                  <td className="py-2 pr-3 tabular-nums">
                    <Timestamp date={e.occurredAt} />
                  </td>
                  <td className="py-2 pr-3 break-words">{e.actorLabel}</td>
                  <td className="py-2">
                    <span data-testid="audit-action">{auditActionWords(e.action)}</span>
                    <span className="block break-all font-mono text-xs text-fg3">{e.action}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
    </div>
  );
}
