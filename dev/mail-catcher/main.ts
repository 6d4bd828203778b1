/**
 * Runs the local mail catcher with the local world's defaults:
 *   npx tsx dev/mail-catcher/main.ts
 * Environment (all optional):
 *   LOCAL_SMTP_PORT     SMTP port, default 2525 (Crosslink's SMTP_PORT in local mode)
 *   LOCAL_MAIL_PORT     HTTP API port, default 2580 (Crosslink's MAIL_CATCHER_URL in local mode)
 *   CROSSLINK_DATA_DIR  where caught mail is kept between runs (mail-catcher.jsonl), default .data
 */
import path from "node:path";
import { DATA_DIR } from "../world/local-config";
import { DEFAULT_MAIL_PORTS } from "./ports";
import { startMailCatcher } from "./server";

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} is not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const dataFile = path.join(DATA_DIR, "mail-catcher.jsonl");
  const catcher = await startMailCatcher({
    smtpPort: portFromEnv("LOCAL_SMTP_PORT", DEFAULT_MAIL_PORTS.smtp),
    httpPort: portFromEnv("LOCAL_MAIL_PORT", DEFAULT_MAIL_PORTS.http),
    dataFile,
  });
  console.log(`Local mail catcher: SMTP on localhost:${catcher.smtpPort}, API at ${catcher.url}/api/messages (${catcher.store.size} kept from ${dataFile})`);

  const stop = () => {
    catcher.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`Local mail catcher failed to start: ${error.message}`);
  process.exit(1);
});
