import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { checkIdToken } from "./id-token-checks";

const BASE = {
  ENTRA_CLIENT_SECRET: "a-client-secret-of-sufficient-length",
  SESSION_SECRET: "0123456789abcdef0123456789abcdef0123",
  DATABASE_URL: "file:/tmp/crosslink-config-test.db",
};
const config = loadConfig(BASE); // local: https://localhost:7443
const CLIENT = config.entra.clientId;
const FABRIKAM = "22222222-2222-4222-8222-222222222222";
const CONTOSO = "11111111-1111-4111-8111-111111111111";

describe("checkIdToken", () => {
  it("accepts a token for this app whose issuer names its own tenant on the configured host", () => {
    expect(checkIdToken(config, { aud: CLIENT, iss: `https://localhost:7443/${FABRIKAM}/v2.0`, tid: FABRIKAM })).toEqual({ ok: true });
    expect(checkIdToken(config, { aud: CLIENT.toUpperCase(), iss: `https://localhost:7443/${FABRIKAM}/v2.0`, tid: FABRIKAM })).toEqual({ ok: true });
  });

  it("refuses a token for another app", () => {
    const result = checkIdToken(config, { aud: "00000000-0000-0000-0000-000000000001", iss: `https://localhost:7443/${FABRIKAM}/v2.0`, tid: FABRIKAM });
    expect(result).toMatchObject({ ok: false, reason: "token_rejected", problem: expect.stringMatching(/aud/) });
    expect(checkIdToken(config, { aud: undefined, iss: `https://localhost:7443/${FABRIKAM}/v2.0`, tid: FABRIKAM })).toMatchObject({ ok: false });
  });

  it("refuses an issuer of another tenant than tid, another host, or the v1 issuer", () => {
    for (const iss of [`https://localhost:7443/${CONTOSO}/v2.0`, `https://login.microsoftonline.com/${FABRIKAM}/v2.0`, `https://localhost:7443/${FABRIKAM}/`, undefined]) {
      expect(checkIdToken(config, { aud: CLIENT, iss, tid: FABRIKAM })).toMatchObject({ ok: false, reason: "token_rejected", problem: expect.stringMatching(/iss/) });
    }
  });

  it("follows the configured cloud's sign-in host", () => {
    const usGov = loadConfig({
      ...BASE,
      CROSSLINK_MODE: "azure",
      AZURE_CLOUD: "AzureUSGovernment",
      APP_BASE_URL: "https://crosslink.contoso.com",
      ENTRA_CLIENT_ID: CLIENT,
      PROVIDER_TENANT_ID: CONTOSO,
      SMTP_HOST: "smtp.azurecomm.net",
      MAIL_FROM: "Crosslink <DoNotReply@contoso.azurecomm.net>",
    });
    expect(checkIdToken(usGov, { aud: CLIENT, iss: `https://login.microsoftonline.us/${FABRIKAM}/v2.0`, tid: FABRIKAM })).toEqual({ ok: true });
    expect(checkIdToken(usGov, { aud: CLIENT, iss: `https://login.microsoftonline.com/${FABRIKAM}/v2.0`, tid: FABRIKAM })).toMatchObject({ ok: false });
  });

  it("refuses personal Microsoft accounts with words a person understands", () => {
    const msa = "9188040d-6c67-4c5b-b112-36a304b66dad";
    const result = checkIdToken(config, { aud: CLIENT, iss: `https://localhost:7443/${msa}/v2.0`, tid: msa });
    expect(result).toMatchObject({ ok: false, reason: "personal_account", message: expect.stringMatching(/personal Microsoft accounts .* cannot sign in.*work or school account/) });
  });
});
