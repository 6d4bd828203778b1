import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config";

const SECRETS = {
  ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length",
  SESSION_SECRET: "0123456789abcdef0123456789abcdef0123",
  DATABASE_URL: "file:/tmp/crosslink-config-test.db",
};

function problemsOf(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  const problems = problemsOrNone(env);
  if (problems.length === 0) throw new Error("expected a ConfigError");
  return problems;
}

function problemsOrNone(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

const AZURE = {
  ...SECRETS,
  CROSSLINK_MODE: "azure",
  APP_BASE_URL: "https://crosslink.contoso.com/",
  ENTRA_CLIENT_ID: "7d0c1b2a-4c1e-4f0a-9b8e-c1a55c0de001",
  PROVIDER_TENANT_ID: "11111111-1111-4111-8111-111111111111",
  SMTP_HOST: "smtp.azurecomm.net",
  MAIL_FROM: "Crosslink <DoNotReply@contoso.azurecomm.net>",
};

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
    expect(names).toEqual(["APP_BASE_URL", "ENTRA_CLIENT_ID", "MAIL_FROM", "PROVIDER_TENANT_ID", "SMTP_HOST"]);

    const config = loadConfig(AZURE);
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
    expect(byVar.ENTRA_SIGN_IN_AUDIENCE).toMatch(/must be "organizations" or a tenant ID/);
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

describe("loadConfig: email and notifications", () => {
  const byVariable = (env: Record<string, string | undefined>) => Object.fromEntries(problemsOf(env).map((p) => [p.variable, p.message]));

  it("sends mail to the local mail catcher by default in local mode", () => {
    const { notify } = loadConfig({ ...SECRETS });
    expect(notify).toEqual({
      smtp: { host: "localhost", port: 2525, security: "none", user: null, password: null },
      from: "Crosslink <crosslink@crosslink.localhost>",
      allowLoopbackTargets: true,
      reminderAfterHours: 24,
      mailCatcherUrl: "http://localhost:2580",
    });
  });

  it("reads every setting from its variable", () => {
    const { notify } = loadConfig({
      ...SECRETS,
      SMTP_HOST: "mail.fabrikam.test",
      SMTP_PORT: "2626",
      SMTP_SECURITY: "tls",
      SMTP_USER: "crosslink-relay",
      SMTP_PASSWORD: "relay-password-1",
      MAIL_FROM: '"Crosslink, Fabrikam" <crosslink@fabrikam.test>',
      NOTIFY_ALLOW_LOOPBACK: "false",
      REMINDER_AFTER_HOURS: "48",
      MAIL_CATCHER_URL: "http://127.0.0.1:2999/",
    });
    expect(notify).toEqual({
      smtp: { host: "mail.fabrikam.test", port: 2626, security: "tls", user: "crosslink-relay", password: "relay-password-1" },
      from: '"Crosslink, Fabrikam" <crosslink@fabrikam.test>',
      allowLoopbackTargets: false,
      reminderAfterHours: 48,
      mailCatcherUrl: "http://127.0.0.1:2999",
    });
  });

  it("uses STARTTLS on port 587 in azure mode, with loopback targets and the catcher off", () => {
    const { notify } = loadConfig(AZURE);
    expect(notify.smtp).toEqual({ host: "smtp.azurecomm.net", port: 587, security: "starttls", user: null, password: null });
    expect(notify.allowLoopbackTargets).toBe(false);
    expect(notify.mailCatcherUrl).toBeNull();
    expect(loadConfig({ ...AZURE, SMTP_SECURITY: "tls" }).notify.smtp.port).toBe(465);
    expect(loadConfig({ ...AZURE, SMTP_SECURITY: "tls", SMTP_PORT: "2465" }).notify.smtp.port).toBe(2465);
  });

  it("refuses the local world's conveniences in azure mode", () => {
    const problems = byVariable({ ...AZURE, NOTIFY_ALLOW_LOOPBACK: "true", MAIL_CATCHER_URL: "http://localhost:2580" });
    expect(problems.NOTIFY_ALLOW_LOOPBACK).toMatch(/must not be true in azure mode/);
    expect(problems.MAIL_CATCHER_URL).toMatch(/local world only/);
    expect(Object.keys(problems).sort()).toEqual(["MAIL_CATCHER_URL", "NOTIFY_ALLOW_LOOPBACK"]);
  });

  it("refuses a password sent without encryption in azure mode", () => {
    const problems = byVariable({ ...AZURE, SMTP_SECURITY: "none", SMTP_USER: "relay", SMTP_PASSWORD: "relay-password-1" });
    expect(problems.SMTP_SECURITY).toMatch(/starttls.*tls/);
    // Without credentials, plain SMTP (an internal relay on port 25) is allowed.
    expect(loadConfig({ ...AZURE, SMTP_SECURITY: "none" }).notify.smtp.port).toBe(25);
  });

  it("names each malformed notification setting", () => {
    const problems = byVariable({
      ...SECRETS,
      SMTP_HOST: "smtp host",
      SMTP_PORT: "70000",
      SMTP_SECURITY: "ssl",
      MAIL_FROM: "Crosslink",
      NOTIFY_ALLOW_LOOPBACK: "yes",
      REMINDER_AFTER_HOURS: "721",
      MAIL_CATCHER_URL: "ftp://localhost:2580",
    });
    expect(problems).toEqual({
      SMTP_HOST: expect.stringMatching(/host name or an IP address/),
      SMTP_PORT: "must be a port number (1-65535)",
      SMTP_SECURITY: 'must be "none", "starttls" or "tls"',
      MAIL_FROM: expect.stringMatching(/must be an email address/),
      NOTIFY_ALLOW_LOOPBACK: 'must be "true" or "false"',
      REMINDER_AFTER_HOURS: "must be a whole number of hours from 1 to 720",
      MAIL_CATCHER_URL: "must use http:// or https://",
    });
    expect(byVariable({ ...SECRETS, REMINDER_AFTER_HOURS: "0" }).REMINDER_AFTER_HOURS).toBeDefined();
    expect(byVariable({ ...SECRETS, REMINDER_AFTER_HOURS: "1.5" }).REMINDER_AFTER_HOURS).toBeDefined();
    expect(loadConfig({ ...SECRETS, REMINDER_AFTER_HOURS: "720" }).notify.reminderAfterHours).toBe(720);
    expect(loadConfig({ ...SECRETS, REMINDER_AFTER_HOURS: "1" }).notify.reminderAfterHours).toBe(1);
  });

  it.each([
    ["crosslink@contoso.com", true],
    ["Crosslink <crosslink@contoso.com>", true],
    ['"Crosslink (Contoso)" <crosslink@contoso.com>', true],
    ["<crosslink@contoso.com>", true],
    ["Crosslink <crosslink@contoso.com>\r\nBcc: victim@example.com", false],
    ["crosslink@contoso.com\nBcc: victim@example.com", false],
    ["Crosslink <not an address>", false],
    ["Crosslink <a@b.com> <c@d.com>", false],
    ["crosslink@", false],
  ])("MAIL_FROM %j is accepted: %s", (from, accepted) => {
    const problems = problemsOrNone({ ...SECRETS, MAIL_FROM: from });
    expect(problems.some((p) => p.variable === "MAIL_FROM")).toBe(!accepted);
  });

  it("wants SMTP_USER and SMTP_PASSWORD together", () => {
    expect(byVariable({ ...SECRETS, SMTP_USER: "relay" })).toEqual({ SMTP_PASSWORD: "is required when SMTP_USER is set" });
    expect(byVariable({ ...SECRETS, SMTP_PASSWORD: "relay-password-1" })).toEqual({ SMTP_USER: "is required when SMTP_PASSWORD is set" });
  });

  it("never shows the SMTP password in an error", () => {
    const password = "s3cret-relay-password\nwith a line break";
    try {
      loadConfig({ ...AZURE, SMTP_SECURITY: "none", SMTP_USER: "relay", SMTP_PASSWORD: password, SMTP_PORT: "x" });
      expect.unreachable();
    } catch (err) {
      const error = err as ConfigError;
      expect(error.problems.map((p) => p.variable)).toEqual(expect.arrayContaining(["SMTP_PASSWORD", "SMTP_SECURITY", "SMTP_PORT"]));
      expect(error.message).not.toContain("s3cret");
      expect(JSON.stringify(error.problems)).not.toContain("s3cret");
    }
  });
});
