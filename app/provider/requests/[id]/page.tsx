import type { Metadata } from "next";
import { DetailItem } from "@/app/_components/detail-item";
import Link from "next/link";
import { requestForProvider } from "@/lib/connections/request-detail";
import { decisionHeadline, ENDPOINT_WORDS, inProgressLabel, wordsFor } from "@/lib/domain/request-words";
import { targetTypeLabel } from "@/lib/domain/private-link-catalog";
import { pageData } from "@/app/_lib/page";
import { isSettled } from "@/lib/domain/connection-lifecycle";
import { StateBadge } from "@/app/_components/state-badge";
import { Timeline } from "@/app/_components/timeline";
import { Timestamp } from "@/app/_components/timestamp";
import { cardStyles } from "@/app/_components/ui";
import { decisionsOf } from "../../_lib/format";
import { DecisionBar } from "../../_components/decision-button";
import { AutoRefresh } from "../../_components/auto-refresh";

export const metadata: Metadata = { title: "Connection request" };

type Props = { params: Promise<{ id: string }> };

const SOURCES: Record<string, string> = {
  portal: "Filed through Crosslink",
  registered: "An existing private endpoint the consumer registered",
  discovered: "Found in Azure (created outside Crosslink)",
};


export default async function ProviderRequestPage({ params }: Props) {
  const { id } = await params;
  // Unknown, malformed and other tenants' IDs look the same: not found.
  const view = await pageData({ role: "provider" }, ({ principal, services }) => requestForProvider(services.db, principal, id));
  const now = new Date();
  const decisions = decisionsOf(view.actions);
  const requester = view.requester;
  const decider = view.decidedByLabel;
  const settling = !isSettled(view.state, view.pendingAction);
  // Withdrawn: the consumer's endpoint was deleted in Azure, so its ID and address lead nowhere.
  const endpointDeleted = view.state === "Withdrawn" && Boolean(view.endpointResourceId);

  return (
    <div className="space-y-6">
      <Link href="/provider" className="text-sm text-brand-fg hover:underline">
        ← Provider inbox
      </Link>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold wrap-anywhere">
            {view.targetName || "Connection request"}
            <span data-testid="request-state">
              <StateBadge state={view.state} />
            </span>
          </h1>
          <p className="text-fg2">
            Requested by {requester?.displayName ?? "an unknown user"} of {view.consumerTenant.displayName},{" "}
            <Timestamp date={view.createdAt} now={now} />
            .
          </p>
        </div>
        {/* Always rendered, so an open dialog survives the page refreshing under it. */}
        <DecisionBar
          decisions={decisions}
          subject={{
            requestId: view.id,
            version: view.version,
            state: view.state,
            targetName: view.targetName,
            consumerTenantName: view.consumerTenant.displayName,
            requesterName: requester?.displayName ?? null,
          }}
        />
      </div>

      {view.pendingAction && (
        <div className="rounded-fl bg-brand-subtle px-4 py-3 text-sm text-brand-fg" data-testid="pending-action">
          <p className="font-semibold">{view.progress ?? inProgressLabel(view.pendingAction)}</p>
          {decider && view.pendingAction !== "withdraw" && (
            <p>
              {wordsFor(view.pendingAction)?.noun ?? "Change"} recorded by {decider}; the state changes once Azure has confirmed it.
            </p>
          )}
        </div>
      )}
      {!view.pendingAction && (view.state === "Filed" || view.state === "Creating") && view.progress && (
        <p className="rounded-fl bg-brand-subtle px-4 py-3 text-sm text-brand-fg">{view.progress}</p>
      )}
      {settling && <AutoRefresh intervalMs={view.pendingAction ? 1000 : 3000} message="This page updates by itself until Azure has finished." />}
      {view.lastError && (
        <p role="alert" className="rounded-fl bg-danger-bg px-4 py-3 text-sm text-danger" data-testid="last-error">
          <span className="font-semibold">The last change failed in Azure:</span> {view.lastError}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <section className={`${cardStyles} min-w-0 lg:col-span-2`} aria-labelledby="details-title">
          <h2 id="details-title" className="mb-3 text-lg font-semibold">
            Request
          </h2>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
            <DetailItem term="Target">
              <span className="font-semibold">{view.targetName}</span> <span className="text-fg3">· {targetTypeLabel(view.targetType, view.providerResource?.kind)}</span>
              <div className="break-all font-mono text-xs text-fg3">{view.targetResourceId}</div>
            </DetailItem>
            <DetailItem term="Group ID">
              <span className="font-mono">{view.groupId || "—"}</span>
            </DetailItem>
            <DetailItem term="Consumer tenant">
              {view.consumerTenant.displayName}
              <div className="font-mono text-xs text-fg3">{view.consumerTenant.id}</div>
            </DetailItem>
            <DetailItem term="Requested by">
              {requester?.displayName ?? "Unknown"}
              {(requester?.email ?? requester?.username) && <div className="text-xs text-fg3">{requester?.email ?? requester?.username}</div>}
            </DetailItem>
            <DetailItem term="Message">
              <span data-testid="request-message">{view.requestMessage || <span className="text-fg3">No message</span>}</span>
            </DetailItem>
            <DetailItem term="Private endpoint">
              {endpointDeleted ? (
                <span className="text-fg3" data-testid="endpoint-deleted">
                  {ENDPOINT_WORDS.deleted}
                </span>
              ) : view.endpointResourceId ? (
                <span className="break-all font-mono text-xs" data-testid="endpoint-id">
                  {view.endpointResourceId}
                </span>
              ) : (
                <span className="text-fg3">{view.state === "Withdrawn" ? ENDPOINT_WORDS.neverCreated : ENDPOINT_WORDS.notCreated}</span>
              )}
              {view.endpointLocation && <div className="text-xs text-fg3">Region: {view.endpointLocation}</div>}
            </DetailItem>
            {view.privateIps.length > 0 && !endpointDeleted && (
              <DetailItem term="Private IP addresses">
                <span className="font-mono text-xs">{[...new Set(view.privateIps.flatMap((p) => p.ips))].join(", ")}</span>
              </DetailItem>
            )}
            <DetailItem term="Source">{SOURCES[view.source] ?? view.source}</DetailItem>
            <DetailItem term="Filed">
              <Timestamp date={view.createdAt} />
            </DetailItem>
            <DetailItem term="Decision">
              {decider && view.decidedAt ? (
                <span data-testid="decision">
                  {view.pendingAction ? "Being applied: " : ""}
                  {decisionHeadline(view.state, view.pendingAction)} by {decider}, <Timestamp date={view.decidedAt} />
                  {view.decisionNote && <span className="block text-fg2">“{view.decisionNote}”</span>}
                </span>
              ) : (
                <span className="text-fg3">No decision yet</span>
              )}
            </DetailItem>
          </dl>
        </section>

        <Timeline steps={view.transitions} />
      </div>
    </div>
  );
}
