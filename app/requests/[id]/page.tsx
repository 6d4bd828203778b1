import type { Metadata } from "next";
import Link from "next/link";
import { requestForConsumer, type RequestView } from "@/lib/connections/request-detail";
import { isSettled } from "@/lib/domain/connection-lifecycle";
import { parseResourceId } from "@/lib/domain/resource-id";
import { ENDPOINT_WORDS, possessive } from "@/lib/domain/request-words";
import { targetTypeLabel } from "@/lib/domain/private-link-catalog";
import { pageData } from "@/app/_lib/page";
import { StateBadge } from "@/app/_components/state-badge";
import { Timeline } from "@/app/_components/timeline";
import { Timestamp } from "@/app/_components/timestamp";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { lastSegment } from "../_components/format";
import { CopyButton } from "../_components/copy-button";
import { LiveStatus } from "./live-status";
import { RequestActions } from "./request-actions";
import { DnsGuideSection } from "./dns-guide";
import { StepUpPanel } from "./step-up-panel";

export const metadata: Metadata = { title: "Request" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestPage({ params, searchParams }: Props) {
  const { id } = await params;
  // Back from the sign-in that Azure asked for (StepUpPanel's link).
  const signedInAgain = (await searchParams).stepUp === "done";
  // Unknown, malformed and other tenants' IDs look the same: not found.
  const view = await pageData({}, ({ principal, services }) => requestForConsumer(services.db, principal, id, services.config.cloud));
  const subnet = view.subnetId ? parseResourceId(view.subnetId, { expect: ["subnet"] }) : null;
  const subnetInfo = subnet?.ok && subnet.kind === "subnet" ? subnet : null;
  const providerName = view.providerResource?.tenant.displayName ?? "The provider";
  const decidedBy = view.decidedByLabel;
  const settled = isSettled(view.state, view.pendingAction);
  const ips = [...new Set(view.privateIps.flatMap((p) => p.ips))];
  // Withdrawn: the endpoint was deleted in Azure, so its ID and address no longer lead anywhere.
  const endpointDeleted = view.state === "Withdrawn" && Boolean(view.endpointResourceId);
  const label = targetTypeLabel(view.targetType, view.providerResource?.kind);
  const newRequestHref = `/requests/new?${new URLSearchParams({ target: view.targetResourceId, ...(view.groupId ? { groupId: view.groupId } : {}) })}`;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/requests" className="text-brand-fg hover:underline">
            My requests
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words text-2xl font-semibold">
            {label} <span className="font-mono wrap-anywhere">{view.targetName || lastSegment(view.targetResourceId)}</span>
          </h1>
          <span data-testid="request-state">
            <StateBadge state={view.state} />
          </span>
        </div>
        <p className="text-sm text-fg2">
          Request to {providerName}
          {view.requester ? ` · filed by ${view.requester.displayName}` : ""} · <Timestamp date={view.createdAt} />
          {view.source === "registered" ? " · registered existing endpoint" : ""}
        </p>
      </div>

      <LiveStatus requestId={view.id} version={view.version} mode={!settled ? "working" : view.state === "Pending" ? "waiting" : "idle"} progress={view.progress} />

      {view.stepUpClaims && (
        <StepUpPanel requestId={view.id} claims={view.stepUpClaims} waitingFor={view.state === "Creating" ? "creation" : "withdraw"} signedInAgain={signedInAgain} />
      )}

      <StatePanel view={view} providerName={providerName} decidedBy={decidedBy} newRequestHref={newRequestHref} />

      <RequestActions
        requestId={view.id}
        actions={view.actions}
        endpointName={view.endpointName}
        hasEndpoint={Boolean(view.endpointResourceId)}
        targetName={view.targetName || lastSegment(view.targetResourceId)}
      />

      {view.dnsGuide && <DnsGuideSection guide={view.dnsGuide} vnetName={subnetInfo?.virtualNetworkName ?? null} />}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="details-heading" className={`${cardStyles} min-w-0 space-y-4`}>
          <h2 id="details-heading" className="text-lg font-semibold">
            Details
          </h2>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-fg3">Target</dt>
            <dd className="space-y-1">
              <p>
                {label} <span className="font-semibold">{view.targetName}</span> of {providerName}
              </p>
              <p className="flex items-start gap-2">
                <span className="min-w-0 break-all font-mono text-xs" data-testid="detail-target-id">
                  {view.targetResourceId}
                </span>
              </p>
            </dd>
            <dt className="text-fg3">Group ID</dt>
            <dd className="font-mono text-xs" data-testid="detail-group-id">
              {view.groupId || "none (Private Link Service)"}
            </dd>
            <dt className="text-fg3">Message</dt>
            <dd className="whitespace-pre-wrap break-words" data-testid="detail-message">
              {view.requestMessage || <span className="text-fg3">No message.</span>}
            </dd>
            <dt className="text-fg3">Endpoint</dt>
            <dd className="space-y-1">
              <p className="font-mono text-xs" data-testid="detail-endpoint-name">
                {view.endpointName ?? "—"}
              </p>
              {endpointDeleted ? (
                <p className="text-xs text-fg3" data-testid="detail-endpoint-deleted">
                  {ENDPOINT_WORDS.deleted}
                </p>
              ) : view.endpointResourceId ? (
                <p className="flex items-start gap-2">
                  <span className="min-w-0 break-all font-mono text-xs text-fg2" data-testid="detail-endpoint-id">
                    {view.endpointResourceId}
                  </span>
                  <CopyButton text={view.endpointResourceId} label="Copy endpoint ID" />
                </p>
              ) : (
                <p className="text-xs text-fg3">{view.state === "Withdrawn" ? ENDPOINT_WORDS.neverCreated : ENDPOINT_WORDS.notCreated}</p>
              )}
            </dd>
            <dt className="text-fg3">Region</dt>
            <dd data-testid="detail-region">{view.endpointLocation ?? "—"}</dd>
            <dt className="text-fg3">Subnet</dt>
            <dd>
              {subnetInfo ? (
                <>
                  <span className="font-mono text-xs">
                    {subnetInfo.virtualNetworkName}/{subnetInfo.subnetName}
                  </span>{" "}
                  <span className="text-fg3">
                    in resource group {subnetInfo.resourceGroup}, subscription <span className="font-mono text-xs">{subnetInfo.subscriptionId}</span>
                  </span>
                </>
              ) : (
                (view.subnetId ?? "—")
              )}
            </dd>
            <dt className="text-fg3">Private IP</dt>
            <dd className="font-mono text-xs" data-testid="detail-ips">
              {view.state === "Withdrawn" ? (
                <span className="font-sans text-fg3">None: {endpointDeleted ? "the endpoint was deleted." : "no endpoint was created."}</span>
              ) : ips.length > 0 ? (
                ips.join(", ")
              ) : (
                <span className="font-sans text-fg3">Assigned when the endpoint is created.</span>
              )}
            </dd>
            {view.azureStatus && (
              <>
                <dt className="text-fg3">Status in Azure</dt>
                <dd>{view.azureStatus}</dd>
              </>
            )}
          </dl>
        </section>

        <Timeline steps={view.transitions} />
      </div>
    </div>
  );
}

function StatePanel({ view, providerName, decidedBy, newRequestHref }: { view: RequestView; providerName: string; decidedBy: string | null; newRequestHref: string }) {
  const when = view.decidedAt ? <> on <Timestamp date={view.decidedAt} /></> : null;
  // Who decided, when Crosslink knows (decided here); otherwise the provider (decided in Azure).
  const who = decidedBy ?? providerName;
  const staleError =
    view.lastError && view.state !== "Failed" ? (
      <Panel tone="danger" title="The last change could not be applied in Azure">
        <p data-testid="last-error">{view.lastError}</p>
      </Panel>
    ) : null;

  const panel = (() => {
    switch (view.state) {
      case "Pending":
        return view.pendingAction ? null : (
          <Panel tone="warning" title={`Waiting for ${possessive(providerName)} decision`}>
            <p>
              The private endpoint exists in your subscription and Azure holds the connection as Pending. {providerName} sees this request in their Crosslink inbox;
              this page updates when they decide.
            </p>
          </Panel>
        );
      case "Approved":
        return (
          <Panel tone="success" title="Approved">
            <p>
              {who} approved the connection{when}.{view.decisionNote ? <> Their note: “{view.decisionNote}”.</> : null} Set up DNS below so your clients use it.
            </p>
            {!view.dnsGuide && <p className="mt-1">The DNS guide appears once Azure reports the endpoint&apos;s private IP address.</p>}
          </Panel>
        );
      case "Rejected":
        return (
          <Panel tone="danger" title="Rejected">
            <p data-testid="rejection">
              {who} rejected the connection{when}.{" "}
              {view.decisionNote ? (
                <>
                  Their reason: <strong>“{view.decisionNote}”</strong>
                </>
              ) : (
                "They gave no reason."
              )}
            </p>
            <p className="mt-2">
              Azure never approves a rejected connection later: a new private endpoint is needed. Withdraw this request to delete the rejected endpoint, then file a new
              one once you have sorted things out with {providerName}.
            </p>
            <p className="mt-3">
              <Link href={newRequestHref} className={buttonStyles.secondary}>
                File a new request
              </Link>
            </p>
          </Panel>
        );
      case "Disconnected":
        return (
          <Panel tone="neutral" title="Disconnected">
            <p>
              {who} removed the connection{when}.{view.decisionNote ? <> Their note: “{view.decisionNote}”.</> : null} The private endpoint still exists in your subscription but carries no
              traffic.
            </p>
            <p className="mt-2">
              To clean up, withdraw the request: Crosslink deletes the endpoint in Azure (and, with a zone group, its DNS records go with it). To connect again, file a
              new request.
            </p>
            <p className="mt-3">
              <Link href={newRequestHref} className={buttonStyles.secondary}>
                File a new request
              </Link>
            </p>
          </Panel>
        );
      case "Failed":
        return (
          <Panel tone="danger" title="Creating the private endpoint failed">
            <p data-testid="last-error">{view.lastError ?? "Azure did not say why."}</p>
            <p className="mt-2">Fix what the message says and choose Retry, or discard the request. Nothing exists in Azure for it.</p>
          </Panel>
        );
      case "Withdrawn":
        return (
          <Panel tone="neutral" title="Withdrawn">
            <p>
              {view.endpointResourceId
                ? "The request was withdrawn and its private endpoint deleted in Azure."
                : "The request was discarded before a private endpoint existed."}{" "}
              Nothing more happens to it.
            </p>
            <p className="mt-3">
              <Link href={newRequestHref} className={buttonStyles.secondary}>
                File a new request
              </Link>
            </p>
          </Panel>
        );
      default:
        return null;
    }
  })();

  return (
    <>
      {staleError}
      {panel}
    </>
  );
}

const TONES = {
  success: "border-success bg-success-bg",
  warning: "border-warning bg-warning-bg",
  danger: "border-danger bg-danger-bg",
  neutral: "border-stroke bg-surface2",
} as const;
const TITLE_TONES = { success: "text-success", warning: "text-warning", danger: "text-danger", neutral: "text-fg1" } as const;

function Panel({ tone, title, children }: { tone: keyof typeof TONES; title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className={`rounded-fl-lg border-l-4 px-4 py-3 text-sm text-fg1 ${TONES[tone]}`} data-testid="state-panel">
      <h2 className={`mb-1 font-semibold ${TITLE_TONES[tone]}`}>{title}</h2>
      {children}
    </section>
  );
}
