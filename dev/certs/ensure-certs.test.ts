/**
 * ensureCerts in a temporary directory: creates a CA and a localhost certificate it signed,
 * keeps private keys 0600, is idempotent, survives concurrent callers, and renews what is broken.
 */
import { X509Certificate } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureCerts } from "./ensure-certs";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ensure-certs-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe("ensureCerts", () => {
  it("creates a CA and a localhost server certificate signed by it, keys 0600", async () => {
    const paths = await ensureCerts({ dir });
    const ca = new X509Certificate(await fs.readFile(paths.caFile));
    const cert = new X509Certificate(await fs.readFile(paths.certFile));
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain("DNS:localhost");
    expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(cert.subjectAltName).toMatch(/IP Address:(::1|0:0:0:0:0:0:0:1)/);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(await mode(paths.keyFile)).toBe(0o600);
    expect(await mode(path.join(dir, "local-ca-key.pem"))).toBe(0o600);
  });

  it("is idempotent and safe when called concurrently", async () => {
    const results = await Promise.all([ensureCerts({ dir }), ensureCerts({ dir }), ensureCerts({ dir })]);
    const certs = await Promise.all(results.map((r) => fs.readFile(r.certFile, "utf8")));
    expect(new Set(certs).size).toBe(1);
    const before = await fs.readFile(results[0]!.caFile, "utf8");
    await ensureCerts({ dir });
    expect(await fs.readFile(results[0]!.caFile, "utf8")).toBe(before);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith("."))).toEqual([]); // no lock or temp leftovers
  });

  it("renews only the server certificate when its key no longer matches, keeping the CA", async () => {
    const paths = await ensureCerts({ dir });
    const caBefore = await fs.readFile(paths.caFile, "utf8");
    const certBefore = await fs.readFile(paths.certFile, "utf8");
    await fs.copyFile(path.join(dir, "local-ca-key.pem"), paths.keyFile); // wrong key for the certificate
    await ensureCerts({ dir });
    expect(await fs.readFile(paths.caFile, "utf8")).toBe(caBefore);
    expect(await fs.readFile(paths.certFile, "utf8")).not.toBe(certBefore);
  });

  it("tightens a private key's mode back to 0600", async () => {
    const paths = await ensureCerts({ dir });
    await fs.chmod(paths.keyFile, 0o644);
    await ensureCerts({ dir });
    expect(await mode(paths.keyFile)).toBe(0o600);
  });
});
