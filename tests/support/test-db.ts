import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";
import { closeReadConnection } from "@/lib/db/read-connection";

const MIGRATIONS = path.resolve(__dirname, "..", "..", "prisma", "migrations");

/**
 * A real, empty SQLite database with every migration applied, in a temp directory of its own.
 * Tests exercise the same schema the app runs on; nothing is mocked.
 */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslink-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  for (const migration of fs.readdirSync(MIGRATIONS).filter((d) => /^\d{14}_/.test(d)).sort()) {
    raw.exec(fs.readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
  }
  raw.close();
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      closeReadConnection(db);
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
