/**
 * Structured log records. Deliberately narrow: callers pass named fields, never a request body or
 * query string, so secrets, passwords, codes and tokens cannot end up in a log by accident.
 */
export type LogRecord = {
  level: "info" | "warn" | "error";
  msg: string;
  method?: string;
  /** Path only, without the query string (which may hold codes or hints). */
  path?: string;
  status?: number;
  ms?: number;
  authority?: string;
  grantType?: string;
  /** AADSTS number of an error answer. */
  aadsts?: number;
  traceId?: string;
  correlationId?: string;
  /** Demo usernames are not secret; they make sign-in logs useful. */
  username?: string;
  err?: string;
};

export type LogSink = (record: LogRecord) => void;

/** JSON lines on stdout, for dev/entra/main.ts. */
export const jsonLinesSink: LogSink = (record) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: "local-entra", ...record })}\n`);
};

export const silentSink: LogSink = () => {};
