/**
 * Proves the global setup's promise: a vitest worker trusts the local CA in both HTTP stacks,
 * fetch (undici: msal-node, jose) and node:https (the Azure SDK), without any per-test option.
 */
import { readFileSync } from "node:fs";
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalEntraForTests, type TestEntra } from "./test-support";

let entra: TestEntra;
beforeAll(async () => {
  entra = await startLocalEntraForTests();
});
afterAll(async () => {
  await entra?.close();
});

describe("TLS trust in test workers", () => {
  it("inherits NODE_EXTRA_CA_CERTS, naming a file that holds the local CA", () => {
    const file = process.env.NODE_EXTRA_CA_CERTS;
    expect(file).toBeTruthy();
    expect(readFileSync(file!, "utf8")).toContain(readFileSync(entra.caFile, "utf8").trim());
  });

  it("fetch trusts the local CA", async () => {
    const res = await fetch(`${entra.url}/common/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
  });

  it("node:https trusts the local CA", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(`${entra.url}/common/discovery/v2.0/keys`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject);
    });
    expect(status).toBe(200);
  });
});
