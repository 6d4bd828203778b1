/**
 * ARM resource IDs: parsing what a person pastes into a validated, normalised ID.
 *
 * ARM compares IDs case-insensitively and answers with the casing a resource was created with.
 * So the parser is case-insensitive on the keywords (`subscriptions`, `resourceGroups`,
 * `providers`), the namespaces and the types; it keeps the user's spelling of names for display
 * (`id`), and gives a lower-case `key` for matching. Subscription IDs are shown in lower case,
 * as ARM returns them.
 *
 * What people paste and the parser accepts: surrounding whitespace or quotes, a trailing slash,
 * a missing leading slash, an Azure portal address (`https://portal.azure.com/#@tenant/resource/
 * subscriptions/…/overview`, the blade at the end is dropped) and an ARM REST address
 * (`https://management.azure.com/subscriptions/…?api-version=…`). Everything else gets an error
 * with a code a machine can switch on and a message a UI can show as is.
 */
import { checkName, isGuid, type NamePart } from "./azure-names";
import { catalogEntryFor } from "./private-link-catalog";

/** The kinds of resource whose IDs Crosslink reads. */
export type ResourceKind = "site" | "slot" | "privateLinkService" | "privateEndpoint" | "virtualNetwork" | "subnet";

type Common = {
  /** The ID in canonical spelling: ARM's keyword/type casing, the user's names. */
  id: string;
  /** Lower-case `id`: compare keys, never display them. */
  key: string;
  /** Lower case. */
  subscriptionId: string;
  resourceGroup: string;
  /** ARM type, canonical spelling, e.g. "Microsoft.Web/sites/slots". */
  resourceType: string;
  /** The resource's own name (the last name segment). */
  name: string;
};

/** An App Service site: a web app or a function app. */
export type SiteResourceId = Common & { kind: "site"; siteName: string };
/** A deployment slot of a site. `siteId` is the parent site's ID. */
export type SlotResourceId = Common & { kind: "slot"; siteName: string; slotName: string; siteId: string };
/** A Private Link Service. */
export type PrivateLinkServiceResourceId = Common & { kind: "privateLinkService" };
/** A private endpoint (the consumer's side of a connection). */
export type PrivateEndpointResourceId = Common & { kind: "privateEndpoint" };
/** A virtual network. */
export type VirtualNetworkResourceId = Common & { kind: "virtualNetwork" };
/** A subnet. `virtualNetworkId` is its VNet's ID. */
export type SubnetResourceId = Common & { kind: "subnet"; virtualNetworkName: string; subnetName: string; virtualNetworkId: string };

/** Any ID the parser understands. */
export type ParsedResourceId =
  | SiteResourceId
  | SlotResourceId
  | PrivateLinkServiceResourceId
  | PrivateEndpointResourceId
  | VirtualNetworkResourceId
  | SubnetResourceId;

/** IDs a consumer can connect to. */
export type TargetResourceId = SiteResourceId | SlotResourceId | PrivateLinkServiceResourceId;

/** The kinds that are Private Link targets, in the order a UI lists them. */
export const TARGET_KINDS = ["site", "slot", "privateLinkService"] as const satisfies readonly ResourceKind[];

/** Codes of parse errors. */
export type ResourceIdErrorCode =
  | "empty"
  | "malformed"
  | "not_a_resource_id"
  | "has_query_string"
  | "unsupported_url"
  | "bad_subscription_id"
  | "bad_resource_group"
  | "subscription_only"
  | "resource_group_only"
  | "unsupported_resource_type"
  | "unknown_resource_type"
  | "nested_resource"
  | "wrong_resource_type"
  | "bad_name";

/** A parse error. `part` says which name is bad (bad_name, bad_resource_group). */
export type ResourceIdError = {
  ok: false;
  code: ResourceIdErrorCode;
  message: string;
  part?: NamePart | "subscriptionId";
  /** The ARM type found, when the error is about the type. */
  resourceType?: string;
  /** The kind found, for wrong_resource_type. */
  kind?: ResourceKind;
  /** A corrected ID to offer ("Did you mean …?"), for nested_resource. */
  suggestion?: string;
};

/** The result of parsing. */
export type ResourceIdResult<T extends ParsedResourceId = ParsedResourceId> = ({ ok: true } & T) | ResourceIdError;

/** Options of parseResourceId. */
export type ParseOptions<K extends ResourceKind> = {
  /** The kinds the caller accepts; others fail with wrong_resource_type. */
  expect?: readonly K[];
};

// ---------------------------------------------------------------- known shapes

type Shape = {
  kind: ResourceKind;
  namespace: string;
  /** Type segments after the namespace, canonical spelling. */
  types: readonly string[];
  /** Naming rule per name segment. */
  parts: readonly NamePart[];
  /** Label in a sentence: "a web app". */
  article: string;
};

const SHAPES: readonly Shape[] = [
  { kind: "site", namespace: "Microsoft.Web", types: ["sites"], parts: ["siteName"], article: "a web app or function app" },
  { kind: "slot", namespace: "Microsoft.Web", types: ["sites", "slots"], parts: ["siteName", "slotName"], article: "a deployment slot" },
  { kind: "privateLinkService", namespace: "Microsoft.Network", types: ["privateLinkServices"], parts: ["privateLinkServiceName"], article: "a Private Link Service" },
  { kind: "privateEndpoint", namespace: "Microsoft.Network", types: ["privateEndpoints"], parts: ["privateEndpointName"], article: "a private endpoint" },
  { kind: "virtualNetwork", namespace: "Microsoft.Network", types: ["virtualNetworks"], parts: ["virtualNetworkName"], article: "a virtual network" },
  { kind: "subnet", namespace: "Microsoft.Network", types: ["virtualNetworks", "subnets"], parts: ["virtualNetworkName", "subnetName"], article: "a subnet" },
];

/** "a web app or function app" etc., for messages. */
export const RESOURCE_KIND_ARTICLES: Readonly<Record<ResourceKind, string>> = Object.fromEntries(SHAPES.map((s) => [s.kind, s.article])) as Record<
  ResourceKind,
  string
>;

/**
 * Types people paste by mistake, with what to do instead. Not Private Link targets at all
 * (unlike the catalog's unsupported entries, which are targets Crosslink doesn't serve yet).
 */
const NEAR_MISSES: Readonly<Record<string, { article: string; hint: string }>> = {
  "microsoft.web/serverfarms": { article: "an App Service plan", hint: "Crosslink connects to the apps on a plan: paste the ID of the web app or function app." },
  "microsoft.network/loadbalancers": { article: "a load balancer", hint: "Consumers connect to the Private Link Service in front of it: paste the Private Link Service's ID." },
  "microsoft.network/networkinterfaces": { article: "a network interface", hint: "Paste the ID of the resource you want to reach." },
  "microsoft.network/privatednszones": { article: "a private DNS zone", hint: "Paste the ID of the resource you want to reach." },
};

function shapeFor(namespace: string, types: readonly string[]): Shape | undefined {
  const ns = namespace.toLowerCase();
  return SHAPES.find(
    (s) => s.namespace.toLowerCase() === ns && s.types.length === types.length && s.types.every((t, i) => t.toLowerCase() === types[i]?.toLowerCase()),
  );
}

/** Describes the expected kinds: "a web app or function app, a deployment slot or a Private Link Service". */
function describeKinds(kinds: readonly ResourceKind[]): string {
  const parts = kinds.map((k) => RESOURCE_KIND_ARTICLES[k]);
  if (parts.length <= 1) return parts[0] ?? "a resource";
  return `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
}

/** Where a user finds the ID of what the caller expects. */
function whereToFind(kinds: readonly ResourceKind[] | undefined): string {
  if (!kinds || kinds.length === 0) return "In the Azure portal, open the resource and copy Properties → Resource ID.";
  const first = kinds[0]!;
  const noun: Record<ResourceKind, string> = {
    site: "app",
    slot: "slot",
    privateLinkService: "Private Link Service",
    privateEndpoint: "private endpoint",
    virtualNetwork: "virtual network",
    subnet: "virtual network",
  };
  const extra = first === "subnet" ? " and add /subnets/<subnet name>" : "";
  return `Paste the ID from the ${noun[first]}'s Properties → Resource ID in the Azure portal${extra}.`;
}

// ---------------------------------------------------------------- input clean-up

const PORTAL_HOSTS = /(^|\.)portal\.azure\.(com|us|cn)$/i;
const ARM_HOSTS = /^management\.(azure\.com|usgovcloudapi\.net|chinacloudapi\.cn)$/i;

type Extracted = { ok: true; path: string; fromPortal: boolean } | ResourceIdError;

function fail(code: ResourceIdErrorCode, message: string, extra: Omit<ResourceIdError, "ok" | "code" | "message"> = {}): ResourceIdError {
  return { ok: false, code, message, ...extra };
}

/** Turns what was pasted into an ID path, or explains why it isn't one. */
function extractPath(input: string, expect: readonly ResourceKind[] | undefined): Extracted {
  let text = input.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(text);
  if (quoted) text = quoted[2]!.trim();
  if (text === "") return fail("empty", `Paste a resource ID. ${whereToFind(expect)}`);

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return extractFromUrl(text, expect);
  if (/\s/.test(text)) {
    return fail("malformed", "The ID contains spaces or line breaks. Copy it again in one piece; resource IDs have no spaces.");
  }
  if (text.includes("?")) {
    return fail("has_query_string", "Remove everything from the “?” on: a resource ID has no query string (like ?api-version=…).");
  }
  if (text.includes("#")) return fail("malformed", "The ID contains “#”, which never appears in resource IDs. Copy the ID again.");
  if (isGuid(text)) {
    return fail("not_a_resource_id", `This is a GUID on its own (a subscription or tenant ID), not a resource ID. ${whereToFind(expect)}`);
  }
  if (/^subscriptions\//i.test(text)) text = `/${text}`;
  if (!text.startsWith("/")) {
    return fail("not_a_resource_id", `This isn't a resource ID: those start with /subscriptions/. It looks like a name. ${whereToFind(expect)}`);
  }
  return { ok: true, path: text, fromPortal: false };
}

function extractFromUrl(text: string, expect: readonly ResourceKind[] | undefined): Extracted {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail("unsupported_url", `This looks like a web address but can't be read as one. ${whereToFind(expect)}`);
  }
  if (PORTAL_HOSTS.test(url.hostname)) {
    // The portal keeps the resource in the fragment: #@<tenant>/resource/subscriptions/…/<blade>
    const fragment = url.hash.replace(/^#/, "").replace(/\?.*$/s, "");
    const match = /^(?:@[^/]*)?\/?resource(\/subscriptions\/.*)$/i.exec(fragment);
    if (!match) {
      return fail("unsupported_url", `This Azure portal address doesn't point at a resource. Open the resource in the portal and copy its address, or better, Properties → Resource ID.`);
    }
    return decodePath(match[1]!, true);
  }
  if (ARM_HOSTS.test(url.hostname)) {
    if (!/^\/subscriptions\//i.test(url.pathname)) {
      return fail("unsupported_url", "This Azure Resource Manager address doesn't name a resource under /subscriptions/. Paste the resource's ID instead.");
    }
    return decodePath(url.pathname, false);
  }
  if (/(^|\.)azurewebsites\.net$/i.test(url.hostname)) {
    return fail(
      "unsupported_url",
      "This is the app's web address. Crosslink needs its resource ID: in the Azure portal, open the app and copy Properties → Resource ID.",
    );
  }
  return fail("unsupported_url", `This is a web address, not a resource ID. ${whereToFind(expect)}`);
}

function decodePath(path: string, fromPortal: boolean): Extracted {
  try {
    return { ok: true, path: path.split("/").map(decodeURIComponent).join("/"), fromPortal };
  } catch {
    return fail("malformed", "The address contains a broken %-escape. Copy it again, or paste the resource ID instead.");
  }
}

// ---------------------------------------------------------------- the parser

/**
 * Parses a pasted resource ID (or portal/ARM address). With `expect`, other kinds fail with
 * `wrong_resource_type` and messages name what was expected.
 */
export function parseResourceId<K extends ResourceKind = ResourceKind>(
  input: string,
  options: ParseOptions<K> = {},
): ResourceIdResult<Extract<ParsedResourceId, { kind: K }>> {
  const expect = options.expect;
  const extracted = extractPath(input, expect);
  if (!extracted.ok) return extracted;
  const { fromPortal } = extracted;

  const segments = extracted.path.split("/").slice(1);
  if (segments.length > 0 && segments.at(-1) === "") segments.pop(); // one trailing slash
  if (segments.some((s) => s === "")) {
    return fail("malformed", "The ID has an empty part (two slashes in a row, or more than one at the end). Copy the ID again.");
  }
  if (segments[0]?.toLowerCase() !== "subscriptions") {
    return fail("not_a_resource_id", `This isn't a resource ID: those start with /subscriptions/. ${whereToFind(expect)}`);
  }
  const subscription = segments[1];
  if (subscription === undefined) return fail("malformed", "The ID ends after /subscriptions/. Copy the whole ID.");
  if (!isGuid(subscription)) {
    return fail(
      "bad_subscription_id",
      `“${subscription}” isn't a subscription ID: those are GUIDs like 00000000-0000-0000-0000-000000000000. Copy the whole ID again.`,
      { part: "subscriptionId" },
    );
  }
  const subscriptionId = subscription.toLowerCase();
  const wanted = describeKinds(expect ?? []);

  // Portal addresses end with a blade name (…/overview); a subscription or group page too.
  if (fromPortal && segments.length === 3) segments.pop();
  if (segments.length === 2) {
    return fail("subscription_only", `This is the ID of a subscription, not of ${wanted}. ${whereToFind(expect)}`);
  }
  if (segments[2]!.toLowerCase() !== "resourcegroups") {
    if (segments[2]!.toLowerCase() === "providers") {
      return fail("malformed", `This ID has no resource group (/resourceGroups/<name>) after the subscription. ${whereToFind(expect)}`);
    }
    return fail("malformed", `Expected /resourceGroups/ after the subscription ID, found “/${segments[2]}/”. Copy the whole ID again.`);
  }
  const resourceGroup = segments[3];
  if (resourceGroup === undefined) return fail("malformed", "The ID ends after /resourceGroups/. Copy the whole ID.");
  const rgCheck = checkName("resourceGroup", resourceGroup);
  if (!rgCheck.ok) return fail("bad_resource_group", rgCheck.message, { part: "resourceGroup" });

  if (fromPortal && segments.length === 5) segments.pop();
  if (segments.length === 4) {
    return fail("resource_group_only", `This is the ID of a resource group, not of ${wanted}. ${whereToFind(expect)}`);
  }
  if (segments[4]!.toLowerCase() !== "providers") {
    return fail("malformed", `Expected /providers/ after the resource group, found “/${segments[4]}/”. Copy the whole ID again.`);
  }
  const namespace = segments[5];
  if (namespace === undefined) return fail("malformed", "The ID ends after /providers/. Copy the whole ID.");
  const rest = segments.slice(6);
  if (fromPortal && rest.length % 2 === 1) rest.pop(); // the portal blade
  if (rest.length === 0) return fail("malformed", `The ID ends after the provider ${namespace}. Copy the whole ID.`);
  if (rest.length % 2 === 1) {
    return fail("malformed", `The ID ends with the type “${rest.at(-1)}” but no name after it. Copy the whole ID again.`);
  }
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  const fullType = `${namespace}/${types.join("/")}`;

  const shape = shapeFor(namespace, types);
  if (!shape) return unknownType(namespace, types, names, { subscriptionId, resourceGroup }, expect);

  // The kind first: "this is a subnet, not an app" helps more than a remark on the subnet's name.
  if (expect && expect.length > 0 && !(expect as readonly ResourceKind[]).includes(shape.kind)) {
    return fail("wrong_resource_type", `This is the ID of ${shape.article}, not of ${wanted}. ${whereToFind(expect)}`, {
      kind: shape.kind,
      resourceType: fullType,
    });
  }
  for (let i = 0; i < shape.parts.length; i++) {
    const check = checkName(shape.parts[i]!, names[i]!);
    if (!check.ok) return fail("bad_name", `${check.message} Check that you copied the whole ID.`, { part: check.part });
  }

  const parsed = build(shape, subscriptionId, resourceGroup, names);
  return { ok: true, ...parsed } as ResourceIdResult<Extract<ParsedResourceId, { kind: K }>>;
}

function resourceGroupPrefix(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

function canonicalId(shape: Shape, subscriptionId: string, resourceGroup: string, names: readonly string[]): string {
  const pairs = shape.types.map((t, i) => `${t}/${names[i]}`).join("/");
  return `${resourceGroupPrefix(subscriptionId, resourceGroup)}/providers/${shape.namespace}/${pairs}`;
}

function build(shape: Shape, subscriptionId: string, resourceGroup: string, names: readonly string[]): ParsedResourceId {
  const id = canonicalId(shape, subscriptionId, resourceGroup, names);
  const common: Common = {
    id,
    key: id.toLowerCase(),
    subscriptionId,
    resourceGroup,
    resourceType: `${shape.namespace}/${shape.types.join("/")}`,
    name: names.at(-1)!,
  };
  const first = names[0]!;
  switch (shape.kind) {
    case "site":
      return { ...common, kind: "site", siteName: first };
    case "slot": {
      const siteShape = SHAPES.find((s) => s.kind === "site")!;
      return { ...common, kind: "slot", siteName: first, slotName: names[1]!, siteId: canonicalId(siteShape, subscriptionId, resourceGroup, [first]) };
    }
    case "privateLinkService":
      return { ...common, kind: "privateLinkService" };
    case "privateEndpoint":
      return { ...common, kind: "privateEndpoint" };
    case "virtualNetwork":
      return { ...common, kind: "virtualNetwork" };
    case "subnet": {
      const vnetShape = SHAPES.find((s) => s.kind === "virtualNetwork")!;
      return {
        ...common,
        kind: "subnet",
        virtualNetworkName: first,
        subnetName: names[1]!,
        virtualNetworkId: canonicalId(vnetShape, subscriptionId, resourceGroup, [first]),
      };
    }
  }
}

/** The error for a type that isn't one of SHAPES: nested, not yet supported, a near miss or unknown. */
function unknownType(
  namespace: string,
  types: readonly string[],
  names: readonly string[],
  at: { subscriptionId: string; resourceGroup: string },
  expect: readonly ResourceKind[] | undefined,
): ResourceIdError {
  const fullType = `${namespace}/${types.join("/")}`;
  const wanted = describeKinds(expect ?? []);

  // A part of a known resource (…/sites/x/config/web): offer the longest known ancestor.
  for (let n = types.length - 1; n >= 1; n--) {
    const ancestor = shapeFor(namespace, types.slice(0, n));
    if (!ancestor) continue;
    const ok = ancestor.parts.every((p, i) => checkName(p, names[i]!).ok);
    if (!ok) continue;
    const suggestion = canonicalId(ancestor, at.subscriptionId, at.resourceGroup, names.slice(0, n));
    return fail(
      "nested_resource",
      `This is the ID of a part (${types
        .slice(n)
        .map((t, i) => `${t}/${names[n + i]}`)
        .join("/")}) of ${ancestor.article}, not of the resource itself. Use the ID that ends at /${ancestor.types.at(-1)}/${names[n - 1]}: ${suggestion}`,
      { resourceType: fullType, suggestion },
    );
  }

  const topType = `${namespace}/${types[0]}`;
  const entry = catalogEntryFor(topType);
  if (entry && !entry.supported) {
    return fail("unsupported_resource_type", `${entry.pluralLabel} aren't supported by Crosslink yet. Crosslink connects to web apps, function apps, deployment slots and Private Link Services.`, {
      resourceType: entry.resourceType,
    });
  }
  const nearMiss = NEAR_MISSES[topType.toLowerCase()];
  if (nearMiss) {
    return fail("unknown_resource_type", `This is the ID of ${nearMiss.article}, not of ${wanted}. ${nearMiss.hint}`, { resourceType: fullType });
  }
  return fail(
    "unknown_resource_type",
    `Crosslink doesn't know the resource type ${fullType}. ${expect ? `It needs ${wanted}.` : "It reads IDs of web apps, function apps, deployment slots, Private Link Services, private endpoints, virtual networks and subnets."}`,
    { resourceType: fullType },
  );
}

// ---------------------------------------------------------------- conveniences

/** Parses the ID of a connection target: a site, a slot or a Private Link Service. */
export function parseTargetResourceId(input: string): ResourceIdResult<TargetResourceId> {
  return parseResourceId(input, { expect: TARGET_KINDS });
}

/** True for the kinds a consumer can connect to. */
export function isTargetResourceId(id: ParsedResourceId): id is TargetResourceId {
  return (TARGET_KINDS as readonly ResourceKind[]).includes(id.kind);
}

/** The lower-case matching key of an ID, or undefined when it doesn't parse. */
export function resourceIdKey(input: string): string | undefined {
  const parsed = parseResourceId(input);
  return parsed.ok ? parsed.key : undefined;
}

/**
 * True when two strings name the same resource (ARM's case-insensitive comparison). IDs this
 * parser doesn't know are compared as trimmed, lower-cased strings without a trailing slash.
 */
export function sameResourceId(a: string, b: string): boolean {
  const key = (s: string) => resourceIdKey(s) ?? s.trim().replace(/\/$/, "").toLowerCase();
  return key(a) === key(b);
}
