/**
 * Conformance: every operation the local ARM serves that has a spec in the copies under dev/arm/specs
 * is called with the request bodies of its x-ms-examples (IDs and names adapted to the seeded
 * world, shapes kept), must be accepted with a status the example and spec list, and its response
 * must validate against the operation's response schema (ajv over the spec's $refs). Long-running
 * answers must carry the headers their `final-state-via` needs, and the operation status document
 * must validate against AzureAsyncOperationResult. Operations without example files get a request
 * built from the seeded world and the same response validation.
 *
 * Tokens: the self-signing test issuer (test-support/token-issuer.ts), verified by the same code
 * path as local-Entra tokens.
 */
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../world/demo-resources";
import { startTestArm, type RawResponse, type TestArm } from "./test-support/harness";
import { SpecCatalog, type SpecOperation } from "./validation/spec-catalog";
import { EXTRA_EXAMPLES, SERVED_OPERATIONS as SERVED, SPEC_FILES } from "./validation/spec-manifest";

type Actor = "felix" | "priya" | "sp";
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const catalog = SpecCatalog.tryLoad();
if (!catalog) throw new Error("The Azure REST spec copies are needed for the conformance suite (dev/arm/specs, or LOCAL_ARM_SPECS_DIR).");

let t: TestArm;
const tokens: Record<Actor, string> = { felix: "", priya: "", sp: "" };
const exercised = new Set<string>();

beforeAll(async () => {
  t = await startTestArm({ throttling: { enabled: false } });
  tokens.felix = await t.issuer.user("felix@fabrikam.onmicrosoft.com");
  tokens.priya = await t.issuer.user("priya@contoso.onmicrosoft.com");
  tokens.sp = await t.issuer.app("contoso");
});
afterAll(async () => t?.close());
beforeEach(() => t.arm.world.reset());

// ------------------------------------------------------------------ helpers

async function waitFor(res: RawResponse, token: string): Promise<void> {
  const url = res.headers["azure-asyncoperation"] as string | undefined;
  if (!url) return;
  for (let i = 0; i < 500; i++) {
    const s = await t.request("GET", url, { token });
    expect(s.status).toBe(200);
    if (s.json.status !== "InProgress") {
      expect(s.json.status).toBe("Succeeded");
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("operation did not finish");
}

async function createEndpoint(name: string, target: string, groupIds: string[], ip?: string): Promise<Json> {
  const res = await t.request("PUT", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/${name}?api-version=2025-05-01`, {
    token: tokens.felix,
    body: {
      location: F.location,
      properties: {
        subnet: { id: F.vnet.subnets.endpoints.id },
        manualPrivateLinkServiceConnections: [{ name: `${name}-conn`, properties: { privateLinkServiceId: target, groupIds, requestMessage: "conformance" } }],
        ...(ip ? { ipConfigurations: [{ name: "static", properties: { groupId: groupIds[0], memberName: groupIds[0], privateIPAddress: ip } }] } : {}),
      },
    },
  });
  expect(res.status, res.text).toBe(201);
  await waitFor(res, tokens.felix);
  return (await t.request("GET", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/${name}?api-version=2025-05-01`, { token: tokens.felix })).json;
}

async function providerConnectionName(parentId: string, apiVersion: string, token: string): Promise<string> {
  const list = await t.request("GET", `${parentId}/privateEndpointConnections?api-version=${apiVersion}`, { token });
  expect(list.status).toBe(200);
  return list.json.value[0].name as string;
}

async function dns(method: string, path: string, body?: unknown): Promise<RawResponse> {
  const res = await t.request(method, `${F.resourceGroupId}/providers/Microsoft.Network/privateDnsZones/${path}${path.includes("?") ? "&" : "?"}api-version=2024-06-01`, {
    token: tokens.felix,
    body,
  });
  expect(res.status, res.text).toBeLessThan(300);
  await waitFor(res, tokens.felix);
  return res;
}

const SAMPLE_RECORDS: Record<string, Json> = {
  A: { aRecords: [{ ipv4Address: "10.1.1.4" }] },
  AAAA: { aaaaRecords: [{ ipv6Address: "::1" }] },
  CNAME: { cnameRecord: { cname: "contoso.example" } },
  MX: { mxRecords: [{ preference: 0, exchange: "mail.privatezone1.com" }] },
  PTR: { ptrRecords: [{ ptrdname: "localhost" }] },
  SRV: { srvRecords: [{ priority: 0, weight: 10, port: 80, target: "contoso.com" }] },
  TXT: { txtRecords: [{ value: ["string1", "string2"] }] },
};

type Prepared = { actor: Actor; params: Record<string, string>; body?: (b: Json) => Json };

/** Prepares the world for one example of `op` and says how to adapt its request. */
async function prepare(op: SpecOperation, p: Json): Promise<Prepared> {
  const id = op.operationId;
  const consumer = { subscriptionId: F.subscriptionId, resourceGroupName: F.resourceGroup };
  const provider = { subscriptionId: C.subscriptionId, resourceGroupName: C.resourceGroup };

  if (id.startsWith("PrivateZones_") || id.startsWith("RecordSets_") || id.startsWith("VirtualNetworkLinks_")) {
    const zone = p.privateZoneName as string | undefined;
    if (zone && id !== "PrivateZones_CreateOrUpdate") await dns("PUT", zone, { location: "global" });
    if (zone && /^RecordSets_(Get|Update|Delete|ListByType)$/.test(id) && p.recordType !== "SOA") {
      await dns("PUT", `${zone}/${p.recordType}/${p.relativeRecordSetName ?? "record1"}`, { properties: { ttl: 3600, ...SAMPLE_RECORDS[p.recordType as string] } });
    }
    if (zone && /^VirtualNetworkLinks_(Get|Update|Delete|List)$/.test(id)) {
      await dns("PUT", `${zone}/virtualNetworkLinks/${p.virtualNetworkLinkName ?? "link1"}`, {
        location: "global",
        properties: { virtualNetwork: { id: F.vnet.id }, registrationEnabled: false },
      });
    }
    if (id === "PrivateZones_List" || id === "PrivateZones_ListByResourceGroup") await dns("PUT", "privatezone1.com", { location: "global" });
    return {
      actor: "felix",
      params: consumer,
      body: (b) => {
        if (b.properties?.virtualNetwork) b.properties.virtualNetwork.id = F.vnet.id;
        return b;
      },
    };
  }

  if (id.startsWith("PrivateEndpoints_")) {
    if (id === "PrivateEndpoints_CreateOrUpdate") {
      const auto = (p.parameters?.properties?.privateLinkServiceConnections ?? []).length > 0;
      // An automatic connection needs the approval right on the target: Contoso's own user in
      // Contoso's VNet. A manual one is the cross-tenant case: Fabrikam's user in Fabrikam's VNet.
      const where = auto
        ? { actor: "priya" as const, params: provider, subnet: C.vnet.subnets.pls.id, location: C.location, ip: "10.0.1.20" }
        : { actor: "felix" as const, params: consumer, subnet: F.vnet.subnets.endpoints.id, location: F.location, ip: "10.1.1.20" };
      return {
        actor: where.actor,
        params: where.params,
        body: (b) => {
          b.location = where.location;
          b.properties.subnet.id = where.subnet;
          for (const c of [...(b.properties.privateLinkServiceConnections ?? []), ...(b.properties.manualPrivateLinkServiceConnections ?? [])]) {
            c.properties.privateLinkServiceId = C.privateLinkService.id;
          }
          for (const c of b.properties.ipConfigurations ?? []) c.properties.privateIPAddress = where.ip;
          for (const g of b.properties.applicationSecurityGroups ?? []) g.id = g.id.replace(/\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i, where.params === provider ? C.resourceGroupId : F.resourceGroupId);
          return b;
        },
      };
    }
    await createEndpoint((p.privateEndpointName as string | undefined) ?? "testPe", C.sites.orders.id, ["sites"]);
    return { actor: "felix", params: consumer };
  }

  if (id.startsWith("VirtualNetworks_") || id.startsWith("Subnets_")) return { actor: "felix", params: consumer };

  if (id.startsWith("NetworkInterface")) {
    const pe = await createEndpoint("testPe", C.sites.orders.id, ["sites"]);
    const nicName = (pe.properties.networkInterfaces[0].id as string).split("/").pop()!;
    const nic = (await t.request("GET", `${F.resourceGroupId}/providers/Microsoft.Network/networkInterfaces/${nicName}?api-version=2025-05-01`, { token: tokens.felix })).json;
    return { actor: "felix", params: { ...consumer, networkInterfaceName: nicName, ipConfigurationName: nic.properties.ipConfigurations[0].name } };
  }

  if (id.startsWith("PrivateLinkServices_")) {
    const params: Record<string, string> = { ...provider, serviceName: C.privateLinkService.name };
    if (/PrivateEndpointConnection/.test(id)) {
      await createEndpoint("testPe", C.privateLinkService.id, []);
      params.peConnectionName = await providerConnectionName(C.privateLinkService.id, "2025-03-01", tokens.sp);
    }
    // Priya (Owner of Contoso's subscription): shapes are checked here, not Crosslink's narrow
    // role, which omits operations it never calls (privateLinkResources, operation results).
    return { actor: "priya", params };
  }

  if (id.startsWith("WebApps_")) {
    const slot = id.endsWith("Slot");
    const params: Record<string, string> = { ...provider, name: C.sites.orders.name };
    if (slot) params.slot = C.sites.orders.slots.staging.name;
    if (!/PrivateLinkResources/.test(id)) {
      await createEndpoint("testPe", C.sites.orders.id, [slot ? C.sites.orders.slots.staging.groupId : "sites"]);
      const parent = slot ? C.sites.orders.slots.staging.id : C.sites.orders.id;
      params.privateEndpointConnectionName = await providerConnectionName(parent, "2025-05-01", tokens.sp);
    }
    // Priya (Owner of Contoso's subscription): shapes are checked here, not Crosslink's narrow
    // role, which omits operations it never calls (privateLinkResources, operation results).
    return { actor: "priya", params };
  }
  throw new Error(`no conformance scenario for ${id}`);
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return name === "relativeRecordSetName" ? v : encodeURIComponent(v);
  });
}

function validate(op: SpecOperation, status: number, body: unknown): void {
  const v = catalog!.responseValidator(op.operationId, status);
  if (!v || body === undefined) return;
  const ok = v(body);
  expect(ok, `${op.operationId} ${status} response does not fit the spec: ${JSON.stringify(v.errors, null, 1)}\n${JSON.stringify(body)}`).toBe(true);
}

const asyncResult = () => catalog!.validator({ $ref: new URL(`${SPEC_FILES.network}#/definitions/AzureAsyncOperationResult`, `file://${catalog!.dir}/`).href });

/** Runs one request and its conformance checks. */
async function run(op: SpecOperation, exampleParams: Json, allowed: string[], apiVersion: string): Promise<RawResponse> {
  const prepared = await prepare(op, exampleParams);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(exampleParams)) if (typeof v === "string") params[k] = v;
  Object.assign(params, prepared.params);
  const path = `${fillPath(op.path, params)}?api-version=${apiVersion}`;
  let body: Json | undefined;
  if (op.bodyParamName && exampleParams[op.bodyParamName] !== undefined) {
    body = structuredClone(exampleParams[op.bodyParamName]) as Json;
    if (prepared.body) body = prepared.body(body);
  }
  const token = tokens[prepared.actor];
  const res = await t.request(op.method, path, { token, body });
  exercised.add(op.operationId);

  expect(allowed, `${op.operationId}: answered ${res.status} ${res.text}`).toContain(String(res.status));
  expect(Object.keys(op.responses)).toContain(String(res.status));
  expect(res.headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  validate(op, res.status, res.json);

  if (op.longRunning && (res.status === 201 || res.status === 202)) {
    if (op.finalStateVia === "azure-async-operation") expect(res.headers["azure-asyncoperation"]).toBeTruthy();
    if (op.finalStateVia === "location" && res.status === 202) expect(res.headers["location"]).toBeTruthy();
    const statusUrl = res.headers["azure-asyncoperation"] as string | undefined;
    if (statusUrl) {
      const s = await t.request("GET", statusUrl, { token });
      expect(asyncResult()(s.json), JSON.stringify(asyncResult().errors)).toBe(true);
      await waitFor(res, token);
    }
    const location = res.headers["location"] as string | undefined;
    if (location) {
      const final = await t.request("GET", location, { token });
      expect([200, 204]).toContain(final.status);
      if (op.method === "PUT" && final.status === 200) validate(op, 200, final.json);
    }
  }
  return res;
}

// ------------------------------------------------------------------ the suite

type Case = { op: SpecOperation; file?: string };
const cases: Case[] = [];
for (const id of SERVED) {
  const op = catalog.operation(id);
  if (!op) throw new Error(`spec has no operation ${id}`);
  const files = [...op.examples];
  if (EXTRA_EXAMPLES[id]) files.push(`${catalog.dir}/${EXTRA_EXAMPLES[id]}`);
  if (files.length === 0) cases.push({ op });
  for (const file of files) cases.push({ op, file });
}

describe("spec examples replayed against the local ARM", () => {
  it.each(cases.filter((c) => c.file).map((c) => [`${c.op.operationId} ← ${c.file!.split("/").pop()}`, c] as const))("%s", async (_name, c) => {
    const example = JSON.parse(fs.readFileSync(c.file!, "utf8")) as { parameters: Json; responses: Record<string, unknown> };
    const apiVersion = example.parameters["api-version"] as string;
    await run(c.op, example.parameters, Object.keys(example.responses), apiVersion);
  });
});

describe("served operations without example files", () => {
  const synthetic: Record<string, Json> = {
    VirtualNetworks_Get: { virtualNetworkName: F.vnet.name },
    VirtualNetworks_List: {},
    VirtualNetworks_ListAll: {},
    Subnets_Get: { virtualNetworkName: F.vnet.name, subnetName: F.vnet.subnets.appservice.name },
    Subnets_List: { virtualNetworkName: F.vnet.name },
    WebApps_GetPrivateLinkResourcesSlot: {},
    WebApps_GetPrivateEndpointConnectionListSlot: {},
  };
  const withoutExamples = cases.filter((c) => !c.file);
  it("covers exactly the operations that lack examples", () => {
    expect(withoutExamples.map((c) => c.op.operationId).sort()).toEqual(Object.keys(synthetic).sort());
  });
  it.each(withoutExamples.map((c) => [c.op.operationId, c] as const))("%s", async (id, c) => {
    const params: Json = { ...synthetic[id] };
    if (id.startsWith("VirtualNetworks_") || id.startsWith("Subnets_")) {
      // A subnet with an endpoint in it shows privateEndpoints and ipConfigurations as well.
      await createEndpoint("pe-in-subnet", C.sites.orders.id, ["sites"]);
      const res = await run(c.op, params, ["200"], "2025-05-01");
      expect(res.status).toBe(200);
      return;
    }
    const res = await run(c.op, params, ["200"], id.startsWith("WebApps_") ? "2026-09-01" : "2025-05-01");
    if (id === "WebApps_GetPrivateLinkResourcesSlot") {
      expect(res.json.value.map((v: Json) => v.properties.groupId)).toEqual([C.sites.orders.slots.staging.groupId]);
    }
  });
});

describe("coverage", () => {
  it("exercised every served operation", () => {
    expect([...exercised].sort()).toEqual([...SERVED].sort());
  });

  it("a body that breaks the spec schema is refused with the service's error and changes nothing", async () => {
    const before = t.arm.world.live.version;
    const res = await t.request("PUT", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/bad?api-version=2025-05-01`, {
      token: tokens.felix,
      body: { location: F.location, properties: { subnet: { id: F.vnet.subnets.endpoints.id }, manualPrivateLinkServiceConnections: [{ properties: { privateLinkServiceId: C.sites.orders.id, groupIds: "sites" } }] } },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("InvalidRequestFormat");
    expect(JSON.stringify(res.json.error.details)).toContain("groupIds");
    expect(t.arm.world.live.version).toBe(before);
  });
});
