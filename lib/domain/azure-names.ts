/**
 * Azure's naming rules for the parts of the resource IDs Crosslink reads and writes.
 *
 * Source: Microsoft's "Naming rules and restrictions for Azure resources" (resource-name-rules),
 * checked for this project. Where that page has no row (Private Link Services), the rule that the
 * page gives for nearly every other Microsoft.Network resource is used, and the row says so.
 *
 * "Alphanumeric" means ASCII a–z, A–Z, 0–9, as the page defines it. Two rows allow more:
 * - resource groups: letters and digits as .NET's Char.IsLetterOrDigit sees them (any script);
 * - App Service sites and slots: "Unicode characters that can be mapped to Punycode".
 * Lengths are counted in UTF-16 code units, as .NET (and ARM) count string length.
 *
 * Names are case-insensitive in ARM; these checks never change a name's case.
 */

/** The parts of an ID (or of a resource Crosslink names) that have a naming rule here. */
export type NamePart =
  | "resourceGroup"
  | "siteName"
  | "slotName"
  | "privateLinkServiceName"
  | "privateEndpointName"
  | "virtualNetworkName"
  | "subnetName"
  | "virtualNetworkLinkName";

/** Why a name broke its rule; a UI can switch on it, the message says it in words. */
export type NameProblem = "empty" | "too_short" | "too_long" | "invalid_characters" | "bad_start" | "bad_end";

/** One naming rule, as data so docs and tests can enumerate it. */
export type NameRule = {
  part: NamePart;
  /** Lower-case noun phrase for messages, e.g. "resource group name". */
  label: string;
  min: number;
  max: number;
  /** Matches one allowed character (no anchors, no flags other than `u`). */
  allowedChar: RegExp;
  /** Matches an allowed first character, when the rule constrains it. */
  firstChar?: RegExp;
  /** Matches an allowed last character, when the rule constrains it. */
  lastChar?: RegExp;
  /** The rule in plain words, shown after what went wrong. */
  description: string;
  /** Where the rule comes from, for reviewers. */
  source: string;
};

const ASCII_ALNUM = /[A-Za-z0-9]/u;
// Microsoft.Network's common rule: alphanumerics, underscores, periods, hyphens;
// start with an alphanumeric; end with an alphanumeric or an underscore.
const NETWORK_CHAR = /[A-Za-z0-9_.-]/u;
const NETWORK_LAST = /[A-Za-z0-9_]/u;
const NETWORK_DESCRIPTION = (min: number, max: number) =>
  `It must be ${min}–${max} characters of letters, digits, underscores, periods and hyphens, start with a letter or digit, and end with a letter, digit or underscore.`;
const RULES_PAGE = "learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules";

// Resource groups: Char.IsLetterOrDigit = categories Lu, Ll, Lt, Lm, Lo and Nd.
const RESOURCE_GROUP_CHAR = /[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nd}_().-]/u;
// App Service: letters and digits of any script (Punycode-mappable), combining marks and hyphens.
const APP_SERVICE_CHAR = /[\p{L}\p{M}\p{Nd}-]/u;
const APP_SERVICE_EDGE = /[\p{L}\p{Nd}]/u;

/** Every rule, keyed by the part it governs. */
export const NAME_RULES: Readonly<Record<NamePart, NameRule>> = {
  resourceGroup: {
    part: "resourceGroup",
    label: "resource group name",
    min: 1,
    max: 90,
    allowedChar: RESOURCE_GROUP_CHAR,
    lastChar: /[^.]/u,
    description: "It must be 1–90 characters of letters, digits, underscores, parentheses, hyphens and periods, and can't end with a period.",
    source: `${RULES_PAGE} (Microsoft.Resources/resourcegroups)`,
  },
  siteName: {
    part: "siteName",
    label: "web app name",
    min: 2,
    max: 60,
    allowedChar: APP_SERVICE_CHAR,
    firstChar: APP_SERVICE_EDGE,
    lastChar: APP_SERVICE_EDGE,
    description: "It must be 2–60 characters of letters, digits and hyphens, and can't start or end with a hyphen.",
    source: `${RULES_PAGE} (Microsoft.Web/sites; function apps share the rule)`,
  },
  slotName: {
    part: "slotName",
    label: "deployment slot name",
    min: 2,
    max: 59,
    allowedChar: APP_SERVICE_CHAR,
    description: "It must be 2–59 characters of letters, digits and hyphens.",
    source: `${RULES_PAGE} (Microsoft.Web/sites/slots)`,
  },
  privateLinkServiceName: {
    part: "privateLinkServiceName",
    label: "Private Link Service name",
    min: 1,
    max: 80,
    allowedChar: NETWORK_CHAR,
    firstChar: ASCII_ALNUM,
    lastChar: NETWORK_LAST,
    description: NETWORK_DESCRIPTION(1, 80),
    // The page has no privateLinkServices row; this is its rule for load balancers, NICs etc.
    source: `${RULES_PAGE} (no privateLinkServices row: the common Microsoft.Network 1-80 rule is assumed)`,
  },
  privateEndpointName: {
    part: "privateEndpointName",
    label: "private endpoint name",
    min: 2,
    max: 64,
    allowedChar: NETWORK_CHAR,
    firstChar: ASCII_ALNUM,
    lastChar: NETWORK_LAST,
    description: NETWORK_DESCRIPTION(2, 64),
    source: `${RULES_PAGE} (Microsoft.Network/privateEndpoints)`,
  },
  virtualNetworkName: {
    part: "virtualNetworkName",
    label: "virtual network name",
    min: 2,
    max: 64,
    allowedChar: NETWORK_CHAR,
    firstChar: ASCII_ALNUM,
    lastChar: NETWORK_LAST,
    description: NETWORK_DESCRIPTION(2, 64),
    source: `${RULES_PAGE} (Microsoft.Network/virtualNetworks)`,
  },
  subnetName: {
    part: "subnetName",
    label: "subnet name",
    min: 1,
    max: 80,
    allowedChar: NETWORK_CHAR,
    firstChar: ASCII_ALNUM,
    lastChar: NETWORK_LAST,
    description: NETWORK_DESCRIPTION(1, 80),
    source: `${RULES_PAGE} (Microsoft.Network/virtualnetworks/subnets)`,
  },
  virtualNetworkLinkName: {
    part: "virtualNetworkLinkName",
    label: "virtual network link name",
    min: 1,
    max: 80,
    allowedChar: NETWORK_CHAR,
    firstChar: ASCII_ALNUM,
    lastChar: NETWORK_LAST,
    description: NETWORK_DESCRIPTION(1, 80),
    source: `${RULES_PAGE} (Microsoft.Network/privateDnsZones/virtualNetworkLinks)`,
  },
};

/** Result of checking a name against its rule. */
export type NameCheck = { ok: true } | { ok: false; part: NamePart; problem: NameProblem; message: string };

/** Shows a character in a message so that a space or an invisible one is still visible. */
function showChar(ch: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)) return `“${ch}”`;
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}${ch === " " ? " (a space)" : ""}`;
}

/**
 * Checks `value` against the naming rule of `part`. The message names the value, says what is
 * wrong and then states the whole rule, so a user can fix it without looking anything up.
 */
export function checkName(part: NamePart, value: string): NameCheck {
  const rule = NAME_RULES[part];
  const fail = (problem: NameProblem, what: string): NameCheck => ({
    ok: false,
    part,
    problem,
    message: `${value === "" ? `The ${rule.label} is empty` : `“${value}” isn't a valid ${rule.label}: ${what}`}. ${rule.description}`,
  });
  if (value === "") return fail("empty", "");
  if (value.length < rule.min) return fail("too_short", `it is ${value.length} character${value.length === 1 ? "" : "s"} long`);
  if (value.length > rule.max) return fail("too_long", `it is ${value.length} characters long`);
  for (const ch of value) {
    if (!rule.allowedChar.test(ch)) return fail("invalid_characters", `it contains ${showChar(ch)}`);
  }
  const first = [...value][0] ?? "";
  const last = [...value].at(-1) ?? "";
  if (rule.firstChar && !rule.firstChar.test(first)) return fail("bad_start", `it starts with ${showChar(first)}`);
  if (rule.lastChar && !rule.lastChar.test(last)) return fail("bad_end", `it ends with ${showChar(last)}`);
  return { ok: true };
}

/** Subscription (and tenant) IDs are GUIDs; ARM accepts them in any case. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a GUID in the 8-4-4-4-12 form ARM uses (no braces). */
export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}
