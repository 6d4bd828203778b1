-- AlterTable
ALTER TABLE "ProviderResource" ADD COLUMN "reminderAfterHours" INTEGER;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "reminderAfterHours" INTEGER;

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "responseExcerpt" TEXT,
    "error" TEXT,
    CONSTRAINT "DeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationOptOut" (
    "userId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "eventType")
);

-- CreateTable
CREATE TABLE "InAppNotification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "eventType" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME
);

-- CreateTable
CREATE TABLE "PendingReminder" (
    "requestId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "level"),
    CONSTRAINT "PendingReminder_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ConnectionRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "requestId" TEXT,
    "routeId" TEXT,
    "userId" TEXT,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastStatusCode" INTEGER,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Delivery_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "NotificationRoute" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- No delivery was ever written before this migration (nothing sent notifications): none to copy.
DROP TABLE "Delivery";
ALTER TABLE "new_Delivery" RENAME TO "Delivery";
CREATE UNIQUE INDEX "Delivery_key_key" ON "Delivery"("key");
CREATE INDEX "Delivery_routeId_createdAt_idx" ON "Delivery"("routeId", "createdAt");
CREATE INDEX "Delivery_userId_createdAt_idx" ON "Delivery"("userId", "createdAt");
CREATE INDEX "Delivery_status_updatedAt_idx" ON "Delivery"("status", "updatedAt");
CREATE TABLE "new_NotificationRoute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "providerResourceId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'notify',
    "target" TEXT NOT NULL,
    "eventFilter" TEXT NOT NULL DEFAULT '[]',
    "webhookSecret" TEXT,
    "previousWebhookSecret" TEXT,
    "previousSecretExpiresAt" DATETIME,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "failingSince" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotificationRoute_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "NotificationRoute_providerResourceId_fkey" FOREIGN KEY ("providerResourceId") REFERENCES "ProviderResource" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_NotificationRoute" ("channel", "createdAt", "enabled", "eventFilter", "id", "providerResourceId", "target", "tenantId", "updatedAt", "webhookSecret") SELECT "channel", "createdAt", "enabled", "eventFilter", "id", "providerResourceId", "target", "tenantId", "updatedAt", "webhookSecret" FROM "NotificationRoute";
DROP TABLE "NotificationRoute";
ALTER TABLE "new_NotificationRoute" RENAME TO "NotificationRoute";
CREATE INDEX "NotificationRoute_tenantId_enabled_idx" ON "NotificationRoute"("tenantId", "enabled");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DeliveryAttempt_deliveryId_attemptedAt_idx" ON "DeliveryAttempt"("deliveryId", "attemptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InAppNotification_key_key" ON "InAppNotification"("key");

-- CreateIndex
CREATE INDEX "InAppNotification_userId_createdAt_idx" ON "InAppNotification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "InAppNotification_userId_readAt_idx" ON "InAppNotification"("userId", "readAt");
