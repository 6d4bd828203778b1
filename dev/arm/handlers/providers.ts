/**
 * Resource provider registration (read, register, unregister). A write to a namespace the
 * subscription has not registered answers 409 MissingSubscriptionRegistration (pipeline), as ARM.
 * Register is asynchronous as in Azure: `Registering` for behaviour.registrationMs, then
 * `Registered` (the caller polls the provider's `registrationState`).
 */
import { Errors } from "../http/errors";
import type { Ctx, Route } from "../http/router";
import { API_VERSIONS } from "../protocol/api-versions";
import { REGIONS } from "../world/locations";
import { ok, paged } from "./common";

const LOCATIONS = REGIONS.map((r) => r.displayName);

const PROVIDERS: Record<string, { resourceType: string; apiVersions: readonly string[]; global?: boolean }[]> = {
  "Microsoft.Network": [
    { resourceType: "privateEndpoints", apiVersions: API_VERSIONS.network },
    { resourceType: "privateLinkServices", apiVersions: API_VERSIONS.network },
    { resourceType: "networkInterfaces", apiVersions: API_VERSIONS.network },
    { resourceType: "virtualNetworks", apiVersions: API_VERSIONS.network },
    { resourceType: "locations/operations", apiVersions: API_VERSIONS.network },
    { resourceType: "locations/operationResults", apiVersions: API_VERSIONS.network },
    { resourceType: "privateDnsZones", apiVersions: API_VERSIONS.privatedns, global: true },
    { resourceType: "privateDnsZones/virtualNetworkLinks", apiVersions: API_VERSIONS.privatedns, global: true },
  ],
  "Microsoft.Web": [
    { resourceType: "sites", apiVersions: API_VERSIONS.web },
    { resourceType: "sites/slots", apiVersions: API_VERSIONS.web },
    { resourceType: "sites/privateEndpointConnections", apiVersions: API_VERSIONS.web },
    { resourceType: "locations/operationResults", apiVersions: API_VERSIONS.web },
  ],
  "Microsoft.Resources": [
    { resourceType: "resourceGroups", apiVersions: API_VERSIONS.resources, global: true },
    { resourceType: "subscriptions", apiVersions: API_VERSIONS.subscriptions, global: true },
  ],
};

function canonical(ns: string): string | undefined {
  return Object.keys(PROVIDERS).find((k) => k.toLowerCase() === ns.toLowerCase());
}

function render(ctx: Ctx, ns: string): Record<string, unknown> {
  return {
    id: `/subscriptions/${ctx.params.subscriptionId}/providers/${ns}`,
    namespace: ns,
    registrationState: ctx.svc.world.registrationState(ctx.params.subscriptionId!, ns),
    registrationPolicy: "RegistrationRequired",
    resourceTypes: PROVIDERS[ns]!.map((t) => ({
      resourceType: t.resourceType,
      locations: t.global ? ["global"] : LOCATIONS,
      apiVersions: [...t.apiVersions].reverse(),
    })),
  };
}

function nsOr404(ctx: Ctx): string {
  const ns = canonical(ctx.params.resourceProviderNamespace!);
  if (!ns) throw Errors.invalidResourceNamespace(ctx.params.resourceProviderNamespace!);
  return ns;
}

function registration(register: boolean) {
  return (ctx: Ctx) => {
    const ns = nsOr404(ctx);
    // Registering takes a while in Azure: the answer says Registering until it is done.
    if (ns !== "Microsoft.Resources") ctx.svc.world.setRegistered(ctx.params.subscriptionId!, ns, register, ctx.svc.behaviour.registrationMs);
    return ok(render(ctx, ns));
  };
}

export const providerRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers",
    operationId: "Providers_List",
    family: "resources",
    type: "Microsoft.Resources/providers",
    action: "Microsoft.Resources/subscriptions/providers/read",
    handle: (ctx) => paged(ctx, Object.keys(PROVIDERS).map((ns) => render(ctx, ns))),
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}",
    operationId: "Providers_Get",
    family: "resources",
    type: "Microsoft.Resources/providers",
    action: "Microsoft.Resources/subscriptions/providers/read",
    handle: (ctx) => ok(render(ctx, nsOr404(ctx))),
  },
  {
    method: "POST",
    template: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register",
    operationId: "Providers_Register",
    family: "resources",
    type: "Microsoft.Resources/providers",
    action: (p) => `${p.resourceProviderNamespace}/register/action`,
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle: registration(true),
  },
  {
    method: "POST",
    template: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/unregister",
    operationId: "Providers_Unregister",
    family: "resources",
    type: "Microsoft.Resources/providers",
    action: (p) => `${p.resourceProviderNamespace}/unregister/action`,
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle: registration(false),
  },
];
