import pino from "pino";

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, so a careless
 * `log.info({ req })` cannot leak a token, cookie or client secret.
 */
// An invalid LOG_LEVEL is reported by config validation; the logger must not crash before that.
const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
const level = process.env.LOG_LEVEL?.trim() ?? "";

export const logger = pino({
  level: LEVELS.has(level) ? level : "info",
  base: { service: "crosslink" },
  redact: {
    paths: [
      "*.password",
      "*.clientSecret",
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
    ],
    censor: "[redacted]",
  },
});

export type Logger = pino.Logger;
