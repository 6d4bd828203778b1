/**
 * Runs the local Entra ID with the local world's defaults:
 *   npx tsx dev/entra/main.ts
 * Port: LOCAL_ENTRA_PORT or 7443. Certificates, the client secret and the signing key are created
 * on first start under the data directory (.data/ by default, CROSSLINK_DATA_DIR to move it).
 */
import path from "node:path";
import { ensureCerts } from "../certs/ensure-certs";
import { DATA_DIR, DEFAULT_PORTS } from "../world/local-config";
import { ensureLocalSecrets } from "../world/local-secrets";
import { DEMO_TENANTS } from "../world/demo-tenants";
import { jsonLinesSink } from "./log";
import { startLocalEntra } from "./server";

const SIGNING_KEY_FILE = path.join(DATA_DIR, "entra", "signing-key.pem");

async function main(): Promise<void> {
  const certs = await ensureCerts({ log: (message) => console.error(message) });
  const { clientSecret } = ensureLocalSecrets();
  const port = process.env.LOCAL_ENTRA_PORT ? Number(process.env.LOCAL_ENTRA_PORT) : DEFAULT_PORTS.entra;
  const entra = await startLocalEntra({
    port,
    certFile: certs.certFile,
    keyFile: certs.keyFile,
    clientSecret,
    signingKeyFile: SIGNING_KEY_FILE,
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
