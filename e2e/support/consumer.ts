import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { ARM_PORT, ROOT, worldEnv } from "./world-env";
import { request } from "@playwright/test";

/**
 * Helpers for the consumer's browser journeys: set-up that needs another party (the provider
 * registering contoso-orders, Felix creating an endpoint outside Crosslink) runs through the app's
 * use cases in a separate process (consumer-world.ts) against the e2e world started by
 * playwright.config.ts; the local ARM's admin API slows operations down so progress is visible.
 */

async function runWorld<T>(command: string, input: Record<string, unknown> = {}): Promise<T> {
  try {
    const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "e2e/support/consumer-world.ts"), command, JSON.stringify(input)], {
      cwd: ROOT,
      env: worldEnv(),
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as T;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`consumer-world ${command} failed: ${e.stderr || e.message}`);
  }
}

/** The provider registers contoso-orders in Crosslink (idempotent). */
export const ensureOrdersManaged = () => runWorld<{ managed: string }>("manage");
/** Felix creates a private endpoint to contoso-orders outside Crosslink. */
export const createEndpointOutsideCrosslink = (name: string) => runWorld<{ endpointId: string }>("create-endpoint", { name });
/** Felix creates an endpoint outside Crosslink and registers it: a Fabrikam request exists. */
export const registerFabrikamEndpoint = (name: string) => runWorld<{ endpointId: string; requestId: string }>("register", { name });

/** Adam (admin) adds a webhook route to a receiver the test runs; the secret is shown once, here. */
export const addWebhookRoute = (url: string, events: string[]) => runWorld<{ routeId: string; secret: string }>("webhook-route", { url, events });

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** Long-running operations of the e2e world's ARM take this long (ms), so progress can be seen. */
export async function setArmOperationTime(minMs: number, maxMs: number) {
  const arm = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    const res = await arm.put(`https://localhost:${ARM_PORT}/_local/lro`, { data: { minMs, maxMs } });
    if (!res.ok()) throw new Error(`PUT /_local/lro: HTTP ${res.status()} ${await res.text()}`);
  } finally {
    await arm.dispose();
  }
}

/** Whether the e2e world's ARM holds a private endpoint with this ID. */
export async function armHasEndpoint(endpointId: string): Promise<boolean> {
  const arm = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    const res = await arm.get(`https://localhost:${ARM_PORT}/_local/world?full=1`);
    if (!res.ok()) throw new Error(`GET /_local/world: HTTP ${res.status()}`);
    return (await res.text()).toLowerCase().includes(`"${endpointId.toLowerCase()}"`);
  } finally {
    await arm.dispose();
  }
}
