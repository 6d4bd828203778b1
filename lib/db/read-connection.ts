import Database from "better-sqlite3";
import { z } from "zod";
import type { Prisma } from "./generated/client";
import { sqliteFilePath } from "./database-url";

/**
 * A second, query-only connection to the same SQLite file for the hottest read models: the
 * session lookup behind every request and the provider inbox. Why not Prisma for these: its client
 * compiles every call, raw SQL included, through the WebAssembly query compiler — about 0.5 ms of
 * CPU per query inside Next.js, a third of the dashboard's cost — while a cached prepared
 * statement here costs a few hundredths of that. Writes, transactions, migrations and all other
 * reads stay on Prisma.
 *
 * Consistency: with WAL each statement reads the last committed state, never a transaction still
 * open on the main connection.
 */

type Reader = { sqlite: Database.Database; statements: Map<string, Database.Statement> };
type ReadState = { url: string; reader?: Reader };

// Kept on the client object under a global symbol, not in a module-level map: Next.js bundles
// instrumentation.ts apart from the routes, so this module can exist twice in one process while
// the client (one per process, lib/services.ts) is shared.
const STATE = Symbol.for("crosslink.readConnection");
const stateOf = (client: object) => (client as { [STATE]?: ReadState })[STATE];
/** Enough for every shape of inbox query (filters × sort × cursor) and the other read models. */
const STATEMENT_CACHE_LIMIT = 256;

/** Called by createDb: which file the client's read connection opens (lazily, on first read). */
export function registerReadConnection(client: object, url: string): void {
  Object.defineProperty(client, STATE, { value: { url } satisfies ReadState, enumerable: false });
}

/** Rows of a read-only query written with Prisma.sql (same placeholders and fragments). */
export function readRows(client: object, query: Prisma.Sql): unknown[] {
  const reader = readerFor(client);
  let statement = reader.statements.get(query.sql);
  if (!statement) {
    if (reader.statements.size >= STATEMENT_CACHE_LIMIT) reader.statements.clear();
    statement = reader.sqlite.prepare(query.sql);
    reader.statements.set(query.sql, statement);
  }
  return statement.all(...query.values.map(toSqliteValue));
}

/** Closes the read connection of a client (tests' cleanup; the server keeps it for its lifetime). */
export function closeReadConnection(client: object): void {
  const state = stateOf(client);
  state?.reader?.sqlite.close();
  if (state) delete state.reader;
}

function readerFor(client: object): Reader {
  const state = stateOf(client);
  if (state?.reader) return state.reader;
  const file = state ? sqliteFilePath(state.url) : null;
  if (!file) throw new Error("this database client has no SQLite file to read from (was it made by createDb?)");
  const sqlite = new Database(file, { fileMustExist: true, timeout: 5000 });
  // query_only: this connection can never write, whatever SQL reaches it.
  sqlite.exec("PRAGMA query_only = 1; PRAGMA cache_size = -32768;");
  const reader = { sqlite, statements: new Map() };
  state!.reader = reader;
  return reader;
}

/** Parameters as Prisma's SQLite adapter stores them, so comparisons with stored values hold. */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A DATETIME column read back: Prisma writes ISO 8601 with an offset; SQL defaults write
 * "YYYY-MM-DD HH:MM:SS" in UTC; some tools write milliseconds since the epoch.
 */
export const sqliteDate = z.preprocess((v) => {
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  if (typeof v === "string") return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(v) ? `${v.replace(" ", "T")}Z` : v);
  return v;
}, z.date());
