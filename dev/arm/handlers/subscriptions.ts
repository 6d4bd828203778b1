/**
 * Tenant-level ARM calls (api family "subscriptions"): list/get subscriptions, list tenants, list
 * locations. A caller sees only subscriptions of its own tenant in which it holds some role, as in
 * ARM; another tenant's subscription answers 401 InvalidAuthenticationTokenTenant (pipeline).
 */
import { Errors } from "../http/errors";
import type { Ctx, Route } from "../http/router";
import { REGIONS } from "../world/locations";
import type { SubscriptionRecord } from "../world/model";
import { ok, paged } from "./common";

export function renderSubscription(s: SubscriptionRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

function visible(ctx: Ctx, s: SubscriptionRecord): boolean {
  return (
    s.tenantId.toLowerCase() === ctx.principal.tid.toLowerCase() &&
    ctx.svc.rbac.hasAnyAssignmentTouching(ctx.principal.oid, `/subscriptions/${s.subscriptionId}`)
  );
}

export const subscriptionRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions",
    operationId: "Subscriptions_List",
    family: "subscriptions",
    type: "Microsoft.Resources/subscriptions",
    handle: (ctx) => paged(ctx, ctx.svc.world.allSubscriptions().filter((s) => visible(ctx, s)).map(renderSubscription)),
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}",
    operationId: "Subscriptions_Get",
    family: "subscriptions",
    type: "Microsoft.Resources/subscriptions",
    handle: (ctx) => {
      const s = ctx.svc.world.subscription(ctx.params.subscriptionId!)!;
      if (!visible(ctx, s)) {
        throw Errors.authorizationFailed(ctx.principal.client, ctx.principal.oid, "Microsoft.Resources/subscriptions/read", `/subscriptions/${s.subscriptionId}`);
      }
      return ok(renderSubscription(s));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/locations",
    operationId: "Subscriptions_ListLocations",
    family: "subscriptions",
    type: "Microsoft.Resources/subscriptions/locations",
    action: "Microsoft.Resources/subscriptions/locations/read",
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle: (ctx) =>
      ok({
        value: REGIONS.map((r) => ({
          id: `/subscriptions/${ctx.params.subscriptionId}/locations/${r.name}`,
          type: "Region",
          name: r.name,
          displayName: r.displayName,
          regionalDisplayName: r.regionalDisplayName,
          metadata: { regionType: "Physical", regionCategory: "Recommended", geography: r.geography },
        })),
      }),
  },
  {
    method: "GET",
    template: "/tenants",
    operationId: "Tenants_List",
    family: "subscriptions",
    type: "Microsoft.Resources/tenants",
    handle: (ctx) => {
      const t = ctx.svc.world.tenant(ctx.principal.tid);
      return paged(
        ctx,
        t
          ? [
              {
                id: `/tenants/${t.tenantId}`,
                tenantId: t.tenantId,
                tenantCategory: "Home",
                displayName: t.displayName,
                defaultDomain: t.defaultDomain,
                domains: [t.defaultDomain],
                countryCode: "US",
                tenantType: "AAD",
              },
            ]
          : [],
      );
    },
  },
];
