/**
 * The local ARM's world beyond a single run: the change-feed webhook, the state file across
 * restarts, the CLI (in-process and as the npm-script command) and main.ts.
 * Tokens: the self-signing test issuer.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../world/local-config";
import { CONTOSO_RESOURCES as C, FABRIKAM_RESOURCES as F } from "../world/demo-resources";
import { DEMO_TENANTS } from "../world/demo-tenants";
import { run } from "./cli";
import type { EventGridEvent } from "./protocol/change-feed";
import { eventually, rawRequest, startTestArm, testTls, type TestArm } from "./test-support/harness";
import { startTokenIssuer, type TokenIssuer } from "./test-support/token-issuer";

const V = "api-version=2025-05-01";
const pePath = `${F.resourceGroupId}/providers/Microsoft.Network/privateEndpoints/pe-io?${V}`;
const peBody = {
  location: F.location,
  properties: {
    subnet: { id: F.vnet.subnets.endpoints.id },
    manualPrivateLinkServiceConnections: [{ name: "c", properties: { privateLinkServiceId: C.sites.orders.id, groupIds: ["sites"], requestMessage: "io" } }],
  },
};

const open: TestArm[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function arm(options: Parameters<typeof startTestArm>[0] = {}) {
  const t = await startTestArm(options);
  open.push(t);
  return t;
}

async function createAndWait(t: TestArm, token: string) {
  const res = await t.request("PUT", pePath, { token, body: peBody });
  expect(res.status).toBe(201);
  await eventually(async () => {
    const s = await t.request("GET", String(res.headers["azure-asyncoperation"]), { token });
    return s.json.status === "Succeeded" ? true : undefined;
  });
}

describe("change feed", () => {
  let receiver: http.Server;
  let received: EventGridEvent[] = [];
  let url = "";
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(...(JSON.parse(Buffer.concat(chunks).toString()) as EventGridEvent[]));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it("is off by default", async () => {
    received = [];
    const t = await arm();
    await createAndWait(t, await t.issuer.user("felix@fabrikam.onmicrosoft.com"));
    expect((await t.request("GET", "/_local/events")).json.value).toEqual([]);
  });

  it("posts Event Grid ResourceWriteSuccess/DeleteSuccess events of the caller's subscription", async () => {
    received = [];
    const t = await arm({ changeFeed: { url } });
    const felix = await t.issuer.user("felix@fabrikam.onmicrosoft.com");
    await createAndWait(t, felix);
    await eventually(() => (received.length >= 2 ? true : undefined));
    const write = received.find((e) => e.subject.endsWith("/privateEndpoints/pe-io"))!;
    expect(write).toMatchObject({
      eventType: "Microsoft.Resources.ResourceWriteSuccess",
      topic: `/subscriptions/${F.subscriptionId}`,
      dataVersion: "2",
      data: { operationName: "Microsoft.Network/privateEndpoints/write", status: "Succeeded", tenantId: F.tenantId, resourceProvider: "Microsoft.Network" },
    });
    // The provider-side connection is another tenant's resource: no event unless asked for.
    expect(received.some((e) => e.topic === `/subscriptions/${C.subscriptionId}`)).toBe(false);

    await t.request("DELETE", pePath, { token: felix });
    await eventually(() => (received.some((e) => e.eventType === "Microsoft.Resources.ResourceDeleteSuccess") ? true : undefined));
    expect((await t.request("GET", "/_local/stats")).json.changeFeed.delivered).toBeGreaterThanOrEqual(3);
  });

  it("can also report provider-side connection writes (unconfirmed in Azure; opt-in)", async () => {
    received = [];
    const t = await arm({ changeFeed: { url } });
    expect((await t.request("PUT", "/_local/change-feed", { body: { providerSideEvents: true } })).json.providerSideEvents).toBe(true);
    await createAndWait(t, await t.issuer.user("felix@fabrikam.onmicrosoft.com"));
    const provider = await eventually(() => received.find((e) => e.topic === `/subscriptions/${C.subscriptionId}`));
    expect(provider.subject).toContain(`${C.sites.orders.id}/privateEndpointConnections/pe-io-`);
    expect(provider.data.tenantId).toBe(C.tenantId);
  });
});

describe("the state file", () => {
  it("keeps the world across restarts, and the admin API saves and loads it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arm-state-"));
    const stateFile = path.join(dir, "world.json");
    const first = await arm({ stateFile });
    await createAndWait(first, await first.issuer.user("felix@fabrikam.onmicrosoft.com"));
    await first.close();
    open.pop();
    expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).links).toHaveLength(1);

    const second = await arm({ stateFile });
    const felix = await second.issuer.user("felix@fabrikam.onmicrosoft.com");
    const pe = await second.request("GET", pePath, { token: felix });
    expect(pe.json.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status).toBe("Pending");
    const sp = await second.issuer.app("contoso");
    expect((await second.request("GET", `${C.sites.orders.id}/privateEndpointConnections?${V}`, { token: sp })).json.value).toHaveLength(1);

    const copy = path.join(dir, "copy.json");
    expect((await second.request("POST", "/_local/world/save", { body: { file: copy } })).status).toBe(200);
    await second.request("POST", "/_local/world/reset");
    expect((await second.request("GET", pePath, { token: felix })).status).toBe(404);
    await second.request("POST", "/_local/world/load", { body: { file: copy } });
    expect((await second.request("GET", pePath, { token: felix })).status).toBe(200);
  });
});

describe("command line", () => {
  it("inspects and resets a running server", async () => {
    const t = await arm();
    await createAndWait(t, await t.issuer.user("felix@fabrikam.onmicrosoft.com"));
    const out: string[] = [];
    const common = ["--url", t.arm.url, "--ca", t.caFile];
    expect(await run(["inspect", ...common], (s) => out.push(s))).toBe(0);
    expect(out.join("\n")).toMatch(/Pending\s+consumer sees Pending/);
    expect(await run(["faults", "p429=0.5", "seed=3", ...common], (s) => out.push(s))).toBe(0);
    expect((await t.request("GET", "/_local/faults")).json.config).toMatchObject({ p429: 0.5, seed: 3 });
    expect(await run(["throttling", "off", ...common], () => {})).toBe(0);
    expect((await t.request("GET", "/_local/throttling")).json.enabled).toBe(false);
    expect(await run(["lro", "5-9", ...common], () => {})).toBe(0);
    expect((await t.request("GET", "/_local/lro")).json).toMatchObject({ minMs: 5, maxMs: 9 });
    expect(await run(["reset", ...common], () => {})).toBe(0);
    expect((await t.request("GET", "/_local/world")).json.connections).toEqual([]);
  });

  it("resets and inspects the state file when no server runs", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "arm-cli-")), "w.json");
    const args = ["--url", "https://localhost:1", "--state-file", stateFile];
    const out: string[] = [];
    expect(await run(["reset", ...args], (s) => out.push(s))).toBe(0);
    expect(fs.existsSync(stateFile)).toBe(true);
    expect(await run(["inspect", "--json", ...args], (s) => out.push(s))).toBe(0);
    // One subscription per demo tenant, and Northwind's sandbox.
    expect(JSON.parse(out[1]!).subscriptions).toHaveLength(DEMO_TENANTS.length + 1);
    expect(await run(["no-such-command"], () => {})).toBe(2);
  });

  it("runs as `tsx dev/arm/cli.ts inspect --json`", async () => {
    const t = await arm();
    const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");
    const output = await new Promise<string>((resolve, reject) => {
      const p = spawn(tsx, ["dev/arm/cli.ts", "inspect", "--json", "--url", t.arm.url, "--ca", t.caFile], { cwd: REPO_ROOT });
      let text = "";
      p.stdout.on("data", (d: Buffer) => (text += d.toString()));
      p.on("error", reject);
      p.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
    });
    expect(JSON.parse(output).tenants.map((x: { displayName: string }) => x.displayName)).toContain("Contoso");
  });
});

describe("main.ts", () => {
  let issuer: TokenIssuer;
  beforeAll(async () => {
    issuer = await startTokenIssuer(await testTls());
  });
  afterAll(async () => issuer?.close());

  it("starts with the environment's settings and logs its URL", async () => {
    const tls = await testTls();
    const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");
    const child = spawn(tsx, ["dev/arm/main.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOCAL_ARM_PORT: "0", LOCAL_ARM_ENTRA_URL: issuer.url, LOCAL_ARM_THROTTLE: "off" },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (d: Buffer) => {
          text += d.toString();
          const m = /listening at (https:\/\/localhost:\d+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`main.ts exited ${code}: ${text}`)));
      });
      const token = await issuer.user("felix@fabrikam.onmicrosoft.com");
      const res = await rawRequest(url, tls.ca, "GET", `/subscriptions?api-version=2022-12-01`, { token });
      expect(res.status).toBe(200);
      expect(res.json.value[0].subscriptionId).toBe(F.subscriptionId);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
