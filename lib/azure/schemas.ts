/**
 * The boundary: everything read back from Azure is parsed here into the app's types (types.ts).
 * The SDK types promise little (almost every field is optional), and another service or API
 * version may answer differently; a shape Crosslink cannot use becomes an AzureError that says
 * what was wrong, instead of an undefined deep in a page.
 *
 * Schemas list only the fields Crosslink uses; zod drops the rest.
 */
import { z } from "zod";
import { parseAzureConnectionStatus } from "../domain/connection-lifecycle";
import { armIdScope } from "./arm-id";
import { AzureError, LOCAL_ERROR_CODES } from "./azure-error";
import { endpointPlacement } from "./subnet-rules";
import type {
  AzureSubscription,
  ConnectionState,
  EndpointConnection,
  ManageableResource,
  PrivateEndpointInfo,
  ProviderConnection,
  SubnetInfo,
  VirtualNetworkInfo,
} from "./types";

// ---------------------------------------------------------------- building blocks

const text = z.string().min(1);
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : v));
const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/**
 * Azure region names: Microsoft.Web answers display names ("West Europe") where Microsoft.Network
 * answers "westeurope". Crosslink compares regions, so all become the programmatic form.
 */
const location = z
  .string()
  .min(1)
  .transform((v) => v.toLowerCase().replace(/\s+/g, ""));

/** A resource-group resource ID; refined so subscription and group can be read from it. */
const resourceId = z.string().refine((v) => armIdScope(v) !== undefined, { message: "is not a resource ID under /subscriptions/…/resourceGroups/…" });

function scopeOf(id: string): { subscriptionId: string; resourceGroup: string } {
  const scope = armIdScope(id)!; // checked by the resourceId schema
  return { subscriptionId: scope.subscriptionId, resourceGroup: scope.resourceGroup };
}

const subResource = z.object({ id: z.string().nullish() }).nullish();

const connectionStateSchema = z
  .object({
    status: z.string().transform((raw, ctx) => {
      const status = parseAzureConnectionStatus(raw);
      if (!status) {
        ctx.addIssue({ code: "custom", message: `unknown connection status “${raw}”` });
        return z.NEVER;
      }
      return status;
    }),
    description: optionalText,
    actionsRequired: optionalText,
  })
  .transform((s): ConnectionState => s);

// ---------------------------------------------------------------- subscriptions

export const subscriptionSchema = z
  .object({
    subscriptionId: text,
    displayName: z.string().nullish(),
    state: z.string().nullish(),
    tenantId: z.string().nullish(),
  })
  .transform(
    (s): AzureSubscription => ({
      subscriptionId: s.subscriptionId,
      displayName: s.displayName || s.subscriptionId,
      state: s.state ?? "Unknown",
      tenantId: s.tenantId ?? null,
    }),
  );

// ---------------------------------------------------------------- virtual networks

const subnetSchema = z
  .object({
    id: resourceId,
    name: text,
    addressPrefix: z.string().nullish(),
    addressPrefixes: z.array(z.string()).nullish(),
    delegations: z
      .array(z.object({ serviceName: z.string().nullish() }))
      .nullish()
      .transform((d) => (d ?? []).map((x) => x.serviceName).filter((s): s is string => !!s)),
  })
  .transform((s): SubnetInfo => {
    const addressPrefixes = s.addressPrefixes?.length ? s.addressPrefixes : s.addressPrefix ? [s.addressPrefix] : [];
    const verdict = endpointPlacement({ name: s.name, addressPrefixes, delegations: s.delegations });
    return { id: s.id, name: s.name, addressPrefixes, delegations: s.delegations, ...verdict };
  });

export const virtualNetworkSchema = z
  .object({
    id: resourceId,
    name: text,
    location,
    addressSpace: z.object({ addressPrefixes: stringList }).nullish(),
    subnets: z.array(subnetSchema).nullish(),
  })
  .transform(
    (v): VirtualNetworkInfo => ({
      id: v.id,
      name: v.name,
      location: v.location,
      ...scopeOf(v.id),
      addressPrefixes: v.addressSpace?.addressPrefixes ?? [],
      subnets: v.subnets ?? [],
    }),
  );

// ---------------------------------------------------------------- private endpoints

const endpointConnectionSchema = z.object({
  name: text,
  privateLinkServiceId: text,
  groupIds: stringList,
  requestMessage: optionalText,
  privateLinkServiceConnectionState: connectionStateSchema.nullish(),
});

export const privateEndpointSchema = z
  .object({
    id: resourceId,
    name: text,
    location,
    provisioningState: optionalText,
    subnet: subResource,
    manualPrivateLinkServiceConnections: z.array(endpointConnectionSchema).nullish(),
    privateLinkServiceConnections: z.array(endpointConnectionSchema).nullish(),
    networkInterfaces: z.array(z.object({ id: z.string().nullish() })).nullish(),
    customDnsConfigs: z.array(z.object({ fqdn: optionalText, ipAddresses: stringList })).nullish(),
  })
  .transform((pe): PrivateEndpointInfo => {
    const manual = pe.manualPrivateLinkServiceConnections?.[0];
    const automatic = pe.privateLinkServiceConnections?.[0];
    const raw = manual ?? automatic;
    const connection: EndpointConnection | null = raw
      ? {
          name: raw.name,
          kind: manual ? "manual" : "automatic",
          targetResourceId: raw.privateLinkServiceId,
          groupIds: raw.groupIds,
          requestMessage: raw.requestMessage,
          state: raw.privateLinkServiceConnectionState ?? null,
        }
      : null;
    return {
      id: pe.id,
      name: pe.name,
      ...scopeOf(pe.id),
      location: pe.location,
      provisioningState: pe.provisioningState,
      subnetId: pe.subnet?.id ?? null,
      connection,
      networkInterfaceIds: (pe.networkInterfaces ?? []).map((n) => n.id).filter((id): id is string => !!id),
      customDnsConfigs: pe.customDnsConfigs ?? [],
    };
  });

export const networkInterfaceSchema = z
  .object({
    id: text,
    ipConfigurations: z.array(z.object({ privateIPAddress: z.string().nullish() })).nullish(),
  })
  .transform((nic) => ({
    id: nic.id,
    privateIpAddresses: (nic.ipConfigurations ?? []).map((c) => c.privateIPAddress).filter((ip): ip is string => !!ip),
  }));

// ---------------------------------------------------------------- provider side

const siteSchema = z.object({
  id: resourceId,
  name: text,
  kind: z.string().nullish(),
  location,
});

export const siteResourceSchema = siteSchema.transform(
  (s): ManageableResource => ({
    id: s.id,
    name: s.name,
    type: "Microsoft.Web/sites",
    kind: (s.kind ?? "").toLowerCase().includes("functionapp") ? "functionApp" : "webApp",
    armKind: s.kind ?? null,
    location: s.location,
    ...scopeOf(s.id),
    parentId: null,
  }),
);

export const slotResourceSchema = siteSchema.transform(
  (s): ManageableResource => ({
    id: s.id,
    name: s.name,
    type: "Microsoft.Web/sites/slots",
    kind: "slot",
    armKind: s.kind ?? null,
    location: s.location,
    ...scopeOf(s.id),
    parentId: s.id.replace(/\/slots\/[^/]+$/i, ""),
  }),
);

export const privateLinkServiceResourceSchema = z
  .object({ id: resourceId, name: text, location })
  .transform(
    (p): ManageableResource => ({
      id: p.id,
      name: p.name,
      type: "Microsoft.Network/privateLinkServices",
      kind: "privateLinkService",
      armKind: null,
      location: p.location,
      ...scopeOf(p.id),
      parentId: null,
    }),
  );

/** A connection on a site, slot or Private Link Service (both SDKs flatten `properties`). */
export function providerConnectionSchema(targetResourceId: string) {
  return z
    .object({
      id: text,
      name: text,
      provisioningState: optionalText,
      privateEndpoint: subResource,
      privateLinkServiceConnectionState: connectionStateSchema,
      ipAddresses: stringList,
    })
    .transform(
      (c): ProviderConnection => ({
        id: c.id,
        name: c.name,
        targetResourceId,
        privateEndpointId: c.privateEndpoint?.id ?? null,
        status: c.privateLinkServiceConnectionState.status,
        description: c.privateLinkServiceConnectionState.description,
        actionsRequired: c.privateLinkServiceConnectionState.actionsRequired,
        provisioningState: c.provisioningState,
        ipAddresses: c.ipAddresses,
      }),
    );
}

/** A resource provider as `GET|POST /subscriptions/{id}/providers/{namespace}[/register]` answers. */
export const providerRegistrationSchema = z.object({
  namespace: text,
  registrationState: z.string().min(1),
});

// ---------------------------------------------------------------- parsing

/**
 * Parses `value` with `schema`, or throws an AzureError naming what did not fit. `what` says
 * which answer it was ("the private endpoint pe-orders"), for logs and the message.
 */
export function parseAzure<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(answer)"}: ${i.message}`)
    .join("; ");
  throw new AzureError({
    status: null,
    code: LOCAL_ERROR_CODES.unexpectedResponse,
    message: `Azure's answer for ${what} did not have the expected shape: ${problems}`,
    userMessage: `Azure answered in a form Crosslink does not understand (${what}). Try again later, and report it if it persists.`,
    retryable: false,
  });
}
