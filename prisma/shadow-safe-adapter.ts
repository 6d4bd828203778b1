import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The WebAssembly schema engine replays each migration into the shadow database with one
 * `executeRaw` call holding the whole migration script. better-sqlite3 prepares one statement at
 * a time, so any migration with more than one statement fails there (P3006 "External error"),
 * which breaks `migrate diff --from-migrations` — our drift check. Parameterless raw statements on
 * the shadow connection are therefore run as a script. The main connection is untouched.
 */
export function withShadowScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      const shadow: SqlDriverAdapter = await factory.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length === 0) {
          await shadow.executeScript(query.sql);
          return 0;
        }
        return executeRaw(query);
      };
      return shadow;
    },
  };
}
