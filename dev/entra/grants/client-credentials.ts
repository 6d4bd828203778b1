/**
 * grant_type=client_credentials: an app-only token for the client's service principal in the
 * authority's tenant. Needs a tenant authority (at common/organizations Entra answers AADSTS50059;
 * MSAL refuses even earlier with missing_tenant_id_error) and exactly one `<resource>/.default` scope.
 */
import { authorityLabel } from "../authority";
import { Errors } from "../errors";
import { findResource } from "../resources";
import { appTokenResponse } from "../token-response";
import { required, type GrantHandler } from "./types";

export const clientCredentialsGrant: GrantHandler = async ({ ctx, authority, client, form }) => {
  if (authority.kind !== "tenant") throw Errors.noTenantForAppOnly();
  const scope = required(form, "scope", Errors.missingParameter);
  const parts = scope.split(/\s+/).filter(Boolean);
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (!only || !only.endsWith("/.default")) throw Errors.appOnlyNeedsDefault(scope);
  const resourceId = only.slice(0, -"/.default".length);
  const resource = findResource(resourceId);
  if (!resource) throw Errors.resourceNotFound(resourceId, authorityLabel(authority));
  return appTokenResponse(ctx, { tenant: authority.tenant, clientId: client.clientId, resource });
};
