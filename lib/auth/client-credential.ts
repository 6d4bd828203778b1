import fs from "node:fs/promises";
import { ManagedIdentityApplication, type NodeAuthOptions } from "@azure/msal-node";
import type { AppConfig } from "../config";
import { AZURE_CLOUDS } from "../config/azure-clouds";

/**
 * The part of MSAL's `auth` options that proves Crosslink's identity to Microsoft Entra ID, from
 * the configured credential (ENTRA_CLIENT_CREDENTIAL, checked in lib/config/client-credential-env.ts):
 * - secret: the client secret;
 * - certificate: MSAL signs a client assertion (PS256, `x5t#S256` header) with the private key for
 *   every token request; x5c sends the certificate chain, which is harmless when the certificate is
 *   uploaded to the app registration and needed for subject-name/issuer trust;
 * - federated: the assertion is a token issued by another identity provider that the app registration
 *   trusts (a federated identity credential). AKS workload identity writes it to a file and rotates
 *   it, so the file is read for each token request, never cached here;
 * - managed-identity: the assertion is the host's managed identity token for the cloud's
 *   token-exchange audience (a federated credential on the app trusts that identity). MSAL's
 *   ManagedIdentityApplication finds the host's endpoint (App Service, IMDS, …) and caches the token.
 */
export type ClientCredentialAuth = Pick<NodeAuthOptions, "clientSecret" | "clientCertificate" | "clientAssertion">;

export class FederatedTokenUnavailable extends Error {
  constructor(file: string, reason: string) {
    super(`The federated token file ${file} could not be used (${reason}). Check the workload identity setup (AZURE_FEDERATED_TOKEN_FILE).`);
    this.name = "FederatedTokenUnavailable";
  }
}

export function clientCredentialAuth(config: Pick<AppConfig, "entra" | "cloud">): ClientCredentialAuth {
  const credential = config.entra.credential;
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
    case "managed-identity": {
      const audience = AZURE_CLOUDS[config.cloud].tokenExchangeAudience;
      return { clientAssertion: () => managedIdentityToken(credential.userAssignedClientId, audience) };
    }
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

// One per identity: MSAL keeps the managed identity's token and renews it before it expires.
const managedIdentities = new Map<string, ManagedIdentityApplication>();

/** The managed identity's token for the token-exchange audience (system-assigned when no client ID). */
export async function managedIdentityToken(userAssignedClientId: string | null, audience: string): Promise<string> {
  const key = userAssignedClientId ?? "system";
  let app = managedIdentities.get(key);
  if (!app) {
    app = new ManagedIdentityApplication(userAssignedClientId ? { managedIdentityIdParams: { userAssignedClientId } } : {});
    managedIdentities.set(key, app);
  }
  const result = await app.acquireToken({ resource: audience });
  return result.accessToken;
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
    case "managed-identity":
      return "the managed identity (is it enabled on this host?) and the federated identity credential on the app registration that trusts it";
  }
}
