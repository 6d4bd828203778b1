import pino from "pino";
import { getConfig } from "../config";

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, so a careless
 * `log.info({ req })` cannot leak a token, cookie or client secret.
 *
 * The level comes from the validated configuration (LOG_LEVEL), read when the first line is
 * logged. If the configuration is invalid, the start refuses to run and names the variable
 * (lib/config); until then logging still works, at "info".
 */
export type Logger = pino.Logger;

const REDACT_PATHS = [
  "*.password",
  "*.*.password", // the SMTP password inside a logged configuration (notify.smtp.password)
  "*.webhookSecret",
  "*.previousWebhookSecret",
  "*.clientSecret",
  "*.*.clientSecret",
  "*.*.*.clientSecret", // config.entra.credential.clientSecret inside a logged object
  "*.privateKeyPem",
  "*.*.privateKeyPem",
  "*.*.*.privateKeyPem",
  "*.client_secret",
  "*.accessToken",
  "*.access_token",
  "*.refreshToken",
  "*.refresh_token",
  "*.idToken",
  "*.id_token",
  "*.code",
  "*.codeVerifier",
  "*.authorization",
  "*.cookie",
  "*.tokenCache",
  "headers.authorization",
  "headers.cookie",
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "crosslink" }, redact: { paths: REDACT_PATHS, censor: "[redacted]" } });
}

// One per process; kept on globalThis so every Next.js bundle logs through the same one.
const holder = globalThis as unknown as { crosslinkLogger?: Logger };

export function logger(): Logger {
  holder.crosslinkLogger ??= createLogger(configuredLevel());
  return holder.crosslinkLogger;
}

function configuredLevel(): string {
  try {
    return getConfig().logLevel;
  } catch {
    return "info";
  }
}
