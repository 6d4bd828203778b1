import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { request } from "@playwright/test";

/**
 * Helpers for the consumer's browser journeys: set-up that needs another party (the provider
 * registering contoso-orders, Felix creating an endpoint outside Crosslink) runs through the app's
 * use cases in a separate process (consumer-world.ts) against the e2e world started by
 * playwright.config.ts; the local ARM's admin API slows operations down so progress is visible.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const DATA_DIR = path.resolve(ROOT, process.env.E2E_DATA_DIR ?? ".data/e2e");
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const ENTRA_PORT = Number(process.env.E2E_ENTRA_PORT ?? 7543);
const ARM_PORT = Number(process.env.E2E_ARM_PORT ?? 8543);

/** The e2e world's environment, as scripts/local-world/prepare.ts gives it to the app. */
function worldEnv(): NodeJS.ProcessEnv {
  const secrets = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "local-secrets.json"), "utf8")) as { clientSecret: string; sessionSecret: string };
  return {
    ...process.env,
    CROSSLINK_MODE: "local",
    CROSSLINK_DATA_DIR: DATA_DIR,
    APP_BASE_URL: `http://localhost:${APP_PORT}`,
    DATABASE_URL: `file:${path.join(DATA_DIR, "crosslink.db")}`,
    ENTRA_AUTHORITY_HOST: `https://localhost:${ENTRA_PORT}`,
    ENTRA_CLIENT_SECRET: secrets.clientSecret,
    SESSION_SECRET: secrets.sessionSecret,
    ARM_ENDPOINT: `https://localhost:${ARM_PORT}`,
    NODE_EXTRA_CA_CERTS: path.join(DATA_DIR, "certs", "local-ca.pem"),
    LOG_LEVEL: "warn",
  };
}

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
