/**
 * Test-only set-up for the consumer's browser journeys, run with tsx in its own process against
 * the e2e world (its database, local Entra ID and ARM; see consumer.ts, which starts it). It goes
 * through the app's own use cases, never around them:
 *   manage           the provider (Priya) registers contoso-orders in Crosslink (setManaged)
 *   create-endpoint  Felix creates a private endpoint to contoso-orders himself, outside
 *                    Crosslink ("with the CLI"), with his own delegated token
 *   register         as create-endpoint, then Felix registers it in Crosslink
 *   webhook-route    Adam (admin) adds a tenant-wide webhook route to { url, events } (createRoute);
 *                    answers { routeId, secret } — the secret the admin is shown once
 * Input: argv[2] = command, argv[3] = JSON { name? }. Output: the last stdout line is JSON.
 */
import { loadConfig } from "../../lib/config";
import { createDb } from "../../lib/db/client";
import { createServices } from "../../lib/services";
import { setManaged } from "../../lib/connections/onboarding";
import { registerExistingEndpoint } from "../../lib/connections/register-existing";
import { signInAs } from "../../tests/support/sign-in-as";
import { createRoute } from "../../lib/notify/routes";
import { DEMO_RESOURCES } from "../../dev/world/demo-resources";

const ORDERS = DEMO_RESOURCES.contoso.sites.orders.id;
const F = DEMO_RESOURCES.fabrikam;

async function main() {
  const [command, rawInput] = process.argv.slice(2);
  const input = JSON.parse(rawInput ?? "{}") as { name?: string; url?: string; events?: string[] };
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  const services = createServices(db, config);
  try {
    if (command === "manage") {
      const priya = await signInAs(db, config, "priya@contoso.onmicrosoft.com");
      await setManaged({ db, providerAzure: services.providerAzure() }, priya, { resourceId: ORDERS, manage: true });
      return { managed: ORDERS };
    }
    if (command === "create-endpoint" || command === "register") {
      const felix = await signInAs(db, config, "felix@fabrikam.onmicrosoft.com");
      const azure = services.consumerAzureFor(felix);
      const endpoint = await azure.createPrivateEndpoint({
        subscriptionId: F.subscriptionId,
        resourceGroup: F.resourceGroup,
        name: input.name ?? `pe-cli-${Date.now().toString(36)}`,
        location: F.location,
        subnetId: F.vnet.subnets.endpoints.id,
        targetResourceId: ORDERS,
        groupIds: ["sites"],
        requestMessage: "Created with the az CLI by Felix",
      });
      if (command === "create-endpoint") return { endpointId: endpoint.id };
      const { requestId } = await registerExistingEndpoint({ db, consumerAzure: azure }, felix, { privateEndpointId: endpoint.id, targetResourceId: ORDERS });
      return { endpointId: endpoint.id, requestId };
    }
    if (command === "webhook-route") {
      const adam = await signInAs(db, config, "adam@contoso.onmicrosoft.com");
      return createRoute(services.notify, adam, { name: `e2e ${Date.now().toString(36)}`, channel: "webhook", purpose: "notify", scope: "tenant", events: input.events ?? ["request.pending"], target: input.url });
    }
    throw new Error(`unknown command ${command ?? "(none)"}`);
  } finally {
    services.worker.stop();
    await db.$disconnect();
  }
}

main().then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
