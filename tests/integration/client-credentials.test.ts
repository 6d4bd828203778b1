import { createPrivateKey, generateKeyPairSync, randomUUID, X509Certificate, createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalEntraForTests, type TestEntra } from "@/dev/entra/test-support";
import { JWT_BEARER_ASSERTION_TYPE, TOKEN_EXCHANGE_AUDIENCE } from "@/dev/entra/client-assertion";
import { ARM_RESOURCE, CROSSLINK_APP, PROVIDER_TENANT } from "@/dev/world/demo-tenants";
import { ensureLocalClientCertificate, type LocalClientCertificate } from "@/dev/world/local-client-certificate";
import { loadConfig, type AppConfig } from "@/lib/config";
import { createMsalClient } from "@/lib/auth/msal";
import { providerAppCredential } from "@/lib/azure/credentials";
import { isAzureError } from "@/lib/azure/azure-error";

/**
 * Crosslink's own identity without a secret, against the local Entra ID with the real msal-node:
 * a certificate (MSAL signs the client assertion) and a federated token read from a file.
 */
const FEDERATED_ISSUER = "https://oidc.aks.localhost/11111111-issuer/";
const FEDERATED_SUBJECT = "system:serviceaccount:crosslink:crosslink-web";
const issuerKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
// A managed identity as Entra sees it: its tokens' issuer is the tenant, its subject its object ID.
const MANAGED_IDENTITY_ISSUER = `https://login.microsoftonline.com/${PROVIDER_TENANT.tenantId}/v2.0`;
const MANAGED_IDENTITY_OID = "0d0d0d0d-1111-4222-8333-444444444444";

let entra: TestEntra;
let dir: string;
let registered: LocalClientCertificate;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-client-credentials-"));
  registered = ensureLocalClientCertificate();
  entra = await startLocalEntraForTests({
    federatedCredentials: [
      { issuer: FEDERATED_ISSUER, subject: FEDERATED_SUBJECT, audience: TOKEN_EXCHANGE_AUDIENCE, publicKey: issuerKeys.publicKey },
      { issuer: MANAGED_IDENTITY_ISSUER, subject: MANAGED_IDENTITY_OID, audience: TOKEN_EXCHANGE_AUDIENCE, publicKey: issuerKeys.publicKey },
    ],
  });
});
afterAll(async () => {
  await entra?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function configWith(env: Record<string, string>): AppConfig {
  return loadConfig({
    ENTRA_AUTHORITY_HOST: entra.url,
    SESSION_SECRET: "client-credentials-test-session-secret-0123",
    APP_BASE_URL: "http://localhost:3999",
    DATABASE_URL: "file:/tmp/unused.db",
    ...env,
  });
}

const tokenEndpoint = () => `${entra.url}/${PROVIDER_TENANT.tenantId}/oauth2/v2.0/token`;

async function postAssertion(assertion: string): Promise<{ status: number; body: { error?: string; error_codes?: number[]; error_description?: string; access_token?: string } }> {
  const res = await fetch(tokenEndpoint(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      scope: ARM_RESOURCE.appOnlyScope,
      client_id: CROSSLINK_APP.clientId,
      client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      client_assertion: assertion,
    }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** A client assertion as MSAL makes one, with any part changed. */
async function assertion(options: { pem?: string; claims?: Record<string, unknown>; header?: Record<string, unknown>; alg?: string } = {}): Promise<string> {
  const pem = options.pem ?? registered.pem;
  const cert = new X509Certificate(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem)![0]);
  const now = Math.floor(Date.now() / 1000);
  const alg = options.alg ?? "PS256";
  return new SignJWT({ aud: tokenEndpoint(), iss: CROSSLINK_APP.clientId, sub: CROSSLINK_APP.clientId, jti: randomUUID(), nbf: now, exp: now + 600, ...options.claims })
    .setProtectedHeader({ alg, typ: "JWT", "x5t#S256": createHash("sha256").update(cert.raw).digest("base64url"), ...options.header })
    .sign(createPrivateKey(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----/.exec(pem)![0]));
}

describe("certificate credentials", () => {
  it("get Crosslink's app-only ARM token in the provider tenant with no secret configured", async () => {
    const config = configWith({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: registered.file });
    expect(config.entra.credential.kind).toBe("certificate");
    const token = await providerAppCredential(config).getToken(ARM_RESOURCE.appOnlyScope);
    expect(decodeJwt(token!.token)).toMatchObject({ aud: ARM_RESOURCE.audience, tid: PROVIDER_TENANT.tenantId, appid: CROSSLINK_APP.clientId, idtyp: "app" });
  });

  it("with a certificate not uploaded to the app: AADSTS700027, said as a credential problem naming the thumbprint", async () => {
    const stranger = ensureLocalClientCertificate(path.join(dir, "stranger.pem"));
    const config = configWith({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: stranger.file });
    const err = await providerAppCredential(config).getToken(ARM_RESOURCE.appOnlyScope).then(() => undefined, (e: unknown) => e);
    expect(isAzureError(err)).toBe(true);
    if (!isAzureError(err)) return;
    expect(err.code).toBe("ProviderCredentialFailed");
    expect(err.message).toMatch(/AADSTS700027/);
    expect(err.userMessage).toMatch(/client certificate \(SHA-256 thumbprint [0-9a-f]{64}: is it uploaded to the app registration\?\)/);
    expect(err.userMessage).not.toMatch(/ENTRA_CLIENT_SECRET/);
  });
});

describe("the local Entra ID's client assertion checks", () => {
  it("accepts an assertion signed by the registered certificate (PS256 and RS256), each jti once", async () => {
    const ps = await assertion();
    expect((await postAssertion(ps)).status).toBe(200);
    expect((await postAssertion(await assertion({ alg: "RS256" }))).status).toBe(200);
    const replay = await postAssertion(ps);
    expect(replay).toMatchObject({ status: 401, body: { error: "invalid_client", error_codes: [90023] } });
  });

  it("refuses a bad signature, an unknown key, an expired assertion, a wrong audience and a wrong issuer with Entra's codes", async () => {
    const stranger = ensureLocalClientCertificate(path.join(dir, "stranger2.pem"));
    const registeredThumbprint = createHash("sha256").update(new X509Certificate(registered.certificatePem).raw).digest("base64url");
    // Signed by another key while naming the registered certificate.
    const forged = await assertion({ pem: stranger.pem, header: { "x5t#S256": registeredThumbprint } });
    expect((await postAssertion(forged)).body).toMatchObject({ error: "invalid_client", error_codes: [700027], error_description: expect.stringMatching(/signature validation/) });
    expect((await postAssertion(await assertion({ pem: stranger.pem }))).body).toMatchObject({ error_codes: [700027], error_description: expect.stringMatching(/not registered on application/) });
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await postAssertion(await assertion({ claims: { nbf: past - 600, exp: past } }))).body).toMatchObject({ error_codes: [700024] });
    expect((await postAssertion(await assertion({ claims: { aud: "https://login.microsoftonline.com/x/oauth2/v2.0/token" } }))).body).toMatchObject({ error_codes: [700023] });
    expect((await postAssertion(await assertion({ claims: { sub: "someone-else" } }))).body).toMatchObject({ error_codes: [700021] });
    expect((await postAssertion("not-a-jwt")).body).toMatchObject({ error_codes: [50027] });
  });
});

describe("federated credentials", () => {
  async function federatedToken(subject: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: FEDERATED_ISSUER, sub: subject, aud: TOKEN_EXCHANGE_AUDIENCE, iat: now, nbf: now, exp: now + 3600 })
      .setProtectedHeader({ alg: "RS256", kid: "issuer-key" })
      .sign(issuerKeys.privateKey);
  }

  it("read the token file for every token request (the platform rotates it)", async () => {
    const file = path.join(dir, "federated-token");
    fs.writeFileSync(file, await federatedToken(FEDERATED_SUBJECT));
    const config = configWith({ ENTRA_CLIENT_CREDENTIAL: "federated", AZURE_FEDERATED_TOKEN_FILE: file });
    const msal = createMsalClient(config, { tenant: PROVIDER_TENANT.tenantId });
    const request = { scopes: [ARM_RESOURCE.appOnlyScope], skipCache: true };

    const first = await msal.acquireTokenByClientCredential(request);
    expect(decodeJwt(first!.accessToken)).toMatchObject({ tid: PROVIDER_TENANT.tenantId, appid: CROSSLINK_APP.clientId });

    // A token for a subject the app does not trust: the next request must send it (and fail).
    fs.writeFileSync(file, await federatedToken("system:serviceaccount:other:intruder"));
    await expect(msal.acquireTokenByClientCredential(request)).rejects.toMatchObject({ errorMessage: expect.stringMatching(/AADSTS70021/) });

    fs.writeFileSync(file, await federatedToken(FEDERATED_SUBJECT));
    expect((await msal.acquireTokenByClientCredential(request))?.accessToken).toBeTruthy();
  });
});

describe("managed identity credentials", () => {
  it("use the host's managed identity token for api://AzureADTokenExchange as the client assertion", async () => {
    // App Service's managed identity endpoint, as MSAL finds it (IDENTITY_ENDPOINT + IDENTITY_HEADER).
    const asked: { resource: string | null; header: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      asked.push({ resource: url.searchParams.get("resource"), header: req.headers["x-identity-header"] as string | undefined });
      const now = Math.floor(Date.now() / 1000);
      void new SignJWT({ iss: MANAGED_IDENTITY_ISSUER, sub: MANAGED_IDENTITY_OID, aud: TOKEN_EXCHANGE_AUDIENCE, iat: now, nbf: now, exp: now + 3600 })
        .setProtectedHeader({ alg: "RS256" })
        .sign(issuerKeys.privateKey)
        .then((token) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ access_token: token, expires_on: String(now + 3600), resource: TOKEN_EXCHANGE_AUDIENCE, token_type: "Bearer" }));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = "local-identity-header";
    try {
      const config = configWith({ ENTRA_CLIENT_CREDENTIAL: "managed-identity" });
      const token = await providerAppCredential(config).getToken(ARM_RESOURCE.appOnlyScope);
      expect(decodeJwt(token!.token)).toMatchObject({ aud: ARM_RESOURCE.audience, tid: PROVIDER_TENANT.tenantId, appid: CROSSLINK_APP.clientId });
      expect(asked[0]).toEqual({ resource: TOKEN_EXCHANGE_AUDIENCE, header: "local-identity-header" });
    } finally {
      process.env.IDENTITY_ENDPOINT = saved.endpoint;
      process.env.IDENTITY_HEADER = saved.header;
      if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
      if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
      server.close();
    }
  });
});
