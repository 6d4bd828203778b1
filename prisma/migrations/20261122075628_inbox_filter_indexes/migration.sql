-- DropIndex
DROP INDEX "ConnectionRequest_consumerTenantId_providerTenantId_idx";

-- CreateIndex
CREATE INDEX "ConnectionRequest_providerTenantId_consumerTenantId_state_createdAt_idx" ON "ConnectionRequest"("providerTenantId", "consumerTenantId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderResource_tenantId_name_idx" ON "ProviderResource"("tenantId", "name");
