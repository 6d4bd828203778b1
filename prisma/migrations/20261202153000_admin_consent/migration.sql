-- AlterTable
ALTER TABLE "AuthFlow" ADD COLUMN "armAccess" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AdminConsentFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "outcome" TEXT,
    "tenantId" TEXT,
    "errorCode" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminConsentFlow_state_key" ON "AdminConsentFlow"("state");

-- CreateIndex
CREATE INDEX "AdminConsentFlow_expiresAt_idx" ON "AdminConsentFlow"("expiresAt");
