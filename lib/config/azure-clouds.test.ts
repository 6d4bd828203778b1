import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";

const AZURE = {
  CROSSLINK_MODE: "azure",
  ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length",
  SESSION_SECRET: "0123456789abcdef0123456789abcdef0123",
  DATABASE_URL: "file:/tmp/crosslink-config-test.db",
  APP_BASE_URL: "https://crosslink.contoso.com",
  ENTRA_CLIENT_ID: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  PROVIDER_TENANT_ID: "11111111-1111-4111-8111-111111111111",
  SMTP_HOST: "smtp.azurecomm.net",
  MAIL_FROM: "Crosslink <DoNotReply@contoso.azurecomm.net>",
};

describe("AZURE_CLOUD", () => {
  it("public cloud by default: Entra, ARM and the ARM token audience of the public cloud", () => {
    const config = loadConfig(AZURE);
    expect(config.cloud).toBe("AzurePublicCloud");
    expect(config.entra.authorityHost).toBe("https://login.microsoftonline.com");
    expect(config.armEndpoint).toBe("https://management.azure.com");
    expect(config.armAudience).toBe("https://management.azure.com");
  });

  it("US Government: its sign-in host, and the ARM audience follows its ARM endpoint", () => {
    const config = loadConfig({ ...AZURE, AZURE_CLOUD: "AzureUSGovernment" });
    expect(config.entra.authorityHost).toBe("https://login.microsoftonline.us");
    expect(config.armEndpoint).toBe("https://management.usgovcloudapi.net");
    expect(config.armAudience).toBe("https://management.usgovcloudapi.net");
  });

  it("China: its sign-in host, ARM endpoint and audience", () => {
    const config = loadConfig({ ...AZURE, AZURE_CLOUD: "AzureChinaCloud" });
    expect(config.entra.authorityHost).toBe("https://login.chinacloudapi.cn");
    expect(config.armEndpoint).toBe("https://management.chinacloudapi.cn");
    expect(config.armAudience).toBe("https://management.chinacloudapi.cn");
  });

  it("explicit variables still win over the cloud's defaults", () => {
    const config = loadConfig({ ...AZURE, AZURE_CLOUD: "AzureUSGovernment", ARM_TOKEN_AUDIENCE: "https://management.core.usgovcloudapi.net" });
    expect(config.armAudience).toBe("https://management.core.usgovcloudapi.net");
  });

  it("refuses an unknown cloud by name", () => {
    try {
      loadConfig({ ...AZURE, AZURE_CLOUD: "AzureGermanCloud" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toContainEqual({ variable: "AZURE_CLOUD", message: "must be one of AzurePublicCloud, AzureUSGovernment, AzureChinaCloud" });
    }
  });
});

describe("ENTRA_SIGN_IN_AUDIENCE", () => {
  const problem = (value: string) => {
    try {
      loadConfig({ ...AZURE, ENTRA_SIGN_IN_AUDIENCE: value });
      return undefined;
    } catch (err) {
      return (err as ConfigError).problems.find((p) => p.variable === "ENTRA_SIGN_IN_AUDIENCE")?.message;
    }
  };

  it("refuses common and consumers, which admit personal Microsoft accounts", () => {
    expect(problem("common")).toMatch(/must not be "common" or "consumers".*9188040d-6c67-4c5b-b112-36a304b66dad/);
    expect(problem("consumers")).toMatch(/must not be "common" or "consumers"/);
    expect(problem("9188040d-6c67-4c5b-b112-36a304b66dad")).toMatch(/personal Microsoft accounts tenant/);
  });

  it("accepts organizations and a tenant ID", () => {
    expect(problem("organizations")).toBeUndefined();
    expect(problem("11111111-1111-4111-8111-111111111111")).toBeUndefined();
  });
});
