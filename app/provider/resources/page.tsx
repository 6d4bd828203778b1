import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import type { Services } from "@/lib/services";
import { isAzureError } from "@/lib/azure";
import { listOnboardingCandidates, type OnboardingRow } from "@/lib/connections/onboarding";
import type { Principal } from "@/lib/auth/principal";
import { possessive } from "@/lib/domain/request-words";
import { pageData } from "@/app/_lib/page";
import { currentRequestId } from "@/app/_lib/request-context";
import { logger } from "@/lib/log/logger";
import { ScrollArea } from "@/app/_components/scroll-area";
import { cardStyles, inlineLinkStyles } from "@/app/_components/ui";
import { KIND_GROUPS } from "../_lib/format";
import { ManageButton } from "../_components/manage-button";

export const metadata: Metadata = { title: "Resources" };

export default async function ProviderResourcesPage() {
  const { principal, services } = await pageData({ role: "provider" }, async (ctx) => ctx);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Resources</h1>
        <p className="max-w-3xl text-fg2">
          The web apps, function apps, deployment slots and Private Link Services that Crosslink&apos;s identity can read in {possessive(principal.tenantName)}{" "}
          Azure subscriptions. Register the ones consumers may request private endpoints to; their requests then arrive in the{" "}
          <Link href="/provider" className={inlineLinkStyles}>
            inbox
          </Link>
          .
        </p>
      </div>
      <Suspense fallback={<Loading />}>
        <ResourceList principal={principal} services={services} />
      </Suspense>
    </div>
  );
}

function Loading() {
  return (
    <div className={`${cardStyles} space-y-3`} data-testid="resources-loading">
      <p role="status" className="flex items-center gap-2 text-sm text-fg2">
        <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand border-t-transparent" />
        Loading resources from Azure…
      </p>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden="true" className="h-8 animate-pulse rounded-fl bg-surface3" />
      ))}
    </div>
  );
}

/** Live from Azure with the app's identity: slow or refused, so it streams in behind Suspense. */
async function ResourceList({ principal, services }: { principal: Principal; services: Services }) {
  let rows: OnboardingRow[];
  try {
    rows = await listOnboardingCandidates({ db: services.db, providerAzure: services.providerAzure() }, principal);
  } catch (err) {
    if (!isAzureError(err)) throw err;
    const azure = err;
    logger().warn({ requestId: await currentRequestId(), azure: { code: azure.code, status: azure.status } }, "listing the provider's resources failed");
    return (
      <div role="alert" className="space-y-2 rounded-fl-lg border border-danger bg-danger-bg p-5 text-danger" data-testid="resources-error">
        <p className="font-semibold">Azure did not list the resources.</p>
        <p>{azure.userMessage}</p>
        <p className="text-xs">
          Azure&apos;s error code: <span className="font-mono">{azure.code}</span>
          {azure.requestId ? (
            <>
              {" "}
              · request ID <span className="font-mono">{azure.requestId}</span>
            </>
          ) : null}
        </p>
        <p>
          <a href="/provider/resources" className="font-semibold underline">
            Try again
          </a>
        </p>
      </div>
    );
  }

  if (rows.length === 0) return <Empty clientId={services.config.entra.clientId} />;

  const managed = rows.filter((r) => r.managed).length;
  return (
    <div className="space-y-6">
      <p className="text-sm text-fg2" data-testid="resources-summary">
        {rows.length} resource{rows.length === 1 ? "" : "s"} visible in Azure, {managed} registered with Crosslink.
      </p>
      {KIND_GROUPS.map((group) => {
        const inGroup = rows.filter((r) => r.kind === group.kind);
        if (inGroup.length === 0) return null;
        return (
          <section key={group.kind} className={cardStyles} aria-labelledby={`kind-${group.kind}`}>
            <h2 id={`kind-${group.kind}`} className="mb-2 text-lg font-semibold">
              {group.label} <span className="text-sm font-normal text-fg3">({inGroup.length})</span>
            </h2>
            {/* On a phone the table scrolls sideways under its Register column, which stays in view. */}
            <ScrollArea label={`Table: ${group.label}`} stickyEnd>
              <table className="w-full min-w-[44rem] table-fixed text-left text-sm">
                <caption className="sr-only">{group.label} Crosslink can manage</caption>
                <colgroup>
                  <col className="w-[34%]" />
                  <col className="w-[17%]" />
                  <col className="w-[12%]" />
                  <col className="w-[13%]" />
                  <col className="w-[12%]" />
                  <col className="w-[12%]" />
                </colgroup>
                <thead className="text-xs text-fg3">
                  <tr className="border-b border-stroke2">
                    <th scope="col" className="py-2 pr-3 font-semibold">Name</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">Resource group</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">Location</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">Subscription</th>
                    <th scope="col" className="py-2 pr-3 font-semibold">Status</th>
                    <th scope="col" className="sticky-end py-2 text-right font-semibold">
                      <span className="sr-only">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {inGroup.map((r) => (
                    <tr key={r.id} className="border-b border-stroke2 align-middle last:border-0" data-resource-name={r.name}>
                      <th scope="row" className="py-3 pr-3 font-normal">
                        <div className="truncate font-semibold text-fg1">{r.name}</div>
                        <div className="truncate font-mono text-[11px] text-fg3" title={r.id}>
                          {r.armKind ? `${r.type} · ${r.armKind}` : r.type}
                        </div>
                      </th>
                      <td className="py-3 pr-3">{r.resourceGroup}</td>
                      <td className="py-3 pr-3">{r.location}</td>
                      <td className="py-3 pr-3 font-mono text-xs" title={r.subscriptionId}>
                        {r.subscriptionId.slice(0, 8)}…
                      </td>
                      <td className="py-3 pr-3">
                        {r.managed ? (
                          <span className="inline-flex rounded-full bg-success-bg px-2 py-0.5 text-xs font-semibold text-success" data-testid="managed-badge">
                            Managed
                          </span>
                        ) : (
                          <span className="inline-flex rounded-full bg-surface3 px-2 py-0.5 text-xs font-semibold text-fg2">Not managed</span>
                        )}
                      </td>
                      <td className="sticky-end py-3">
                        <ManageButton resourceId={r.id} name={r.name} managed={r.managed} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </section>
        );
      })}
    </div>
  );
}

function Empty({ clientId }: { clientId: string }) {
  return (
    <div className={`${cardStyles} max-w-3xl space-y-3`} data-testid="resources-empty">
      <h2 className="text-lg font-semibold">Crosslink&apos;s identity cannot see any resources yet</h2>
      <p className="text-fg2">
        Crosslink reads your web apps, function apps, slots and Private Link Services with its own app identity. Give its service principal the{" "}
        <strong>Reader</strong> role on the subscription or resource group that holds them, plus a role that may approve private endpoint
        connections (<span className="font-mono text-xs">Microsoft.Web/sites/privateEndpointConnectionsApproval/action</span> and{" "}
        <span className="font-mono text-xs">…/privateEndpointConnections/write</span>), for example a custom role on the resource group:
      </p>
      <pre className="overflow-x-auto rounded-fl bg-surface3 p-3 font-mono text-xs">
        {`az role assignment create \\
  --assignee ${clientId} \\
  --role Reader \\
  --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>`}
      </pre>
      <p className="text-sm text-fg3">Role assignments can take a few minutes to apply. Reload this page afterwards.</p>
    </div>
  );
}
