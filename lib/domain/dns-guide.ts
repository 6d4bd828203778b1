/**
 * The DNS guide a consumer gets once their endpoint exists: which private DNS zone, which A
 * records, and copy-paste `az` commands and Bicep to create them.
 *
 * Two ways are offered, both complete:
 * - recommended: a private DNS zone group on the endpoint (Microsoft.Network/privateEndpoints/
 *   privateDnsZoneGroups). Azure then writes the A records itself and keeps them in step with
 *   the endpoint (and removes them when the endpoint is deleted);
 * - manual: the A records themselves (`az network private-dns record-set a add-record`).
 * Both need the zone and a link from the zone to the consumer's VNet (registration disabled).
 *
 * Record names come from the endpoint's customDnsConfigs when Azure reports them (Azure's own
 * word, which also covers hostnames App Service shortens or makes unique), and otherwise from
 * the catalog (`<app>`, `<app>.scm`). A Private Link Service has no standard zone: the guide
 * lists the provider's FQDNs with the endpoint's IP.
 *
 * Every value in a command is single-quoted for POSIX shells (bash, zsh; PowerShell reads single
 * quotes the same way for these values); every Bicep string is escaped. Commands are one line
 * each so that line-continuation differences between shells don't matter.
 */
import { checkName, isGuid } from "./azure-names";
import type { AzureCloudName } from "../config/azure-clouds";
import { appServicePublicSuffix, defaultGroupId, privateDnsRecordsFor, validateGroupId } from "./private-link-catalog";
import { parseResourceId, type TargetResourceId } from "./resource-id";

/** API versions used in the Bicep: the newest stable ones in Azure's REST specs and Bicep types. */
export const BICEP_API_VERSIONS = { privateDns: "2024-06-01", privateEndpoints: "2024-05-01" } as const;

/** Name of the zone group Crosslink suggests (the portal uses "default" too). */
export const ZONE_GROUP_NAME = "default";

/** TTL of manual records: az's add-record default, used in the Bicep too so both ways agree. */
export const MANUAL_RECORD_TTL = 3600;

/** One entry of the endpoint's `customDnsConfigs`, as Azure returns it. */
export type CustomDnsConfig = { fqdn?: string | null; ipAddresses?: readonly string[] | null };

/** What the guide needs. */
export type DnsGuideInput = {
  target: TargetResourceId;
  /** The connection's group ID (validated against the target); null/absent: the default. */
  groupId?: string | null;
  /** The consumer's private endpoint. */
  privateEndpointId: string;
  /** From the endpoint: `properties.customDnsConfigs`. */
  customDnsConfigs?: readonly CustomDnsConfig[];
  /** The endpoint NIC's private IPs; used when customDnsConfigs has none. */
  privateIpAddresses?: readonly string[];
  /** The consumer's VNet whose clients must resolve the private names. */
  virtualNetworkId: string;
  /** Resource group for the private DNS zone. */
  resourceGroup: string;
  /** Subscription for the zone; defaults to the VNet's. */
  subscriptionId?: string;
  /** Name of the zone's VNet link; defaults to `link-<vnet>`. */
  linkName?: string;
  /** The Azure cloud, whose zone names differ (privatelink.azurewebsites.us in US Government); default public. */
  cloud?: AzureCloudName;
};

/** An A record in the zone: relative name, full name, addresses. */
export type DnsARecord = { name: string; fqdn: string; ipAddresses: string[] };

/** The guide for App Service targets. */
export type PrivateDnsZoneGuide = {
  ok: true;
  kind: "private_dns_zone";
  zoneName: string;
  zoneId: string;
  zoneSubscriptionId: string;
  zoneResourceGroup: string;
  linkName: string;
  records: DnsARecord[];
  recommended: "zoneGroup";
  /** Commands, one per line, in order. */
  azCli: { zoneGroup: string[]; manualRecords: string[] };
  /** Complete .bicep files. */
  bicep: { zoneGroup: string; manualRecords: string };
  notes: string[];
};

/** The guide for a Private Link Service: the provider's names and the endpoint's IPs. */
export type ProviderFqdnGuide = { ok: true; kind: "provider_fqdns"; records: { fqdn: string; ipAddresses: string[] }[]; notes: string[] };

/** Why no guide can be made. */
export type DnsGuideErrorCode =
  | "bad_group_id"
  | "bad_private_endpoint_id"
  | "bad_virtual_network_id"
  | "bad_resource_group"
  | "bad_subscription_id"
  | "bad_link_name"
  | "bad_ip_address"
  | "no_private_ip";

/** A refusal: which input is wrong, in words a UI can show. */
export type DnsGuideError = { ok: false; code: DnsGuideErrorCode; message: string };

/** The guide: a private DNS zone (App Service) or the provider's FQDNs (Private Link Service). */
export type DnsGuide = PrivateDnsZoneGuide | ProviderFqdnGuide;

// ---------------------------------------------------------------- quoting

/** Quotes a value for a POSIX shell: '…', with ' written as '\''. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A Bicep string literal: '…' with \, ' and ${ escaped. */
export function bicepString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\$\{/g, "\\${")}'`;
}

// ---------------------------------------------------------------- addresses

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a dotted-quad IPv4 address without leading zeros. */
export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

function looksLikeIpv6(value: string): boolean {
  return value.includes(":") && /^[0-9a-f:.]+$/i.test(value);
}

type Sorted = { v4: string[]; v6: string[]; bad: string[] };

function sortAddresses(addresses: readonly string[]): Sorted {
  const out: Sorted = { v4: [], v6: [], bad: [] };
  for (const raw of addresses) {
    const a = raw.trim();
    if (isIpv4(a)) {
      if (!out.v4.includes(a)) out.v4.push(a);
    } else if (looksLikeIpv6(a)) out.v6.push(a);
    else out.bad.push(raw);
  }
  return out;
}

// ---------------------------------------------------------------- the guide

/** The record name an App Service FQDN maps to in the privatelink zone, if it is one. */
function recordNameFromFqdn(fqdn: string, zone: string, publicSuffix: string): string | undefined {
  const f = fqdn.trim().toLowerCase().replace(/\.$/, "");
  for (const suffix of [`.${zone}`, `.${publicSuffix}`]) {
    if (f.endsWith(suffix) && f.length > suffix.length) return f.slice(0, -suffix.length);
  }
  return undefined;
}

/**
 * Builds the DNS guide, or says precisely which input is wrong. Pure: the caller reads the
 * endpoint (customDnsConfigs, NIC IPs) from Azure and passes it in. For a Private Link Service
 * only the addresses and FQDNs are used (there is no zone to create, so no IDs are checked).
 */
export function buildDnsGuide(input: DnsGuideInput): DnsGuide | DnsGuideError {
  const { target } = input;
  const err = (code: DnsGuideErrorCode, message: string): DnsGuideError => ({ ok: false, code, message });

  const group = validateGroupId(target, input.groupId ?? defaultGroupId(target));
  if (!group.ok) return err("bad_group_id", group.message);

  const configs = input.customDnsConfigs ?? [];
  const fallback = sortAddresses(input.privateIpAddresses ?? []);
  if (fallback.bad.length > 0) return err("bad_ip_address", `“${fallback.bad[0]}” isn't an IP address. Pass the endpoint's private IP as Azure reports it.`);
  for (const c of configs) {
    const bad = sortAddresses(c.ipAddresses ?? []).bad[0];
    if (bad !== undefined) return err("bad_ip_address", `The endpoint reports “${bad}” for ${c.fqdn ?? "a name"}, which isn't an IP address.`);
  }

  if (target.kind === "privateLinkService") return providerFqdnGuide(configs, fallback);

  const endpoint = parseResourceId(input.privateEndpointId, { expect: ["privateEndpoint"] });
  if (!endpoint.ok) return err("bad_private_endpoint_id", `The private endpoint's ID is wrong: ${endpoint.message}`);
  const vnet = parseResourceId(input.virtualNetworkId, { expect: ["virtualNetwork"] });
  if (!vnet.ok) return err("bad_virtual_network_id", `The virtual network's ID is wrong: ${vnet.message}`);
  const rg = checkName("resourceGroup", input.resourceGroup);
  if (!rg.ok) return err("bad_resource_group", rg.message);
  const subscriptionId = (input.subscriptionId ?? vnet.subscriptionId).toLowerCase();
  if (!isGuid(subscriptionId)) return err("bad_subscription_id", `“${input.subscriptionId}” isn't a subscription ID: those are GUIDs.`);
  const linkName = input.linkName ?? linkNameFor(vnet.name);
  const link = checkName("virtualNetworkLinkName", linkName);
  if (!link.ok) return err("bad_link_name", link.message);

  const derived = privateDnsRecordsFor(target, group.groupId, input.cloud)!;
  const publicSuffix = appServicePublicSuffix(input.cloud);
  const zone = derived.zone;
  const notes: string[] = [];

  // Records: Azure's FQDNs first; the catalog's names when Azure reported none.
  const records: DnsARecord[] = [];
  const add = (name: string, ips: readonly string[]) => {
    const existing = records.find((r) => r.name === name);
    if (existing) {
      for (const ip of ips) if (!existing.ipAddresses.includes(ip)) existing.ipAddresses.push(ip);
    } else records.push({ name, fqdn: `${name}.${zone}`, ipAddresses: [...ips] });
  };
  let sawV6 = fallback.v6.length > 0;
  for (const c of configs) {
    const name = c.fqdn ? recordNameFromFqdn(c.fqdn, zone, publicSuffix) : undefined;
    if (!name) {
      if (c.fqdn) notes.push(`The endpoint also reports ${c.fqdn}, which isn't in ${zone}; it is not covered here.`);
      continue;
    }
    const ips = sortAddresses(c.ipAddresses ?? []);
    sawV6 ||= ips.v6.length > 0;
    add(name, ips.v4.length > 0 ? ips.v4 : fallback.v4);
  }
  if (records.length === 0) for (const name of derived.recordNames) add(name, fallback.v4);
  if (records.some((r) => r.ipAddresses.length === 0)) {
    return err("no_private_ip", "The endpoint has no private IPv4 address yet. Azure assigns one when it creates the endpoint; refresh once the endpoint exists.");
  }

  const zoneId = `/subscriptions/${subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.Network/privateDnsZones/${zone}`;
  const sameScope = endpoint.subscriptionId === subscriptionId && endpoint.resourceGroup.toLowerCase() === input.resourceGroup.toLowerCase();
  const zoneConfigName = zone.replace(/\./g, "-");

  const sub = shellQuote(subscriptionId);
  const zoneRg = shellQuote(input.resourceGroup);
  const createZone = `az network private-dns zone create --subscription ${sub} --resource-group ${zoneRg} --name ${shellQuote(zone)}`;
  const createLink =
    `az network private-dns link vnet create --subscription ${sub} --resource-group ${zoneRg} --zone-name ${shellQuote(zone)}` +
    ` --name ${shellQuote(linkName)} --virtual-network ${shellQuote(vnet.id)} --registration-enabled false`;
  const createZoneGroup =
    `az network private-endpoint dns-zone-group create --subscription ${shellQuote(endpoint.subscriptionId)} --resource-group ${shellQuote(endpoint.resourceGroup)}` +
    ` --endpoint-name ${shellQuote(endpoint.name)} --name ${shellQuote(ZONE_GROUP_NAME)} --private-dns-zone ${shellQuote(zoneId)} --zone-name ${shellQuote(zoneConfigName)}`;
  const addRecords = records.flatMap((r) =>
    r.ipAddresses.map(
      (ip) =>
        `az network private-dns record-set a add-record --subscription ${sub} --resource-group ${zoneRg} --zone-name ${shellQuote(zone)}` +
        ` --record-set-name ${shellQuote(r.name)} --ipv4-address ${shellQuote(ip)}`,
    ),
  );

  const zoneAndLink = bicepZoneAndLink(zone, linkName, vnet.id);
  const deployHint = (s: string, g: string) =>
    `// Deploy to resource group ${g} of subscription ${s}:\n//   az deployment group create --subscription ${shellQuote(s)} --resource-group ${shellQuote(g)} --template-file crosslink-dns.bicep\n`;

  const zoneGroupBicep =
    deployHint(endpoint.subscriptionId, endpoint.resourceGroup) +
    (sameScope
      ? `${zoneAndLink}\n`
      : `// The zone and its VNet link live in resource group ${input.resourceGroup}: create them first (see the records snippet or the first two az commands).\n` +
        `resource privateDnsZone 'Microsoft.Network/privateDnsZones@${BICEP_API_VERSIONS.privateDns}' existing = {\n` +
        `  name: ${bicepString(zone)}\n` +
        `  scope: resourceGroup(${bicepString(subscriptionId)}, ${bicepString(input.resourceGroup)})\n` +
        `}\n\n`) +
    `resource privateEndpoint 'Microsoft.Network/privateEndpoints@${BICEP_API_VERSIONS.privateEndpoints}' existing = {\n` +
    `  name: ${bicepString(endpoint.name)}\n` +
    `}\n\n` +
    `resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@${BICEP_API_VERSIONS.privateEndpoints}' = {\n` +
    `  parent: privateEndpoint\n` +
    `  name: ${bicepString(ZONE_GROUP_NAME)}\n` +
    `  properties: {\n` +
    `    privateDnsZoneConfigs: [\n` +
    `      {\n` +
    `        name: ${bicepString(zoneConfigName)}\n` +
    `        properties: {\n` +
    `          privateDnsZoneId: privateDnsZone.id\n` +
    `        }\n` +
    `      }\n` +
    `    ]\n` +
    `  }\n` +
    `}\n`;

  const recordsBicep =
    deployHint(subscriptionId, input.resourceGroup) +
    `${zoneAndLink}\n` +
    records
      .map(
        (r, i) =>
          `resource aRecord${i + 1} 'Microsoft.Network/privateDnsZones/A@${BICEP_API_VERSIONS.privateDns}' = {\n` +
          `  parent: privateDnsZone\n` +
          `  name: ${bicepString(r.name)}\n` +
          `  properties: {\n` +
          `    ttl: ${MANUAL_RECORD_TTL}\n` +
          `    aRecords: [\n` +
          r.ipAddresses.map((ip) => `      {\n        ipv4Address: ${bicepString(ip)}\n      }\n`).join("") +
          `    ]\n` +
          `  }\n` +
          `}\n`,
      )
      .join("\n");

  notes.unshift(
    "Recommended: the zone group. Azure then writes the A records itself, keeps them in step with the endpoint and removes them when the endpoint is deleted.",
    `If ${zone} already exists in your network (for another app), reuse it: skip creating the zone, and skip the link if the zone is already linked to this virtual network.`,
    "add-record adds an address to an existing record: if a record already points at an old address, remove that first (az network private-dns record-set a remove-record).",
    `Clients must resolve names through Azure DNS from inside ${vnet.name} (or through a DNS forwarder to it); a client that can't resolve the private zone reaches the app's public address and gets 403.`,
  );
  if (sawV6) notes.push("The endpoint also has IPv6 addresses; this guide covers IPv4 (A records) only.");

  return {
    ok: true,
    kind: "private_dns_zone",
    zoneName: zone,
    zoneId,
    zoneSubscriptionId: subscriptionId,
    zoneResourceGroup: input.resourceGroup,
    linkName,
    records,
    recommended: "zoneGroup",
    azCli: { zoneGroup: [createZone, createLink, createZoneGroup], manualRecords: [createZone, createLink, ...addRecords] },
    bicep: { zoneGroup: zoneGroupBicep, manualRecords: recordsBicep },
    notes,
  };
}

/** Default VNet link name: `link-<vnet>`, cut to the link rule's 80 characters. */
export function linkNameFor(vnetName: string): string {
  return `link-${vnetName}`.slice(0, 80).replace(/[-.]+$/, "");
}

function bicepZoneAndLink(zone: string, linkName: string, vnetId: string): string {
  return (
    `resource privateDnsZone 'Microsoft.Network/privateDnsZones@${BICEP_API_VERSIONS.privateDns}' = {\n` +
    `  name: ${bicepString(zone)}\n` +
    `  location: 'global'\n` +
    `}\n\n` +
    `resource vnetLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@${BICEP_API_VERSIONS.privateDns}' = {\n` +
    `  parent: privateDnsZone\n` +
    `  name: ${bicepString(linkName)}\n` +
    `  location: 'global'\n` +
    `  properties: {\n` +
    `    registrationEnabled: false\n` +
    `    virtualNetwork: {\n` +
    `      id: ${bicepString(vnetId)}\n` +
    `    }\n` +
    `  }\n` +
    `}\n`
  );
}

function providerFqdnGuide(configs: readonly CustomDnsConfig[], fallback: Sorted): ProviderFqdnGuide | DnsGuideError {
  const records: { fqdn: string; ipAddresses: string[] }[] = [];
  for (const c of configs) {
    if (!c.fqdn) continue;
    const ips = sortAddresses(c.ipAddresses ?? []).v4;
    records.push({ fqdn: c.fqdn.trim().replace(/\.$/, ""), ipAddresses: ips.length > 0 ? ips : [...fallback.v4] });
  }
  if (records.some((r) => r.ipAddresses.length === 0) || (records.length === 0 && fallback.v4.length === 0)) {
    return { ok: false, code: "no_private_ip", message: "The endpoint has no private IPv4 address yet. Azure assigns one when it creates the endpoint; refresh once the endpoint exists." };
  }
  const notes = [
    "Private Link Services have no standard private DNS zone. Create these names in the DNS your clients use (a private DNS zone for the provider's domain, or your own DNS servers).",
  ];
  if (records.length === 0) {
    notes.push(`The provider hasn't published any names for this service. Ask them which name to use; the endpoint's address is ${fallback.v4.join(", ")}.`);
  }
  return { ok: true, kind: "provider_fqdns", records, notes };
}
