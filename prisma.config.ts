// Prisma CLI configuration for the offline toolchain: the WebAssembly schema engine through the
// better-sqlite3 driver adapter, so no native engine is ever downloaded (see README, "Database").
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrlFromEnv } from "./lib/db/database-url";
import { withShadowScripts } from "./prisma/shadow-safe-adapter";

// Resolve (and export to the environment) before the CLI reads schema.prisma's env("DATABASE_URL").
const url = databaseUrlFromEnv();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return withShadowScripts(new PrismaBetterSQLite3({ url }));
  },
});
