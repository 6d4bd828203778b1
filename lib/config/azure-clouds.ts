/**
 * The Azure clouds Crosslink can run in (AZURE_CLOUD). Each national cloud has its own sign-in
 * host, its own Resource Manager (whose address is also the audience of ARM tokens there) and its
 * own private DNS zone names for Private Link, so none of these may be hard-coded elsewhere.
 * Sources: Microsoft Learn "National clouds" (authentication endpoints) and "Azure Private
 * Endpoint private DNS zone values" (per-cloud zone names).
 */
export const AZURE_CLOUD_NAMES = ["AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud"] as const;
export type AzureCloudName = (typeof AZURE_CLOUD_NAMES)[number];

export type AzureCloud = {
  name: AzureCloudName;
  /** Microsoft Entra ID's sign-in host in this cloud. */
  authorityHost: string;
  /** Azure Resource Manager's address; ARM tokens in this cloud are issued for this audience. */
  armEndpoint: string;
  /** Private DNS zones of the Private Link services Crosslink knows (see lib/domain/private-link-catalog.ts). */
  privateDnsZones: {
    appService: string;
    /** `<service>` stands for blob, file, queue, table, web, dfs. */
    storage: string;
    sql: string;
    keyVault: string;
  };
  /**
   * The audience of tokens Entra ID accepts as federated client assertions in this cloud (what a
   * managed identity's token must be issued for, and the federated credential's audience).
   */
  tokenExchangeAudience: string;
  /** App Service's public host suffix (`<app>.<suffix>` CNAMEs to `<app>.privatelink.<suffix>`). */
  appServiceSuffix: string;
};

export const AZURE_CLOUDS: Record<AzureCloudName, AzureCloud> = {
  AzurePublicCloud: {
    name: "AzurePublicCloud",
    authorityHost: "https://login.microsoftonline.com",
    armEndpoint: "https://management.azure.com",
    privateDnsZones: {
      appService: "privatelink.azurewebsites.net",
      storage: "privatelink.<service>.core.windows.net",
      sql: "privatelink.database.windows.net",
      keyVault: "privatelink.vaultcore.azure.net",
    },
    tokenExchangeAudience: "api://AzureADTokenExchange",
    appServiceSuffix: "azurewebsites.net",
  },
  AzureUSGovernment: {
    name: "AzureUSGovernment",
    authorityHost: "https://login.microsoftonline.us",
    armEndpoint: "https://management.usgovcloudapi.net",
    privateDnsZones: {
      appService: "privatelink.azurewebsites.us",
      storage: "privatelink.<service>.core.usgovcloudapi.net",
      sql: "privatelink.database.usgovcloudapi.net",
      keyVault: "privatelink.vaultcore.usgovcloudapi.net",
    },
    tokenExchangeAudience: "api://AzureADTokenExchangeUSGov",
    appServiceSuffix: "azurewebsites.us",
  },
  AzureChinaCloud: {
    name: "AzureChinaCloud",
    authorityHost: "https://login.chinacloudapi.cn",
    armEndpoint: "https://management.chinacloudapi.cn",
    privateDnsZones: {
      appService: "privatelink.chinacloudsites.cn",
      storage: "privatelink.<service>.core.chinacloudapi.cn",
      sql: "privatelink.database.chinacloudapi.cn",
      keyVault: "privatelink.vaultcore.azure.cn",
    },
    tokenExchangeAudience: "api://AzureADTokenExchangeChina",
    appServiceSuffix: "chinacloudsites.cn",
  },
};

export function isAzureCloudName(value: string): value is AzureCloudName {
  return (AZURE_CLOUD_NAMES as readonly string[]).includes(value);
}
