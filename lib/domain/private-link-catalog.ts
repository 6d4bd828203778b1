/**
 * The catalog of Private Link target types: per Azure resource type, the group IDs a private
 * endpoint may name, the request-message limit, the private DNS zone and the records it needs,
 * and the words a UI shows. Facts come from Microsoft's documentation and the REST specs;
 * where Azure is unclear the entry picks the conservative value and its note says why.
 *
 * Only types with `supported: true` can be targets. The others are listed so that a pasted
 * storage account gets "Storage accounts aren't supported by Crosslink yet" instead of "unknown".
 */
import { AZURE_CLOUDS, type AzureCloud, type AzureCloudName } from "../config/azure-clouds";
import { checkName } from "./azure-names";
import type { SiteResourceId, SlotResourceId, TargetResourceId } from "./resource-id";

/** The resource types Crosslink can connect to, spelt as ARM spells them. */
export const SUPPORTED_TARGET_TYPES = ["Microsoft.Web/sites", "Microsoft.Web/sites/slots", "Microsoft.Network/privateLinkServices"] as const;
export type SupportedTargetType = (typeof SUPPORTED_TARGET_TYPES)[number];

/**
 * Used when a type's limit is unknown. azure-facts.md: some services enforce less than the
 * spec's 140 (PostgreSQL: 128), so 128 is the safe default.
 */
export const DEFAULT_REQUEST_MESSAGE_LIMIT = 128;

/** One resource type of the catalog. */
export type CatalogEntry = {
  /** ARM type, canonical spelling, e.g. "Microsoft.Web/sites". */
  resourceType: string;
  /** Whether Crosslink can create connections to this type. */
  supported: boolean;
  /** Singular, sentence case: "Web app or function app". */
  label: string;
  /** Plural, sentence case, for "… aren't supported yet": "Storage accounts". */
  pluralLabel: string;
  /** Group IDs as a person reads them; `<slot>` stands for a slot name. Empty: none used. */
  groupIds: readonly string[];
  /** Longest request message Crosslink lets through, in UTF-16 code units. */
  requestMessageLimit: number;
  /** Why that limit. */
  requestMessageLimitNote: string;
  /**
   * Which privatelink zone the consumer needs (its name depends on the cloud: privateDnsZoneOf),
   * or null when the type has no standard zone.
   */
  privateDnsZoneKey: keyof AzureCloud["privateDnsZones"] | null;
  /** Record names in that zone, as a person reads them (`<app>` = the app's name). */
  dnsRecords: readonly string[];
};

const WEB_LIMIT_NOTE =
  "The Network REST spec restricts requestMessage to 140 characters; Microsoft.Web enforces nothing stricter that we know of.";
const PLS_LIMIT_NOTE =
  "The REST spec says 140; one user report says a Private Link Service accepted 1,000. Crosslink keeps 140: a message that fits 140 is accepted either way, while a longer one would fail the whole endpoint creation if the report is wrong.";
const UNKNOWN_LIMIT_NOTE = "Not verified for this service; some services enforce 128 (PostgreSQL), so Crosslink uses 128.";

/** Every catalog entry, supported first. */
export const PRIVATE_LINK_CATALOG: readonly CatalogEntry[] = [
  {
    resourceType: "Microsoft.Web/sites",
    supported: true,
    label: "Web app or function app",
    pluralLabel: "Web apps and function apps",
    groupIds: ["sites", "sites-<slot>"],
    requestMessageLimit: 140,
    requestMessageLimitNote: WEB_LIMIT_NOTE,
    privateDnsZoneKey: "appService",
    dnsRecords: ["<app>", "<app>.scm"],
  },
  {
    resourceType: "Microsoft.Web/sites/slots",
    supported: true,
    label: "Deployment slot",
    pluralLabel: "Deployment slots",
    // A slot is reached through its *site's* ID with group ID `sites-<slot>`.
    groupIds: ["sites-<slot>"],
    requestMessageLimit: 140,
    requestMessageLimitNote: WEB_LIMIT_NOTE,
    privateDnsZoneKey: "appService",
    dnsRecords: ["<app>-<slot>", "<app>-<slot>.scm"],
  },
  {
    resourceType: "Microsoft.Network/privateLinkServices",
    supported: true,
    label: "Private Link Service",
    pluralLabel: "Private Link Services",
    groupIds: [],
    requestMessageLimit: 140,
    requestMessageLimitNote: PLS_LIMIT_NOTE,
    // No standard zone: the provider publishes FQDNs (customDnsConfigs) and the consumer
    // creates records wherever their clients resolve names.
    privateDnsZoneKey: null,
    dnsRecords: [],
  },
  {
    resourceType: "Microsoft.Storage/storageAccounts",
    supported: false,
    label: "Storage account",
    pluralLabel: "Storage accounts",
    groupIds: ["blob", "blob_secondary", "file", "queue", "queue_secondary", "table", "table_secondary", "web", "web_secondary", "dfs", "dfs_secondary"],
    requestMessageLimit: DEFAULT_REQUEST_MESSAGE_LIMIT,
    requestMessageLimitNote: UNKNOWN_LIMIT_NOTE,
    privateDnsZoneKey: "storage",
    dnsRecords: ["<account>"],
  },
  {
    resourceType: "Microsoft.Sql/servers",
    supported: false,
    label: "Azure SQL server",
    pluralLabel: "Azure SQL servers",
    groupIds: ["sqlServer"],
    requestMessageLimit: DEFAULT_REQUEST_MESSAGE_LIMIT,
    requestMessageLimitNote: UNKNOWN_LIMIT_NOTE,
    privateDnsZoneKey: "sql",
    dnsRecords: ["<server>"],
  },
  {
    resourceType: "Microsoft.KeyVault/vaults",
    supported: false,
    label: "Key vault",
    pluralLabel: "Key vaults",
    groupIds: ["vault"],
    requestMessageLimit: DEFAULT_REQUEST_MESSAGE_LIMIT,
    requestMessageLimitNote: UNKNOWN_LIMIT_NOTE,
    privateDnsZoneKey: "keyVault",
    dnsRecords: ["<vault>"],
  },
];

/** Finds a catalog entry by ARM type, case-insensitively (ARM types are). */
export function catalogEntryFor(resourceType: string): CatalogEntry | undefined {
  const key = resourceType.toLowerCase();
  return PRIVATE_LINK_CATALOG.find((e) => e.resourceType.toLowerCase() === key);
}

/** The catalog entry of a parsed target (always a supported one). */
export function catalogEntryForTarget(target: TargetResourceId): CatalogEntry {
  const entry = catalogEntryFor(target.resourceType);
  // The parser only produces the supported types listed above.
  if (!entry) throw new Error(`no catalog entry for ${target.resourceType}`);
  return entry;
}

/** The limit for a resource type; unknown types get DEFAULT_REQUEST_MESSAGE_LIMIT. */
export function requestMessageLimitFor(resourceType: string): number {
  return catalogEntryFor(resourceType)?.requestMessageLimit ?? DEFAULT_REQUEST_MESSAGE_LIMIT;
}

// ---------------------------------------------------------------- labels

/** Human labels of the target kinds; a site's label depends on its ARM `kind`. */
export const TARGET_LABELS = {
  webApp: "Web app",
  functionApp: "Function app",
  slot: "Deployment slot",
  privateLinkService: "Private Link Service",
} as const;

/** A site's kind as Azure reports it ("functionapp,linux") or as Crosslink records it ("functionApp"). */
const isFunctionAppKind = (siteKind: string) => /(^|,)\s*functionapp\s*(,|$)/i.test(siteKind);

/**
 * The label of a target. `siteKind` is the site's ARM `kind` (e.g. "app", "functionapp,linux");
 * without it a site is called a web app, the more common case.
 */
export function targetLabel(target: TargetResourceId, siteKind?: string): string {
  switch (target.kind) {
    case "site":
      return siteKind && isFunctionAppKind(siteKind) ? TARGET_LABELS.functionApp : TARGET_LABELS.webApp;
    case "slot":
      return TARGET_LABELS.slot;
    case "privateLinkService":
      return TARGET_LABELS.privateLinkService;
  }
}

/**
 * The label of a stored request's target, from its ARM type and the kind recorded when the
 * provider registered the resource. Microsoft.Web/sites holds web apps and function apps alike:
 * without a recorded kind the site is an "App Service app", true of both, rather than a guess.
 */
export function targetTypeLabel(targetType: string, siteKind?: string | null): string {
  switch (targetType.toLowerCase()) {
    case "microsoft.web/sites":
      return siteKind ? (isFunctionAppKind(siteKind) ? TARGET_LABELS.functionApp : TARGET_LABELS.webApp) : "App Service app";
    case "microsoft.web/sites/slots":
      return TARGET_LABELS.slot;
    case "microsoft.network/privatelinkservices":
      return TARGET_LABELS.privateLinkService;
    default:
      return catalogEntryFor(targetType)?.label ?? (targetType || "Resource");
  }
}

// ---------------------------------------------------------------- group IDs

/** The group ID of a site's production slot. */
export const SITE_GROUP_ID = "sites";
const SLOT_GROUP_PREFIX = "sites-";

/** The group ID that reaches a deployment slot: `sites-<slot>`. */
export function slotGroupId(slotName: string): string {
  return `${SLOT_GROUP_PREFIX}${slotName}`;
}

/** The group ID Crosslink uses when the user names none: `sites`, `sites-<slot>`, or none. */
export function defaultGroupId(target: TargetResourceId): string | null {
  switch (target.kind) {
    case "site":
      return SITE_GROUP_ID;
    case "slot":
      return slotGroupId(target.slotName);
    case "privateLinkService":
      return null;
  }
}

/** Why a group ID does not fit a target. */
export type GroupIdErrorCode =
  | "group_id_required"
  | "too_many_group_ids"
  | "group_id_not_used"
  | "unknown_group_id"
  | "bad_slot_group_id"
  | "site_group_id_for_slot"
  | "other_slot_group_id";

/** A valid group ID (null for a Private Link Service) and the slot it reaches, if any. */
export type GroupIdCheck =
  | { ok: true; groupId: string | null; slotName: string | null }
  | { ok: false; code: GroupIdErrorCode; message: string };

/**
 * Validates the group ID(s) a consumer asks for against the target.
 *
 * - Site: `sites`, or `sites-<slot>` for one of its slots (whether the slot exists is Azure's
 *   answer; the name must at least be a valid slot name).
 * - Slot `staging`: only `sites-staging`; `sites` would reach production, `sites-other` another slot.
 * - Private Link Service: none (the manual connection's groupIds is empty or absent).
 * Azure permits one group ID per connection to a first-party resource (OnlyOneGroupIdPermitted).
 *
 * Matching is case-insensitive (ARM names are); the result uses `sites` in lower case and the slot
 * name as spelt in the target's ID. Whether Microsoft.Web itself compares group IDs
 * case-insensitively is unconfirmed, hence the normalisation before anything is sent.
 */
export function validateGroupId(target: TargetResourceId, groupIds: string | readonly string[] | null | undefined): GroupIdCheck {
  const given = (typeof groupIds === "string" ? [groupIds] : [...(groupIds ?? [])]).map((g) => g.trim()).filter((g) => g !== "");

  if (target.kind === "privateLinkService") {
    if (given.length === 0) return { ok: true, groupId: null, slotName: null };
    return {
      ok: false,
      code: "group_id_not_used",
      message: `Private Link Services don't use group IDs, but “${given.join(", ")}” was given. Leave the group ID empty.`,
    };
  }
  if (given.length === 0) {
    const expected = defaultGroupId(target);
    return { ok: false, code: "group_id_required", message: `Choose a group ID (sub-resource); for this ${target.kind === "slot" ? "slot" : "app"} it is “${expected}”.` };
  }
  if (given.length > 1) {
    return {
      ok: false,
      code: "too_many_group_ids",
      message: `Only one group ID is allowed per connection to an App Service app, but ${given.length} were given (${given.join(", ")}). Create one endpoint per group ID.`,
    };
  }
  const groupId = given[0]!;
  const lower = groupId.toLowerCase();
  const isSite = lower === SITE_GROUP_ID;
  const isSlot = lower.startsWith(SLOT_GROUP_PREFIX);
  if (!isSite && !isSlot) {
    return {
      ok: false,
      code: "unknown_group_id",
      message: `“${groupId}” isn't a group ID of App Service apps. Use “sites” for the app itself or “sites-<slot>” for a deployment slot.`,
    };
  }
  const slotName = isSlot ? groupId.slice(SLOT_GROUP_PREFIX.length) : null;
  if (slotName !== null) {
    const nameCheck = checkName("slotName", slotName);
    if (!nameCheck.ok) {
      return { ok: false, code: "bad_slot_group_id", message: `“${groupId}” doesn't name a valid slot. ${nameCheck.message}` };
    }
  }

  if (target.kind === "site") {
    return { ok: true, groupId: slotName === null ? SITE_GROUP_ID : slotGroupId(slotName), slotName };
  }
  // A slot target: only its own group ID reaches it.
  if (slotName === null) {
    return {
      ok: false,
      code: "site_group_id_for_slot",
      message: `“sites” reaches the production app ${target.siteName}, not its slot ${target.slotName}. Use “${slotGroupId(target.slotName)}”.`,
    };
  }
  if (slotName.toLowerCase() !== target.slotName.toLowerCase()) {
    return {
      ok: false,
      code: "other_slot_group_id",
      message: `“${groupId}” reaches the slot ${slotName}, but the target is the slot ${target.slotName}. Use “${slotGroupId(target.slotName)}”.`,
    };
  }
  return { ok: true, groupId: slotGroupId(target.slotName), slotName: target.slotName };
}

/**
 * What goes into the private endpoint's `manualPrivateLinkServiceConnections[].properties`:
 * a slot is reached through its site's ID with `sites-<slot>`; a Private Link Service takes no
 * group IDs. `groupId` must already have passed validateGroupId (null: the target's default).
 */
export function privateLinkConnectionFor(
  target: TargetResourceId,
  groupId: string | null = defaultGroupId(target),
): { privateLinkServiceId: string; groupIds: string[] } {
  switch (target.kind) {
    case "site":
      return { privateLinkServiceId: target.id, groupIds: [groupId ?? SITE_GROUP_ID] };
    case "slot":
      return { privateLinkServiceId: target.siteId, groupIds: [slotGroupId(target.slotName)] };
    case "privateLinkService":
      return { privateLinkServiceId: target.id, groupIds: [] };
  }
}

// ---------------------------------------------------------------- DNS

/** The privatelink zone of a catalog entry in a cloud (privatelink.azurewebsites.us in US Government), or null. */
export function privateDnsZoneOf(entry: Pick<CatalogEntry, "privateDnsZoneKey">, cloud: AzureCloudName = "AzurePublicCloud"): string | null {
  return entry.privateDnsZoneKey ? AZURE_CLOUDS[cloud].privateDnsZones[entry.privateDnsZoneKey] : null;
}

/** The App Service private DNS zone of a cloud. */
export function appServicePrivateDnsZone(cloud: AzureCloudName = "AzurePublicCloud"): string {
  return AZURE_CLOUDS[cloud].privateDnsZones.appService;
}

/** App Service's public DNS suffix in a cloud; `<host>.azurewebsites.net` CNAMEs to `<host>.privatelink…`. */
export function appServicePublicSuffix(cloud: AzureCloudName = "AzurePublicCloud"): string {
  return AZURE_CLOUDS[cloud].appServiceSuffix;
}

/**
 * Lower-cases a DNS label and converts non-ASCII names to Punycode (App Service allows names
 * that map to Punycode). Uses the WHATWG URL parser, which exists in Node and in browsers.
 */
export function toDnsLabel(name: string): string {
  const lower = name.toLowerCase();
  if (/^[a-z0-9-]*$/.test(lower)) return lower;
  try {
    return new URL(`http://${lower}.invalid/`).hostname.slice(0, -".invalid".length);
  } catch {
    return lower;
  }
}

/**
 * The private DNS zone and record names a site or slot needs, derived from names alone:
 * `<app>` and `<app>.scm`, or `<app>-<slot>` and `<app>-<slot>.scm`. Returns null for a Private
 * Link Service (the provider supplies FQDNs). Prefer the FQDNs Azure reports in the endpoint's
 * customDnsConfigs when you have them (dns-guide.ts does): App Service may shorten long
 * hostnames, and that rule is not something Crosslink can reproduce.
 */
export function privateDnsRecordsFor(
  target: TargetResourceId,
  groupId: string | null = defaultGroupId(target),
  cloud: AzureCloudName = "AzurePublicCloud",
): { zone: string; host: string; recordNames: string[] } | null {
  if (target.kind === "privateLinkService") return null;
  const site: SiteResourceId | SlotResourceId = target;
  const slotName =
    target.kind === "slot" ? target.slotName : groupId && groupId.toLowerCase().startsWith(SLOT_GROUP_PREFIX) ? groupId.slice(SLOT_GROUP_PREFIX.length) : null;
  const host = toDnsLabel(slotName ? `${site.siteName}-${slotName}` : site.siteName);
  return { zone: appServicePrivateDnsZone(cloud), host, recordNames: [host, `${host}.scm`] };
}

// ---------------------------------------------------------------- request message

/** Why a request message can't be sent. */
export type RequestMessageErrorCode = "message_too_long" | "message_control_characters" | "message_bidi_controls" | "message_invalid_text";

/** A message ready to send (normalised), or why not. */
export type RequestMessageCheck =
  | { ok: true; message: string; length: number; limit: number }
  | { ok: false; code: RequestMessageErrorCode; message: string; length: number; limit: number };

// Bidirectional embedding/override/isolate controls: they can make the provider see a message
// other than the one written ("Trojan Source"). Marks (U+200E/F) are harmless and allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
// Control characters (Cc) other than the line feed, which is the one line break kept.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
// A surrogate half without its partner: not text, and not valid in JSON sent to Azure.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A label inside a sentence: "Web apps" → "web apps", but product names keep their capitals. */
export function inSentence(label: string): string {
  return /^(Private Link|Azure|SQL)/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Validates the request message the provider will read (Azure's `requestMessage`).
 *
 * Normalisation first: outer whitespace is trimmed and CRLF/CR become LF, so what is counted is
 * what is sent. Length is counted in UTF-16 code units, like JavaScript's `length` and .NET's
 * (Azure's) string length: most characters count one, emoji and some rare characters two.
 * Line feeds are allowed; other control characters, bidirectional overrides and broken text
 * are refused. An empty message is allowed (Azure's is optional); callers may require one.
 */
export function validateRequestMessage(raw: string, resourceType: string): RequestMessageCheck {
  const limit = requestMessageLimitFor(resourceType);
  const message = raw.replace(/\r\n?/g, "\n").trim();
  const length = message.length;
  const entry = catalogEntryFor(resourceType);
  const what = entry ? inSentence(entry.pluralLabel) : "this resource type";
  if (LONE_SURROGATE.test(message)) {
    return { ok: false, code: "message_invalid_text", length, limit, message: "The message contains a broken character (half of an emoji or symbol). Retype the last characters you pasted." };
  }
  const control = CONTROL_CHARS.exec(message);
  if (control) {
    const code = control[0].codePointAt(0) ?? 0;
    const name = code === 9 ? "a tab" : `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
    return { ok: false, code: "message_control_characters", length, limit, message: `The message contains ${name}. Use plain text; line breaks are fine.` };
  }
  if (BIDI_CONTROLS.test(message)) {
    return {
      ok: false,
      code: "message_bidi_controls",
      length,
      limit,
      message: "The message contains invisible text-direction characters, which could make the provider read something else. Retype it without them.",
    };
  }
  if (length > limit) {
    return {
      ok: false,
      code: "message_too_long",
      length,
      limit,
      message: `The message is ${length} characters long; Azure accepts at most ${limit} for ${what}. Shorten it by ${length - limit} (emoji count as two).`,
    };
  }
  return { ok: true, message, length, limit };
}
