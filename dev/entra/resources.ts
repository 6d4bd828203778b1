/**
 * Resources (APIs) tokens can be issued for, and the parsing of the `scope` parameter into one
 * resource plus scopes, with Entra's rules:
 * - `openid profile email offline_access` are OpenID Connect scopes, not a resource;
 * - `<resource>/<scope>` names a resource by App ID URI or app ID; a bare name is Microsoft Graph;
 * - one request may name only one resource (AADSTS28000);
 * - `<resource>/.default` means "everything consented" and stands alone;
 * - only OIDC scopes means a Microsoft Graph token (`User.Read`), as Entra does.
 */
import { ARM_RESOURCE, CROSSLINK_APP } from "../world/demo-tenants";
import { Errors } from "./errors";

export type Resource = {
  /** App ID of the resource's app registration (access tokens' sub is pairwise per resource). */
  appId: string;
  displayName: string;
  /** Identifiers accepted in scopes (App ID URIs, app ID), compared case-insensitively without trailing slash. */
  identifiers: string[];
  /** The `aud` claim of its access tokens. */
  audience: string;
  /** 1 = v1-shaped tokens (ARM, Graph: iss `<host>/<tid>/`, appid, upn); 2 = v2 (iss `<host>/<tid>/v2.0`, azp). */
  tokenVersion: 1 | 2;
  /** Delegated scopes (scp) the resource defines. */
  delegatedScopes: string[];
  /** How scopes are written in the token response's `scope`: full URI, or short (Graph). */
  scopePrefix: string;
};

export const GRAPH: Resource = {
  appId: "00000003-0000-0000-c000-000000000000",
  displayName: "Microsoft Graph",
  identifiers: ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"],
  audience: "00000003-0000-0000-c000-000000000000",
  tokenVersion: 1,
  delegatedScopes: ["User.Read"],
  scopePrefix: "",
};

export const ARM: Resource = {
  appId: ARM_RESOURCE.appId,
  displayName: "Windows Azure Service Management API",
  identifiers: [ARM_RESOURCE.audience, "https://management.core.windows.net", ARM_RESOURCE.appId],
  audience: ARM_RESOURCE.audience,
  tokenVersion: 1,
  delegatedScopes: ["user_impersonation"],
  scopePrefix: `${ARM_RESOURCE.audience}/`,
};

export const CROSSLINK_API: Resource = {
  appId: CROSSLINK_APP.clientId,
  displayName: CROSSLINK_APP.displayName,
  identifiers: [CROSSLINK_APP.appIdUri, CROSSLINK_APP.clientId],
  // v2 tokens for an app's own API carry the client ID as audience.
  audience: CROSSLINK_APP.clientId,
  tokenVersion: 2,
  delegatedScopes: [CROSSLINK_APP.apiScope.slice(CROSSLINK_APP.appIdUri.length + 1)],
  scopePrefix: `${CROSSLINK_APP.appIdUri}/`,
};

export const RESOURCES: readonly Resource[] = [ARM, CROSSLINK_API, GRAPH];

export const OIDC_SCOPES = ["openid", "profile", "email", "offline_access"] as const;
export type OidcScope = (typeof OIDC_SCOPES)[number];

export type ScopeRequest = {
  oidc: Set<OidcScope>;
  resource: Resource;
  /** Short scope names granted (scp), e.g. ["user_impersonation"]. */
  scopes: string[];
  /** True for `<resource>/.default`. */
  isDefault: boolean;
  /** True when the request named a resource (not just OIDC scopes). */
  explicitResource: boolean;
};

const normalize = (id: string) => id.replace(/\/+$/, "").toLowerCase();

export function findResource(identifier: string): Resource | undefined {
  const wanted = normalize(identifier);
  return RESOURCES.find((r) => r.identifiers.some((id) => normalize(id) === wanted));
}

/** Splits "https://management.azure.com//.default" into resource and name; bare names are Graph's. */
function splitScope(scope: string): { resourceId: string; name: string } {
  const slash = scope.lastIndexOf("/");
  if (slash <= 0) return { resourceId: GRAPH.identifiers[0]!, name: scope };
  return { resourceId: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

/**
 * @param tenantLabel used in "resource not found in tenant" errors
 */
export function parseScopes(raw: string | undefined, tenantLabel: string): ScopeRequest {
  const parts = [...new Set((raw ?? "").split(/\s+/).filter(Boolean))];
  if (parts.length === 0) throw Errors.missingParameter("scope");

  const oidc = new Set<OidcScope>();
  let resource: Resource | undefined;
  const names: string[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      oidc.add(lower as OidcScope);
      continue;
    }
    const { resourceId, name } = splitScope(part);
    const found = findResource(resourceId);
    if (!found) throw Errors.resourceNotFound(resourceId, tenantLabel);
    if (resource && resource !== found) throw Errors.multipleResources(parts.join(" "));
    resource = found;
    names.push(name);
  }

  if (!resource) {
    return { oidc, resource: GRAPH, scopes: [...GRAPH.delegatedScopes], isDefault: false, explicitResource: false };
  }
  if (names.includes(".default")) {
    if (names.length > 1) throw Errors.invalidScope(parts.join(" "));
    return { oidc, resource, scopes: [...resource.delegatedScopes], isDefault: true, explicitResource: true };
  }
  const scopes: string[] = [];
  for (const name of names) {
    const known = resource.delegatedScopes.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!known) throw Errors.invalidScope(`${resource.scopePrefix}${name}`);
    scopes.push(known);
  }
  return { oidc, resource, scopes, isDefault: false, explicitResource: true };
}

/** The `scope` of a token response: full scope URIs (short names for Graph, plus the OIDC scopes Graph reports). */
export function responseScope(request: ScopeRequest): string {
  const granted = request.scopes.map((s) => `${request.resource.scopePrefix}${s}`);
  if (request.resource === GRAPH) {
    const oidc = [...request.oidc].filter((s) => s !== "offline_access");
    return [...new Set([...oidc, ...granted])].join(" ");
  }
  return granted.join(" ");
}
