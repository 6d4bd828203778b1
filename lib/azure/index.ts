/**
 * lib/azure: the only place Crosslink talks to Azure Resource Manager.
 *
 *   const consumer = createConsumerAzure(config, tokenCredentialFrom((request) => acquireDelegatedArmToken(db, config, principal, request)));
 *   const provider = createProviderAzure(config, providerAppCredential(config));
 *
 * Everything returned is the app's own type (types.ts), everything thrown for an Azure failure
 * is an AzureError with a userMessage. Whether ARM is real or local is configuration only.
 */
export { createConsumerAzure, type ConsumerAzure, type CreatePrivateEndpointInput } from "./consumer-azure";
export { createProviderAzure, type ProviderAzure, type ConnectionDecision } from "./provider-azure";
export { tokenCredentialFrom, providerAppCredential } from "./credentials";
export { AzureError, isAzureError, LOCAL_ERROR_CODES, type AzureOperation } from "./azure-error";
export type { AzureClientOptions } from "./options";
export type { LroOptions, LroProgress, OnProgress } from "./lro";
export type * from "./types";
