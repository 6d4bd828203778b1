/**
 * The Crosslink app's client certificate in the local world: a self-signed RSA certificate and its
 * private key in one PEM file (LOCAL_CLIENT_CERTIFICATE_FILE, mode 0600, never in git). The local
 * Entra ID registers its public part on the Crosslink app (as "Certificates & secrets" would), and
 * the app can run with ENTRA_CLIENT_CREDENTIAL=certificate pointing at the file
 * (`npm run dev -- --client-credential certificate`).
 *
 * Made with the openssl CLI (Node cannot create X.509 certificates), like dev/certs/ensure-certs.ts.
 * Synchronous, and safe when several processes start at once (link(2) picks one winner).
 */
import { execFileSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LOCAL_CLIENT_CERTIFICATE_FILE } from "./local-config";

export type LocalClientCertificate = {
  file: string;
  /** Key and certificate, as the app reads them. */
  pem: string;
  /** The certificate only, as uploaded to the app registration. */
  certificatePem: string;
};

/** Renew a month before it expires, so a running world never meets an expired certificate. */
const RENEW_WITHIN_MS = 30 * 86_400_000;

export function ensureLocalClientCertificate(file: string = LOCAL_CLIENT_CERTIFICATE_FILE): LocalClientCertificate {
  const existing = readValid(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = generate();
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temp, pem, { mode: 0o600, flag: "wx" });
  try {
    if (fs.existsSync(file)) fs.renameSync(temp, file); // an expiring one is replaced
    else fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const final = readValid(file);
  if (!final) throw new Error(`ensureLocalClientCertificate: ${file} is unusable after writing it. Delete it to make a new one.`);
  return final;
}

function readValid(file: string): LocalClientCertificate | undefined {
  let pem: string;
  try {
    pem = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/.exec(pem)?.[0];
  if (!certificatePem || !/PRIVATE KEY-----/.test(pem)) return undefined;
  const validTo = new Date(new X509Certificate(certificatePem).validTo).getTime();
  if (validTo - Date.now() < RENEW_WITHIN_MS) return undefined;
  return { file, pem, certificatePem };
}

function generate(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-client-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "365", "-subj", "/CN=Crosslink local client", "-sha256"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return fs.readFileSync(key, "utf8") + fs.readFileSync(cert, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
