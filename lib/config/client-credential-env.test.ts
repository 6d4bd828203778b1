import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";
import { parseCertificatePem } from "./client-credential-env";

const BASE = { SESSION_SECRET: "0123456789abcdef0123456789abcdef0123", DATABASE_URL: "file:/tmp/crosslink-config-test.db" };

let dir: string;
let key: string;
let cert: string;
let otherCert: string;

function makeCertificate(name: string): { key: string; cert: string } {
  const keyFile = path.join(dir, `${name}-key.pem`);
  const certFile = path.join(dir, `${name}-cert.pem`);
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "30", "-subj", `/CN=${name}`], { stdio: "ignore" });
  return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-cert-config-"));
  ({ key, cert } = makeCertificate("crosslink"));
  otherCert = makeCertificate("other").cert;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig({ ...BASE, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return Object.fromEntries(err.problems.map((p) => [p.variable, p.message]));
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("ENTRA_CLIENT_CREDENTIAL", () => {
  it("defaults to the client secret", () => {
    const config = loadConfig({ ...BASE, ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length" });
    expect(config.entra.credential).toEqual({ kind: "secret", clientSecret: "a-client-secret-of-sufficient-length" });
  });

  it("reads a certificate from a PEM file: key, certificate and its SHA-256 thumbprint", () => {
    const file = path.join(dir, "both.pem");
    fs.writeFileSync(file, key + cert);
    const { credential } = loadConfig({ ...BASE, ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: file }).entra;
    if (credential.kind !== "certificate") throw new Error("expected a certificate credential");
    expect(credential.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(credential.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(credential.certificatePem).toContain("-----BEGIN CERTIFICATE-----");
  });

  it("reads PEM text from the variable, with line breaks written as \\n, certificate first or last", () => {
    const flat = (cert + key).replace(/\n/g, "\\n");
    const config = loadConfig({ ...BASE, ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: flat });
    expect(config.entra.credential.kind).toBe("certificate");
  });

  it("says exactly what is wrong with a certificate", () => {
    const missing = problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: path.join(dir, "nope.pem") });
    expect(missing.ENTRA_CLIENT_CERTIFICATE_PATH).toMatch(/does not exist/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: cert }).ENTRA_CLIENT_CERTIFICATE).toMatch(/no private key/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: key }).ENTRA_CLIENT_CERTIFICATE).toMatch(/no certificate/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: key + otherCert }).ENTRA_CLIENT_CERTIFICATE).toMatch(/belongs to none of its certificates/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: "hello" }).ENTRA_CLIENT_CERTIFICATE).toMatch(/no PEM blocks/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate" }).ENTRA_CLIENT_CERTIFICATE).toMatch(/ENTRA_CLIENT_CERTIFICATE_PATH is required/);
  });

  it("refuses an expired certificate, an encrypted key and a non-RSA key", () => {
    expect(parseCertificatePem(key + cert, new Date(Date.now() + 365 * 86_400_000))).toEqual({ problem: expect.stringMatching(/expired on \d{4}-/) });
    const encrypted = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }).toString();
    expect(parseCertificatePem(encrypted + cert)).toEqual({ problem: expect.stringMatching(/encrypted private key/) });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(parseCertificatePem(ec + cert)).toEqual({ problem: expect.stringMatching(/ec private key; Microsoft Entra ID needs an RSA key/) });
  });

  it("never puts the key in a problem message", () => {
    const messages = Object.values(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE: key + otherCert })).join(" ");
    expect(messages).not.toContain("PRIVATE KEY-----\n");
    expect(messages).not.toContain(key.split("\n")[1]);
  });

  it("uses one credential: refuses a secret next to a certificate, and certificate variables without the kind", () => {
    const file = path.join(dir, "both2.pem");
    fs.writeFileSync(file, key + cert);
    const both = problemsOf({ ENTRA_CLIENT_CREDENTIAL: "certificate", ENTRA_CLIENT_CERTIFICATE_PATH: file, ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length" });
    expect(both.ENTRA_CLIENT_SECRET).toMatch(/must not be set when ENTRA_CLIENT_CREDENTIAL is "certificate"/);
    const forgotKind = problemsOf({ ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length", ENTRA_CLIENT_CERTIFICATE_PATH: file });
    expect(forgotKind.ENTRA_CLIENT_CERTIFICATE_PATH).toMatch(/set ENTRA_CLIENT_CREDENTIAL=certificate/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "password" }).ENTRA_CLIENT_CREDENTIAL).toMatch(/"secret", "certificate", "federated" or "managed-identity"/);
  });

  it("federated: needs a readable AZURE_FEDERATED_TOKEN_FILE", () => {
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "federated" }).AZURE_FEDERATED_TOKEN_FILE).toMatch(/is required/);
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "federated", AZURE_FEDERATED_TOKEN_FILE: path.join(dir, "none") }).AZURE_FEDERATED_TOKEN_FILE).toMatch(/cannot be read/);
    const file = path.join(dir, "token");
    fs.writeFileSync(file, "eyJ.token.here");
    expect(loadConfig({ ...BASE, ENTRA_CLIENT_CREDENTIAL: "federated", AZURE_FEDERATED_TOKEN_FILE: file }).entra.credential).toEqual({ kind: "federated", tokenFile: file });
  });

  it("managed identity: system-assigned by default, or a user-assigned one by client ID", () => {
    expect(loadConfig({ ...BASE, ENTRA_CLIENT_CREDENTIAL: "managed-identity" }).entra.credential).toEqual({ kind: "managed-identity", userAssignedClientId: null });
    const userAssigned = "5e5e5e5e-1111-4222-8333-444444444444";
    expect(loadConfig({ ...BASE, ENTRA_CLIENT_CREDENTIAL: "managed-identity", ENTRA_MANAGED_IDENTITY_CLIENT_ID: userAssigned }).entra.credential).toEqual({ kind: "managed-identity", userAssignedClientId: userAssigned });
    expect(problemsOf({ ENTRA_CLIENT_CREDENTIAL: "managed-identity", ENTRA_MANAGED_IDENTITY_CLIENT_ID: "mi" }).ENTRA_MANAGED_IDENTITY_CLIENT_ID).toMatch(/must be a GUID/);
    expect(problemsOf({ ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length", ENTRA_MANAGED_IDENTITY_CLIENT_ID: userAssigned }).ENTRA_MANAGED_IDENTITY_CLIENT_ID).toMatch(/set ENTRA_CLIENT_CREDENTIAL=managed-identity/);
  });
});
