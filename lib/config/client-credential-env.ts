import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import fs from "node:fs";

/**
 * How Crosslink proves its identity to Microsoft Entra ID (ENTRA_CLIENT_CREDENTIAL), read and
 * checked at start so a wrong certificate fails with its reason instead of at the first token:
 * - secret:      ENTRA_CLIENT_SECRET (the default, for the local world and trials);
 * - certificate: ENTRA_CLIENT_CERTIFICATE (PEM text) or ENTRA_CLIENT_CERTIFICATE_PATH (a PEM file),
 *                holding the unencrypted private key and its certificate (chain optional);
 * - federated:   a token from workload identity federation, read fresh from AZURE_FEDERATED_TOKEN_FILE
 *                for every token request (AKS workload identity rotates the file);
 * - managed-identity: a token of the host's managed identity (App Service, Container Apps, VMs)
 *                for the cloud's token-exchange audience, trusted by a federated credential on the
 *                app registration; ENTRA_MANAGED_IDENTITY_CLIENT_ID picks a user-assigned identity.
 * Messages never quote a value: a private key or secret must not reach an error or a log.
 */
export const CLIENT_CREDENTIAL_KINDS = ["secret", "certificate", "federated", "managed-identity"] as const;
export type ClientCredentialKind = (typeof CLIENT_CREDENTIAL_KINDS)[number];

type Read = (name: string) => string | undefined;
export type Problem = { variable: string; message: string };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n[\s\S]*?-----END \1-----/g;

/**
 * The candidate for the schema (lib/config/schema.ts checks its shape) and the problems only this
 * reader can see (files, PEM contents, variables that belong to another kind).
 */
export function readClientCredential(fromEnv: Read, now: Date = new Date()): { candidate: unknown; problems: Problem[] } {
  const kind = fromEnv("ENTRA_CLIENT_CREDENTIAL") ?? "secret";
  const problems: Problem[] = [];
  if (!(CLIENT_CREDENTIAL_KINDS as readonly string[]).includes(kind)) {
    return { candidate: { kind: "secret", clientSecret: "-".repeat(16) }, problems: [{ variable: "ENTRA_CLIENT_CREDENTIAL", message: 'must be "secret", "certificate", "federated" or "managed-identity"' }] };
  }
  const certificateVars = ["ENTRA_CLIENT_CERTIFICATE", "ENTRA_CLIENT_CERTIFICATE_PATH"].filter((n) => fromEnv(n) !== undefined);
  if (kind !== "secret" && fromEnv("ENTRA_CLIENT_SECRET") !== undefined) {
    problems.push({ variable: "ENTRA_CLIENT_SECRET", message: `must not be set when ENTRA_CLIENT_CREDENTIAL is "${kind}": Crosslink uses one credential; remove the secret` });
  }
  if (kind !== "certificate") {
    for (const name of certificateVars) {
      problems.push({ variable: name, message: `is set, but ENTRA_CLIENT_CREDENTIAL is "${kind}"; set ENTRA_CLIENT_CREDENTIAL=certificate to use the certificate, or unset ${name}` });
    }
  }

  if (kind !== "managed-identity" && fromEnv("ENTRA_MANAGED_IDENTITY_CLIENT_ID") !== undefined) {
    problems.push({ variable: "ENTRA_MANAGED_IDENTITY_CLIENT_ID", message: `is set, but ENTRA_CLIENT_CREDENTIAL is "${kind}"; set ENTRA_CLIENT_CREDENTIAL=managed-identity to use it, or unset it` });
  }

  if (kind === "secret") return { candidate: { kind, clientSecret: fromEnv("ENTRA_CLIENT_SECRET") }, problems };
  if (kind === "managed-identity") return { candidate: { kind, userAssignedClientId: fromEnv("ENTRA_MANAGED_IDENTITY_CLIENT_ID") ?? null }, problems };
  if (kind === "federated") {
    const tokenFile = fromEnv("AZURE_FEDERATED_TOKEN_FILE");
    if (!tokenFile) {
      problems.push({ variable: "AZURE_FEDERATED_TOKEN_FILE", message: 'is required when ENTRA_CLIENT_CREDENTIAL is "federated": the path of the federated token (AKS workload identity sets it)' });
    } else if (!readable(tokenFile)) {
      problems.push({ variable: "AZURE_FEDERATED_TOKEN_FILE", message: `names a file that cannot be read (${tokenFile})` });
    }
    return { candidate: { kind, tokenFile: tokenFile ?? "" }, problems };
  }

  // certificate
  if (certificateVars.length !== 1) {
    problems.push({
      variable: "ENTRA_CLIENT_CERTIFICATE",
      message:
        certificateVars.length === 0
          ? 'or ENTRA_CLIENT_CERTIFICATE_PATH is required when ENTRA_CLIENT_CREDENTIAL is "certificate": the PEM with the private key and the certificate'
          : "and ENTRA_CLIENT_CERTIFICATE_PATH are both set; set only one",
    });
    return { candidate: undefined, problems };
  }
  const variable = certificateVars[0]!;
  let pem: string;
  if (variable === "ENTRA_CLIENT_CERTIFICATE_PATH") {
    const file = fromEnv(variable)!;
    try {
      pem = fs.readFileSync(file, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ variable, message: code === "ENOENT" ? `names a file that does not exist (${file})` : `names a file that cannot be read (${file}: ${code ?? "error"})` });
      return { candidate: undefined, problems };
    }
  } else {
    // Many platforms cannot put line breaks in a variable: accept "\n" written out.
    pem = fromEnv(variable)!.replace(/\\n/g, "\n");
  }
  const parsed = parseCertificatePem(pem, now);
  if ("problem" in parsed) {
    problems.push({ variable, message: parsed.problem });
    return { candidate: undefined, problems };
  }
  return { candidate: { kind, ...parsed }, problems };
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

type ParsedCertificate = { privateKeyPem: string; certificatePem: string; thumbprintSha256: string; notAfter: string };

/** The key and its certificate from one PEM text, or what exactly is wrong with it. */
export function parseCertificatePem(pem: string, now: Date = new Date()): ParsedCertificate | { problem: string } {
  const blocks = [...pem.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
  if (blocks.length === 0) return { problem: "holds no PEM blocks: expected -----BEGIN PRIVATE KEY----- and -----BEGIN CERTIFICATE----- sections" };
  if (blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY") || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
    return { problem: "holds an encrypted private key; export it without a password (e.g. openssl pkcs12 -nodes, or openssl pkey)" };
  }
  const keys = blocks.filter((b) => /PRIVATE KEY$/.test(b.label));
  if (keys.length === 0) return { problem: "holds no private key: put the certificate's private key (-----BEGIN PRIVATE KEY-----) in the same PEM" };
  if (keys.length > 1) return { problem: "holds more than one private key; keep only the one of Crosslink's certificate" };
  let key: KeyObject;
  try {
    key = createPrivateKey(keys[0]!.text);
  } catch {
    return { problem: "holds a private key that cannot be read (damaged or an unsupported format)" };
  }
  if (key.asymmetricKeyType !== "rsa") {
    return { problem: `holds a ${key.asymmetricKeyType ?? "non-RSA"} private key; Microsoft Entra ID needs an RSA key (2048 bits or more) for client certificates` };
  }
  const certs: X509Certificate[] = [];
  for (const block of blocks.filter((b) => b.label === "CERTIFICATE")) {
    try {
      certs.push(new X509Certificate(block.text));
    } catch {
      return { problem: "holds a certificate that cannot be read (damaged PEM)" };
    }
  }
  if (certs.length === 0) return { problem: "holds no certificate: put the certificate (-----BEGIN CERTIFICATE-----) next to its private key" };
  const publicDer = createPublicKey(key).export({ type: "spki", format: "der" });
  const leafIndex = certs.findIndex((c) => c.publicKey.export({ type: "spki", format: "der" }).equals(publicDer));
  if (leafIndex < 0) return { problem: "holds a private key that belongs to none of its certificates; put the matching key and certificate together" };
  const leaf = certs[leafIndex]!;
  if (new Date(leaf.validTo).getTime() <= now.getTime()) return { problem: `holds a certificate that expired on ${new Date(leaf.validTo).toISOString()}; create and upload a new one` };
  if (new Date(leaf.validFrom).getTime() > now.getTime()) return { problem: `holds a certificate that is not valid before ${new Date(leaf.validFrom).toISOString()}` };
  const ordered = [leaf, ...certs.filter((_, i) => i !== leafIndex)];
  return {
    privateKeyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem: ordered.map((c) => c.toString()).join(""),
    thumbprintSha256: leaf.fingerprint256.replace(/:/g, "").toLowerCase(),
    notAfter: new Date(leaf.validTo).toISOString(),
  };
}
