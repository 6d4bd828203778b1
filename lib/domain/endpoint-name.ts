/**
 * Private endpoint names: validation against Azure's rule and a suggestion from the target.
 *
 * Azure's rule (resource-name-rules, Microsoft.Network/privateEndpoints): 2–64 characters;
 * alphanumerics, underscores, periods and hyphens; start with an alphanumeric; end with an
 * alphanumeric or an underscore. Unique within the resource group (case-insensitively).
 */
import { NAME_RULES, checkName, type NameProblem } from "./azure-names";
import type { TargetResourceId } from "./resource-id";

/** Longest private endpoint name Azure accepts. */
export const MAX_ENDPOINT_NAME_LENGTH = NAME_RULES.privateEndpointName.max;

/** Why a name is refused: Azure's rule, or already used in the resource group. */
export type EndpointNameErrorCode = NameProblem | "name_taken";

/** The result of validating an endpoint name. */
export type EndpointNameCheck = { ok: true; name: string } | { ok: false; code: EndpointNameErrorCode; message: string };

/**
 * Validates a private endpoint name (trimmed first). `existingNames` are the names already used
 * in the target resource group; ARM names are case-insensitive, so is the comparison.
 */
export function validateEndpointName(raw: string, existingNames: readonly string[] = []): EndpointNameCheck {
  const name = raw.trim();
  const check = checkName("privateEndpointName", name);
  if (!check.ok) return { ok: false, code: check.problem, message: check.message };
  if (existingNames.some((n) => n.toLowerCase() === name.toLowerCase())) {
    return { ok: false, code: "name_taken", message: `A private endpoint named “${name}” already exists in this resource group. Choose another name.` };
  }
  return { ok: true, name };
}

/** Options of suggestEndpointName. */
export type EndpointNameHints = {
  /** A short word for the consumer's side, e.g. the tenant's short name or the resource group. */
  context?: string;
  /** Group ID in use; `sites-<slot>` on a site target adds the slot to the name. */
  groupId?: string | null;
  /** Names already taken in the resource group; the suggestion avoids them. */
  existingNames?: readonly string[];
};

// Keep the context short so the target's name, the informative part, survives trimming.
const MAX_CONTEXT = 20;
const MAX_SLOT = 20;

/** Reduces a piece to allowed characters: others become hyphens, runs of separators collapse. */
function clean(piece: string): string {
  return piece
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/[-.]{2,}/g, "-")
    .replace(/^[-._]+|[-.]+$/g, "")
    .toLowerCase();
}

/** Makes a candidate valid: trims to `max`, ends on an alphanumeric or underscore. */
function finish(candidate: string, max: number): string {
  let name = candidate.slice(0, max).replace(/[-.]+$/g, "");
  if (name.length < 2) name = "pe-endpoint".slice(0, Math.max(2, max));
  return name;
}

/**
 * Suggests a valid endpoint name: `pe-<app>[-<slot>][-<context>]` (a Private Link Service gives
 * `pe-<service>[-<context>]`), lower case, non-ASCII letters folded or replaced, trimmed to 64
 * characters by shortening the target's name first. With `existingNames` it appends `-2`, `-3`,
 * … until the name is free. The result always passes validateEndpointName.
 */
export function suggestEndpointName(target: TargetResourceId, hints: EndpointNameHints = {}): string {
  const groupSlot = hints.groupId && /^sites-/i.test(hints.groupId) ? hints.groupId.slice("sites-".length) : null;
  const main = clean(target.kind === "privateLinkService" ? target.name : target.siteName);
  const slot = clean(target.kind === "slot" ? target.slotName : (groupSlot ?? "")).slice(0, MAX_SLOT).replace(/[-.]+$/, "");
  const context = clean(hints.context ?? "").slice(0, MAX_CONTEXT).replace(/[-.]+$/, "");
  const taken = new Set((hints.existingNames ?? []).map((n) => n.toLowerCase()));

  const build = (max: number): string => {
    const tail = [slot, context].filter((p) => p !== "").map((p) => `-${p}`).join("");
    const room = Math.max(1, max - "pe-".length - tail.length);
    const head = main.slice(0, room).replace(/[-.]+$/, "") || "x";
    return finish(`pe-${head}${tail}`, max);
  };

  let name = build(MAX_ENDPOINT_NAME_LENGTH);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `-${n}`;
    name = `${build(MAX_ENDPOINT_NAME_LENGTH - suffix.length)}${suffix}`;
  }
  return name;
}
