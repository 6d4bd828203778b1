import fs from "node:fs";
import path from "node:path";

/**
 * The SQLite database URL: DATABASE_URL when set, else a file under the data directory.
 * Also sets process.env.DATABASE_URL, because schema.prisma's datasource reads it and the CLI
 * falls back to downloading native engines when the variable is missing.
 */
export function databaseUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  const configured = env.DATABASE_URL?.trim();
  // The data directory is chosen at run time; turbopackIgnore keeps the build from tracing the repo.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.CROSSLINK_DATA_DIR?.trim() || ".data");
  const url = configured || `file:${path.join(dataDir, "crosslink.db")}`;
  const file = sqliteFilePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  env.DATABASE_URL = url;
  return url;
}

/** The file behind a `file:` URL, resolved against the working directory; null for other URLs. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  if (raw === ":memory:" || raw === "") return null;
  return path.resolve(/*turbopackIgnore: true*/ raw);
}
