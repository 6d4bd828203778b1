/**
 * ARM resource IDs: parsing, building and comparing.
 * ARM treats IDs case-insensitively but returns the casing the resource was created with, so the
 * world keys everything by `idKey()` (lowercase) and keeps the original string for output.
 */

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ParsedResourceId = {
  subscriptionId: string;
  resourceGroup?: string;
  /** e.g. "Microsoft.Network" */
  namespace?: string;
  /** Type segments after the namespace, e.g. ["sites", "slots"]. */
  types: string[];
  /** Name segments matching `types`, e.g. ["contoso-orders", "staging"]. */
  names: string[];
  /** Full type, e.g. "Microsoft.Web/sites/slots". */
  fullType?: string;
  /** Last name segment (the resource's own name). */
  name?: string;
};

export function idKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, "");
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}

/** True when `scope` equals `id` or is an ancestor of it (segment-aware, case-insensitive). */
export function isWithinScope(id: string, scope: string): boolean {
  const i = idKey(id);
  const s = idKey(scope);
  if (s === "" || s === "/") return true;
  return i === s || i.startsWith(s + "/");
}

/**
 * Parses `/subscriptions/{sub}[/resourceGroups/{rg}][/providers/{ns}/{type}/{name}(/{type}/{name})*]`.
 * Returns undefined for anything else (the caller answers LinkedInvalidPropertyId or similar).
 */
export function parseResourceId(id: unknown): ParsedResourceId | undefined {
  if (typeof id !== "string" || !id.startsWith("/")) return undefined;
  const seg = id.split("/").slice(1);
  if (seg.length > 0 && seg[seg.length - 1] === "") seg.pop();
  if (seg.some((s) => s === "")) return undefined;
  if (seg.length < 2 || seg[0]!.toLowerCase() !== "subscriptions") return undefined;
  const result: ParsedResourceId = { subscriptionId: seg[1]!, types: [], names: [] };
  let i = 2;
  if (seg[i]?.toLowerCase() === "resourcegroups") {
    if (seg[i + 1] === undefined) return undefined;
    result.resourceGroup = seg[i + 1];
    i += 2;
  }
  if (i === seg.length) return result;
  if (seg[i]?.toLowerCase() !== "providers" || seg[i + 1] === undefined) return undefined;
  result.namespace = seg[i + 1];
  i += 2;
  const rest = seg.slice(i);
  if (rest.length === 0 || rest.length % 2 !== 0) return undefined;
  for (let j = 0; j < rest.length; j += 2) {
    result.types.push(rest[j]!);
    result.names.push(rest[j + 1]!);
  }
  result.fullType = `${result.namespace}/${result.types.join("/")}`;
  result.name = result.names[result.names.length - 1];
  return result;
}
