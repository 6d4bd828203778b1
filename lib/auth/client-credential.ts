import fs from "node:fs/promises";
import type { NodeAuthOptions } from "@azure/msal-node";
import type { AppConfig } from "../config";

/**
 * The part of MSAL's `auth` options that proves Crosslink's identity to Microsoft Entra ID, from
 * the configured credential (ENTRA_CLIENT_CREDENTIAL, checked in lib/config/client-credential-env.ts):
 * - secret: the client secret;
 * - certificate: MSAL signs a client assertion (PS256, `x5t#S256` header) with the private key for
 *   every token request; x5c sends the certificate chain, which is harmless when the certificate is
 *   uploaded to the app registration and needed for subject-name/issuer trust;
 * - federated: the assertion is a token issued by another identity provider that the app registration
 *   trusts (a federated identity credential). AKS workload identity writes it to a file and rotates
 *   it, so the file is read for each token request, never cached here.
 */
export type ClientCredentialAuth = Pick<NodeAuthOptions, "clientSecret" | "clientCertificate" | "clientAssertion">;

export class FederatedTokenUnavailable extends Error {
  constructor(file: string, reason: string) {
    super(`The federated token file ${file} could not be used (${reason}). Check the workload identity setup (AZURE_FEDERATED_TOKEN_FILE).`);
    this.name = "FederatedTokenUnavailable";
  }
}

export function clientCredentialAuth(credential: AppConfig["entra"]["credential"]): ClientCredentialAuth {
  switch (credential.kind) {
    case "secret":
      return { clientSecret: credential.clientSecret };
    case "certificate":
      return {
        clientCertificate: {
          thumbprintSha256: credential.thumbprintSha256,
          privateKey: credential.privateKeyPem,
          x5c: credential.certificatePem,
        },
      };
    case "federated":
      return { clientAssertion: () => readFederatedToken(credential.tokenFile) };
  }
}

/** The current federated token: read on every call, because its issuer replaces it before it expires. */
export async function readFederatedToken(file: string): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (err) {
    throw new FederatedTokenUnavailable(file, (err as NodeJS.ErrnoException).code ?? "unreadable");
  }
  const token = text.trim();
  if (token === "") throw new FederatedTokenUnavailable(file, "the file is empty");
  return token;
}

/** What to check when Crosslink's own sign-in fails, by credential kind (for user and log messages). */
export function clientCredentialHint(credential: AppConfig["entra"]["credential"]): string {
  switch (credential.kind) {
    case "secret":
      return "ENTRA_CLIENT_SECRET (is it the secret's value, and not expired?)";
    case "certificate":
      return `the client certificate (SHA-256 thumbprint ${credential.thumbprintSha256}: is it uploaded to the app registration?)`;
    case "federated":
      return "the federated identity credential on the app registration (issuer, subject and audience must match the token in AZURE_FEDERATED_TOKEN_FILE)";
  }
}
