/**
 * Runs the local Entra ID with the local world's defaults:
 *   npx tsx dev/entra/main.ts
 * Environment (all optional):
 *   LOCAL_ENTRA_PORT                 port, default 7443
 *   ENTRA_REDIRECT_URIS              comma-separated redirect URIs for Crosslink, default CROSSLINK_APP.redirectUris
 *   ENTRA_POST_LOGOUT_REDIRECT_URIS  comma-separated, default CROSSLINK_APP.postLogoutRedirectUris
 *   CROSSLINK_DATA_DIR               where certificates, secrets and the signing key live (.data/)
 * Certificates, the client secret, the app's client certificate and the signing key are created
 * on first start.
 */
import path from "node:path";
import { ensureCerts } from "../certs/ensure-certs";
import { DATA_DIR, DEFAULT_PORTS } from "../world/local-config";
import { ensureLocalSecrets } from "../world/local-secrets";
import { ensureLocalClientCertificate } from "../world/local-client-certificate";
import { DEMO_TENANTS } from "../world/demo-tenants";
import { jsonLinesSink } from "./log";
import { startLocalEntra } from "./server";

const SIGNING_KEY_FILE = path.join(DATA_DIR, "entra", "signing-key.pem");
/** Consent grants made here (admin consent, accepted consent screens); deleting it restores the demo world's states. */
const CONSENT_FILE = path.join(DATA_DIR, "entra", "consents.json");

/** A comma-separated list from the environment, or undefined to use the contract's default. */
function listFromEnv(name: string): string[] | undefined {
  const list = (process.env[name] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const uri of list) {
    if (!URL.canParse(uri)) throw new Error(`${name} contains an invalid URL: ${uri}`);
  }
  return list.length > 0 ? list : undefined;
}

async function main(): Promise<void> {
  const certs = await ensureCerts({ log: (message) => console.error(message) });
  const { clientSecret } = ensureLocalSecrets();
  // Registered on the app alongside the secret, so the app may run with either credential.
  const clientCertificate = ensureLocalClientCertificate();
  const port = process.env.LOCAL_ENTRA_PORT ? Number(process.env.LOCAL_ENTRA_PORT) : DEFAULT_PORTS.entra;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LOCAL_ENTRA_PORT is not a port: ${process.env.LOCAL_ENTRA_PORT}`);
  const entra = await startLocalEntra({
    port,
    certFile: certs.certFile,
    keyFile: certs.keyFile,
    clientSecret,
    clientCertificates: [clientCertificate.certificatePem],
    redirectUris: listFromEnv("ENTRA_REDIRECT_URIS"),
    postLogoutRedirectUris: listFromEnv("ENTRA_POST_LOGOUT_REDIRECT_URIS"),
    signingKeyFile: SIGNING_KEY_FILE,
    consentFile: CONSENT_FILE,
    log: jsonLinesSink,
  });
  console.error(`Local Entra ID listening on ${entra.url}`);
  console.error(`  authorities: ${entra.url}/organizations, ${entra.url}/common, ${DEMO_TENANTS.map((t) => `${entra.url}/${t.tenantId} (${t.displayName})`).join(", ")}`);
  console.error(`  clients must trust ${certs.caFile} (NODE_EXTRA_CA_CERTS)`);

  const stop = () => {
    entra.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`Local Entra ID failed to start: ${error.message}`);
  process.exit(1);
});
