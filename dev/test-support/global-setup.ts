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
import { ensureCerts } from "../certs/ensure-certs";
import { extraCaFileWith } from "../certs/trust-bundle";

export default async function setup(): Promise<void> {
  const { caFile } = await ensureCerts();
  process.env.NODE_EXTRA_CA_CERTS = await extraCaFileWith(caFile);
}
