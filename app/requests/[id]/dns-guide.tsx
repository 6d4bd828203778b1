import type { DnsGuide } from "@/lib/domain/dns-guide";
import { cardStyles } from "@/app/_components/ui";
import { CodeBlock, CopyableValue } from "../_components/copy-button";

/**
 * What an approved consumer must do so their clients reach the app privately: the zone, the
 * records with the endpoint's private IP, and copy-paste az CLI and Bicep. The zone group is
 * recommended (Azure keeps the records in step with the endpoint), manual records are the fallback.
 */
export function DnsGuideSection({ guide, vnetName }: { guide: DnsGuide; vnetName: string | null }) {
  return (
    <section aria-labelledby="dns-heading" className={`${cardStyles} space-y-5`} data-testid="dns-guide">
      <div className="space-y-1">
        <h2 id="dns-heading" className="text-lg font-semibold">
          Set up DNS
        </h2>
        <p className="text-sm text-fg2">
          The connection carries traffic once your clients resolve the app&apos;s name to the endpoint&apos;s private address. Until then they reach the public
          address, and the app answers 403.
        </p>
      </div>

      {/* Names and addresses wrap inside their cells, so the table fits a phone without scrolling. */}
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">DNS records to create</caption>
        <colgroup>
          <col className="w-[55%]" />
          <col className="w-[3rem]" />
          <col />
        </colgroup>
        <thead className="text-fg3">
          <tr>
            <th scope="col" className="py-1.5 pr-3">
              Name
            </th>
            <th scope="col" className="pr-3">
              Type
            </th>
            <th scope="col">Private IP address</th>
          </tr>
        </thead>
        <tbody>
          {guide.records.map((r) => (
            <tr key={r.fqdn} className="border-t border-stroke2 align-top">
              <td className="py-1.5 pr-3">
                <CopyableValue value={r.fqdn} what="record name" />
              </td>
              <td className="py-1.5 pr-3">A</td>
              <td className="space-y-1 py-1.5" data-testid="dns-ip">
                {r.ipAddresses.map((ip) => (
                  <CopyableValue key={ip} value={ip} what="IP address" />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {guide.kind === "private_dns_zone" ? (
        <>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-fg3">Private DNS zone</dt>
            <dd>
              <CopyableValue value={guide.zoneName} what="zone name" testId="dns-zone" />
            </dd>
            <dt className="text-fg3">Zone location</dt>
            <dd className="break-words">
              resource group <span className="font-mono text-xs">{guide.zoneResourceGroup}</span>, subscription{" "}
              <span className="break-all font-mono text-xs">{guide.zoneSubscriptionId}</span>
            </dd>
            <dt className="text-fg3">Linked to</dt>
            <dd>
              {vnetName ?? "your virtual network"} (link <span className="font-mono text-xs">{guide.linkName}</span>)
            </dd>
          </dl>

          <div className="space-y-3">
            <h3 className="flex flex-wrap items-center gap-2 font-semibold">
              A DNS zone group
              <span className="rounded-full bg-success-bg px-2 py-0.5 text-xs font-semibold text-success">Recommended</span>
            </h3>
            <p className="text-sm text-fg2">
              Create the zone, link it to your virtual network, and attach it to the endpoint. Azure then writes the A records itself, keeps them in step with
              the endpoint and removes them when the endpoint is deleted.
            </p>
            <CodeBlock label="az CLI (zone group)" code={guide.azCli.zoneGroup.join("\n")} testId="dns-az-zone-group" />
            <details className="group">
              <summary className="cursor-pointer text-sm font-semibold text-brand-fg">Bicep (zone group)</summary>
              <div className="mt-2">
                <CodeBlock label="Bicep (zone group)" code={guide.bicep.zoneGroup} />
              </div>
            </details>
          </div>

          <details className="space-y-3">
            <summary className="cursor-pointer font-semibold">Alternative: manual A records</summary>
            <div className="mt-3 space-y-3">
              <p className="text-sm text-fg2">
                If you manage records yourself (or your DNS is elsewhere), create these. You must update them if the endpoint&apos;s address changes, and delete
                them when you withdraw.
              </p>
              <CodeBlock label="az CLI (manual records)" code={guide.azCli.manualRecords.join("\n")} />
              <CodeBlock label="Bicep (manual records)" code={guide.bicep.manualRecords} />
            </div>
          </details>
        </>
      ) : null}

      {guide.notes.length > 0 && (
        <div className="space-y-1">
          <h3 className="text-sm font-semibold">Good to know</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-fg2">
            {guide.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
