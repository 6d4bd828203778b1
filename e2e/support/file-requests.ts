/**
 * Files connection requests as a consumer without the consumer UI, so the provider's browser
 * tests don't depend on it. Runs in its own process (tsx) with the e2e world's environment (see
 * provider.ts, which starts it), and goes through the app's own use cases:
 *   - the consumer signs in through the app's real sign-in use cases against the local Entra ID
 *     (a real session with its token cache in the e2e database),
 *   - fileRequest() records the request and the "create the endpoint" job, with the consumer's
 *     delegated ARM token,
 *   - the app's own background worker then creates the private endpoint in the local ARM with
 *     that session; this script waits until each request has left Filed/Creating.
 * Optionally it first makes sure the target is registered (setManaged, as the provider).
 *
 * Input: one JSON argument { username, count, message, ensureManaged?, waitMs? }; the target is contoso-orders.
 * Output: the last stdout line is JSON { requestIds, states }.
 */
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { createServices } from "../../lib/services";
import { fileRequest } from "../../lib/connections/file-request";
import { setManaged } from "../../lib/connections/onboarding";
import { signInAs } from "../../tests/support/sign-in-as";
import { DEMO_RESOURCES } from "../../dev/world/demo-resources";

type Input = { username: string; count: number; message: string; ensureManaged?: boolean; waitMs?: number };

const CONSUMER_NETWORKS: Record<string, { subscriptionId: string; subnetId: string }> = {
  "fabrikam.onmicrosoft.com": { subscriptionId: DEMO_RESOURCES.fabrikam.subscriptionId, subnetId: DEMO_RESOURCES.fabrikam.vnet.subnets.endpoints.id },
  "northwind.onmicrosoft.com": { subscriptionId: DEMO_RESOURCES.northwind.subscriptionId, subnetId: DEMO_RESOURCES.northwind.vnet.subnets.endpoints.id },
};

async function main() {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const network = CONSUMER_NETWORKS[input.username.split("@")[1] ?? ""];
  if (!network) throw new Error(`no demo network for ${input.username}`);
  const orders = DEMO_RESOURCES.contoso.sites.orders;

  const config = loadConfig(process.env);
  const db = createDb(config.databaseUrl);
  const services = createServices(db, config);
  try {
    if (input.ensureManaged) {
      const provider = await signInAs(db, config, "priya@contoso.onmicrosoft.com");
      const existing = await db.providerResource.findUnique({ where: { resourceId: orders.id.toLowerCase() } });
      if (!existing?.managed) await setManaged({ db, providerAzure: services.providerAzure() }, provider, { resourceId: orders.id, manage: true });
    }

    const consumer = await signInAs(db, config, input.username);
    const requestIds: string[] = [];
    for (let i = 0; i < input.count; i++) {
      const { requestId } = await fileRequest({ db, consumerAzure: services.consumerAzureFor(consumer) }, consumer, {
        targetResourceId: orders.id,
        groupId: orders.groupId,
        requestMessage: input.count > 1 ? `${input.message} #${i + 1}` : input.message,
        subscriptionId: network.subscriptionId,
        subnetId: network.subnetId,
        endpointName: `pe-e2e-${randomBytes(4).toString("hex")}`,
      });
      requestIds.push(requestId);
    }

    // The app's worker (started with the server) creates the endpoints with the consumer's session.
    const deadline = Date.now() + (input.waitMs ?? 60_000);
    let states: Record<string, string> = {};
    for (;;) {
      const rows = await db.connectionRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, state: true, lastError: true } });
      states = Object.fromEntries(rows.map((r) => [r.id, r.state]));
      const failed = rows.find((r) => r.state === "Failed");
      if (failed) throw new Error(`creating the endpoint failed: ${failed.lastError}`);
      if (rows.every((r) => r.state !== "Filed" && r.state !== "Creating")) break;
      if (Date.now() > deadline) throw new Error(`endpoints not created in time: ${JSON.stringify(states)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(JSON.stringify({ requestIds, states }));
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
