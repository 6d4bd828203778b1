/**
 * Vitest global setup: makes sure the local CA and the localhost certificate exist, and makes
 * every test worker trust the CA.
 *
 * Why an environment variable: NODE_EXTRA_CA_CERTS is the one switch that both `fetch` (undici,
 * used by msal-node 7 and jose) and `node:https` (used by the Azure SDK) honour. Node reads it
 * only when a process starts, so it must be set before the workers start: vitest runs global
 * setup first and then forks its workers (pool "forks") with a copy of this process's environment.
 * With pool "threads" the workers would share this already-running process and ignore it.
 *
 * If the developer already trusts extra CAs through NODE_EXTRA_CA_CERTS, both are kept: a bundle
 * of their file plus ours is written next to the certificates.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { ensureCerts } from "../certs/ensure-certs";

export default async function setup(): Promise<void> {
  const { caFile } = await ensureCerts();
  const previous = process.env.NODE_EXTRA_CA_CERTS;
  if (!previous || path.resolve(previous) === caFile) {
    process.env.NODE_EXTRA_CA_CERTS = caFile;
    return;
  }
  const ours = await fs.readFile(caFile, "utf8");
  const theirs = await fs.readFile(previous, "utf8").catch(() => "");
  if (theirs.includes(ours.trim())) return; // already a bundle that contains our CA
  const bundle = path.join(path.dirname(caFile), "extra-ca-bundle.pem");
  const temp = `${bundle}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${theirs.trim()}\n${ours.trim()}\n`);
  await fs.rename(temp, bundle);
  process.env.NODE_EXTRA_CA_CERTS = bundle;
}
