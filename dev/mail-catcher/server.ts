import type net from "node:net";
import type { AddressInfo } from "node:net";
import { createHttpServer } from "./http";
import { createSmtpServer } from "./smtp";
import { DEFAULT_MAX_MESSAGES, MailStore } from "./store";

export type MailCatcherOptions = {
  /** 0 picks a free port. */
  smtpPort: number;
  httpPort: number;
  /** Default 127.0.0.1: caught mail is for this machine only. */
  host?: string;
  /** JSON Lines file that keeps the mail across restarts; null (the default) keeps it in memory only. */
  dataFile?: string | null;
  maxMessages?: number;
  /** Largest message accepted, in bytes (default 10 MiB). */
  sizeLimit?: number;
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  /** Base URL of the HTTP API, e.g. http://localhost:2580 (MAIL_CATCHER_URL). */
  url: string;
  store: MailStore;
  stop(): Promise<void>;
};

/** Starts the local SMTP catcher and its HTTP API in this process (main.ts, integration tests). */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const store = new MailStore(options.dataFile ?? null, options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  const smtp = createSmtpServer(store, { sizeLimit: options.sizeLimit });
  const api = createHttpServer(store);
  const smtpPort = await listen(smtp.server, options.smtpPort, host);
  let httpPort: number;
  try {
    httpPort = await listen(api, options.httpPort, host);
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  }
  return {
    smtpPort,
    httpPort,
    url: `http://localhost:${httpPort}`,
    store,
    async stop() {
      api.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => api.close(() => resolve())),
      ]);
    },
  };
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
