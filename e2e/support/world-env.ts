import fs from "node:fs";
import path from "node:path";
import { MAIL_CATCHER_URL, SMTP_PORT } from "./mail";

/**
 * The e2e world as playwright.config.ts starts it (same ports and data directory, E2E_* to move
 * them), and the environment scripts/local-world/prepare.ts gives the app — for helpers that run
 * the app's use cases in a separate process against that world.
 */
export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.resolve(ROOT, process.env.E2E_DATA_DIR ?? ".data/e2e");
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const ENTRA_PORT = Number(process.env.E2E_ENTRA_PORT ?? 7543);
export const ARM_PORT = Number(process.env.E2E_ARM_PORT ?? 8543);

export function worldEnv(): NodeJS.ProcessEnv {
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
    SMTP_HOST: "localhost",
    SMTP_PORT: String(SMTP_PORT),
    MAIL_CATCHER_URL,
    NODE_EXTRA_CA_CERTS: path.join(DATA_DIR, "certs", "local-ca.pem"),
    LOG_LEVEL: "warn",
  };
}
