/**
 * Unit tests of the local ARM's building blocks: resource IDs, IP allocation, RBAC matching,
 * connection decisions, token buckets, seeded faults, configuration parsing, api-versions,
 * the seed's contract with dev/world, world persistence and token verification options.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANTS, PROVIDER_TENANT } from "../world/demo-tenants";
import { CROSSLINK_PROVIDER_ROLE } from "../world/crosslink-provider-role";
import { CONTOSO_RESOURCES as C, DEMO_RESOURCES, DEMO_ROLE_DEFINITIONS, FABRIKAM_RESOURCES as F, NORTHWIND_RESOURCES as N, NORTHWIND_SANDBOX_RESOURCES, WOODGROVE_RESOURCES as W } from "../world/demo-resources";
import { actionMatches, Rbac } from "./auth/rbac";
import { TokenVerifier } from "./auth/tokens";
import { NO_FAULTS, parseFaultsEnv, parseRange, parseThrottleEnv, resolveConfig } from "./config";
import { ArmError } from "./http/errors";
import { checkApiVersion } from "./protocol/api-versions";
import { FaultInjector } from "./protocol/faults";
import { Throttler } from "./protocol/throttling";
import { testTls } from "./test-support/harness";
import { startTokenIssuer, type TokenIssuer } from "./test-support/token-issuer";
import { decide } from "./world/connections";
import { isWithinScope, parseResourceId } from "./world/ids";
import { allocateIp, parseCidr } from "./world/ip";
import type { ConnectionLink } from "./world/model";
import { seedWorld } from "./world/seed";
import { World } from "./world/store";

function armError(fn: () => unknown): ArmError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArmError) return e;
    throw e;
  }
  throw new Error("expected an ArmError");
}

describe("resource IDs", () => {
  it("parses slots, groups and subscriptions; rejects what is not an ID", () => {
    expect(parseResourceId(C.sites.orders.slots.staging.id)).toMatchObject({
      subscriptionId: C.subscriptionId,
      resourceGroup: C.resourceGroup,
      namespace: "Microsoft.Web",
      fullType: "Microsoft.Web/sites/slots",
      names: ["contoso-orders", "staging"],
      name: "staging",
    });
    expect(parseResourceId(F.resourceGroupId)).toMatchObject({ resourceGroup: F.resourceGroup, types: [] });
    for (const bad of ["contoso-orders", "/subscriptions", "/subscriptions/x/providers", `${C.sites.orders.id}/slots`, "/subscriptions/x//y", 42]) {
      expect(parseResourceId(bad), String(bad)).toBeUndefined();
    }
  });

  it("scopes are segment-aware and case-insensitive", () => {
    expect(isWithinScope(F.vnet.id, F.resourceGroupId.toUpperCase())).toBe(true);
    expect(isWithinScope(`${F.resourceGroupId}2/providers/x/y/z`, F.resourceGroupId)).toBe(false);
  });
});

describe("IP allocation", () => {
  it("skips Azure's reserved addresses and taken ones; undefined when full", () => {
    expect(allocateIp("10.1.1.0/24", [])).toBe("10.1.1.4");
    expect(allocateIp("10.1.1.0/24", ["10.1.1.4", "10.1.1.5"])).toBe("10.1.1.6");
    expect(allocateIp("10.9.0.0/29", ["10.9.0.4", "10.9.0.5", "10.9.0.6"])).toBeUndefined();
    expect(parseCidr("10.1.1.77/24")).toEqual({ base: parseCidr("10.1.1.0/24")!.base, prefix: 24, size: 256 });
    expect(parseCidr("10.1.1.0/33")).toBeUndefined();
  });
});

describe("RBAC", () => {
  it("matches wildcards anywhere, case-insensitively", () => {
    expect(actionMatches("*/read", "Microsoft.Network/privateEndpoints/read")).toBe(true);
    expect(actionMatches("*/read", "Microsoft.Network/privateEndpoints/write")).toBe(false);
    expect(actionMatches("Microsoft.Web/sites/privateEndpointConnections/*", "microsoft.web/sites/privateendpointconnections/write")).toBe(true);
    expect(actionMatches("Microsoft.Web/sites/privateEndpointConnections/*", "Microsoft.Web/sites/privateEndpointConnectionsApproval/action")).toBe(false);
  });

  it("grants by assignment at or above the scope, honours notActions", () => {
    const world = new World();
    const rbac = new Rbac(world);
    const felix = DEMO_TENANTS.find((t) => t.key === "fabrikam")!.users[0]!.oid;
    expect(rbac.can(felix, "Microsoft.Network/privateEndpoints/write", `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/x`)).toBe(true);
    expect(rbac.can(felix, "Microsoft.Network/privateEndpoints/write", `${N.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/x`)).toBe(false);
    world.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.owner)!.notActions.push("Microsoft.Network/*/delete");
    expect(rbac.can(felix, "Microsoft.Network/privateEndpoints/delete", F.resourceGroupId)).toBe(false);
  });
});

describe("the seed", () => {
  const seed = seedWorld();

  it("contains every resource named in dev/world/demo-resources.ts", () => {
    const ids = new Set(seed.resources.map((r) => r.id));
    for (const id of [
      C.sites.orders.id,
      C.sites.orders.slots.staging.id,
      C.sites.billing.id,
      C.sites.eventsFunc.id,
      C.privateLinkService.id,
      F.vnet.id,
      N.vnet.id,
      W.vnet.id,
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(seed.resourceGroups.map((g) => g.id).sort()).toEqual([C.resourceGroupId, F.resourceGroupId, N.resourceGroupId, W.resourceGroupId, NORTHWIND_SANDBOX_RESOURCES.resourceGroupId].sort());
    expect(seed.resources.find((r) => r.id === C.sites.eventsFunc.id)).toMatchObject({ siteKind: "functionapp" });
    expect(seed.resources.find((r) => r.id === N.vnet.id)).toMatchObject({ location: "eastus", addressPrefixes: ["10.2.0.0/16"] });
    expect(seed.subscriptions.map((s) => s.subscriptionId).sort()).toEqual(Object.values(DEMO_RESOURCES).map((r) => r.subscriptionId).sort());
  });

  it("makes each user Owner of their own subscription(s) and gives Crosslink only its published role, on Contoso only", () => {
    for (const t of DEMO_TENANTS) {
      const own = [t.subscriptionId, ...(t.tenantId === NORTHWIND_SANDBOX_RESOURCES.tenantId ? [NORTHWIND_SANDBOX_RESOURCES.subscriptionId] : [])];
      for (const u of t.users) {
        expect(seed.roleAssignments.filter((a) => a.principalId === u.oid)).toEqual(
          own.map((sub) => expect.objectContaining({ roleDefinitionId: DEMO_ROLE_DEFINITIONS.owner, scope: `/subscriptions/${sub}` })),
        );
      }
    }
    const sp = seed.roleAssignments.filter((a) => a.principalId === PROVIDER_TENANT.crosslinkServicePrincipalOid);
    expect(sp.map((a) => a.roleDefinitionId)).toEqual([DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover]);
    expect(seed.roleDefinitions.find((r) => r.id === DEMO_ROLE_DEFINITIONS.privateEndpointConnectionApprover)?.actions).toEqual(CROSSLINK_PROVIDER_ROLE.Actions);
    for (const t of DEMO_TENANTS.filter((x) => x.key !== "contoso")) {
      expect(seed.roleAssignments.some((a) => a.principalId === t.crosslinkServicePrincipalOid)).toBe(false);
    }
  });

  it("is the same every time, and survives a save/load round trip", () => {
    expect(seedWorld()).toEqual(seed);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "arm-world-")), "w.json");
    new World(seed).saveTo(file);
    expect(World.fromFile(file).snapshot()).toEqual(seed);
  });
});

describe("provider decisions", () => {
  const link = (status: ConnectionLink["status"]) => ({ status, description: "old", actionsRequired: "None" }) as ConnectionLink;
  it.each([
    ["Pending", "Approved", "Approved"],
    ["Pending", "Rejected", "Rejected"],
    ["Approved", "Approved", "Approved"],
    ["Approved", "Rejected", "Rejected"],
    ["Rejected", "Rejected", "Rejected"],
    ["Pending", "Pending", "Pending"],
  ] as const)("%s → %s is allowed", (from, to, expected) => {
    expect(decide(link(from), { status: to, description: "new" }).status).toBe(expected);
  });
  it.each([
    ["Rejected", "Approved"],
    ["Approved", "Pending"],
    ["Pending", "Disconnected"],
    ["Pending", "Removed"],
    ["Pending", "Maybe"],
    ["Pending", undefined],
  ] as const)("%s → %s is refused", (from, to) => {
    expect(armError(() => decide(link(from), { status: to })).status).toBe(400);
  });
});

describe("throttling", () => {
  it("spends the burst, answers with seconds until the next token, refills over time", () => {
    const th = new Throttler({ enabled: true, reads: { burst: 3, perSecond: 0.5 }, writes: { burst: 1, perSecond: 1 } });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => th.take("s", "read", t0).ok)).toEqual([true, true, true]);
    const denied = th.take("s", "read", t0);
    expect(denied).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 2 });
    expect(th.take("s", "read", t0 + 2000).ok).toBe(true);
    expect(th.take("other", "read", t0).remaining).toBe(2);
    expect(th.take("s", "write", t0).ok).toBe(true);
    expect(th.take("s", "write", t0).ok).toBe(false);
    th.configure({ ...th.config, enabled: false });
    expect(th.take("s", "write", t0).ok).toBe(true);
  });
});

describe("faults", () => {
  it("repeat exactly with a seed and hit roughly the configured rates", () => {
    const cfg = { ...NO_FAULTS, seed: 42, p429: 0.25, p500: 0.1, pDrop: 0.05 };
    const a = new FaultInjector(cfg);
    const b = new FaultInjector(cfg);
    const runA = Array.from({ length: 4000 }, () => a.decide("/x").action);
    const runB = Array.from({ length: 4000 }, () => b.decide("/x").action);
    expect(runA).toEqual(runB);
    const rate = (k: string) => runA.filter((x) => x === k).length / runA.length;
    expect(rate("429")).toBeGreaterThan(0.2);
    expect(rate("429")).toBeLessThan(0.3);
    expect(rate("500")).toBeGreaterThan(0.07);
    expect(rate("drop")).toBeGreaterThan(0.03);
    expect(a.stats.injected429).toBe(runA.filter((x) => x === "429").length);
  });

  it("only touches paths matching the filter; rejects bad probabilities", () => {
    const f = new FaultInjector({ ...NO_FAULTS, p500: 1, pathFilter: "privateEndpoints" });
    expect(f.decide("/subscriptions/x/providers/Microsoft.Web/sites").action).toBe("none");
    expect(f.decide("/subscriptions/x/providers/Microsoft.Network/privateEndpoints").action).toBe("500");
    expect(() => f.configure({ ...NO_FAULTS, p429: 1.5 })).toThrow(/p429/);
  });
});

describe("configuration", () => {
  it("reads LOCAL_ARM_* variables; options win over them", () => {
    const env = {
      LOCAL_ARM_PORT: "9443",
      LOCAL_ARM_ENTRA_URL: "https://localhost:7000/",
      LOCAL_ARM_LRO_MS: "100-200",
      LOCAL_ARM_THROTTLE: "reads=10/1,writes=5/0.5",
      LOCAL_ARM_FAULTS: "seed=9,latency=5-10,p429=0.1,drop=0.01,lroFail=0.2,path=sites",
      LOCAL_ARM_STATE_FILE: "/tmp/w.json",
      LOCAL_ARM_PAGE_SIZE: "7",
    };
    const c = resolveConfig({}, env);
    expect(c).toMatchObject({
      port: 9443,
      entraUrl: "https://localhost:7000",
      jwksUri: "https://localhost:7000/common/discovery/v2.0/keys",
      lro: { minMs: 100, maxMs: 200 },
      throttling: { enabled: true, reads: { burst: 10, perSecond: 1 }, writes: { burst: 5, perSecond: 0.5 } },
      faults: { seed: 9, latencyMs: [5, 10], p429: 0.1, pDrop: 0.01, pLroFail: 0.2, pathFilter: "sites" },
      stateFile: "/tmp/w.json",
      pageSize: 7,
    });
    expect(resolveConfig({ port: 1, lro: { minMs: 0, maxMs: 0 } }, env)).toMatchObject({ port: 1, lro: { minMs: 0, maxMs: 0 } });
    expect(resolveConfig({}, {})).toMatchObject({ port: 8443, entraUrl: "https://localhost:7443", throttling: { reads: { burst: 250, perSecond: 25 } } });
  });

  it("refuses settings it cannot read", () => {
    expect(parseThrottleEnv("off")).toEqual({ enabled: false });
    expect(() => parseThrottleEnv("reads=lots")).toThrow();
    expect(() => parseFaultsEnv("p999=1")).toThrow(/unknown key/);
    expect(() => resolveConfig({}, { LOCAL_ARM_FAULTS: "p500=3" })).toThrow(/p500/);
    expect(parseRange("800-300")).toEqual([300, 800]);
    expect(() => parseRange("soon")).toThrow();
  });
});

describe("api-versions", () => {
  it("answers the ARM codes for missing, unknown and malformed versions", () => {
    expect(checkApiVersion("network", "2025-05-01", "x")).toBe("2025-05-01");
    expect(armError(() => checkApiVersion("network", null, "x")).code).toBe("MissingApiVersionParameter");
    expect(armError(() => checkApiVersion("web", "2030-01-01", "Microsoft.Web/sites")).code).toBe("NoRegisteredProviderFound");
    expect(armError(() => checkApiVersion("web", "yesterday", "Microsoft.Web/sites")).code).toBe("InvalidApiVersionParameter");
    expect(armError(() => checkApiVersion("resources", "2030-01-01", "x")).code).toBe("InvalidApiVersionParameter");
  });
});

describe("token verification options", () => {
  let issuer: TokenIssuer;
  let ca: string;
  beforeAll(async () => {
    const tls = await testTls();
    ca = tls.ca;
    issuer = await startTokenIssuer(tls);
  });
  afterAll(async () => issuer?.close());

  const verifier = (acceptV1Issuer: boolean) =>
    new TokenVerifier({
      entraUrl: issuer.url,
      jwksUri: `${issuer.url}/common/discovery/v2.0/keys`,
      caPem: ca,
      audiences: ["https://management.azure.com"],
      acceptV1Issuer,
    });

  it("accepts v1 issuers only when configured, and caches verified tokens", async () => {
    const sts = await issuer.user("felix@fabrikam.onmicrosoft.com", { iss: `https://sts.windows.net/${F.tenantId}/` });
    const v2 = await issuer.user("felix@fabrikam.onmicrosoft.com", { iss: `${issuer.url}/${F.tenantId}/v2.0` });
    const strict = verifier(false);
    await expect(strict.verify(`Bearer ${sts}`)).rejects.toMatchObject({ code: "InvalidAuthenticationToken" });
    const p = await strict.verify(`Bearer ${v2}`);
    expect(p).toMatchObject({ tid: F.tenantId, client: "felix@fabrikam.onmicrosoft.com", isApp: false });
    expect((await verifier(true).verify(`Bearer ${sts}`)).oid).toBe(p.oid);
    await strict.verify(`Bearer ${v2}`);
    expect(strict.verifications).toBe(2);
  });

  it("names apps by object ID", async () => {
    const p = await verifier(true).verify(`Bearer ${await issuer.app("contoso")}`);
    expect(p).toMatchObject({ isApp: true, client: PROVIDER_TENANT.crosslinkServicePrincipalOid });
  });
});

describe("loading a saved world", () => {
  it("settles operations that were running when it was saved", () => {
    const state = seedWorld();
    const vnet = state.resources.find((r) => r.id === F.vnet.id)!;
    (vnet as { provisioningState: string }).provisioningState = "Updating";
    const w = new World(state);
    expect(w.get(F.vnet.id, "virtualNetwork")!.provisioningState).toBe("Succeeded");
  });
});
