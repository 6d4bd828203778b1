import type { Db } from "./client";
import { deleteExpiredSessions } from "../auth/session-store";
import { logger } from "../log/logger";

/**
 * Periodic upkeep of the database, run by the server process:
 * - `PRAGMA optimize` refreshes the query planner's statistics when tables have grown or shrunk
 *   a lot (SQLite's advice for long-lived connections). Without them the planner cannot tell a
 *   selective filter (one resource: 50 requests) from a useless one (the provider: all of them).
 * - Expired sessions and sign-in flows are deleted (they are refused anyway; this keeps the
 *   tables small).
 */
export async function runHousekeeping(db: Db, now = new Date()): Promise<{ expiredRemoved: number }> {
  await db.$executeRawUnsafe("PRAGMA optimize");
  return { expiredRemoved: await deleteExpiredSessions(db, now) };
}

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** Runs housekeeping now and then every hour; the timer does not keep the process alive. */
export function startHousekeeping(db: Db, intervalMs = HOUSEKEEPING_INTERVAL_MS): () => void {
  const run = () =>
    runHousekeeping(db).catch((err: unknown) => {
      logger().warn({ err }, "database housekeeping failed; it runs again at the next interval");
    });
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
