-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConnectionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consumerTenantId" TEXT NOT NULL,
    "requesterId" TEXT,
    "providerTenantId" TEXT,
    "providerResourceId" TEXT,
    "targetResourceId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "requestMessage" TEXT NOT NULL,
    "targetType" TEXT NOT NULL DEFAULT '',
    "targetName" TEXT NOT NULL DEFAULT '',
    "endpointResourceId" TEXT,
    "endpointName" TEXT,
    "endpointSubscriptionId" TEXT,
    "endpointResourceGroup" TEXT,
    "subnetId" TEXT,
    "endpointLocation" TEXT,
    "privateIps" TEXT NOT NULL DEFAULT '[]',
    "azureStatus" TEXT,
    "progress" TEXT,
    "pendingAction" TEXT,
    "nextCheckAt" DATETIME,
    "connectionName" TEXT,
    "connectionResourceId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'Filed',
    "stateReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "source" TEXT NOT NULL DEFAULT 'portal',
    "lastError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConnectionRequest_consumerTenantId_fkey" FOREIGN KEY ("consumerTenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConnectionRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ConnectionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ConnectionRequest_providerResourceId_fkey" FOREIGN KEY ("providerResourceId") REFERENCES "ProviderResource" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ConnectionRequest" ("connectionName", "connectionResourceId", "consumerTenantId", "createdAt", "decidedAt", "decidedById", "decisionNote", "endpointLocation", "endpointResourceId", "groupId", "id", "lastError", "providerResourceId", "requestMessage", "requesterId", "source", "state", "stateReason", "targetResourceId", "updatedAt", "version") SELECT "connectionName", "connectionResourceId", "consumerTenantId", "createdAt", "decidedAt", "decidedById", "decisionNote", "endpointLocation", "endpointResourceId", "groupId", "id", "lastError", "providerResourceId", "requestMessage", "requesterId", "source", "state", "stateReason", "targetResourceId", "updatedAt", "version" FROM "ConnectionRequest";
DROP TABLE "ConnectionRequest";
ALTER TABLE "new_ConnectionRequest" RENAME TO "ConnectionRequest";
CREATE INDEX "ConnectionRequest_consumerTenantId_state_createdAt_idx" ON "ConnectionRequest"("consumerTenantId", "state", "createdAt");
CREATE INDEX "ConnectionRequest_consumerTenantId_createdAt_idx" ON "ConnectionRequest"("consumerTenantId", "createdAt");
CREATE INDEX "ConnectionRequest_providerTenantId_state_createdAt_idx" ON "ConnectionRequest"("providerTenantId", "state", "createdAt");
CREATE INDEX "ConnectionRequest_providerTenantId_createdAt_idx" ON "ConnectionRequest"("providerTenantId", "createdAt");
CREATE INDEX "ConnectionRequest_providerResourceId_state_createdAt_idx" ON "ConnectionRequest"("providerResourceId", "state", "createdAt");
CREATE INDEX "ConnectionRequest_state_createdAt_idx" ON "ConnectionRequest"("state", "createdAt");
CREATE INDEX "ConnectionRequest_endpointResourceId_idx" ON "ConnectionRequest"("endpointResourceId");
CREATE TABLE "new_ProviderResource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "displayResourceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "kind" TEXT,
    "name" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL DEFAULT '',
    "resourceGroup" TEXT NOT NULL DEFAULT '',
    "location" TEXT,
    "offeringTitle" TEXT,
    "offeringSummary" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "policy" TEXT NOT NULL DEFAULT '{}',
    "managed" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProviderResource_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ProviderResource" ("createdAt", "displayResourceId", "id", "location", "managed", "name", "offeringSummary", "offeringTitle", "policy", "published", "resourceId", "resourceType", "tenantId", "updatedAt") SELECT "createdAt", "displayResourceId", "id", "location", "managed", "name", "offeringSummary", "offeringTitle", "policy", "published", "resourceId", "resourceType", "tenantId", "updatedAt" FROM "ProviderResource";
DROP TABLE "ProviderResource";
ALTER TABLE "new_ProviderResource" RENAME TO "ProviderResource";
CREATE INDEX "ProviderResource_tenantId_managed_idx" ON "ProviderResource"("tenantId", "managed");
CREATE UNIQUE INDEX "ProviderResource_resourceId_key" ON "ProviderResource"("resourceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
