-- CreateIndex
CREATE INDEX "ConnectionRequest_consumerTenantId_providerTenantId_idx" ON "ConnectionRequest"("consumerTenantId", "providerTenantId");
