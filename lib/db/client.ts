import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "./generated/client";
import { databaseUrlFromEnv } from "./database-url";

export type Db = PrismaClient;
/** A client or an open transaction: data-access helpers accept either. */
export type DbOrTx = Db | Prisma.TransactionClient;

/** Opens a Prisma client over SQLite (better-sqlite3 driver adapter; no Rust engine). */
export function createDb(url: string = databaseUrlFromEnv()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per process. Next.js dev re-evaluates modules on change, so keep it on globalThis.
const globalForDb = globalThis as unknown as { crosslinkDb?: Db };

export function getDb(): Db {
  globalForDb.crosslinkDb ??= createDb();
  return globalForDb.crosslinkDb;
}
