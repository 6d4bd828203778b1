/**
 * Runs the local ARM with its defaults (port 8443, local Entra ID at https://localhost:7443) until
 * interrupted. Configure through LOCAL_ARM_* environment variables (README.md).
 *
 *   npx tsx dev/arm/main.ts
 */
import { startLocalArm } from "./server";

async function main(): Promise<void> {
  const arm = await startLocalArm();
  const c = arm.services.config;
  console.log(`Local Azure Resource Manager listening at ${arm.url} (started in ${arm.startupMs.toFixed(0)} ms)`);
  console.log(`  tokens from ${c.entraUrl} (JWKS ${c.jwksUri})`);
  console.log(`  long-running operations ${c.lro.minMs}-${c.lro.maxMs} ms; throttling ${c.throttling.enabled ? `reads ${c.throttling.reads.burst}/${c.throttling.reads.perSecond}s, writes ${c.throttling.writes.burst}/${c.throttling.writes.perSecond}s` : "off"}`);
  console.log(`  MFA required for users' writes: ${c.requireMfa === "writes" ? "yes (LOCAL_ARM_REQUIRE_MFA=writes)" : "no"}`);
  if (c.stateFile) console.log(`  world saved to ${c.stateFile}`);
  if (c.changeFeed.url) console.log(`  change feed → ${c.changeFeed.url}`);
  if (arm.caFile) console.log(`  trust its certificate with NODE_EXTRA_CA_CERTS=${arm.caFile}`);
  console.log(`  inspect: npx tsx dev/arm/cli.ts inspect   reset: npx tsx dev/arm/cli.ts reset`);

  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping the local ARM`);
    await arm.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
