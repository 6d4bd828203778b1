import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "./generated/client";
import { databaseUrlFromEnv } from "./database-url";
import { registerReadConnection } from "./read-connection";

export type Db = PrismaClient;
/** A client or an open transaction: data-access helpers accept either. */
export type DbOrTx = Db | Prisma.TransactionClient;

/**
 * Set on every connection. WAL lets readers (the dashboard) go on while a writer (a decision,
 * the outbox worker, another process) commits; a 32 MB page cache keeps the inbox's indexes in
 * memory instead of re-reading them from the OS for every scan. Durability stays FULL.
 * `optimize = 0x10002` refreshes stale planner statistics at open, as SQLite advises for
 * long-lived connections (lib/db/housekeeping.ts repeats it hourly).
 */
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA cache_size = -32768; PRAGMA busy_timeout = 5000; PRAGMA optimize = 0x10002;";

/**
 * Opens a Prisma client over SQLite (better-sqlite3 driver adapter; no Rust engine). The server's
 * one client is made by the composition root (lib/services.ts) from the validated configuration;
 * the default URL serves command-line scripts (seed, benchmarks).
 */
export function createDb(url: string = databaseUrlFromEnv()): Db {
  const factory = new PrismaBetterSQLite3({ url });
  const client = new PrismaClient({
    adapter: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      async connect() {
        const adapter = await factory.connect();
        await adapter.executeScript(CONNECTION_PRAGMAS);
        return adapter;
      },
    },
  });
  // The hottest read models use a query-only connection of their own (see read-connection.ts).
  registerReadConnection(client, url);
  return client;
}
