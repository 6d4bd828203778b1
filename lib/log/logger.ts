import pino from "pino";

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, so a careless
 * `log.info({ req })` cannot leak a token, cookie or client secret.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL?.trim() || "info",
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

/** A child logger bound to one HTTP request, so every line can be traced back to it. */
export function requestLogger(requestId: string, extra: Record<string, unknown> = {}): Logger {
  return logger.child({ requestId, ...extra });
}
