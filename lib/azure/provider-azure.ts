/**
 * What Crosslink does in Azure as the provider, with its own identity in the provider tenant
 * (client credentials; see providerAppCredential): find the resources that can take private
 * endpoints, read their connections, approve, reject and remove them.
 *
 * Sites and slots are Microsoft.Web (arm-appservice: approval and removal are long-running);
 * Private Link Services are Microsoft.Network (arm-network: approval is synchronous, removal
 * long-running). Callers name a target by ID and never need to know which.
 *
 * Slots: where App Service lists a slot's connections is unconfirmed — under the slot
 * (`…/slots/{slot}/privateEndpointConnections`) or under the parent site with group ID
 * `sites-<slot>`. A slot's connections are looked for in both places, a site's list leaves out
 * those of its slots, and a slot connection is approved or removed where it was found.
 */
import type { TokenCredential } from "@azure/core-auth";
import type { AzureConnectionStatus } from "../domain/connection-lifecycle";
import type { PrivateLinkServiceResourceId, SiteResourceId, SlotResourceId } from "../domain/resource-id";
import { isNotFound, rethrow, type ErrorContext } from "./azure-error";
import { createArmClients, type ArmConfig } from "./clients";
import { LroWatch, type LroOptions } from "./lro";
import type { AzureClientOptions } from "./options";
import { requireResourceId } from "./resource-ids";
import { parseAzure, privateLinkServiceResourceSchema, providerConnectionSchema, siteResourceSchema, slotResourceSchema } from "./schemas";
import { listSubscriptions } from "./subscriptions";
import type { ManageableResource, ProviderConnection } from "./types";

/** A provider's decision. (Pending cannot be set; Disconnected is deleteConnection.) */
export type ConnectionDecision = {
  status: Extract<AzureConnectionStatus, "Approved" | "Rejected">;
  /** Shown to the consumer on their endpoint. */
  description: string;
  actionsRequired?: string;
};

export interface ProviderAzure {
  /** Web apps, function apps, their slots and Private Link Services in every subscription the identity sees. */
  listManageableResources(): Promise<ManageableResource[]>;
  /** One web app, function app, slot or Private Link Service; null when the identity cannot see it (404). */
  getManageableResource(resourceId: string): Promise<ManageableResource | null>;
  /** The connections on a site, slot or Private Link Service. */
  listConnections(targetResourceId: string): Promise<ProviderConnection[]>;
  /** Approves or rejects a connection. Long-running on sites and slots. */
  setConnectionState(targetResourceId: string, connectionName: string, decision: ConnectionDecision, options?: LroOptions): Promise<ProviderConnection>;
  /** Removes a connection (the consumer's endpoint becomes Disconnected). Gone already = done. */
  deleteConnection(targetResourceId: string, connectionName: string, options?: LroOptions): Promise<void>;
}

type Target = SiteResourceId | SlotResourceId | PrivateLinkServiceResourceId;

export function createProviderAzure(config: ArmConfig, credential: TokenCredential, options: AzureClientOptions = {}): ProviderAzure {
  const clients = createArmClients(config, credential, options);
  const ctx = (c: Omit<ErrorContext, "actor">): ErrorContext => ({ ...c, actor: "provider" });
  const target = (id: string): Target => requireResourceId(id, ["site", "slot", "privateLinkService"]);
  const lroOptions = (watch: LroWatch) => ({ updateIntervalInMs: clients.pollIntervalMs, onResponse: watch.onResponse });

  /**
   * A site's connections with their group IDs. `groupIds` is not in the App Service SDK's model
   * (it drops it), so it is read from the raw answer. Only the first page's raw answer reaches
   * `onResponse`; connections on later pages count as the site's own.
   */
  async function siteConnections(t: SiteResourceId | SlotResourceId): Promise<{ raw: unknown; groupIds: string[] }[]> {
    const groupIdsById = new Map<string, string[]>();
    const onResponse = (res: { parsedBody?: unknown }) => {
      const value = (res.parsedBody as { value?: unknown } | undefined)?.value;
      if (!Array.isArray(value)) return;
      for (const c of value as { id?: unknown; properties?: { groupIds?: unknown } }[]) {
        const ids = c.properties?.groupIds;
        if (typeof c.id === "string" && Array.isArray(ids)) groupIdsById.set(c.id.toLowerCase(), ids.filter((g): g is string => typeof g === "string"));
      }
    };
    const out: { raw: unknown; groupIds: string[] }[] = [];
    for await (const c of clients.web(t.subscriptionId).webApps.listPrivateEndpointConnectionList(t.resourceGroup, t.siteName, { onResponse })) {
      out.push({ raw: c, groupIds: groupIdsById.get(String((c as { id?: unknown }).id ?? "").toLowerCase()) ?? [] });
    }
    return out;
  }

  /** A slot's connections listed under the slot (none, or 404, when App Service lists them under the site). */
  async function slotConnectionsUnderSlot(t: SlotResourceId): Promise<unknown[]> {
    const out: unknown[] = [];
    try {
      for await (const c of clients.web(t.subscriptionId).webApps.listPrivateEndpointConnectionListSlot(t.resourceGroup, t.siteName, t.slotName)) out.push(c);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    return out;
  }

  /** Where a slot's connection lives: under the slot, else (App Service listing it under the site) the site. */
  async function slotConnectionHome(t: SlotResourceId, connectionName: string): Promise<"slot" | "site"> {
    try {
      await clients.web(t.subscriptionId).webApps.getPrivateEndpointConnectionSlot(t.resourceGroup, t.siteName, connectionName, t.slotName);
      return "slot";
    } catch (err) {
      if (isNotFound(err)) return "site";
      throw err;
    }
  }

  async function resourcesIn(subscriptionId: string): Promise<ManageableResource[]> {
    const web = clients.web(subscriptionId);
    const out: ManageableResource[] = [];
    for await (const site of web.webApps.list()) {
      const parsed = parseAzure(siteResourceSchema, site, `the web apps of subscription ${subscriptionId}`);
      out.push(parsed);
      for await (const slot of web.webApps.listSlots(parsed.resourceGroup, parsed.name)) {
        out.push(parseAzure(slotResourceSchema, slot, `the slots of ${parsed.name}`));
      }
    }
    for await (const pls of clients.network(subscriptionId).privateLinkServices.listBySubscription()) {
      out.push(parseAzure(privateLinkServiceResourceSchema, pls, `the Private Link Services of subscription ${subscriptionId}`));
    }
    return out;
  }

  return {
    async listManageableResources() {
      const subscriptions = await listSubscriptions(clients, "provider");
      const all: ManageableResource[] = [];
      for (const s of subscriptions) {
        try {
          all.push(...(await resourcesIn(s.subscriptionId)));
        } catch (err) {
          rethrow(err, ctx({ operation: "listManageableResources", subscriptionId: s.subscriptionId }));
        }
      }
      return all;
    },

    async getManageableResource(resourceId) {
      const t = target(resourceId);
      let raw: unknown;
      try {
        raw =
          t.kind === "site"
            ? await clients.web(t.subscriptionId).webApps.get(t.resourceGroup, t.siteName)
            : t.kind === "slot"
              ? await clients.web(t.subscriptionId).webApps.getSlot(t.resourceGroup, t.siteName, t.slotName)
              : await clients.network(t.subscriptionId).privateLinkServices.get(t.resourceGroup, t.name);
      } catch (err) {
        if (isNotFound(err)) return null;
        rethrow(err, ctx({ operation: "getManageableResource", subscriptionId: t.subscriptionId, resourceId: t.id }));
      }
      const schema = t.kind === "site" ? siteResourceSchema : t.kind === "slot" ? slotResourceSchema : privateLinkServiceResourceSchema;
      return parseAzure(schema, raw, t.name);
    },

    async listConnections(targetResourceId) {
      const t = target(targetResourceId);
      const schema = providerConnectionSchema(t.id);
      const raw: unknown[] = [];
      const isSlotGroup = (g: string) => /^sites-/i.test(g);
      try {
        if (t.kind === "site") {
          // Connections of the site's slots, when App Service lists them here, are not the site's.
          for (const c of await siteConnections(t)) if (!c.groupIds.some(isSlotGroup)) raw.push(c.raw);
        } else if (t.kind === "slot") {
          const group = `sites-${t.slotName}`.toLowerCase();
          const underSlot = await slotConnectionsUnderSlot(t);
          const underSite = (await siteConnections(t)).filter((c) => c.groupIds.some((g) => g.toLowerCase() === group)).map((c) => c.raw);
          const seen = new Set<string>();
          for (const c of [...underSlot, ...underSite]) {
            const name = String((c as { name?: unknown }).name ?? "").toLowerCase();
            if (seen.has(name)) continue;
            seen.add(name);
            raw.push(c);
          }
        } else {
          for await (const c of clients.network(t.subscriptionId).privateLinkServices.listPrivateEndpointConnections(t.resourceGroup, t.name)) raw.push(c);
        }
      } catch (err) {
        rethrow(err, ctx({ operation: "listConnections", subscriptionId: t.subscriptionId, resourceId: t.id }));
      }
      return raw.map((c) => parseAzure(schema, c, `the connections of ${t.name}`));
    },

    async setConnectionState(targetResourceId, connectionName, decision, opts = {}) {
      const t = target(targetResourceId);
      const state = {
        status: decision.status,
        description: decision.description,
        ...(decision.actionsRequired !== undefined ? { actionsRequired: decision.actionsRequired } : {}),
      };
      const watch = new LroWatch(opts.onProgress);
      let result: unknown;
      try {
        if (t.kind === "privateLinkService") {
          // Synchronous on Microsoft.Network (200 with the connection).
          result = watch.done(
            await clients.network(t.subscriptionId).privateLinkServices.updatePrivateEndpointConnection(
              t.resourceGroup,
              t.name,
              connectionName,
              { privateLinkServiceConnectionState: state },
              { onResponse: watch.onResponse },
            ),
          );
        } else {
          const web = clients.web(t.subscriptionId).webApps;
          const body = { privateLinkServiceConnectionState: state };
          const slot = t.kind === "slot" && (await slotConnectionHome(t, connectionName)) === "slot" ? t : null;
          const poller = slot
            ? web.approveOrRejectPrivateEndpointConnectionSlot(slot.resourceGroup, slot.siteName, connectionName, slot.slotName, body, lroOptions(watch))
            : web.approveOrRejectPrivateEndpointConnection(t.resourceGroup, t.siteName, connectionName, body, lroOptions(watch));
          result = await watch.run(poller);
        }
      } catch (err) {
        rethrow(err, ctx({ operation: "setConnectionState", subscriptionId: t.subscriptionId, resourceId: t.id }));
      }
      return parseAzure(providerConnectionSchema(t.id), result, `the connection ${connectionName}`);
    },

    async deleteConnection(targetResourceId, connectionName, opts = {}) {
      const t = target(targetResourceId);
      const watch = new LroWatch(opts.onProgress);
      try {
        if (t.kind === "privateLinkService") {
          const poller = await clients
            .network(t.subscriptionId)
            .privateLinkServices.beginDeletePrivateEndpointConnection(t.resourceGroup, t.name, connectionName, lroOptions(watch));
          await watch.run(poller);
        } else {
          const web = clients.web(t.subscriptionId).webApps;
          const slot = t.kind === "slot" && (await slotConnectionHome(t, connectionName)) === "slot" ? t : null;
          const poller = slot
            ? web.deletePrivateEndpointConnectionSlot(slot.resourceGroup, slot.siteName, connectionName, slot.slotName, lroOptions(watch))
            : web.deletePrivateEndpointConnection(t.resourceGroup, t.siteName, connectionName, lroOptions(watch));
          await watch.run(poller);
        }
      } catch (err) {
        if (isNotFound(err)) return; // already removed: what the caller wanted
        rethrow(err, ctx({ operation: "deleteConnection", subscriptionId: t.subscriptionId, resourceId: t.id }));
      }
    },
  };
}
