import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";

const SECRETS = {
  ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length",
  SESSION_SECRET: "0123456789abcdef0123456789abcdef0123",
  DATABASE_URL: "file:/tmp/crosslink-config-test.db",
};

function problemsOf(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("defaults to local mode pointing at the local world", () => {
    const config = loadConfig({ ...SECRETS });
    expect(config.mode).toBe("local");
    expect(config.entra.authorityHost).toBe("https://localhost:7443");
    expect(config.armEndpoint).toBe("https://localhost:8443");
    expect(config.armAudience).toBe("https://management.azure.com");
    expect(config.entra.signInAudience).toBe("organizations");
    expect(config.sessionTtlHours).toBe(8);
    expect(config.appBaseUrl).toBe("http://localhost:3000");
  });

  it("names each missing secret", () => {
    const problems = problemsOf({ DATABASE_URL: SECRETS.DATABASE_URL });
    expect(problems.map((p) => p.variable).sort()).toEqual(["ENTRA_CLIENT_SECRET", "SESSION_SECRET"]);
    expect(problems.every((p) => p.message === "is required but not set")).toBe(true);
  });

  it("rejects an unknown mode with the variable named", () => {
    const problems = problemsOf({ ...SECRETS, CROSSLINK_MODE: "cloud" });
    expect(problems).toContainEqual({ variable: "CROSSLINK_MODE", message: 'must be "local" or "azure"' });
  });

  it("requires azure mode values explicitly, but uses Azure's public endpoints by default", () => {
    const problems = problemsOf({ ...SECRETS, CROSSLINK_MODE: "azure" });
    const names = problems.map((p) => p.variable).sort();
    expect(names).toEqual(["APP_BASE_URL", "ENTRA_CLIENT_ID", "PROVIDER_TENANT_ID"]);

    const config = loadConfig({
      ...SECRETS,
      CROSSLINK_MODE: "azure",
      APP_BASE_URL: "https://crosslink.contoso.com/",
      ENTRA_CLIENT_ID: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
      PROVIDER_TENANT_ID: "11111111-1111-4111-8111-111111111111",
    });
    expect(config.entra.authorityHost).toBe("https://login.microsoftonline.com");
    expect(config.armEndpoint).toBe("https://management.azure.com");
    expect(config.appBaseUrl).toBe("https://crosslink.contoso.com");
  });

  it("explains malformed values", () => {
    const problems = problemsOf({
      ...SECRETS,
      ENTRA_AUTHORITY_HOST: "http://localhost:7443",
      PROVIDER_TENANT_ID: "contoso",
      SESSION_SECRET: "short",
      SESSION_TTL_HOURS: "0",
      DATABASE_URL: "postgres://x",
      ENTRA_SIGN_IN_AUDIENCE: "everyone",
    });
    const byVar = Object.fromEntries(problems.map((p) => [p.variable, p.message]));
    expect(byVar.ENTRA_AUTHORITY_HOST).toBe("must use https://");
    expect(byVar.PROVIDER_TENANT_ID).toMatch(/must be a GUID/);
    expect(byVar.SESSION_SECRET).toMatch(/at least 32/);
    expect(byVar.SESSION_TTL_HOURS).toBeDefined();
    expect(byVar.DATABASE_URL).toMatch(/SQLite URL/);
    expect(byVar.ENTRA_SIGN_IN_AUDIENCE).toMatch(/common.*organizations.*tenant ID/);
  });

  it("puts every problem in one message that points at the README", () => {
    try {
      loadConfig({ DATABASE_URL: SECRETS.DATABASE_URL, CROSSLINK_MODE: "azure" });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/ENTRA_CLIENT_SECRET: is required but not set/);
      expect((err as Error).message).toMatch(/README\.md/);
    }
  });
});
