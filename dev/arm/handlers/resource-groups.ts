/**
 * Resource groups (Microsoft.Resources, read-only: the demo world's groups are seeded). The list
 * shows every group when the caller may read at subscription scope, otherwise only the groups it
 * holds roles in; with neither it is refused like ARM refuses it.
 */
import { Errors } from "../http/errors";
import type { Route } from "../http/router";
import { isWithinScope } from "../world/ids";
import type { ResourceGroupRecord } from "../world/model";
import { ok, paged } from "./common";

const READ = "Microsoft.Resources/subscriptions/resourceGroups/read";

export function renderResourceGroup(g: ResourceGroupRecord): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    type: "Microsoft.Resources/resourceGroups",
    location: g.location,
    tags: g.tags ?? {},
    properties: { provisioningState: "Succeeded" },
  };
}

export const resourceGroupRoutes: Route[] = [
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/resourcegroups",
    operationId: "ResourceGroups_List",
    family: "resources",
    type: "Microsoft.Resources/resourceGroups",
    handle: (ctx) => {
      const sub = `/subscriptions/${ctx.params.subscriptionId}`;
      const { rbac, world } = ctx.svc;
      const all = world.resourceGroupsIn(ctx.params.subscriptionId!);
      const readable = rbac.can(ctx.principal.oid, READ, sub)
        ? all
        : all.filter((g) => rbac.can(ctx.principal.oid, READ, g.id) || world.roleAssignments.some((a) => a.principalId === ctx.principal.oid && isWithinScope(a.scope, g.id)));
      if (readable.length === 0 && !rbac.can(ctx.principal.oid, READ, sub)) {
        throw Errors.authorizationFailed(ctx.principal.client, ctx.principal.oid, READ, sub);
      }
      return paged(ctx, readable.map(renderResourceGroup));
    },
  },
  {
    method: "GET",
    template: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
    operationId: "ResourceGroups_Get",
    family: "resources",
    type: "Microsoft.Resources/resourceGroups",
    action: READ,
    handle: (ctx) => ok(renderResourceGroup(ctx.svc.world.resourceGroup(ctx.params.subscriptionId!, ctx.params.resourceGroupName!)!)),
  },
];
