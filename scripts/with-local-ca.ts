/**
 * Runs a TypeScript entry point in a Node process that trusts the local CA (NODE_EXTRA_CA_CERTS
 * is only read when Node starts, so it has to be set for a new process).
 *   tsx scripts/with-local-ca.ts <entry.ts> [args…]
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureCerts } from "../dev/certs/ensure-certs";
import { extraCaFileWith } from "../dev/certs/trust-bundle";

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) throw new Error("usage: with-local-ca.ts <entry.ts> [args…]");
  const { caFile } = await ensureCerts();
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: await extraCaFileWith(caFile) };
  const child = spawn(path.join(__dirname, "..", "node_modules/.bin/tsx"), [entry, ...args], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
