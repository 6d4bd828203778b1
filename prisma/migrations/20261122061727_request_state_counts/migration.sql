-- CreateTable
CREATE TABLE "RequestStateCount" (
    "providerTenantId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("providerTenantId", "state")
);
