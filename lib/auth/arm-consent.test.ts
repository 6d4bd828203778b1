import { InteractionRequiredAuthError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { errorAnswer } from "../core/error-answer";
import { failureOf } from "../jobs/job";
import { ArmConsentRequired, ARM_ACCESS_SIGN_IN_URL, ARM_CONSENT_CODE, consentCodeOf } from "./arm-consent";
import { ReauthenticationRequired } from "./delegated-token";

/** Missing consent for ARM: recognised in MSAL's answer, and answered as a consent hop, not a retry. */
describe("consentCodeOf", () => {
  it("finds missing consent in MSAL's interaction-required errors", () => {
    const entra = new InteractionRequiredAuthError("invalid_grant", "corr-1", "AADSTS65001: The user or administrator has not consented …", "consent_required");
    expect(consentCodeOf(entra)).toBe("AADSTS65001");
    expect(consentCodeOf({ errorCode: "consent_required" })).toBe("AADSTS65001");
    expect(consentCodeOf({ errorCode: "invalid_grant", subError: "consent_required" })).toBe("AADSTS65001");
    expect(consentCodeOf({ errorCode: "access_denied", errorMessage: "AADSTS90094: The grant requires admin permission." })).toBe("AADSTS90094");
  });

  it("leaves other interaction-required errors to a plain sign-in", () => {
    expect(consentCodeOf(new InteractionRequiredAuthError("invalid_grant", "corr-2", "AADSTS700082: The refresh token has expired", "bad_token"))).toBeUndefined();
    expect(consentCodeOf({ errorCode: "interaction_required", errorMessage: "AADSTS50076: multi-factor" })).toBeUndefined();
  });
});

describe("ArmConsentRequired", () => {
  it("is a kind of ReauthenticationRequired, also recognised by name (another bundle's copy)", () => {
    const err = new ArmConsentRequired();
    expect(err).toBeInstanceOf(ReauthenticationRequired);
    expect(ReauthenticationRequired.is(err)).toBe(true);
    expect(ArmConsentRequired.is(err)).toBe(true);
    expect(ArmConsentRequired.is({ name: "ArmConsentRequired", message: "m" })).toBe(true);
    expect(ArmConsentRequired.is(new ReauthenticationRequired())).toBe(false);
    expect(err.aadsts).toBe("AADSTS65001");
  });

  it("answers 401 arm_consent_required with the sign-in that asks for ARM access", () => {
    expect(errorAnswer(new ArmConsentRequired("AADSTS90094"), "r")).toEqual({
      status: 401,
      code: ARM_CONSENT_CODE,
      message: new ArmConsentRequired().message,
      signInUrl: ARM_ACCESS_SIGN_IN_URL,
    });
    expect(ARM_ACCESS_SIGN_IN_URL).toBe("/auth/sign-in?access=arm");
    // A plain expired sign-in keeps its own answer.
    expect(errorAnswer(new ReauthenticationRequired(), "r")).toMatchObject({ status: 401, code: "reauthenticate" });
  });

  it("stops a job instead of retrying it", () => {
    expect(failureOf(new ArmConsentRequired())).toEqual({ message: new ArmConsentRequired().message, retryable: false });
    expect(failureOf({ name: "ArmConsentRequired", message: "consent" })).toEqual({ message: "consent", retryable: false });
  });
});
