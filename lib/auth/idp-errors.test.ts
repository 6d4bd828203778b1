import { describe, expect, it } from "vitest";
import { consentAdvice, explainIdpError } from "./idp-errors";

/** Consent errors are explained in plain words, each with what to ask the administrator. */
describe("consent errors", () => {
  const description = (code: string) => `${code}: Entra's own text. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-01-01 00:00:00Z`;

  it.each([
    ["AADSTS65001", /not been given permission in your organization/],
    ["AADSTS90094", /only administrators give apps permission/],
    ["AADSTS90095", /sent to your organization's administrators for approval/],
    ["AADSTS65004", /consent screen was cancelled/],
    ["AADSTS650052", /no access to a service Crosslink needs/],
    ["AADSTS700016", /not registered in that organization's directory/],
    ["AADSTS50105", /only assigned people/],
  ])("explains %s and says what to ask the administrator", (code, words) => {
    const advice = consentAdvice(code);
    expect(advice?.message).toMatch(words);
    expect(advice?.askAdmin.length).toBeGreaterThan(20);
    // The whole explanation (the callback's message) carries both parts, never Entra's own text.
    const explained = explainIdpError("access_denied", description(code));
    expect(explained).toContain(advice!.message);
    expect(explained).toContain(advice!.askAdmin);
    expect(explained).not.toContain("Entra's own text");
  });

  it("points the admin-consent cases to the onboarding page's admin consent", () => {
    for (const code of ["AADSTS65001", "AADSTS90094", "AADSTS700016", "AADSTS650052"]) {
      expect(consentAdvice(code)?.askAdmin).toMatch(/admin consent on the onboarding page/);
    }
    expect(consentAdvice("AADSTS90094")?.askAdmin).toMatch(/Global Administrator/);
  });

  it("treats Entra's consent_required error like AADSTS65001", () => {
    expect(consentAdvice("consent_required")).toEqual(consentAdvice("AADSTS65001"));
    expect(explainIdpError("consent_required", undefined)).toContain(consentAdvice("AADSTS65001")!.message);
  });

  it("has no consent advice for other errors, which keep their own explanations", () => {
    expect(consentAdvice("AADSTS50126")).toBeUndefined();
    expect(consentAdvice(undefined)).toBeUndefined();
    expect(explainIdpError("invalid_grant", description("AADSTS50126"))).toBe("The user name or password is incorrect.");
    expect(explainIdpError("access_denied", undefined)).toBe("Sign-in was cancelled or access was denied.");
  });
});
