-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "domain" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'consumer',
    "reminderAfterHours" INTEGER,
    "resourceCount" INTEGER NOT NULL DEFAULT 0,
    "managedResourceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Tenant" ("createdAt", "displayName", "domain", "id", "kind", "reminderAfterHours", "updatedAt") SELECT "createdAt", "displayName", "domain", "id", "kind", "reminderAfterHours", "updatedAt" FROM "Tenant";
DROP TABLE "Tenant";
ALTER TABLE "new_Tenant" RENAME TO "Tenant";
-- The counts of the resources already registered.
UPDATE "Tenant" SET
    "resourceCount" = (SELECT COUNT(*) FROM "ProviderResource" r WHERE r."tenantId" = "Tenant"."id"),
    "managedResourceCount" = (SELECT COUNT(*) FROM "ProviderResource" r WHERE r."tenantId" = "Tenant"."id" AND r."managed" = 1);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
