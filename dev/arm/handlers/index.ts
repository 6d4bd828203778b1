/**
 * The route table: every ARM operation the local ARM serves, in match order.
 */
import { Router } from "../http/router";
import { networkInterfaceRoutes } from "./network-interfaces";
import { operationRoutes } from "./operations";
import { privateDnsRoutes } from "./private-dns";
import { privateEndpointRoutes } from "./private-endpoints";
import { privateLinkServiceRoutes } from "./private-link-services";
import { providerRoutes } from "./providers";
import { resourceGroupRoutes } from "./resource-groups";
import { siteRoutes } from "./sites";
import { subscriptionRoutes } from "./subscriptions";
import { virtualNetworkRoutes } from "./virtual-networks";

export function buildRouter(): Router {
  const router = new Router();
  router.add(
    ...subscriptionRoutes,
    ...resourceGroupRoutes,
    ...operationRoutes,
    ...privateEndpointRoutes,
    ...networkInterfaceRoutes,
    ...virtualNetworkRoutes,
    ...privateLinkServiceRoutes,
    ...privateDnsRoutes,
    ...siteRoutes,
    // Last: `/subscriptions/{id}/providers/{namespace}` would otherwise shadow nothing, but keep
    // the generic provider routes after the specific resource routes.
    ...providerRoutes,
  );
  return router;
}
